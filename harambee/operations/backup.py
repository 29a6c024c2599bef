"""Backups that restore: a consistent copy of the database and the uploads, with a manifest.

A backup is a folder ``harambee-<UTC moment>`` holding:

- ``database.sqlite3`` (SQLite's online backup API: a consistent copy while the platform runs) or
  ``database.dump`` (PostgreSQL: ``pg_dump`` in custom format, from an exported snapshot);
- ``media/``: the uploads (nomination letters, materials, import files);
- ``manifest.json``: when, from which database and schema (the latest migration of each app), every
  file with its size and SHA-256, and every table's row count and checksum **as of the copy**.

The matching index is not copied: it is built again from the database (the postings' stored concepts
and vectors travel in it). ``restore_backup`` checks every file against the manifest, restores into
an empty data folder or database only, then recomputes every table's count and checksum and compares
them with the manifest. See docs/operations.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

MANIFEST = "manifest.json"
FORMAT = 1
PREFIX = "harambee-"
# Tables that belong to SQLite's full-text index (rebuilt by its triggers) or to SQLite itself.
_SKIPPED_PREFIXES = ("sqlite_", "postings_posting_fts")


class BackupError(Exception):
    """A backup or a restore that cannot be done, with why (shown to the operator)."""


@dataclass
class TableFacts:
    rows: int
    checksum: str


@dataclass
class RestoreReport:
    backup: Path
    tables: int
    rows: int
    files: int
    mismatches: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches


# --- fingerprints ------------------------------------------------------------------------------------


def _canonical(value) -> str:
    if isinstance(value, memoryview):
        value = bytes(value)
    if isinstance(value, bytes):
        return "b:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, float):
        return repr(round(value, 9))
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat() if value.tzinfo else value.isoformat()
    return repr(value) if not isinstance(value, str) else "s:" + value


def _fingerprint_rows(cursor, table: str, quote) -> TableFacts:
    cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 - table names come from introspection
    digests = []
    for row in cursor.fetchall():
        digests.append(hashlib.sha256("\x1f".join(_canonical(v) for v in row).encode()).hexdigest())
    digests.sort()  # the same rows in any physical order give the same checksum
    whole = hashlib.sha256("\n".join(digests).encode()).hexdigest()
    return TableFacts(rows=len(digests), checksum=whole)


def _tables(cursor, vendor: str) -> list[str]:
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    else:
        cursor.execute(
            "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
        )
    return [name for (name,) in cursor.fetchall() if not name.startswith(_SKIPPED_PREFIXES)]


def sqlite_fingerprints(path: Path) -> dict[str, TableFacts]:
    """Every table's row count and checksum in the SQLite file at ``path``."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        cursor = db.cursor()
        return {t: _fingerprint_rows(cursor, t, _quote_sqlite) for t in _tables(cursor, "sqlite")}
    finally:
        db.close()


