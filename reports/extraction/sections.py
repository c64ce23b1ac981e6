"""Tell the parts of a supervision story apart by the cues the genre uses.

A typical article: a lead ("Sáng nay, Ban … giám sát … tại …"), what went well ("đoàn
giám sát nhận thấy …"), shortcomings ("Bên cạnh kết quả đạt được, … còn hạn chế …"), the
agency's answer ("… giải trình, tiếp thu …") and the conclusion with its recommendations
("Kết luận …, đồng chí … đề nghị Sở …: …; …; …"), read by recommendations.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .recommendations import (
    MIN_WORDS,
    REQUEST_RE,
    FoundRecommendation,
    addressed,
    is_item,
    list_items,
    opens_a_list,
    recommendations_in,
    split_request,
)

# A paragraph that neither ends a sentence nor runs this long is a caption, a byline, a
# breadcrumb or a heading, not part of the story.
MIN_WORDS_UNPUNCTUATED = 25
SENTENCE_FINAL_RE = re.compile(r"[.!?…:;]\W{0,3}$")

SHORTCOMING_OPENERS = re.compile(
    r"^(?:Bên cạnh (?:những |các )?kết quả|Tuy nhiên|Song|Bên cạnh đó|Hạn chế|Tồn tại|"
    r"Khó khăn|Một số (?:hạn chế|tồn tại|bất cập|khó khăn))",
    re.IGNORECASE,
)
SHORTCOMING_WORDS = re.compile(
    r"(?<!\w)(?:hạn chế|bất cập|tồn tại|vướng mắc|khó khăn|chưa kịp thời|chưa đảm bảo)(?!\w)",
    re.IGNORECASE,
)
RESPONSE_WORDS = re.compile(r"(?<!\w)(?:giải trình|tiếp thu|làm rõ thêm)(?!\w)", re.IGNORECASE)
CONCLUSION_OPENERS = re.compile(r"^(?:Kết luận|Phát biểu kết luận|Tại buổi kết luận)", re.I)
MAX_RECOMMENDATIONS = 40


@dataclass
class Sections:
    lead: str = ""
    findings: list[str] = field(default_factory=list)
    shortcomings: list[str] = field(default_factory=list)
    agency_response: list[str] = field(default_factory=list)
    conclusion: list[str] = field(default_factory=list)
    recommendations: list[FoundRecommendation] = field(default_factory=list)


def _is_shortcoming(paragraph: str) -> bool:
    return bool(SHORTCOMING_OPENERS.match(paragraph)) or (
        len(SHORTCOMING_WORDS.findall(paragraph[:400])) >= 2
    )


def _is_response(paragraph: str) -> bool:
    # The agency's answer is a short paragraph; a long one that mentions "tiếp thu" in
    # passing is still about something else.
    return bool(RESPONSE_WORDS.search(paragraph)) and len(paragraph) < 700


def prose(paragraphs: list[str]) -> list[str]:
    """The paragraphs that tell the story, without captions, bylines and headings.

    Kept as well: list items and a short "Đoàn đề nghị:" that opens a list of requests.
    """
    return [
        para
        for para in paragraphs
        if SENTENCE_FINAL_RE.search(para[-8:])
        and len(para.split()) >= 6
        or len(para.split()) >= MIN_WORDS_UNPUNCTUATED
        or is_item(para)
        and len(para.split()) > MIN_WORDS
        or para.endswith(":")
        and REQUEST_RE.search(para)
    ]


def _read_requests(found: Sections, paragraph: str, following: list[str]) -> int:
    """Put the requests `paragraph` makes into `found`; how many `following` items were its."""
    split = split_request(paragraph)
    if split is None:
        return 0
    before, requests = split
    if before:
        found.conclusion.append(before)
    if not opens_a_list(requests):
        found.recommendations.extend(recommendations_in(requests))
        return 0
    # "đề nghị Sở X:" then the items; the words before the colon are not a request.
    addressee = addressed(requests, "")[0]
    used = 0
    while used < len(following) and is_item(following[used]):
        used += 1
    found.recommendations.extend(list_items(following[:used], addressee))
    return used


def sections_in(story: list[str]) -> Sections:
    """Classify the story's paragraphs (see `prose`); the first is the lead."""
    found = Sections()
    if not story:
        return found
    found.lead = story[0]
    seen_shortcomings = False
    rest, position = story[1:], 0
    while position < len(rest):
        paragraph = rest[position]
        position += 1
        asks = REQUEST_RE.search(paragraph)
        if CONCLUSION_OPENERS.match(paragraph) and not asks:
            found.conclusion.append(paragraph)
        elif asks and (CONCLUSION_OPENERS.match(paragraph) or opens_a_list(paragraph)):
            position += _read_requests(found, paragraph, rest[position:])
        elif _is_response(paragraph):
            found.agency_response.append(paragraph)
        elif _is_shortcoming(paragraph):
            found.shortcomings.append(paragraph)
            seen_shortcomings = True
        elif asks and (seen_shortcomings or found.agency_response):
            _read_requests(found, paragraph, [])
        else:
            found.findings.append(paragraph)
        del found.recommendations[MAX_RECOMMENDATIONS:]
    return found
