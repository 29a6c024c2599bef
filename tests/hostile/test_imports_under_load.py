"""A big import next to other writers, and writers that cannot get the database's lock (issue 10,
item 15). These tests commit for real — imports commit batch by batch, and a lock is only a lock
between connections — so they live in a file of their own: pytest-django runs such tests after
all others, and the flush after each one must not take the reference data from tests that follow
(serialized_rollback restores it)."""

import contextlib
import copy
import io
import json
import os
import sqlite3
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from harambee.accounts.services import api_token_create
from harambee.audit.models import AuditEntry
from harambee.postings import importing
from harambee.postings.importing import postings_import
from harambee.postings.models import ImportRun, Posting
from harambee.postings.selectors import PostingFilters, posting_facet_counts
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting
from harambee.registry.models import Member

from .test_csv_and_imports import _offer, _publish

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


# --- item 15: a big import next to writers --------------------------------------------------------


def _lines(count: int, *, start: int = 0, member: str = "unza") -> list[str]:
    return [json.dumps(_offer(f"O-B{n}", f"Batch offer {n}", member=member)) for n in range(start, start + count)]


def _public_offer_counts():
    return posting_facet_counts(user=None, filters=PostingFilters(kind="offer"))["status"]


def _write_elsewhere(title: str) -> str:
    """Create a posting from another thread (its own database connection); "" or the error."""
    outcome = {}

    def write():
        from django.db import connection as own

        try:
            member = Member.objects.get(code="unza")
            data = parse_posting(_offer(f"O-W-{title}", title))
            posting_create(actor=None, member=member, data=data, status="published")
            outcome["seen"] = (Posting.objects.filter(external_id__startswith="O-B").count(), _public_offer_counts())
        except Exception as error:  # noqa: BLE001 - reported to the test
            outcome["error"] = repr(error)
        finally:
            own.close()

    thread = threading.Thread(target=write)
    thread.start()
    thread.join(timeout=60)
    return outcome


