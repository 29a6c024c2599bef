"""Writes for accounts: registration, invitations, profiles, passwords and API tokens."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record, diff, snapshot
from harambee.background.queue import enqueue_on_commit
from harambee.notifications.models import register_message
from harambee.notifications.services import notify
from harambee.registry.access import MemberAction, is_secretariat, member_can
from harambee.registry.models import Country, Member, MemberRole, MemberStatus
from harambee.registry.services import member_create_organisation, membership_add

from . import personal_data
from .models import (
    ApiToken,
    ErasureRequest,
    ErasureStatus,
    Invitation,
    InvitationStatus,
    User,
    hash_token,
    normalise_email,
)
from .tasks import invitation_send_mail
from .two_factor import RECOVERY_CODES, RECOVERY_NAME, TOTP_NAME, two_factor_enabled, two_factor_required

USER_AUDITED_FIELDS = ("email", "full_name", "preferred_language", "is_secretariat", "is_active")


@transaction.atomic
def user_create(
    *,
    email: str,
    full_name: str,
    password: str | None,
    actor=None,
    preferred_language: str = "en",
    is_secretariat: bool = False,
    is_demo: bool = False,
) -> User:
    """Create a person's account; the password is checked against the password validators."""
    email = normalise_email(email)
    if User.objects.filter(email=email).exists():
        raise ValidationError({"email": _("An account with this e-mail address already exists.")})
    user = User(
        email=email,
        full_name=full_name.strip(),
        preferred_language=preferred_language,
        is_secretariat=is_secretariat,
        is_demo=is_demo,
    )
    if password is None:
        user.set_unusable_password()
    else:
        validate_password(password, user)
        user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    audit_record(
        actor=actor or user,
        action=AuditAction.CREATE,
        instance=user,
        changes=diff({}, snapshot(user, USER_AUDITED_FIELDS)),
    )
    return user


@transaction.atomic
def user_update_profile(*, user: User, actor, full_name: str, preferred_language: str) -> User:
    """Change a person's own name and preferred language."""
    if actor.pk != user.pk and not is_secretariat(actor):
        raise ValidationError(_("You may only change your own profile."))
    before = snapshot(user, USER_AUDITED_FIELDS)
    user.full_name = full_name.strip()
    user.preferred_language = preferred_language
    user.full_clean(exclude=["password"])
    changes = diff(before, snapshot(user, USER_AUDITED_FIELDS))
    if changes:
        user.save(update_fields=["full_name", "preferred_language"])
        audit_record(actor=actor, action=AuditAction.UPDATE, instance=user, changes=changes)
    return user


@dataclass(frozen=True)
class Registration:
    user: User
    member: Member


@transaction.atomic
def organisation_register(
    *,
    email: str,
    full_name: str,
    password: str,
    organisation_name: str,
    organisation_type: str,
    country: Country | None,
    acronym: str = "",
    website: str = "",
    description: str = "",
    position: str = "",
    preferred_language: str = "en",
) -> Registration:
    """An organisation registers itself: a pending member with the registrant as its manager.

    The organisation stays invisible to the public until the secretariat approves it.
    """
    user = user_create(email=email, full_name=full_name, password=password, preferred_language=preferred_language)
    member = member_create_organisation(
        actor=user,
        name=organisation_name,
        organisation_type=organisation_type,
        country=country,
        acronym=acronym,
        website=website,
        description=description,
        status=MemberStatus.PENDING,
        reason=_("Self-registration"),
    )
    membership_add(
        member=member, user=user, role=MemberRole.MANAGER, actor=user, is_focal_point=True, position=position
    )
    return Registration(user=user, member=member)


@dataclass(frozen=True)
class IssuedInvitation:
    invitation: Invitation
    token: str

    def path(self) -> str:
        return reverse("accounts:invitation_accept", kwargs={"token": self.token})


