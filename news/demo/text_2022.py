"""Demo articles of 2022 (written for the demo; facts are illustrative)."""

from .text_source import FEATURED_SLUG

ARTICLES = [
    {
        "slug": "ban-phap-che-giam-sat-cong-tac-thi-hanh-an-dan-su-nam-2021",
        "title": "Ban Pháp chế HĐND tỉnh giám sát công tác thi hành án dân sự năm 2021",
        "section": "cac-ban-hdnd-tinh",
        "published": "18/01/2022 15:12:28",
        "author": "Minh Hằng",
        "tags": ["giám sát"],
        "image": {
            "scene": "meeting",
            "caption": "Ban Pháp chế làm việc với Cục Thi hành án dân sự tỉnh",
            "alt": "Hai đoàn ngồi đối diện nhau qua bàn họp có biển tên và tài liệu",
        },
        "summary": (
            "Số việc thi hành xong tăng so với năm trước, nhưng còn nhiều vụ có điều kiện thi "
            "hành chưa giải quyết dứt điểm, nhất là các khoản phải thu hồi cho Nhà nước."
        ),
        "body": [
            "Ngày 18/01/2022, Ban Pháp chế HĐND tỉnh làm việc với Cục Thi hành án dân sự tỉnh về "
            "kết quả thi hành án năm 2021.",
            "Ngành thi hành án đã rà soát, phân loại toàn bộ hồ sơ, tổ chức thi hành xong phần "
            "lớn số việc có điều kiện. Việc phối hợp với chính quyền cấp xã trong xác minh "
            "tài sản, điều kiện thi hành được cải thiện.",
            "Ban đề nghị tập trung vào các vụ việc tồn đọng kéo dài, các khoản thu hồi trong án "
            "tham nhũng, kinh tế; công khai kết quả và kịp thời báo cáo khó khăn vượt thẩm "
            "quyền lên cơ quan cấp trên.",
        ],
    },
    {
        "slug": "giam-sat-chuong-trinh-nong-thon-moi-tai-huyen-tan-uyen",
        "title": (
            "Giám sát thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới tại "
            "huyện Tân Uyên"
        ),
        "section": "hoat-dong-giam-sat",
        "published": "22/03/2022 08:50:10",
        "author": "Văn Tuấn",
        "tags": ["giám sát", "nông thôn mới"],
        "image": {
            "scene": "landscape",
            "caption": "Đồi chè và đường bê tông liên bản ở huyện Tân Uyên",
            "alt": "Đồi thấp trồng chè theo hàng, phía xa là dãy núi và một ngôi nhà sàn",
        },
        "summary": (
            "Nhiều xã của huyện Tân Uyên đã đạt chuẩn nông thôn mới; đoàn giám sát đề nghị giữ "
            "vững các tiêu chí đã đạt, nhất là thu nhập và môi trường."
        ),
        "body": [
            "Ngày 21/3/2022, đoàn giám sát của Ban Kinh tế - Ngân sách HĐND tỉnh đến các xã "
            "Trung Đồng, Phúc Khoa và Thân Thuộc của huyện Tân Uyên.",
            "Hạ tầng nông thôn thay đổi rõ: đường bê tông đến tận bản, nhà văn hóa được xây "
            "mới, vùng chè tập trung mang lại thu nhập ổn định cho nhiều hộ. Người dân tích cực "
            "hiến đất, góp công làm đường.",
            "Bên cạnh đó, một số công trình chậm quyết toán; tiêu chí môi trường và thu gom rác "
            "ở khu dân cư chưa bền vững. Đoàn đề nghị huyện ưu tiên vốn cho các tiêu chí dễ bị "
            "tụt hạng và tăng cường hướng dẫn cộng đồng duy tu công trình.",
        ],
    },
    {
        "slug": "thuong-truc-lam-viec-voi-ubnd-tinh-chuan-bi-ky-hop-giua-nam-2022",
        "title": "Thường trực HĐND tỉnh làm việc với UBND tỉnh chuẩn bị kỳ họp giữa năm 2022",
        "section": "thuong-truc-hdnd-tinh",
        "published": "20/05/2022 09:05:50",
        "author": "Thu Trang",
        "tags": ["kỳ họp"],
        "image": {
            "scene": "building",
            "caption": "Trụ sở UBND tỉnh, nơi diễn ra buổi làm việc",
            "alt": "Tòa nhà trụ sở với mái đỏ, hàng cột trắng và cột cờ",
        },
        "summary": (
            "Hai bên thống nhất nội dung, thời gian kỳ họp thường lệ giữa năm 2022 và danh mục "
            "các tờ trình, dự thảo nghị quyết trình HĐND tỉnh."
        ),
        "body": [
            "Sáng 20/5/2022, Thường trực HĐND tỉnh làm việc với UBND tỉnh về công tác chuẩn bị "
            "kỳ họp giữa năm.",
            "Dự kiến kỳ họp xem xét báo cáo kinh tế - xã hội sáu tháng đầu năm, quyết toán ngân "
            "sách năm 2021, điều chỉnh kế hoạch đầu tư công và một số chính sách hỗ trợ sản xuất "
            "nông nghiệp.",
            "Thường trực đề nghị các sở gửi hồ sơ đúng hạn để các Ban thẩm tra; nội dung nào "
            "chưa chuẩn bị kỹ thì kiên quyết không trình, tránh phải sửa đổi nhiều lần sau khi "
            "ban hành.",
        ],
    },
    {
        "slug": "ban-kinh-te-ngan-sach-tham-tra-quyet-toan-ngan-sach-nam-2021",
        "title": "Ban Kinh tế - Ngân sách thẩm tra quyết toán ngân sách địa phương năm 2021",
        "section": "cac-ban-hdnd-tinh",
        "published": "05/07/2022 14:30:45",
        "author": "Quang Vinh",
        "tags": ["ngân sách"],
        "image": None,
        "summary": (
            "Thu ngân sách vượt dự toán, nhưng số chuyển nguồn sang năm sau còn lớn; Ban đề nghị "
            "làm rõ nguyên nhân chậm giải ngân ở từng dự án."
        ),
        "body": [
            "Ngày 05/7/2022, Ban Kinh tế - Ngân sách HĐND tỉnh họp thẩm tra báo cáo quyết toán "
            "thu, chi ngân sách địa phương năm 2021 trình kỳ họp giữa năm.",
            "Các thành viên Ban đánh giá công tác điều hành ngân sách trong năm dịch bệnh đã "
            "bảo đảm chi cho phòng, chống dịch và an sinh xã hội; thu từ thuế, phí đạt khá.",
            "Tuy nhiên, số kinh phí chuyển nguồn còn lớn, một số đơn vị quyết toán chậm, còn "
            "khoản chi sai phải thu hồi theo kiến nghị của kiểm toán. Ban đề nghị UBND tỉnh chỉ "
            "đạo xử lý dứt điểm trước khi trình HĐND tỉnh phê chuẩn.",
        ],
    },
    {
        "slug": "phien-chat-van-ky-hop-giua-nam-2022-khoang-san-giao-duc",
        "title": (
            "Phiên chất vấn kỳ họp giữa năm 2022: tập trung vào quản lý khoáng sản và chất "
            "lượng giáo dục vùng cao"
        ),
        "section": "ky-hop",
        "published": "13/07/2022 10:10:10",
        "author": "Hoàng Long",
        "tags": ["kỳ họp", "khoáng sản", "giáo dục"],
        "image": {
            "scene": "hall",
            "caption": "Đại biểu đặt câu hỏi tại phiên chất vấn",
            "alt": "Hội trường kỳ họp nhìn từ cuối phòng, phía trước là đoàn chủ tịch",
        },
        "summary": (
            "Đại biểu hỏi thẳng về các mỏ khai thác vượt công suất và tình trạng thiếu giáo "
            "viên ở các điểm trường lẻ; lãnh đạo các sở nhận trách nhiệm và hứa thời hạn khắc "
            "phục."
        ),
        "body": [
            "Sáng 13/7/2022, HĐND tỉnh dành trọn buổi cho hoạt động chất vấn và trả lời chất "
            "vấn với hai nhóm vấn đề được cử tri quan tâm.",
            "Với lĩnh vực khoáng sản, đại biểu đề nghị giải thích vì sao một số mỏ đã bị xử "
            "phạt vẫn tái phạm và khi nào đóng cửa các mỏ hết hạn giấy phép. Lãnh đạo Sở Tài "
            "nguyên và Môi trường cho biết sẽ hoàn thành rà soát trong quý III.",
            {
                "quote": (
                    "Cử tri không hỏi chúng ta đã ban hành bao nhiêu văn bản, mà hỏi con đường "
                    "bị xe chở quặng làm hỏng bao giờ được sửa."
                ),
                "by": "Một đại biểu HĐND tỉnh tại phiên chất vấn",
            },
            "Ở lĩnh vực giáo dục, các câu hỏi xoay quanh việc thiếu giáo viên tiểu học, mầm non "
            "ở điểm trường lẻ và chất lượng bữa ăn bán trú. Ngành giáo dục cam kết điều chuyển "
            "giáo viên hợp lý trước năm học mới.",
        ],
    },
    {
        "slug": "tai-giam-sat-khac-phuc-han-che-chinh-sach-tro-giup-xa-hoi",
        "title": "Tái giám sát việc khắc phục hạn chế trong thực hiện chính sách trợ giúp xã hội",
        "section": "cac-ban-hdnd-tinh",
        "published": "23/08/2022 15:45:30",
        "author": "Nguyễn Thủy",
        "tags": ["giám sát", "bảo trợ xã hội"],
        "related": [FEATURED_SLUG],
        "image": {
            "scene": "meeting",
            "caption": "Ban Văn hóa - Xã hội kiểm tra lại kết quả thực hiện kiến nghị giám sát",
            "alt": "Thành viên Ban và cán bộ ngành lao động ngồi quanh bàn họp",
        },
        "summary": (
            "Gần hai năm sau cuộc giám sát chuyên đề, Ban Văn hóa - Xã hội HĐND tỉnh kiểm tra "
            "lại việc thực hiện các kiến nghị về bảo trợ xã hội và ghi nhận nhiều chuyển biến."
        ),
        "body": [
            "Ngày 23/8/2022, Ban Văn hóa - Xã hội HĐND tỉnh làm việc với ngành lao động - thương "
            "binh và xã hội để đánh giá việc khắc phục các hạn chế đã chỉ ra trong cuộc giám "
            "sát chuyên đề năm 2020.",
            "Theo báo cáo, tỉnh đã có văn bản hướng dẫn thống nhất về hồ sơ, thủ tục xét duyệt "
            "trợ cấp; các huyện tổ chức tập huấn cho cán bộ cấp xã; việc rà soát đối tượng "
            "được thực hiện định kỳ sáu tháng một lần.",
            "Ban đề nghị tiếp tục kiện toàn hội đồng xác định mức độ khuyết tật ở cấp xã, bảo "
            "đảm có người có chuyên môn y tế; chi trả đúng hạn và công khai danh sách đối tượng "
            "tại nhà văn hóa thôn, bản.",
        ],
    },
    {
        "slug": "trao-doi-kinh-nghiem-nang-cao-chat-luong-chat-van",
        "title": "Trao đổi kinh nghiệm nâng cao chất lượng chất vấn tại kỳ họp HĐND tỉnh",
        "section": "hoi-dong-nhan-dan-tinh",
        "published": "27/09/2022 08:35:00",
        "author": "Thu Trang",
        "tags": ["kỳ họp"],
        "image": None,
        "summary": (
            "Đại biểu thống nhất rằng chất vấn cần dựa trên kết quả giám sát và tiếp xúc cử tri, "
            "hỏi ngắn, hỏi trúng và theo dõi đến cùng lời hứa của người trả lời."
        ),
        "body": [
            "Ngày 27/9/2022, Thường trực HĐND tỉnh tổ chức hội nghị trao đổi kinh nghiệm về hoạt "
            "động chất vấn, với sự tham gia của các đại biểu HĐND tỉnh và lãnh đạo HĐND các "
            "huyện, thành phố.",
            "Nhiều ý kiến cho rằng câu hỏi chất vấn nên được gửi trước để cơ quan trả lời chuẩn "
            "bị số liệu, dành thời gian tại hội trường cho tranh luận. Sau mỗi phiên, Văn phòng "
            "lập danh mục lời hứa để Thường trực theo dõi.",
            "Hội nghị đề xuất thí điểm công khai kết quả thực hiện lời hứa trên trang thông tin "
            "điện tử, giúp cử tri cùng giám sát.",
        ],
    },
    {
        "slug": "giam-sat-kinh-phi-su-nghiep-giao-duc-tai-huyen-sin-ho",
        "title": "Giám sát việc quản lý, sử dụng kinh phí sự nghiệp giáo dục tại huyện Sìn Hồ",
        "section": "hoat-dong-giam-sat",
        "published": "16/11/2022 14:05:00",
        "author": "Ngọc Ánh",
        "tags": ["giám sát", "giáo dục", "ngân sách"],
        "image": {
            "scene": "landscape",
            "caption": "Điểm trường vùng cao của huyện Sìn Hồ",
            "alt": "Một ngôi nhà nhỏ giữa các sườn đồi xanh, phía xa là núi",
        },
        "summary": (
            "Kinh phí bán trú và hỗ trợ học sinh được chi đúng đối tượng, nhưng cơ sở vật chất ở "
            "nhiều điểm trường lẻ còn tạm bợ, thiếu nhà vệ sinh và nước sạch."
        ),
        "body": [
            "Từ ngày 14 đến 16/11/2022, đoàn giám sát của Ban Văn hóa - Xã hội HĐND tỉnh làm "
            "việc tại huyện Sìn Hồ và các trường ở xã Pa Tần, Nậm Tăm, Tả Phìn.",
            "Chế độ cho học sinh bán trú, hỗ trợ gạo và chi phí học tập được chi trả đầy đủ. "
            "Các trường công khai dự toán, quyết toán theo quy định.",
            "Đoàn đề nghị huyện ưu tiên vốn sửa chữa phòng học tạm, bổ sung công trình vệ sinh "
            "và nước sạch, đồng thời hướng dẫn các trường lập dự toán sát thực tế hơn.",
        ],
    },
    {
        "slug": "hdnd-tinh-thong-qua-ke-hoach-dau-tu-cong-du-toan-ngan-sach-2023",
        "title": "HĐND tỉnh thông qua kế hoạch đầu tư công và dự toán ngân sách năm 2023",
        "section": "ky-hop",
        "published": "08/12/2022 09:25:15",
        "author": "Hoàng Long",
        "tags": ["kỳ họp", "ngân sách"],
        "image": {
            "scene": "hall",
            "caption": "Đại biểu biểu quyết thông qua nghị quyết về ngân sách năm 2023",
            "alt": "Các dãy ghế đại biểu trong hội trường, phía trước có phông đỏ sao vàng",
        },
        "summary": (
            "Kế hoạch đầu tư công năm 2023 ưu tiên hoàn thành các dự án chuyển tiếp, tránh dàn "
            "trải; dự toán ngân sách giữ mức chi an sinh xã hội."
        ),
        "body": [
            "Trong phiên làm việc ngày 07/12/2022, HĐND tỉnh đã biểu quyết thông qua các nghị "
            "quyết về kế hoạch đầu tư công năm 2023 và dự toán ngân sách địa phương.",
            {
                "table": [
                    ["Nhóm dự án", "Số dự án (minh họa)", "Ghi chú"],
                    ["Dự án chuyển tiếp", "46", "Ưu tiên bố trí đủ vốn"],
                    ["Dự án khởi công mới", "12", "Đã hoàn thiện thủ tục đầu tư"],
                    ["Chương trình mục tiêu quốc gia", "3", "Vốn đối ứng của tỉnh"],
                ],
                "caption": "Cơ cấu kế hoạch đầu tư công năm 2023 (số liệu minh họa)",
            },
            "Ban Kinh tế - Ngân sách lưu ý tình trạng giải ngân chậm ở một số chủ đầu tư và đề "
            "nghị điều chuyển vốn kịp thời từ dự án chậm sang dự án có khả năng giải ngân.",
            "Cử tri kỳ vọng các công trình giao thông liên xã và trường học vùng cao sớm được "
            "khởi công trong năm tới.",
        ],
    },
    {
        "slug": "van-phong-doan-dbqh-va-hdnd-tinh-trien-khai-nhiem-vu-nam-2023",
        "title": "Văn phòng Đoàn ĐBQH và HĐND tỉnh triển khai nhiệm vụ năm 2023",
        "section": "tin-tuc-hoat-dong",
        "published": "20/12/2022 16:20:00",
        "author": "Thu Trang",
        "tags": ["tổng kết"],
        "image": {
            "scene": "building",
            "caption": "Khu Hành chính - Chính trị tỉnh, nơi Văn phòng làm việc",
            "alt": "Tòa nhà hành chính mái đỏ, hàng cây xanh phía trước",
        },
        "summary": (
            "Năm 2023, Văn phòng tiếp tục số hóa tài liệu kỳ họp, nâng cấp trang thông tin điện "
            "tử và phục vụ tốt hơn hoạt động giám sát, tiếp xúc cử tri của đại biểu."
        ),
        "body": [
            "Chiều 20/12/2022, Văn phòng Đoàn ĐBQH và HĐND tỉnh tổ chức hội nghị tổng kết năm "
            "2022 và triển khai nhiệm vụ năm 2023.",
            "Trong năm qua, Văn phòng đã phục vụ các kỳ họp của HĐND tỉnh, các đợt tiếp xúc cử "
            "tri của đại biểu Quốc hội và đại biểu HĐND tỉnh, cùng nhiều cuộc giám sát, khảo "
            "sát. Tài liệu kỳ họp được cung cấp hoàn toàn trên môi trường điện tử.",
            "Năm 2023, Văn phòng đặt mục tiêu đưa toàn bộ kết quả giám sát và trả lời kiến nghị "
            "cử tri lên trang thông tin điện tử để người dân dễ tra cứu.",
        ],
    },
]
