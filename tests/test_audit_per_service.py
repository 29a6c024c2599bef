"""Every public write service records its audit entry (and the list below covers all of them)."""

import importlib
import inspect
import pkgutil

import pytest
from django.contrib.contenttypes.models import ContentType

import harambee
from harambee.accounts import services as account_services
from harambee.accounts.models import Invitation, User
from harambee.audit.models import AuditAction, AuditEntry
from harambee.registry import services as registry_services
from harambee.registry.models import Country, Member, MemberRole, Membership, MemberStatus
from harambee.registry.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

# Services that only read, help or write outside the domain, on purpose unaudited.
NOT_DOMAIN_WRITES = {
    "harambee.accounts.services.api_token_authenticate",  # notes last use only
    # a new authenticator key, not in use until confirmed (`two_factor_enrol_confirm` is audited)
    "harambee.accounts.services.two_factor_enrol_start",
    "harambee.postings.services.new_external_id",
    "harambee.postings.services.apply_input",  # copies onto an unsaved posting for the callers
    "harambee.cooperation.services.cooperation_check_pair_free",  # raises Conflict, writes nothing
    # marks the reminder as sent (operational bookkeeping); the e-mail itself is the record
    "harambee.postings.services.postings_send_expiry_reminders",
    # derived data computed from audited postings (concepts, vectors) and the worker that runs it
    "harambee.matching.services.features_refresh",
    "harambee.matching.services.embed_pending",
    # notifications are the side effect of audited services (the proposal, the answer)
    "harambee.notifications.services.notify",
    # a helper of the allocation services: a rounding rule
    "harambee.allocation.services.round_score",
    # marks reminders as sent (operational bookkeeping); the notifications are the record
    "harambee.cooperation.services.cooperations_send_reminders",
    "harambee.cooperation.services.iati_fields_for",  # computes defaults; writes nothing
    # when a person last opened "What needs me" (bookkeeping like a last sign-in)
    "harambee.workspace.services.visit_record",
    # marks each follow's window as covered (bookkeeping); the notifications and e-mails are the record
    "harambee.follows.services.follows_digest_run",
    # a document batch's progress, written by its task (the request for it is audited)
    "harambee.events.services.document_batch_started",
    "harambee.events.services.document_batch_finished",
    "harambee.events.services.document_batch_failed",
    # the dashboard's summary table: figures derived from audited records, recomputed by a task
    "harambee.transparency.services.snapshot_refresh",
    "harambee.transparency.services.snapshots_refresh",
}


def _latest(model_instance, action):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(model_instance)),
        object_id=str(model_instance.pk),
        action=action,
    ).latest("pk")


def run_member_create_state(cast):
    member = registry_services.member_create_state(country=Country.objects.get(iso3="FJI"), actor=cast.secretariat)
    return member, AuditAction.CREATE, {"code": [None, "fji"]}


def run_member_create_organisation(cast):
    member = registry_services.member_create_organisation(
        actor=cast.secretariat, name="Makerere University", organisation_type="university", country=None
    )
    return member, AuditAction.CREATE, {"name": [None, "Makerere University"]}


def run_member_update(cast):
    member = registry_services.member_update(
        member=cast.member, actor=cast.editor, data={"acronym": "UNZA"}, reason="official acronym"
    )
    return member, AuditAction.UPDATE, {"acronym": ["", "UNZA"]}


def run_member_set_status(cast):
    member = registry_services.member_set_status(
        member=cast.member, actor=cast.secretariat, status=MemberStatus.SUSPENDED, reason="duplicate"
    )
    return member, AuditAction.TRANSITION, {"status": ["active", "suspended"]}


def run_member_approve(cast):
    pending = OrganisationFactory(code="pending-org", status=MemberStatus.PENDING)
    member = registry_services.member_approve(member=pending, actor=cast.secretariat)
    return member, AuditAction.TRANSITION, {"status": ["pending", "active"]}


def run_member_reject(cast):
    pending = OrganisationFactory(code="pending-org", status=MemberStatus.PENDING)
    member = registry_services.member_reject(member=pending, actor=cast.secretariat, reason="not an organisation")
    return member, AuditAction.TRANSITION, {"status": ["pending", "rejected"]}


def run_membership_add(cast):
    membership = registry_services.membership_add(
        member=cast.member, user=cast.outsider, role=MemberRole.VIEWER, actor=cast.manager
    )
    return membership, AuditAction.CREATE, {"role": [None, "viewer"]}


