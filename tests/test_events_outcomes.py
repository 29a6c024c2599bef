"""Outcomes of an event (issue 13 item 7): turning an action item into a need, an offer, a pledge or a
cooperation in one step (fields, origin, links both ways, audit; bad input writes nothing), the
evaluation survey (once, approved delegates only, after the start; exact aggregates), the report's
figures on a small case, the role × action grid of every new view and the report's query budget."""

from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import ROLES
from harambee.accounts.tests.factories import UserFactory
from harambee.audit.models import AuditEntry
from harambee.cooperation.models import Cooperation, Pledge
from harambee.events import action_states
from harambee.events.choices import ActionStatus, RegistrationStatus
from harambee.events.models import ActionItem, Attendance, SessionNote, SurveyParticipation, SurveyResponse
from harambee.events.outcomes import (
    ConversionInput,
    NoteTranslationInput,
    action_convert,
    action_move,
    session_note_save,
    survey_submit,
)
from harambee.events.outcomes_selectors import event_report, report_pairings_hook, survey_summary
from harambee.events.tests.factories import make_event, make_session
from harambee.events.tests.factories_outcomes import make_action, make_registration
from harambee.postings.models import Posting
from harambee.registry.models import Country, Member
from harambee.registry.tests.factories import OrganisationFactory, StateFactory

pytestmark = pytest.mark.django_db

LOGIN = "login"


@pytest.fixture(autouse=True)
def fresh_pages(settings, tmp_path):
    settings.HARAMBEE_PAGE_CACHE_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def outcome(cast):
    """The cast's member hosts a published, past event with a session held; a delegate of the other
    member is approved and has an account; an action item is owned by the host, one by the other member."""
    event = make_event(cast.member)
    session = make_session(event)
    delegate = UserFactory(email="delegate@example.org")
    registration = make_registration(event, cast.other_member, user=delegate, sex="female", name="Chanda Mwila")
    item = make_action(event, cast.member, description="Train 30 civil servants in AI procurement.")
    other_item = make_action(event, cast.other_member, title="Host a study visit")
    return {
        "event": event, "session": session, "delegate": delegate, "registration": registration, "item": item,
        "other_item": other_item,
    }  # fmt: skip


def _entries(model, **filters):
    return AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(model), **filters)


def _writes() -> tuple[int, ...]:
    return (
        Posting.objects.count(),
        Pledge.objects.count(),
        Cooperation.objects.count(),
        AuditEntry.objects.count(),
        ActionItem.objects.exclude(converted_at=None).count(),
    )


# ---------------------------------------------------------------------------------------------------
# Turning an action item into a need, an offer, a pledge or a cooperation


@pytest.mark.parametrize("kind", ["need", "offer"])
def test_an_action_item_becomes_a_need_or_an_offer_of_its_owner(kind, cast, outcome):
    # given the host's action item
    item = outcome["item"]
    # when the host's manager turns it into a need (or an offer), prefilled text kept
    data = ConversionInput(
        title=item.title, description=item.description, language="en", modalities=["training"], themes=["skills"]
    )
    item = action_convert(item=item, actor=cast.manager, kind=kind, data=data)
    # then a draft of the owner exists with exactly those fields and origin "workshop", linked both ways
    posting = Posting.objects.get()
    assert (posting.kind, posting.member, posting.status, posting.origin) == (kind, cast.member, "draft", "workshop")
    assert (posting.title, posting.description, posting.language) == (
        "Draft a national AI skills plan",
        "Train 30 civil servants in AI procurement.",
        "en",
    )
    assert (posting.modalities, posting.themes, posting.created_by) == (["training"], ["skills"], cast.manager)
    assert (item.posting, item.target_kind, item.cooperation, item.pledge) == (posting, kind, None, None)
    assert item.converted_at is not None
    # and the audit trail holds the posting's creation (with its origin) and the item's link
    created = _entries(Posting, object_id=str(posting.pk)).get()
    assert created.changes["origin"] == [None, "workshop"]
    linked = _entries(ActionItem, object_id=str(item.pk)).order_by("pk").last()
    assert linked.changes == {"posting": [None, posting.pk], "target_kind": ["", kind]}
    assert linked.actor == cast.manager


