"""Fact tables for the generated part of the real-world corpus: provinces, places, names,
abbreviations and spelling styles. Hand-written; names of people are invented."""

from __future__ import annotations

import re

# Province -> districts -> communes. Communes share syllables on purpose (Mường Kim /
# Mường Than / Kim Sơn, Than Uyên / Tân Uyên, Hùng Vương / Nguyễn Văn Hùng).
PROVINCES: dict[str, dict[str, list[str]]] = {
    "Lai Châu": {
        "huyện Than Uyên": ["Mường Kim", "Mường Than", "Phúc Than", "Mường Mít"],
        "huyện Tân Uyên": ["Mường Khoa", "Phúc Khoa", "Trung Đồng"],
        "huyện Sìn Hồ": ["Pa Tần", "Nậm Tăm", "Tả Phìn"],
    },
    "Điện Biên": {
        "huyện Tuần Giáo": ["Mường Mùn", "Quài Cang", "Tỏa Tình"],
        "huyện Mường Chà": ["Sa Lông", "Hừa Ngài", "Mường Tùng"],
        "huyện Điện Biên Đông": ["Phì Nhừ", "Mường Luân", "Háng Lìa"],
    },
    "Sơn La": {
        "huyện Thuận Châu": ["Chiềng Pấc", "Mường Khiêng", "Bó Mười"],
        "huyện Mai Sơn": ["Chiềng Mung", "Hát Lót", "Mường Bằng"],
        "huyện Sốp Cộp": ["Mường Lạn", "Sam Kha"],
    },
    "Hà Giang": {
        "huyện Đồng Văn": ["Lũng Cú", "Sà Phìn", "Phố Cáo"],
        "huyện Mèo Vạc": ["Sơn Vĩ", "Pả Vi", "Xín Cái"],
    },
    "Yên Bái": {
        "huyện Mù Cang Chải": ["Kim Nọi", "Chế Cu Nha", "Nậm Khắt"],
        "huyện Văn Chấn": ["Sơn Thịnh", "Nghĩa Tâm", "Suối Giàng"],
    },
    "Thanh Hóa": {
        "huyện Mường Lát": ["Mường Chanh", "Pù Nhi", "Trung Lý"],
        "huyện Quan Sơn": ["Sơn Thủy", "Trung Hạ", "Na Mèo"],
    },
    "Nghệ An": {
        "huyện Kỳ Sơn": ["Mường Lống", "Na Ngoi", "Mường Típ"],
        "huyện Tương Dương": ["Nga My", "Yên Hòa", "Tam Thái"],
    },
    "Ninh Bình": {
        "huyện Kim Sơn": ["Kim Đông", "Kim Hải", "Kim Trung"],
        "huyện Nho Quan": ["Cúc Phương", "Thạch Bình"],
    },
    "Kon Tum": {
        "huyện Kon Plông": ["Hiếu", "Măng Cành", "Đắk Tăng"],
        "huyện Đăk Glei": ["Đắk Pék", "Mường Hoong", "Ngọc Linh"],
    },
    "Gia Lai": {
        "huyện Kbang": ["Sơn Lang", "Kon Pne", "Đak Rong"],
        "huyện Chư Prông": ["Ia Lâu", "Ia Mơ"],
    },
    "Bến Tre": {
        "huyện Thạnh Phú": ["An Thuận", "Thạnh Hải", "An Điền"],
        "huyện Ba Tri": ["An Hòa Tây", "Bảo Thuận"],
    },
    "Cà Mau": {
        "huyện Ngọc Hiển": ["Đất Mũi", "Tân Ân", "Viên An"],
        "huyện U Minh": ["Khánh Lâm", "Nguyễn Phích"],
    },
    "Phú Thọ": {
        "thị xã Phú Thọ": ["phường Hùng Vương", "Hà Thạch", "Thanh Minh"],
        "huyện Tân Sơn": ["Kim Thượng", "Xuân Sơn", "Đồng Sơn"],
    },
    "Hòa Bình": {
        "huyện Đà Bắc": ["Mường Chiềng", "Tiền Phong", "Đồng Chum"],
        "huyện Mai Châu": ["Pà Cò", "Hang Kia", "Tân Thành"],
    },
    "Quảng Trị": {
        "huyện Hướng Hóa": ["Hướng Lập", "Hướng Phùng", "A Túc"],
        "huyện Đakrông": ["Tà Rụt", "A Ngo", "Hướng Hiệp"],
    },
}

