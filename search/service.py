"""One entry point for the page, the feed and the API: search, with a fallback.

Elasticsearch answers when it is configured and healthy; any failure (down, slow beyond
ELASTICSEARCH_TIMEOUT, an error) is logged and the database backend answers instead, with
`fallback_reason` set so the page can say so discreetly. Readers never see a 500 because
of search. Every call goes through search.breaker: after a few failures Elasticsearch is
not called at all for a cool-down, so a frozen node costs no reader the full timeout.
"""

from __future__ import annotations

import logging

from django.http import HttpResponseBase
from django.utils.cache import patch_cache_control

from search import breaker
from search.backends import database, elastic
from search.notes import fallback_note
from search.params import SearchRequest
from search.results import SearchResults, Suggestion
from search.spelling import close_spelling

logger = logging.getLogger(__name__)


def _log_failure(what: str, error: Exception) -> None:
    if isinstance(error, breaker.EngineUnavailable):
        # Expected while the breaker is open: one line per request would flood the log
        # (the breaker logs its own state changes).
        logger.debug("Elasticsearch %s skipped: %s", what, error)
    else:
        logger.warning("Elasticsearch %s failed, using the database: %s", what, error)


def run_search(request: SearchRequest) -> SearchResults:
    if elastic.is_configured():
        try:
            results = breaker.guarded(elastic.search, request)
        except Exception as error:  # noqa: BLE001 - any backend failure falls back
            _log_failure("search", error)
            results = database.search(request)
            results.fallback_reason = fallback_note().text
            return results
        if not results.count and request.query and not results.suggestion:
            # The same vocabulary as the database backend's advice (titles and summaries).
            results.suggestion = close_spelling(request.query)
        return results
    return database.search(request)


# A stand-in answer from the database (Elasticsearch down or its breaker open) is cached
# this long only: long enough that a flood of searches does not take every worker from the
# article pages, short enough that readers get Elasticsearch soon after it is back.
FALLBACK_CACHE_SECONDS = 10


def shorten_caching_of_stand_ins(response: HttpResponseBase, results: SearchResults | None) -> None:
    """Cap how long shared caches keep a stand-in answer (the page cache reads s-maxage)."""
    if results is not None and results.fallback_reason:
        patch_cache_control(response, s_maxage=FALLBACK_CACHE_SECONDS)


def suggest(query: str, limit: int = 8) -> list[Suggestion]:
    if elastic.is_configured():
        try:
            return breaker.guarded(elastic.suggest, query, limit)
        except Exception as error:  # noqa: BLE001
            _log_failure("suggest", error)
    return database.suggest(query, limit)