def test_an_action_item_becomes_a_cooperation_with_origin_workshop(cast, outcome):
    item = action_convert(
        item=outcome["item"],
        actor=cast.manager,
        kind="cooperation",
        data=ConversionInput(
            title="AI procurement course", description="Two weeks.", provider=cast.member,
            beneficiary=cast.other_member, modality="training", themes=["skills"],
            period_start=date(2025, 9, 1), period_end=date(2025, 12, 1),
        ),
    )  # fmt: skip
    cooperation = Cooperation.objects.get()
    assert (cooperation.provider, cooperation.beneficiary, cooperation.origin) == (
        cast.member,
        cast.other_member,
        "workshop",
    )
    assert (cooperation.title, cooperation.description, cooperation.modality, cooperation.themes) == (
        "AI procurement course",
        "Two weeks.",
        "training",
        ["skills"],
    )
    assert (cooperation.planned_start, cooperation.planned_end) == (date(2025, 9, 1), date(2025, 12, 1))
    assert (item.cooperation, item.target_kind) == (cooperation, "cooperation")
    created = _entries(Cooperation, object_id=str(cooperation.pk)).get()
    assert created.changes["origin"] == [None, "workshop"]


def test_an_action_item_becomes_a_pledge_of_its_owner(cast, outcome):
    item = action_convert(
        item=outcome["item"],
        actor=cast.manager,
        kind="pledge",
        data=ConversionInput(
            title="20 seats in our AI course", unit="seats", value=Decimal("20"), period_start=date(2025, 6, 1),
            period_end=date(2026, 6, 1),
        ),
    )  # fmt: skip
    pledge = Pledge.objects.get()
    assert (pledge.member, pledge.title, pledge.unit, pledge.value, pledge.origin) == (
        cast.member,
        "20 seats in our AI course",
        "seats",
        Decimal("20.00"),
        "workshop",
    )
    assert (item.pledge, item.target_kind) == (pledge, "pledge")
    assert _entries(Pledge).get().changes == {
        "value": [None, "20"],
        "origin": [None, "workshop"],
    }


@pytest.mark.parametrize(
    ("kind", "data", "field", "message"),
    [
        ("need", ConversionInput(title="x", description="", language="en"), "description", "This field is required."),
        ("offer", ConversionInput(title="x", description="y", language="xx"), "language", "Unknown code: xx"),
        (
            "pledge",
            ConversionInput(title="x", unit="seats", value=Decimal(0), period_start=date(2025, 6, 1),
                            period_end=date(2026, 6, 1)),
            "value",
            "A pledge is more than zero.",
        ),
        (
            "cooperation",
            ConversionInput(title="x", provider=None, beneficiary=None, modality="training"),
            "provider",
            "This field is required.",
        ),
        (
            "cooperation",
            ConversionInput(title="x", provider=Member(pk=None), beneficiary=None, modality=""),
            "beneficiary",
            "This field is required.",
        ),
    ],
)  # fmt: skip
def test_bad_input_is_refused_by_the_targets_rules_and_nothing_is_written(cast, outcome, kind, data, field, message):
    # given the state of the database
    before = _writes()
    # when the conversion gets bad input
    with pytest.raises(ValidationError) as excinfo:
        action_convert(item=outcome["item"], actor=cast.manager, kind=kind, data=data)
    # then the field is named with the target's own message, and nothing at all was written
    assert message in excinfo.value.message_dict[field]
    assert _writes() == before
    outcome["item"].refresh_from_db()
    assert (outcome["item"].result, outcome["item"].target_kind) == (None, "")


def test_a_cooperation_without_modality_rolls_back_entirely(cast, outcome):
    before = _writes()
    with pytest.raises(ValidationError) as excinfo:
        action_convert(
            item=outcome["item"], actor=cast.manager, kind="cooperation",
            data=ConversionInput(title="x", provider=cast.member, beneficiary=cast.other_member, modality=""),
        )  # fmt: skip
    assert excinfo.value.message_dict["modality"] == ["— is not a code of this list."]
    assert _writes() == before


def test_the_owners_rule_decides_whether_the_host_may_post_for_another_member(cast, outcome):
    # the host's manager may see the other member's item but may not post a need for that member
    before = _writes()
    with pytest.raises(PermissionDenied):
        action_convert(
            item=outcome["other_item"], actor=cast.manager, kind="need",
            data=ConversionInput(title="x", description="y", language="en"),
        )  # fmt: skip
    assert _writes() == before
    # while the other member's manager may
    item = action_convert(
        item=outcome["other_item"], actor=cast.other_manager, kind="need",
        data=ConversionInput(title="Study visit", description="Five days.", language="en"),
    )  # fmt: skip
    assert item.posting.member == cast.other_member


