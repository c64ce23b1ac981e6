"""Citizen reception: monthly schedules (Thông báo) and results (Tiếp công dân).

Offices publish these every month; each item is filled from a small table of facts
(dates, who received citizens, numbers, one case) so the items read naturally without
repeating word for word. All facts here are illustrative.
"""

from __future__ import annotations

from .calendar_vi import in_words, weekday

PHONE = "0213.3798.221"


# (published, reception day, who receives)
RECEPTION_SCHEDULE = [
    ("08/03/2021 08:10:12", "15/03/2021", "Chủ tịch HĐND tỉnh"),
    ("06/09/2021 08:32:40", "15/09/2021", "Phó Chủ tịch HĐND tỉnh"),
    ("06/12/2021 09:05:03", "15/12/2021", "Phó Chủ tịch HĐND tỉnh"),
    ("07/03/2022 08:20:55", "15/03/2022", "Chủ tịch HĐND tỉnh"),
    ("06/06/2022 10:12:31", "15/06/2022", "Trưởng Ban Pháp chế HĐND tỉnh"),
    ("10/10/2022 08:45:19", "17/10/2022", "Phó Chủ tịch HĐND tỉnh"),
]


def reception_notices() -> list[dict]:
    articles = []
    for published, day, who in RECEPTION_SCHEDULE:
        month, year = day.split("/")[1:]
        articles.append(
            {
                "slug": f"thong-bao-lich-tiep-cong-dan-dinh-ky-thang-{int(month)}-{year}",
                "title": (
                    f"Thông báo lịch tiếp công dân định kỳ của Thường trực HĐND tỉnh tháng "
                    f"{int(month)}/{year}"
                ),
                "section": "thong-bao",
                "published": published,
                "author": "Văn phòng",
                "tags": ["tiếp công dân", "thông báo"],
                "image": None,
                "summary": (
                    f"Thường trực HĐND tỉnh tiếp công dân định kỳ vào {weekday(day)}, ngày "
                    f"{day}, tại Trụ sở Tiếp công dân tỉnh."
                ),
                "body": [
                    "Thực hiện quy định của pháp luật về tiếp công dân, Thường trực HĐND tỉnh "
                    f"thông báo lịch tiếp công dân định kỳ tháng {int(month)}/{year} như sau:",
                    "<ul>"
                    f"<li>Thời gian: từ 7 giờ 30 phút, {weekday(day)} ngày {day}.</li>"
                    "<li>Địa điểm: Trụ sở Tiếp công dân tỉnh.</li>"
                    f"<li>Người chủ trì: đồng chí {who}.</li>"
                    "</ul>",
                    "Công dân đến trình bày ý kiến, kiến nghị, khiếu nại, tố cáo cần mang theo "
                    "giấy tờ tùy thân và tài liệu liên quan. Nếu nhiều người có chung một nội "
                    "dung, đề nghị cử người đại diện để buổi tiếp được thuận lợi.",
                    f"Mọi thông tin chi tiết xin liên hệ Văn phòng qua số điện thoại {PHONE} "
                    "trong giờ hành chính.",
                ],
            }
        )
    return articles


