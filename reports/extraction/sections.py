"""Tell the parts of a supervision story apart by the cues the genre uses.

A typical article: a lead ("Sáng nay, Ban … giám sát … tại …"), what went well ("đoàn
giám sát nhận thấy …"), shortcomings ("Bên cạnh kết quả đạt được, … còn hạn chế …"), the
agency's answer ("… giải trình, tiếp thu …") and the conclusion with its recommendations
("Kết luận …, đồng chí … đề nghị Sở …: …; …; …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .actors import agency_at
from .text import capitalise, fold_aligned, shorten

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
REQUEST_RE = re.compile(r"(?<!\w)(?:đề nghị|kiến nghị|yêu cầu)(?!\w)", re.IGNORECASE)
# The sentence that carries the list of requests starts at the last sentence break before
# the cue word.
SENTENCE_BREAK_RE = re.compile(r"[.!?]\s")
ITEM_END_RE = re.compile(r"\s*(?:\./\.|\.{2,}|…|\.)\s*$")
MAX_RECOMMENDATIONS = 40


@dataclass(frozen=True)
class FoundRecommendation:
    text: str
    addressee: str = ""


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


def _split_request(paragraph: str) -> tuple[str, str] | None:
    """(conclusion text before the requests, the requests) if the paragraph asks for things."""
    cue = REQUEST_RE.search(paragraph)
    if not cue:
        return None
    breaks = [m.end() for m in SENTENCE_BREAK_RE.finditer(paragraph, 0, cue.start())]
    sentence_start = breaks[-1] if breaks else 0
    return paragraph[:sentence_start].strip(), paragraph[cue.end() :]


def recommendations_in(requests: str) -> list[FoundRecommendation]:
    """ "Sở X nghiên cứu …; tăng cường …; phối hợp …/." → one row per item, addressed to Sở X."""
    requests = requests.strip(" :,")
    folded = fold_aligned(requests)
    addressee, start = "", 0
    hit = agency_at(requests, folded, 0)
    if hit:
        agency, start = hit
        addressee = agency.name
    items = []
    for piece in re.split(r";|\n|(?<=\.)\s(?=[-+•]\s)", requests[start:]):
        text = ITEM_END_RE.sub("", piece.strip(" ,:-+•")).strip()
        if len(text.split()) >= 3:
            items.append(FoundRecommendation(shorten(capitalise(text), 2000), addressee))
        if len(items) >= MAX_RECOMMENDATIONS:
            break
    return items


def prose(paragraphs: list[str]) -> list[str]:
    """The paragraphs that tell the story, without captions, bylines and headings."""
    return [
        para
        for para in paragraphs
        if SENTENCE_FINAL_RE.search(para[-8:])
        and len(para.split()) >= 6
        or len(para.split()) >= MIN_WORDS_UNPUNCTUATED
    ]


def sections_in(story: list[str]) -> Sections:
    """Classify the story's paragraphs (see `prose`); the first is the lead."""
    found = Sections()
    if not story:
        return found
    found.lead = story[0]
    seen_shortcomings = False
    for paragraph in story[1:]:
        if CONCLUSION_OPENERS.match(paragraph):
            split = _split_request(paragraph)
            if split:
                before, requests = split
                found.conclusion.append(before or paragraph)
                found.recommendations.extend(recommendations_in(requests))
            else:
                found.conclusion.append(paragraph)
        elif _is_response(paragraph):
            found.agency_response.append(paragraph)
        elif _is_shortcoming(paragraph):
            found.shortcomings.append(paragraph)
            seen_shortcomings = True
        elif REQUEST_RE.search(paragraph) and (seen_shortcomings or found.agency_response):
            split = _split_request(paragraph)
            before, requests = split if split else ("", "")
            if before:
                found.conclusion.append(before)
            found.recommendations.extend(recommendations_in(requests))
        else:
            found.findings.append(paragraph)
        del found.recommendations[MAX_RECOMMENDATIONS:]
    return found
