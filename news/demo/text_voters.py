"""Delegates meeting voters (Tổ đại biểu HĐND tỉnh) and session convening notices.

Filled from small tables of facts (district, communes, what voters asked for, session
dates) so the recurring items read naturally. All facts here are illustrative.
"""

from __future__ import annotations

from .calendar_vi import in_words, weekday

# (published, day, district, slug part, communes, voters, before which session, concerns)
VOTER_MEETINGS = [
    (
        "26/11/2020 10:32:05",
        "25/11/2020",
        "Phong Thổ",
        "phong-tho",
        "Mường So, Khổng Lào và Bản Lang",
        160,
        "cuối năm 2020",
        [
            "sớm sửa chữa tuyến đường liên xã bị sạt lở sau mùa mưa",
            "bổ sung giáo viên mầm non cho các điểm bản",
            "hỗ trợ giống cho người dân trồng lại lúa bị lũ cuốn",
        ],
    ),
    (
        "02/07/2022 09:12:40",
        "01/07/2022",
        "Tam Đường",
        "tam-duong",
        "Bình Lư, Sơn Bình và Nà Tăm",
        140,
        "giữa năm 2022",
        [
            "có chính sách bao tiêu sản phẩm chè cho người dân",
            "xây dựng công trình nước sinh hoạt cho các bản ở vùng cao",
            "giải quyết dứt điểm việc cấp giấy chứng nhận quyền sử dụng đất",
        ],
    ),
    (
        "24/11/2021 09:48:12",
        "23/11/2021",
        "Mường Tè",
        "muong-te",
        "Bum Nưa, Bum Tở và Ka Lăng",
        120,
        "cuối năm 2021",
        [
            "phủ sóng điện thoại di động đến các bản biên giới",
            "nâng mức hỗ trợ cho người dân tham gia bảo vệ rừng",
            "sửa chữa nhà lớp học đã xuống cấp",
        ],
    ),
    (
        "05/07/2022 16:35:27",
        "04/07/2022",
        "Nậm Nhùn",
        "nam-nhun",
        "Mường Mô, Nậm Hàng và Lê Lợi",
        110,
        "giữa năm 2022",
        [
            "đầu tư cầu treo qua suối để học sinh đi học an toàn mùa mưa",
            "hướng dẫn người dân vay vốn phát triển chăn nuôi",
            "kiểm tra chất lượng công trình nước sinh hoạt mới bàn giao",
        ],
    ),
    (
        "23/11/2022 14:20:08",
        "22/11/2022",
        "Than Uyên",
        "than-uyen",
        "Mường Than, Phúc Than và Mường Kim",
        180,
        "cuối năm 2022",
        [
            "kiểm soát chặt hoạt động khai thác cát trên sông",
            "sớm hoàn thành tuyến kênh mương nội đồng",
            "quan tâm việc làm cho thanh niên sau khi hoàn thành nghĩa vụ quân sự",
        ],
    ),
    (
        "25/11/2022 08:55:50",
        "24/11/2022",
        "Tân Uyên",
        "tan-uyen",
        "Pắc Ta, Trung Đồng và Nậm Cần",
        150,
        "cuối năm 2022",
        [
            "ổn định giá thu mua chè búp tươi",
            "bố trí thêm bác sĩ cho trạm y tế xã",
            "nâng cấp đường vào các vùng sản xuất tập trung",
        ],
    ),
]

OPENINGS = [
    "Cử tri phát biểu thẳng thắn, tập trung vào những việc thiết thân.",
    "Không khí hội nghị cởi mở; nhiều cử tri lần đầu phát biểu đã mạnh dạn nêu ý kiến.",
    "Các ý kiến của cử tri đều gắn với đời sống, sản xuất ở thôn, bản.",
]


