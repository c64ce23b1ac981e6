"""`search_index rebuild|sync|status` and live updates against a real Elasticsearch node.

Each test has its own index prefix and drops its indices afterwards. Pages are real
(tests.factories); pytest-django runs each test in a transaction, so a live update only
happens inside `django_capture_on_commit_callbacks(execute=True)`: everywhere else a
publish changes the site without telling Elasticsearch, as a failed update would.
"""

from __future__ import annotations

import io
import itertools
import threading
import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from search.backends import elastic
from search.backends.elastic import connection, indexer
from search.lease import LEASE_HOURS
from search.models import ElasticsearchSync, IndexingFailure, IndexingRun, SearchEntry
from search.params import SearchRequest
from tests.elasticsearch_node import require_elasticsearch
from tests.factories import make_article, make_section
from tests.report_factories import make_report, make_report_index

RUN = uuid.uuid4().hex[:8]
_numbers = itertools.count()
CLOSED_PORT = "http://127.0.0.1:1"


@pytest.fixture
def es(settings, db):
    url = settings.ELASTICSEARCH_URL = require_elasticsearch()
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-cmd-{RUN}-{next(_numbers)}"
    yield connection.command_client()
    settings.ELASTICSEARCH_URL = url  # a test may have pointed it at a closed port
    indexer.drop_indices()


@pytest.fixture
def site(home, settings, django_capture_on_commit_callbacks):
    """Two articles and a report with two recommendations, published: in SearchEntry,
    not yet in Elasticsearch."""
    url, settings.ELASTICSEARCH_URL = settings.ELASTICSEARCH_URL, ""
    # The publish signals run, as after a real commit, so later publishes in the test
    # start a batch of their own (search.signals gathers a transaction's pages in one).
    with django_capture_on_commit_callbacks(execute=True):
        section = make_section("Tin tức hoạt động", home)
        water = make_article(section, title="Khảo sát nước sạch nông thôn ở Mường Tè")
        roads = make_article(section, title="Giám sát đường giao thông liên xã Sìn Hồ")
        report = make_report(
            make_report_index(home),
            recommendations=[
                {"text": "Rà soát đối tượng bảo trợ xã hội."},
                {"text": "Bổ sung kinh phí hỗ trợ kịp thời."},
            ],
        )
    settings.ELASTICSEARCH_URL = url
    return {"section": section, "water": water, "roads": roads, "report": report}


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("search_index", *args, stdout=out)
    return out.getvalue()


def found(query: str) -> list[str]:
    return [hit.key for hit in elastic.search(SearchRequest(query=query)).items]


def refresh(es) -> None:
    es.indices.refresh(index=connection.alias())


# ---------------------------------------------------------------------------- rebuild


def test_rebuild_loads_a_versioned_index_behind_the_alias(es, site):
    output = run("rebuild")
    [first] = indexer.alias_indices(es)
    assert first.startswith(f"{connection.alias()}-")
    assert es.count(index=connection.alias())["count"] == SearchEntry.objects.count() == 5
    assert "5 tài liệu" in output
    assert found("nuoc sach muong te") == [f"article:{site['water'].pk}"]


def test_second_rebuild_swaps_the_alias_while_readers_keep_finding_everything(es, site):
    run("rebuild")
    [first] = indexer.alias_indices(es)
    counts, errors, stop = [], [], threading.Event()

    def read() -> None:
        # A reader hammering the alias for the whole rebuild: never missing, never empty.
        client = connection.command_client()
        while not stop.is_set():
            try:
                counts.append(client.count(index=connection.alias())["count"])
            except Exception as error:  # noqa: BLE001 - the assertion shows what went wrong
                errors.append(error)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        output = run("rebuild")
    finally:
        stop.set()
        reader.join()
    [second] = indexer.alias_indices(es)
    assert second != first
    assert indexer.our_indices(es) == [second]  # the old index is gone
    assert f"Đã xoá chỉ mục cũ: {first}." in output
    assert errors == [] and counts and set(counts) == {5}


# ------------------------------------------------------------------------------- sync


def test_sync_sends_changed_rows_and_deletes_removed_ones(es, site):
    run("rebuild")
    water, roads = site["water"], site["roads"]
    # Changed behind Elasticsearch's back: no on-commit callbacks run here.
    water.title = "Khảo sát cấp nước sinh hoạt ở Mường Tè"
    water.save_revision().publish()
    roads.unpublish()

    output = run("sync")
    assert "đã xoá 1" in output
    assert found("cap nuoc sinh hoat") == [f"article:{water.pk}"]
    assert found("duong giao thong lien xa") == []
    assert ElasticsearchSync.objects.get(alias=connection.alias()).last_success is not None


def test_sync_creates_the_index_when_there_is_none(es, site):
    output = run("sync")
    assert "đã tạo chỉ mục" in output
    assert len(indexer.alias_indices(es)) == 1
    assert es.count(index=connection.alias())["count"] == 5


def test_status_reports_counts_and_drift(es, site):
    run("rebuild")
    water = f"article:{site['water'].pk}"
    es.delete(index=connection.alias(), id=water)
    es.index(
        index=connection.alias(),
        id="article:999999",
        document={"key": "article:999999", "kind": "article"},
        refresh=True,
    )
    output = run("status")
    assert "SearchEntry: 5 mục (article 2, recommendation 2, report 1)." in output
    assert "5 tài liệu" in output
    assert f"Thiếu trong Elasticsearch: 1 ({water})" in output
    assert "Thừa (không còn trong SearchEntry): 1 (article:999999)" in output

    run("sync")
    output = run("status")
    assert "Không lệch" in output and "Thiếu" not in output and "Thừa" not in output