# Provinces whose portal writes the old tone placement (hoà, thuỷ, uỷ).
OLD_TONE_PROVINCES = {"Lai Châu", "Sơn La", "Thanh Hóa", "Hòa Bình", "Kon Tum", "Bến Tre"}

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Lò", "Vàng", "Giàng", "Hà", "Đỗ",
            "Bùi", "Cầm", "Lý", "Sùng", "Đinh"]  # fmt: skip
MALE = ["Hùng", "Hưng", "Sơn", "Kim", "Hòa", "Chiến", "Đông", "Thắng", "Dũng", "Tuấn", "Lềnh",
        "Vương", "Khoa", "Tâm"]  # fmt: skip
FEMALE = ["Thủy", "Thúy", "Hương", "Hường", "Vân", "Mai", "Lan", "Hòa", "Mỷ", "Tâm"]
MIDDLE_MALE = ["Văn", "Văn", "Minh", "Quang", "A", "Đức"]

BANS = ["Ban Kinh tế - Ngân sách", "Ban Văn hóa - Xã hội", "Ban Pháp chế", "Ban Dân tộc"]

# Token -> (full form, spellings of the abbreviation).
ABBREVIATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "HĐND": ("Hội đồng nhân dân", ("HĐND",)),
    "UBND": ("Ủy ban nhân dân", ("UBND",)),
    "MTTQ": ("Mặt trận Tổ quốc", ("MTTQ",)),
    "ĐBQH": ("đại biểu Quốc hội", ("ĐBQH",)),
    "BHYT": ("bảo hiểm y tế", ("BHYT",)),
    "BHXH": ("Bảo hiểm xã hội", ("BHXH",)),
    "DTTS": ("dân tộc thiểu số", ("DTTS",)),
    "ATTP": ("an toàn thực phẩm", ("ATTP",)),
    "MTQG": ("mục tiêu quốc gia", ("MTQG",)),
    "KT-XH": ("kinh tế - xã hội", ("KT-XH", "KTXH")),
    "QP-AN": ("quốc phòng - an ninh", ("QP-AN", "QPAN")),
    "LĐTBXH": ("Lao động - Thương binh và Xã hội", ("LĐTBXH", "LĐ-TB&XH")),
    "LĐ-TB&XH": ("Lao động - Thương binh và Xã hội", ("LĐ-TB&XH", "LĐTBXH")),
    "NN&PTNT": ("Nông nghiệp và Phát triển nông thôn", ("NN&PTNT", "NNPTNT")),
    "TN&MT": ("Tài nguyên và Môi trường", ("TN&MT", "TNMT")),
    "GD&ĐT": ("Giáo dục và Đào tạo", ("GD&ĐT", "GDĐT")),
    "KH&ĐT": ("Kế hoạch và Đầu tư", ("KH&ĐT",)),
    "TT&TT": ("Thông tin và Truyền thông", ("TT&TT",)),
    "THADS": ("thi hành án dân sự", ("THADS",)),
}

_OLD_TONE = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}  # fmt: skip
_OLD_TONE.update({k.capitalize(): v.capitalize() for k, v in list(_OLD_TONE.items())})
_OLD_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TONE) + r")(?!\w)")


def old_tone(text: str) -> str:
    """hòa -> hoà, thủy -> thuỷ, Ủy -> Uỷ; "quý" keeps its mark (u belongs to qu)."""
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONE[m.group(1)], text)


def number(value: int) -> str:
    """2310 -> "2.310" (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")


def decimal(value: float) -> str:
    """95.5 -> "95,5"."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