def run_membership_update(cast):
    membership = Membership.objects.get(member=cast.member, user=cast.viewer)
    membership = registry_services.membership_update(membership=membership, actor=cast.manager, data={"role": "editor"})
    return membership, AuditAction.UPDATE, {"role": ["viewer", "editor"]}


def run_membership_remove(cast):
    membership = Membership.objects.get(member=cast.member, user=cast.viewer)
    registry_services.membership_remove(membership=membership, actor=cast.manager)
    return membership, AuditAction.DELETE, {"role": ["viewer", None]}


def run_user_create(cast):
    user = account_services.user_create(email="New@Example.org", full_name="New Person", password="correct horse 42")
    return user, AuditAction.CREATE, {"email": [None, "new@example.org"]}


def run_user_update_profile(cast):
    user = account_services.user_update_profile(
        user=cast.outsider, actor=cast.outsider, full_name="Renamed", preferred_language="fr"
    )
    return user, AuditAction.UPDATE, {"preferred_language": ["en", "fr"]}


def run_organisation_register(cast):
    registration = account_services.organisation_register(
        email="founder@example.org",
        full_name="Founder",
        password="correct horse 42",
        organisation_name="Lusaka AI Lab",
        organisation_type="company",
        country=Country.objects.get(iso3="ZMB"),
    )
    return registration.member, AuditAction.CREATE, {"status": [None, "pending"]}


def run_invitation_create(cast):
    issued = account_services.invitation_create(
        actor=cast.manager, email="invitee@example.org", member=cast.member, role=MemberRole.EDITOR
    )
    return issued.invitation, AuditAction.CREATE, {"email": [None, "invitee@example.org"]}


def run_invitation_accept(cast):
    issued = account_services.invitation_create(
        actor=cast.manager, email="invitee@example.org", member=cast.member, role=MemberRole.EDITOR
    )
    account_services.invitation_accept(
        invitation=issued.invitation, user=None, full_name="Invitee", password="correct horse 42"
    )
    return Invitation.objects.get(pk=issued.invitation.pk), AuditAction.TRANSITION, {"status": ["open", "accepted"]}


def run_invitation_revoke(cast):
    issued = account_services.invitation_create(
        actor=cast.manager, email="invitee@example.org", member=cast.member, role=MemberRole.EDITOR
    )
    invitation = account_services.invitation_revoke(invitation=issued.invitation, actor=cast.manager, reason="typo")
    return invitation, AuditAction.TRANSITION, {"status": ["open", "revoked"]}


def run_api_token_create(cast):
    issued = account_services.api_token_create(user=cast.viewer, name="nightly export")
    return issued.token, AuditAction.CREATE, {"name": [None, "nightly export"]}


def run_api_token_revoke(cast):
    issued = account_services.api_token_create(user=cast.viewer, name="old")
    account_services.api_token_revoke(token=issued.token, actor=cast.viewer)
    return issued.token, AuditAction.TRANSITION, {"revoked": [False, True]}


def run_user_set_password(cast):
    account_services.api_token_create(user=cast.viewer, name="nightly export")
    account_services.user_set_password(user=cast.viewer, actor=cast.viewer, password="fresh-passphrase-77", how="reset")
    return cast.viewer, AuditAction.UPDATE, {"password": ["********", "********"]}


def _two_factor_on(user) -> list[str]:
    from django_otp.oath import totp

    device = account_services.two_factor_enrol_start(user=user)
    return account_services.two_factor_enrol_confirm(user=user, device=device, code=f"{totp(device.bin_key):06d}")


def run_two_factor_enrol_confirm(cast):
    _two_factor_on(cast.editor)
    return cast.editor, AuditAction.UPDATE, {"two_factor": [False, True]}


def run_two_factor_recovery_codes_renew(cast):
    _two_factor_on(cast.editor)
    account_services.two_factor_recovery_codes_renew(user=cast.editor)
    return cast.editor, AuditAction.UPDATE, {"two_factor": [True, True]}


def run_two_factor_recovery_code_used(cast):
    _two_factor_on(cast.editor)
    account_services.two_factor_recovery_code_used(user=cast.editor)
    return cast.editor, AuditAction.UPDATE, {"two_factor": [True, True]}


def run_two_factor_turn_off(cast):
    _two_factor_on(cast.editor)
    account_services.two_factor_turn_off(user=cast.editor, actor=cast.secretariat, reason="phone lost")
    return cast.editor, AuditAction.UPDATE, {"two_factor": [True, False]}


def run_erasure_request_create(cast):
    erasure = account_services.erasure_request_create(user=cast.viewer)
    return erasure, AuditAction.CREATE, {"status": [None, "requested"]}


