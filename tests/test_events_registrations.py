"""Invitations and nominations: every refusal with its exact message, the table of decisions, seats
shared out by the allocation engine under a declared policy, registration completion, who sees
delegates' personal data, the public participant list, the retention task, the role × action grid
of every new view and the query budget of the host's nominations list."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from harambee.accounts.tests.factories import UserFactory
from harambee.audit.models import AuditEntry
from harambee.events import registrations, seats
from harambee.events.access import registration_personal_visible
from harambee.events.choices import RegistrationStatus as S
from harambee.events.models import Invitation, Registration
from harambee.events.registration_selectors import participant_list
from harambee.events.registration_services import (
    CompletionInput,
    NominationInput,
    invitation_create,
    nomination_create,
    personal_data_erase_due,
    registration_complete,
    registration_decide,
    registration_withdraw,
    seats_apply,
)
from harambee.events.tests.factories import make_event
from harambee.notifications.models import Notification
from harambee.registry.models import Country, CountryGroup, MemberRole
from harambee.registry.tests.factories import MembershipFactory, StateFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
LOGIN = "login"


@pytest.fixture(autouse=True)
def fresh_pages(settings, tmp_path):
    settings.HARAMBEE_PAGE_CACHE_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path / "media"


def letter(name="letter.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@dataclass
class World:
    event: object
    zambia: object
    egypt: object
    senegal: object
    zambia_manager: object
    zambia_viewer: object
    egypt_manager: object


@pytest.fixture
def world(cast) -> World:
    """The cast's member hosts an event in sixty days (capacity 3, in Lusaka); Zambia (an LDC) is
    invited with a quota of 2, Egypt is not; Senegal (an LDC) through the LDC group."""
    start = date.today() + timedelta(days=60)
    event = make_event(
        cast.member, slug="lusaka", start_date=start, end_date=start + timedelta(days=4), capacity=3,
        time_zone="Africa/Lusaka", city="Lusaka", country=Country.objects.get(iso3="ZMB"),
    )  # fmt: skip
    zambia = StateFactory(country=Country.objects.get(iso3="ZMB"))
    egypt = StateFactory(country=Country.objects.get(iso3="EGY"))
    senegal = StateFactory(country=Country.objects.get(iso3="SEN"))
    people = {}
    for key, member, role in (
        ("zambia_manager", zambia, MemberRole.MANAGER),
        ("zambia_viewer", zambia, MemberRole.VIEWER),
        ("egypt_manager", egypt, MemberRole.MANAGER),
    ):
        people[key] = UserFactory(email=f"{key}@example.org")
        MembershipFactory(member=member, user=people[key], role=role)
    deadline = event.at(start - timedelta(days=10), time(23, 59))
    invitation_create(event=event, actor=cast.manager, member=zambia, quota=2, deadline=deadline)
    invitation_create(event=event, actor=cast.manager, group=CountryGroup.objects.get(code="LDC"), quota=1)
    return World(event=event, zambia=zambia, egypt=egypt, senegal=senegal, **people)


def nominate(world, member=None, name="Mwila Banda", email=None, actor=None, **kwargs):
    member = member or world.zambia
    email = email or f"{name.split()[0].lower()}@{member.code}.example.org"
    return nomination_create(
        event=world.event, member=member, actor=actor if actor is not None else None,
        data=NominationInput(full_name=name, email=email, position="Director", language="fr"),
        letter=kwargs.pop("letter", letter()), **kwargs,
    )  # fmt: skip


def refused(excinfo) -> list[str]:
    error = excinfo.value
    return error.messages if hasattr(error, "messages") else [str(error)]


# ---------------------------------------------------------------------------------------------------
# Nominations: each refusal, exact, and nothing written


def _nothing_written(before):
    assert (Registration.objects.count(), AuditEntry.objects.count()) == before


def _counts():
    return Registration.objects.count(), AuditEntry.objects.count()


def test_a_nomination_is_saved_audited_and_the_host_managers_are_notified(world, cast):
    registration = nominate(world, actor=world.zambia_manager)
    assert (registration.status, registration.invitation.member, registration.language) == (
        S.NOMINATED,
        world.zambia,
        "fr",
    )
    assert registration.nomination_letter.read().startswith(b"%PDF-")
    entry = AuditEntry.objects.filter(
        content_type__model="registration", object_id=str(registration.pk), action="create"
    ).get()
    assert entry.member_code == "zmb" and "passport_number" not in entry.changes
    assert list(Notification.objects.filter(kind="delegate_nominated").values_list("recipient__email", flat=True)) == [
        "manager@example.org"
    ]


def test_a_member_not_invited_is_refused(world):
    before = _counts()
    with pytest.raises(Exception) as excinfo:
        nominate(world, member=world.egypt, actor=world.egypt_manager)
    assert refused(excinfo) == ["Egypt is not invited to nominate delegates to this event."]
    _nothing_written(before)


def test_a_member_invited_through_its_country_group_may_nominate_within_its_quota(world):
    nominate(world, member=world.senegal, name="Awa Diop")
    with pytest.raises(Exception) as excinfo:
        nominate(world, member=world.senegal, name="Moussa Sall")
    assert refused(excinfo) == [
        "The quota is reached: Senegal may nominate 1 delegates to this event and has 1 nominated, approved or on "
        "the waiting list. Withdraw one to nominate another."
    ]


def test_over_quota_is_refused_and_a_withdrawal_frees_a_place(world):
    first = nominate(world, name="Mwila Banda")
    nominate(world, name="Chanda Mulenga")
    before = _counts()
    with pytest.raises(Exception) as excinfo:
        nominate(world, name="Bwalya Phiri")
    assert refused(excinfo) == [
        "The quota is reached: Zambia may nominate 2 delegates to this event and has 2 nominated, approved or on "
        "the waiting list. Withdraw one to nominate another."
    ]
    _nothing_written(before)
    registration_withdraw(registration=first, actor=world.zambia_manager)
    assert nominate(world, name="Bwalya Phiri").status == S.NOMINATED


def test_a_declined_delegate_does_not_count_against_the_quota(world, cast):
    first = nominate(world, name="Mwila Banda")
    nominate(world, name="Chanda Mulenga")
    registration_decide(registration=first, actor=cast.manager, action="decline", reason="Not an AI official")
    assert nominate(world, name="Bwalya Phiri").status == S.NOMINATED


def test_after_the_deadline_is_refused_with_the_deadline_at_the_venue(world):
    invitation = Invitation.objects.get(member=world.zambia)
    with pytest.raises(Exception) as excinfo:
        nominate(world, now=invitation.deadline + timedelta(minutes=1))
    day = invitation.deadline.astimezone(world.event.zone).date()
    from harambee.core.formats import format_day

    assert refused(excinfo) == [f"Nominations closed on {format_day(day)}, 11:59\u202fpm (Zambia Time)."]


def test_an_unpublished_or_past_event_takes_no_nominations(world, cast):
    from harambee.events.services import event_transition

    event_transition(event=world.event, actor=cast.manager, action="unpublish", reason="Dates moved")
    with pytest.raises(Exception) as excinfo:
        nominate(world)
    assert refused(excinfo) == ["Nominations open once the event is published."]
    event_transition(event=world.event, actor=cast.manager, action="publish")
    with pytest.raises(Exception) as excinfo:
        nominate(world, now=timezone.now() + timedelta(days=90))
    assert refused(excinfo) == ["This event is over; it takes no more nominations."]


@pytest.mark.parametrize(
    "upload, message",
    [
        (letter("letter.docx", b"PK\x03\x04rest"), "The nomination letter must be a PDF file."),
        (
            letter("letter.pdf", b"MZ\x90\x00 an executable"),
            "The nomination letter is not a PDF file: its content is of another kind.",
        ),
        (letter("letter.pdf", b""), "The file is empty."),
        (None, "Attach the nomination letter (a PDF file)."),
    ],
)  # fmt: skip
def test_a_letter_of_the_wrong_type_is_refused(world, upload, message):
    before = _counts()
    with pytest.raises(Exception) as excinfo:
        nominate(world, letter=upload)
    assert excinfo.value.message_dict["nomination_letter"] == [message]
    _nothing_written(before)


def test_a_letter_too_large_is_refused(world, settings):
    settings.HARAMBEE_NOMINATION_LETTER_MAX_BYTES = 1024
    with pytest.raises(Exception) as excinfo:
        nominate(world, letter=letter(content=PDF + b"x" * 2000))
    assert excinfo.value.message_dict["nomination_letter"] == ["The nomination letter is larger than 1.0\xa0KB."]


def test_the_same_person_twice_is_refused(world):
    nominate(world, email="mwila@example.org")
    with pytest.raises(Exception) as excinfo:
        nominate(world, name="Mwila B.", email="MWILA@example.org")
    assert excinfo.value.message_dict["email"] == ["mwila@example.org is already nominated to this event."]


def test_only_the_members_people_nominate(world):
    with pytest.raises(Exception) as excinfo:
        nominate(world, actor=world.egypt_manager)
    assert refused(excinfo) == ["You may not nominate delegates for this member."]
    with pytest.raises(PermissionDenied):
        nominate(world, actor=world.zambia_viewer)


def test_invitations_refuse_a_past_deadline_and_two_addressees(world, cast):
    with pytest.raises(Exception) as excinfo:
        invitation_create(
            event=world.event,
            actor=cast.manager,
            member=world.egypt,
            quota=2,
            deadline=timezone.now() - timedelta(hours=1),
        )
    assert excinfo.value.message_dict["deadline"] == ["The deadline has already passed."]
    with pytest.raises(Exception) as excinfo:
        invitation_create(
            event=world.event,
            actor=cast.manager,
            member=world.egypt,
            group=CountryGroup.objects.get(code="SIDS"),
            quota=2,
        )
    assert refused(excinfo) == ["Invite one member, one country group or one region."]
    with pytest.raises(Exception) as excinfo:
        invitation_create(event=world.event, actor=cast.editor, member=world.egypt, quota=2)
    assert refused(excinfo) == ["Only the host's managers invite members and decide on nominations."]


# ---------------------------------------------------------------------------------------------------
# Decisions: the table


def test_the_table_of_decisions():
    table = {a: (sorted(t.sources), t.target, t.by, t.reason_required) for a, t in registrations.TRANSITIONS.items()}
    assert table == {
        "approve": (["nominated", "waitlisted"], "approved", "host", False),
        "waitlist": (["nominated"], "waitlisted", "host", True),
        "decline": (["nominated", "waitlisted"], "declined", "host", True),
        "withdraw": (["approved", "nominated", "waitlisted"], "withdrawn", "member", False),
    }
    assert [t.action for t in registrations.available("waitlisted", by="host")] == ["approve", "decline"]
    assert registrations.available("declined", by="member") == []


def test_approving_gives_a_unique_badge_code_and_notifies_the_delegation(world, cast):
    a, b = nominate(world, name="Mwila Banda"), nominate(world, name="Chanda Mulenga")
    a = registration_decide(registration=a, actor=cast.manager, action="approve")
    b = registration_decide(registration=b, actor=cast.manager, action="approve")
    assert a.badge_code and b.badge_code and a.badge_code != b.badge_code and len(a.badge_code) == 16
    assert Notification.objects.filter(kind="delegate_decided", recipient=world.zambia_manager).count() == 2


def test_waitlisting_and_declining_need_a_reason_and_a_declined_delegate_stays_declined(world, cast):
    registration = nominate(world)
    with pytest.raises(Exception) as excinfo:
        registration_decide(registration=registration, actor=cast.manager, action="waitlist")
    assert excinfo.value.message_dict == {"reason": ["Give a reason."]}
    registration_decide(registration=registration, actor=cast.manager, action="decline", reason="Quota of experts")
    with pytest.raises(Exception) as excinfo:
        registration_decide(registration=registration, actor=cast.manager, action="approve")
    assert refused(excinfo) == ["A delegate cannot be “Approve” while “Declined”."]
    with pytest.raises(Exception) as excinfo:
        registration_decide(registration=registration, actor=cast.editor, action="approve")
    assert refused(excinfo) == ["Only the host's managers decide on nominations."]


def test_withdrawing_an_approved_delegate_frees_the_badge(world, cast):
    registration = registration_decide(registration=nominate(world), actor=cast.manager, action="approve")
    registration = registration_withdraw(registration=registration, actor=world.zambia_manager, reason="Ill")
    assert (registration.status, registration.badge_code, registration.decision_reason) == (S.WITHDRAWN, None, "Ill")


# ---------------------------------------------------------------------------------------------------
# Seats


@pytest.fixture
def scarce(world, cast):
    """Capacity 3; Egypt invited (quota 3), Egypt nominates 3 first, then Zambia 2, then Senegal 1."""
    invitation_create(event=world.event, actor=cast.manager, member=world.egypt, quota=3)
    for name in ("Nour Hassan", "Omar Farouk", "Laila Said"):
        nominate(world, member=world.egypt, name=name)
    for name in ("Mwila Banda", "Chanda Mulenga"):
        nominate(world, member=world.zambia, name=name)
    nominate(world, member=world.senegal, name="Awa Diop")
    return world


def _placed(outcome):
    return {row.member.code: [r.full_name for r in row.placed] for row in outcome.delegations}


def test_one_seat_per_ldc_first_then_in_order_of_nomination(scarce):
    outcome = seats.seat_outcome(scarce.event, "ldc_first_seat")
    assert (outcome.capacity, outcome.free, outcome.candidates) == (3, 3, 6)
    assert _placed(outcome) == {"egy": ["Nour Hassan"], "sen": ["Awa Diop"], "zmb": ["Mwila Banda"]}
    assert outcome.explanations[scarce.zambia.pk] == (
        "Zambia: 1 of 2 seats — at least one seat for each least developed country, then in order of nomination"
    )
    assert outcome.explanations[scarce.egypt.pk].startswith("Egypt: 1 of 3 seats — ")


def test_in_order_of_nomination_the_first_nominees_get_the_seats(scarce):
    assert _placed(seats.seat_outcome(scarce.event, "nomination_order")) == {
        "egy": ["Nour Hassan", "Omar Farouk", "Laila Said"], "sen": [], "zmb": [],
    }  # fmt: skip


def test_approved_delegates_keep_their_seats(scarce, cast):
    laila = Registration.objects.get(full_name="Laila Said")
    registration_decide(registration=laila, actor=cast.manager, action="approve")
    outcome = seats.seat_outcome(scarce.event, "ldc_first_seat")
    assert (outcome.approved_before, outcome.free) == (1, 2)
    assert _placed(outcome) == {"egy": [], "sen": ["Awa Diop"], "zmb": ["Mwila Banda"]}
    assert outcome.explanations[scarce.egypt.pk].startswith("Egypt: 1 of 3 seats")


def test_applying_the_outcome_approves_and_waitlists_in_one_audited_step(scarce, cast):
    outcome = seats.seat_outcome(scarce.event, "ldc_first_seat")
    seats_apply(event=scarce.event, actor=cast.manager, policy="ldc_first_seat", fingerprint=outcome.fingerprint)
    statuses = dict(Registration.objects.values_list("full_name", "status"))
    assert statuses == {
        "Nour Hassan": "approved", "Omar Farouk": "waitlisted", "Laila Said": "waitlisted",
        "Mwila Banda": "approved", "Chanda Mulenga": "waitlisted", "Awa Diop": "approved",
    }  # fmt: skip
    assert Registration.objects.get(full_name="Chanda Mulenga").decision_reason.startswith("Zambia: 1 of 2 seats — ")
    assert (
        AuditEntry.objects.filter(
            content_type__model="event", object_id=str(scarce.event.pk), changes__has_key="seats_allocated"
        ).count()
        == 1
    )


def test_applying_a_stale_outcome_is_refused(scarce, cast):
    outcome = seats.seat_outcome(scarce.event, "ldc_first_seat")
    registration_withdraw(registration=Registration.objects.get(full_name="Awa Diop"), actor=None)
    with pytest.raises(Exception) as excinfo:
        seats_apply(event=scarce.event, actor=cast.manager, policy="ldc_first_seat", fingerprint=outcome.fingerprint)
    assert refused(excinfo) == [
        "The nominations changed since you looked at the outcome; look at the new outcome and apply it again."
    ]
    assert Registration.objects.filter(status=S.APPROVED).count() == 0


# ---------------------------------------------------------------------------------------------------
# Completion, privacy, participant list, retention


def _approved(world, cast, name="Mwila Banda"):
    return registration_decide(registration=nominate(world, name=name), actor=cast.manager, action="approve")


def test_completion_checks_passport_and_birth_dates(world, cast):
    registration = _approved(world, cast)
    data = CompletionInput(
        visa_letter_requested=True, nationality=Country.objects.get(iso3="ZMB"), passport_number="zn 123456",
        passport_expiry=world.event.end_date, date_of_birth=date.today() + timedelta(days=1),
    )  # fmt: skip
    with pytest.raises(Exception) as excinfo:
        registration_complete(registration=registration, actor=world.zambia_manager, data=data)
    from harambee.core.formats import format_day

    assert excinfo.value.message_dict == {
        "passport_expiry": [
            f"The passport must be valid after the event's last day ({format_day(world.event.end_date)})."
        ],
        "date_of_birth": ["The date of birth must be in the past."],
    }
    with pytest.raises(Exception) as excinfo:
        registration_complete(
            registration=registration, actor=world.zambia_manager, data=CompletionInput(visa_letter_requested=True)
        )
    assert excinfo.value.message_dict["passport_number"] == ["A visa invitation letter needs this."]


def test_a_completed_registration_keeps_personal_values_out_of_the_audit(world, cast):
    registration = _approved(world, cast)
    data = CompletionInput(
        consent_participant_list=True, visa_letter_requested=True, nationality=Country.objects.get(iso3="ZMB"),
        passport_number="zn 123456", passport_expiry=world.event.end_date + timedelta(days=365),
        date_of_birth=date(1980, 3, 1), dietary_needs="Vegetarian",
    )  # fmt: skip
    registration = registration_complete(registration=registration, actor=world.zambia_manager, data=data)
    assert (registration.passport_number, registration.registration_completed_at is not None) == ("ZN123456", True)
    entry = AuditEntry.objects.filter(
        content_type__model="registration", object_id=str(registration.pk), action="update"
    ).latest("pk")
    assert "ZN123456" not in str(entry.changes) and "Vegetarian" not in str(entry.changes)
    assert entry.changes["personal_fields_changed"][1] == [
        "date_of_birth", "dietary_needs", "nationality", "passport_expiry", "passport_number",
    ]  # fmt: skip


def test_only_an_approved_delegate_completes(world, cast):
    registration = nominate(world)
    with pytest.raises(Exception) as excinfo:
        registration_complete(registration=registration, actor=world.zambia_manager, data=CompletionInput())
    assert refused(excinfo) == ["Only an approved delegate completes the registration."]
    with pytest.raises(Exception) as excinfo:
        registration_complete(registration=registration, actor=world.egypt_manager, data=CompletionInput())
    assert refused(excinfo) == ["You may not complete this registration."]


@pytest.mark.parametrize(
    "who, sees",
    [("anonymous", False), ("egypt_manager", False), ("zambia_viewer", True), ("zambia_manager", True),
     ("host_manager", True), ("host_editor", False), ("secretariat", False), ("delegate", True)],
)  # fmt: skip
def test_who_sees_a_delegates_personal_data(world, cast, who, sees):
    from django.contrib.auth.models import AnonymousUser

    delegate = UserFactory(email="delegate@example.org")  # an account before the nomination: linked
    registration = nominate(world, email="Delegate@example.org")
    UserFactory(email="later@example.org")
    users = {
        "anonymous": AnonymousUser(), "egypt_manager": world.egypt_manager, "zambia_viewer": world.zambia_viewer,
        "zambia_manager": world.zambia_manager, "host_manager": cast.manager, "host_editor": cast.editor,
        "secretariat": cast.secretariat, "delegate": delegate,
    }  # fmt: skip
    assert registration.user == delegate
    assert registration_personal_visible(users[who], registration) is sees


def test_an_account_made_after_the_nomination_is_not_the_delegate(world):
    registration = nominate(world, email="mwila@example.org")
    later = UserFactory(email="mwila@example.org")
    assert registration.user is None
    assert registration_personal_visible(later, registration) is False


def test_the_participant_list_shows_only_approved_delegates_who_consented(world, cast, client):
    consenting = _approved(world, cast, "Mwila Banda")
    registration_complete(
        registration=consenting, actor=world.zambia_manager,
        data=CompletionInput(consent_participant_list=True, dietary_needs="Halal"),
    )  # fmt: skip
    _approved(world, cast, "Chanda Mulenga")  # approved, no consent
    nominate(world, member=world.senegal, name="Awa Diop")  # consent is only asked once approved
    assert [r.full_name for r in participant_list(world.event)] == ["Mwila Banda"]
    page = client.get(reverse("events:detail", args=["lusaka"])).content.decode()
    assert "Mwila Banda" in page and "Chanda Mulenga" not in page and "Awa Diop" not in page
    assert "Halal" not in page


def test_the_retention_task_erases_personal_data_and_keeps_the_fact(world, cast, settings):
    registration = _approved(world, cast)
    registration_complete(
        registration=registration, actor=world.zambia_manager,
        data=CompletionInput(nationality=Country.objects.get(iso3="ZMB"), passport_number="ZN123456",
                             date_of_birth=date(1980, 3, 1), dietary_needs="Vegetarian", consent_participant_list=True),
    )  # fmt: skip
    nominate(world, name="Chanda Mulenga")
    settings.HARAMBEE_DELEGATE_DATA_RETENTION_DAYS = 30
    end = world.event.end_date
    # not yet: 30 days after the end
    assert personal_data_erase_due(today=end + timedelta(days=30)) == 0
    # the day after
    assert personal_data_erase_due(today=end + timedelta(days=31)) == 2
    registration.refresh_from_db()
    assert (registration.passport_number, registration.nationality, registration.date_of_birth) == ("", None, None)
    assert (registration.dietary_needs, registration.nomination_letter.name) == ("", "")
    assert registration.personal_data_erased_at is not None
    assert (registration.full_name, registration.status) == ("Mwila Banda", S.APPROVED)
    entry = AuditEntry.objects.get(
        content_type__model="event", object_id=str(world.event.pk), changes__has_key="delegates_personal_data_erased"
    )
    assert entry.changes == {"delegates_personal_data_erased": [None, 2]}
    assert entry.reason == "Kept until 30 days after the event's end, then erased."
    assert personal_data_erase_due(today=end + timedelta(days=40)) == 0


def test_the_erasure_runs_in_the_daily_retention_run(world, cast, settings):
    # given the schedule: the daily retention run erases delegates' data (one job, not two)
    jobs = {job["name"]: job["task"] for job in settings.HARAMBEE_SCHEDULE}
    assert jobs["operations-retention"] == "harambee.operations.tasks.operations_retention"
    assert "harambee.events.registration_tasks.personal_data_erasure_task" not in jobs.values()
    from harambee.operations.services import retention_run

    # when it runs the day after the retention period of an event with two delegates
    _approved(world, cast)
    nominate(world, name="Chanda Mulenga")
    settings.HARAMBEE_DELEGATE_DATA_RETENTION_DAYS = 0
    day_after = datetime.combine(world.event.end_date + timedelta(days=1), time(12), tzinfo=UTC)
    run = retention_run(now=day_after)
    # then it counts both delegates, and a second run finds nothing left
    assert run.counts["delegates_personal_data"] == 2
    assert retention_run(now=day_after).counts["delegates_personal_data"] == 0


# ---------------------------------------------------------------------------------------------------
# The pages: role × action grid


GRID_ROLES = [
    "anonymous", "outsider", "other_member", "member_viewer", "member_manager", "host_editor", "host_manager",
    "secretariat",
]  # fmt: skip


def _user(role, world, cast):
    return {
        "anonymous": None, "outsider": cast.outsider, "other_member": world.egypt_manager,
        "member_viewer": world.zambia_viewer, "member_manager": world.zambia_manager, "host_editor": cast.editor,
        "host_manager": cast.manager, "secretariat": cast.secretariat,
    }[role]  # fmt: skip


@pytest.fixture
def grid(world, cast):
    """Zambia (quota 3) has a nominee and an approved delegate with a letter."""
    from harambee.events.registration_services import invitation_delete

    invitation_delete(invitation=Invitation.objects.get(member=world.zambia), actor=cast.manager)
    invitation_create(event=world.event, actor=cast.manager, member=world.zambia, quota=3)
    nominee = nominate(world, name="Chanda Mulenga")
    approved = _approved(world, cast, "Mwila Banda")
    return {"world": world, "nominee": nominee, "approved": approved}


def _url(name, g, *args):
    return reverse(f"events:{name}", args=["lusaka", *args])


HOSTS_GET = {**dict.fromkeys(GRID_ROLES, 403), "anonymous": LOGIN, "host_manager": 200, "secretariat": 200}
HOSTS_POST = {**HOSTS_GET, "host_manager": 302, "secretariat": 302}
DELEGATION_GET = {
    "anonymous": LOGIN, "outsider": 403, "other_member": 403, "member_viewer": 200, "member_manager": 200,
    "host_editor": 403, "host_manager": 200, "secretariat": 200,
}  # fmt: skip
NOMINATE_GET = {**dict.fromkeys(GRID_ROLES, 403), "anonymous": LOGIN, "member_manager": 200, "secretariat": 200}
NOMINATE_POST = {**NOMINATE_GET, "member_manager": 302, "secretariat": 302}
# a delegate's own page: hidden (404) from those who may not see the delegation
DELEGATE_HIDDEN = {"anonymous": LOGIN, "outsider": 404, "other_member": 404, "host_editor": 404}
WITHDRAW = {**DELEGATE_HIDDEN, "member_viewer": 403, "member_manager": 302, "host_manager": 403, "secretariat": 302}
COMPLETE_GET = {**DELEGATE_HIDDEN, "member_viewer": 403, "member_manager": 200, "host_manager": 403, "secretariat": 403}
COMPLETE_POST = {**COMPLETE_GET, "member_manager": 302}
LETTER = {**DELEGATE_HIDDEN, "member_viewer": 200, "member_manager": 200, "host_manager": 200, "secretariat": 404}


def _seats_post(g):
    outcome = seats.seat_outcome(g["world"].event, "ldc_first_seat")
    return {"policy": "ldc_first_seat", "fingerprint": outcome.fingerprint}


VIEW_GRID = {
    "invitations": ("get", lambda g: _url("invitations", g), None, HOSTS_GET),
    "invitation_add": (
        "post", lambda g: _url("invitations", g),
        lambda g: {"addressee": "member", "member": "egy", "quota": "2", "deadline_time": "23:59"}, HOSTS_POST,
    ),
    "invitation_remove": (
        "post", lambda g: _url("invitation_remove", g, Invitation.objects.get(member=g["world"].zambia).pk),
        lambda g: {"confirmed": "yes"}, HOSTS_POST,
    ),
    "nominations": ("get", lambda g: _url("nominations", g), None, HOSTS_GET),
    "decide": (
        "post", lambda g: _url("registration_decide", g, g["nominee"].pk),
        lambda g: {"action": "decline", "reason": "Not in the AI field"}, HOSTS_POST,
    ),
    "seats": ("get", lambda g: _url("seats", g), None, HOSTS_GET),
    "seats_apply": ("post", lambda g: _url("seats", g), _seats_post, HOSTS_POST),
    "delegation": ("get", lambda g: _url("delegation", g, "zmb"), None, DELEGATION_GET),
    "nominate_form": ("get", lambda g: _url("nominate", g, "zmb"), None, NOMINATE_GET),
    "nominate": (
        "post", lambda g: _url("nominate", g, "zmb"),
        lambda g: {"full_name": "Bwalya Phiri", "email": "bwalya@example.org", "language": "en",
                   "nomination_letter": letter()},
        NOMINATE_POST,
    ),
    "withdraw": (
        "post", lambda g: _url("registration_withdraw", g, g["nominee"].pk), lambda g: {"confirmed": "yes"}, WITHDRAW,
    ),
    "complete_form": ("get", lambda g: _url("registration_complete", g, g["approved"].pk), None, COMPLETE_GET),
    "complete": (
        "post", lambda g: _url("registration_complete", g, g["approved"].pk),
        lambda g: {"consent_participant_list": "on", "dietary_needs": "Vegetarian"}, COMPLETE_POST,
    ),
    "letter": ("get", lambda g: _url("nomination_letter", g, g["approved"].pk), None, LETTER),
}  # fmt: skip


@pytest.mark.parametrize("role", GRID_ROLES)
@pytest.mark.parametrize("view", sorted(VIEW_GRID))
def test_registration_pages_permission_grid(view, role, grid, cast, client):
    # given a person in `role`, and Zambia's delegation to the host's event
    method, url, data, expected = VIEW_GRID[view]
    user = _user(role, grid["world"], cast)
    if user:
        client.force_login(user)
    writes = AuditEntry.objects.count()
    # when it opens or submits the page
    response = getattr(client, method)(url(grid), data(grid) if data else {})
    # then it gets exactly what its role allows, and a refused write changes nothing
    if expected[role] == LOGIN:
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
    else:
        assert response.status_code == expected[role], response.content[:800]
    if method == "post":
        assert (AuditEntry.objects.count() > writes) == (expected[role] == 302)


def _text(response) -> str:
    import re

    return " ".join(re.sub(r"<[^>]+>", "", response.content.decode()).split())


def test_the_event_page_tells_a_members_people_it_is_invited(world, client):
    url = reverse("events:detail", args=["lusaka"])
    client.force_login(world.zambia_manager)
    page = client.get(url).content.decode()
    assert "Zambia is invited to nominate up to 2 delegates." in _text(client.get(url))
    assert "Nominations close on" in page and "(Zambia Time)" in page
    assert reverse("events:nominate", args=["lusaka", "zmb"]) in page
    client.force_login(world.zambia_viewer)
    page = client.get(url).content.decode()
    assert "Zambia is invited to nominate up to 2 delegates." in _text(client.get(url))
    assert reverse("events:nominate", args=["lusaka", "zmb"]) not in page
    client.force_login(world.egypt_manager)
    assert "is invited to nominate" not in client.get(url).content.decode()


def test_the_nomination_form_shows_a_refusal_next_to_the_letter(world, client):
    client.force_login(world.zambia_manager)
    response = client.post(
        reverse("events:nominate", args=["lusaka", "zmb"]),
        {"full_name": "Bwalya Phiri", "email": "bwalya@example.org", "language": "en",
         "nomination_letter": letter("letter.pdf", b"GIF89a not a pdf")},
    )  # fmt: skip
    assert response.status_code == 400
    assert "The nomination letter is not a PDF file: its content is of another kind." in response.content.decode()
    assert Registration.objects.count() == 0


def test_the_seats_page_explains_the_outcome_per_delegation(scarce, cast, client):
    client.force_login(cast.manager)
    page = _text(client.get(reverse("events:seats", args=["lusaka"])))
    assert (
        "Zambia: 1 of 2 seats — at least one seat for each least developed country, then in order of nomination" in page
    )


# ---------------------------------------------------------------------------------------------------
# Query budget


def _grow_delegations(world, cast, start, n):
    from harambee.registry.tests.factories import OrganisationFactory

    for i in range(start, start + n):
        member = OrganisationFactory(code=f"org-{i}", name=f"Organisation {i}")
        invitation_create(event=world.event, actor=cast.manager, member=member, quota=2)
        for k in range(2):
            registration = nominate(world, member=member, name=f"Person {i}-{k}", email=f"p{i}-{k}@example.org")
            if k:
                registration_decide(registration=registration, actor=cast.manager, action="approve")


def test_the_nominations_list_costs_the_same_however_many_delegations(world, cast, client):
    client.force_login(cast.manager)
    url = reverse("events:nominations", args=["lusaka"])
    _grow_delegations(world, cast, 0, 2)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _grow_delegations(world, cast, 2, 10)
    with CaptureQueriesContext(connection) as large:
        page = client.get(url)
    assert page.content.decode().count('class="card nominee"') == 24
    # session, user, roles, notifications, the event (translations, co-hosts), the registrations, the counts
    assert len(small) == len(large)
    assert len(large) <= 10


def test_the_hosts_decision_form_labels_the_reason_in_words_that_wrap(world, cast, client):
    # given a nominee waiting for the host's decision
    registration = nominate(world)
    client.force_login(cast.manager)
    # when the host opens the nominations in French
    page = client.get("/fr" + reverse("events:nominations", args=["lusaka"])[3:]).content.decode()
    # then the reason has a visible label (it wraps on a phone), not a placeholder cut at the edge
    label = f'<label for="reason-{registration.pk}">Motif (obligatoire pour placer sur la liste'
    assert label in page
    assert "placeholder=" not in page.split('class="decision"', 1)[1].split("</form>", 1)[0]


def test_the_delegate_completes_their_own_registration_from_the_link_they_were_sent(world, cast, client):
    # given an approved delegate whose account existed when she was nominated, and a colleague
    delegate = UserFactory(email="natasha@example.org")
    mine = registration_decide(registration=nominate(world, email="natasha@example.org"), actor=cast.manager,
                               action="approve")  # fmt: skip
    nominate(world, name="Chanda Mulenga")
    (notification,) = Notification.objects.filter(recipient=delegate, kind="delegate_decided")
    client.force_login(delegate)
    # when she opens the page the notification links to
    page = _text(client.get(notification.link()))
    # then she sees her own nomination only, and completes her registration
    assert "Mwila Banda" in page and "Chanda Mulenga" not in page
    response = client.post(
        reverse("events:registration_complete", args=["lusaka", mine.pk]), {"consent_participant_list": "on"}
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.consent_participant_list is True


def test_the_host_filters_the_nominations_by_a_delegation_chosen_by_its_name(world, cast, client):
    # given nominees of Zambia and of Senegal (invited through the LDC group)
    nominate(world, name="Mwila Banda")
    nominate(world, member=world.senegal, name="Awa Diop")
    client.force_login(cast.manager)
    url = reverse("events:nominations", args=["lusaka"])
    # when the host opens the nominations
    page = client.get(url).content.decode()
    # then the filter offers the delegations with nominees by name (not a code to type), and no other
    options = page.split('name="member"', 1)[1].split("</select>", 1)[0]
    assert f'<option value="{world.zambia.code}" dir="auto">{world.zambia.display_name}</option>' in options
    assert f'<option value="{world.senegal.code}" dir="auto">{world.senegal.display_name}</option>' in options
    assert world.egypt.code not in options
    # when they choose Senegal, only its nominee is listed; an unknown delegation is refused, not a 500
    chosen = _text(client.get(url, {"member": world.senegal.code}))
    assert "Awa Diop" in chosen and "Mwila Banda" not in chosen
    assert client.get(url, {"member": "nowhere"}).status_code == 200


# ---------------------------------------------------------------------------------------------------
# The demo (last in this file: its data stays loaded until the module ends)


def test_the_demo_has_beijing_delegations_in_every_state_and_lusaka_open(demo_data, db, client):
    from harambee.events.models import Event
    from harambee.events.registration_selectors import invitation_for
    from harambee.registry.models import Member

    beijing = Event.objects.get(slug="beijing-2025")
    rows = Registration.objects.filter(event=beijing)
    assert rows.values("member").distinct().count() == 41
    assert {"asean", "au", "undp", "zmb", "egy", "sen"} <= set(rows.values_list("member__code", flat=True))
    assert set(rows.values_list("status", flat=True)) == {
        "approved",
        "waitlisted",
        "declined",
        "nominated",
        "withdrawn",
    }
    assert all(r.decision_reason for r in rows.filter(status__in=["declined", "waitlisted"]))
    # over for more than 30 days: personal data erased, names kept
    assert rows.filter(personal_data_erased_at__isnull=True).count() == 0
    listed = [r.full_name for r in participant_list(beijing)]
    assert "Mutale Chanda" in listed and "Mona El-Sayed" not in listed and "Natasha Zulu" not in listed
    lusaka = Event.objects.get(slug="lusaka-next")
    zambia = Member.objects.get(code="zmb")
    invitation = invitation_for(lusaka, zambia)
    assert invitation.group_id == "LDC" and invitation.deadline > timezone.now()
    egyptian = Registration.objects.get(event=lusaka, full_name="Mona El-Sayed")
    assert (egyptian.status, egyptian.visa_letter_requested, egyptian.passport_number) == (
        "approved",
        True,
        "A12345678",
    )
    # the demo's Zambian manager nominates a delegate to the next edition
    from harambee.accounts.models import User

    client.force_login(User.objects.get(email="zambia.manager@demo.harambee.test"))
    response = client.post(
        reverse("events:nominate", args=["lusaka-next", "zmb"]),
        {"full_name": "Mutale Chanda", "email": "mutale@example.org", "language": "ar", "nomination_letter": letter()},
    )
    assert response.status_code == 302
