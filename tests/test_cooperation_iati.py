"""IATI on cooperations: imports through the services (checked, audited, all or nothing, idempotent),
codes shown with their names and offered as labelled choices."""

import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from harambee import iati
from harambee.audit.models import AuditEntry
from harambee.cooperation import forms
from harambee.cooperation.iati_export import cooperations_to_iati_xml, iati_import, org_ref
from harambee.cooperation.models import Budget, Cooperation, CooperationOrigin, Indicator, Result, Transaction
from harambee.core.iati import code_label

pytestmark = pytest.mark.django_db

GENERATED = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def activity(cast, suffix: str = "PROJ-1", **changes) -> iati.IatiActivity:
    """An activity of Tsinghua (reporting) for UNZA (implementing) as another publisher would write it."""
    ref = org_ref(cast.other_member)
    values = {
        "identifier": iati.iati_identifier(reporting_org_ref=ref, suffix=suffix),
        "reporting_org": iati.ReportingOrg(ref=ref, type="80", names={"en": "Tsinghua University"}),
        "title": {"en": "Data governance clinic"},
        "description": {"en": "Three clinics for the statistics office."},
        "participating_orgs": [
            iati.ParticipatingOrg(role="1", ref=ref, type="80", names={"en": "Tsinghua University"}),
            iati.ParticipatingOrg(role="4", ref=org_ref(cast.member), type="80", names={"en": "UNZA"}),
        ],
        "activity_status": "2",
        "planned_start": date(2026, 1, 1),
        "planned_end": date(2026, 12, 31),
        "recipient_countries": [iati.RecipientCountry(code="ZM")],
        "sectors": [iati.Sector(code="16062")],
        "collaboration_type": "1",
        "default_flow_type": "10",
        "default_finance_type": "110",
        "default_aid_type": "C01",
        "default_currency": "USD",
        "default_language": "en",
        "budgets": [
            iati.Budget(
                period_start=date(2026, 1, 1),
                period_end=date(2026, 12, 31),
                value=iati.Value(amount=Decimal("30000"), value_date=date(2026, 1, 1)),
            )
        ],
        "transactions": [
            iati.Transaction(
                transaction_type="2",
                transaction_date=date(2026, 1, 10),
                value=iati.Value(amount=Decimal("30000"), value_date=date(2026, 1, 10)),
                description={"en": "Agreement signed"},
            ),
            iati.Transaction(
                transaction_type="3",
                transaction_date=date(2026, 2, 1),
                value=iati.Value(amount=Decimal("10000.50"), value_date=date(2026, 2, 1)),
            ),
        ],
        "results": [
            iati.Result(
                type="1",
                title={"en": "Statisticians trained"},
                indicators=[
                    iati.Indicator(
                        title={"en": "Number trained"},
                        baseline_year=2025,
                        baseline_value=Decimal(0),
                        periods=[
                            iati.ResultPeriod(
                                period_start=date(2026, 1, 1),
                                period_end=date(2026, 12, 31),
                                targets=[iati.IndicatorValue(value=Decimal(20))],
                                actuals=[
                                    iati.IndicatorValue(value=Decimal(14)),
                                    iati.IndicatorValue(value=Decimal(9), dimensions={"sex": "female"}),
                                    iati.IndicatorValue(value=Decimal(5), dimensions={"sex": "male"}),
                                ],
                            )
                        ],
                    )
                ],
            )
        ],
    }
    values.update(changes)
    return iati.IatiActivity(**values)


def file_of(*activities: iati.IatiActivity) -> bytes:
    return iati.activities_to_xml(list(activities), generated_datetime=GENERATED)


def state() -> list:
    """Everything an import writes, comparable before and after."""
    return [
        list(Cooperation.objects.order_by("pk").values()),
        list(Budget.objects.order_by("pk").values()),
        list(Transaction.objects.order_by("pk").values()),
        list(Result.objects.order_by("pk").values()),
        list(Indicator.objects.order_by("pk").values()),
        AuditEntry.objects.count(),
    ]


