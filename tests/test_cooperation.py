"""Cooperations from agreement to results: tracking services, freshness, reminders, pledges, the
web pages and the role × action grid."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from conftest import ROLES
from harambee.cooperation import services
from harambee.cooperation.models import Cooperation, CooperationOrigin
from harambee.cooperation.selectors import delivered, pledges_with_delivery
from harambee.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def cooperation(cast):
    # Tsinghua (provider, other_manager) trains people of UNZA (beneficiary: manager, editor, viewer)
    return Cooperation.objects.create(
        title="AI course for UNZA staff",
        provider=cast.other_member,
        beneficiary=cast.member,
        origin=CooperationOrigin.DIRECT,
        units=Decimal(5),
    )


def test_progress_results_and_money_are_tracked_by_both_sides(cast, cooperation):
    # when the beneficiary reports progress and the provider records results, budget and money
    update = services.progress_report(
        cooperation=cooperation,
        actor=cast.editor,
        percent=40,
        narrative="First cohort trained.",
        links=["https://example.org/report.pdf"],
    )
    result = services.result_add(
        cooperation=cooperation,
        actor=cast.other_manager,
        title="Staff trained",
        indicators=[{"title": "People trained", "baseline_year": 2025, "baseline": 0, "target": 30}],
    )
    indicator = result.indicators.get()
    services.indicator_report(
        indicator=indicator, actor=cast.other_manager, actual=22, disaggregation={"sex": {"female": 12, "male": 10}}
    )
    services.budget_add(
        cooperation=cooperation,
        actor=cast.other_manager,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        value=Decimal(50000),
        currency="USD",
        value_date=date(2026, 1, 1),
    )
    services.transaction_add(
        cooperation=cooperation,
        actor=cast.other_manager,
        type="3",
        date=date(2026, 3, 1),
        value=Decimal(20000),
        currency="USD",
        description="First instalment",
    )
    # then everything is stored, the provider is told of the progress and freshness is green
    cooperation.refresh_from_db()
    assert cooperation.last_progress_at == update.created_at
    assert update.member == cast.member and update.links == ["https://example.org/report.pdf"]
    indicator.refresh_from_db()
    assert (indicator.actual, indicator.disaggregation) == (22, {"sex": {"female": 12, "male": 10}})
    assert list(Notification.objects.values_list("recipient__email", "kind")) == [
        ("other@example.org", "cooperation_progress")
    ]
    assert cooperation.freshness(timezone.localdate()) == "green"


@pytest.mark.parametrize(
    "months, expected", [(0, "green"), (11, "green"), (12, "amber"), (23, "amber"), (24, "red"), (36, "inactive")]
)
def test_freshness_follows_the_age_of_the_last_update(cast, cooperation, months, expected):
    today = date(2026, 11, 26)
    year, month = divmod(today.month - 1 - months, 12)
    cooperation.last_progress_at = timezone.make_aware(timezone.datetime(today.year + year, month + 1, 26))
    assert cooperation.freshness(today) == expected


def test_bad_values_are_refused_with_the_field_and_nothing_is_written(cast, cooperation):
    with pytest.raises(ValidationError) as error:
        services.cooperation_update(
            cooperation=cooperation,
            actor=cast.manager,
            data={
                "dac_sectors": [{"code": "11430", "percentage": 60}, {"code": "1543", "percentage": 30}],
                "currency": "XYZ",
                "activity_status": "9",
                "planned_start": date(2026, 5, 1),
                "planned_end": date(2026, 1, 1),
            },
        )
    assert set(error.value.message_dict) == {"dac_sectors", "currency", "activity_status", "planned_end"}
    assert "Sector percentages add up to 90, not 100." in error.value.message_dict["dac_sectors"]
    with pytest.raises(ValidationError, match="at most one year"):
        services.budget_add(
            cooperation=cooperation,
            actor=cast.manager,
            period_start=date(2026, 1, 1),
            period_end=date(2027, 6, 30),
            value=Decimal(1),
            currency="USD",
            value_date=date(2026, 1, 1),
        )
    with pytest.raises(ValidationError):
        services.progress_report(
            cooperation=cooperation, actor=cast.manager, percent=140, narrative="", links=["javascript:alert(1)"]
        )
    with pytest.raises(ValidationError, match="exceed the total"):
        result = services.result_add(
            cooperation=cooperation, actor=cast.manager, title="R", indicators=[{"title": "I", "target": 5}]
        )
        services.indicator_report(
            indicator=result.indicators.get(),
            actor=cast.manager,
            actual=3,
            disaggregation={"sex": {"female": 3, "male": 2}},
        )
    cooperation.refresh_from_db()
    assert cooperation.currency == "USD" and cooperation.budgets.count() == 0 and cooperation.updates.count() == 0


def test_valid_iati_fields_are_saved(cast, cooperation):
    services.cooperation_update(
        cooperation=cooperation,
        actor=cast.other_manager,
        data={
            "dac_sectors": [{"code": "11430", "percentage": 50}, {"code": "15110", "percentage": 50}],
            "aid_type": "D02",
            "collaboration_type": "8",
            "currency": "EUR",
        },
    )
    cooperation.refresh_from_db()
    assert cooperation.dac_sectors == [{"code": "11430", "percentage": 50.0}, {"code": "15110", "percentage": 50.0}]
    assert (cooperation.aid_type, cooperation.collaboration_type, cooperation.currency) == ("D02", "8", "EUR")


def test_reminders_before_milestones_and_when_progress_is_due(cast, cooperation):
    today = date(2026, 11, 26)
    services.milestone_add(
        cooperation=cooperation, actor=cast.manager, title="Second cohort", due=today + timedelta(days=7)
    )
    services.milestone_add(
        cooperation=cooperation, actor=cast.manager, title="Final report", due=today + timedelta(days=90)
    )
    Cooperation.objects.filter(pk=cooperation.pk).update(created_at=timezone.now() - timedelta(days=400))
    call_command("cooperations", "housekeeping", "--today", today.isoformat(), stdout=open("/dev/null", "w"))
    kinds = sorted(set(Notification.objects.values_list("kind", flat=True)))
    assert kinds == ["milestone_due", "progress_due"]
    recipients = set(Notification.objects.filter(kind="milestone_due").values_list("recipient__email", flat=True))
    assert recipients == {"manager@example.org", "editor@example.org", "other@example.org"}
    # and not twice
    before = Notification.objects.count()
    assert services.cooperations_send_reminders(today=today) == 0
    assert Notification.objects.count() == before


def test_pledges_are_drawn_down_by_cooperations(cast, cooperation):
    seats = services.pledge_create(
        member=cast.other_member,
        actor=cast.other_manager,
        title="200 seats a year",
        unit="seats",
        value=Decimal(200),
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    money = services.pledge_create(
        member=cast.other_member,
        actor=cast.other_manager,
        title="AI fund",
        unit="amount",
        value=Decimal(1_000_000),
        currency="USD",
        period_start=date(2026, 1, 1),
        period_end=date(2027, 12, 31),
    )
    services.cooperation_draw_pledge(cooperation=cooperation, pledge=seats, actor=cast.other_manager)
    other = Cooperation.objects.create(
        title="Grant", provider=cast.other_member, beneficiary=cast.member, origin=CooperationOrigin.DIRECT
    )
    services.cooperation_draw_pledge(cooperation=other, pledge=money, actor=cast.other_manager)
    services.transaction_add(
        cooperation=other,
        actor=cast.other_manager,
        type="3",
        date=date(2026, 2, 1),
        value=Decimal(250_000),
        currency="USD",
    )
    services.transaction_add(
        cooperation=other,
        actor=cast.other_manager,
        type="2",
        date=date(2026, 1, 15),
        value=Decimal(900_000),
        currency="USD",
    )  # a commitment is not delivery
    rows = {p.title: delivered(p) for p in pledges_with_delivery()}
    assert rows == {"200 seats a year": Decimal(5), "AI fund": Decimal(250_000)}
    with pytest.raises(ValidationError, match="pledge of its provider"):
        beneficiary_pledge = services.pledge_create(
            member=cast.member,
            actor=cast.manager,
            title="Ours",
            unit="seats",
            value=Decimal(3),
            period_start=date(2026, 1, 1),
            period_end=date(2026, 2, 1),
        )
        services.cooperation_draw_pledge(cooperation=cooperation, pledge=beneficiary_pledge, actor=cast.manager)


REPORTERS = {"manager", "editor", "other_manager", "secretariat"}


@pytest.mark.parametrize("role", ROLES)
def test_permission_grid(client, cast, cooperation, role):
    user = cast.user(role)
    if user:
        client.force_login(user)
    assert client.get("/en/cooperations/").status_code == 200
    assert client.get(f"/en/cooperations/{cooperation.pk}/").status_code == 200
    page = client.get(f"/en/cooperations/{cooperation.pk}/").content.decode()
    assert ("Report progress" in page) == (role in REPORTERS), role
    response = client.post(
        reverse("cooperation:action", args=[cooperation.pk, "progress"]), {"percent": "10", "narrative": "Started"}
    )
    assert cooperation.updates.exists() == (role in REPORTERS), role
    if role not in REPORTERS:
        assert response.status_code == (302 if role == "anonymous" else 403)
    # a private cooperation is hidden from the public and from outsiders
    Cooperation.objects.filter(pk=cooperation.pk).update(is_public=False)
    expected = 404 if role in {"anonymous", "outsider"} else 200
    assert client.get(f"/en/cooperations/{cooperation.pk}/").status_code == expected, role
    assert client.get("/en/pledges/").status_code == 200
    mine = client.get("/en/my/cooperations/")
    assert mine.status_code == (302 if role == "anonymous" else 200)


def test_the_web_forms_report_progress_and_results(client, cast, cooperation):
    client.force_login(cast.manager)
    client.post(
        reverse("cooperation:action", args=[cooperation.pk, "result"]),
        {"title": "Staff trained", "type": "1", "indicator": "People trained", "target": "30"},
    )
    indicator = cooperation.results.get().indicators.get()
    client.post(
        reverse("cooperation:action", args=[cooperation.pk, "indicator"]),
        {"indicator": indicator.pk, "actual": "20", "female": "11", "male": "9"},
    )
    client.post(
        reverse("cooperation:action", args=[cooperation.pk, "details"]),
        {
            "status": "ongoing",
            "sector_1": "11430",
            "share_1": "70",
            "sector_2": "15110",
            "share_2": "30",
            "aid_type": "D02",
            "finance_type": "110",
            "flow_type": "10",
            "collaboration_type": "1",
            "activity_status": "2",
            "currency": "USD",
        },
    )
    page = client.get(f"/fr/cooperations/{cooperation.pk}/").content.decode()
    cooperation.refresh_from_db()
    assert cooperation.status == "ongoing" and cooperation.dac_sectors[0] == {"code": "11430", "percentage": 70.0}
    assert "People trained" in page and "11430 (70\xa0%)" in page  # French: a no-break space


@pytest.mark.parametrize("role", ROLES)
def test_api_permission_grid(client, cast, cooperation, role):
    from harambee.accounts.services import api_token_create

    user = cast.user(role)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user, name='t').key}"} if user else {}
    assert client.get("/api/v1/cooperations", **headers).json()["items"][0]["id"] == cooperation.pk
    assert client.get(f"/api/v1/cooperations/{cooperation.pk}", **headers).status_code == 200
    response = client.post(
        f"/api/v1/cooperations/{cooperation.pk}/progress",
        {"percent": 50, "narrative": "Half"},
        content_type="application/json",
        **headers,
    )
    expected = 201 if role in REPORTERS else 401 if role == "anonymous" else 403
    assert response.status_code == expected, (role, response.content)
    response = client.post(
        "/api/v1/pledges",
        {
            "member": "tsinghua",
            "title": "Seats",
            "unit": "seats",
            "value": 10,
            "period_start": "2026-01-01",
            "period_end": "2026-12-31",
        },
        content_type="application/json",
        **headers,
    )
    allowed = role in {"other_manager", "secretariat"}
    assert response.status_code == (201 if allowed else 401 if role == "anonymous" else 403), (role, response.content)
    assert client.get("/api/v1/pledges").json()["count"] == (1 if allowed else 0)


def _tracked(cast):
    from harambee.postings.services import posting_create
    from harambee.postings.validation import parse_posting

    raw = {
        "id": "O-IATI",
        "kind": "offer",
        "member": "tsinghua",
        "language": "zh",
        "title": "公务员人工智能培训",
        "description": "培训。",
        "modalities": ["training"],
        "themes": ["skills", "governance"],
        "channel": "south_south",
        "start": "2026-10-01",
        "end": "2027-03-31",
    }
    offer = posting_create(
        actor=cast.secretariat, member=cast.other_member, data=parse_posting(raw), status="published"
    )
    cooperation = Cooperation.objects.create(
        title="公务员人工智能培训 → UNZA",
        provider=cast.other_member,
        beneficiary=cast.member,
        offer=offer,
        origin=CooperationOrigin.MATCH,
        **services.iati_fields_for(offer),
    )
    services.budget_add(
        cooperation=cooperation,
        actor=cast.other_manager,
        period_start=date(2026, 10, 1),
        period_end=date(2027, 9, 30),
        value=Decimal(10000),
        currency="USD",
        value_date=date(2026, 10, 1),
    )
    services.transaction_add(
        cooperation=cooperation,
        actor=cast.other_manager,
        type="3",
        date=date(2026, 10, 2),
        value=Decimal(4000),
        currency="USD",
        description="First cohort",
    )
    result = services.result_add(
        cooperation=cooperation,
        actor=cast.other_manager,
        title="Staff trained",
        indicators=[{"title": "People trained", "baseline_year": 2026, "baseline": 0, "target": 10}],
    )
    services.indicator_report(
        indicator=result.indicators.get(),
        actor=cast.other_manager,
        actual=8,
        disaggregation={"sex": {"female": 5, "male": 3}},
    )
    return cooperation


def test_iati_defaults_export_validates_and_import_round_trips(cast, tmp_path):
    import re

    from harambee import iati
    from harambee.cooperation.iati_export import cooperations_to_iati_xml, iati_import

    cooperation = _tracked(cast)
    # given defaults derived from the offer (training, South-South; skills + governance)
    assert (cooperation.aid_type, cooperation.collaboration_type, cooperation.finance_type) == ("D02", "1", "110")
    assert cooperation.dac_sectors == [{"code": "11430", "percentage": 50.0}, {"code": "15110", "percentage": 50.0}]
    # when exported, the XML validates against the official schema and the IATI rules
    first = cooperations_to_iati_xml([cooperation])
    assert iati.validate_activities_xml(first) == []
    # and importing it updates the same cooperation instead of adding one, then exports the same activity
    outcome = iati_import(data=first)
    assert (outcome.created, outcome.updated, outcome.errors) == (0, 1, [])
    again = cooperations_to_iati_xml([Cooperation.objects.get(pk=cooperation.pk)])

    def stable(xml: bytes) -> bytes:
        return re.sub(rb'(generated|last-updated)-datetime="[^"]+"', b"", xml)

    assert stable(again) == stable(first)
    assert Cooperation.objects.count() == 1
    indicator = Cooperation.objects.get().results.get().indicators.get()
    assert (indicator.actual, indicator.disaggregation) == (8, {"sex": {"female": 5, "male": 3}})


def test_iati_commands_export_and_refuse_bad_files(cast, tmp_path):
    from django.core.management import CommandError

    cooperation = _tracked(cast)
    out = tmp_path / "export.xml"
    call_command("export", "iati", "--member", "tsinghua", "--out", str(out), stdout=open("/dev/null", "w"))
    assert b"<iati-identifier>HARAMBEE-TSINGHUA-COOP-" in out.read_bytes()
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xxxxxxxxxx"><!ENTITY y "&x;&x;&x;&x;">]>'
        "<iati-activities>&y;</iati-activities>"
    )
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import", "iati", str(bomb), stdout=open("/dev/null", "w"), stderr=open("/dev/null", "w"))
    broken = tmp_path / "broken.xml"
    broken.write_text(out.read_text().replace("</iati-activities>", ""))
    with pytest.raises(CommandError):
        call_command("import", "iati", str(broken), stdout=open("/dev/null", "w"), stderr=open("/dev/null", "w"))
    assert Cooperation.objects.count() == 1 and cooperation.pk
    call_command("import", "iati", str(out), stdout=open("/dev/null", "w"))
    assert Cooperation.objects.count() == 1


@pytest.mark.parametrize("path", ["/en/cooperations/", "/en/pledges/", "/en/my/cooperations/"])
def test_query_budget_of_cooperation_pages(client, cast, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(cast.manager)
    counts = []
    for count in (2, 8):
        while Cooperation.objects.count() < count:
            cooperation = Cooperation.objects.create(
                title=f"C{Cooperation.objects.count()}",
                provider=cast.other_member,
                beneficiary=cast.member,
                origin=CooperationOrigin.DIRECT,
            )
            pledge = services.pledge_create(
                member=cast.other_member,
                actor=cast.other_manager,
                title="P",
                unit="seats",
                value=Decimal(5),
                period_start=date(2026, 1, 1),
                period_end=date(2026, 2, 1),
            )
            services.cooperation_draw_pledge(cooperation=cooperation, pledge=pledge, actor=cast.other_manager)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 9


def test_csv_export_puts_names_next_to_codes(cast, tmp_path):
    import csv

    _tracked(cast)
    out = tmp_path / "cooperations.csv"
    call_command("export", "cooperations", "--out", str(out), stdout=open("/dev/null", "w"))
    (row,) = list(csv.DictReader(out.open(encoding="utf-8")))
    assert (row["aid_type"], row["aid_type_name"]) == ("D02", "Other technical assistance")
    assert row["sectors"] == "11430 (50%); 15110 (50%)"
    assert (
        row["sector_names"]
        == "Advanced technical and managerial training; Public sector policy and administrative management"
    )
    assert (row["provider"], row["provider_name"]) == ("TSINGHUA", "Tsinghua University")


@pytest.mark.parametrize("role", ROLES)
def test_entering_a_cooperation_directly(client, cast, role):
    user = cast.user(role)
    if user:
        client.force_login(user)
    data = {
        "provider": "tsinghua",
        "beneficiary": "unza",
        "title": "Joint lab",
        "modality": "joint_research",
        "themes": ["research_models"],
        "channel": "triangular",
        "planned_start": "2026-12-01",
        "planned_end": "2027-11-30",
    }
    response = client.post(reverse("cooperation:new"), data)
    created = Cooperation.objects.filter(title="Joint lab").first()
    assert (created is not None) == (role in {"other_manager", "secretariat"}), role
    if created:
        assert (created.origin, created.collaboration_type, created.aid_type) == ("direct", "8", "D02")
        assert created.dac_sectors == [{"code": "43082", "percentage": 100.0}]
    elif role != "anonymous":
        assert response.status_code in (200, 403)


def test_a_cooperation_draws_down_a_pledge_from_its_page(client, cast, cooperation):
    pledge = services.pledge_create(
        member=cast.other_member,
        actor=cast.other_manager,
        title="Seats 2026",
        unit="seats",
        value=Decimal(50),
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    client.force_login(cast.other_manager)
    assert "Seats 2026" in client.get(f"/en/cooperations/{cooperation.pk}/").content.decode()
    client.post(reverse("cooperation:action", args=[cooperation.pk, "pledge"]), {"pledge": pledge.pk})
    cooperation.refresh_from_db()
    assert cooperation.pledge == pledge
    row = pledges_with_delivery().get(pk=pledge.pk)
    assert delivered(row) == Decimal(5)
    response = client.post(reverse("cooperation:action", args=[cooperation.pk, "pledge"]), {"pledge": 999}, follow=True)
    assert "Choose one of the provider" in response.content.decode()


def test_a_part_of_another_cooperation_is_refused_not_a_server_error(client, cast, cooperation):
    other = Cooperation.objects.create(
        title="Other", provider=cast.member, beneficiary=cast.other_member, origin="direct"
    )
    result = services.result_add(cooperation=other, actor=cast.manager, title="R", indicators=[{"title": "I"}])
    milestone = services.milestone_add(cooperation=other, actor=cast.manager, title="M", due=date(2027, 1, 1))
    client.force_login(cast.manager)
    page = client.post(
        reverse("cooperation:action", args=[cooperation.pk, "indicator"]),
        {"indicator": result.indicators.get().pk, "actual": "3"},
        follow=True,
    ).content.decode()
    assert "This cooperation has no such indicator." in page
    page = client.post(
        reverse("cooperation:action", args=[cooperation.pk, "milestone_done"]),
        {"milestone": milestone.pk, "done_on": "2026-12-01"},
        follow=True,
    ).content.decode()
    assert "This cooperation has no such milestone." in page
    assert (
        result.indicators.get().actual is None and Cooperation.objects.get(pk=other.pk).milestones.get().done_at is None
    )
