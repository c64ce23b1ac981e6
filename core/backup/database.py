"""Dump and load the default database: pg_dump/pg_restore on PostgreSQL, SQLite's backup API.

Both are consistent copies of a running site: pg_dump reads one snapshot, and SQLite's
online backup copies the pages under a read lock (no half-written file as `cp` could give).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.core.management.base import CommandError
from django.db import connection
from django.utils.translation import gettext as _

SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
# The server's own binaries first (scripts/postgres.sh's cluster is 15): pg_dump refuses a
# server newer than itself.
PG_BIN_DIRS = [f"/usr/lib/postgresql/{major}/bin" for major in (17, 16, 15)]


def file_name() -> str:
    """The archive member that holds this vendor's dump."""
    if connection.vendor == "postgresql":
        return POSTGRES_FILE
    if connection.vendor == "sqlite":
        return SQLITE_FILE
    raise CommandError(
        _("Không hỗ trợ sao lưu cơ sở dữ liệu %(vendor)s.") % {"vendor": connection.vendor}
    )


def _pg_tool(name: str) -> str:
    server = connection.pg_version // 10000 if connection.pg_version else 0
    candidates = [f"/usr/lib/postgresql/{server}/bin", *PG_BIN_DIRS]
    for directory in candidates:
        path = Path(directory) / name
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
    found = shutil.which(name)
    if not found:
        raise CommandError(
            _("Không tìm thấy %(tool)s (cài gói postgresql-client).") % {"tool": name}
        )
    return found


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    """Connection arguments and environment (the password never goes on a command line)."""
    params = connection.settings_dict
    args = []
    if params.get("HOST"):
        args += ["--host", str(params["HOST"])]
    if params.get("PORT"):
        args += ["--port", str(params["PORT"])]
    if params.get("USER"):
        args += ["--username", str(params["USER"])]
    env = {**os.environ}
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = str(params["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise CommandError(
            _("%(tool)s thất bại (mã %(code)d): %(error)s")
            % {
                "tool": Path(command[0]).name,
                "code": result.returncode,
                "error": result.stderr.strip()[-2000:],
            }
        )
    return result.stdout


def dump(target: Path) -> None:
    """Write the database to `target` (a file of file_name()'s kind)."""
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        args, env = _pg_environment()
        name = connection.settings_dict["NAME"]
        _run([_pg_tool("pg_dump"), "--format=custom", *args, f"--file={target}", name], env)
        return
    file_name()  # refuses other vendors
    destination = sqlite3.connect(target)
    try:
        with destination:
            connection.connection.backup(destination)
    finally:
        destination.close()


def _restorable_entries(tool: str, source: Path, env: dict[str, str]) -> str:
    """pg_restore's table of contents without the extensions: creating, dropping or
    commenting on `unaccent` needs its owner (a superuser), not the site's role."""
    listing = _run([tool, "--list", str(source)], env)
    return "\n".join(line for line in listing.splitlines() if " EXTENSION " not in line)


def load(source: Path, workdir: Path) -> None:
    """Replace the database's contents with the dump at `source`."""
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # The search configuration hdnd_unaccent needs it; trusted, so the owner may.
            cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        connection.close()  # no session of ours holds a lock on a table being dropped
        args, env = _pg_environment()
        tool = _pg_tool("pg_restore")
        entries = workdir / "restore.list"
        entries.write_text(_restorable_entries(tool, source, env))
        name = connection.settings_dict["NAME"]
        _run(
            [
                tool,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                f"--use-list={entries}",
                *args,
                f"--dbname={name}",
                str(source),
            ],
            env,
        )
        return
    file_name()
    origin = sqlite3.connect(source)
    try:
        # Page by page into the open database, so the file (and its WAL) stay the ones
        # every connection has open; copying the file over it would not be seen by them.
        origin.backup(connection.connection)
    finally:
        origin.close()