def test_an_import_writes_one_audit_entry_per_created_object(cast):
    # given a file with one activity: a budget, two transactions, a result with one indicator
    before = set(AuditEntry.objects.values_list("pk", flat=True))

    # when the system imports it
    outcome = iati_import(data=file_of(activity(cast)))

    # then one cooperation with all its parts exists, as the services store them
    assert (outcome.created, outcome.updated, outcome.unchanged, outcome.errors) == (1, 0, 0, [])
    cooperation = Cooperation.objects.get(iati_identifier="HARAMBEE-TSINGHUA-PROJ-1")
    assert (cooperation.provider, cooperation.beneficiary, cooperation.aid_type) == (
        cast.other_member,
        cast.member,
        "C01",
    )
    indicator = Indicator.objects.get()
    assert (indicator.target, indicator.actual, indicator.disaggregation) == (20, 14, {"sex": {"female": 9, "male": 5}})
    # and each created object has exactly one audit entry: created, by the system
    created = {("cooperation", cooperation.pk)}
    created |= {("budget", pk) for pk in Budget.objects.values_list("pk", flat=True)}
    created |= {("transaction", pk) for pk in Transaction.objects.values_list("pk", flat=True)}
    created |= {("result", pk) for pk in Result.objects.values_list("pk", flat=True)}
    created |= {("indicator", indicator.pk)}
    entries = AuditEntry.objects.exclude(pk__in=before).select_related("content_type")
    assert sorted((e.content_type.model, int(e.object_id), e.action, e.actor_label) for e in entries) == sorted(
        (model, pk, "create", "system") for model, pk in created
    )
    assert len(created) == 6


@pytest.mark.parametrize(
    ("field", "attribute", "code", "codelist"),
    [
        ("aid_type", "default_aid_type", "Z99", "AidType"),
        ("finance_type", "default_finance_type", "111", "FinanceType"),  # withdrawn from the codelist
    ],
)
def test_an_invalid_code_in_the_file_is_refused_with_the_message_of_the_web_form(
    client, cast, field, attribute, code, codelist
):
    # given the web form's message for the code
    cooperation = Cooperation.objects.create(
        title="Course", provider=cast.other_member, beneficiary=cast.member, origin=CooperationOrigin.DIRECT
    )
    client.force_login(cast.other_manager)
    data = {
        "status": "agreed",
        "aid_type": "D02",
        "finance_type": "110",
        "flow_type": "10",
        "collaboration_type": "1",
        "activity_status": "2",
        "currency": "USD",
        field: code,
    }
    (form_message,) = forms.DetailsForm(data).errors[field]
    page = client.post(reverse("cooperation:action", args=[cooperation.pk, "details"]), data, follow=True)
    assert form_message == f"{code} is not a code of the IATI {codelist} codelist."
    assert form_message in page.content.decode()
    entries = AuditEntry.objects.count()

    # when a file with that code is imported
    outcome = iati_import(data=file_of(activity(cast, **{attribute: code})))

    # then it is refused with the same message, and nothing is written
    assert outcome.errors == [f"HARAMBEE-TSINGHUA-PROJ-1: {form_message}"]
    assert (outcome.created, outcome.updated, outcome.unchanged) == (0, 0, 0)
    assert list(Cooperation.objects.values_list("pk", flat=True)) == [cooperation.pk]
    assert AuditEntry.objects.count() == entries


def test_reimporting_the_same_file_changes_nothing_and_says_so(cast):
    # given a file imported once
    data = file_of(activity(cast), activity(cast, suffix="PROJ-2", results=[]))
    assert iati_import(data=data).created == 2
    written = state()

    # when it is imported again
    outcome = iati_import(data=data)

    # then both activities are reported unchanged and not a row nor an audit entry differs
    assert (outcome.created, outcome.updated, outcome.unchanged, outcome.errors) == (0, 0, 2, [])
    assert state() == written