@pytest.fixture
def big_import(cast, monkeypatch):
    """Batches of 2 postings; a hook that runs before the preparation of the third batch."""
    monkeypatch.setattr(importing, "BATCH", 2)
    hooks = {}
    calls = {"n": 0}
    real = importing.indexing.search_document

    def counting(posting, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 5 and "before_batch_3" in hooks:  # postings 1-4 are in batches 1 and 2
            hooks.pop("before_batch_3")()
        return real(posting, *args, **kwargs)

    monkeypatch.setattr(importing.indexing, "search_document", counting)
    return hooks


def test_a_big_import_lets_others_write_between_batches_and_shows_nothing_until_it_ends(big_import, cast):
    # given two published offers that the file updates, and four new offers in it
    _publish(cast, "O-B0", "Old title 0")
    _publish(cast, "O-B1", "Old title 1")
    before = _public_offer_counts()
    seen = {}
    big_import["before_batch_3"] = lambda: seen.update(_write_elsewhere("meanwhile"))
    # when it is imported in batches of two, and somebody writes while it runs
    report = postings_import(lines=_lines(6))
    # then the other write succeeded without waiting for the whole import
    assert "error" not in seen, seen["error"]
    # and saw none of the import: neither the new postings nor the new counts
    assert seen["seen"] == (2, {**before, "published": before["published"] + 1})
    # and the import then wrote everything
    assert (report.written, report.created, report.updated) == (True, 4, 2)
    assert Posting.objects.get(external_id="O-B1").title == "Batch offer 1"
    assert Posting.objects.filter(external_id__startswith="O-B").count() == 6
    assert Posting.all_objects.count() == Posting.objects.count() == 7
    assert _public_offer_counts()["published"] == 7
    assert ImportRun.objects.get().state == "applied"


def _state_of_postings() -> list:
    return sorted(
        (p.external_id, p.title, p.description, p.status, p.themes, p.search_document,
         sorted((t.language, t.title) for t in p.translations.all()),
         sorted((f.facet, f.code, f.status) for f in p.facets.all()))
        for p in Posting.all_objects.prefetch_related("translations", "facets")
    )  # fmt: skip


def test_a_failure_in_a_late_batch_leaves_the_database_as_it_was(big_import, cast, monkeypatch):
    # given two published offers (one translated) that a six-line file updates
    _publish(cast, "O-B0", "Old title 0")
    posting_create(
        actor=None, member=cast.member, status="published",
        data=parse_posting(_offer("O-B1", "Old title 1", translations=[
            {"language": "fr", "title": "Ancien titre", "description": "Formation."}])),
    )  # fmt: skip
    state = _state_of_postings()
    # and the last batch (the updates) fails, after the batches of new postings were committed
    real = importing._insert_postings
    calls = {"n": 0}

    def failing(postings):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk full")
        return real(postings)

    monkeypatch.setattr(importing, "_insert_postings", failing)
    seen = {}
    big_import["before_batch_3"] = lambda: seen.update(_write_elsewhere("meanwhile"))
    # when the file is imported
    with pytest.raises(RuntimeError, match="disk full"):
        postings_import(lines=_lines(6, member="unza"))
    # then others could write while it ran
    assert "error" not in seen, seen["error"]
    Posting.objects.get(external_id="O-W-meanwhile").delete()
    # and the database is as before: no new posting, the updated ones as they were, no audit entry
    assert _state_of_postings() == state
    assert not AuditEntry.objects.filter(reason="Imported").exists()
    assert ImportRun.objects.get().state == "rolled_back"


def test_a_bad_line_at_the_end_writes_nothing_not_even_a_first_batch(cast, monkeypatch):
    monkeypatch.setattr(importing, "BATCH", 2)
    report = postings_import(lines=[*_lines(5), '{"id": "O-BAD", "kind": "offer"}'])
    assert not report.ok and report.problems[0].line == 6
    assert Posting.all_objects.count() == 0 and ImportRun.objects.count() == 0
    assert not AuditEntry.objects.filter(content_type__model="posting").exists()


def test_a_killed_import_is_rolled_back_by_housekeeping(big_import, cast, monkeypatch):
    # given an import (creating a member) whose process dies after two batches, before cleaning up
    _publish(cast, "O-B0", "Old title 0")
    state = _state_of_postings()
    members = set(Member.objects.values_list("code", flat=True))
    monkeypatch.setattr(importing, "_roll_back", lambda run_id, error="": False)  # the dead do not clean up

    def die():
        raise KeyboardInterrupt  # as good as kill -9 here: nothing after it runs

    big_import["before_batch_3"] = die
    lines = [*_lines(5, start=1), json.dumps(_offer("O-NEW-MEMBER", "New member's offer", member="neworg"))]
    with pytest.raises(KeyboardInterrupt):
        postings_import(lines=lines, create_missing_members=True)
    monkeypatch.undo()
    # then its rows stay hidden meanwhile
    assert Posting.all_objects.count() > Posting.objects.count() == 1
    assert ImportRun.objects.get().state == "running"
    # when housekeeping runs
    out = io.StringIO()
    call_command("postings", "housekeeping", stdout=out)
    # then the run is rolled back: its rows and the member it created are gone
    assert "1 interrupted imports rolled back" in out.getvalue()
    assert _state_of_postings() == state
    assert set(Member.objects.values_list("code", flat=True)) == members
    assert ImportRun.objects.get().state == "rolled_back"
    # and the same file imports cleanly afterwards
    report = postings_import(lines=lines, create_missing_members=True)
    assert report.written and report.created == 6


# --- item 15: a write that cannot get the lock answers 503 -------------------------------------------


@contextlib.contextmanager
def write_lock_held_elsewhere():
    """Another connection holds the write lock; ours waits for it only briefly."""
    if connection.vendor == "sqlite":
        # the test database lives in memory; locks behave as in production in a file copy of it
        connection.ensure_connection()
        memory, saved = connection.connection, copy.deepcopy(connection.settings_dict)
        path = Path(os.environ.get("TMPDIR", "/tmp")) / f"harambee-lock-{os.getpid()}.sqlite3"
        path.unlink(missing_ok=True)
        target = sqlite3.connect(path)
        memory.backup(target)
        target.close()
        connection.connection = None
        connection.settings_dict["NAME"] = str(path)
        connection.settings_dict["OPTIONS"] = {**saved["OPTIONS"], "timeout": 0.2}
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("PRAGMA journal_mode=WAL")
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.rollback()
            other.close()
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(saved)
            connection.connection = memory
            path.unlink(missing_ok=True)
    else:
        import psycopg

        settings = connection.settings_dict
        other = psycopg.connect(
            dbname=settings["NAME"], user=settings["USER"], password=settings["PASSWORD"] or None,
            host=settings["HOST"], port=settings["PORT"] or None,
        )  # fmt: skip
        other.execute("LOCK TABLE accounts_apitoken, postings_posting, audit_auditentry IN EXCLUSIVE MODE")
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '200ms'")
        try:
            yield
        finally:
            other.rollback()
            other.close()
            with connection.cursor() as cursor:
                cursor.execute("SET lock_timeout = 0")


def test_a_web_write_that_cannot_get_the_lock_answers_503_with_retry_after(client, cast):
    client.force_login(cast.editor)
    form = {"member": "unza", "title": "A need", "description": "Training.", "language": "en"}
    with write_lock_held_elsewhere():
        response = client.post(reverse("postings:new", args=["needs"]), form)
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "Nothing was saved" in response.content.decode()
    assert Posting.objects.count() == 0


def test_an_api_write_that_cannot_get_the_lock_answers_503_json_with_retry_after(client, cast):
    key = api_token_create(user=cast.editor, name="script").key
    body = {"member": "unza", "title": "A need", "description": "Training.", "language": "en"}
    with write_lock_held_elsewhere():
        response = client.post(
            "/api/v1/needs", json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
        )
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert response.json() == {
        "detail": "The database is busy with other changes; nothing was saved. Try again shortly."
    }
    assert Posting.objects.count() == 0
