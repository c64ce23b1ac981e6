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

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET = secrets.token_urlsafe(48)  # 64 characters


def _env(**overrides: str | None) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        # Knobs that production.py reads: the checks must pass on its defaults.
        if not key.startswith(
            ("SECURE_", "DJANGO_", "DEBUG", "ALLOWED_HOSTS", "SECRET_KEY", "BASE_URL")
        )
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="hdnd.example.vn",
        BASE_URL="https://hdnd.example.vn",
    )
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
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
    assert "System check identified no issues (0 silenced)." in result.stdout, output
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