def voter_meetings() -> list[dict]:
    articles = []
    for index, row in enumerate(VOTER_MEETINGS):
        published, day, district, slug_part, communes, voters, session, concerns = row
        first_commune = communes.split(",")[0].split(" và ")[0]
        concern_text = "; ".join(concerns)
        body = [
            f"Ngày {day}, Tổ đại biểu HĐND tỉnh ứng cử tại huyện {district} tiếp xúc cử tri "
            f"các xã {communes}. Tham dự có khoảng {voters} cử tri là đại diện các thôn, bản, "
            "người có uy tín và các đoàn thể.",
            f"Các đại biểu thông tin về chương trình kỳ họp {session} của HĐND tỉnh và kết quả "
            "trả lời những kiến nghị cử tri nêu ở lần tiếp xúc trước.",
            f"{OPENINGS[index % len(OPENINGS)]} Cử tri đề nghị {concern_text}.",
            "Lãnh đạo UBND huyện giải đáp ngay những nội dung thuộc thẩm quyền của huyện. Các "
            "kiến nghị còn lại được Tổ đại biểu ghi nhận, tổng hợp gửi Thường trực HĐND tỉnh "
            "để chuyển tới cơ quan có trách nhiệm trả lời.",
        ]
        if index % 3 == 1:
            body.insert(
                3,
                {
                    "quote": (
                        "Lần trước chúng tôi kiến nghị, nay đã có câu trả lời và việc đã làm. "
                        "Bà con tin hơn vào tiếng nói của mình."
                    ),
                    "by": f"Một cử tri xã {first_commune}",
                },
            )
        articles.append(
            {
                "slug": f"to-dai-bieu-tiep-xuc-cu-tri-huyen-{slug_part}-{day[-4:]}",
                "title": (
                    f"Tổ đại biểu HĐND tỉnh tiếp xúc cử tri huyện {district} trước kỳ họp {session}"
                ),
                "section": "to-dai-bieu-hdnd-tinh",
                "published": published,
                "author": ["Văn Tuấn", "Lò Thị Mai", "Ngọc Ánh"][index % 3],
                "tags": ["tiếp xúc cử tri", "kiến nghị cử tri"],
                "image": {
                    "scene": "landscape" if index % 2 else "meeting",
                    "caption": f"Hội nghị tiếp xúc cử tri tại huyện {district}",
                    "alt": (
                        f"Quang cảnh vùng cao huyện {district} với núi và ruộng bậc thang"
                        if index % 2
                        else "Đại biểu và cử tri ngồi hai bên bàn trong nhà văn hóa"
                    ),
                },
                "summary": (
                    f"Cử tri các xã {communes} kiến nghị {concerns[0]} cùng nhiều việc thiết "
                    "thực khác."
                ),
                "body": body,
            }
        )
    return articles


# (published, session name, term, first day, days)
CONVENING = [
    (
        "24/11/2020 08:40:15",
        "thường lệ cuối năm 2020",
        "XIV, nhiệm kỳ 2016 - 2021",
        "08/12/2020",
        3,
    ),
    ("23/11/2021 09:15:00", "thường lệ cuối năm 2021", "XV, nhiệm kỳ 2021 - 2026", "07/12/2021", 3),
    ("28/06/2022 10:02:47", "thường lệ giữa năm 2022", "XV, nhiệm kỳ 2021 - 2026", "12/07/2022", 2),
    ("22/11/2022 08:30:30", "thường lệ cuối năm 2022", "XV, nhiệm kỳ 2021 - 2026", "06/12/2022", 3),
]


def convening_notices() -> list[dict]:
    articles = []
    for published, session, term, first_day, days in CONVENING:
        year = session[-4:]
        half = "giua-nam" if "giữa" in session else "cuoi-nam"
        articles.append(
            {
                "slug": f"thong-bao-trieu-tap-ky-hop-{half}-{year}",
                "title": f"Thông báo triệu tập kỳ họp {session} của HĐND tỉnh",
                "section": "thong-bao",
                "published": published,
                "author": "Văn phòng",
                "tags": ["kỳ họp", "thông báo"],
                "image": None,
                "summary": (
                    f"Kỳ họp {session} của HĐND tỉnh khóa {term.split(',')[0]} khai mạc vào "
                    f"{weekday(first_day)}, ngày {first_day}, dự kiến làm việc "
                    f"{in_words(days)} ngày."
                ),
                "body": [
                    f"Thường trực HĐND tỉnh thông báo triệu tập kỳ họp {session} của HĐND tỉnh "
                    f"khóa {term}.",
                    "<ul>"
                    f"<li>Thời gian: khai mạc lúc 8 giờ, {weekday(first_day)} ngày "
                    f"{first_day}; dự kiến làm việc trong {in_words(days)} ngày.</li>"
                    "<li>Địa điểm: Hội trường Trung tâm Hội nghị tỉnh.</li>"
                    "<li>Thành phần: các đại biểu HĐND tỉnh và khách mời theo giấy mời.</li>"
                    "</ul>",
                    "Tài liệu kỳ họp được gửi tới đại biểu qua phần mềm quản lý tài liệu điện "
                    "tử. Đề nghị các đại biểu nghiên cứu trước, chuẩn bị ý kiến thảo luận và "
                    "câu hỏi chất vấn.",
                    "Phiên khai mạc, phiên chất vấn và phiên bế mạc được phát thanh, truyền hình "
                    "trực tiếp để cử tri trong tỉnh theo dõi.",
                ],
            }
        )
    return articles


def articles() -> list[dict]:
    return [*voter_meetings(), *convening_notices()]
