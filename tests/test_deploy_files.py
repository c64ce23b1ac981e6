"""docs/deploy.md and deploy/ stay true to the code: every environment variable the code reads
is documented, every command a systemd unit runs exists, gunicorn's configuration loads with
at least two workers and the production settings, and nginx serves /static/ and /media/."""

from __future__ import annotations

import configparser
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
UNITS = ROOT / "deploy" / "systemd"
READS = re.compile(
    r"""(?:environ(?:\.get)?\(\s*|environ\[\s*|env_(?:bool|list)\(\s*)"""
    r"""(?:"|')([A-Z][A-Z0-9_]+)(?:"|')"""
)
NAMES = re.compile(r"""\(\s*"\w+",\s*"([A-Z][A-Z0-9_]+)"\s*\)""")  # media_storage's table
GUNICORN = [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"]


def variables_read() -> set[str]:
    names = set()
    sources = [*(ROOT / "config").rglob("*.py"), ROOT / "deploy" / "gunicorn.conf.py"]
    for app in ("core", "news", "reports", "search"):
        sources += (ROOT / app).rglob("*.py")
    for path in sources:
        text = path.read_text(encoding="utf-8")
        names.update(READS.findall(text))
        if path.name == "media_storage.py":
            names.update(NAMES.findall(text))
    return names


def test_every_environment_variable_the_code_reads_is_in_deploy_md():
    names = variables_read()
    assert {"DATABASE_URL", "CACHE_URL", "AWS_S3_ENDPOINT_URL", "GUNICORN_WORKERS"} <= names
    assert sorted(name for name in names if f"`{name}`" not in DOC) == []


def _units() -> dict[str, configparser.ConfigParser]:
    units = {}
    for path in sorted(UNITS.iterdir()):
        parser = configparser.ConfigParser(strict=False, interpolation=None)
        parser.optionxform = str
        parser.read(path, encoding="utf-8")
        units[path.name] = parser
    return units


def test_every_command_a_unit_runs_exists_and_every_timer_has_its_service():
    units = _units()
    commands = get_commands()
    ran = []
    for name, unit in units.items():
        if name.endswith(".timer"):
            assert name.replace(".timer", ".service") in units
            assert unit["Timer"]["OnCalendar"]
            continue
        service = unit["Service"]
        assert service["EnvironmentFile"] == "/etc/hdnd/hdnd.env" and service["User"] == "hdnd"
        if match := re.search(r"manage\.py (\w+)(.*)", service["ExecStart"]):
            assert match.group(1) in commands, name
            ran.append(f"{match.group(1)}{match.group(2)}")
        assert f"`{name}`" in DOC or f"`{name.removesuffix('.service')}.timer`" in DOC
    assert sorted(ran) == ["backup", "publish_scheduled", "search_index sync"]
    assert "gunicorn -c deploy/gunicorn.conf.py" in units["hdnd.service"]["Service"]["ExecStart"]


def _production_environment() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 64,
        "BASE_URL": "https://hdnd.example.vn",
        "ALLOWED_HOSTS": "hdnd.example.vn",
        "CACHE_URL": "redis://127.0.0.1:6390/0",
    }


def test_gunicorn_loads_the_production_application_with_at_least_two_workers():
    environment = _production_environment()
    environment.pop("GUNICORN_WORKERS", None)  # the configuration's own choice
    printed = subprocess.run(
        [*GUNICORN, "--print-config"], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert printed.returncode == 0, printed.stderr
    config = dict(re.findall(r"^(\w+)\s+= (.*)$", printed.stdout, re.MULTILINE))
    assert int(config["workers"]) >= 2
    assert config["wsgi_app"] == "config.wsgi:application" and config["preload_app"] == "True"
    # --check-config imports the application: production settings, the cache check.
    checked = subprocess.run(
        [*GUNICORN, "--check-config"], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr[-3000:]


@pytest.mark.parametrize("location", ["static", "media"])
def test_nginx_serves_static_and_media_from_the_folders_the_settings_name(location):
    conf = (ROOT / "deploy" / "nginx" / "hdnd.conf").read_text()
    block = re.search(rf"location /{location}/ \{{(.*?)\n    \}}", conf, re.DOTALL)
    assert block, f"no location /{location}/"
    assert f"alias /srv/hdnd/var/{location}/;" in block.group(1)
    # The same folders as the example environment's STATIC_ROOT and MEDIA_ROOT.
    example = (ROOT / "deploy" / "hdnd.env.example").read_text()
    assert f"{location.upper()}_ROOT=/srv/hdnd/var/{location}" in example
