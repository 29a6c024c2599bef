"""Platform-wide guarantees: migrations, catalogues, page weight, bad input, demo data, commands."""

import gzip
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from harambee.accounts.models import User
from harambee.audit.models import AuditEntry
from harambee.registry.models import Member, MemberStatus

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "harambee" / "locale"
TRANSLATED = ["ar", "zh_Hans", "fr", "ru", "es"]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.mark.django_db
def test_no_missing_migrations():
    out = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out)
    except SystemExit as exit_:
        pytest.fail(f"models have changes without a migration:\n{out.getvalue()} ({exit_})")


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_is_complete_and_compiled(language):
    # given the language's catalogue and its compiled file
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert (LOCALE / language / "LC_MESSAGES" / "django.mo").exists(), "run compilemessages"
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    # then nothing is untranslated or fuzzy, and the compiled file holds exactly the same translations
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []

    def translations(catalogue):
        return {
            (entry.msgctxt, entry.msgid): entry.msgstr or {int(k): v for k, v in entry.msgstr_plural.items()}
            for entry in catalogue
            if entry.msgid and (entry.msgstr or any(entry.msgstr_plural.values()))
        }

    assert translations(mo) == translations(po.translated_entries())


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_keeps_placeholders(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    pattern = re.compile(r"%\(\w+\)s|\{\{\s*\w+\s*\}\}")
    for entry in po.translated_entries():
        translations = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        for text in translations:
            assert sorted(set(pattern.findall(text))) == sorted(
                set(pattern.findall(entry.msgid_plural or entry.msgid))
            ) or (entry.msgid_plural and "%(counter)s" not in text), (language, entry.msgid, text)


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_passes_msgfmt_check(language):
    # given the catalogue; when GNU msgfmt checks its formats and plural forms (what compilemessages runs)
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, text=True)
    # then it finds no error: every placeholder of the English text is in every form of its translation
    assert result.returncode == 0, result.stderr


def test_catalogues_cover_every_string_in_the_code(tmp_path):
    # given the strings xgettext finds in the code and templates now
    if not shutil.which("xgettext"):
        if IN_CI:
            pytest.fail("gettext is missing; .ci/run installs it")
        pytest.skip("gettext (xgettext) is not installed on this machine")
    work = tmp_path / "harambee"
    shutil.copytree(ROOT / "harambee", work, ignore=shutil.ignore_patterns("locale", "__pycache__", "tests"))
    (work / "locale").mkdir()
    subprocess.run(
        ["django-admin", "makemessages", "-l", "fr", "--no-location"],
        cwd=work,
        check=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )
    fresh = {(e.msgctxt, e.msgid) for e in polib.pofile(str(work / "locale/fr/LC_MESSAGES/django.po"))}
    # then every one of them is in the committed catalogues (run makemessages when this fails)
    committed = {(e.msgctxt, e.msgid) for e in polib.pofile(str(LOCALE / "fr/LC_MESSAGES/django.po"))}
    assert fresh - committed == set()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/en/", "/ar/members/", "/fr/register/", "/zh-hans/groups/LDC/"])
def test_public_pages_stay_light(url, client, cast):
    # given a public page and every asset it links to
    response = client.get(url)
    html = response.content
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+)"', html)
    total, transferred = len(html), len(gzip.compress(html))
    for asset in set(assets):
        body = b"".join(client.get(asset.decode()).streaming_content)
        total += len(body)
        transferred += len(gzip.compress(body))
    # then the first load transfers under 150 KB, and even uncompressed stays under it
    assert transferred < 150_000
    assert total < 150_000
    assert not re.search(rb'<(?:link|script|img|iframe)[^>]+(?:href|src)="(?:https?:)?//', html), "assets must be local"


@pytest.mark.django_db
def test_api_rejects_malformed_json_clearly(client, cast):
    client.force_login(cast.manager)
    response = client.patch("/api/v1/members/unza", "{not json", content_type="application/json")
    assert response.status_code in (400, 422)
    assert "detail" in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"name_translations": {"de": "Universität"}}, "name_translations"),
        ({"website": "javascript:alert(1)"}, "website"),
        ({"name": ""}, "name"),
        ({"organisation_type": "pirate"}, "organisation_type"),
        ({"code": "hijack"}, "__all__"),
    ],
)
def test_api_rejects_invalid_fields_by_name(client, cast, payload, field):
    client.force_login(cast.manager)
    before = AuditEntry.objects.count()
    response = client.patch("/api/v1/members/unza", json.dumps(payload), content_type="application/json")
    assert response.status_code == 422
    body = json.dumps(response.json())
    assert field in body or field == "__all__"
    assert AuditEntry.objects.count() == before
    cast.member.refresh_from_db()
    assert cast.member.name == "University of Zambia" and cast.member.website == ""