@transaction.atomic
def invitation_create(
    *,
    actor,
    email: str,
    member: Member | None = None,
    role: str = "",
    as_secretariat: bool = False,
    is_focal_point: bool = False,
    message: str = "",
    base_url: str = "",
) -> IssuedInvitation:
    """Invite someone by link, to a member with a role or to the secretariat; a background task mails
    the link once the transaction commits.

    Member managers may invite to their own member; only the secretariat invites to the
    secretariat or to any member.
    """
    if as_secretariat:
        if not is_secretariat(actor):
            raise ValidationError(_("Only the secretariat can invite people to the secretariat."))
        member, role = None, ""
    else:
        if member is None:
            raise ValidationError({"member": _("Choose the member to invite this person to.")})
        if not member_can(actor, member, MemberAction.MANAGE_PEOPLE):
            raise ValidationError(_("Only this member's managers or the secretariat can invite people to it."))
        if role not in MemberRole.values:
            raise ValidationError({"role": _("Choose a role.")})
        if member.memberships.filter(user__email=normalise_email(email)).exists():
            raise ValidationError({"email": _("This person already belongs to this member.")})
    invitation = Invitation(
        email=normalise_email(email),
        member=member,
        role=role,
        as_secretariat=as_secretariat,
        is_focal_point=is_focal_point,
        message=message.strip(),
        token_hash=hash_token(secrets.token_urlsafe(32)),  # replaced below, once the id is known
        invited_by=actor,
        expires_at=timezone.now() + timedelta(days=settings.HARAMBEE_INVITATION_DAYS),
    )
    invitation.full_clean(exclude=["token_hash"])
    invitation.save()
    token = invitation.link_token()
    invitation.token_hash = hash_token(token)
    invitation.save(update_fields=["token_hash"])
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=invitation,
        changes=diff({}, {"email": invitation.email, "role": role, "as_secretariat": as_secretariat}),
        member_code=member.code if member else "",
    )
    language = translation.get_language() or settings.LANGUAGE_CODE
    enqueue_on_commit(invitation_send_mail, invitation.pk, base_url, language)
    return IssuedInvitation(invitation=invitation, token=token)


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User | None, full_name: str = "", password: str = "") -> User:
    """Accept an invitation, creating the account when the invitee has none.

    A signed-in user accepts only invitations sent to its own e-mail address.
    """
    invitation = Invitation.objects.select_for_update(of=("self",)).select_related("member").get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError(_("This invitation has expired or was already used or revoked."))
    if user is None:
        user = user_create(email=invitation.email, full_name=full_name, password=password)
    elif user.email.lower() != invitation.email:
        raise ValidationError(_("This invitation was sent to another e-mail address."))
    if invitation.as_secretariat:
        before = snapshot(user, USER_AUDITED_FIELDS)
        user.is_secretariat = True
        user.save(update_fields=["is_secretariat"])
        audit_record(
            actor=user,
            action=AuditAction.UPDATE,
            instance=user,
            changes=diff(before, snapshot(user, USER_AUDITED_FIELDS)),
            reason=_("Accepted an invitation to the secretariat"),
        )
    else:
        membership_add(
            member=invitation.member,
            user=user,
            role=invitation.role,
            actor=user,
            is_focal_point=invitation.is_focal_point,
            reason=_("Accepted an invitation"),
        )
    invitation.status = InvitationStatus.ACCEPTED
    invitation.accepted_by = user
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["status", "accepted_by", "accepted_at"])
    audit_record(
        actor=user,
        action=AuditAction.TRANSITION,
        instance=invitation,
        changes={"status": [InvitationStatus.OPEN, InvitationStatus.ACCEPTED]},
        member_code=invitation.member.code if invitation.member else "",
    )
    return user


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor, reason: str = "") -> Invitation:
    """Withdraw an open invitation so its link stops working."""
    invitation = Invitation.objects.select_for_update(of=("self",)).select_related("member").get(pk=invitation.pk)
    allowed = is_secretariat(actor) or (
        invitation.member is not None and member_can(actor, invitation.member, MemberAction.MANAGE_PEOPLE)
    )
    if not allowed:
        raise ValidationError(_("You may not revoke this invitation."))
    if invitation.status != InvitationStatus.OPEN:
        raise ValidationError(_("Only an open invitation can be revoked."))
    invitation.status = InvitationStatus.REVOKED
    invitation.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action=AuditAction.TRANSITION,
        instance=invitation,
        changes={"status": [InvitationStatus.OPEN, InvitationStatus.REVOKED]},
        reason=reason,
        member_code=invitation.member.code if invitation.member else "",
    )
    return invitation


