"""The demo reports, written for this project in our own words.

The first one carries the facts of the source article (the 2020 social-assistance
supervision); the others are plausible council work of 2020-2023 so that every status,
overdue items and recommendations to merged agencies appear. Dates are dd/mm/yyyy.
"""

SOURCE_SLUG = "giam-sat-chinh-sach-tro-giup-xa-hoi-2020"
RE_INSPECTION_SLUG = "tai-giam-sat-chinh-sach-tro-giup-xa-hoi-2022"

REPORTS = [
    {
        "slug": SOURCE_SLUG,
        "title": "Giám sát việc thực hiện chính sách, pháp luật về trợ giúp xã hội đối với "
        "đối tượng bảo trợ xã hội",
        "kind": "chuyen-de",
        "body": "vhxh",
        "head": "huyen",
        "subject": "Việc thực hiện chính sách, pháp luật về trợ giúp xã hội",
        "fields": ["bao-tro-xa-hoi"],
        "agencies": ["sldtbxh"],
        "districts": ["Tam Đường", "Sìn Hồ", "Phong Thổ"],
        "localities_note": "12 xã thuộc 3 huyện",
        "report_date": "26/10/2020",
        "sessions": [
            (
                "26/10/2020",
                "Sở Lao động - Thương binh và Xã hội",
                "Buổi làm việc chiều 26/10 sau đợt giám sát tại cơ sở",
            )
        ],
        # Illustrative reference number: the source article does not give the plan's.
        "legal_bases": [
            (
                "ke-hoach",
                "01/KH-BVHXH",
                None,
                "Ban Văn hóa - Xã hội HĐND tỉnh",
                "Kế hoạch giám sát chuyên đề năm 2020",
            )
        ],
        "figures": [
            ("Đối tượng hưởng trợ cấp hằng tháng tại cộng đồng", "8712", "người", "30/06/2020", ""),
            (
                "Đối tượng bảo trợ xã hội hưởng trợ cấp hằng tháng",
                "7961",
                "người",
                "30/06/2020",
                "Thuộc tổng số hưởng trợ cấp tại cộng đồng",
            ),
            ("Đối tượng hưởng kinh phí chăm sóc tại cộng đồng", "646", "người", "30/06/2020", ""),
            ("Đối tượng nuôi dưỡng tại cơ sở bảo trợ xã hội", "105", "người", "30/06/2020", ""),
            (
                "Đối tượng có hồ sơ được chi trả kịp thời, đúng định mức",
                "100",
                "%",
                "30/06/2020",
                "Theo kết quả giám sát tại cơ sở",
            ),
        ],
        "summary": "Đoàn giám sát của Ban Văn hóa - Xã hội làm việc với Sở Lao động - Thương "
        "binh và Xã hội sau khi kiểm tra thực tế tại 12 xã của ba huyện Tam Đường, Sìn Hồ, "
        "Phong Thổ; trọng tâm kết luận là tăng cường tái kiểm tra, giám sát ở cơ sở.",
        "findings": "<p>Cấp ủy, chính quyền các cấp quan tâm chỉ đạo; văn bản hướng dẫn được "
        "ban hành kịp thời và chính sách được tuyên truyền rộng rãi. Hồ sơ trợ cấp được tiếp "
        "nhận, thẩm định qua bộ phận một cửa, đúng trình tự và thời hạn.</p><p>Toàn bộ đối "
        "tượng có hồ sơ quản lý được chi trả đúng người, đúng mức; việc chi trả qua bưu điện "
        "bảo đảm công khai, tách bạch giữa quản lý và chi trả.</p>",
        "shortcomings": "<ul><li>Thanh tra, kiểm tra chưa thường xuyên; gần như chưa tái kiểm "
        "tra sau kiểm tra.</li><li>Xác định đối tượng ở một số nơi chưa chính xác, nhất là trẻ "
        "em mồ côi.</li><li>Quy trình, hồ sơ giữa các xã chưa thống nhất; có xã chưa chi chế "
        "độ họp hội đồng xét duyệt.</li><li>Hội đồng xác định mức độ khuyết tật thiếu người có "
        "chuyên môn.</li><li>Rà soát, cập nhật đối tượng chưa kịp thời, còn chi trả chậm.</li>"
        "<li>Tập huấn cho cán bộ cấp xã chưa đều, chất lượng chưa cao.</li></ul>",
        "agency_response": "<p>Lãnh đạo và chuyên viên của Sở giải trình từng nội dung, tiếp "
        "thu ý kiến của đoàn và nhận trách nhiệm khắc phục trong thời gian tới.</p>",
        "conclusion": "<p>Trưởng đoàn ghi nhận hệ thống văn bản cơ bản đầy đủ, kịp thời và "
        "tinh thần trách nhiệm của đội ngũ làm công tác bảo trợ xã hội; đồng thời yêu cầu "
        "khắc phục các hạn chế theo các kiến nghị dưới đây.</p>",
        "recommendations": [
            {
                "key": "van-ban",
                "text": "Tham mưu Ủy ban nhân dân tỉnh ban hành văn bản chỉ đạo "
                "các huyện, thành phố thực hiện đồng bộ công tác bảo trợ xã hội, không để sót "
                "đối tượng.",
                "to": ["sldtbxh"],
                "deadline": "31/03/2021",
                "priority": False,
                "position": (
                    "tiep-thu",
                    "10/11/2020",
                    "Sở thống nhất và đã giao phòng chuyên môn dự thảo văn bản.",
                ),
            },
            {
                "key": "tai-kiem-tra",
                "text": "Tăng cường tái kiểm tra, giám sát tại cơ sở để "
                "kịp thời chấn chỉnh, nhắc nhở các xã.",
                "to": ["sldtbxh"],
                "deadline": "30/06/2021",
                "priority": True,
                "position": (
                    "tiep-thu",
                    "10/11/2020",
                    "Sẽ đưa nội dung tái kiểm tra vào kế hoạch thanh tra năm 2021.",
                ),
            },
            {
                "key": "phoi-hop",
                "text": "Phối hợp chặt chẽ với các sở, ngành liên quan khi "
                "thực hiện chính sách trợ giúp xã hội.",
                "to": ["sldtbxh"],
                "deadline": None,
                "priority": False,
                "position": ("tiep-thu", "10/11/2020", ""),
            },
            {
                "key": "tap-huan",
                "text": "Chú trọng tập huấn, bồi dưỡng nâng cao năng lực cho "
                "cán bộ làm công tác bảo trợ xã hội cấp xã.",
                "to": ["sldtbxh"],
                "deadline": "31/12/2021",
                "priority": False,
                "position": (
                    "tiep-thu-mot-phan",
                    "10/11/2020",
                    "Tiếp thu; kinh phí tập huấn phụ thuộc dự toán được giao.",
                ),
            },
        ],
        "articles": ["tang-cuong-tai-kiem-tra-giam-sat-bao-tro-xa-hoi"],
    },
    {
        "slug": "giam-sat-quan-ly-khoang-san-2020",
        "title": "Giám sát công tác quản lý nhà nước về khoáng sản trên địa bàn tỉnh",
        "kind": "chuyen-de",
        "body": "ktns",
        "subject": "Quản lý, cấp phép, thu ngân sách từ hoạt động khai thác khoáng sản",
        "fields": ["khoang-san", "ngan-sach"],
        "agencies": ["ct", "stnmt"],
        "districts": ["Phong Thổ", "Tam Đường"],
        "report_date": "20/11/2020",
        "period": ("01/01/2016", "30/09/2020"),
        "sessions": [
            ("06/11/2020", "Cục Thuế tỉnh", ""),
            ("07/11/2020", "Sở Tài nguyên và Môi trường", ""),
            ("20/11/2020", "Trụ sở HĐND tỉnh", "Họp thông qua báo cáo kết quả"),
        ],
        "figures": [
            ("Giấy phép khai thác còn hiệu lực", "47", "giấy phép", "30/09/2020", ""),
            ("Tiền cấp quyền khai thác còn nợ đọng", "12,8", "tỷ đồng", "30/09/2020", ""),
        ],
        "summary": "Ban Kinh tế - Ngân sách giám sát việc cấp phép, kiểm tra và thu ngân sách "
        "từ khai thác khoáng sản; chỉ ra tình trạng nợ đọng tiền cấp quyền và khai thác "
        "không phép ở một số điểm.",
        "findings": "<p>Công tác cấp phép cơ bản đúng quy định; số thu từ khoáng sản tăng qua "
        "các năm.</p>",
        "shortcomings": "<ul><li>Nợ đọng tiền cấp quyền khai thác kéo dài.</li><li>Một số giấy "
        "phép hết hạn chưa được đóng cửa mỏ.</li><li>Còn khai thác cát, sỏi trái phép ở lòng "
        "suối.</li></ul>",
        "agency_response": "<p>Cục Thuế và Sở Tài nguyên và Môi trường tiếp thu, cam kết đôn đốc "
        "thu nợ và rà soát giấy phép.</p>",
        "conclusion": "<p>Ban đề nghị các cơ quan khắc phục dứt điểm nợ đọng và siết chặt "
        "kiểm tra sau cấp phép.</p>",
        "recommendations": [
            {
                "key": "thu-no",
                "text": "Đôn đốc thu dứt điểm tiền cấp quyền khai thác khoáng sản còn nợ đọng.",
                "to": ["ct"],
                "deadline": "30/06/2021",
                "priority": True,
                "position": ("tiep-thu", "01/12/2020", ""),
                "updates": [
                    (
                        "15/07/2021",
                        "da-thuc-hien",
                        "Đã thu 12,1/12,8 tỷ đồng; phần còn lại chuyển cưỡng chế.",
                    )
                ],
            },
            {
                "key": "dong-cua-mo",
                "text": "Rà soát, đóng cửa mỏ đối với các giấy phép đã hết hạn.",
                "to": ["stnmt"],
                "deadline": "31/12/2021",
                "priority": False,
                "position": ("tiep-thu", "01/12/2020", ""),
                "updates": [("20/03/2021", "dang-thuc-hien", "Đã rà soát 9 giấy phép hết hạn.")],
            },
            {
                "key": "trai-phep",
                "text": "Kiểm tra, xử lý nghiêm khai thác cát, sỏi trái phép trên các suối.",
                "to": ["ubnd"],
                "deadline": "30/06/2021",
                "priority": False,
                "position": ("chua-phan-hoi", None, ""),
            },
        ],
        "articles": [
            "giam-sat-cuc-thue-so-tai-nguyen-moi-truong-quan-ly-khoang-san",
            "ban-kinh-te-ngan-sach-hop-ket-luan-giam-sat-khoang-san",
        ],
    },
    {
        "slug": "khao-sat-y-te-dan-so-attp-2020",
        "title": "Khảo sát việc thực hiện chỉ tiêu, kế hoạch về y tế, dân số, an toàn vệ sinh "
        "thực phẩm năm 2020",
        "kind": "khao-sat",
        "body": "vhxh",
        "subject": "Chỉ tiêu y tế, dân số, an toàn thực phẩm",
        "fields": ["y-te"],
        "agencies": ["syt"],
        "report_date": "20/11/2020",
        "period": ("01/01/2020", "31/10/2020"),
        "figures": [
            ("Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ", "93,5", "%", "31/10/2020", "")
        ],
        "summary": "Khảo sát tiến độ các chỉ tiêu y tế, dân số và an toàn thực phẩm trước kỳ "
        "họp cuối năm.",
        "findings": "<p>Phần lớn chỉ tiêu y tế đạt kế hoạch.</p>",
        "shortcomings": "<p>Thiếu bác sĩ ở tuyến xã; kiểm tra an toàn thực phẩm ở chợ phiên "
        "còn mỏng.</p>",
        "conclusion": "<p>Đề nghị Sở Y tế có giải pháp thu hút bác sĩ về xã.</p>",
        "recommendations": [
            {
                "key": "bac-si",
                "text": "Xây dựng giải pháp thu hút, luân phiên bác sĩ về trạm y tế xã.",
                "to": ["syt"],
                "deadline": "30/06/2022",
                "priority": True,
                "position": ("tiep-thu", "15/12/2020", ""),
                "updates": [("10/05/2022", "thuc-hien-mot-phan", "Đã luân phiên 14 bác sĩ về xã.")],
            },
            {
                "key": "cho-phien",
                "text": "Tăng kiểm tra an toàn thực phẩm tại chợ phiên vùng cao.",
                "to": ["syt"],
                "deadline": None,
                "priority": False,
                "position": ("tiep-thu", "15/12/2020", ""),
                "updates": [("01/02/2021", "dang-thuc-hien", "")],
            },
        ],
        "articles": ["ban-van-hoa-xa-hoi-khao-sat-y-te-dan-so-an-toan-thuc-pham-2020"],
    },
    {
        "slug": "giam-sat-tiep-cong-dan-2020",
        "title": "Giám sát công tác tiếp công dân, giải quyết đơn khiếu nại, tố cáo năm 2020",
        "kind": "thuong-xuyen",
        "body": "tt",
        "subject": "Tiếp công dân, giải quyết khiếu nại, tố cáo",
        "fields": ["tiep-cong-dan"],
        "agencies": ["tt", "btcd"],
        "report_date": "10/11/2020",
        "figures": [
            ("Lượt công dân được tiếp", "1245", "lượt", "30/09/2020", ""),
            ("Đơn thuộc thẩm quyền đã giải quyết", "96,2", "%", "30/09/2020", ""),
        ],
        "summary": "Thường trực HĐND tỉnh đánh giá chất lượng tiếp công dân và giải quyết đơn "
        "thư có chuyển biến.",
        "findings": "<p>Tỷ lệ giải quyết đơn thuộc thẩm quyền đạt cao.</p>",
        "shortcomings": "<p>Một số vụ việc kéo dài, đơn trùng lặp nhiều.</p>",
        "conclusion": "<p>Yêu cầu tập trung giải quyết dứt điểm các vụ việc tồn đọng.</p>",
        "recommendations": [
            {
                "key": "ton-dong",
                "text": "Giải quyết dứt điểm các vụ việc khiếu nại tồn đọng, kéo dài.",
                "to": ["tt"],
                "deadline": "31/12/2021",
                "priority": True,
                "position": ("tiep-thu", "20/11/2020", ""),
                "updates": [("30/12/2021", "da-thuc-hien", "Đã giải quyết 6/6 vụ việc.")],
            },
            {
                "key": "so-hoa",
                "text": "Số hóa hồ sơ tiếp công dân để theo dõi đơn trùng lặp.",
                "to": ["btcd"],
                "deadline": "31/12/2020",
                "priority": False,
                "position": ("khong-tiep-thu", "20/11/2020", "Chờ hệ thống dùng chung toàn quốc."),
                "updates": [
                    (
                        "15/03/2023",
                        "khong-con-phu-hop",
                        "Đã dùng cơ sở dữ liệu quốc gia về tiếp công dân.",
                    )
                ],
            },
        ],
        "articles": ["chat-luong-tiep-cong-dan-giai-quyet-don-khieu-nai-to-cao-nang-len"],
    },
    {
        "slug": "khao-sat-chinh-sach-dan-toc-nam-nhun-2021",
        "title": "Khảo sát việc thực hiện chính sách hỗ trợ đồng bào dân tộc thiểu số tại "
        "huyện Nậm Nhùn",
        "kind": "khao-sat",
        "body": "dt",
        "subject": "Chính sách hỗ trợ đồng bào dân tộc thiểu số",
        "fields": ["dan-toc"],
        "agencies": ["bdt", "ubnd-nn"],
        "districts": ["Nậm Nhùn"],
        "report_date": "19/08/2021",
        "summary": "Ban Dân tộc khảo sát việc hỗ trợ nhà ở, đất sản xuất và nước sinh hoạt.",
        "shortcomings": "<p>Hỗ trợ đất sản xuất chậm do thiếu quỹ đất.</p>",
        "conclusion": "<p>Đề nghị rà soát quỹ đất và lồng ghép nguồn vốn.</p>",
        "recommendations": [
            {
                "key": "quy-dat",
                "text": "Rà soát quỹ đất để hỗ trợ đất sản xuất cho hộ nghèo "
                "đồng bào dân tộc thiểu số.",
                "to": ["ubnd-nn"],
                "deadline": "31/12/2022",
                "priority": False,
                "position": ("tiep-thu", "10/09/2021", ""),
            },
        ],
        "articles": ["ban-dan-toc-khao-sat-chinh-sach-ho-tro-dong-bao-tai-nam-nhun"],
    },
    {
        "slug": "giam-sat-bo-tri-dan-cu-than-uyen-2021",
        "title": "Giám sát việc bố trí, ổn định dân cư tại huyện Than Uyên",
        "kind": "chuyen-de",
        "body": "tdb-tu",
        "subject": "Bố trí, ổn định dân cư vùng thiên tai",
        "fields": ["dan-cu"],
        "agencies": ["ubnd-tu"],
        "districts": ["Than Uyên"],
        "report_date": "13/10/2021",
        "figures": [("Hộ đã được bố trí ổn định", "132", "hộ", "30/09/2021", "")],
        "summary": "Tổ đại biểu giám sát tiến độ di dời các hộ ở vùng có nguy cơ sạt lở.",
        "conclusion": "<p>Đề nghị đẩy nhanh hạ tầng các điểm tái định cư.</p>",
        "recommendations": [
            {
                "key": "ha-tang",
                "text": "Đẩy nhanh tiến độ hạ tầng điện, nước tại các điểm tái định cư.",
                "to": ["ubnd-tu"],
                "deadline": "30/06/2022",
                "priority": True,
                "position": ("tiep-thu", "01/11/2021", ""),
                "updates": [
                    ("20/06/2022", "dang-thuc-hien", "Đã có điện; nước sinh hoạt chưa xong.")
                ],
            },
        ],
        "articles": ["to-dai-bieu-than-uyen-giam-sat-bo-tri-on-dinh-dan-cu"],
    },
    {
        "slug": "giam-sat-thi-hanh-an-dan-su-2021",
        "title": "Giám sát công tác thi hành án dân sự năm 2021",
        "kind": "thuong-xuyen",
        "body": "pc",
        "subject": "Thi hành án dân sự",
        "fields": ["tu-phap"],
        "agencies": ["cthads"],
        "report_date": "17/01/2022",
        "figures": [("Việc thi hành xong về việc", "86,4", "%", "30/09/2021", "")],
        "summary": "Ban Pháp chế đánh giá kết quả thi hành án dân sự và các vụ việc tồn đọng.",
        "conclusion": "<p>Đề nghị tập trung các vụ việc có giá trị lớn.</p>",
        "recommendations": [
            {
                "key": "gia-tri-lon",
                "text": "Tập trung tổ chức thi hành các vụ việc có giá trị "
                "lớn, liên quan tín dụng ngân hàng.",
                "to": ["cthads"],
                "deadline": "30/09/2022",
                "priority": False,
                "position": ("tiep-thu", "01/02/2022", ""),
                "updates": [("30/09/2022", "da-thuc-hien", "")],
            },
        ],
        "articles": ["ban-phap-che-giam-sat-cong-tac-thi-hanh-an-dan-su-nam-2021"],
    },
    {
        "slug": "giam-sat-nong-thon-moi-tan-uyen-2022",
        "title": "Giám sát thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới tại "
        "huyện Tân Uyên",
        "kind": "chuyen-de",
        "body": "ktns",
        "subject": "Chương trình MTQG xây dựng nông thôn mới",
        "fields": ["nong-thon-moi", "ngan-sach"],
        "agencies": ["snnptnt", "ubnd-tanuyen"],
        "districts": ["Tân Uyên"],
        "report_date": "21/03/2022",
        "period": ("01/01/2021", "31/12/2021"),
        "figures": [("Vốn chương trình đã giải ngân", "71,3", "%", "31/12/2021", "")],
        "summary": "Ban Kinh tế - Ngân sách giám sát tiến độ giải ngân và tiêu chí nông thôn mới.",
        "shortcomings": "<p>Giải ngân chậm; nhiều xã chưa đạt tiêu chí thu nhập.</p>",
        "recommendations": [
            {
                "key": "giai-ngan",
                "text": "Đẩy nhanh giải ngân vốn chương trình, không để chuyển nguồn kéo dài.",
                "to": ["snnptnt"],
                "deadline": "31/12/2022",
                "priority": True,
                "position": (
                    "tiep-thu-mot-phan",
                    "05/04/2022",
                    "Phụ thuộc hướng dẫn của Trung ương.",
                ),
                "updates": [("31/01/2023", "khong-thuc-hien", "Giải ngân chỉ đạt 58%.")],
            },
            {
                "key": "thu-nhap",
                "text": "Ưu tiên các mô hình sinh kế nâng thu nhập cho xã chưa đạt tiêu chí.",
                "to": ["ubnd-tanuyen"],
                "deadline": "31/12/2023",
                "priority": False,
                "position": ("tiep-thu", "05/04/2022", ""),
            },
        ],
        "articles": ["giam-sat-chuong-trinh-nong-thon-moi-tai-huyen-tan-uyen"],
    },
    {
        "slug": "giam-sat-kinh-phi-giao-duc-sin-ho-2022",
        "title": "Giám sát việc sử dụng kinh phí sự nghiệp giáo dục tại huyện Sìn Hồ",
        "kind": "chuyen-de",
        "body": "vhxh",
        "subject": "Kinh phí sự nghiệp giáo dục",
        "fields": ["giao-duc", "ngan-sach"],
        "agencies": ["sgddt", "ubnd-sh"],
        "districts": ["Sìn Hồ"],
        "report_date": "15/11/2022",
        "summary": "Ban Văn hóa - Xã hội giám sát phân bổ và sử dụng kinh phí cho các trường "
        "vùng cao.",
        "recommendations": [
            {
                "key": "ban-tru",
                "text": "Bố trí đủ kinh phí nấu ăn cho học sinh bán trú.",
                "to": ["sgddt"],
                "deadline": "30/06/2023",
                "priority": True,
                "position": ("tiep-thu", "01/12/2022", ""),
            },
        ],
        "articles": ["giam-sat-kinh-phi-su-nghiep-giao-duc-tai-huyen-sin-ho"],
    },
    {
        "slug": RE_INSPECTION_SLUG,
        "title": "Tái giám sát việc khắc phục hạn chế trong thực hiện chính sách trợ giúp xã hội",
        "kind": "tai-giam-sat",
        "body": "vhxh",
        "head": "huyen",
        "subject": "Kết quả thực hiện kiến nghị giám sát năm 2020 về trợ giúp xã hội",
        "fields": ["bao-tro-xa-hoi"],
        "agencies": ["sldtbxh"],
        "districts": ["Sìn Hồ", "Phong Thổ"],
        "report_date": "23/08/2022",
        "follows_up": SOURCE_SLUG,
        "summary": "Hai năm sau đợt giám sát năm 2020, Ban Văn hóa - Xã hội kiểm tra lại việc "
        "thực hiện bốn kiến nghị đã đưa ra.",
        "findings": "<p>Văn bản chỉ đạo thống nhất đã được ban hành; việc chi trả đúng hạn.</p>",
        "shortcomings": "<p>Tái kiểm tra mới làm ở một phần số xã; tập huấn cấp xã chưa tổ "
        "chức.</p>",
        "conclusion": "<p>Ban đề nghị tiếp tục theo dõi hai kiến nghị chưa hoàn thành.</p>",
        "reviews": [
            ("van-ban", "da-thuc-hien", "Đã ban hành văn bản chỉ đạo thống nhất toàn tỉnh."),
            ("tai-kiem-tra", "thuc-hien-mot-phan", "Mới tái kiểm tra 5/12 xã đã giám sát."),
            ("tap-huan", "khong-thuc-hien", "Chưa tổ chức lớp tập huấn nào cho cấp xã."),
        ],
        "articles": ["tai-giam-sat-khac-phuc-han-che-chinh-sach-tro-giup-xa-hoi"],
    },
]
