"""Reference data of the demo: the council's bodies, agencies, people and fields."""

from datetime import date

from ..enums import AgencyLevel, BodyKind

BODIES = [
    # (key, name, short name, kind, order)
    ("tt", "Thường trực HĐND tỉnh", "Thường trực", BodyKind.STANDING, 10),
    ("ktns", "Ban Kinh tế - Ngân sách HĐND tỉnh", "Ban KT-NS", BodyKind.COMMITTEE, 20),
    ("vhxh", "Ban Văn hóa - Xã hội HĐND tỉnh", "Ban VH-XH", BodyKind.COMMITTEE, 30),
    ("pc", "Ban Pháp chế HĐND tỉnh", "Ban Pháp chế", BodyKind.COMMITTEE, 40),
    ("dt", "Ban Dân tộc HĐND tỉnh", "Ban Dân tộc", BodyKind.COMMITTEE, 50),
    (
        "tdb-tu",
        "Tổ đại biểu HĐND tỉnh huyện Than Uyên",
        "Tổ ĐB Than Uyên",
        BodyKind.DELEGATE_GROUP,
        60,
    ),
]

AGENCIES = [
    # (key, name, abbreviation, level, active_until, successor key)
    ("snv", "Sở Nội vụ", "SNV", AgencyLevel.PROVINCE, None, None),
    (
        "sldtbxh",
        "Sở Lao động - Thương binh và Xã hội",
        "Sở LĐ-TB&XH",
        AgencyLevel.PROVINCE,
        date(2025, 2, 28),
        "snv",
    ),
    ("ubnd", "Ủy ban nhân dân tỉnh", "UBND tỉnh", AgencyLevel.PROVINCE, None, None),
    ("ct", "Cục Thuế tỉnh", "Cục Thuế", AgencyLevel.CENTRAL, None, None),
    (
        "stnmt",
        "Sở Tài nguyên và Môi trường",
        "Sở TN&MT",
        AgencyLevel.PROVINCE,
        date(2025, 2, 28),
        "snnmt",
    ),
    (
        "snnptnt",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở NN&PTNT",
        AgencyLevel.PROVINCE,
        date(2025, 2, 28),
        "snnmt",
    ),
    ("snnmt", "Sở Nông nghiệp và Môi trường", "Sở NN&MT", AgencyLevel.PROVINCE, None, None),
    ("syt", "Sở Y tế", "SYT", AgencyLevel.PROVINCE, None, None),
    ("sgddt", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", AgencyLevel.PROVINCE, None, None),
    ("tt", "Thanh tra tỉnh", "Thanh tra tỉnh", AgencyLevel.PROVINCE, None, None),
    ("btcd", "Ban Tiếp công dân tỉnh", "Ban TCD", AgencyLevel.PROVINCE, None, None),
    ("bdt", "Ban Dân tộc tỉnh", "Ban Dân tộc tỉnh", AgencyLevel.PROVINCE, None, None),
    ("cthads", "Cục Thi hành án dân sự tỉnh", "Cục THADS", AgencyLevel.CENTRAL, None, None),
    (
        "ubnd-tu",
        "Ủy ban nhân dân huyện Than Uyên",
        "UBND huyện Than Uyên",
        AgencyLevel.DISTRICT,
        date(2025, 6, 30),
        None,
    ),
    (
        "ubnd-tanuyen",
        "Ủy ban nhân dân huyện Tân Uyên",
        "UBND huyện Tân Uyên",
        AgencyLevel.DISTRICT,
        date(2025, 6, 30),
        None,
    ),
    (
        "ubnd-sh",
        "Ủy ban nhân dân huyện Sìn Hồ",
        "UBND huyện Sìn Hồ",
        AgencyLevel.DISTRICT,
        date(2025, 6, 30),
        None,
    ),
    (
        "ubnd-nn",
        "Ủy ban nhân dân huyện Nậm Nhùn",
        "UBND huyện Nậm Nhùn",
        AgencyLevel.DISTRICT,
        date(2025, 6, 30),
        None,
    ),
    ("pc", "Công ty Điện lực tỉnh", "PC Lai Châu", AgencyLevel.ENTERPRISE, None, None),
]

PEOPLE = [
    # Named in the source article; the other delegations are left without a named head.
    ("huyen", "Vũ Thị Huyền", "Trưởng Ban Văn hóa - Xã hội HĐND tỉnh"),
]

FIELDS = [
    ("bao-tro-xa-hoi", "Bảo trợ xã hội"),
    ("y-te", "Y tế, dân số"),
    ("giao-duc", "Giáo dục"),
    ("ngan-sach", "Ngân sách"),
    ("khoang-san", "Khoáng sản"),
    ("tiep-cong-dan", "Tiếp công dân, khiếu nại tố cáo"),
    ("dan-toc", "Dân tộc"),
    ("tu-phap", "Tư pháp, thi hành án"),
    ("nong-thon-moi", "Nông nghiệp, nông thôn mới"),
    ("dan-cu", "Bố trí dân cư"),
]