def _quote_sqlite(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def database_fingerprints(alias: str = "default") -> dict[str, TableFacts]:
    """Every table's row count and checksum in a Django database. SQLite's file is read as stored
    (Django's connection would turn dates into objects), as the backup's facts were."""
    db = connections[alias]
    if db.vendor == "sqlite":
        return sqlite_fingerprints(Path(db.settings_dict["NAME"]))
    with db.cursor() as cursor:
        return {t: _fingerprint_rows(cursor, t, db.ops.quote_name) for t in _tables(cursor, db.vendor)}


def _schema_state() -> dict[str, str]:
    """The latest applied migration of each app (a restore needs code that knows this schema)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        latest: dict[str, str] = {}
        for app, name in cursor.fetchall():
            latest[app] = max(latest.get(app, ""), name)
    return latest


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _files(root: Path) -> dict[str, dict]:
    out = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.name != MANIFEST):
        out[path.relative_to(root).as_posix()] = {"size": path.stat().st_size, "sha256": _sha256(path)}
    return out


# --- backup ------------------------------------------------------------------------------------------


def pg_tool(name: str) -> str:
    """The path of ``pg_dump`` or ``pg_restore``: ``HARAMBEE_PG_BIN`` (a folder), else the PATH."""
    folder = getattr(settings, "HARAMBEE_PG_BIN", "") or ""
    found = str(Path(folder) / name) if folder else shutil.which(name)
    if not found or not Path(found).exists():
        raise BackupError(f"{name} was not found: install the PostgreSQL client or set HARAMBEE_PG_BIN.")
    return found


def _pg_environment(alias: str = "default") -> tuple[list[str], dict[str, str]]:
    params = connections[alias].get_connection_params()
    args = []
    for option, key in (("--host", "host"), ("--port", "port"), ("--username", "user")):
        if params.get(key):
            args += [option, str(params[key])]
    env = dict(os.environ)
    if params.get("password"):
        env["PGPASSWORD"] = str(params["password"])
    return args, env


def make_backup(*, out: Path, now: datetime | None = None) -> Path:
    """Write a dated backup folder under ``out`` and return it (see the module's docstring)."""
    now = now or datetime.now(UTC)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{PREFIX}{now.strftime('%Y%m%dT%H%M%S%fZ')}"
    partial = out / (target.name + ".partial")
    if target.exists() or partial.exists():
        raise BackupError(f"{target} already exists.")
    partial.mkdir()
    try:
        if connection.vendor == "sqlite":
            tables = _backup_sqlite(partial / "database.sqlite3")
            database = {"vendor": "sqlite", "file": "database.sqlite3"}
        elif connection.vendor == "postgresql":
            tables = _backup_postgresql(partial / "database.dump")
            database = {"vendor": "postgresql", "file": "database.dump", "format": "custom"}
        else:  # pragma: no cover - the settings allow these two only
            raise BackupError(f"Backups of {connection.vendor} databases are not supported.")
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            shutil.copytree(media, partial / "media")
        manifest = {
            "format": FORMAT,
            "created_at": now.isoformat(),
            "database": database,
            "schema": _schema_state(),
            "tables": {name: {"rows": f.rows, "checksum": f.checksum} for name, f in sorted(tables.items())},
            "files": _files(partial),
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
        partial.rename(target)  # a backup folder without ".partial" is complete
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return target


def _backup_sqlite(destination: Path) -> dict[str, TableFacts]:
    connection.ensure_connection()
    source = connection.connection
    copy = sqlite3.connect(destination)
    try:
        source.backup(copy)  # SQLite's online backup: one consistent state, while others write
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    finally:
        copy.close()
    return sqlite_fingerprints(destination)  # the copy's own facts: what the backup holds


def _backup_postgresql(destination: Path) -> dict[str, TableFacts]:
    """pg_dump from a snapshot this connection exports, and the facts read in that same snapshot."""
    args, env = _pg_environment()
    name = connections["default"].settings_dict["NAME"]
    # a connection of its own, outside any transaction of the caller: it holds the snapshot
    holder = connections.create_connection("default")
    try:
        holder.set_autocommit(False)
        with holder.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone()
            result = subprocess.run(
                [pg_tool("pg_dump"), *args, "--format=custom", f"--snapshot={snapshot}", "--no-owner",
                 "--file", str(destination), "--dbname", name],
                env=env, capture_output=True, text=True,
            )  # fmt: skip
            if result.returncode != 0:
                raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
            tables = {t: _fingerprint_rows(cursor, t, holder.ops.quote_name) for t in _tables(cursor, "postgresql")}
        holder.rollback()
    finally:
        holder.close()
    return tables


# --- reading and checking a backup --------------------------------------------------------------------


def read_manifest(backup: Path) -> dict:
    path = Path(backup) / MANIFEST
    if not path.exists():
        raise BackupError(f"{backup} is not a backup: it has no {MANIFEST}.")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise BackupError(f"{path} cannot be read: {error}.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{backup} was written in format {manifest.get('format')}, this version reads {FORMAT}.")
    return manifest


def verify_files(backup: Path, manifest: dict) -> list[str]:
    """What is missing, cut short or changed among the backup's files."""
    problems = []
    for name, facts in manifest["files"].items():
        path = Path(backup) / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif path.stat().st_size != facts["size"] or _sha256(path) != facts["sha256"]:
            problems.append(f"{name}: changed since the backup (size or checksum)")
    return problems


def compare_tables(expected: dict, actual: dict[str, TableFacts]) -> list[str]:
    problems = []
    for name, facts in expected.items():
        found = actual.get(name)
        if found is None:
            problems.append(f"table {name}: missing")
        elif found.rows != facts["rows"]:
            problems.append(f"table {name}: {found.rows} rows, the backup has {facts['rows']}")
        elif found.checksum != facts["checksum"]:
            problems.append(f"table {name}: the rows differ from the backup's")
    problems += [f"table {name}: not in the backup" for name in sorted(set(actual) - set(expected))]
    return problems


# --- restore -----------------------------------------------------------------------------------------


def restore_backup(*, backup: Path) -> RestoreReport:
    """Restore ``backup`` into the configured database and media folder, both empty, and verify it."""
    backup = Path(backup)
    manifest = read_manifest(backup)
    problems = verify_files(backup, manifest)
    if problems:
        raise BackupError("The backup is damaged: " + "; ".join(problems))
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(f"This backup is of a {vendor} database; the configured one is {connection.vendor}.")
    media = Path(settings.MEDIA_ROOT)
    if media.exists() and any(media.iterdir()):
        raise BackupError(f"The media folder {media} is not empty: restore into an empty data folder.")
    with connection.cursor() as cursor:
        if _tables(cursor, connection.vendor):
            raise BackupError("The database is not empty: restore into an empty data folder or database.")
    source = backup / manifest["database"]["file"]
    if vendor == "sqlite":
        _restore_sqlite(source)
    else:
        _restore_postgresql(source)
    if (backup / "media").is_dir():
        shutil.copytree(backup / "media", media, dirs_exist_ok=True)
    actual = database_fingerprints()
    mismatches = compare_tables(manifest["tables"], actual)
    return RestoreReport(
        backup=backup,
        tables=len(actual),
        rows=sum(f.rows for f in actual.values()),
        files=len(manifest["files"]),
        mismatches=mismatches,
    )


def _restore_sqlite(source: Path) -> None:
    connection.ensure_connection()
    copy = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        copy.backup(connection.connection)  # page by page into the (empty) configured database
    finally:
        copy.close()
    connection.close()  # the next query sees the restored schema


def _restore_postgresql(source: Path) -> None:
    args, env = _pg_environment()
    name = connections["default"].settings_dict["NAME"]
    connection.close()
    result = subprocess.run(
        [pg_tool("pg_restore"), *args, "--no-owner", "--exit-on-error", "--dbname", name, str(source)],
        env=env, capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode != 0:
        raise BackupError(f"pg_restore failed: {result.stderr.strip()}")


# --- keeping a number of them -------------------------------------------------------------------------


def backups_in(folder: Path) -> list[tuple[datetime, Path]]:
    """The complete backups in ``folder``, oldest first."""
    found = []
    for path in Path(folder).glob(f"{PREFIX}*"):
        if path.suffix == ".partial" or not (path / MANIFEST).exists():
            continue
        try:
            moment = datetime.strptime(path.name[len(PREFIX) :], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append((moment, path))
    return sorted(found)


def backups_to_remove(moments: list[datetime], *, daily: int, weekly: int) -> list[datetime]:
    """Which backups a rotation removes: it keeps the newest of each of the last ``daily`` days that have
    one, and the newest of each of the last ``weekly`` ISO weeks that have one; the rest go."""
    keep: set[datetime] = set()
    days: dict = {}
    weeks: dict = {}
    for moment in sorted(moments, reverse=True):
        days.setdefault(moment.date(), moment)
        weeks.setdefault(moment.isocalendar()[:2], moment)
    keep.update(list(days.values())[:daily])
    keep.update(list(weeks.values())[:weekly])
    return [m for m in moments if m not in keep]


def rotate_backups(folder: Path, *, daily: int, weekly: int) -> list[Path]:
    found = backups_in(folder)
    gone = set(backups_to_remove([m for m, _ in found], daily=daily, weekly=weekly))
    removed = []
    for moment, path in found:
        if moment in gone:
            shutil.rmtree(path)
            removed.append(path)
    return removed


def latest_backup(folder: Path) -> tuple[datetime, Path] | None:
    found = backups_in(folder)
    return found[-1] if found else None
