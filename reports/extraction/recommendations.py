"""The requests a supervision story ends with, one row each, as the genre writes them.

- in a sentence: "đề nghị Sở X nghiên cứu …; tăng cường …; phối hợp …/.";
- in several: "… đề nghị Sở X làm A. Huyện cần làm B. Đồng thời đề nghị Thanh tra tỉnh …";
- enumerated: "… ba nhóm nhiệm vụ. Một là, …. Hai là, …" or "thứ nhất, …; thứ hai, …";
- as a list after a colon: "đề nghị Sở X:" then <li> items, "- " lines or "Một là, …"
  paragraphs, each perhaps naming its own addressee ("- UBND huyện Y khẩn trương …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .actors import agency_at
from .text import BULLET, capitalise, fold_aligned, shorten

REQUEST_RE = re.compile(r"(?<!\w)(?:đề nghị|kiến nghị|yêu cầu)(?!\w)", re.IGNORECASE)
# In the sentences after the first request, the addressee "cần" (must) do something.
NEED_RE = re.compile(r"(?<!\w)(?:cần|phải)\s(?!thiết)", re.IGNORECASE)
SENTENCE_BREAK_RE = re.compile(r"[.!?]\s")
ITEM_END_RE = re.compile(r"\s*(?:\./\.|\.{2,}|…|\.)\s*$")
# "- …", "• …" (a list item, see text.BULLET), "1. …", "2) …".
ITEM_MARK_RE = re.compile(rf"^\s*(?:[-+*{BULLET}]|\d{{1,2}}[.)])\s+")
_ORDINALS = "một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười"
# "Một là, …", "thứ hai, …": only at the start of a text or after a clause's end.
ENUMERATOR_RE = re.compile(
    rf"(?:^|(?<=[.;:,])\s*|(?<=[.;:,]\s))(?:(?:{_ORDINALS})\s+là|thứ\s+(?:nhất|hai|ba|tư|năm|sáu"
    r"|bảy|tám|chín|mười))(?!\w)\s*[,:]?\s*",
    re.IGNORECASE,
)
MAX_RECOMMENDATIONS = 40
MIN_WORDS = 3


@dataclass(frozen=True)
class FoundRecommendation:
    text: str
    addressee: str = ""


def is_item(paragraph: str) -> bool:
    """A paragraph that is one entry of a list: marked, numbered or "Một là, …"."""
    return bool(ITEM_MARK_RE.match(paragraph) or ENUMERATOR_RE.match(paragraph))


def split_request(paragraph: str) -> tuple[str, str] | None:
    """(conclusion text before the requests, the requests) if the paragraph asks for things."""
    cue = REQUEST_RE.search(paragraph)
    if not cue:
        return None
    breaks = [m.end() for m in SENTENCE_BREAK_RE.finditer(paragraph, 0, cue.start())]
    sentence_start = breaks[-1] if breaks else 0
    return paragraph[:sentence_start].strip(), paragraph[cue.end() :]


def opens_a_list(requests: str) -> bool:
    """ "đề nghị Sở X:" or "… một số nội dung sau:": the items follow in the next paragraphs."""
    return requests.rstrip().endswith(":")


def addressed(text: str, default: str) -> tuple[str, str]:
    """(addressee, rest): the agency a request names first, else `default`."""
    text = text.strip(" :,")
    hit = agency_at(text, fold_aligned(text), 0)
    if hit:
        return hit[0].name, text[hit[1] :]
    return default, text


def _item(text: str, addressee: str) -> FoundRecommendation | None:
    text = ITEM_END_RE.sub("", text.strip(f" ,:;-+{BULLET}")).strip()
    if len(text.split()) < MIN_WORDS:
        return None
    return FoundRecommendation(shorten(capitalise(text), 2000), addressee)


def _enumerated(text: str) -> list[str] | None:
    """The pieces after "Một là", "Hai là" …, or None if the text does not enumerate."""
    marks = list(ENUMERATOR_RE.finditer(text))
    if len(marks) < 2:
        return None
    ends = [mark.start() for mark in marks[1:]] + [len(text)]
    return [text[mark.end() : end] for mark, end in zip(marks, ends, strict=True)]


def _sentences(text: str) -> list[str]:
    starts = [0] + [m.end() for m in SENTENCE_BREAK_RE.finditer(text)]
    return [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)], strict=True)]


def recommendations_in(requests: str, addressee: str = "") -> list[FoundRecommendation]:
    """The requests in the text after a cue word: "Sở X nghiên cứu …; tăng cường …"."""
    addressee, rest = addressed(requests, addressee)
    pieces: list[tuple[str, str]] = []
    enumerated = _enumerated(rest)
    if enumerated is not None:
        pieces = [(piece, addressee) for piece in enumerated]
    else:
        for number, sentence in enumerate(_sentences(rest)):
            if number:
                # A later sentence adds a request only if it asks for something itself.
                cue = REQUEST_RE.search(sentence) or NEED_RE.search(sentence)
                if not cue:
                    continue
                addressee, sentence = addressed(sentence[cue.end() :], addressee)
            for piece in re.split(r";|\n|(?<=\.)\s(?=[-+•]\s)", sentence):
                pieces.append((piece, addressee))
    items = [_item(text, to) for text, to in pieces]
    return [item for item in items if item][:MAX_RECOMMENDATIONS]


def list_items(paragraphs: list[str], addressee: str) -> list[FoundRecommendation]:
    """Items of a list that followed "đề nghị Sở X:", each maybe naming its own addressee."""
    items = []
    for paragraph in paragraphs:
        mark = ITEM_MARK_RE.match(paragraph) or ENUMERATOR_RE.match(paragraph)
        own, text = addressed(paragraph[mark.end() :] if mark else paragraph, addressee)
        item = _item(text, own)
        if item:
            items.append(item)
    return items[:MAX_RECOMMENDATIONS]