# ----------------------------------------------------------------- live and failures


def test_publishing_while_elasticsearch_is_down_is_recorded_and_sync_catches_up(
    es, site, settings, django_capture_on_commit_callbacks
):
    run("rebuild")
    url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(site["section"], title="Tiếp xúc cử tri xã Pa Tần")
    article.refresh_from_db()
    assert article.live  # publishing went through
    key = f"article:{article.pk}"
    assert SearchEntry.objects.filter(key=key).exists()
    assert list(IndexingFailure.objects.values_list("key", "action")) == [(key, "index")]

    settings.ELASTICSEARCH_URL = url
    assert found("cu tri pa tan") == []
    assert "lỗi đang chờ đồng bộ: 1" in run("status")
    run("sync")
    assert found("cu tri pa tan") == [key]
    assert not IndexingFailure.objects.exists()


def test_a_rebuild_clears_the_failures_recorded_before_it(
    es, site, settings, django_capture_on_commit_callbacks
):
    # Publishing before any index exists (the node down) records a failure ...
    url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(site["section"], title="Tiếp xúc cử tri xã Pa Tần")
    key = f"article:{article.pk}"
    assert list(IndexingFailure.objects.values_list("key", flat=True)) == [key]
    settings.ELASTICSEARCH_URL = url
    assert "lỗi đang chờ đồng bộ: 1" in run("status")

    # ... which the rebuild settles: the article is in the new index, the failure gone.
    assert "Đã xoá 1 lỗi cập nhật đã ghi nhận." in run("rebuild")
    assert found("cu tri pa tan") == [key]
    output = run("status")
    assert "lỗi đang chờ đồng bộ: 0" in output and key not in output

    # A failure after the rebuild is still reported, until a sync sends it.
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    with django_capture_on_commit_callbacks(execute=True):
        later = make_article(site["section"], title="Giám sát trường học xã Nậm Tăm")
    settings.ELASTICSEARCH_URL = url
    output = run("status")
    assert "lỗi đang chờ đồng bộ: 1" in output and f"article:{later.pk}" in output


def test_live_updates_reach_the_index_on_publish_and_unpublish(
    es, site, django_capture_on_commit_callbacks
):
    run("rebuild")
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(site["section"], title="Tiếp xúc cử tri xã Pa Tần")
    refresh(es)
    assert found("cu tri pa tan") == [f"article:{article.pk}"]
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    refresh(es)
    assert found("cu tri pa tan") == []
    assert not IndexingFailure.objects.exists()


def test_unreachable_elasticsearch_ends_with_one_clear_line(es, site, settings):
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    for action in ("rebuild", "sync", "status"):
        with pytest.raises(CommandError, match=r"Elasticsearch tại http://127\.0\.0\.1:1 "):
            run(action)
    # The database side was done all the same, and the error is kept for `status`.
    assert SearchEntry.objects.count() == 5
    assert "Connection refused" in ElasticsearchSync.objects.get().last_error


def test_without_elasticsearch_only_the_database_side_runs(settings, site):
    settings.ELASTICSEARCH_URL = ""
    SearchEntry.objects.all().delete()
    output = run("rebuild")
    assert "5 mục ghi mới" in output
    assert "Elasticsearch chưa được cấu hình" in output
    assert "Elasticsearch chưa được cấu hình" in run("sync")
    status = run("status")
    assert "SearchEntry: 5 mục (article 2, recommendation 2, report 1)." in status


def test_a_malformed_url_is_named_in_one_line(settings, db):
    settings.ELASTICSEARCH_URL = "localhost:9200"  # no http://
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL='localhost:9200'"):
        run("status")


# ------------------------------------------------------------------- one run at a time


def test_a_second_run_waits_for_the_first_and_says_who_holds_the_index(settings, site):
    settings.ELASTICSEARCH_URL = ""
    SearchEntry.objects.all().delete()
    IndexingRun.objects.create(
        name="search_index", holder="web-2:4711 rebuild", started_at=timezone.now()
    )
    for action in ("rebuild", "sync"):
        with pytest.raises(CommandError, match=r"đang ghi chỉ mục \(web-2:4711 rebuild, bắt đầu"):
            run(action)
    assert SearchEntry.objects.count() == 0  # nothing written beside the other run
    assert "SearchEntry: 0 mục" in run("status")  # reading needs no lease


def test_a_lease_left_by_a_dead_run_lapses(settings, site):
    settings.ELASTICSEARCH_URL = ""
    long_ago = timezone.now() - timedelta(hours=LEASE_HOURS, minutes=1)
    IndexingRun.objects.create(name="search_index", holder="lost:1 rebuild", started_at=long_ago)
    run("rebuild")
    assert SearchEntry.objects.count() == 5
    assert not IndexingRun.objects.exists()  # released when done


def test_a_failed_run_releases_its_lease(es, site, settings):
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    with pytest.raises(CommandError):
        run("rebuild")
    assert not IndexingRun.objects.exists()
    settings.ELASTICSEARCH_URL = ""
    assert "Elasticsearch chưa được cấu hình" in run("rebuild")
