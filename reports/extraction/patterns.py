"""Vocabulary of supervision news: who supervises, who is supervised, and the genre's cues.

Names are matched on folded text (see text.fold_aligned), so one canonical spelling here
covers "Văn hóa-Xã hội", "Văn hoá - Xã hội" and "VĂN HÓA XÃ HỘI" alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.text.normalize import fold_words


def folded_words(canonical: str) -> str:
    """Regex for a name on folded text: its words in order, any run of separators between."""
    return " {1,5}".join(re.escape(word) for word in fold_words(canonical).split())


def whole(pattern: str) -> str:
    """Match only whole folded words."""
    return rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])"


@dataclass(frozen=True)
class BodyName:
    name: str
    short_name: str
    kind: str  # a reports.enums.BodyKind value
    pattern: str  # on folded text
    needs_council: bool = False  # "Ban Dân tộc" alone is also the government's committee


COUNCIL = r"(?:hdnd|hoi dong nhan dan)"
BODIES: tuple[BodyName, ...] = (
    BodyName("Ban Kinh tế - Ngân sách", "Ban KT-NS", "ban", folded_words("Ban Kinh tế Ngân sách")),
    BodyName("Ban Văn hóa - Xã hội", "Ban VH-XH", "ban", folded_words("Ban Văn hóa Xã hội")),
    BodyName("Ban Pháp chế", "Ban PC", "ban", folded_words("Ban Pháp chế"), needs_council=True),
    BodyName("Ban Dân tộc", "Ban DT", "ban", folded_words("Ban Dân tộc"), needs_council=True),
    BodyName("Thường trực HĐND tỉnh", "TT HĐND", "thuong-truc", rf"thuong {{1,3}}truc {COUNCIL}"),
    BodyName("Tổ đại biểu HĐND tỉnh", "Tổ đại biểu", "to-dai-bieu", rf"to dai bieu {COUNCIL}"),
    BodyName(
        "Hội đồng nhân dân tỉnh",
        "HĐND tỉnh",
        "hdnd",
        rf"doan {{1,3}}giam sat(?: cua)? {COUNCIL} {{1,3}}tinh",
    ),
)
BODY_RE = re.compile("|".join(f"(?P<b{i}>{whole(body.pattern)})" for i, body in enumerate(BODIES)))
# Within a few words after an ambiguous committee name, "HĐND" says it is the council's.
COUNCIL_AFTER_RE = re.compile(rf" {{1,3}}(?:cua {{1,3}})?{COUNCIL}(?![a-z0-9])")


@dataclass(frozen=True)
class AgencyName:
    name: str
    level: str  # a reports.enums.AgencyLevel value
    pattern: str


def _province_agency(name: str, *aliases: str) -> AgencyName:
    spellings = (name, *aliases)
    return AgencyName(name, "tinh", "|".join(folded_words(spelling) for spelling in spellings))


# Provincial departments and agencies as named before and after the 2025 reorganisation.
AGENCIES: tuple[AgencyName, ...] = (
    _province_agency("Sở Lao động - Thương binh và Xã hội", "Sở LĐTBXH", "Sở LĐ TB XH"),
    _province_agency("Sở Tài nguyên và Môi trường", "Sở TNMT"),
    _province_agency("Sở Nông nghiệp và Phát triển nông thôn", "Sở NN PTNT"),
    _province_agency("Sở Nông nghiệp và Môi trường"),
    _province_agency("Sở Kế hoạch và Đầu tư", "Sở KH ĐT"),
    _province_agency("Sở Tài chính"),
    _province_agency("Sở Xây dựng"),
    _province_agency("Sở Giao thông vận tải", "Sở GTVT"),
    _province_agency("Sở Công Thương"),
    _province_agency("Sở Y tế"),
    _province_agency("Sở Giáo dục và Đào tạo", "Sở GD ĐT"),
    _province_agency("Sở Văn hóa, Thể thao và Du lịch", "Sở VH TT DL"),
    _province_agency("Sở Khoa học và Công nghệ", "Sở KH CN"),
    _province_agency("Sở Thông tin và Truyền thông", "Sở TT TT"),
    _province_agency("Sở Nội vụ"),
    _province_agency("Sở Tư pháp"),
    _province_agency("Sở Ngoại vụ"),
    _province_agency("Sở Dân tộc và Tôn giáo"),
    _province_agency("Ban Dân tộc tỉnh"),
    _province_agency("Bảo hiểm xã hội tỉnh", "BHXH tỉnh"),
    _province_agency("Cục Thuế tỉnh"),
    _province_agency("Công an tỉnh"),
    _province_agency("Kho bạc Nhà nước tỉnh"),
    _province_agency("Thanh tra tỉnh"),
    _province_agency("Ủy ban nhân dân tỉnh", "UBND tỉnh", "Uỷ ban nhân dân tỉnh"),
    _province_agency("Tòa án nhân dân tỉnh", "TAND tỉnh", "Toà án nhân dân tỉnh"),
    _province_agency("Viện Kiểm sát nhân dân tỉnh", "VKSND tỉnh"),
)
AGENCY_RE = re.compile(
    "|".join(f"(?P<a{i}>{whole(agency.pattern)})" for i, agency in enumerate(AGENCIES))
)

# Words that begin the name of an agency we do not know by name: "tại Trường …", "UBND huyện …".
AGENCY_HEADS = (
    "Sở", "Ban", "Cục", "Chi cục", "UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân",
    "Bảo hiểm xã hội", "Công an", "Bộ Chỉ huy", "Kho bạc", "Ngân hàng", "Công ty",
    "Tổng công ty", "Bệnh viện", "Trung tâm", "Trường", "Phòng", "Văn phòng", "Thanh tra",
    "Tòa án", "Viện Kiểm sát", "Hạt Kiểm lâm", "Đồn Biên phòng", "Quỹ", "Chi nhánh",
)  # fmt: skip
AGENCY_HEAD_RE = re.compile(
    "|".join(whole(folded_words(head)) for head in sorted(AGENCY_HEADS, key=len, reverse=True))
)
# Lowercase words that may sit inside such a name: "UBND huyện Sìn Hồ", "Trường … tỉnh".
AGENCY_NAME_GLUE = {"và", "huyện", "tỉnh", "xã", "thành", "phố", "thị", "trấn", "nhân", "dân"}
# What introduces the agency being supervised.
AGENCY_CONTEXT_RE = re.compile(whole(r"tai|lam viec voi|voi|nghe|giam sat|khao sat") + " {1,3}")

# Titles a head of delegation may hold.
POSITION_START_RE = re.compile(
    whole(r"truong|pho|chu tich|uy vien|thuong truc|dai bieu|to truong|chanh|bi thu|giam doc")
)
HEAD_INTRO_RE = re.compile(whole(r"dong chi|d c|ong|ba") + " {1,3}")
HEAD_OF_DELEGATION_RE = re.compile(whole(r"truong {1,3}doan"))
# "HĐND tỉnh" at the end of a title is implied on a provincial council's own portal.
COUNCIL_SUFFIX_RE = re.compile(
    r"\s{0,3},?\s{0,3}(?:của\s{1,3})?(?:HĐND|Hội đồng nhân dân)(?:\s{1,3}tỉnh)?\s{0,3}$",
    re.IGNORECASE,
)