def test_the_export_of_an_imported_cooperation_imports_back_unchanged(cast):
    # given an imported cooperation, exported from here (its identifier becomes <ref>-COOP-<id>)
    iati_import(data=file_of(activity(cast)))
    exported = cooperations_to_iati_xml(list(Cooperation.objects.all()))
    assert iati.validate_activities_xml(exported) == []
    first = iati_import(data=exported)
    written = state()

    # when the export is imported a second time
    second = iati_import(data=exported)

    # then the first import only recorded the identifier, and the second changes nothing
    assert (first.created, first.updated, first.errors) == (0, 1, [])
    assert (second.created, second.updated, second.unchanged, second.errors) == (0, 0, 1, [])
    assert state() == written


def test_a_changed_file_writes_only_the_differences_through_the_services(cast):
    # given an imported activity
    iati_import(data=file_of(activity(cast)))
    cooperation = Cooperation.objects.get()
    before = set(AuditEntry.objects.values_list("pk", flat=True))
    first_transaction = Transaction.objects.get(type="2")

    # when the file comes back with a new actual, the disbursement gone and a revised budget
    changed = activity(cast)
    changed.transactions = changed.transactions[:1]
    changed.budgets[0].value.amount = Decimal("35000")
    changed.results[0].indicators[0].periods[0].actuals = [iati.IndicatorValue(value=Decimal(18))]
    outcome = iati_import(data=file_of(changed))

    # then the activity is updated part by part, each write audited; the rest is untouched
    assert (outcome.created, outcome.updated, outcome.unchanged, outcome.errors) == (0, 1, 0, [])
    entries = AuditEntry.objects.exclude(pk__in=before).select_related("content_type")
    assert sorted((e.content_type.model, e.action) for e in entries) == [
        ("budget", "create"),
        ("budget", "delete"),
        ("indicator", "update"),
        ("transaction", "delete"),
    ]
    assert list(cooperation.transactions.all()) == [first_transaction]
    assert cooperation.budgets.get().value == Decimal("35000")
    assert (Indicator.objects.get().actual, Indicator.objects.get().disaggregation) == (18, {})


def test_one_bad_activity_means_nothing_of_the_file_is_written(cast):
    # given a file whose second activity has an aid type the AidType codelist does not have
    bad = activity(cast, suffix="PROJ-2", default_aid_type="D021")
    written = state()

    # when it is imported
    outcome = iati_import(data=file_of(activity(cast), bad))

    # then the problem is named and nothing at all is written, not even the good activity
    assert outcome.errors == ["HARAMBEE-TSINGHUA-PROJ-2: D021 is not a code of the IATI AidType codelist."]
    assert state() == written


def test_people_import_only_for_the_providers_they_act_for(cast):
    # given a file of Tsinghua's activity
    data = file_of(activity(cast))

    # when UNZA's manager imports it, then it is refused and nothing is written
    refused = iati_import(data=data, actor=cast.manager)
    assert refused.errors == [
        "HARAMBEE-TSINGHUA-PROJ-1: Only the provider's editors and managers may enter its cooperations."
    ]
    assert Cooperation.objects.count() == 0

    # when Tsinghua's manager imports it, then it is written in their name
    assert iati_import(data=data, actor=cast.other_manager).created == 1
    assert set(AuditEntry.objects.values_list("actor_label", flat=True)) == {"other@example.org"}


def test_the_cooperation_page_names_each_iati_code(client, cast):
    # given a cooperation with IATI codes
    cooperation = Cooperation.objects.create(
        title="Course",
        provider=cast.other_member,
        beneficiary=cast.member,
        origin=CooperationOrigin.DIRECT,
        aid_type="D02",
        collaboration_type="8",
        dac_sectors=[{"code": "11430", "percentage": 100.0}],
    )

    # when its page is shown in English and in French
    english = client.get(f"/en/cooperations/{cooperation.pk}/").content.decode()
    french = client.get(f"/fr/cooperations/{cooperation.pk}/").content.decode()

    # then each code comes with its name, in the page's language
    for text in (
        "<bdi>D02</bdi> — Other technical assistance",
        "<bdi>110</bdi> — Standard grant",
        "<bdi>10</bdi> — ODA",
        "<bdi>8</bdi> — Bilateral, triangular co-operation",
        "<bdi>2</bdi> — Implementation",
        "<bdi>11430 (100%)</bdi> — Advanced technical and managerial training",
    ):
        assert text in english
    with translation.override("fr"):
        aid_type = code_label("AidType", "D02")
    assert aid_type != "Other technical assistance" and f"<bdi>D02</bdi> — {escape(aid_type)}" in french
    assert "Formation technique supérieure de gestion" in french  # the codelist's own French


