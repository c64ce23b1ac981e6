"""Demo articles, October to December 2020 (written for the demo; facts are illustrative)."""

ARTICLES = [
    {
        "slug": "thuong-truc-hdnd-tinh-hop-phien-thuong-ky-thang-10-2020",
        "title": "Thường trực HĐND tỉnh họp phiên thường kỳ tháng 10/2020",
        "section": "thuong-truc-hdnd-tinh",
        "published": "15/10/2020 09:12:40",
        "author": "Minh Hằng",
        "tags": ["kỳ họp", "giám sát"],
        "image": {
            "scene": "meeting",
            "caption": "Phiên họp thường kỳ tháng 10 của Thường trực HĐND tỉnh",
            "alt": "Thường trực HĐND tỉnh và lãnh đạo các Ban ngồi quanh bàn họp",
        },
        "summary": (
            "Phiên họp tập trung cho ý kiến về công tác chuẩn bị kỳ họp thường lệ cuối năm và "
            "tiến độ các cuộc giám sát chuyên đề của các Ban HĐND tỉnh."
        ),
        "body": [
            "Sáng 15/10/2020, Thường trực HĐND tỉnh tổ chức phiên họp thường kỳ tháng 10 với sự "
            "tham dự của lãnh đạo các Ban HĐND tỉnh và Văn phòng.",
            "Sau khi nghe Văn phòng báo cáo, Thường trực thống nhất dự kiến thời gian tổ chức "
            "kỳ họp cuối năm vào đầu tháng 12, giao các Ban chủ động phối hợp với các sở, ngành "
            "để nhận sớm tài liệu thẩm tra. Các tờ trình, dự thảo nghị quyết cần gửi đại biểu "
            "trước ít nhất mười ngày để có thời gian nghiên cứu.",
            "Về giám sát, Thường trực đề nghị các Ban hoàn thành các cuộc giám sát chuyên đề "
            "trong tháng 11, chú trọng nội dung cử tri quan tâm như bảo trợ xã hội, quản lý "
            "khoáng sản, tiếp công dân. Báo cáo kết quả phải nêu rõ địa chỉ trách nhiệm và thời "
            "hạn khắc phục.",
            "Phiên họp cũng cho ý kiến về việc tổng hợp ý kiến, kiến nghị của cử tri gửi tới kỳ "
            "họp và kế hoạch tiếp công dân định kỳ của Thường trực trong quý IV.",
        ],
    },
    {
        "slug": "thuong-truc-giam-sat-giai-quyet-kien-nghi-cu-tri-truoc-ky-hop-cuoi-nam-2020",
        "title": "Giám sát việc giải quyết kiến nghị của cử tri trước kỳ họp cuối năm 2020",
        "section": "hoat-dong-giam-sat",
        "published": "04/11/2020 09:40:05",
        "author": "Minh Hằng",
        "tags": ["giám sát", "kiến nghị cử tri"],
        "image": {
            "scene": "building",
            "caption": "Buổi giám sát diễn ra tại trụ sở UBND tỉnh",
            "alt": "Tòa nhà trụ sở hành chính có hàng cột trắng và cột cờ phía trước",
        },
        "summary": (
            "Thường trực HĐND tỉnh làm việc với UBND tỉnh về kết quả trả lời, giải quyết các ý "
            "kiến, kiến nghị của cử tri gửi tới các kỳ họp trong năm 2020."
        ),
        "body": [
            "Ngày 04/11/2020, Thường trực HĐND tỉnh giám sát việc giải quyết ý kiến, kiến nghị "
            "của cử tri trước kỳ họp. Tham dự có đại diện lãnh đạo UBND tỉnh cùng nhiều sở, "
            "ngành.",
            "Báo cáo cho thấy phần lớn kiến nghị đã có văn bản trả lời; nhiều việc cụ thể như "
            "sửa chữa đường liên xã, bổ sung giáo viên cắm bản, cấp nước sinh hoạt tập trung đã "
            "được triển khai. Một số kiến nghị về đất đai, đền bù giải phóng mặt bằng còn kéo "
            "dài do vướng hồ sơ qua nhiều thời kỳ.",
            "Thường trực đề nghị UBND tỉnh phân loại rõ kiến nghị đã giải quyết xong, đang giải "
            "quyết và chưa thể giải quyết, nêu lý do cụ thể để đại biểu báo cáo lại với cử tri; "
            "tránh trả lời chung chung hoặc chỉ chuyển đơn sang cơ quan khác.",
        ],
    },
    {
        "slug": "khai-mac-ky-hop-thuong-le-cuoi-nam-2020-hdnd-tinh-khoa-xiv",
        "title": "Khai mạc kỳ họp thường lệ cuối năm 2020 của HĐND tỉnh khóa XIV",
        "section": "ky-hop",
        "published": "08/12/2020 11:05:11",
        "author": "Hoàng Long",
        "tags": ["kỳ họp", "ngân sách"],
        "image": {
            "scene": "hall",
            "caption": "Quang cảnh phiên khai mạc kỳ họp tại hội trường",
            "alt": "Hội trường kỳ họp với phông đỏ sao vàng và các dãy ghế đại biểu",
        },
        "summary": (
            "Sáng 08/12/2020, HĐND tỉnh khóa XIV khai mạc kỳ họp thường lệ cuối năm, dự kiến "
            "làm việc trong ba ngày để xem xét tình hình kinh tế - xã hội, dự toán ngân sách và "
            "nhiều dự thảo nghị quyết quan trọng."
        ),
        "body": [
            "Kỳ họp diễn ra trong bối cảnh tỉnh vừa trải qua một năm vừa phòng, chống dịch "
            "COVID-19, vừa duy trì sản xuất, kinh doanh. Công tác chuẩn bị được tiến hành sớm, "
            "tài liệu được gửi tới đại biểu qua hệ thống điện tử.",
            "Tại phiên khai mạc, đại biểu nghe báo cáo tình hình kinh tế - xã hội năm 2020, kế "
            "hoạch năm 2021; báo cáo thẩm tra của các Ban HĐND tỉnh và thông báo của Ủy ban Mặt "
            "trận Tổ quốc tỉnh về ý kiến, kiến nghị của cử tri.",
            {
                "quote": (
                    "Mỗi đại biểu cần mang tiếng nói của cử tri vào nghị trường, thảo luận thẳng "
                    "thắn để nghị quyết ban hành ra đi được vào cuộc sống."
                ),
                "by": "Chủ tọa kỳ họp",
            },
            "Trong hai ngày tiếp theo, HĐND tỉnh sẽ thảo luận tại tổ, thảo luận tại hội trường, "
            "dành một buổi cho hoạt động chất vấn và trả lời chất vấn, trước khi biểu quyết "
            "thông qua các nghị quyết.",
        ],
    },
    {
        "slug": "be-mac-ky-hop-cuoi-nam-2020-thong-qua-nghi-quyet",
        "title": "Bế mạc kỳ họp cuối năm 2020: HĐND tỉnh thông qua 21 nghị quyết",
        "section": "ky-hop",
        "published": "10/12/2020 17:40:22",
        "author": "Hoàng Long",
        "tags": ["kỳ họp", "ngân sách"],
        "image": {
            "scene": "hall",
            "caption": "Đại biểu biểu quyết thông qua các nghị quyết tại phiên bế mạc",
            "alt": "Các dãy đại biểu trong hội trường, phía trên là phông đỏ có ngôi sao vàng",
        },
        "summary": (
            "Sau ba ngày làm việc, kỳ họp cuối năm 2020 của HĐND tỉnh đã hoàn thành chương "
            "trình, thông qua 21 nghị quyết về kinh tế - xã hội, ngân sách, đầu tư công và "
            "chính sách đặc thù của tỉnh."
        ),
        "body": [
            "Chiều 10/12/2020, HĐND tỉnh bế mạc kỳ họp thường lệ cuối năm. Các đại biểu đã "
            "thảo luận sôi nổi, nhiều ý kiến gắn với thực tiễn ở cơ sở, nhất là về giao thông "
            "nông thôn, giáo dục vùng cao và sinh kế cho người dân sau dịch.",
            {
                "table": [
                    ["Nhóm nghị quyết", "Số lượng"],
                    ["Kinh tế - xã hội, quốc phòng - an ninh", "3"],
                    ["Ngân sách, đầu tư công", "7"],
                    ["Chính sách đặc thù của tỉnh", "5"],
                    ["Tổ chức bộ máy, biên chế", "3"],
                    ["Các nội dung khác", "3"],
                    ["Tổng cộng", "21"],
                ],
                "caption": "Các nghị quyết được thông qua tại kỳ họp (số liệu minh họa)",
            },
            "Phiên chất vấn tập trung vào việc quản lý khai thác khoáng sản và chất lượng tiếp "
            "công dân ở cấp huyện. Lãnh đạo các sở trả lời thẳng vào vấn đề và cam kết thời "
            "hạn khắc phục.",
            "Phát biểu bế mạc, chủ tọa kỳ họp đề nghị UBND tỉnh sớm triển khai các nghị quyết; "
            "các đại biểu tích cực tuyên truyền kết quả kỳ họp tới cử tri và giám sát việc "
            "thực hiện tại địa phương mình ứng cử.",
        ],
    },
    {
        "slug": "van-phong-hdnd-tinh-tong-ket-cong-tac-nam-2020",
        "title": "Văn phòng HĐND tỉnh tổng kết công tác năm 2020",
        "section": "tin-tuc-hoat-dong",
        "published": "18/12/2020 14:10:05",
        "author": "Thu Trang",
        "tags": ["tổng kết"],
        "image": {
            "scene": "building",
            "caption": "Trụ sở làm việc của Văn phòng tại Khu Hành chính - Chính trị tỉnh",
            "alt": "Tòa nhà hành chính nhiều tầng với hàng cây xanh phía trước",
        },
        "summary": (
            "Năm 2020, Văn phòng đã phục vụ chu đáo các kỳ họp, các cuộc giám sát, khảo sát và "
            "tiếp công dân của Thường trực, các Ban HĐND tỉnh; từng bước đưa văn bản điện tử "
            "vào công việc hằng ngày."
        ),
        "body": [
            "Chiều 18/12/2020, Văn phòng HĐND tỉnh tổ chức hội nghị tổng kết công tác năm 2020 "
            "và triển khai nhiệm vụ năm 2021.",
            "Trong năm, Văn phòng tham mưu tổ chức thành công các kỳ họp thường lệ và chuyên "
            "đề; phục vụ hàng chục cuộc giám sát, khảo sát; duy trì tiếp công dân định kỳ và "
            "đột xuất. Việc gửi tài liệu kỳ họp qua phần mềm giúp tiết kiệm giấy và thời gian "
            "chuẩn bị.",
            "Hội nghị cũng chỉ ra những việc cần làm tốt hơn: chất lượng một số báo cáo tham "
            "mưu chưa cao, việc cập nhật thông tin lên trang thông tin điện tử có lúc chậm. "
            "Năm 2021, Văn phòng tập trung phục vụ cuộc bầu cử đại biểu Quốc hội và HĐND các "
            "cấp, chuẩn bị kỳ họp thứ nhất của HĐND tỉnh khóa mới.",
        ],
    },
]
