"""The frozen real-world relevance set's files (tests/relevance/realworld), read one way
by the tests of its integrity and by the runner that scores the backends on it."""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from types import ModuleType

FOLDER = Path(__file__).with_name("realworld")
DOCUMENTS = FOLDER / "documents.jsonl"
QUERIES = FOLDER / "queries.tsv"


@cache
def split() -> ModuleType:
    """realworld/split.py (a script beside the data, not a package): its `half` and `rows`."""
    spec = importlib.util.spec_from_file_location("realworld_split", FOLDER / "split.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def documents() -> list[dict]:
    lines = DOCUMENTS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]
