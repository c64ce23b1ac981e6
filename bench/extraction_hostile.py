"""Seconds the draft-report extraction takes on each hostile 200 KB input.

    .venv/bin/python bench/extraction_hostile.py [--repeat 3]

The inputs (reports/extraction/hostile_inputs.py) are long runs of the constructions its
patterns match; a pattern that backtracks shows here as a time far above the others. Prints
the best of N runs per input, slowest first. An article body is at most a few tens of KB, so
anything over a second or two here deserves a look.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from reports.extraction.extract import _extract
    from reports.extraction.hostile_inputs import HOSTILE

    best: dict[str, float] = {}
    for name, text in HOSTILE.items():
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            _extract(text, date(2020, 1, 1))
            times.append(time.perf_counter() - started)
        best[name] = min(times)
    print(f"{'input':<16} {'KB':>5} {'best s':>7}")
    for name, seconds in sorted(best.items(), key=lambda item: -item[1]):
        print(f"{name:<16} {len(HOSTILE[name].encode()) // 1024:>5} {seconds:>7.2f}")


if __name__ == "__main__":
    main()
