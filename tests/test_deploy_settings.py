"""Production settings pass Django's deployment checklist and refuse to start without a secret.

Each case runs manage.py in a subprocess: the settings module is read at import time, so the
pytest process (on config.settings.test) cannot load config.settings.production itself.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import checks
from django.test import override_settings

from core.checks import SHARED_CACHE_ID, check_shared_cache

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET = secrets.token_urlsafe(48)  # 64 characters


def _env(**overrides: str | None) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        # Knobs that production.py reads: the checks must pass on its defaults.
        if not key.startswith(
            ("SECURE_", "DJANGO_", "DEBUG", "ALLOWED_HOSTS", "SECRET_KEY", "BASE_URL", "CACHE_URL")
        )
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="hdnd.example.vn",
        BASE_URL="https://hdnd.example.vn",
        # Never connected to by `check`; production requires a cache the workers share.
        CACHE_URL="redis://127.0.0.1:6379/0",
    )
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return _python("manage.py", *args, env=env)


def _python(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_passes_without_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=_env())
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # The two silenced are the HSTS flags left off by default (W005, W021): the opt-in test
    # below shows that nothing is silenced once they are on.
    assert "System check identified no issues (2 silenced)." in result.stdout, output
    assert "WARNINGS:" not in output, output


@pytest.mark.parametrize(
    "secret_key",
    [None, "", "too-short-for-production"],
    ids=["unset", "empty", "short"],
)
def test_production_refuses_to_start_without_a_real_secret_key(secret_key):
    result = _manage("check", env=_env(SECRET_KEY=secret_key))
    assert result.returncode != 0
    assert "django.core.exceptions.ImproperlyConfigured" in result.stderr, result.stderr
    assert "SECRET_KEY" in result.stderr, result.stderr
    assert "System check identified" not in result.stdout


@pytest.mark.parametrize(
    "base_url",
    [None, "", "hdnd.example.vn", "https://hdnd.example.vn/cong/", "ftp://hdnd.example.vn"],
    ids=["unset", "empty", "no-scheme", "with-path", "not-http"],
)
def test_production_refuses_to_start_without_one_site_address(base_url):
    """Canonical links, sitemap, feeds and the API all say BASE_URL: it must be right."""
    result = _manage("check", env=_env(BASE_URL=base_url))
    assert result.returncode != 0
    assert "django.core.exceptions.ImproperlyConfigured" in result.stderr, result.stderr
    assert "BASE_URL" in result.stderr, result.stderr
    assert "System check identified" not in result.stdout


# What the browser is told about HTTPS, read from the response SecurityMiddleware gives.
HSTS_HEADER = (
    "from django.http import HttpResponse; "
    "from django.middleware.security import SecurityMiddleware; "
    "from django.test import RequestFactory; "
    "request = RequestFactory().get('/', secure=True, HTTP_HOST='hdnd.example.vn'); "
    "print(SecurityMiddleware(lambda r: HttpResponse())(request)['Strict-Transport-Security'])"
)


def test_hsts_preload_and_subdomains_are_off_unless_the_operator_opts_in():
    result = _manage("shell", "--no-imports", "-c", HSTS_HEADER, env=_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "max-age=31536000"

    opted_in = _env(SECURE_HSTS_INCLUDE_SUBDOMAINS="1", SECURE_HSTS_PRELOAD="1")
    result = _manage("shell", "--no-imports", "-c", HSTS_HEADER, env=opted_in)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "max-age=31536000; includeSubDomains; preload"
    deploy = _manage("check", "--deploy", "--fail-level", "WARNING", env=opted_in)
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr
    assert "System check identified no issues (0 silenced)." in deploy.stdout, deploy.stdout


@pytest.mark.parametrize(
    "cache_url", [None, "", "locmem://", "dummy://"], ids=["unset", "empty", "locmem", "dummy"]
)
def test_production_refuses_a_cache_each_worker_keeps_to_itself(cache_url):
    """Per-process caches keep an unpublished article listed by the other workers."""
    env = _env(CACHE_URL=cache_url)
    result = _manage("check", env=env)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "core.E001" in output and "CACHE_URL=redis://" in output, output
    # gunicorn runs no system checks: loading the WSGI application refuses on its own.
    served = _python("-c", "import config.wsgi", env=env)
    assert served.returncode != 0
    assert "ImproperlyConfigured" in served.stderr and "core.E001" in served.stderr


def test_production_with_a_shared_cache_loads_its_wsgi_application():
    served = _python("-c", "import config.wsgi; print(config.wsgi.application)", env=_env())
    assert served.returncode == 0, served.stderr
    assert "WSGIHandler" in served.stdout


@pytest.mark.parametrize(
    ("allowed_hosts", "named"),
    [
        (None, "ALLOWED_HOSTS phải được đặt"),
        ("", "ALLOWED_HOSTS phải được đặt"),
        ("cong.example.vn", "không gồm tên miền của BASE_URL (hdnd.example.vn)"),
    ],
    ids=["unset", "empty", "not-the-base-url-host"],
)
def test_production_refuses_to_start_without_the_sites_host(allowed_hosts, named):
    result = _manage("check", env=_env(ALLOWED_HOSTS=allowed_hosts))
    assert result.returncode != 0
    assert "django.core.exceptions.ImproperlyConfigured" in result.stderr, result.stderr
    assert named in result.stderr, result.stderr
    assert "System check identified" not in result.stdout


def test_a_host_pattern_covering_the_base_url_is_accepted():
    result = _manage("check", env=_env(ALLOWED_HOSTS=".example.vn,localhost"))
    assert result.returncode == 0, result.stdout + result.stderr


LOCMEM = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "unit"}
DUMMY = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
REDIS = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/0"}


@pytest.mark.parametrize("cache", [LOCMEM, DUMMY], ids=["locmem", "dummy"])
def test_the_shared_cache_check_names_the_fix(cache):
    with override_settings(REQUIRE_SHARED_CACHE=True, CACHES={"default": cache}):
        errors = check_shared_cache()
        # Registered for every `check`, not only `check --deploy`.
        registered = [m.id for m in checks.run_checks(tags=[checks.Tags.caches])]
    assert [error.id for error in errors] == [SHARED_CACHE_ID]
    assert errors[0].is_serious()
    assert "CACHE_URL=redis://" in errors[0].hint
    assert SHARED_CACHE_ID in registered


def test_the_shared_cache_check_accepts_redis_and_leaves_development_alone():
    with override_settings(REQUIRE_SHARED_CACHE=True, CACHES={"default": REDIS}):
        assert check_shared_cache() == []
    with override_settings(REQUIRE_SHARED_CACHE=False, CACHES={"default": LOCMEM}):
        assert check_shared_cache() == []
