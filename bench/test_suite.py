"""The test suite's wall and CPU time at two commits, side by side on this machine.

    .venv/bin/python bench/test_suite.py --base 98db795          # base, then the checkout
    .venv/bin/python bench/test_suite.py --base main --pytest-args "tests/test_pages.py"
    .venv/bin/python bench/test_suite.py --base 98db795 --pytest-args="--ignore=tests/browser"

The base commit is checked out in a throwaway git worktree (beside a `shared` link, which
the tests read as `../shared`, and this checkout's `.venv`), and both suites run one after
the other on SQLite, the same way `make test` runs them. Load from other processes skews
both runs, so compare figures from one run of this script only. Prints, per side, the
wall and CPU seconds (CPU is steadier when other processes load the machine) and pytest's
summary line (passed, failed, skipped).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUMMARY = re.compile(r"^=+ (.* in [\d.]+s.*) =+$", re.MULTILINE)


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_suite(checkout: Path, pytest_args: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds and pytest's summary line of the suite in `checkout`."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "ELASTICSEARCH_URL"}}
    start, cpu_start = time.monotonic(), cpu_of_children()
    completed = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "pytest"), "-q", "-p", "no:cacheprovider", *pytest_args],
        cwd=checkout,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds, cpu = time.monotonic() - start, cpu_of_children() - cpu_start
    found = SUMMARY.findall(completed.stdout)
    last_line = (completed.stdout.strip().splitlines() or ["(no output)"])[-1]
    return seconds, cpu, found[-1] if found else last_line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the commit to compare with")
    parser.add_argument("--pytest-args", default="", help="passed to both runs")
    args = parser.parse_args()
    pytest_args = shlex.split(args.pytest_args)

    with tempfile.TemporaryDirectory(prefix="suite-bench-") as tmp:
        base = Path(tmp) / "base"
        subprocess.run(
            ["git", "worktree", "add", "--quiet", "--detach", str(base), args.base],
            cwd=ROOT,
            check=True,
        )
        try:
            (Path(tmp) / "shared").symlink_to(ROOT.parent / "shared")
            (base / ".venv").symlink_to(ROOT / ".venv")
            rows = [
                (f"base {args.base}", *run_suite(base, pytest_args)),
                ("this checkout", *run_suite(ROOT, pytest_args)),
            ]
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT)
    print(f"{'':<24} {'wall':>8}   {'CPU':>8}")
    for name, seconds, cpu, summary in rows:
        print(f"{name:<24} {seconds:8.1f} s {cpu:8.1f} s   {summary}")
    print(
        f"ratio (checkout / base): wall {rows[1][1] / rows[0][1]:.2f}, "
        f"CPU {rows[1][2] / rows[0][2]:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
