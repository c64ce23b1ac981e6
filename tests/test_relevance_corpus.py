"""Integrity of the frozen real-world relevance set (tests/relevance/realworld, issue 10).

Checks the set only; it runs no search. Scoring the backends on it is the ranking work's job.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.relevance import realworld_set

HERE = realworld_set.FOLDER
KINDS = {"exact", "no_diacritics", "abbreviation", "tones", "partial", "person", "place",
         "number", "phrase", "question"}  # fmt: skip
COMMON = {"id", "type", "title", "summary", "body", "section", "date"}


@pytest.fixture(scope="module")
def documents() -> list[dict]:
    return realworld_set.documents()


@pytest.fixture(scope="module")
def queries() -> list[tuple[str, str, list[str]]]:
    return realworld_set.split().rows()


def words(document: dict) -> int:
    return len(" ".join([document["title"], document["summary"], document["body"]]).split())


def test_documents_have_unique_ids_and_the_fields_of_their_type(documents):
    assert len({d["id"] for d in documents}) == len(documents)
    by_id = {d["id"]: d for d in documents}
    for d in documents:
        assert d.keys() >= COMMON, d["id"]
        assert d["type"] in {"article", "report", "recommendation"}
        assert d["id"].startswith(f"rw-{d['type']}-")
        if d["type"] != "article":
            assert d["supervising_body"] and d["agencies"] and d["localities"], d["id"]
        if d["type"] == "recommendation":
            assert by_id[d["report"]]["type"] == "report", d["id"]


def test_the_corpus_has_the_promised_size_mix_and_lengths(documents):
    types = Counter(d["type"] for d in documents)
    assert len(documents) >= 300
    assert types["article"] >= 200 and types["report"] >= 50 and types["recommendation"] >= 60
    lengths = sorted(words(d) for d in documents)
    assert lengths[0] >= 60 and lengths[-1] <= 3000
    assert sum(n < 150 for n in lengths) >= 20  # short notices and recommendations
    assert sum(n >= 1500 for n in lengths) >= 12  # the long reports
    assert sum(150 <= n <= 600 for n in lengths) > len(lengths) / 2


def test_both_spellings_of_abbreviations_and_tones_occur(documents):
    text = "\n".join(d["title"] + d["body"] for d in documents)
    for pair in [("LĐTBXH", "LĐ-TB&XH"), ("Hội đồng nhân dân", "HĐND"), ("hoá", "hóa"),
                 ("Hoà", "Hòa"), ("thuỷ", "thủy"), ("Uỷ ban", "Ủy ban"),
                 ("NN&PTNT", "NNPTNT")]:  # fmt: skip
        assert all(spelling in text for spelling in pair), pair


def test_every_judged_document_exists_and_no_query_is_repeated(documents, queries):
    ids = {d["id"] for d in documents}
    for kind, query, relevant in queries:
        assert kind in KINDS, kind
        assert relevant and set(relevant) <= ids, query
    assert len({(kind, query) for kind, query, _ in queries}) == len(queries)


def test_every_kind_has_enough_queries_in_both_halves(queries):
    split = realworld_set.split()
    assert len(queries) >= 200
    per_kind = Counter(kind for kind, _, _ in queries)
    assert set(per_kind) == KINDS and min(per_kind.values()) >= 15, per_kind
    halves = Counter((kind, split.half(kind, query)) for kind, query, _ in queries)
    for kind in KINDS:
        assert halves[kind, "tune"] and halves[kind, "check"], kind


def test_phrase_queries_are_quoted(queries):
    assert all(q.startswith('"') and q.endswith('"') for k, q, _ in queries if k == "phrase")


def test_the_committed_documents_are_what_build_py_writes():
    build = subprocess.run(
        [sys.executable, str(HERE / "build.py"), "--check"], capture_output=True, text=True
    )
    assert build.returncode == 0, build.stdout + build.stderr


def test_no_run_of_twelve_words_comes_from_the_seed_article(documents):
    # The set is written in our own words: the seed article only lent its facts, among them
    # the policy's official name, which is cut out of both sides before comparing.
    official_name = "trợ giúp xã hội đối với đối tượng bảo trợ xã hội"
    seeds = sorted((Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("không có ../shared/seeds")
    window = 12
    seed_runs = set()
    for path in seeds:
        text = path.read_text(encoding="utf-8").lower().replace(official_name, " ")
        words = re.findall(r"\w+", text)
        seed_runs |= {tuple(words[i : i + window]) for i in range(len(words) - window + 1)}
    copied = []
    for document in documents:
        text = " ".join(document[key] for key in ("title", "summary", "body")).lower()
        words = re.findall(r"\w+", text.replace(official_name, " "))
        copied += [
            document["id"]
            for i in range(len(words) - window + 1)
            if tuple(words[i : i + window]) in seed_runs
        ]
    assert copied == []