# (published, day, who, visits, cases, groups, topics, story, table?)
RECEPTION_RESULTS = [
    (
        "15/03/2021 16:48:02",
        "15/03/2021",
        "Chủ tịch HĐND tỉnh",
        14,
        9,
        1,
        "đất đai, bồi thường khi thu hồi đất và chế độ chính sách",
        "Một nhóm hộ dân ở xã Bản Bo, huyện Tam Đường đề nghị xem xét lại giá bồi thường "
        "đất trồng lúa bị thu hồi để làm đường. Đại diện các sở được giao kiểm tra lại hồ sơ "
        "và trả lời trong tháng.",
        True,
    ),
    (
        "15/09/2021 15:30:27",
        "15/09/2021",
        "Phó Chủ tịch HĐND tỉnh",
        6,
        5,
        0,
        "tranh chấp đất sản xuất và chế độ với người có công",
        "Một công dân ở huyện Phong Thổ hỏi về hồ sơ hưởng chế độ của thân nhân liệt sĩ bị "
        "thất lạc. Ngành lao động - thương binh và xã hội được giao hướng dẫn gia đình bổ "
        "sung giấy tờ.",
        False,
    ),
    (
        "15/12/2021 17:05:44",
        "15/12/2021",
        "Phó Chủ tịch HĐND tỉnh",
        9,
        7,
        1,
        "bồi thường, hỗ trợ tái định cư và cấp giấy chứng nhận quyền sử dụng đất",
        "Đoàn công dân ở thành phố Lai Châu phản ánh khu tái định cư chậm hoàn thiện hệ thống "
        "thoát nước. Chủ trì buổi tiếp đề nghị chủ đầu tư báo cáo tiến độ bằng văn bản.",
        False,
    ),
    (
        "15/03/2022 16:22:18",
        "15/03/2022",
        "Chủ tịch HĐND tỉnh",
        11,
        8,
        1,
        "đất đai, môi trường quanh khu khai thác khoáng sản và chính sách xã hội",
        "Người dân một bản ở huyện Sìn Hồ phản ánh xe chở quặng làm hư hỏng đường và bụi ảnh "
        "hưởng đến nhà ở. Sở Tài nguyên và Môi trường được giao phối hợp với huyện kiểm tra "
        "thực tế.",
        True,
    ),
    (
        "15/06/2022 15:58:36",
        "15/06/2022",
        "Trưởng Ban Pháp chế HĐND tỉnh",
        5,
        4,
        0,
        "thi hành án dân sự và tranh chấp đất đai giữa các hộ gia đình",
        "Một công dân đề nghị đẩy nhanh việc thi hành bản án đã có hiệu lực từ lâu. Cơ quan "
        "thi hành án được yêu cầu xác minh điều kiện thi hành và thông báo kết quả cho công "
        "dân.",
        False,
    ),
]


def reception_results() -> list[dict]:
    articles = []
    for index, row in enumerate(RECEPTION_RESULTS):
        published, day, who, visits, cases, groups, topics, story, with_table = row
        month, year = day.split("/")[1:]
        groups_text = (
            f"trong đó có {in_words(groups)} đoàn đông người"
            if groups
            else "không có đoàn đông người"
        )
        body = [
            f"Ngày {day}, đồng chí {who} chủ trì buổi tiếp công dân định kỳ tại Trụ sở Tiếp "
            "công dân tỉnh. Cùng dự có đại diện Ban Tiếp công dân tỉnh, Thanh tra tỉnh và các "
            "sở, ngành liên quan.",
            f"Buổi tiếp có {visits} lượt công dân đến trình bày {cases} vụ việc, {groups_text}. "
            f"Nội dung chủ yếu liên quan đến {topics}.",
            story,
            "Những nội dung thuộc thẩm quyền đã được trả lời trực tiếp; các vụ việc khác được "
            "chuyển tới cơ quan có thẩm quyền kèm yêu cầu trả lời công dân đúng thời hạn và báo "
            "cáo kết quả về Thường trực HĐND tỉnh.",
        ]
        if with_table:
            body.insert(
                2,
                {
                    "table": [
                        ["Kết quả buổi tiếp", "Số lượng"],
                        ["Lượt công dân", str(visits)],
                        ["Vụ việc", str(cases)],
                        ["Đoàn đông người", str(groups)],
                    ],
                    "caption": f"Kết quả tiếp công dân ngày {day}",
                },
            )
        articles.append(
            {
                "slug": f"thuong-truc-hdnd-tinh-tiep-cong-dan-thang-{int(month)}-{year}",
                "title": f"Thường trực HĐND tỉnh tiếp công dân định kỳ tháng {int(month)}/{year}",
                "section": "tiep-cong-dan",
                "published": published,
                "author": ["Minh Hằng", "Ngọc Ánh"][index % 2],
                "tags": ["tiếp công dân"],
                "image": {
                    "scene": "meeting",
                    "caption": f"Buổi tiếp công dân định kỳ ngày {day}",
                    "alt": "Cán bộ tiếp công dân và người dân ngồi trao đổi quanh bàn",
                }
                if with_table
                else None,
                "summary": (
                    f"{visits} lượt công dân đã đến trình bày ý kiến về {topics.split(',')[0]} "
                    "và nhiều vấn đề khác; các kiến nghị được ghi nhận, chuyển cơ quan có thẩm "
                    "quyền giải quyết."
                ),
                "body": body,
            }
        )
    return articles


def articles() -> list[dict]:
    return [*reception_notices(), *reception_results()]
