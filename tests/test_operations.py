"""Backups that restore (SQLite and PostgreSQL, taken while others write), their rotation, and /healthz."""

import json
import os
import secrets
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.db import connection

from harambee.operations.backup import backups_to_remove, make_backup, read_manifest, rotate_backups

ROOT = Path(__file__).resolve().parent.parent


def _harambee(*args: str, data_dir: Path, database_url: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")}
    env.update(HARAMBEE_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="config.settings.local")
    if database_url:
        env["DATABASE_URL"] = database_url
    return subprocess.run(
        [sys.executable, "-m", "harambee.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


class Writer(threading.Thread):
    """Inserts scheduled-run rows one after another until stopped (another process's writes)."""

    def __init__(self, connect):
        super().__init__(daemon=True)
        self.connect, self.written, self.stop, self.error = connect, 0, threading.Event(), None

    def run(self):
        try:
            db, placeholder = self.connect()
            cursor = db.cursor()
            while not self.stop.is_set():
                cursor.execute(
                    f"INSERT INTO background_scheduledrun (job, period, enqueued_at, task_id) "
                    f"VALUES ({placeholder}, {placeholder}, {placeholder}, '')",
                    ["backup-test", self.written, datetime.now(UTC).isoformat()],
                )
                db.commit()
                self.written += 1
                time.sleep(0.002)
            db.close()
        except Exception as error:  # reported by the test
            self.error = error

    def wait_for(self, rows: int) -> None:
        deadline = time.monotonic() + 60
        while self.written < rows and self.error is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert self.error is None and self.written >= rows, self.error


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    """A data folder with a migrated SQLite database (once per module; tests copy it)."""
    folder = tmp_path_factory.mktemp("migrated")
    done = _harambee("migrate", "-v0", data_dir=folder)
    assert done.returncode == 0, done.stderr
    return folder


def _copy_of(migrated: Path, target: Path) -> Path:
    shutil.copytree(migrated, target)
    return target


def _rows_of(manifest: dict, table: str) -> int:
    return manifest["tables"][table]["rows"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backup")
def test_a_sqlite_backup_taken_during_writes_restores_every_table_exactly(tmp_path, migrated):
    # given a data folder with its database and an upload, and someone writing to it all the time
    source, out, empty = _copy_of(migrated, tmp_path / "source"), tmp_path / "backups", tmp_path / "restored"
    (source / "media" / "events").mkdir(parents=True)
    (source / "media" / "events" / "letter.pdf").write_bytes(b"%PDF-1.4 a nomination letter")

    def connect():
        db = sqlite3.connect(source / "harambee.sqlite3", timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        return db, "?"

    writer = Writer(connect)
    writer.start()
    try:
        writer.wait_for(50)
        # when the backup is taken while the writes go on
        made = _harambee("backup", "--out", str(out), data_dir=source)
        assert made.returncode == 0, made.stderr
        backed_up = writer.written
        writer.wait_for(backed_up + 20)
    finally:
        writer.stop.set()
        writer.join()
    [backup] = list(out.iterdir())
    manifest = read_manifest(backup)
    # then it holds a state in the middle of the writes: some rows, not the later ones
    assert 50 <= _rows_of(manifest, "background_scheduledrun") <= backed_up < writer.written
    assert sorted(manifest["files"]) == ["database.sqlite3", "media/events/letter.pdf"]
    # and restoring it into an empty data folder gives every table's rows and checksum back
    restored = _harambee("restore", str(backup), data_dir=empty)
    assert restored.returncode == 0, restored.stderr
    assert "every table's row count and checksum equal to the backup's" in restored.stdout
    assert (empty / "media" / "events" / "letter.pdf").read_bytes() == b"%PDF-1.4 a nomination letter"
    db = sqlite3.connect(empty / "harambee.sqlite3")
    count = db.execute("SELECT count(*) FROM background_scheduledrun").fetchone()[0]
    db.close()
    assert count == _rows_of(manifest, "background_scheduledrun")
    # and a second restore into the same (no longer empty) folder is refused, nothing touched
    again = _harambee("restore", str(backup), data_dir=empty)
    assert again.returncode != 0 and "not empty" in again.stderr


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backup")
def test_a_damaged_backup_is_refused_before_anything_is_written(tmp_path, migrated):
    source, out, empty = _copy_of(migrated, tmp_path / "source"), tmp_path / "backups", tmp_path / "restored"
    assert _harambee("backup", "--out", str(out), data_dir=source).returncode == 0
    [backup] = list(out.iterdir())
    # given the backup's database changed after it was written
    with (backup / "database.sqlite3").open("r+b") as handle:
        handle.seek(200)
        handle.write(b"\x00\xff")
    # when it is restored, then it is refused with why, and the empty folder stays without data
    refused = _harambee("restore", str(backup), data_dir=empty)
    assert refused.returncode != 0
    assert "The backup is damaged: database.sqlite3: changed since the backup (size or checksum)" in refused.stderr
    assert not (empty / "media").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL backup")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_postgresql_backup_taken_during_writes_restores_every_table_exactly(tmp_path, settings):
    import psycopg

    settings.MEDIA_ROOT = tmp_path / "media"
    params = connection.get_connection_params()
    conninfo = {k: v for k, v in params.items() if k in ("host", "port", "user", "password", "dbname")}

    def connect():
        return psycopg.connect(**conninfo), "%s"

    # given someone writing to the database all the time
    writer = Writer(connect)
    writer.start()
    try:
        writer.wait_for(50)
        # when a backup is taken while the writes go on
        backup = make_backup(out=tmp_path / "backups")
        backed_up = writer.written
        writer.wait_for(backed_up + 20)
    finally:
        writer.stop.set()
        writer.join()
    manifest = read_manifest(backup)
    assert manifest["database"]["vendor"] == "postgresql"
    # then it holds a state in the middle of the writes
    assert 50 <= _rows_of(manifest, "background_scheduledrun") <= backed_up < writer.written
    # and restoring it into an empty database gives every table's rows and checksum back
    empty = f"restore_{secrets.token_hex(4)}"
    admin = psycopg.connect(**{**conninfo, "dbname": "postgres"}, autocommit=True)
    admin.execute(f'CREATE DATABASE "{empty}"')
    try:
        user = f"{params.get('user', '')}:{params.get('password', '')}@" if params.get("user") else ""
        url = f"postgres://{user}{params.get('host', 'localhost')}:{params.get('port', 5432)}/{empty}"
        restored = _harambee("restore", str(backup), data_dir=tmp_path / "restored", database_url=url)
        assert restored.returncode == 0, restored.stderr
        assert "every table's row count and checksum equal to the backup's" in restored.stdout
        with psycopg.connect(**{**conninfo, "dbname": empty}) as db:
            count = db.execute("SELECT count(*) FROM background_scheduledrun").fetchone()[0]
        assert count == _rows_of(manifest, "background_scheduledrun")
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{empty}" WITH (FORCE)')
        admin.close()


def test_rotation_keeps_the_newest_of_each_of_the_last_days_and_weeks():
    # given backups twice a day for 40 days
    start = datetime(2026, 10, 1, 1, 30, tzinfo=UTC)
    moments = [start + timedelta(days=d, hours=h) for d in range(40) for h in (0, 12)]
    # when keeping 7 daily and 4 weekly
    removed = set(backups_to_remove(moments, daily=7, weekly=4))
    kept = sorted(set(moments) - removed)
    # then the newest of each of the last 7 days, and the newest of each of the last 4 ISO weeks
    days = [start + timedelta(days=d, hours=12) for d in range(33, 40)]
    weeks = {max(m for m in moments if m.isocalendar()[:2] == week) for week in
             sorted({m.isocalendar()[:2] for m in moments})[-4:]}  # fmt: skip
    assert kept == sorted(set(days) | weeks)
    assert len(kept) == 7 + len(weeks - set(days))


def test_rotate_backups_removes_folders_and_leaves_unfinished_ones(tmp_path):
    for day in range(1, 5):
        folder = tmp_path / f"harambee-202611{day:02d}T013000000000Z"
        folder.mkdir()
        (folder / "manifest.json").write_text("{}")
    (tmp_path / "harambee-20261105T013000000000Z.partial").mkdir()
    removed = rotate_backups(tmp_path, daily=2, weekly=0)
    assert sorted(p.name for p in removed) == ["harambee-20261101T013000000000Z", "harambee-20261102T013000000000Z"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "harambee-20261103T013000000000Z", "harambee-20261104T013000000000Z", "harambee-20261105T013000000000Z.partial",
    ]  # fmt: skip


@pytest.mark.django_db
def test_healthz_says_ok_with_the_database_queue_and_disk(client, settings, tmp_path):
    settings.HARAMBEE_BACKUP_DIR = tmp_path
    response = client.get("/healthz")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert (body["status"], body["problems"], body["database"]["ok"]) == ("ok", [], True)
    assert body["tasks"] == {"queued": 0, "oldest_queued_seconds": None}
    assert body["disk"]["free_bytes"] > 0 and body["last_backup_at"] is None
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_fails_when_the_disk_is_short_or_the_queue_stalls(client, settings, tmp_path):
    from django_tasks_db.models import DBTaskResult

    from harambee.background.tasks import background_prune

    settings.HARAMBEE_BACKUP_DIR = tmp_path
    # given less free space than required
    settings.HARAMBEE_HEALTH_MIN_FREE_BYTES = 1 << 62
    response = client.get("/healthz")
    assert (response.status_code, json.loads(response.content)["problems"]) == (503, ["disk"])
    # given a task waiting for an hour with a limit of 15 minutes
    settings.HARAMBEE_HEALTH_MIN_FREE_BYTES = 0
    row = DBTaskResult.objects.create(
        task_path=background_prune.module_path, args_kwargs={"args": [], "kwargs": {}}, queue_name="default",
        backend_name="default", priority=0, run_after=None, status="READY", return_value=None,
    )  # fmt: skip
    DBTaskResult.objects.filter(pk=row.pk).update(enqueued_at=datetime.now(UTC) - timedelta(hours=1))
    body = json.loads(client.get("/healthz").content)
    assert body["problems"] == ["tasks"] and body["tasks"]["queued"] == 1
    assert body["tasks"]["oldest_queued_seconds"] >= 3600


@pytest.mark.django_db
def test_the_secretariat_sees_when_the_last_backup_was_made(cast, client, settings, tmp_path):
    settings.HARAMBEE_BACKUP_DIR = tmp_path
    client.force_login(cast.secretariat)
    # given no backup yet, then the page says so
    page = client.get("/en/secretariat/background/").content.decode()
    assert "No backup has been made yet" in page
    # given a backup made on 1 December 2026 at 01:30 UTC, then the page shows when, in words
    folder = tmp_path / "harambee-20261201T013000000000Z"
    folder.mkdir()
    (folder / "manifest.json").write_text("{}")
    page = client.get("/en/secretariat/background/").content.decode()
    assert 'Last backup: <time datetime="2026-12-01T01:30:00+00:00">' in page
    assert "Daily backup" in page  # the regular job, in words


@pytest.mark.django_db
def test_retention_deletes_old_notifications_and_sign_in_records_and_audits_the_counts(cast, settings):
    from axes.models import AccessAttempt
    from django.utils import timezone

    from harambee.audit.models import AuditEntry
    from harambee.notifications.models import Notification
    from harambee.operations.services import retention_run

    settings.HARAMBEE_RETAIN_NOTIFICATIONS_DAYS = 30
    settings.HARAMBEE_RETAIN_SIGN_IN_DAYS = 7
    now = timezone.now()
    # given two old notifications and a recent one, an old failed sign-in and a recent one
    for age in (40, 31, 2):
        row = Notification.objects.create(recipient=cast.viewer, kind="password_changed", params={})
        Notification.objects.filter(pk=row.pk).update(created_at=now - timedelta(days=age))
    for age in (8, 1):
        row = AccessAttempt.objects.create(
            username=f"{age}@example.org", ip_address="192.0.2.1", user_agent="", get_data="", post_data="",
            failures_since_start=1,
        )  # fmt: skip
        AccessAttempt.objects.filter(pk=row.pk).update(attempt_time=now - timedelta(days=age))
    # when the retention job runs
    run = retention_run(now=now)
    # then what is past its period is gone, the rest stays, and one audit entry counts it
    assert run.counts == {
        "notifications": 2, "sign_in_records": 1, "import_files": 0, "import_runs": 0, "delegates_personal_data": 0,
    }  # fmt: skip
    assert Notification.objects.count() == 1 and AccessAttempt.objects.count() == 1
    entry = AuditEntry.objects.get(object_id=str(run.pk), action="delete")
    assert entry.changes == {
        "notifications": [2, 0], "sign_in_records": [1, 0], "import_files": [0, 0], "import_runs": [0, 0],
        "delegates_personal_data": [0, 0],
    }  # fmt: skip
    assert entry.reason == "Deleted after their retention period"


@pytest.mark.django_db
def test_retention_deletes_import_staging_and_delegates_personal_data_and_counts_them(cast, settings, tmp_path):
    import os

    from django.utils import timezone

    from harambee.audit.models import AuditEntry
    from harambee.events.models import Registration
    from harambee.events.tests.factories import make_event
    from harambee.events.tests.factories_registrations import RegistrationFactory, with_passport
    from harambee.operations.services import retention_run
    from harambee.postings.models import ImportRun, ImportRunState, Posting
    from harambee.postings.services import posting_create
    from harambee.postings.uploads import upload_dir, upload_store
    from harambee.postings.validation import parse_posting
    from harambee.registry.models import Country
    from harambee.registry.tests.factories import StateFactory

    settings.DATA_DIR = tmp_path
    settings.HARAMBEE_RETAIN_IMPORT_FILES_DAYS = 30
    settings.HARAMBEE_DELEGATE_DATA_RETENTION_DAYS = 30
    now = timezone.now()
    # given three uploads never confirmed (40 and 31 days old, and one of yesterday) and a stray other file
    ages = {}
    for age in (40, 31, 1):
        token = upload_store([b'{"kind": "need"}\n'])
        stamp = (now - timedelta(days=age)).timestamp()
        os.utime(upload_dir() / f"{token}.jsonl", (stamp, stamp))
        ages[token] = age
    (upload_dir() / "notes.txt").write_text("not an upload")
    # and finished imports: applied 40 days ago, rolled back 31 days ago, applied yesterday; a running one
    # started 40 days ago; an applied one 40 days ago still named by a staged posting
    for state, age in (("applied", 40), ("rolled_back", 31), ("applied", 1), ("running", 40)):
        ImportRun.objects.create(
            state=state, started_at=now - timedelta(days=age), finished_at=None if state == "running" else
            now - timedelta(days=age), host="importer-1", actor=cast.manager, error="line 3: bad date",
        )  # fmt: skip
    held = ImportRun.objects.create(state=ImportRunState.APPLIED, finished_at=now - timedelta(days=40))
    # and an event that ended 31 days ago with two delegates, one with passport details; one that ended 29 days ago
    zambia = StateFactory(country=Country.objects.get(iso3="ZMB"))
    today = timezone.localdate(now)
    old = make_event(
        cast.member, slug="old", start_date=today - timedelta(days=33), end_date=today - timedelta(days=31)
    )
    recent = make_event(cast.member, slug="recent", start_date=today - timedelta(days=30),
                        end_date=today - timedelta(days=29))  # fmt: skip
    gone = with_passport(RegistrationFactory(event=old, member=zambia))
    RegistrationFactory(event=old, member=zambia, dietary_needs="Halal")
    kept = with_passport(RegistrationFactory(event=recent, member=zambia))
    # and a posting staged by the `held` run (written, then marked as the import's, through the ORM)
    raw = {"id": "N-STAGED", "kind": "need", "member": cast.member.code, "language": "en", "title": "Data training",
           "description": "Training on data governance."}  # fmt: skip
    posting = posting_create(actor=cast.secretariat, member=cast.member, data=parse_posting(raw), status="published")
    Posting.all_objects.filter(pk=posting.pk).update(import_run=held)
    # when the retention job runs
    run = retention_run(now=now)
    # then the old uploads, the finished old runs and the old event's delegates' data are gone, each counted
    assert run.counts == {
        "notifications": 0, "sign_in_records": 0, "import_files": 2, "import_runs": 2, "delegates_personal_data": 2,
    }  # fmt: skip
    assert sorted(p.name for p in upload_dir().iterdir()) == sorted(
        [f"{t}.jsonl" for t, age in ages.items() if age == 1] + ["notes.txt"]
    )
    assert sorted(ImportRun.objects.values_list("state", flat=True)) == ["applied", "applied", "running"]
    assert Posting.all_objects.filter(pk=posting.pk, import_run=held).exists()
    gone.refresh_from_db()
    kept.refresh_from_db()
    assert (gone.passport_number, gone.nationality_id, gone.date_of_birth) == ("", None, None)
    assert Registration.objects.filter(event=old, personal_data_erased_at__isnull=False).count() == 2
    assert (kept.passport_number, kept.personal_data_erased_at) == ("ZN1234567", None)
    # and one audit entry of the run counts each kind (the data themselves are not in it)
    entry = AuditEntry.objects.get(object_id=str(run.pk), action="delete")
    assert entry.changes == {
        "notifications": [0, 0], "sign_in_records": [0, 0], "import_files": [2, 0], "import_runs": [2, 0],
        "delegates_personal_data": [2, 0],
    }  # fmt: skip
    assert "ZN1234567" not in str(entry.changes)