def run_erasure_request_withdraw(cast):
    erasure = account_services.erasure_request_create(user=cast.viewer)
    account_services.erasure_request_withdraw(erasure=erasure, actor=cast.viewer)
    return erasure, AuditAction.TRANSITION, {"status": ["requested", "withdrawn"]}


def run_personal_data_erase(cast):
    erasure = account_services.erasure_request_create(user=cast.viewer)
    account_services.personal_data_erase(erasure=erasure, actor=cast.secretariat)
    return cast.viewer, AuditAction.UPDATE, {"personal_data": ["kept", "erased"]}


def run_retention_run(cast):
    from harambee.operations.services import retention_run

    run = retention_run()
    return run, AuditAction.DELETE, {"notifications": [0, 0], "sign_in_records": [0, 0]}


def _need(cast, **extra):
    from harambee.postings.validation import parse_posting

    return parse_posting(
        {
            "id": "N-1",
            "kind": "need",
            "member": "unza",
            "title": "Compute",
            "description": "GPU hours.",
            "language": "en",
            **extra,
        }
    )


def run_posting_create(cast):
    from harambee.postings.services import posting_create

    posting = posting_create(actor=cast.editor, member=cast.member, data=_need(cast))
    return posting, AuditAction.CREATE, {"title": [None, "Compute"], "status": [None, "draft"]}


def run_posting_update(cast):
    from harambee.postings.services import posting_create, posting_update

    posting = posting_create(actor=cast.editor, member=cast.member, data=_need(cast))
    posting = posting_update(posting=posting, actor=cast.manager, data=_need(cast, title="Compute access"))
    return posting, AuditAction.UPDATE, {"title": ["Compute", "Compute access"]}


def run_posting_transition(cast):
    from harambee.postings.services import posting_create, posting_transition

    posting = posting_create(actor=cast.editor, member=cast.member, data=_need(cast))
    posting = posting_transition(posting=posting, actor=cast.editor, action="submit")
    return posting, AuditAction.TRANSITION, {"status": ["draft", "published"]}


def run_postings_expire(cast):
    from datetime import date

    from harambee.postings.models import Posting
    from harambee.postings.services import posting_create, postings_expire

    posting = posting_create(actor=None, member=cast.member, data=_need(cast, end="2026-01-31"), status="published")
    assert postings_expire(today=date(2026, 2, 1)) == 1
    return Posting.objects.get(pk=posting.pk), AuditAction.TRANSITION, {"status": ["published", "expired"]}


def _pair(cast):
    from harambee.postings.services import posting_create
    from harambee.postings.validation import parse_posting

    def post(member, **fields):
        raw = {
            "kind": "need",
            "title": "Compute",
            "description": "GPU hours.",
            "language": "en",
            "member": member.code,
            **fields,
        }
        return posting_create(actor=cast.secretariat, member=member, data=parse_posting(raw), status="published")

    return post(cast.member, id="N-1"), post(cast.other_member, id="O-1", kind="offer")


def run_match_propose(cast):
    from harambee.matching.services import match_propose

    need, offer = _pair(cast)
    match = match_propose(need=need, offer=offer, actor=cast.editor, message="Let us talk")
    return match, AuditAction.CREATE, {"status": [None, "proposed"], "message": [None, "Let us talk"]}


def run_match_accept(cast):
    from harambee.matching.services import match_accept, match_propose

    match = match_propose(**dict(zip(("need", "offer"), _pair(cast), strict=True)), actor=cast.editor)
    match = match_accept(match=match, actor=cast.other_manager)
    return match, AuditAction.TRANSITION, {"status": ["proposed", "accepted"]}


def run_match_decline(cast):
    from harambee.matching.services import match_decline, match_propose

    match = match_propose(**dict(zip(("need", "offer"), _pair(cast), strict=True)), actor=cast.editor)
    match = match_decline(match=match, actor=cast.other_manager, response="later")
    return match, AuditAction.TRANSITION, {"status": ["proposed", "declined"], "response": ["", "later"]}


def run_match_withdraw(cast):
    from harambee.matching.services import match_propose, match_withdraw

    match = match_propose(**dict(zip(("need", "offer"), _pair(cast), strict=True)), actor=cast.editor)
    match = match_withdraw(match=match, actor=cast.manager)
    return match, AuditAction.TRANSITION, {"status": ["proposed", "withdrawn"]}


def run_post_message(cast):
    from harambee.matching.services import match_propose, post_message

    match = match_propose(**dict(zip(("need", "offer"), _pair(cast), strict=True)), actor=cast.editor)
    message = post_message(actor=cast.other_manager, match=match, body="When do we start?")
    return message, AuditAction.CREATE, {"body": [None, "When do we start?"], "match_id": [None, match.pk]}


