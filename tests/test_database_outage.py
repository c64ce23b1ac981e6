"""The database unreachable: a Vietnamese 503 with Retry-After, the API's JSON error shape,
and the same server process serving again once the database is back (core.db_unavailable).

Against a real outage: a PRIVATE PostgreSQL cluster (scripts/postgres.sh with its own
PG_CLUSTER and PG_PORT, never the shared cluster other tests run on) is stopped and started
under a gunicorn server started here. It runs in CI's PostgreSQL stage (DATABASE_URL set
to PostgreSQL: the packages are there); on SQLite it is skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import OperationalError
from django.test import RequestFactory

from core.db_unavailable import server_error, unavailable_response
from tests.gunicorn_server import free_port, gunicorn

REPO_ROOT = Path(__file__).resolve().parent.parent
SCRIPT = REPO_ROOT / "scripts" / "postgres.sh"
CLUSTER_ENV = {"PG_CLUSTER": "hdnd_outage", "PG_PORT": "5446", "PG_DB": "hdnd_outage"}
VIETNAMESE = "không truy cập được cơ sở dữ liệu"


def test_the_503_page_and_json_need_no_database(django_assert_num_queries, db, settings):
    settings.DATABASE_RETRY_AFTER = 45
    factory = RequestFactory()
    with django_assert_num_queries(0):
        page = unavailable_response(factory.get("/tin-tuc/"))
        api = unavailable_response(factory.get("/api/v1/search/", {"q": "x"}))
    assert page.status_code == 503 and page["Retry-After"] == "45"
    text = page.content.decode()
    assert VIETNAMESE in text and '<html lang="vi">' in text
    assert api.status_code == 503 and api["Retry-After"] == "45"
    error = json.loads(api.content)["error"]
    assert error["code"] == "service_unavailable" and VIETNAMESE in error["message"]
    assert "no-store" in page["Cache-Control"]


def test_outside_a_view_a_database_error_is_503_and_any_other_error_500(db):
    # handler500 runs inside Django's `except`: what failed is sys.exc_info().
    request = RequestFactory().get("/")
    try:
        raise OperationalError("connection to server at 127.0.0.1 failed")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503 and VIETNAMESE in response.content.decode()
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500 and "Lỗi máy chủ" in response.content.decode()


def _cluster(command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPT), command],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **CLUSTER_ENV},
        check=False,
    )


def _get(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture(scope="module")
def private_database() -> Iterator[str]:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("PostgreSQL outage test: runs with DATABASE_URL=postgres://… (CI's stage)")
    started = _cluster("start")
    if started.returncode != 0:
        pytest.fail(f"private PostgreSQL cluster did not start:\n{started.stderr[-2000:]}")
    url = started.stdout.strip().splitlines()[-1]
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert migrate.returncode == 0, migrate.stderr[-2000:]
    try:
        yield url
    finally:
        _cluster("start")  # leave it as found: running
        _cluster("stop")


@pytest.fixture
def server(private_database) -> Iterator[str]:
    env = {
        **os.environ,
        "DATABASE_URL": private_database,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_RETRY_AFTER": "30",
    }
    with gunicorn(env, free_port(), workers=1, timeout=60) as base:
        yield base


def test_stopped_database_answers_503_and_the_process_recovers(server):
    assert _get(f"{server}/api/v1/search/?q=giam+sat")[0] == 200
    assert _get(f"{server}/")[0] != 503
    stopped = _cluster("stop")
    assert stopped.returncode == 0, stopped.stderr
    try:
        status, headers, body = _get(f"{server}/")
        assert status == 503 and headers["Retry-After"] == "30"
        assert VIETNAMESE in body and "503" in body
        status, headers, body = _get(f"{server}/api/v1/search/?q=giam+sat")
        assert status == 503 and headers["Retry-After"] == "30"
        assert json.loads(body)["error"]["code"] == "service_unavailable"
        status, _, body = _get(f"{server}/api/v1/reports/")
        assert status == 503 and json.loads(body)["error"]["code"] == "service_unavailable"
    finally:
        assert _cluster("start").returncode == 0
    # The same process, no restart: the next requests are served again.
    assert _get(f"{server}/api/v1/search/?q=giam+sat")[0] == 200
    assert _get(f"{server}/")[0] != 503