def test_an_action_item_becomes_one_thing_only(cast, outcome):
    data = ConversionInput(title="x", description="y", language="en")
    action_convert(item=outcome["item"], actor=cast.manager, kind="need", data=data)
    before = _writes()
    with pytest.raises(ValidationError) as excinfo:
        action_convert(item=outcome["item"], actor=cast.manager, kind="offer", data=data)
    assert excinfo.value.messages == ["This action item has already become something."]
    assert _writes() == before


def test_the_web_form_shows_the_targets_required_fields_prefilled_and_links_both_ways(cast, outcome, client):
    client.force_login(cast.manager)
    url = reverse("events:action_convert", args=[outcome["event"].slug, outcome["item"].pk])
    # the cooperation form asks for the provider, beneficiary and modality, with the item's text prefilled
    form = client.get(url + "?kind=cooperation").content.decode()
    for name in ("provider", "beneficiary", "modality", "title", "description"):
        assert f'name="{name}"' in form
    assert "Train 30 civil servants in AI procurement." in form
    # a bad post shows the error and writes nothing
    before = _writes()
    bad = client.post(url, {"kind": "cooperation", "title": "x", "provider": "unza", "beneficiary": "unza",
                            "modality": "training"})  # fmt: skip
    assert bad.status_code == 400
    assert "A member cannot cooperate with itself." in bad.content.decode()
    assert _writes() == before
    # a good one creates it and links it both ways
    response = client.post(
        url, {"kind": "cooperation", "title": "AI course", "provider": "unza", "beneficiary": "tsinghua",
              "modality": "training", "themes": ["skills"]},
    )  # fmt: skip
    assert response.status_code == 302
    cooperation = Cooperation.objects.get()
    report = client.get(reverse("events:report", args=[outcome["event"].slug])).content.decode()
    assert reverse("cooperation:detail", args=[cooperation.pk]) in report
    page = client.get(reverse("cooperation:detail", args=[cooperation.pk])).content.decode()
    assert reverse("events:report", args=[outcome["event"].slug]) in page


def test_a_need_page_links_back_to_its_action_item(cast, outcome, client):
    item = action_convert(
        item=outcome["item"], actor=cast.manager, kind="need",
        data=ConversionInput(title="x", description="y", language="en"),
    )  # fmt: skip
    client.force_login(cast.manager)
    page = client.get(reverse("postings:detail", args=["needs", item.posting.external_id])).content.decode()
    assert f"{reverse('events:report', args=[outcome['event'].slug])}#action-{item.pk}" in page


# ---------------------------------------------------------------------------------------------------
# Action items' status: a declarative table


def test_the_status_moves_follow_the_table(cast, outcome):
    item = outcome["item"]
    assert action_states.next_statuses("open") == ["in_progress", "done", "dropped"]
    item = action_move(item=item, actor=cast.manager, status=ActionStatus.DONE)
    with pytest.raises(ValidationError) as excinfo:
        action_move(item=item, actor=cast.manager, status=ActionStatus.IN_PROGRESS)
    assert excinfo.value.message_dict["status"] == ["An action item “Done” cannot become “In progress”."]
    assert action_move(item=item, actor=cast.manager, status=ActionStatus.OPEN).status == "open"


# ---------------------------------------------------------------------------------------------------
# The evaluation survey

ANSWERS = {"overall": 5, "usefulness": 4, "next_steps": "Brief the ministry.", "suggestions": ""}


def test_an_approved_delegate_answers_once_and_is_not_linked_to_the_answers(cast, outcome):
    # when the delegate answers, unsigned
    response = survey_submit(event=outcome["event"], actor=outcome["delegate"], answers=ANSWERS)
    # then the answers are kept without the delegate, and that they answered is recorded (not what)
    assert (response.answers, response.signed_name) == ({"overall": 5, "usefulness": 4,
                                                         "next_steps": "Brief the ministry."}, "")  # fmt: skip
    assert SurveyParticipation.objects.get().registration == outcome["registration"]
    entry = _entries(SurveyParticipation).get()
    assert entry.changes == {"answered": [None, True]}
    assert not _entries(SurveyResponse).exists()
    # and a second answer is refused, nothing written
    with pytest.raises(ValidationError) as excinfo:
        survey_submit(event=outcome["event"], actor=outcome["delegate"], answers=ANSWERS)
    assert excinfo.value.messages == ["You have already answered this survey; thank you."]
    assert SurveyResponse.objects.count() == 1


