"""People who sign in, invitations to join a member, API tokens, and rate-limit counters."""

import base64
import hashlib
from datetime import UTC

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from harambee.core.usertext import UserCharField, UserTextField
from harambee.registry.models import Member, MemberRole

#: How a person whose personal data were erased is named everywhere (harambee/accounts/personal_data.py).
FORMER_USER = _("a former user")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra) -> "User":
        extra.update(is_staff=True, is_superuser=True, is_secretariat=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in by e-mail; acts for the members it belongs to, or for all as secretariat."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = UserCharField(_("full name"), max_length=200)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    is_secretariat = models.BooleanField(
        _("secretariat"), default=False, help_text=_("Platform-wide role: vets members and acts for all.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    is_demo = models.BooleanField(_("demo data"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        if self.erased_at is not None:
            return str(FORMER_USER)
        return self.full_name or self.email

    def member_roles(self) -> dict[int, str]:
        """{member id: role} for the members this user belongs to, cached on the instance."""
        if not hasattr(self, "_member_roles"):
            self._member_roles = dict(self.memberships.values_list("member_id", "role"))
        return self._member_roles

    def member_codes(self) -> list[str]:
        return list(self.memberships.values_list("member__code", flat=True))


def normalise_email(email: str) -> str:
    """An e-mail address as accounts store it: trimmed, lower case."""
    return User.objects.normalize_email((email or "").strip()).lower()


class RateCounter(models.Model):
    """How often something happened for one key in its current period (rate limits shared by all
    processes); the key is a hash, so no address is stored."""

    key = models.CharField(max_length=64, unique=True)
    count = models.PositiveIntegerField(default=0)
    window_ends = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key[:8]}… {self.count}"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACCEPTED = "accepted", _("Accepted")
    REVOKED = "revoked", _("Revoked")


class Invitation(models.Model):
    """An invitation by link to join a member with a role, or to join the secretariat.

    Only a hash of the link's token is stored, so the database never holds a usable link: the token is
    derived from the invitation and the secret key (`link_token`), which lets the e-mail task rebuild
    the link without the token ever being written down (as Django does for password-reset links).
    """

    email = models.EmailField(_("e-mail address"))
    member = models.ForeignKey(
        Member,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices, blank=True)
    as_secretariat = models.BooleanField(_("join the secretariat"), default=False)
    is_focal_point = models.BooleanField(_("focal point"), default=False)
    message = UserTextField(_("message"), blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=InvitationStatus.choices, default=InvitationStatus.OPEN
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.CheckConstraint(
                condition=Q(as_secretariat=True, member__isnull=True)
                | Q(as_secretariat=False, member__isnull=False) & ~Q(role=""),
                name="accounts_invitation_member_or_secretariat",
                violation_error_message=_("An invitation is either to a member with a role or to the secretariat."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.member.code if self.member_id else 'secretariat'}"

    @property
    def is_usable(self) -> bool:
        return self.status == InvitationStatus.OPEN and self.expires_at > timezone.now()

    def link_token(self) -> str:
        """The token of this saved invitation's link: an HMAC, under the secret key, of what identifies
        the invitation (its id, address and creation time to the microsecond). Only its hash is stored."""
        value = f"{self.pk}:{self.email}:{self.created_at.astimezone(UTC).isoformat()}"
        digest = salted_hmac("harambee.accounts.invitation", value, algorithm="sha256").digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


class ApiToken(models.Model):
    """A personal API token for scripts; only its hash is stored, the key is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = UserCharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class ErasureStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    DONE = "done", _("Carried out")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ErasureRequest(models.Model):
    """A person's request that the platform erase their personal data, processed by the secretariat."""

    user = models.ForeignKey(User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="erasure_requests")
    status = models.CharField(
        _("status"), max_length=10, choices=ErasureStatus.choices, default=ErasureStatus.REQUESTED
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_at = models.DateTimeField(_("processed"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User, verbose_name=_("processed by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(status="requested"), name="one_open_erasure_request"
            ),
        ]

    def __str__(self) -> str:
        return f"erasure {self.pk}"
