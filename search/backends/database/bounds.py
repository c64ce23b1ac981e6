"""How many matches a database search reads: a cap, so common words cost what rare ones do.

"giám sát" matches nearly every entry of the archive: reading every match's columns,
counting the facets over all of them and sorting them made the search API grow from
29 ms at 1,000 articles to 710 ms at 50,000. Now a search without facet filters reads
its SEARCH_MAX_MATCHES most recently indexed matches, ranked as before (the engine's
score, then search.ranking's re-rank of the best 100 of them): scoring every match to
keep the best was itself what grew (Cap.pooled). A search matching fewer entries than
the cap (every judged query of tests/realworld) reads them all, ranked as before. The
total is estimated (estimated_total) and the facet counts are those of the matches read,
scaled to it: both approximate, and labelled "khoảng" on the page and
`approximate: true` in the API. With a date range or the conclusions scope the engine
still ranks every match (SQL filters), keeps the best SEARCH_MAX_MATCHES and counts
all of them exactly in one more query.

With a facet filter the search reads every match as before, so the filtered results and
their counts stay exact (the filter picks a part of the archive the cap could miss).
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Max, Min

from search.backends.database.engine import Cap, Row
from search.models import SearchEntry
from search.params import SearchRequest
from search.results import FacetValue

DEFAULT_MAX_MATCHES = 1000


def max_matches() -> int:
    return max(100, int(getattr(settings, "SEARCH_MAX_MATCHES", DEFAULT_MAX_MATCHES)))


def has_facet_filter(request: SearchRequest) -> bool:
    return bool(
        request.type
        or request.section is not None
        or request.body is not None
        or request.field
        or request.year is not None
        or request.locality is not None
        or request.status
    )


def cap_for(request: SearchRequest) -> Cap | None:
    """The cap of this search's match, or None when it must read every match."""
    if has_facet_filter(request):
        return None
    order = request.sort if request.sort in ("newest", "oldest") else "relevance"
    return Cap(max_matches(), order)


def truncated(cap: Cap | None, rows: int) -> bool:
    return cap is not None and rows >= cap.limit


def estimated_total(rows: list[Row]) -> int:
    """How many entries match in all, from the pool of the most recently indexed matches
    (Cap.pooled): the share of matches among the ids the pool spans, applied to every
    id. Counting the matches themselves grows with them; the generated archives of
    bench/scale.py spread words evenly, and real archives nearly so (common words are
    common in every year, and ids freed by deletions are gaps spread alike)."""
    if not rows:
        return 0
    since = min(row.id for row in rows)
    # The span of ids rather than counts of entries: the smallest and largest id are
    # read from the primary key, where counting every entry cost 33 ms at 50,000.
    ids = SearchEntry.objects.aggregate(first=Min("id"), last=Max("id"))
    spanned = max(1, ids["last"] - since + 1)
    everything = max(spanned, ids["last"] - ids["first"] + 1)
    return max(len(rows), round(len(rows) * everything / spanned))


def scaled(facets: dict[str, list[FacetValue]], read: int, total: int) -> dict:
    """Facet counts of the `read` matches, scaled to `total` (each value at least 1)."""
    if not read or total <= read:
        return facets
    factor = total / read

    def scale(value: FacetValue) -> FacetValue:
        return FacetValue(value.value, value.label, max(1, round(value.count * factor)))

    return {name: [scale(value) for value in values] for name, values in facets.items()}