@pytest.mark.parametrize("status", [RegistrationStatus.NOMINATED, RegistrationStatus.WAITLISTED,
                                    RegistrationStatus.DECLINED])  # fmt: skip
def test_only_approved_delegates_answer(cast, status):
    event = make_event(cast.member)
    person = UserFactory()
    make_registration(event, cast.other_member, user=person, status=status)
    with pytest.raises(PermissionDenied):
        survey_submit(event=event, actor=person, answers=ANSWERS)
    with pytest.raises(PermissionDenied):
        survey_submit(event=event, actor=cast.manager, answers=ANSWERS)
    assert SurveyResponse.objects.count() == SurveyParticipation.objects.count() == 0


def test_the_survey_opens_on_the_first_day(cast):
    start = date.today() + timedelta(days=30)
    event = make_event(cast.member, start_date=start, end_date=start + timedelta(days=2))
    person = UserFactory()
    make_registration(event, cast.other_member, user=person)
    with pytest.raises(ValidationError) as excinfo:
        survey_submit(event=event, actor=person, answers=ANSWERS)
    assert excinfo.value.messages == [f"The survey opens on the event's first day ({start.isoformat()})."]
    assert SurveyResponse.objects.count() == 0


def test_bad_answers_are_named(outcome):
    with pytest.raises(ValidationError) as excinfo:
        survey_submit(event=outcome["event"], actor=outcome["delegate"], answers={"overall": 6, "usefulness": None})
    assert excinfo.value.message_dict == {
        "overall": ["Choose a rating from 1 to 5."],
        "usefulness": ["Choose a rating from 1 to 5."],
    }
    assert SurveyParticipation.objects.count() == 0


def test_the_results_count_each_answer_and_the_mean_exactly(cast, outcome):
    # given three delegates answering 5/3, 4/4 and 4/5, the second signing
    event = outcome["event"]
    survey_submit(event=event, actor=outcome["delegate"], answers={**ANSWERS, "overall": 5, "usefulness": 3})
    for overall, usefulness, sign in ((4, 4, True), (4, 5, False)):
        person = UserFactory()
        make_registration(event, cast.member, user=person, name=f"Person {overall}{usefulness}")
        survey_submit(
            event=event, actor=person, sign=sign,
            answers={"overall": overall, "usefulness": usefulness, "suggestions": f"Idea {usefulness}"},
        )  # fmt: skip
    # when the results are read
    summary = survey_summary(event)
    # then the counts, the means (one decimal, half up) and the comments are exact
    overall, usefulness = summary.ratings
    assert summary.responses == 3
    assert (overall.counts, overall.answered, overall.mean) == (
        [(1, 0), (2, 0), (3, 0), (4, 2), (5, 1)],
        3,
        Decimal("4.3"),
    )
    assert (usefulness.counts, usefulness.mean) == ([(1, 0), (2, 0), (3, 1), (4, 1), (5, 1)], Decimal("4.0"))
    next_steps, suggestions = summary.texts
    assert [c.text for c in next_steps.comments] == ["Brief the ministry."]
    assert {(c.text, c.signed_name) for c in suggestions.comments} == {("Idea 4", "Person 44"), ("Idea 5", "")}


def test_the_results_page_never_names_who_did_not_sign(cast, outcome, client):
    survey_submit(event=outcome["event"], actor=outcome["delegate"], answers=ANSWERS)
    client.force_login(cast.manager)
    page = client.get(reverse("events:survey_results", args=[outcome["event"].slug])).content.decode()
    assert "Brief the ministry." in page
    assert "Chanda Mwila" not in page


# ---------------------------------------------------------------------------------------------------
# Session notes


def test_session_notes_with_a_translation_are_shown_to_the_hosts_in_the_readers_language(cast, outcome, client):
    session_note_save(
        session=outcome["session"], actor=cast.manager, text="Agreed: a study visit.",
        translations=[NoteTranslationInput(language="fr", text="Convenu : une visite d'étude.")],
    )  # fmt: skip
    client.force_login(cast.manager)
    url = reverse("events:report", args=[outcome["event"].slug])
    assert "Agreed: a study visit." in client.get(url).content.decode()
    assert "Convenu : une visite d&#x27;étude." in client.get("/fr" + url[3:]).content.decode()
    client.logout()
    assert "Agreed: a study visit." not in client.get(url).content.decode()


