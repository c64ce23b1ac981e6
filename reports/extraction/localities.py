"""Where the delegation went: "tại 12 xã trên địa bàn 03 huyện (Tam Đường, Sìn Hồ, Phong Thổ)"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import shorten

COMMUNE_WORDS = r"xã, phường, thị trấn|xã, phường|xã, thị trấn|xã|phường|thị trấn"
DISTRICT_WORDS = r"huyện, thành phố|huyện, thị xã|huyện|thành phố|thị xã"

# "tại 12 xã", "ở 5 xã, phường": a count the delegation visited, not a statistic.
COMMUNE_COUNT_RE = re.compile(
    rf"(?<!\w)(?:tại|ở|khảo sát|giám sát|xuống|đến|tới|thăm)\s{{1,3}}"
    rf"(\d{{1,3}})\s{{1,3}}({COMMUNE_WORDS})(?!\w)",
    re.IGNORECASE,
)
# "03 huyện (Tam Đường, Sìn Hồ, Phong Thổ)" or "3 huyện: Tam Đường, Sìn Hồ và Phong Thổ".
DISTRICT_LIST_RE = re.compile(
    rf"(?<![\w.,])(\d{{1,2}})\s{{1,3}}({DISTRICT_WORDS})\s{{0,3}}"
    r"(?:\(([^()\n]{1,300})\)|:\s{0,3}([^.;()\n]{1,300}))",
    re.IGNORECASE,
)
# "huyện Sìn Hồ", "ba huyện Tam Đường, Sìn Hồ và Phong Thổ", "huyện A và thành phố B":
# a district word, then a list of capitalised names (parsed by _named_list).
NUMBER_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8}
DISTRICT_WORD = r"(?:huyện|thành phố|thị xã)"
NAMED_DISTRICT_RE = re.compile(
    rf"(?<!\w)(?:(\d{{1,2}}|{'|'.join(NUMBER_WORDS)})\s{{1,3}})?(?:các\s{{1,3}})?"
    rf"{DISTRICT_WORD}\s{{1,3}}(?=[A-ZÀ-ỸĐ])",
    re.IGNORECASE,
)
_NAME_RE = re.compile(r"[^\W\d_]{1,15}(?: [^\W\d_]{1,15}){0,3}")
_LIST_NEXT_RE = re.compile(
    rf"\s{{0,2}}(?:,\s{{1,3}}(?:và\s{{1,3}})?|\s(?:và|cùng)\s{{1,3}})(?:{DISTRICT_WORD}\s{{1,3}})?",
    re.IGNORECASE,
)
# Capitalised words that start an agency or a sentence's subject, not a district's name.
_NOT_A_PLACE = re.compile(
    r"^(?:Sở|UBND|Ủy|Uỷ|Ban|Đoàn|Tổ|HĐND|Hội|Phòng|Trung|Công|Cục|Chi|Kho|Thanh|Tòa|Viện"
    r"|Bảo|Trường|Bệnh|Các|Những|Trong|Tại|Qua|Đồng|Ông|Bà)(?!\w)"
)
_SPLIT_NAMES = re.compile(r"\s{0,3}(?:,|;|\svà\s)\s{0,3}")
_PREFIX = re.compile(r"^(?:các\s)?(?:huyện|thành phố|thị xã|quận|TP\.?)\s{1,3}", re.IGNORECASE)


@dataclass
class FoundLocalities:
    commune_count: int | None = None
    commune_word: str = ""
    district_count: str = ""
    district_names: list[str] = field(default_factory=list)

    @property
    def note(self) -> str:
        """ "12 xã thuộc 03 huyện: Tam Đường, Sìn Hồ, Phong Thổ" for the report's note field."""
        parts = []
        if self.commune_count is not None:
            parts.append(f"{self.commune_count} {self.commune_word}")
        if self.district_names:
            count = self.district_count or str(len(self.district_names))
            places = f"{count} huyện: {', '.join(self.district_names)}"
            parts.append(("thuộc " if parts else "") + places)
        return shorten(" ".join(parts), 255)


def _capitalised_name(raw: str) -> str:
    """Keep the leading capitalised words of a place name: "Sìn Hồ và" → "Sìn Hồ"."""
    words = []
    for word in raw.split():
        if not word[0].isupper():
            break
        words.append(word)
    return " ".join(words)


def _names(raw: str) -> list[str]:
    names = []
    for piece in _SPLIT_NAMES.split(raw):
        name = _capitalised_name(_PREFIX.sub("", piece.strip(" .:-")))
        if name and len(name) <= 40 and name not in names:
            names.append(name)
    return names


def _named_list(text: str, pos: int) -> tuple[list[str], int]:
    """Names from `pos`: "Tam Đường, Sìn Hồ và Phong Thổ", "Than Uyên và huyện Tân Uyên"."""
    names: list[str] = []
    while len(names) < 12:
        match = _NAME_RE.match(text, pos)
        name = _capitalised_name(match.group()) if match else ""
        if not name or _NOT_A_PLACE.match(name):
            break
        names.append(name)
        pos += len(name)
        glue = _LIST_NEXT_RE.match(text, pos)
        if not glue:
            break
        pos = glue.end()
    return names, pos


def localities_in(text: str) -> FoundLocalities:
    found = FoundLocalities()
    commune = COMMUNE_COUNT_RE.search(text)
    if commune:
        found.commune_count = int(commune.group(1))
        found.commune_word = commune.group(2).lower()
    listed = DISTRICT_LIST_RE.search(text)
    if listed:
        found.district_count = listed.group(1)
        found.district_names = _names(listed.group(3) or listed.group(4) or "")
    for match in NAMED_DISTRICT_RE.finditer(text):
        if len(found.district_names) >= 30:
            break
        names, _ = _named_list(text, match.end())
        count = match.group(1)
        if count and names and not found.district_count:
            found.district_count = str(NUMBER_WORDS.get(count.lower(), count))
        for name in names:
            if name not in found.district_names:
                found.district_names.append(name)
    return found
