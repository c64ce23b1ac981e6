"""The fixed tune/check split of queries.tsv: a query belongs to "tune" or "check" by the
first byte of the SHA-256 of SEED + its kind + its text, so a query keeps its half whatever
lines are added or reordered. Tune ranking on "tune" only; report both halves.

    python tests/relevance/realworld/split.py    # prints the halves per kind
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

SEED = "issue-10-realworld"
QUERIES = Path(__file__).with_name("queries.tsv")


def half(kind: str, query: str) -> str:
    digest = hashlib.sha256(f"{SEED}\t{kind}\t{query}".encode()).digest()
    return "tune" if digest[0] < 128 else "check"


def rows(path: Path = QUERIES) -> list[tuple[str, str, list[str]]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, query, relevant = line.split("\t")
            out.append((kind, query, relevant.split()))
    return out


if __name__ == "__main__":
    counts = Counter((kind, half(kind, query)) for kind, query, _ in rows())
    for kind in sorted({k for k, _ in counts}):
        print(f"{kind:<14} tune {counts[kind, 'tune']:>3}  check {counts[kind, 'check']:>3}")