def test_notes_translated_into_their_own_language_are_refused(cast, outcome):
    with pytest.raises(ValidationError):
        session_note_save(
            session=outcome["session"], actor=cast.manager, text="x",
            translations=[NoteTranslationInput(language="en", text="y")],
        )  # fmt: skip
    assert SessionNote.objects.count() == 0


# ---------------------------------------------------------------------------------------------------
# The report: exact figures on a small case


def test_the_report_counts_delegations_by_region_group_and_sex(cast, client):
    # given approved delegates of Zambia (2: Africa, LDC and LLDC), Fiji (1: Oceania, SIDS), an
    # organisation without a country (1), and a nominated and a declined delegate who do not count
    event = make_event(cast.member)
    zambia = StateFactory(country=Country.objects.get(iso3="ZMB"))
    fiji = StateFactory(country=Country.objects.get(iso3="FJI"))
    au = OrganisationFactory(code="un-test-entity", name="A UN entity", country=None)
    make_registration(event, zambia, sex="female")
    make_registration(event, zambia, sex="male")
    make_registration(event, fiji, sex="female")
    make_registration(event, au)
    make_registration(event, fiji, status=RegistrationStatus.NOMINATED, sex="male")
    make_registration(event, zambia, status=RegistrationStatus.DECLINED, sex="male")
    held = make_session(event)
    make_session(event, day=event.end_date, title="Closing")
    Attendance.objects.create(registration=event.registrations.filter(member=zambia).first(), session=held)
    make_action(event, cast.member)
    # when the report is computed
    figures = event_report(event, user=None)
    # then
    assert (figures.delegations, figures.participants) == (3, 4)
    assert [(r.label, r.count) for r in figures.by_region] == [
        ("Africa", 1),
        ("Oceania", 1),
        ("International and regional organisations", 1),
    ]
    assert [(r.code, r.count) for r in figures.by_group] == [("LDC", 1), ("LLDC", 1), ("SIDS", 1)]
    assert [(r.code, r.count) for r in figures.by_sex] == [("female", 2), ("male", 1), ("other", 0), ("", 1)]
    assert (len(figures.sessions_held), figures.sessions_total) == (2, 2)  # the event is past
    assert figures.sessions_held[0].attended == 1
    assert [(r.code, r.count) for r in figures.actions_by_status] == [
        ("open", 1), ("in_progress", 0), ("done", 0), ("dropped", 0),
    ]  # fmt: skip
    assert figures.pairings is None and report_pairings_hook(event) is None
    # and the page shows the region names in the reader's language, counts formatted, no names
    page = client.get("/fr" + reverse("events:report", args=[event.slug])[3:]).content.decode()
    assert "Afrique" in page and "Océanie" in page
    assert "Delegate 1" not in page
    # and the country groups by their names only, never their codes
    assert "Pays les moins avancés" in page and "Petits États insulaires en développement" in page
    assert ">LDC<" not in page and ">SIDS<" not in page and "<abbr" not in page


def test_the_report_formats_numbers_for_the_reader(cast, client):
    event = make_event(cast.member, capacity=5000)
    state = StateFactory(country=Country.objects.get(iso3="ZMB"))
    Registration = event.registrations.model
    Registration.objects.bulk_create(
        [Registration(event=event, member=state, full_name=f"P{i}", email=f"p{i}@x.org", status="approved")
         for i in range(1234)]
    )  # fmt: skip
    en = client.get(reverse("events:report", args=[event.slug])).content.decode()
    fr = client.get("/fr" + reverse("events:report", args=[event.slug])[3:]).content.decode()
    assert "1,234" in en
    assert "1\u202f234" in fr


# ---------------------------------------------------------------------------------------------------
# Role × action grid of every new view

GRID_ROLES = [*ROLES, "delegate"]
EDITORS = {
    "anonymous": LOGIN, "outsider": 403, "viewer": 403, "editor": 200, "manager": 200, "other_manager": 403,
    "secretariat": 200, "delegate": 403,
}  # fmt: skip
EDITORS_POST = {role: (302 if status == 200 else status) for role, status in EDITORS.items()}
EVERYONE = dict.fromkeys(GRID_ROLES, 200)
DELEGATE = {**dict.fromkeys(GRID_ROLES, 403), "anonymous": LOGIN, "delegate": 200}
DELEGATE_POST = {**DELEGATE, "delegate": 302}
# the other member's item: its own manager converts it too
OTHERS_ITEM = {**EDITORS, "other_manager": 200}


