"""Score a search backend against the relevance judgements in queries.tsv.

MRR@10: the mean over queries of 1/rank of the first relevant result in the top 10 (0
when none). Recall@10: the mean share of a query's relevant documents found in the top
10. Both per kind of query and over all queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

JUDGEMENTS = Path(__file__).with_name("queries.tsv")
TOP = 10


@dataclass(frozen=True)
class Judgement:
    kind: str
    query: str
    relevant: frozenset[str]


@dataclass(frozen=True)
class Outcome:
    judgement: Judgement
    ranked: tuple[str, ...]

    @property
    def reciprocal_rank(self) -> float:
        for rank, document in enumerate(self.ranked[:TOP], start=1):
            if document in self.judgement.relevant:
                return 1 / rank
        return 0.0

    @property
    def recall(self) -> float:
        found = self.judgement.relevant & set(self.ranked[:TOP])
        return len(found) / len(self.judgement.relevant)


def load(path: Path = JUDGEMENTS) -> list[Judgement]:
    judgements = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, query, relevant = line.split("\t")
        judgements.append(Judgement(kind, query, frozenset(relevant.split())))
    return judgements


def document_id(result_type: str, url: str) -> str:
    """ "article:<slug>", "report:<slug>" or "recommendation:<report slug>#<n>"."""
    path, _, anchor = url.partition("#")
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    if result_type == "recommendation":
        return f"recommendation:{slug}#{anchor.removeprefix('kien-nghi-')}"
    return f"{result_type}:{slug}"


def evaluate(search: Callable[[str], Iterable[str]], judgements: list[Judgement]) -> list[Outcome]:
    return [Outcome(j, tuple(search(j.query))) for j in judgements]


@dataclass(frozen=True)
class Figures:
    queries: int
    mrr: float
    recall: float


def figures(outcomes: list[Outcome]) -> dict[str, Figures]:
    """Figures per kind, plus "all"."""
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        groups[outcome.judgement.kind].append(outcome)
        groups["all"].append(outcome)
    return {
        kind: Figures(
            len(group),
            sum(o.reciprocal_rank for o in group) / len(group),
            sum(o.recall for o in group) / len(group),
        )
        for kind, group in groups.items()
    }


def table(backend: str, outcomes: list[Outcome]) -> str:
    lines = [f"{backend}: kind            queries  MRR@10  recall@10"]
    for kind, f in sorted(figures(outcomes).items(), key=lambda item: item[0] == "all"):
        lines.append(f"  {kind:<22} {f.queries:>5}  {f.mrr:6.3f}  {f.recall:9.3f}")
    misses = [o for o in outcomes if o.reciprocal_rank < 1]
    for o in misses:
        lines.append(
            f"  rank>1: {o.judgement.query!r} rr={o.reciprocal_rank:.2f} top={list(o.ranked[:3])}"
        )
    return "\n".join(lines)
