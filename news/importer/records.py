"""Reading the old portal's JSONL export and checking each line.

Each problem is reported in Vietnamese, in words an editor can act on, and only ever
concerns its own line: a bad line never stops the others.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from ..dates import parse_published
from .bodies import body_to_rich_text, html_to_text

TITLE_MAX = 255
AUTHOR_MAX = 255
CAPTION_MAX = 500
# Liferay and other portals' exports carry long asset-publisher addresses.
SOURCE_URL_MAX = 2000
SECTION_TITLE_MAX = 255
# A line longer than this (in UTF-8 bytes) is refused before it is parsed: the old portal's
# biggest article is well under 1 MB, and json.loads of a huge line would hold the run.
MAX_LINE_BYTES = 5 * 1024 * 1024
# An article is a flat object; deeper nesting is a broken or hostile export, refused before
# it reaches code that recurses (json itself raises RecursionError near 1,000 levels).
MAX_JSON_DEPTH = 50
# Publication dates outside these years are typos (0001, 9999…), and the extremes of
# datetime overflow when moved between time zones.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100

_validate_url = URLValidator(schemes=["http", "https"])
_JSON_TYPE_NAMES = {
    list: "một mảng",
    str: "một chuỗi",
    int: "một số",
    float: "một số",
    bool: "true/false",
    type(None): "null",
}


class LineError(ValueError):
    """A reason, in Vietnamese, why one line cannot be imported."""


class ImportFailed(Exception):
    """Nothing can be imported: the file is missing or not UTF-8, a bad --section…"""


@dataclass(frozen=True)
class ArticleRecord:
    line: int
    title: str
    body_html: str
    published: datetime
    summary: str = ""
    author: str = ""
    section: tuple[str, ...] = ()
    source_url: str = ""
    image_caption: str = ""


def read_lines(path: str | Path) -> list[tuple[int, str]]:
    """Return (line number, text) for every non-blank line; UTF-8, with or without BOM.

    The whole file is decoded before anything is imported, so a file in the wrong
    encoding is refused outright instead of being half imported.
    """
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError as error:
        raise ImportFailed(f"Không tìm thấy tệp {path}") from error
    except IsADirectoryError as error:
        raise ImportFailed(f"{path} là một thư mục, không phải tệp JSONL") from error
    except OSError as error:
        raise ImportFailed(f"Không đọc được tệp {path}: {error.strerror or error}") from error
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFailed(f"Tệp {path} mã hoá UTF-16; hãy lưu lại dưới dạng UTF-8.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ImportFailed(
            f"Tệp {path} không phải UTF-8 (byte không hợp lệ ở dòng {line}); "
            "hãy lưu lại dưới dạng UTF-8."
        ) from error
    # JSON Lines are separated by "\n" only: str.splitlines() would also split on
    # U+2028 and friends, which JSON allows unescaped inside strings.
    return [(number, line) for number, line in enumerate(text.split("\n"), start=1) if line.strip()]


def _line_bytes(text: str) -> int:
    # Encoding costs a copy: only for lines that could be over the limit at 4 bytes a char.
    return len(text) if len(text) * 4 <= MAX_LINE_BYTES else len(text.encode("utf-8"))


def _depth(value: object) -> int:
    """How deeply lists and objects nest (1 for a flat object), without recursing."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def parse_line(number: int, text: str) -> ArticleRecord:
    size = _line_bytes(text)
    if size > MAX_LINE_BYTES:
        raise LineError(
            f"dòng dài {size} byte, tối đa {MAX_LINE_BYTES // 1024 // 1024} MB "
            f"({MAX_LINE_BYTES} byte); dòng không được đọc"
        )
    too_deep = f"JSON lồng quá {MAX_JSON_DEPTH} cấp"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise LineError(f"JSON không hợp lệ ở cột {error.colno}") from error
    except RecursionError as error:
        raise LineError(too_deep) from error
    if _depth(data) > MAX_JSON_DEPTH:
        raise LineError(too_deep)
    if not isinstance(data, dict):
        kind = _JSON_TYPE_NAMES.get(type(data), type(data).__name__)
        raise LineError(f"mỗi dòng phải là một đối tượng JSON {{…}}, không phải {kind}")

    title = _text(data, "title", "tiêu đề", required=True, max_length=TITLE_MAX, one_line=True)
    body = _text(data, "body", "nội dung", required=True)
    published_text = _text(data, "published", "ngày đăng", required=True)
    try:
        published = parse_published(published_text)
    except ValueError as error:
        if str(error).isascii():  # datetime()'s own "day is out of range for month"…
            reason = f"không phải ngày giờ có thật: {published_text!r} ({error})"
        else:  # news.dates explains itself in Vietnamese
            reason = str(error)
        raise LineError(f"ngày đăng (published): {reason}") from error
    if not EARLIEST_YEAR <= published.year < LATEST_YEAR:
        raise LineError(
            f"ngày đăng (published): năm {published.year} ngoài khoảng "
            f"{EARLIEST_YEAR}–{LATEST_YEAR - 1}: {published_text!r}"
        )
    try:
        body_html = body_to_rich_text(body)
    except (AssertionError, ValueError) as error:  # the converter asserts on bad nesting
        raise LineError(f"không đọc được nội dung HTML (body): {error}") from error
    if not body_html:
        raise LineError("nội dung (body) không còn gì sau khi làm sạch HTML")

    source_url = _text(data, "source_url", "địa chỉ bài gốc", max_length=SOURCE_URL_MAX)
    if source_url:
        try:
            _validate_url(source_url)
        except ValidationError as error:
            raise LineError(f"địa chỉ bài gốc (source_url) không hợp lệ: {source_url!r}") from error

    return ArticleRecord(
        line=number,
        title=title,
        body_html=body_html,
        published=published,
        summary=html_to_text(_text(data, "summary", "sapo")),
        author=_text(data, "author", "tác giả", max_length=AUTHOR_MAX, one_line=True),
        section=parse_section_path(_text(data, "section", "chuyên mục")),
        source_url=source_url,
        image_caption=_text(
            data, "image_caption", "chú thích ảnh", max_length=CAPTION_MAX, one_line=True
        ),
    )


def parse_section_path(text: str) -> tuple[str, ...]:
    """ "Tin tức hoạt động / Hội đồng nhân dân tỉnh" → the section titles, top first."""
    parts = tuple(" ".join(part.split()) for part in (text or "").split("/"))
    parts = tuple(part for part in parts if part)
    for part in parts:
        if len(part) > SECTION_TITLE_MAX:
            raise LineError(f"tên chuyên mục dài {len(part)} ký tự, tối đa {SECTION_TITLE_MAX}")
    return parts


def _text(
    data: dict,
    key: str,
    label: str,
    *,
    required: bool = False,
    max_length: int | None = None,
    one_line: bool = False,
) -> str:
    """A string field, NFC-normalised (old Vietnamese text is often decomposed, NFD)."""
    value = data.get(key)
    if value is None:
        if required:
            raise LineError(f"thiếu {label} ({key})")
        return ""
    if not isinstance(value, str):
        kind = _JSON_TYPE_NAMES.get(type(value), type(value).__name__)
        raise LineError(f"{label} ({key}) phải là chuỗi, không phải {kind}")
    value = unicodedata.normalize("NFC", value)
    value = " ".join(value.split()) if one_line else value.strip()
    if required and not value:
        raise LineError(f"{label} ({key}) để trống")
    if max_length is not None and len(value) > max_length:
        raise LineError(f"{label} ({key}) dài {len(value)} ký tự, tối đa {max_length}")
    return value