def _action_url(name, o, key="item"):
    return reverse(f"events:{name}", args=[o["event"].slug, o[key].pk])


ACTION_POST = {"title": "Draft a plan", "owner": "unza", "target_kind": "need"}
GRID = {
    "report": ("get", lambda o: reverse("events:report", args=[o["event"].slug]), None, EVERYONE),
    "survey_form": ("get", lambda o: reverse("events:survey", args=[o["event"].slug]), None, DELEGATE),
    "survey_send": (
        "post",
        lambda o: reverse("events:survey", args=[o["event"].slug]),
        {"overall": "4", "usefulness": "5"},
        DELEGATE_POST,
    ),  # fmt: skip
    "survey_results": ("get", lambda o: reverse("events:survey_results", args=[o["event"].slug]), None, EDITORS),
    "note_form": (
        "get",
        lambda o: reverse("events:note_edit", args=[o["event"].slug, o["session"].pk]),
        None,
        EDITORS,
    ),  # fmt: skip
    "note_save": (
        "post",
        lambda o: reverse("events:note_edit", args=[o["event"].slug, o["session"].pk]),
        {"text": "Notes"},
        EDITORS_POST,
    ),  # fmt: skip
    "action_new_form": ("get", lambda o: reverse("events:action_new", args=[o["event"].slug]), None, EDITORS),
    "action_new_save": (
        "post",
        lambda o: reverse("events:action_new", args=[o["event"].slug]),
        ACTION_POST,
        EDITORS_POST,
    ),  # fmt: skip
    "action_edit_form": ("get", lambda o: _action_url("action_edit", o), None, EDITORS),
    "action_edit_save": ("post", lambda o: _action_url("action_edit", o), ACTION_POST, EDITORS_POST),
    "action_move": ("post", lambda o: _action_url("action_move", o), {"status": "in_progress"}, EDITORS_POST),
    "convert_form": ("get", lambda o: _action_url("action_convert", o) + "?kind=need", None, EDITORS),
    "convert_others_form": (
        "get",
        lambda o: _action_url("action_convert", o, "other_item") + "?kind=offer",
        None,
        OTHERS_ITEM,
    ),  # fmt: skip
    "convert_save": (
        "post",
        lambda o: _action_url("action_convert", o),
        {"kind": "need", "title": "Plan", "description": "A plan.", "language": "en"},
        EDITORS_POST,
    ),  # fmt: skip
}


@pytest.mark.parametrize("role", GRID_ROLES)
@pytest.mark.parametrize("view", sorted(GRID))
def test_web_permission_grid(view, role, cast, outcome, client):
    # given a person in `role` (the delegate: approved, of the other member) and the host's past event
    method, url, data, expected = GRID[view]
    user = outcome["delegate"] if role == "delegate" else cast.user(role)
    if user:
        client.force_login(user)
    writes = AuditEntry.objects.count()
    # when it opens or submits the page
    response = getattr(client, method)(url(outcome), data or {})
    # then it gets exactly what its role allows, and a refused write changes nothing
    if expected[role] == LOGIN:
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
    else:
        assert response.status_code == expected[role], response.content[:800]
    if method == "post":
        assert (AuditEntry.objects.count() > writes) == (expected[role] == 302)


def test_a_draft_events_report_is_hidden_from_the_public(cast, client):
    draft = make_event(cast.member, slug="draft", publish=False)
    assert client.get(reverse("events:report", args=[draft.slug])).status_code == 404
    client.force_login(cast.viewer)
    assert client.get(reverse("events:report", args=[draft.slug])).status_code == 200


def test_the_person_responsible_is_named_to_the_hosts_and_the_owner_only(cast, outcome, client):
    make_action(outcome["event"], cast.other_member, title="Visit", owner_person="Dr Mutale Banda")
    url = reverse("events:report", args=[outcome["event"].slug])
    assert "Dr Mutale Banda" not in client.get(url).content.decode()
    client.force_login(cast.other_manager)
    assert "Dr Mutale Banda" in client.get(url).content.decode()
    client.force_login(cast.manager)
    assert "Dr Mutale Banda" in client.get(url).content.decode()
    assert "Dr Mutale Banda" not in str(list(AuditEntry.objects.values_list("changes", flat=True)))


