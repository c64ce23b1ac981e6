"""What Elasticsearch stores for one SearchEntry: the analysis, the mapping, the document.

The node may be the bare server (no analysis-common module: no asciifolding, no
icu_folding, no edge_ngram), so all Vietnamese handling happens in Python, in
search.analysis, before the text reaches Elasticsearch. The server only splits words
(`standard` tokenizer), lower-cases them and, for the `.pairs` sub-fields, joins each two
adjacent words into one term (`shingle`, which the server core ships). Nothing here may
rely on a component outside the server core.

Each text of a document is indexed three ways:

* `<name>`: the display text as written, kept in `_source` only (snippets, titles).
* `<name>_folded`: SearchEntry's expanded folded text (no accents, abbreviations spelled
  out, numbers in one spelling): what every query matches on.
* `<name>_exact`: the text with tone marks in one place, accents kept: a reader who typed
  "hội" gets "hội" above "hồi" (both fold to "hoi").

Both searchable forms have a `.pairs` sub-field of two-word shingles: Vietnamese words are
mostly two syllables ("bảo trợ", "xã hội"), so documents where the query's syllables sit
side by side should rank above those where they are scattered.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.conf import settings
from elasticsearch import dsl

from core.text.normalize import clean, normalize_tones

TEXT_FIELDS = ("title", "summary", "conclusion", "body")
# Title and summary say what a document is about; a word in a long body says less.
BOOSTS = {"title": 4.0, "summary": 2.0, "conclusion": 1.5, "body": 1.0}

# The SearchEntry columns a document is built from (SearchEntry.objects.values(*...)).
ENTRY_VALUES = (
    "key",
    "kind",
    "page_id",
    "url",
    "published",
    "year",
    *TEXT_FIELDS,
    *(f"{name}_folded" for name in TEXT_FIELDS),
    "section_id",
    "section_label",
    "path",
    "body_id",
    "body_label",
    "fields",
    "localities",
    "status",
    "status_label",
    "updated_at",
)
# What a search hit reads back (search.hits.make_hit), never the indexed forms.
SOURCE_FOR_HITS = (
    "key",
    "kind",
    "url",
    "published",
    *TEXT_FIELDS,
    "section_label",
    "body_label",
    "status",
    "status_label",
)

vi_text = dsl.analyzer("vi_text", tokenizer="standard", filter=["lowercase"])
vi_pairs = dsl.analyzer(
    "vi_pairs",
    tokenizer="standard",
    filter=[
        "lowercase",
        dsl.token_filter(
            "vi_shingle",
            "shingle",
            min_shingle_size=2,
            max_shingle_size=2,
            output_unigrams=False,
        ),
    ],
)


def _searchable(*, phrases: bool) -> dsl.Text:
    # Positions serve phrase queries only, which run on the folded words alone
    # (search.backends.elastic.query); the other forms keep term frequencies, which is
    # all their scoring reads, and the node writes a third less per document.
    words = {} if phrases else {"index_options": "freqs"}
    pairs = dsl.Text(analyzer=vi_pairs, index_options="freqs")
    return dsl.Text(analyzer=vi_text, fields={"pairs": pairs}, **words)


def _display() -> dsl.Text:
    return dsl.Text(index=False)


def _label() -> dsl.Keyword:
    return dsl.Keyword(index=False, doc_values=False)


class SearchDocument(dsl.Document):
    key = dsl.Keyword()
    kind = dsl.Keyword()
    page_id = dsl.Long()
    url = dsl.Keyword(index=False, doc_values=False)
    published = dsl.Date()
    year = dsl.Integer()
    updated_at = dsl.Keyword(index=False, doc_values=False)  # compared as written (sync)

    title = _display()
    summary = _display()
    conclusion = _display()
    body = _display()
    title_folded = _searchable(phrases=True)
    summary_folded = _searchable(phrases=True)
    conclusion_folded = _searchable(phrases=True)
    body_folded = _searchable(phrases=True)
    title_exact = _searchable(phrases=False)
    summary_exact = _searchable(phrases=False)
    conclusion_exact = _searchable(phrases=False)
    body_exact = _searchable(phrases=False)

    # Facets: ids to filter on, "id|label" to count and show in one terms aggregation.
    section_id = dsl.Long()
    section_label = _label()
    section_facet = dsl.Keyword()
    path = dsl.Keyword()  # a section filter covers its sub-sections: a prefix query
    body_id = dsl.Long()
    body_label = _label()
    body_facet = dsl.Keyword()
    field_slugs = dsl.Keyword(multi=True)
    field_facets = dsl.Keyword(multi=True)
    locality_ids = dsl.Long(multi=True)
    locality_facets = dsl.Keyword(multi=True)
    status = dsl.Keyword()
    status_label = _label()

    # No completion fields: suggestions search title_folded (query.suggest), so that they
    # match any word of a title, as on the database. An index built before still has them
    # in its mapping; its documents then simply lack them.


def replica_settings(replicas: int | None) -> dict[str, Any]:
    """A fixed number of replicas, or (None) one where there is a second node, so that a
    single dev node stays green."""
    if replicas is None:
        return {"auto_expand_replicas": "0-1"}
    return {"number_of_replicas": replicas}


def index_body(shards: int | None = None, replicas: int | None = None) -> dict[str, Any]:
    """Settings and mappings for a new index (rebuild, or the first sync); shards and
    replicas default to ELASTICSEARCH_SHARDS and ELASTICSEARCH_REPLICAS (docs/deploy.md)."""
    if shards is None:
        shards = getattr(settings, "ELASTICSEARCH_SHARDS", 1)
    if replicas is None:
        replicas = getattr(settings, "ELASTICSEARCH_REPLICAS", None)
    index = dsl.Index("unused")
    index.settings(
        number_of_shards=shards,
        **replica_settings(replicas),
        max_result_window=10_000,
    )
    index.document(SearchDocument)
    body = index.to_dict()
    mappings = body["mappings"]
    mappings["dynamic"] = "strict"  # a typo in a field name fails loudly
    # The indexed forms are rebuilt from SearchEntry, never read back: keep them out of
    # _source, which then holds the display text and facets only.
    mappings["_source"] = {"excludes": ["*_folded", "*_exact"]}
    return body


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _facet(ident: Any, label: str) -> str | None:
    return f"{ident}|{label}" if ident not in (None, "") else None


def document(values: Mapping[str, Any]) -> dict[str, Any]:
    """The Elasticsearch document of one SearchEntry (a `.values()` row or its __dict__)."""
    doc: dict[str, Any] = {
        "key": values["key"],
        "kind": values["kind"],
        "page_id": values["page_id"],
        "url": values["url"],
        "published": _iso(values["published"]),
        "year": values["year"],
        "updated_at": _iso(values["updated_at"]),
        "section_id": values["section_id"],
        "section_label": values["section_label"],
        "section_facet": _facet(values["section_id"], values["section_label"]),
        "path": values["path"],
        "body_id": values["body_id"],
        "body_label": values["body_label"],
        "body_facet": _facet(values["body_id"], values["body_label"]),
        "field_slugs": [slug for slug, _name in values["fields"] or []],
        "field_facets": [f"{slug}|{name}" for slug, name in values["fields"] or []],
        "locality_ids": [pk for pk, _name in values["localities"] or []],
        "locality_facets": [f"{pk}|{name}" for pk, name in values["localities"] or []],
        "status": values["status"] or None,
        "status_label": values["status_label"],
    }
    for name in TEXT_FIELDS:
        text = values[name] or ""
        doc[name] = text
        # Empty fields are left out, so `exists` finds the documents that have a text.
        if text.strip():
            doc[f"{name}_folded"] = values[f"{name}_folded"]
            doc[f"{name}_exact"] = normalize_tones(clean(text))
    return doc