def test_the_cooperation_forms_offer_the_codelists_as_labelled_choices(client, cast):
    # given a person who reports on a cooperation
    cooperation = Cooperation.objects.create(
        title="Course", provider=cast.other_member, beneficiary=cast.member, origin=CooperationOrigin.DIRECT
    )
    client.force_login(cast.other_manager)

    # when the page is shown
    page = client.get(f"/en/cooperations/{cooperation.pk}/").content.decode()

    # then the IATI fields are selects of the codes in use, labelled and grouped by category
    aid_types = re.search(r'<select name="aid_type".*?</select>', page, re.S).group(0)
    assert '<optgroup label="Experts and other technical assistance">' in aid_types
    assert '<option value="D02" dir="auto">D02 — Other technical assistance</option>' in aid_types
    finance_types = re.search(r'<select name="finance_type".*?</select>', page, re.S).group(0)
    assert '<option value="110" dir="auto" selected>110 — Standard grant</option>' in finance_types
    assert 'value="111"' not in finance_types  # withdrawn
    for name in ("flow_type", "collaboration_type", "activity_status"):
        assert f'<select name="{name}"' in page
    transaction_types = re.search(r'<select name="type"[^>]*id="transaction-type".*?</select>', page, re.S)
    assert transaction_types is not None
    assert len(re.findall(r"<option", aid_types)) == len(iati.codelist("AidType").codes()) + 1  # and "—"


def test_the_date_pickers_keep_their_dates_in_every_language(client, cast):
    # given a cooperation with a planned start, and a person who reports on it
    cooperation = Cooperation.objects.create(
        title="Course",
        provider=cast.other_member,
        beneficiary=cast.member,
        origin=CooperationOrigin.DIRECT,
        planned_start=date(2026, 10, 12),
    )
    client.force_login(cast.other_manager)

    # when the page is shown in French (whose date format is 12/10/2026)
    page = client.get(f"/fr/cooperations/{cooperation.pk}/").content.decode()

    # then the date picker holds the ISO date a browser understands, so saving keeps it
    assert '<input type="date" name="planned_start" value="2026-10-12"' in page


def test_a_members_iati_organisation_type_is_a_code_in_use_on_the_codelist(cast):
    from django.core.exceptions import ValidationError

    from harambee.registry.services import member_update

    # when a manager sets an organisation type the OrganisationType codelist does not have
    with pytest.raises(ValidationError) as error:
        member_update(member=cast.member, actor=cast.manager, data={"iati_org_type": "99"})

    # then it is refused with the codelist's message, and a code of the list is accepted
    assert error.value.message_dict == {"iati_org_type": ["99 is not a code of the IATI OrganisationType codelist."]}
    assert member_update(member=cast.member, actor=cast.manager, data={"iati_org_type": "21"}).iati_org_type == "21"


def test_aid_types_from_before_the_codelist_become_the_code_they_belong_to(cast):
    import importlib

    from django.apps import apps

    from harambee.cooperation import services

    # given a cooperation stored with the old default D021, which no AidType codelist has
    migration = importlib.import_module("harambee.cooperation.migrations.0005_aid_types_not_on_the_iati_codelist")
    cooperation = Cooperation.objects.create(
        title="Course", provider=cast.other_member, beneficiary=cast.member, origin="direct", aid_type="D021"
    )

    # when the data migration runs
    migration.forwards(apps, None)

    # then it holds D02, and the cooperation can be edited again
    cooperation.refresh_from_db()
    assert cooperation.aid_type == "D02"
    services.cooperation_update(cooperation=cooperation, actor=cast.manager, data={"status": "ongoing"})
