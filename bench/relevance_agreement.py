"""How far the search backends agree on the real-world relevance set.

    .venv/bin/python bench/relevance_agreement.py [var/relevance]

Reads the answers tests/realworld/test_relevance.py wrote for each backend it ran
(realworld-<backend>.json: SQLite and PostgreSQL come from two runs of the suite, each with
Elasticsearch) and prints, for each pair and for all of them together, the share of
queries with the same first result and with result counts within 10 % of each other.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

TOLERANCE = 0.10


def load(folder: Path) -> dict[str, dict[str, dict]]:
    return {
        path.stem.removeprefix("realworld-"): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("realworld-*.json"))
    }


def agreement(runs: list[dict[str, dict]]) -> tuple[float, float, int]:
    queries = set.intersection(*(set(run) for run in runs))
    same_first = same_count = 0
    for query in queries:
        firsts = {tuple(run[query]["ranked"][:1]) for run in runs}
        counts = [run[query]["count"] for run in runs]
        same_first += len(firsts) == 1
        same_count += max(counts) - min(counts) <= TOLERANCE * max(counts)
    return same_first / len(queries), same_count / len(queries), len(queries)


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "var/relevance")
    runs = load(folder)
    if len(runs) < 2:
        sys.exit(f"{folder}: answers of fewer than two backends; run tests/realworld first")
    print(f"{'backends':<40} {'queries':>7} {'same first':>10} {'counts ±10%':>11}")
    names = sorted(runs)
    groups = [*itertools.combinations(names, 2), *([tuple(names)] if len(names) > 2 else [])]
    for group in groups:
        first, count, queries = agreement([runs[name] for name in group])
        print(f"{' / '.join(group):<40} {queries:>7} {first:>10.3f} {count:>11.3f}")


if __name__ == "__main__":
    main()