API_TOKEN_PREFIX = "hrb_"


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    key: str


@transaction.atomic
def api_token_create(*, user: User, name: str) -> IssuedToken:
    """Issue a personal API token; the key is returned once and only its hash is kept."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name.")})
    if ApiToken.objects.filter(user=user, revoked_at__isnull=True).count() >= 20:
        raise ValidationError(_("You have 20 active tokens; revoke one first."))
    key = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name[:100], prefix=key[4:12], key_hash=hash_token(key))
    audit_record(actor=user, action=AuditAction.CREATE, instance=token, changes={"name": [None, token.name]})
    return IssuedToken(token=token, key=key)


@transaction.atomic
def api_token_revoke(*, token, actor: User) -> None:
    """Revoke a token so that it stops working at once."""
    if token.user_id != actor.pk and not is_secretariat(actor):
        raise ValidationError(_("You may only revoke your own tokens."))
    _token_revoke(token, actor=actor)


def _token_revoke(token: ApiToken, *, actor, reason: str = "") -> None:
    if token.revoked_at is not None:
        return
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(
        actor=actor, action=AuditAction.TRANSITION, instance=token, changes={"revoked": [False, True]}, reason=reason
    )


register_message(
    "password_changed",
    gettext_lazy("The password of your Harambee account was changed."),
    gettext_lazy("If you did not do this, reset your password now and tell the secretariat."),
)
register_message(
    "password_changed_tokens_revoked",
    gettext_lazy("The password of your Harambee account was changed, so your API tokens were revoked (%(count)s)."),
    gettext_lazy(
        "Create new tokens for your scripts on your account page. If you did not change the password, reset it "
        "now and tell the secretariat."
    ),
)
PASSWORD_MASK = "********"


@transaction.atomic
def user_set_password(*, user: User, actor, password: str, how: str) -> int:
    """Give a person a new password and revoke all its API tokens, both audited, and tell the person
    (in the app and by e-mail in its preferred language). `how`: "reset" (by an e-mailed link),
    "change" (signed in) or "command" (on the server). Returns how many tokens were revoked.
    """
    reasons = {
        "reset": _("Password reset by an e-mailed link"),
        "change": _("Password changed by its owner"),
        "command": _("Password set on the server"),
    }
    if how not in reasons:
        raise ValueError(f"unknown way of setting a password {how!r}")
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=user,
        changes={"password": [PASSWORD_MASK, PASSWORD_MASK]},
        reason=reasons[how],
    )
    tokens = list(ApiToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True))
    for token in tokens:
        _token_revoke(token, actor=actor, reason=reasons[how])
    notify(
        recipients=[user],
        kind="password_changed_tokens_revoked" if tokens else "password_changed",
        params={"count": len(tokens)},
        url_name="accounts:profile",
    )
    return len(tokens)


def api_token_authenticate(key: str) -> User | None:
    """The active user a token key belongs to, or None; notes when the token was last used."""
    if not key.startswith(API_TOKEN_PREFIX) or len(key) > 100:
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(key), revoked_at__isnull=True).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


# ---------------------------------------------------------------------------------------------------
# Two-factor sign-in (harambee/accounts/two_factor.py, docs/operations.md)


def _two_factor_audit(*, user: User, actor, before: bool, after: bool, reason: str) -> None:
    audit_record(
        actor=actor, action=AuditAction.UPDATE, instance=user, changes={"two_factor": [before, after]}, reason=reason
    )


@transaction.atomic
def two_factor_enrol_start(*, user: User):
    """A new authenticator key for ``user``, not in use until confirmed with a code from it (an earlier
    unconfirmed key is replaced). Nothing changes for the person yet, so nothing is audited."""

    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)


def _new_recovery_codes(user: User) -> list[str]:

    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    device.token_set.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@transaction.atomic
def two_factor_enrol_confirm(*, user: User, device, code: str) -> list[str]:
    """Turn two-factor sign-in on with ``device`` once ``code`` shows the person's app holds its key;
    returns the new recovery codes (shown once)."""

    device = TOTPDevice.objects.select_for_update().filter(pk=device.pk, user=user, confirmed=False).first()
    if device is None:
        raise ValidationError(_("This set-up has expired: start again."), code="expired")
    if not device.verify_token((code or "").strip().replace(" ", "")):
        raise ValidationError(
            _("That code is not right. Check that your phone's clock is correct and type the newest code."),
            code="wrong_code",
        )
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_recovery_codes(user)
    _two_factor_audit(user=user, actor=user, before=False, after=True, reason=_("Two-factor sign-in turned on"))
    return codes


@transaction.atomic
def two_factor_recovery_codes_renew(*, user: User) -> list[str]:
    """New recovery codes for ``user`` (the old ones stop working)."""

    if not two_factor_enabled(user):
        raise ValidationError(_("Turn two-factor sign-in on first."), code="not_enabled")
    codes = _new_recovery_codes(user)
    _two_factor_audit(user=user, actor=user, before=True, after=True, reason=_("New recovery codes"))
    return codes


@transaction.atomic
def two_factor_turn_off(*, user: User, actor, reason: str = "") -> None:
    """Remove ``user``'s authenticator and recovery codes: by the person (only where two-factor sign-in
    is not required of them), or by the secretariat for a lost device (a reason is required)."""

    if actor.pk == user.pk:
        if two_factor_required(user):
            raise ValidationError(
                _("Two-factor sign-in is required for your role: it cannot be turned off."), code="required"
            )
        why = _("Two-factor sign-in turned off by its owner")
    else:
        if not is_secretariat(actor):
            raise ValidationError(_("Only the secretariat may reset another person's two-factor sign-in."))
        if not reason.strip():
            raise ValidationError({"reason": _("Say why (for example: the phone was lost).")}, code="required")
        why = _("Two-factor sign-in reset by the secretariat: %(reason)s") % {"reason": reason.strip()}
    was_on = two_factor_enabled(user)
    if not was_on:
        raise ValidationError(_("Two-factor sign-in is not on for this person."), code="not_enabled")
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    _two_factor_audit(user=user, actor=actor, before=True, after=False, reason=why)


@transaction.atomic
def two_factor_recovery_code_used(*, user: User) -> None:
    """Record that ``user`` signed in with one of its recovery codes (the code is spent)."""
    _two_factor_audit(user=user, actor=user, before=True, after=True, reason=_("Signed in with a recovery code"))


# ---------------------------------------------------------------------------------------------------
# Personal data: a person asks for erasure, the secretariat carries it out (personal_data.py)


@transaction.atomic
def erasure_request_create(*, user: User) -> ErasureRequest:
    """``user`` asks that their personal data be erased (one open request at a time)."""
    if user.erased_at is not None:
        raise ValidationError(_("This account's personal data were already erased."), code="erased")
    if ErasureRequest.objects.filter(user=user, status=ErasureStatus.REQUESTED).exists():
        raise ValidationError(_("You already asked: the secretariat will process your request."), code="open")
    request = ErasureRequest.objects.create(user=user)
    audit_record(
        actor=user, action=AuditAction.CREATE, instance=request, changes={"status": [None, ErasureStatus.REQUESTED]}
    )
    return request


@transaction.atomic
def erasure_request_withdraw(*, erasure: ErasureRequest, actor: User) -> ErasureRequest:
    if erasure.user_id != actor.pk or erasure.status != ErasureStatus.REQUESTED:
        raise ValidationError(_("This request cannot be withdrawn."), code="not_open")
    erasure.status = ErasureStatus.WITHDRAWN
    erasure.decided_at = timezone.now()
    erasure.save(update_fields=["status", "decided_at"])
    audit_record(
        actor=actor,
        action=AuditAction.TRANSITION,
        instance=erasure,
        changes={"status": [ErasureStatus.REQUESTED, ErasureStatus.WITHDRAWN]},
    )
    return erasure


@transaction.atomic
def personal_data_erase(*, erasure: ErasureRequest, actor) -> int:
    """Carry out an erasure request (the secretariat): see personal_data.py for what is removed or
    replaced. Returns how many stored values were rewritten. Refused if any trace would remain."""
    if not is_secretariat(actor):
        raise ValidationError(_("Only the secretariat carries out erasure requests."))
    erasure = ErasureRequest.objects.select_for_update().select_related("user").get(pk=erasure.pk)
    if erasure.status != ErasureStatus.REQUESTED:
        raise ValidationError(_("This request is not waiting to be processed."), code="not_open")
    user = erasure.user
    if user.pk == actor.pk:
        raise ValidationError(_("Another member of the secretariat must erase your own data."), code="self")
    needles = personal_data.needles_for(user)
    replacement_email = f"erased-{user.pk}@erased.invalid"
    replacements = {user.email: replacement_email}
    if len(needles) > 1:
        replacements[needles[1]] = personal_data.former_user_label()
    # what exists only for the person, or keeps their address: gone
    ApiToken.objects.filter(user=user).delete()
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    user.memberships.all().delete()
    user.notifications.all().delete()
    user.follows.all().delete()
    for model, field in personal_data._by_email_models():
        if model._meta.label_lower.startswith("axes."):
            model._default_manager.filter(**{f"{field}__iexact": user.email}).delete()
    _erase_event_registrations(user, replacement_email)
    personal_data.speakers_erase(user)  # before the account loses the name that finds them
    Invitation.objects.filter(email__iexact=user.email).update(email=replacement_email)
    # the account stays (records point at it), closed and nameless
    user.email = replacement_email
    user.full_name = ""
    user.set_unusable_password()
    user.is_active = False
    user.is_secretariat = False
    user.erased_at = timezone.now()
    user.save()
    changed = personal_data.replace_everywhere(replacements)
    left = personal_data.occurrences(list(replacements))
    if left:
        raise ValidationError(_("Some data could not be erased; nothing was changed.") + f" {sorted(left)}")
    erasure.status = ErasureStatus.DONE
    erasure.decided_at = timezone.now()
    erasure.decided_by = actor
    erasure.save(update_fields=["status", "decided_at", "decided_by"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=user,
        changes={"personal_data": ["kept", "erased"]},
        reason=_("Personal data erased at the person's request"),
    )
    audit_record(
        actor=actor,
        action=AuditAction.TRANSITION,
        instance=erasure,
        changes={"status": [ErasureStatus.REQUESTED, ErasureStatus.DONE]},
    )
    return changed


def _erase_event_registrations(user: User, replacement_email: str) -> None:
    try:
        registration = apps.get_model("events", "Registration")
    except LookupError:
        return
    rows = registration.objects.filter(Q(user=user) | Q(email__iexact=user.email))
    blank = {
        name: ""
        for name in ("position", "passport_number", "dietary_needs", "accessibility_needs")
        if hasattr(registration, name)
    }
    nulls = {name: None for name in ("passport_expiry", "date_of_birth", "nationality") if hasattr(registration, name)}
    rows.update(full_name=str(personal_data.former_user_label()), email=replacement_email, **blank, **nulls)
