"""Demo articles of 2021 (written for the demo; facts are illustrative)."""

ARTICLES = [
    {
        "slug": "thong-qua-chuong-trinh-giam-sat-nam-2021",
        "title": "Thông qua chương trình giám sát năm 2021 của Thường trực và các Ban HĐND tỉnh",
        "section": "hoat-dong-giam-sat",
        "published": "12/01/2021 08:45:30",
        "author": "Minh Hằng",
        "tags": ["giám sát"],
        "image": None,
        "summary": (
            "Năm 2021, Thường trực và các Ban HĐND tỉnh chọn ít nội dung nhưng đi sâu, ưu tiên "
            "những lĩnh vực cử tri phản ánh nhiều và kiểm tra lại việc thực hiện kiến nghị sau "
            "các cuộc giám sát trước."
        ),
        "body": [
            "Ngày 12/01/2021, Thường trực HĐND tỉnh thống nhất chương trình giám sát năm 2021. "
            "Do là năm diễn ra bầu cử, các cuộc giám sát được bố trí chủ yếu trong quý I và "
            "quý IV để không trùng với thời gian chuẩn bị bầu cử.",
            "Thường trực sẽ giám sát việc giải quyết kiến nghị cử tri và công tác tiếp công dân. "
            "Ban Kinh tế - Ngân sách theo dõi quản lý đầu tư công; Ban Văn hóa - Xã hội tập "
            "trung vào giáo dục vùng cao; Ban Pháp chế giám sát công tác thi hành án; Ban Dân "
            "tộc khảo sát các chính sách hỗ trợ đồng bào dân tộc thiểu số.",
            "Điểm mới của chương trình là mỗi cuộc giám sát đều dành thời gian kiểm tra lại "
            "kiến nghị cũ, công khai kết quả trên trang thông tin điện tử để cử tri theo dõi.",
        ],
    },
    {
        "slug": "kiem-tra-cong-tac-chuan-bi-bau-cu-tai-huyen-muong-te",
        "title": "Thường trực HĐND tỉnh kiểm tra công tác chuẩn bị bầu cử tại huyện Mường Tè",
        "section": "thuong-truc-hdnd-tinh",
        "published": "25/02/2021 15:20:00",
        "author": "Lò Thị Mai",
        "tags": ["bầu cử"],
        "image": {
            "scene": "landscape",
            "caption": "Đường lên các bản vùng cao của huyện Mường Tè",
            "alt": "Núi đồi nhiều lớp, ruộng bậc thang và một ngôi nhà sàn nhỏ",
        },
        "summary": (
            "Đoàn kiểm tra lưu ý địa phương sớm rà soát danh sách cử tri ở các bản xa, nơi "
            "nhiều người đi làm ăn theo mùa vụ, để không ai bị bỏ sót quyền bầu cử."
        ),
        "body": [
            "Ngày 25/02/2021, đoàn kiểm tra của Thường trực HĐND tỉnh làm việc với Ủy ban bầu cử "
            "huyện Mường Tè về tiến độ chuẩn bị cuộc bầu cử đại biểu Quốc hội khóa XV và đại "
            "biểu HĐND các cấp nhiệm kỳ 2021 - 2026.",
            "Huyện có địa bàn rộng, nhiều bản cách trung tâm xã hàng chục cây số, giao thông "
            "khó khăn vào mùa mưa. Huyện đã dự kiến thành lập các tổ bầu cử, bố trí hòm phiếu "
            "phụ cho người già yếu, ốm đau và lập phương án dự phòng khi thời tiết xấu.",
            "Đoàn đề nghị huyện làm tốt việc tuyên truyền bằng tiếng dân tộc, lập danh sách cử "
            "tri chính xác và chuẩn bị kỹ phương án phòng, chống dịch tại các điểm bỏ phiếu.",
        ],
    },
    {
        "slug": "cu-tri-lai-chau-di-bau-cu-dai-bieu-quoc-hoi-va-hdnd-cac-cap",
        "title": "Cử tri các dân tộc tỉnh Lai Châu đi bầu cử đại biểu Quốc hội và HĐND các cấp",
        "section": "hoi-dong-nhan-dan-tinh",
        "published": "24/05/2021 09:30:12",
        "author": "Lò Thị Mai",
        "tags": ["bầu cử"],
        "image": {
            "scene": "building",
            "caption": "Một khu vực bỏ phiếu tại thành phố Lai Châu",
            "alt": "Nhà văn hóa có treo cờ, phía trước là sân rộng và hàng cây",
        },
        "summary": (
            "Ngày hội non sông 23/5/2021 diễn ra an toàn trên toàn tỉnh. Nhiều khu vực bỏ phiếu "
            "ở vùng cao hoàn thành sớm nhờ cử tri đến từ lúc trời chưa sáng."
        ),
        "body": [
            "Từ sáng sớm 23/5/2021, cử tri các dân tộc trong tỉnh đã mặc trang phục truyền thống "
            "đến các khu vực bỏ phiếu. Ở nhiều bản, người dân đi bộ cả giờ đồng hồ để kịp dự lễ "
            "khai mạc.",
            "Các tổ bầu cử thực hiện nghiêm các biện pháp phòng dịch: đo thân nhiệt, sát khuẩn "
            "tay, giữ khoảng cách. Hòm phiếu phụ được mang đến tận nhà những cử tri cao tuổi, ốm "
            "đau không thể đến điểm bỏ phiếu.",
            "Theo báo cáo nhanh của Ủy ban bầu cử tỉnh, cuộc bầu cử diễn ra dân chủ, đúng luật; "
            "tỷ lệ cử tri đi bầu đạt cao. Kết quả chính thức sẽ được công bố theo đúng thời gian "
            "luật định.",
        ],
    },
    {
        "slug": "ky-hop-thu-nhat-hdnd-tinh-khoa-xv-thanh-cong",
        "title": "Kỳ họp thứ nhất HĐND tỉnh khóa XV, nhiệm kỳ 2021 - 2026 thành công tốt đẹp",
        "section": "ky-hop",
        "published": "26/06/2021 10:15:47",
        "author": "Hoàng Long",
        "tags": ["kỳ họp"],
        "image": {
            "scene": "hall",
            "caption": "Các đại biểu HĐND tỉnh khóa XV tại kỳ họp thứ nhất",
            "alt": "Hội trường đông kín đại biểu, phía trước là đoàn chủ tịch và phông đỏ",
        },
        "summary": (
            "Kỳ họp thứ nhất đã bầu các chức danh của HĐND, UBND tỉnh nhiệm kỳ mới, thành lập "
            "các Ban của HĐND tỉnh và thông qua chương trình hoạt động giám sát năm 2022."
        ),
        "body": [
            "Ngày 25/6/2021, HĐND tỉnh khóa XV tiến hành kỳ họp thứ nhất. Đây là kỳ họp đầu "
            "tiên sau cuộc bầu cử, với nhiều đại biểu lần đầu tham gia cơ quan dân cử.",
            "Các đại biểu đã bầu Chủ tịch, các Phó Chủ tịch, Ủy viên Thường trực HĐND tỉnh; "
            "thành lập Ban Pháp chế, Ban Kinh tế - Ngân sách, Ban Văn hóa - Xã hội và Ban Dân "
            "tộc; bầu Chủ tịch, các Phó Chủ tịch và Ủy viên UBND tỉnh.",
            "HĐND tỉnh cũng xác nhận kết quả bầu cử, thông qua chương trình giám sát năm 2022 "
            "và một số nghị quyết về tổ chức, hoạt động trong nhiệm kỳ.",
            "Phát biểu bế mạc, chủ tọa kỳ họp nhấn mạnh trách nhiệm giữ mối liên hệ thường "
            "xuyên với cử tri và mong các đại biểu sớm bắt nhịp với công việc.",
        ],
    },
    {
        "slug": "giam-sat-phong-chong-dich-covid-19-tai-chot-kiem-soat",
        "title": "Giám sát công tác phòng, chống dịch COVID-19 tại các chốt kiểm soát liên ngành",
        "section": "hoat-dong-giam-sat",
        "published": "15/07/2021 14:55:03",
        "author": "Văn Tuấn",
        "tags": ["giám sát", "phòng chống dịch"],
        "image": {
            "scene": "landscape",
            "caption": "Tuyến đường vào tỉnh qua vùng đồi núi",
            "alt": "Các dãy núi xanh nối tiếp, ruộng bậc thang ở phía dưới",
        },
        "summary": (
            "Đoàn giám sát ghi nhận lực lượng tại chốt làm việc trách nhiệm trong điều kiện vất "
            "vả, đồng thời đề nghị bảo đảm chế độ và điều kiện sinh hoạt cho người trực chốt."
        ),
        "body": [
            "Từ ngày 13 đến 15/7/2021, đoàn giám sát của Ban Văn hóa - Xã hội HĐND tỉnh đến một "
            "số chốt kiểm soát dịch trên các tuyến đường vào tỉnh.",
            "Tại các chốt, phương tiện và người qua lại được khai báo, kiểm tra giấy xét nghiệm "
            "theo quy định. Lực lượng y tế, công an, quân sự và dân quân phối hợp nhịp nhàng, "
            "trực 24/24 giờ.",
            "Một số chốt còn thiếu lán che, nước sạch; chế độ bồi dưỡng cho người trực có nơi "
            "chậm chi trả. Đoàn đề nghị các địa phương khắc phục ngay và báo cáo UBND tỉnh nếu "
            "vượt thẩm quyền.",
        ],
    },
    {
        "slug": "ban-dan-toc-khao-sat-chinh-sach-ho-tro-dong-bao-tai-nam-nhun",
        "title": (
            "Ban Dân tộc HĐND tỉnh khảo sát chính sách hỗ trợ đồng bào dân tộc thiểu số tại "
            "huyện Nậm Nhùn"
        ),
        "section": "cac-ban-hdnd-tinh",
        "published": "20/08/2021 08:30:19",
        "author": "Lò Thị Mai",
        "tags": ["khảo sát", "dân tộc"],
        "image": {
            "scene": "landscape",
            "caption": "Một bản người Mảng ở huyện Nậm Nhùn",
            "alt": "Nhà sàn giữa ruộng bậc thang, phía sau là núi cao",
        },
        "summary": (
            "Ban Dân tộc ghi nhận các chính sách hỗ trợ sản xuất, nhà ở, nước sinh hoạt đã góp "
            "phần cải thiện đời sống, nhưng nguồn vốn đến chậm khiến nhiều hộ lỡ mùa vụ."
        ),
        "body": [
            "Ngày 19 và 20/8/2021, Ban Dân tộc HĐND tỉnh khảo sát tại các xã Nậm Hàng, Mường "
            "Mô, Lê Lợi của huyện Nậm Nhùn về việc thực hiện chính sách dân tộc giai đoạn "
            "2016 - 2020.",
            "Người dân phấn khởi khi nhiều công trình nước sinh hoạt, đường vào bản được xây "
            "dựng; giống cây, con được cấp đúng đối tượng. Tuy nhiên, có công trình nước xuống "
            "cấp nhanh do thiếu người quản lý; vốn hỗ trợ sản xuất về muộn so với thời vụ.",
            "Ban đề nghị huyện giao cộng đồng thôn, bản quản lý công trình sau đầu tư; lựa "
            "chọn cây trồng, vật nuôi phù hợp với tập quán từng dân tộc.",
        ],
    },
    {
        "slug": "boi-duong-ky-nang-hoat-dong-cho-dai-bieu-hdnd-tinh-khoa-xv",
        "title": "Bồi dưỡng kỹ năng hoạt động cho đại biểu HĐND tỉnh khóa XV",
        "section": "hoi-dong-nhan-dan-tinh",
        "published": "28/09/2021 16:05:40",
        "author": "Thu Trang",
        "tags": ["đại biểu", "kỳ họp"],
        "image": {
            "scene": "meeting",
            "caption": "Đại biểu HĐND tỉnh tham dự lớp bồi dưỡng",
            "alt": "Nhiều người ngồi hai bên bàn dài, trước mặt có biển tên",
        },
        "summary": (
            "Lớp bồi dưỡng giúp đại biểu, nhất là những người lần đầu trúng cử, nắm vững kỹ năng "
            "tiếp xúc cử tri, thảo luận, chất vấn và giám sát."
        ),
        "body": [
            "Trong hai ngày 27 và 28/9/2021, Thường trực HĐND tỉnh tổ chức lớp bồi dưỡng kỹ "
            "năng hoạt động cho đại biểu HĐND tỉnh khóa XV.",
            "Các báo cáo viên giới thiệu những điểm mới của pháp luật về tổ chức chính quyền "
            "địa phương, cách chuẩn bị câu hỏi chất vấn ngắn gọn, đúng thẩm quyền và cách ghi "
            "nhận, theo dõi kiến nghị của cử tri sau tiếp xúc.",
            {
                "quote": (
                    "Một câu chất vấn tốt là câu hỏi mà cử tri đã hỏi mình, được mình kiểm chứng "
                    "và hỏi đúng người có trách nhiệm trả lời."
                ),
                "by": "Báo cáo viên lớp bồi dưỡng",
            },
            "Nhiều đại biểu đề nghị được bồi dưỡng thêm về thẩm tra dự toán ngân sách và kỹ năng "
            "sử dụng phần mềm tài liệu điện tử.",
        ],
    },
    {
        "slug": "to-dai-bieu-than-uyen-giam-sat-bo-tri-on-dinh-dan-cu",
        "title": "Tổ đại biểu HĐND tỉnh tại huyện Than Uyên giám sát việc bố trí, ổn định dân cư",
        "section": "to-dai-bieu-hdnd-tinh",
        "published": "14/10/2021 09:20:33",
        "author": "Văn Tuấn",
        "tags": ["giám sát"],
        "image": {
            "scene": "landscape",
            "caption": "Khu tái định cư mới tại huyện Than Uyên",
            "alt": "Nhà sàn mới dựng trên sườn đồi giữa ruộng bậc thang",
        },
        "summary": (
            "Các hộ dân ở vùng có nguy cơ sạt lở đã được chuyển đến nơi ở mới, nhưng còn thiếu "
            "đất sản xuất và nước tưới cho khu tái định cư."
        ),
        "body": [
            "Ngày 14/10/2021, Tổ đại biểu HĐND tỉnh ứng cử tại huyện Than Uyên giám sát dự án "
            "bố trí, ổn định dân cư vùng thiên tai tại các xã Tà Mung và Khoen On.",
            "Đến nay, các hộ trong diện di chuyển đã dựng nhà ở điểm mới; đường nội bản và điện "
            "sinh hoạt cơ bản hoàn thành. Người dân mong sớm có công trình nước tưới và được "
            "giao đất sản xuất gần nơi ở.",
            "Tổ đại biểu đề nghị huyện rà soát quỹ đất, sớm giao đất sản xuất cho các hộ; đồng "
            "thời sẽ tổng hợp kiến nghị để báo cáo tại kỳ họp cuối năm.",
        ],
    },
    {
        "slug": "hdnd-tinh-quyet-dinh-du-toan-ngan-sach-nam-2022",
        "title": "HĐND tỉnh quyết định dự toán ngân sách địa phương năm 2022",
        "section": "ky-hop",
        "published": "09/12/2021 16:40:00",
        "author": "Hoàng Long",
        "tags": ["kỳ họp", "ngân sách"],
        "image": {
            "scene": "hall",
            "caption": "Phiên thảo luận về dự toán ngân sách tại hội trường",
            "alt": "Đại biểu ngồi kín các dãy ghế hội trường, phía trên là phông đỏ sao vàng",
        },
        "summary": (
            "Tại kỳ họp cuối năm 2021, HĐND tỉnh thông qua dự toán thu, chi ngân sách địa "
            "phương năm 2022, ưu tiên vốn cho giáo dục, y tế và hạ tầng vùng khó khăn."
        ),
        "body": [
            "Ngày 09/12/2021, HĐND tỉnh biểu quyết thông qua nghị quyết về dự toán ngân sách địa "
            "phương và phương án phân bổ ngân sách cấp tỉnh năm 2022.",
            "Báo cáo thẩm tra của Ban Kinh tế - Ngân sách nhận định dự toán được xây dựng thận "
            "trọng, phù hợp với khả năng thu trong điều kiện dịch bệnh còn diễn biến phức tạp.",
            {
                "table": [
                    ["Nội dung", "Tỷ trọng trong tổng chi (minh họa)"],
                    ["Chi đầu tư phát triển", "24%"],
                    ["Chi sự nghiệp giáo dục, đào tạo", "31%"],
                    ["Chi sự nghiệp y tế", "9%"],
                    ["Chi quản lý hành chính", "14%"],
                    ["Các khoản chi khác", "22%"],
                ],
                "caption": "Cơ cấu chi ngân sách địa phương năm 2022 (số liệu minh họa)",
            },
            "Đại biểu đề nghị giao dự toán sớm cho các đơn vị, tránh dồn giải ngân vào cuối "
            "năm; tăng cường chống thất thu, nhất là thu từ khai thác khoáng sản.",
        ],
    },
]
