"""Read a supervision news article and say what a report about it would contain.

Pure and total: no database, no network, and for any input a result (with empty fields for
what is not there) rather than an exception. Matching names to database rows is
reports.drafting's job.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date

from . import dates
from .actors import (
    FoundAgency,
    FoundBody,
    FoundPerson,
    agencies_in,
    bodies_in,
    head_of_delegation,
    subject_and_kind,
)
from .figures import FoundFigure, figures_in
from .localities import FoundLocalities, localities_in
from .sections import Sections, prose, sections_in
from .text import fold_aligned, paragraphs

logger = logging.getLogger(__name__)


@dataclass
class Extraction:
    supervising_body: FoundBody | None = None
    head: FoundPerson | None = None
    agencies: list[FoundAgency] = field(default_factory=list)
    session_date: date | None = None
    published: date | None = None
    subject: str = ""
    kind: str = ""  # "giam-sat", "khao-sat", "tai-giam-sat" or "" when unknown
    localities: FoundLocalities = field(default_factory=FoundLocalities)
    figures: list[FoundFigure] = field(default_factory=list)
    sections: Sections = field(default_factory=Sections)


# "chiều nay (26/10/2020)", "sáng qua, ngày 25/10/2020": the explicit date wins over the word.
_RELATIVE_WITH_DATE = re.compile(
    dates.RELATIVE.pattern + r"\s{0,3}[(,]?\s{0,3}(?:ngày\s{1,3})?"
    r"(\d{1,2})\s?[/.-]\s?(\d{1,2})(?:\s?[/.-]\s?(\d{4}))?(?!\d)",
    re.IGNORECASE,
)
_DAY_MONTH_CONTEXT = re.compile(
    r"(?<!\w)(?:ngày|sáng|trưa|chiều|tối)\s{1,3}(\d{1,2})/(\d{1,2})(?![\d/])", re.IGNORECASE
)
# Dates that are cut-offs or periods, not the day of the visit.
_NOT_SESSION_BEFORE = re.compile(
    r"(?:tính đến|tới|đến|từ|ngày đăng|ban hành|số)\s{0,3}"
    r"(?:hết\s{1,3})?(?:ngày\s{1,3})?:?\s{0,3}$",
    re.IGNORECASE,
)


def session_date(lead_paragraphs: list[str], published: date | None) -> date | None:
    """The day of the working session, from the first paragraphs of the story."""
    text = "\n".join(lead_paragraphs)
    for match in _RELATIVE_WITH_DATE.finditer(text):
        day, month, year = match.groups()[-3:]
        value = dates.make_date(day, month, year) if year else None
        value = value or (dates.with_inferred_year(day, month, published) if not year else None)
        if value:
            return value
    for pattern in (dates.NUMERIC_DATE, dates.WORDED_DATE):
        for match in pattern.finditer(text):
            if _NOT_SESSION_BEFORE.search(text, max(0, match.start() - 30), match.start()):
                continue
            value = dates.make_date(*match.groups())
            if value:
                return value
    relative = dates.RELATIVE.search(text)
    if relative and published:
        return dates.resolve_relative(relative.group(0), published)
    for match in _DAY_MONTH_CONTEXT.finditer(text):
        value = dates.with_inferred_year(*match.groups(), published)
        if value:
            return value
    return None


def _extract(text: str, published: date | None = None) -> Extraction:
    """The extraction proper; raises only on a bug (see `extract`)."""
    paras = paragraphs(text)
    joined = "\n".join(paras)
    folded = fold_aligned(joined)
    story = prose(paras)
    result = Extraction(published=published or dates.published_date_in(joined))

    result.head = head_of_delegation(joined, folded)
    bodies = bodies_in(joined, folded)
    if result.head:
        in_position = bodies_in(result.head.position, fold_aligned(result.head.position))
        if in_position:
            bodies = in_position + bodies
    result.supervising_body = bodies[0][1] if bodies else None
    result.agencies = agencies_in(joined, folded)
    result.subject, result.kind = subject_and_kind(joined)
    result.session_date = session_date(story[:2], result.published)
    result.localities = localities_in("\n".join(story) or joined)
    result.figures = figures_in(story)
    result.sections = sections_in(story)
    return result


def extract(text: str, published: date | None = None) -> Extraction:
    """What a report drafted from `text` should say; empty fields where the text is silent.

    `published` (the article's publication day) resolves "chiều nay", "sáng qua". A bug
    met on some unforeseen text must not stop an editor from getting a draft, so it is
    logged and an empty result returned; the tests drive `_extract` directly to find them.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    try:
        return _extract(text, published)
    except Exception:  # noqa: BLE001 - see docstring
        logger.exception("Không trích xuất được nội dung bài viết")
        return Extraction(published=published)
