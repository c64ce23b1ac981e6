"""The social-assistance supervision of 26/10/2020 and the five articles listed beside it.

The first article carries the facts of a report on the old portal, retold in new words;
the other five reuse that page's "Tin liên quan" titles and dates with bodies written
for this demo.
"""

FEATURED_SLUG = "tang-cuong-tai-kiem-tra-giam-sat-bao-tro-xa-hoi"

RELATED = [
    {
        "slug": "ban-van-hoa-xa-hoi-khao-sat-y-te-dan-so-an-toan-thuc-pham-2020",
        "title": (
            "Ban Văn hóa-Xã hội HĐND tỉnh khảo sát việc thực hiện chỉ tiêu, kế hoạch về y tế, "
            "dân số, an toàn vệ sinh thực phẩm năm 2020"
        ),
        "section": "cac-ban-hdnd-tinh",
        "published": "20/11/2020 20:26:03",
        "author": "Thu Trang",
        "tags": ["khảo sát", "y tế"],
        "image": {
            "scene": "meeting",
            "caption": "Ban Văn hóa - Xã hội làm việc với Sở Y tế về kết quả năm 2020",
            "alt": "Thành viên Ban Văn hóa - Xã hội và lãnh đạo Sở Y tế trao đổi bên bàn họp",
        },
        "summary": (
            "Trước kỳ họp cuối năm, Ban Văn hóa - Xã hội HĐND tỉnh đã làm việc với Sở Y tế để "
            "nắm kết quả các chỉ tiêu y tế, dân số và an toàn thực phẩm, chuẩn bị cho việc "
            "thẩm tra báo cáo của UBND tỉnh."
        ),
        "body": [
            "Ngày 20/11/2020, Ban Văn hóa - Xã hội HĐND tỉnh tổ chức khảo sát tại Sở Y tế về "
            "tiến độ thực hiện các chỉ tiêu, kế hoạch năm 2020 trong ba lĩnh vực: khám chữa "
            "bệnh và y tế dự phòng, công tác dân số, bảo đảm an toàn vệ sinh thực phẩm.",
            "Báo cáo của Sở cho thấy phần lớn chỉ tiêu được giao đã đạt hoặc vượt kế hoạch, dù "
            "cả năm ngành y tế phải dồn sức cho phòng, chống dịch COVID-19. Mạng lưới y tế cơ "
            "sở tiếp tục được củng cố; tiêm chủng mở rộng cho trẻ em được duy trì ở các xã "
            "vùng cao; các đợt kiểm tra liên ngành về an toàn thực phẩm dịp lễ, Tết được tổ "
            "chức đúng kế hoạch.",
            "Các thành viên Ban chỉ ra một số việc còn chậm: tỷ lệ sinh con thứ ba trở lên ở "
            "một số huyện vẫn cao, nhân lực bác sĩ cho tuyến xã thiếu, việc xử lý vi phạm an "
            "toàn thực phẩm ở chợ phiên vùng cao chưa nhiều. Ban đề nghị Sở làm rõ nguyên nhân "
            "và giải pháp cho từng chỉ tiêu chưa đạt.",
            "Kết thúc buổi khảo sát, Ban đề nghị Sở Y tế hoàn thiện số liệu để UBND tỉnh báo "
            "cáo tại kỳ họp, đồng thời chủ động dự báo nhu cầu kinh phí phòng, chống dịch "
            "trong năm 2021.",
        ],
    },
    {
        "slug": "nam-tinh-hinh-giai-quyet-kien-nghi-cong-ty-dien-luc-tinh",
        "title": (
            "Nắm tình hình giải quyết một số kiến nghị thuộc thẩm quyền giải quyết của Công ty "
            "Điện lực tỉnh"
        ),
        "section": "cac-ban-hdnd-tinh",
        "published": "24/11/2020 15:36:43",
        "author": "Quang Vinh",
        "tags": ["kiến nghị cử tri"],
        "image": {
            "scene": "building",
            "caption": "Trụ sở làm việc nơi diễn ra buổi làm việc với ngành điện",
            "alt": "Tòa nhà trụ sở nhiều cột trắng, cờ đỏ sao vàng trên nóc",
        },
        "summary": (
            "Ban Kinh tế - Ngân sách HĐND tỉnh làm việc với Công ty Điện lực tỉnh về những kiến "
            "nghị của cử tri liên quan đến cấp điện cho các bản vùng sâu, chất lượng điện áp "
            "và hành lang an toàn lưới điện."
        ),
        "body": [
            "Chiều 24/11/2020, Ban Kinh tế - Ngân sách HĐND tỉnh làm việc với Công ty Điện lực "
            "tỉnh để theo dõi việc trả lời, giải quyết các ý kiến cử tri gửi tới các kỳ họp "
            "gần đây thuộc thẩm quyền của ngành điện.",
            "Theo báo cáo của Công ty, phần lớn ý kiến đã được trả lời bằng văn bản; một số bản "
            "ở các huyện Mường Tè, Sìn Hồ đã được kéo điện lưới quốc gia trong năm. Những nơi "
            "điện áp cuối đường dây yếu đang được khảo sát để bổ sung trạm biến áp.",
            "Đại diện Ban cho rằng vẫn còn kiến nghị kéo dài qua nhiều kỳ họp, nhất là việc "
            "cấp điện cho các cụm dân cư nhỏ, xa trung tâm và việc giải phóng hành lang lưới "
            "điện đi qua đất sản xuất của người dân. Cử tri cũng phản ánh việc ghi chỉ số công "
            "tơ ở một số nơi chưa kịp thời.",
            "Ban đề nghị Công ty lập danh mục kiến nghị chưa giải quyết xong, nêu rõ lộ trình "
            "và thời hạn, thông báo công khai tới cử tri; phối hợp với chính quyền cấp xã để "
            "giải thích cho người dân những trường hợp chưa thể đầu tư ngay.",
        ],
    },
    {
        "slug": "ban-kinh-te-ngan-sach-hop-ket-luan-giam-sat-khoang-san",
        "title": (
            "Ban Kinh tế - Ngân sách HĐND tỉnh họp kết luận giám sát công tác quản lý khai "
            "thác khoáng sản trên địa bàn tỉnh"
        ),
        "section": "cac-ban-hdnd-tinh",
        "published": "20/11/2020 20:28:54",
        "author": "Quang Vinh",
        "tags": ["giám sát", "khoáng sản"],
        "image": {
            "scene": "meeting",
            "caption": "Phiên họp thống nhất dự thảo báo cáo kết quả giám sát khoáng sản",
            "alt": "Các thành viên Ban Kinh tế - Ngân sách ngồi hai bên bàn họp dài",
        },
        "summary": (
            "Sau các buổi làm việc với sở, ngành và khảo sát tại mỏ, Ban Kinh tế - Ngân sách "
            "HĐND tỉnh họp thống nhất kết luận giám sát công tác quản lý, khai thác khoáng "
            "sản, làm cơ sở báo cáo HĐND tỉnh tại kỳ họp cuối năm."
        ),
        "body": [
            "Ngày 20/11/2020, Ban Kinh tế - Ngân sách HĐND tỉnh họp để thống nhất báo cáo kết "
            "quả đợt giám sát chuyên đề về quản lý nhà nước đối với hoạt động khai thác khoáng "
            "sản trên địa bàn tỉnh.",
            "Qua giám sát, Ban ghi nhận việc cấp phép thăm dò, khai thác được thực hiện theo quy "
            "hoạch; nghĩa vụ tài chính của doanh nghiệp được theo dõi chặt chẽ hơn so với các "
            "năm trước. Tuy vậy, vẫn còn mỏ khai thác vượt công suất, chậm ký quỹ phục hồi môi "
            "trường; tình trạng khai thác cát, sỏi trái phép trên một số sông, suối chưa được "
            "ngăn chặn triệt để.",
            {
                "quote": (
                    "Giám sát không dừng ở việc chỉ ra hạn chế. Ban sẽ theo dõi đến khi từng "
                    "kiến nghị được thực hiện."
                ),
                "by": "Đại diện Ban Kinh tế - Ngân sách HĐND tỉnh",
            },
            "Ban thống nhất kiến nghị UBND tỉnh chỉ đạo rà soát toàn bộ giấy phép đang còn hiệu "
            "lực, xử lý dứt điểm các trường hợp nợ tiền cấp quyền khai thác, tăng cường phối "
            "hợp giữa các lực lượng trong kiểm tra ở những địa bàn giáp ranh.",
        ],
    },
    {
        "slug": "chat-luong-tiep-cong-dan-giai-quyet-don-khieu-nai-to-cao-nang-len",
        "title": (
            "Chất lượng tiếp công dân, giải quyết đơn khiếu nại, tố cáo từng bước được nâng lên"
        ),
        "section": "cac-ban-hdnd-tinh",
        "published": "10/11/2020 14:25:16",
        "author": "Minh Hằng",
        "tags": ["tiếp công dân", "giám sát"],
        "image": None,
        "summary": (
            "Ban Pháp chế HĐND tỉnh đánh giá công tác tiếp công dân và giải quyết khiếu nại, tố "
            "cáo năm 2020 có chuyển biến, số vụ việc tồn đọng giảm, nhưng một số nơi vẫn chậm "
            "trả lời đơn của công dân."
        ),
        "body": [
            "Ngày 10/11/2020, Ban Pháp chế HĐND tỉnh làm việc với Thanh tra tỉnh và Ban Tiếp "
            "công dân tỉnh về kết quả tiếp công dân, xử lý đơn thư và giải quyết khiếu nại, tố "
            "cáo từ đầu năm.",
            "Theo báo cáo, việc tiếp công dân định kỳ của người đứng đầu các cơ quan, địa "
            "phương được duy trì; đơn thư được phân loại, chuyển đúng cơ quan có thẩm quyền. "
            "Phần lớn vụ việc liên quan đến đất đai, bồi thường khi thu hồi đất và chế độ, "
            "chính sách.",
            "Ban nhận thấy một số cấp huyện, cấp xã còn để quá hạn trả lời đơn; việc công khai "
            "kết quả giải quyết cho người dân chưa đầy đủ; còn vụ việc phức tạp kéo dài do hồ "
            "sơ đất đai qua nhiều thời kỳ không thống nhất.",
            "Ban đề nghị các cơ quan tiếp tục nâng chất lượng hòa giải ở cơ sở, đối thoại trực "
            "tiếp với công dân ngay khi phát sinh vụ việc và cập nhật đầy đủ kết quả vào hệ "
            "thống theo dõi chung của tỉnh.",
        ],
    },
    {
        "slug": "giam-sat-cuc-thue-so-tai-nguyen-moi-truong-quan-ly-khoang-san",
        "title": (
            "Giám sát tại Cục Thuế tỉnh, Sở Tài nguyên và Môi trường về công tác quản lý khoáng "
            "sản trên địa bàn tỉnh"
        ),
        "section": "cac-ban-hdnd-tinh",
        "published": "08/11/2020 17:23:25",
        "author": "Quang Vinh",
        "tags": ["giám sát", "khoáng sản", "ngân sách"],
        "image": {
            "scene": "meeting",
            "caption": "Đoàn giám sát làm việc với Cục Thuế tỉnh",
            "alt": "Đoàn giám sát và cán bộ Cục Thuế ngồi đối diện qua bàn họp có biển tên",
        },
        "summary": (
            "Đoàn giám sát của Ban Kinh tế - Ngân sách HĐND tỉnh làm việc với Cục Thuế tỉnh và "
            "Sở Tài nguyên và Môi trường về cấp phép, thu nghĩa vụ tài chính và hậu kiểm đối "
            "với các doanh nghiệp khai thác khoáng sản."
        ),
        "body": [
            "Trong ngày 08/11/2020, Đoàn giám sát của Ban Kinh tế - Ngân sách HĐND tỉnh lần lượt "
            "làm việc với Cục Thuế tỉnh và Sở Tài nguyên và Môi trường trong khuôn khổ giám sát "
            "chuyên đề về quản lý khoáng sản.",
            "Tại Cục Thuế, đoàn đề nghị làm rõ số thu thuế tài nguyên, phí bảo vệ môi trường "
            "và tiền cấp quyền khai thác trong ba năm gần đây, các khoản nợ đọng và biện pháp "
            "cưỡng chế đã áp dụng.",
            {
                "table": [
                    ["Nội dung đoàn yêu cầu làm rõ", "Cơ quan trả lời"],
                    ["Số thu thuế tài nguyên, phí bảo vệ môi trường", "Cục Thuế tỉnh"],
                    ["Nợ tiền cấp quyền khai thác khoáng sản", "Cục Thuế tỉnh"],
                    ["Giấy phép hết hạn chưa đóng cửa mỏ", "Sở Tài nguyên và Môi trường"],
                    ["Ký quỹ cải tạo, phục hồi môi trường", "Sở Tài nguyên và Môi trường"],
                ],
                "caption": "Các nhóm nội dung đoàn giám sát đề nghị báo cáo bổ sung",
            },
            "Tại Sở Tài nguyên và Môi trường, đoàn quan tâm đến tiến độ đóng cửa các mỏ đã hết "
            "hạn giấy phép, việc kiểm tra sản lượng khai thác thực tế và sự phối hợp với chính "
            "quyền cấp huyện khi phát hiện khai thác trái phép.",
            "Đoàn đề nghị hai cơ quan bổ sung số liệu chi tiết theo từng mỏ để Ban tổng hợp, "
            "báo cáo Thường trực HĐND tỉnh.",
        ],
    },
]