def run_cooperation_create_from_match(cast):
    from harambee.cooperation.services import cooperation_create_from_match

    need, offer = _pair(cast)
    cooperation = cooperation_create_from_match(need=need, offer=offer, actor=cast.other_manager)
    return cooperation, AuditAction.CREATE, {"origin": [None, "match"]}


def run_notification_mark_read(cast):
    from harambee.matching.services import match_propose
    from harambee.notifications.models import Notification
    from harambee.notifications.services import notification_mark_read

    match_propose(**dict(zip(("need", "offer"), _pair(cast), strict=True)), actor=cast.editor)
    notification = notification_mark_read(notification=Notification.objects.get(), actor=cast.other_manager)
    return notification, AuditAction.UPDATE, {"read": [False, True]}


def run_notifications_mark_all_read(cast):
    from harambee.matching.services import match_propose
    from harambee.notifications.models import Notification
    from harambee.notifications.services import notifications_mark_all_read

    match_propose(**dict(zip(("need", "offer"), _pair(cast), strict=True)), actor=cast.editor)
    assert notifications_mark_all_read(actor=cast.other_manager) == 1
    return Notification.objects.get(), AuditAction.UPDATE, {"read": [False, True]}


def _round(cast):
    from datetime import timedelta

    from django.utils import timezone

    from harambee.allocation.services import round_create
    from harambee.postings.services import posting_create
    from harambee.postings.validation import parse_posting

    raw = {
        "id": "O-R",
        "kind": "offer",
        "member": cast.other_member.code,
        "title": "Seats",
        "description": "Course.",
        "language": "en",
        "capacity": {"seats": 3},
    }
    offer = posting_create(
        actor=cast.secretariat, member=cast.other_member, data=parse_posting(raw), status="published"
    )
    round = round_create(
        provider=cast.other_member,
        actor=cast.other_manager,
        title="Round",
        offers=[offer],
        deadline=timezone.now() + timedelta(days=3),
    )
    return round, offer


def run_round_create(cast):
    round, _offer = _round(cast)
    return round, AuditAction.CREATE, {"title": [None, "Round"], "status": [None, "open"]}


def run_round_apply(cast):
    from harambee.allocation.services import round_apply

    round, offer = _round(cast)
    round_apply(round=round, member=cast.member, actor=cast.editor, units=2, ranking=[offer])
    return round, AuditAction.CREATE, {"requests": [None, "unza × 2"]}


def run_round_close(cast):
    from harambee.allocation.services import round_close

    round, _offer = _round(cast)
    return round_close(round=round, actor=cast.other_manager), AuditAction.TRANSITION, {"status": ["open", "closed"]}


def run_round_compute(cast):
    from harambee.allocation.services import round_close, round_compute

    round, _offer = _round(cast)
    round = round_compute(round=round_close(round=round, actor=cast.other_manager), actor=cast.other_manager)
    return round, AuditAction.TRANSITION, {"status": ["closed", "computed"]}


def run_round_publish(cast):
    from harambee.allocation.services import round_apply, round_close, round_compute, round_publish

    round, offer = _round(cast)
    round_apply(round=round, member=cast.member, actor=cast.editor, units=1, ranking=[offer])
    round = round_compute(round=round_close(round=round, actor=cast.other_manager), actor=cast.other_manager)
    round = round_publish(round=round, actor=cast.other_manager)
    return round, AuditAction.TRANSITION, {"status": ["computed", "published"]}


def run_posting_commit_capacity(cast):
    from harambee.postings.services import posting_commit_capacity

    _round_, offer = _round(cast)
    offer = posting_commit_capacity(posting=offer, units=2, actor=cast.other_manager)
    return offer, AuditAction.UPDATE, {"capacity_used": ["0.00", "2.00"]}


def run_cooperation_create_from_allocation(cast):
    from harambee.cooperation.services import cooperation_create_from_allocation

    _round_, offer = _round(cast)
    cooperation = cooperation_create_from_allocation(
        offer=offer, beneficiary=cast.member, units=1, actor=cast.other_manager
    )
    return cooperation, AuditAction.CREATE, {"origin": [None, "allocation"]}


def _cooperation(cast):
    from harambee.cooperation.models import Cooperation

    return Cooperation.objects.create(
        title="Course", provider=cast.other_member, beneficiary=cast.member, origin="direct"
    )