# ---------------------------------------------------------------------------------------------------
# Query budget


def _grow(event, members, start: int, n: int, actor) -> None:
    for i in range(start, start + n):
        member = members[i % len(members)]
        make_registration(event, member, sex=("female", "male", "")[i % 3])
        session = make_session(event, day=event.start_date + timedelta(days=i % 6), start=time(8 + i % 10),
                               end=time(9 + i % 10), title=f"S{i}")  # fmt: skip
        item = make_action(event, member, title=f"Action {i}")
        if i % 2:
            action_convert(item=item, actor=actor, kind="pledge", data=ConversionInput(
                title=f"Pledge {i}", unit="seats", value=Decimal(3), period_start=date(2025, 6, 1),
                period_end=date(2026, 6, 1)))  # fmt: skip
        session_note_save(session=session, actor=None, text=f"Notes {i}")


@pytest.mark.parametrize("role", ["anonymous", "manager"])
def test_the_report_costs_the_same_however_many_delegations_sessions_and_actions(role, cast, client, settings):
    if cast.user(role):
        client.force_login(cast.user(role))
    event = make_event(cast.member)
    members = [StateFactory(country=Country.objects.get(iso3=iso3)) for iso3 in ("ZMB", "FJI", "NPL", "EGY")] + [
        cast.other_member
    ]
    _grow(event, members, 0, 3, cast.secretariat)
    url = reverse("events:report", args=[event.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _grow(event, members, 3, 20, cast.secretariat)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(small) == len(large)
    # then the same: the event (translations, co-hosts), delegates by member, region names, group
    # membership, sessions (translations), action items with what they became (+ for a host: session,
    # user, roles, notifications, notes and their translations, the survey's count, the finished pairing
    # runs). Measured: 10 and 19.
    assert len(large) <= (10 if role == "anonymous" else 19)


# ---------------------------------------------------------------------------------------------------
# The demo


def test_the_demo_beijing_workshop_has_notes_answers_and_action_items_that_became_things(db):
    # given the demo's members and people, and its events
    from harambee.demo.events import load_demo_events, load_demo_outcomes
    from harambee.registry.models import MemberRole
    from harambee.registry.tests.factories import MembershipFactory

    states = {iso3: StateFactory(country=Country.objects.get(iso3=iso3)) for iso3 in ("CHN", "ZMB", "EGY", "SEN")}
    OrganisationFactory(code="tsinghua", name="Tsinghua University")
    OrganisationFactory(code="unza", name="University of Zambia")
    people = {}
    for name, iso3 in (("china", "CHN"), ("zambia", "ZMB"), ("egypt", "EGY"), ("senegal", "SEN")):
        email = f"{name}.manager@demo.harambee.test"
        people[email] = UserFactory(email=email)
        MembershipFactory(member=states[iso3], user=people[email], role=MemberRole.MANAGER)
    load_demo_events(people)
    # when the outcomes are loaded
    assert load_demo_outcomes(people) == 6
    # then the Beijing workshop has its notes, three survey answers and action items in several statuses,
    # one of which became a cooperation (origin workshop) and one a need
    event = states["CHN"].hosted_events.get(slug="beijing-2025")
    assert SessionNote.objects.filter(session__event=event).count() == 3
    assert SurveyResponse.objects.filter(event=event).count() == 3
    items = {i.title: i for i in ActionItem.objects.filter(event=event)}
    assert sorted({i.status for i in items.values()}) == ["done", "dropped", "in_progress", "open"]
    course = items["Joint course on AI procurement for Zambian civil servants"].cooperation
    assert (course.origin, course.provider, course.beneficiary) == ("workshop", states["CHN"], states["ZMB"])
    need = items["Zambia: assessment of AI skills needs in the public service"].posting
    assert (need.kind, need.origin, need.member) == ("need", "workshop", states["ZMB"])
    assert items["Scholarships for master's studies in AI"].pledge.origin == "workshop"


def test_a_registration_made_out_to_the_accounts_email_counts_as_the_delegates(cast):
    # given an approved registration without an account, to the e-mail address of a person's account
    event = make_event(cast.member)
    person = UserFactory(email="Amina.Diallo@example.org")
    make_registration(event, cast.other_member, email="amina.diallo@example.org")
    # when she answers, then it is recorded against that registration
    survey_submit(event=event, actor=person, answers=ANSWERS)
    assert SurveyParticipation.objects.get().registration.email == "amina.diallo@example.org"
