"""Who supervised whom: the supervising body, the head of delegation, the agencies, the subject."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as p
from .text import capitalise, fold_aligned, shorten, tidy_hyphens


@dataclass(frozen=True)
class FoundBody:
    name: str
    short_name: str
    kind: str


@dataclass(frozen=True)
class FoundPerson:
    name: str
    position: str


@dataclass(frozen=True)
class FoundAgency:
    name: str
    level: str


def bodies_in(text: str, folded: str) -> list[tuple[int, FoundBody]]:
    """Every mention of a supervising body, with its offset."""
    found = []
    for match in p.BODY_RE.finditer(folded):
        index = int(match.lastgroup[1:])
        body = p.BODIES[index]
        if body.needs_council and not p.COUNCIL_AFTER_RE.match(folded, match.end()):
            continue
        found.append((match.start(), FoundBody(body.name, body.short_name, body.kind)))
    return found


def canonical_bodies(position: str) -> str:
    """Spell committee names in a title the house way: "Trưởng ban Văn hoá-Xã hội" → "… Ban …"."""
    folded = fold_aligned(position)
    pieces, last = [], 0
    for match in p.BODY_RE.finditer(folded):
        body = p.BODIES[int(match.lastgroup[1:])]
        if body.kind != "ban":
            continue
        pieces.extend([position[last : match.start()], body.name])
        last = match.end()
    pieces.append(position[last:])
    return "".join(pieces)


_NAME_WORD = re.compile(r"\w{1,15}")
# A title ends at punctuation, at the verb that follows it ("… làm trưởng đoàn", "… đã
# khảo sát") or right after the council it belongs to ("… HĐND tỉnh").
_POSITION_END = re.compile(
    r"[,.;:()\n\"]|$|(?<=HĐND tỉnh)|(?<=Hội đồng nhân dân tỉnh)"
    r"|\s(?:làm|là|dẫn đầu|đã|đang|cùng|chủ trì|cho biết|phát biểu|nhấn mạnh|đề nghị"
    r"|khi|tại|với)(?!\w)"
)


def _person_at(text: str, start: int) -> tuple[str, int] | None:
    """A personal name of 2–5 capitalised words starting at `start`, and where it ends."""
    words, pos = [], start
    while len(words) < 5:
        match = _NAME_WORD.match(text, pos)
        if not match or not match.group()[0].isupper() or match.group().isdigit():
            break
        words.append(match.group())
        pos = match.end()
        if not text.startswith(" ", pos):
            break
        pos += 1
    if len(words) < 2:
        return None
    return " ".join(words), start + len(" ".join(words))


def _clause(text: str, start: int, limit: int = 160) -> tuple[str, int]:
    """The text from `start` to the next punctuation mark, at most `limit` characters."""
    end = _POSITION_END.search(text, start, min(len(text), start + limit)) if text else None
    stop = end.start() if end else min(len(text), start + limit)
    return text[start:stop].strip(), stop


def people_in(text: str, folded: str) -> list[tuple[bool, FoundPerson]]:
    """ "đồng chí <Name>, <Position>" mentions; True where the person leads the delegation."""
    found = []
    for intro in p.HEAD_INTRO_RE.finditer(folded):
        person = _person_at(text, intro.end())
        if person is None:
            continue
        name, pos = person
        if not text.startswith(",", pos):
            continue
        pos += 1
        while text.startswith(" ", pos):
            pos += 1
        if not p.POSITION_START_RE.match(folded, pos):
            continue
        position_start = pos
        position, pos = _clause(text, pos)
        # "…, Trưởng ban X, Trưởng đoàn giám sát" or "… làm trưởng đoàn": look a little ahead.
        leads = bool(p.HEAD_OF_DELEGATION_RE.search(folded, position_start, pos + 60))
        position = p.COUNCIL_SUFFIX_RE.sub("", tidy_hyphens(canonical_bodies(position)))
        found.append((leads, FoundPerson(name, shorten(capitalise(position), 255))))
    return found


def head_of_delegation(text: str, folded: str) -> FoundPerson | None:
    """The person said to lead the delegation, else the first titled person named."""
    people = people_in(text, folded)
    for leads, person in people:
        if leads:
            return person
    return people[0][1] if people else None


# Words that may end an agency's name after lowercase ones: "… xây dựng huyện Mường Tè".
_LEVEL_WORDS = {"huyện", "tỉnh", "xã", "phường", "thành", "phố", "thị", "trấn"}
# Words a sentence goes on with, never inside an agency's name.
_NOT_IN_NAME = {
    "về", "với", "tại", "để", "đã", "đang", "sẽ", "cho", "theo", "trong", "của", "là",
    "được", "có", "cùng", "khi", "nhằm",
}  # fmt: skip
# "Ban Quản lý dự án đầu tư xây dựng": lowercase words inside a name, at most this many
# in a row, and only kept when a level word ("huyện X", "tỉnh") closes the name.
_MAX_LOWERCASE_RUN = 8


def _starts_another_name(folded: str, pos: int) -> bool:
    """ "UBND huyện X và Sở Y": after "và", a new agency or a committee begins."""
    starts = p.AGENCY_RE.match(folded, pos) or p.AGENCY_HEAD_RE.match(folded, pos)
    return bool(starts or p.BODY_RE.match(folded, pos))


def _generic_agency(text: str, folded: str, start: int) -> tuple[FoundAgency, int] | None:
    """An agency we have no name for: a head word ("Trường", "UBND") and the words after it.

    The name runs over capitalised words, the glue of names ("và", "huyện", "tỉnh") and
    short runs of lowercase words that a level word closes; it ends where the next
    agency of a list begins.
    """
    head = p.AGENCY_HEAD_RE.match(folded, start)
    if not head:
        return None
    words, pos, end, run, previous = [], head.end(), head.end(), 0, ""
    while len(words) < 16:
        while text.startswith(" ", pos) or text.startswith("-", pos):
            pos += 1
        match = _NAME_WORD.match(text, pos)
        if not match:
            break
        word = match.group()
        if word in _NOT_IN_NAME:
            break
        if word == "và" and _starts_another_name(folded, _skip_spaces(text, match.end())):
            break
        if word[0].isupper():
            # After lowercase words only "và" or a level word may lead back to capitals:
            # "Tòa án kiến nghị Tòa án …" is a sentence, not a name.
            if run and previous != "và" and previous not in _LEVEL_WORDS:
                break
            run = 0
        elif word in p.AGENCY_NAME_GLUE:
            pass
        else:
            run += 1
            if run > _MAX_LOWERCASE_RUN:
                break
        words.append(word)
        previous = word
        pos = match.end()
        # A lowercase level word closes a name ("… tỉnh"); after other lowercase words
        # only "tỉnh" does: "UBND huyện X chỉ đạo các xã" ends at X.
        if word[0].isupper() or word == "tỉnh" or (not run and word in {"xã", "phố", "trấn"}):
            end = pos
    if end == head.end():
        return None
    name = tidy_hyphens(text[start:end])
    folded_name = folded[start:end]
    if re.search(r"(?<![a-z])(?:xa|phuong|thi tran)(?![a-z])", folded_name):
        level = "xa"
    elif re.search(r"(?<![a-z])(?:huyen|thanh pho|thi xa|phong)(?![a-z])", folded_name):
        level = "huyen"
    elif re.match(r"cong ti|tong cong ti|ngan hang|chi nhanh|benh vien|truong|quy", folded_name):
        level = "doanh-nghiep"
    else:
        level = "tinh"
    return FoundAgency(shorten(name, 255), level), end


def _skip_spaces(text: str, pos: int) -> int:
    while text.startswith(" ", pos):
        pos += 1
    return pos


def agency_at(text: str, folded: str, start: int) -> tuple[FoundAgency, int] | None:
    known = p.AGENCY_RE.match(folded, start)
    if known:
        agency = p.AGENCIES[int(known.lastgroup[1:])]
        return FoundAgency(agency.name, agency.level), known.end()
    if p.BODY_RE.match(folded, start):  # a council committee is not supervised
        return None
    return _generic_agency(text, folded, start)


_LIST_GLUE = re.compile(r" {0,2}(?:,|;|và|cùng) {1,3}", re.IGNORECASE)


def agencies_in(text: str, folded: str) -> list[FoundAgency]:
    """Agencies met "tại …", "làm việc với …", "nghe … báo cáo", in order, without repeats."""
    found: dict[str, FoundAgency] = {}
    for context in p.AGENCY_CONTEXT_RE.finditer(folded):
        pos = context.end()
        while (hit := agency_at(text, folded, pos)) is not None:
            agency, pos = hit
            found.setdefault(agency.name, agency)
            glue = _LIST_GLUE.match(text, pos)
            if not glue:
                break
            pos = glue.end()
    return list(found.values())


_SUBJECT_END = r"(?=\s(?:tại|trên địa bàn|ở|của Ban|của Thường trực|của HĐND)\s|[.;:(\n]|$)"
_SUBJECT_RE = re.compile(
    r"(?<!\w)(tái giám sát|giám sát|khảo sát)\s{1,3}(?:về\s{1,3})?"
    r"((?:việc|tình hình|kết quả|công tác|chuyên đề)\s[^.;:()\n]{5,300}?)" + _SUBJECT_END,
    re.IGNORECASE,
)
# "… đã làm việc tại Sở X về việc thực hiện …": the subject without the verb next to it.
_ABOUT_RE = re.compile(r"(?<!\w)về\s{1,3}(việc\s[^.;:()\n]{5,300}?)" + _SUBJECT_END, re.I)
_KIND_RE = re.compile(r"(?<!\w)(tái giám sát|giám sát|khảo sát)(?!\w)", re.IGNORECASE)
KINDS = {"khảo sát": "khao-sat", "tái giám sát": "tai-giam-sat", "giám sát": "giam-sat"}


def subject_and_kind(text: str) -> tuple[str, str]:
    """What was supervised ("việc thực hiện …") and how: "giam-sat", "khao-sat", "tai-giam-sat"."""
    first = None
    for count, match in enumerate(_SUBJECT_RE.finditer(text)):
        if count > 20:
            break
        first = first or match
        if match.group(2).lower().startswith("việc"):
            first = match
            break
    if first and first.group(2).lower().startswith("việc"):
        verb, subject = first.group(1), first.group(2)
    elif about := _ABOUT_RE.search(text):
        kind_word = _KIND_RE.search(text)
        verb, subject = (kind_word.group(1) if kind_word else ""), about.group(1)
    elif first:
        verb, subject = first.group(1), first.group(2)
    else:
        return "", ""
    kind = KINDS.get(verb.lower(), "giam-sat")
    return shorten(subject.strip(" ,"), 500), kind