def run_cooperation_create_direct(cast):
    from harambee.cooperation.services import cooperation_create_direct

    cooperation = cooperation_create_direct(
        provider=cast.other_member,
        beneficiary=cast.member,
        actor=cast.other_manager,
        title="Lab",
        modality="joint_research",
        themes=["research_models"],
    )
    return cooperation, AuditAction.CREATE, {"title": [None, "Lab"], "origin": [None, "direct"]}


def run_cooperation_update(cast):
    from harambee.cooperation.services import cooperation_update

    cooperation = cooperation_update(cooperation=_cooperation(cast), actor=cast.editor, data={"status": "ongoing"})
    return cooperation, AuditAction.UPDATE, {"status": ["agreed", "ongoing"]}


def run_progress_report(cast):
    from harambee.cooperation.services import progress_report

    update = progress_report(cooperation=_cooperation(cast), actor=cast.editor, percent=30, narrative="Going")
    return update, AuditAction.CREATE, {"percent": [None, 30]}


def run_milestone_add(cast):
    from datetime import date

    from harambee.cooperation.services import milestone_add

    milestone = milestone_add(cooperation=_cooperation(cast), actor=cast.editor, title="Kick-off", due=date(2027, 1, 1))
    return milestone, AuditAction.CREATE, {"title": [None, "Kick-off"]}


def run_milestone_complete(cast):
    from datetime import date

    from harambee.cooperation.services import milestone_add, milestone_complete

    milestone = milestone_add(cooperation=_cooperation(cast), actor=cast.editor, title="Kick-off", due=date(2027, 1, 1))
    milestone = milestone_complete(milestone=milestone, actor=cast.other_manager, done_on=date(2026, 12, 20))
    return milestone, AuditAction.UPDATE, {"done_at": [None, "2026-12-20"]}


def run_result_add(cast):
    from harambee.cooperation.services import result_add

    result = result_add(cooperation=_cooperation(cast), actor=cast.editor, title="Staff trained")
    return result, AuditAction.CREATE, {"title": [None, "Staff trained"]}


def run_indicator_report(cast):
    from harambee.cooperation.services import indicator_report, result_add

    result = result_add(cooperation=_cooperation(cast), actor=cast.editor, title="R", indicators=[{"title": "I"}])
    indicator = indicator_report(indicator=result.indicators.get(), actor=cast.editor, actual=7)
    return indicator, AuditAction.UPDATE, {"actual": ["None", "7"]}


def run_budget_add(cast):
    from datetime import date

    from harambee.cooperation.services import budget_add

    budget = budget_add(
        cooperation=_cooperation(cast),
        actor=cast.other_manager,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        value=1000,
        currency="USD",
        value_date=date(2026, 1, 1),
    )
    return budget, AuditAction.CREATE, {"value": [None, "1000"]}


def run_transaction_add(cast):
    from datetime import date

    from harambee.cooperation.services import transaction_add

    row = transaction_add(
        cooperation=_cooperation(cast),
        actor=cast.other_manager,
        type="3",
        date=date(2026, 2, 1),
        value=500,
        currency="USD",
    )
    return row, AuditAction.CREATE, {"value": [None, "500"]}


def run_budget_remove(cast):
    from datetime import date

    from harambee.cooperation.models import Budget
    from harambee.cooperation.services import budget_add, budget_remove

    budget = budget_add(
        cooperation=_cooperation(cast),
        actor=cast.other_manager,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        value=1000,
        currency="USD",
        value_date=date(2026, 1, 1),
    )
    pk = budget.pk
    budget_remove(budget=budget, actor=cast.other_manager)
    return Budget(pk=pk), AuditAction.DELETE, {"value": ["1000", None]}


def run_transaction_remove(cast):
    from datetime import date

    from harambee.cooperation.models import Transaction
    from harambee.cooperation.services import transaction_add, transaction_remove

    row = transaction_add(
        cooperation=_cooperation(cast), actor=cast.editor, type="3", date=date(2026, 2, 1), value=500, currency="USD"
    )
    pk = row.pk
    transaction_remove(row=row, actor=cast.editor)
    return Transaction(pk=pk), AuditAction.DELETE, {"value": ["500", None]}


def run_result_remove(cast):
    from harambee.cooperation.models import Result
    from harambee.cooperation.services import result_add, result_remove

    result = result_add(cooperation=_cooperation(cast), actor=cast.editor, title="R", indicators=[{"title": "I"}])
    pk = result.pk
    result_remove(result=result, actor=cast.other_manager)
    return Result(pk=pk), AuditAction.DELETE, {"title": ["R", None]}