FEATURED = {
    "slug": FEATURED_SLUG,
    "title": "Giám sát chính sách trợ giúp xã hội: đề nghị tăng cường tái kiểm tra ở cơ sở",
    "section": "cac-ban-hdnd-tinh",
    "published": "27/10/2020 08:18:57",
    "author": "Nguyễn Thủy",
    "tags": ["giám sát", "bảo trợ xã hội"],
    "related": [article["slug"] for article in RELATED],
    "image": {
        "scene": "meeting",
        "caption": (
            "Đoàn giám sát của Ban Văn hóa - Xã hội HĐND tỉnh làm việc tại Sở Lao động - "
            "Thương binh và Xã hội"
        ),
        "alt": (
            "Thành viên đoàn giám sát và cán bộ Sở Lao động - Thương binh và Xã hội ngồi quanh "
            "bàn họp, trước mặt là biển tên và tài liệu"
        ),
    },
    "summary": (
        "Làm việc với Sở Lao động - Thương binh và Xã hội sau chuyến khảo sát thực tế ở 12 xã, "
        "Đoàn giám sát của Ban Văn hóa - Xã hội HĐND tỉnh đề nghị ngành thường xuyên kiểm "
        "tra lại cơ sở, thống nhất hồ sơ, thủ tục và bồi dưỡng cán bộ cấp xã làm công tác bảo "
        "trợ xã hội."
    ),
    "body": [
        "Chiều 26/10/2020, bà Vũ Thị Huyền, Trưởng Ban Văn hóa - Xã hội HĐND tỉnh, dẫn đầu đoàn "
        "giám sát làm việc với Sở Lao động - Thương binh và Xã hội về kết quả thực hiện chính "
        "sách, pháp luật trợ giúp xã hội dành cho người thuộc diện bảo trợ. Trước buổi làm "
        "việc, đoàn đã xuống 12 xã của ba huyện Tam Đường, Sìn Hồ và Phong Thổ để nắm tình hình "
        "thực tế.",
        "Số liệu Sở cung cấp cho thấy, tính đến ngày 30/6/2020, toàn tỉnh có 8.712 người được "
        "nhận trợ cấp hằng tháng tại cộng đồng. Trong đó 7.961 người là đối tượng bảo trợ xã hội "
        "hưởng trợ cấp hằng tháng, 646 trường hợp được hỗ trợ kinh phí chăm sóc ngay tại cộng "
        "đồng. Ngoài ra, 105 người đang được nuôi dưỡng tập trung tại cơ sở bảo trợ xã hội.",
        {
            "table": [
                ["Nhóm đối tượng (đến 30/6/2020)", "Số người"],
                ["Hưởng trợ cấp hằng tháng tại cộng đồng", "8.712"],
                ["– trong đó: đối tượng bảo trợ xã hội hưởng trợ cấp hằng tháng", "7.961"],
                ["– trong đó: hưởng kinh phí chăm sóc tại cộng đồng", "646"],
                ["Nuôi dưỡng tại cơ sở bảo trợ xã hội", "105"],
            ],
            "caption": "Đối tượng trợ giúp xã hội trên địa bàn tỉnh (nguồn: báo cáo của Sở)",
        },
        "Đoàn ghi nhận cấp ủy, chính quyền các cấp đã quan tâm tới nhóm người yếu thế: văn bản "
        "hướng dẫn được ban hành kịp thời, chính sách được tuyên truyền đến tận thôn, bản; hồ "
        "sơ đề nghị trợ cấp được tiếp nhận, thẩm định qua bộ phận một cửa, đúng trình tự và "
        "thời hạn. Mọi đối tượng có hồ sơ quản lý đều được chi trả đúng người, đúng mức và về "
        "cơ bản đúng hạn. Việc giao cho bưu điện chi trả hằng tháng giúp tách bạch khâu quản lý "
        "với khâu chi tiền, tạo sự minh bạch; kinh phí bố trí cơ bản đủ cho nhiệm vụ.",
        "Bên cạnh đó, đoàn chỉ ra không ít hạn chế. Việc thanh tra, kiểm tra chưa làm thường "
        "xuyên, hầu như chưa tái kiểm tra nên nhiều vướng mắc ở cơ sở chậm được phát hiện, tháo "
        "gỡ; cán bộ cấp xã ít được tập huấn. Tại các xã được giám sát, việc xác định đối tượng "
        "có nơi chưa chuẩn, nhất là với trẻ em mồ côi; hồ sơ, thủ tục mỗi nơi một kiểu; có xã "
        "chi chế độ họp cho hội đồng xét duyệt, có xã không; hội đồng xác định mức độ khuyết "
        "tật thiếu người có chuyên môn y tế; danh sách đối tượng chưa được rà soát thường "
        "xuyên, vẫn còn trường hợp nhận trợ cấp chậm.",
        "Lãnh đạo và cán bộ chuyên môn của Sở đã trao đổi, làm rõ từng nội dung đoàn nêu, tiếp "
        "thu các ý kiến và nhận trách nhiệm khắc phục trong thời gian tới.",
        "<p>Kết luận buổi làm việc, Trưởng đoàn Vũ Thị Huyền ghi nhận sự chỉ đạo sát sao của "
        "ngành, hệ thống văn bản tương đối đầy đủ và tinh thần trách nhiệm của đội ngũ cán bộ. "
        "Đoàn đề nghị Sở Lao động - Thương binh và Xã hội:</p>"
        "<ul>"
        "<li>tham mưu UBND tỉnh có văn bản hướng dẫn chung cho các huyện, thành phố để thực "
        "hiện thống nhất, kịp thời và không bỏ sót người cần trợ giúp;</li>"
        "<li>tăng cường tái kiểm tra, giám sát tại cơ sở, kịp thời chấn chỉnh sai sót;</li>"
        "<li>phối hợp thường xuyên với các sở, ngành có liên quan khi triển khai chính sách;</li>"
        "<li>quan tâm tập huấn, bồi dưỡng nghiệp vụ cho đội ngũ phụ trách bảo trợ xã hội, nhất "
        "là ở cấp xã.</li>"
        "</ul>",
    ],
}

ARTICLES = [*RELATED, FEATURED]