@pytest.mark.django_db
def test_edit_form_reports_oversize_and_bad_values(client, cast):
    client.force_login(cast.editor)
    response = client.post(
        "/en/members/unza/edit/",
        {"name": "x" * 500, "organisation_type": "university", "iati_org_type": "99", "website": "ftp:/x"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ensure this value has at most 200 characters" in body
    assert "99 is not a code of the IATI OrganisationType codelist." in body
    assert "Enter a valid URL." in body


@pytest.mark.django_db
def test_not_found_page_is_translated(client):
    response = client.get("/fr/members/nobody-here/")
    assert response.status_code == 404
    assert 'lang="fr"' in response.content.decode()


@pytest.mark.django_db
def test_demo_loads_once_through_the_services():
    # when the demo is loaded twice
    call_command("loaddemo", stdout=io.StringIO())
    members, users, entries = Member.objects.count(), User.objects.count(), AuditEntry.objects.count()
    out = io.StringIO()
    call_command("loaddemo", stdout=out)
    # then the second time changes nothing, and the data shows every role and state
    assert "Demo data is already loaded." in out.getvalue()
    assert (Member.objects.count(), User.objects.count(), AuditEntry.objects.count()) == (members, users, entries)
    assert Member.objects.filter(is_demo=True, status=MemberStatus.PENDING).count() == 1
    assert Member.objects.filter(is_demo=True, kind="state").count() >= 30
    zambia = Member.objects.get(code="zmb")
    assert sorted(zambia.memberships.values_list("role", flat=True)) == ["editor", "manager", "viewer"]
    # and the chain need → match → cooperation → progress → result is public, South-South and
    # triangular, and its IATI export validates against the official schema
    from harambee import iati
    from harambee.cooperation.iati_export import cooperations_to_iati_xml
    from harambee.cooperation.models import Cooperation

    chain = Cooperation.objects.filter(is_public=True, origin="match").order_by("pk")
    assert [c.collaboration_type for c in chain] == ["1", "8"]
    assert all(c.updates.exists() and c.results.filter(indicators__actual__isnull=False).exists() for c in chain)
    assert all(c.match.need.status == "partially_matched" for c in chain)
    assert iati.validate_activities_xml(cooperations_to_iati_xml(chain)) == []
    assert User.objects.filter(is_secretariat=True, is_demo=True).exists()
    assert AuditEntry.objects.filter(member_code="zmb", action="update").exists()
    assert zambia.invitations.filter(status="open").count() == 1


@pytest.mark.django_db
def test_demo_is_refused_in_production(settings):
    settings.HARAMBEE_ALLOW_DEMO = False
    with pytest.raises(CommandError, match="production"):
        call_command("loaddemo", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("demo", "--no-serve", stdout=io.StringIO())
    assert not Member.objects.filter(is_demo=True).exists()


def test_demo_refuses_a_bad_port():
    with pytest.raises(CommandError, match="port"):
        call_command("demo", "--port", "70000", "--no-serve")


def test_demo_runs_on_a_fresh_data_folder(tmp_path):
    # given an empty data folder
    env = {**os.environ, "HARAMBEE_DATA_DIR": str(tmp_path / "data"), "DJANGO_SETTINGS_MODULE": "config.settings.local"}
    env.pop("DATABASE_URL", None)
    # when the demo prepares itself twice (the second time finds everything in place)
    for _ in range(2):
        result = subprocess.run(
            [str(Path(os.sys.executable).parent / "harambee"), "demo", "--no-serve"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
    # then the SQLite database is in the folder, in WAL mode
    database = tmp_path / "data" / "harambee.sqlite3"
    assert database.exists()
    import sqlite3

    assert sqlite3.connect(database).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert "already loaded" in result.stdout


def test_production_settings_require_a_secret():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    env.pop("HARAMBEE_SECRET_KEY", None)
    result = subprocess.run(
        [str(Path(os.sys.executable).parent / "harambee"), "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0 and "HARAMBEE_SECRET_KEY" in result.stderr


def test_settings_follow_the_environment():
    assert settings.AUTH_USER_MODEL == "accounts.User"
    assert [code for code, _name in settings.LANGUAGES] == ["ar", "zh-hans", "en", "fr", "ru", "es"]


@pytest.mark.django_db
def test_full_text_triggers_survive_every_migration():
    # given the database as migrations leave it
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL keeps an expression index, not triggers")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'postings_posting'")
        triggers = {row[0] for row in cursor.fetchall()}
    # then the three triggers that keep the full-text index in step are there
    assert triggers >= {"postings_posting_fts_ai", "postings_posting_fts_ad", "postings_posting_fts_au"}


@pytest.mark.parametrize(
    ("method", "target", "secure", "expected"),
    [
        ("post", "/fr/needs/", False, "/fr/needs/"),
        ("get", "/en/my/?tab=follows", False, "/en/my/?tab=follows"),
        ("post", "https://elsewhere.example/steal", False, "/fallback/"),
        ("post", "//elsewhere.example/steal", False, "/fallback/"),
        ("post", "http://testserver/fr/needs/", True, "/fallback/"),
        ("post", "", False, "/fallback/"),
    ],
)
def test_a_next_address_is_followed_only_when_it_is_of_this_site(rf, method, target, secure, expected):
    from harambee.core.web import safe_next

    # given a request that carries a "next" address
    request = getattr(rf, method)("/x/", {"next": target}, secure=secure)
    # then it is followed only when it is of this site (and not from https down to http)
    assert safe_next(request, "/fallback/") == expected