def run_cooperation_create_from_iati(cast):
    from harambee.cooperation.services import cooperation_create_from_iati

    cooperation = cooperation_create_from_iati(
        provider=cast.other_member,
        beneficiary=cast.member,
        actor=None,
        data={"title": "Imported", "aid_type": "D02", "iati_identifier": "XM-1-P1"},
    )
    return cooperation, AuditAction.CREATE, {"title": [None, "Imported"], "iati_identifier": [None, "XM-1-P1"]}


def run_pledge_create(cast):
    from datetime import date

    from harambee.cooperation.services import pledge_create

    pledge = pledge_create(
        member=cast.other_member,
        actor=cast.other_manager,
        title="Seats",
        unit="seats",
        value=10,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    return pledge, AuditAction.CREATE, {"value": [None, "10"]}


def run_cooperation_draw_pledge(cast):
    from datetime import date

    from harambee.cooperation.services import cooperation_draw_pledge, pledge_create

    pledge = pledge_create(
        member=cast.other_member,
        actor=cast.other_manager,
        title="Seats",
        unit="seats",
        value=10,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    cooperation = cooperation_draw_pledge(cooperation=_cooperation(cast), pledge=pledge, actor=cast.other_manager)
    return cooperation, AuditAction.UPDATE, {"pledge": [None, pledge.pk]}


def run_task_retry(cast):
    from django_tasks_db.models import DBTaskResult, get_date_max

    from harambee.background.services import task_retry

    failed = DBTaskResult.objects.create(
        task_path="harambee.notifications.tasks.notification_send_mail",
        args_kwargs={"args": [1], "kwargs": {}},
        backend_name="default",
        queue_name="mail",
        run_after=get_date_max(),
        status="FAILED",
        worker_ids=["a", "b"],
        exception_class_path="smtplib.SMTPServerDisconnected",
        traceback="smtplib.SMTPServerDisconnected: gone\n",
    )
    task = task_retry(task=failed, actor=cast.secretariat)
    return task, AuditAction.TRANSITION, {"status": ["FAILED", "READY"], "attempts": [2, 0]}


def _follow(cast):
    from harambee.follows.services import follow_create

    follow, _created = follow_create(person=cast.outsider, kind="member", member=cast.member)
    return follow


def run_follow_create(cast):
    follow = _follow(cast)
    return follow, AuditAction.CREATE, {"target": [None, "unza"], "frequency": [None, "daily"]}


def run_follow_set_frequency(cast):
    from harambee.follows.services import follow_set_frequency

    follow = follow_set_frequency(follow=_follow(cast), actor=cast.outsider, frequency="weekly")
    return follow, AuditAction.UPDATE, {"frequency": ["daily", "weekly"]}


def run_follow_delete(cast):
    from harambee.follows.services import follow_delete

    follow = _follow(cast)
    follow_delete(follow=follow, actor=cast.outsider)
    return follow, AuditAction.DELETE, {"target": ["unza", None]}


def run_follows_unsubscribe(cast):
    from harambee.follows.services import follows_unsubscribe

    follow = _follow(cast)
    follows_unsubscribe(person_id=cast.outsider.pk, follow_id=None)
    return follow, AuditAction.UPDATE, {"frequency": ["daily", "never"]}


def _event(cast, publish=True):
    from harambee.events.tests.factories import make_event

    return make_event(cast.member, publish=publish)


def _session(cast):
    from harambee.events.tests.factories import make_session

    return make_session(_event(cast))


def run_series_create(cast):
    from harambee.events.services import series_create

    series = series_create(actor=cast.manager, slug="workshops", name="Workshops", hosts=[cast.member])
    return series, AuditAction.CREATE, {"name": [None, "Workshops"]}


def run_event_create(cast):
    from harambee.events.services import event_create
    from harambee.events.tests.factories import event_input

    event = event_create(actor=cast.editor, host=cast.member, data=event_input(time_zone="Africa/Lusaka"))
    return event, AuditAction.CREATE, {"time_zone": [None, "Africa/Lusaka"], "translations": [None, ["fr"]]}


def run_event_update(cast):
    from harambee.events.services import event_update
    from harambee.events.tests.factories import event_input

    event = event_update(event=_event(cast), actor=cast.manager, data=event_input(capacity=80), reason="smaller room")
    return event, AuditAction.UPDATE, {"capacity": [120, 80]}


def run_event_transition(cast):
    from harambee.events.services import event_transition

    event = event_transition(event=_event(cast, publish=False), actor=cast.editor, action="publish")
    return event, AuditAction.TRANSITION, {"status": ["draft", "published"]}


def run_session_create(cast):
    session = _session(cast)
    return session, AuditAction.CREATE, {"title": [None, "Opening ceremony"], "room": [None, "Main Hall"]}


def run_session_update(cast):
    from harambee.events.services import SessionInput, session_update

    session = _session(cast)
    data = SessionInput(title="Opening", starts_at=session.starts_at, ends_at=session.ends_at, room="Hall B")
    session = session_update(session=session, actor=cast.editor, data=data)
    return session, AuditAction.UPDATE, {"title": ["Opening ceremony", "Opening"], "room": ["Main Hall", "Hall B"]}


def run_session_delete(cast):
    from harambee.events.services import session_delete

    session = _session(cast)
    session_delete(session=session, actor=cast.manager)
    return session, AuditAction.DELETE, {"title": ["Opening ceremony", None]}


def run_speaker_create(cast):
    from harambee.events.services import speaker_create

    speaker = speaker_create(session=_session(cast), actor=cast.editor, name="Li Wei", affiliation="MFA")
    return speaker, AuditAction.CREATE, {"affiliation": [None, "MFA"], "consent_public": [None, False]}


def run_speaker_update(cast):
    from harambee.events.services import speaker_create, speaker_update

    speaker = speaker_create(session=_session(cast), actor=cast.editor, name="Li Wei")
    speaker = speaker_update(speaker=speaker, actor=cast.editor, name="Li Wei", consent_public=True)
    return speaker, AuditAction.UPDATE, {"consent_public": [False, True]}


def run_speaker_delete(cast):
    from harambee.events.services import speaker_create, speaker_delete

    speaker = speaker_create(session=_session(cast), actor=cast.editor, name="Li Wei", role="chair")
    speaker_delete(speaker=speaker, actor=cast.manager)
    return speaker, AuditAction.DELETE, {"role": ["chair", None]}


def run_material_create(cast):
    from harambee.events.services import material_create

    material = material_create(session=_session(cast), actor=cast.editor, title="GDC", url="https://www.un.org/")
    return material, AuditAction.CREATE, {"url": [None, "https://www.un.org/"]}


def run_material_delete(cast):
    from harambee.events.services import material_create, material_delete

    material = material_create(session=_session(cast), actor=cast.editor, title="GDC", url="https://www.un.org/")
    material_delete(material=material, actor=cast.manager)
    return material, AuditAction.DELETE, {"title": ["GDC", None]}


def run_registration_assign_badge_codes(cast):
    from harambee.events.services import registration_assign_badge_codes
    from harambee.events.tests.factories_registrations import RegistrationFactory

    registration = RegistrationFactory(event=_event(cast), member=cast.other_member)
    registration_assign_badge_codes(registrations=[registration], actor=cast.manager)
    registration.refresh_from_db()
    return registration, AuditAction.UPDATE, {"badge_code": [None, registration.badge_code]}


def run_document_batch_request(cast):
    from harambee.events.services import document_batch_request

    batch = document_batch_request(event=_event(cast), actor=cast.editor, kind="badge")
    return batch, AuditAction.CREATE, {"kind": [None, "badge"]}


# Readiness assessments (issue 15): each service on a State the cast acts for


def _assessment(cast, *, answered=False, submitted=False, validated=False):
    from harambee.assessments import services as a
    from harambee.assessments.core.framework import get_framework
    from harambee.registry.tests.factories import StateFactory

    state = Member.objects.filter(code="zmb").first() or StateFactory(country=Country.objects.get(iso3="ZMB"))
    for role in ("manager", "editor"):
        Membership.objects.get_or_create(member=state, user=getattr(cast, role), defaults={"role": role})
    assessment = a.start_assessment(actor=cast.manager, member=state, year=2026)
    if answered or submitted or validated:
        levels = {i.code: 1 for i in get_framework().indicators}
        a.save_answers(assessment=assessment, actor=cast.editor, answers=levels)
    if submitted or validated:
        a.submit(assessment=assessment, actor=cast.manager)
    if validated:
        a.validate(assessment=assessment, actor=cast.secretariat)
    return assessment


def run_start_assessment(cast):
    assessment = _assessment(cast)
    return assessment, AuditAction.CREATE, {"year": [None, 2026], "status": [None, "draft"]}


def run_save_answers(cast):
    from harambee.assessments.core.framework import get_framework

    assessment = _assessment(cast, answered=True)
    first = get_framework().indicators[0].code
    return assessment, AuditAction.UPDATE, {f"{first}.level": [None, 1]}


def run_add_comment(cast):
    from harambee.assessments.core.framework import get_framework
    from harambee.assessments.services import add_comment

    assessment = _assessment(cast)
    code = get_framework().indicators[0].code
    comment = add_comment(assessment=assessment, actor=cast.editor, indicator_code=code, text="Ask the ministry")
    return comment, AuditAction.CREATE, {"text": [None, "Ask the ministry"]}


def run_add_evidence(cast):
    from harambee.assessments.core.framework import get_framework
    from harambee.assessments.services import add_evidence

    assessment = _assessment(cast)
    code = get_framework().indicators[0].code
    item = add_evidence(
        assessment=assessment, actor=cast.editor, indicator_code=code, title="Strategy", url="https://gov.zm/ai"
    )
    return item, AuditAction.CREATE, {"url": [None, "https://gov.zm/ai"]}


def run_submit(cast):
    assessment = _assessment(cast, submitted=True)
    return assessment, AuditAction.TRANSITION, {"status": ["draft", "submitted"]}


def run_validate(cast):
    assessment = _assessment(cast, validated=True)
    return assessment, AuditAction.TRANSITION, {"status": ["submitted", "validated"]}


def run_return_assessment(cast):
    from harambee.assessments.services import return_assessment

    assessment = _assessment(cast, submitted=True)
    return_assessment(assessment=assessment, actor=cast.secretariat, reason="Add evidence")
    return assessment, AuditAction.TRANSITION, {"status": ["submitted", "returned"]}


def run_set_public(cast):
    from harambee.assessments.services import set_public

    assessment = _assessment(cast)
    set_public(assessment=assessment, actor=cast.manager, public=True)
    return assessment, AuditAction.UPDATE, {"public": [False, True]}


def run_create_need_from_gap(cast):
    from harambee.assessments.core.framework import get_framework
    from harambee.assessments.services import create_need_from_gap

    assessment = _assessment(cast, validated=True)
    code = get_framework().indicators[0].code
    link = create_need_from_gap(assessment=assessment, actor=cast.editor, indicator_code=code)
    return link, AuditAction.CREATE, {"indicator": [None, code], "posting": [None, link.posting.external_id]}


SCENARIOS = {
    f"harambee.{module}.services.{name[4:]}": runner
    for name, runner in dict(globals()).items()
    if name.startswith("run_")
    for module in (
        "registry",
        "accounts",
        "postings",
        "matching",
        "cooperation",
        "notifications",
        "allocation",
        "background",
        "follows",
        "events",
        "operations",
        "assessments",
    )
    if hasattr(importlib.import_module(f"harambee.{module}.services"), name[4:])
}


@pytest.mark.parametrize("service", sorted(SCENARIOS))
def test_service_records_its_audit_entry(service, cast):
    # given the cast around a member
    before = AuditEntry.objects.count()
    # when the service runs
    instance, action, expected_changes = SCENARIOS[service](cast)
    # then an entry for that object records the action and the field-level change, by someone
    entry = _latest(instance, action)
    for field, values in expected_changes.items():
        assert entry.changes[field] == values
    assert entry.actor_label
    assert AuditEntry.objects.count() > before


def test_every_public_service_is_covered():
    # given every public function defined in a services module of the project
    services = set()
    for module_info in pkgutil.walk_packages(harambee.__path__, "harambee."):
        # the audit trail's own services write the entries; they are what this test checks
        if module_info.name.endswith(".services") and module_info.name != "harambee.audit.services":
            module = importlib.import_module(module_info.name)
            for name, function in inspect.getmembers(module, inspect.isfunction):
                if function.__module__ == module.__name__ and not name.startswith("_"):
                    services.add(f"{module.__name__}.{name}")
    # then each one either has an audit scenario above or is a declared non-domain write
    assert services - set(SCENARIOS) - NOT_DOMAIN_WRITES == set()


def test_failing_service_writes_nothing(cast):
    # given an update that breaks validation (an impossible website)
    entries, members = AuditEntry.objects.count(), Member.objects.values_list("website", flat=True)
    # when the service refuses it
    with pytest.raises(Exception) as error:
        registry_services.member_update(member=cast.member, actor=cast.editor, data={"website": "not a url"})
    # then neither the member nor the audit trail changed
    assert "website" in str(error.value)
    assert AuditEntry.objects.count() == entries
    assert list(members) == list(Member.objects.values_list("website", flat=True))


def test_user_create_refuses_a_duplicate_address(cast):
    with pytest.raises(Exception, match="already exists"):
        account_services.user_create(email="OUTSIDER@example.org", full_name="Twin", password="correct horse 42")
    assert User.objects.filter(email="outsider@example.org").count() == 1
