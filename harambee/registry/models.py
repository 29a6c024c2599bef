"""Reference data (countries, M49 regions, country groups) and the members registry."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from harambee.core.usertext import UserCharField, UserJSONField, UserTextField

from .choices import COUNTRY_GROUP_NAMES
from .names import territory_name


class ReferenceDataset(models.Model):
    """Where a reference list comes from and how current it is; updated by data migrations."""

    key = models.SlugField(_("key"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=200)
    source_url = models.URLField(_("source"), max_length=500)
    as_of = models.DateField(_("as of"))
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("reference dataset")
        verbose_name_plural = _("reference datasets")

    def __str__(self) -> str:
        return self.key


class Region(models.Model):
    """A UN M49 region, sub-region or intermediate region; its name is the UN's (registry.names)."""

    class Level(models.IntegerChoices):
        REGION = 1, _("Region")
        SUBREGION = 2, _("Sub-region")
        INTERMEDIATE = 3, _("Intermediate region")

    code = models.CharField(_("M49 code"), max_length=3, primary_key=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("part of"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    english_name = models.CharField(_("English name (M49)"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The UN (M49) name in the active language (registry.names), else the stored English name."""
        return territory_name(self.code, get_language()) or self.english_name


class Country(models.Model):
    """A country or area of ISO 3166-1 with its place in the M49 hierarchy."""

    iso3 = models.CharField(_("ISO alpha-3"), max_length=3, primary_key=True)
    iso2 = models.CharField(_("ISO alpha-2"), max_length=2, unique=True)
    m49 = models.CharField(_("M49 code"), max_length=3, unique=True)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subregion = models.ForeignKey(
        Region, verbose_name=_("sub-region"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    intermediate_region = models.ForeignKey(
        Region,
        verbose_name=_("intermediate region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["iso3"]
        verbose_name = _("country or area")
        verbose_name_plural = _("countries and areas")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The UN (M49) name in the active language; CLDR's where M49 has none (registry.names)."""
        return territory_name(self.iso2, get_language()) or self.iso3


class CountryGroup(models.Model):
    """A named, dated and sourced list of countries (LDC, LLDC, SIDS, G77…)."""

    code = models.CharField(_("code"), max_length=10, primary_key=True)
    source_url = models.URLField(_("source"), max_length=500)
    as_of = models.DateField(_("as of"))
    notes = models.TextField(_("notes"), blank=True)
    countries = models.ManyToManyField(Country, verbose_name=_("members"), related_name="groups", blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("country group")
        verbose_name_plural = _("country groups")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return str(COUNTRY_GROUP_NAMES.get(self.code, self.code))


class MemberKind(models.TextChoices):
    STATE = "state", _("State")
    ORGANISATION = "organisation", _("Organisation")


class OrganisationType(models.TextChoices):
    GOVERNMENT_AGENCY = "government_agency", _("Government agency")
    UNIVERSITY = "university", _("University or research institute")
    COMPANY = "company", _("Company")
    NGO = "ngo", _("Non-governmental organisation")
    UN_ENTITY = "un_entity", _("UN entity")
    REGIONAL_BODY = "regional_body", _("Regional body")
    FOUNDATION = "foundation", _("Foundation")
    OTHER = "other", _("Other")


class MemberStatus(models.TextChoices):
    PENDING = "pending", _("Pending approval")
    ACTIVE = "active", _("Active")
    REJECTED = "rejected", _("Rejected")
    SUSPENDED = "suspended", _("Suspended")


class Member(models.Model):
    """A participant of the platform: a State (by ISO alpha-3) or an Organisation.

    A State's name is the UN's (M49, registry.names); an organisation's name is its own, with optional
    translations into the other UN languages. Self-registered organisations stay pending
    until the secretariat approves them.
    """

    code = models.SlugField(_("code"), max_length=32, unique=True, allow_unicode=False)
    kind = models.CharField(_("kind"), max_length=20, choices=MemberKind.choices)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        help_text=_("For a State, the State itself; for an organisation, its home country."),
    )
    organisation_type = models.CharField(
        _("organisation type"), max_length=30, choices=OrganisationType.choices, blank=True
    )
    iati_org_type = models.CharField(_("IATI organisation type"), max_length=3, blank=True)
    iati_ref = models.CharField(_("IATI organisation identifier"), max_length=100, blank=True)
    name = UserCharField(_("name"), max_length=200, blank=True)
    name_translations = UserJSONField(_("name in other languages"), default=dict, blank=True)
    acronym = UserCharField(_("acronym"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = UserTextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MemberStatus.choices, default=MemberStatus.ACTIVE, db_index=True
    )
    is_reference = models.BooleanField(
        _("reference organisation"), default=False, help_text=_("Loaded from the sourced list of organisations.")
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="organisation") | (Q(kind="state") & Q(country__isnull=False)),
                name="registry_member_state_has_country",
                violation_error_message=_("A State member must name its country."),
            ),
            models.CheckConstraint(
                condition=Q(kind="state") | ~Q(name=""),
                name="registry_member_organisation_has_name",
                violation_error_message=_("An organisation needs a name."),
            ),
            models.UniqueConstraint(
                fields=["country"],
                condition=Q(kind="state"),
                name="registry_member_one_state_per_country",
                violation_error_message=_("This State is already a member."),
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name in the active language: the UN's for States, the given translation for organisations."""
        language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        if self.kind == MemberKind.STATE and self.country_id:
            return territory_name(self.country.iso2, get_language()) or self.name or self.code
        return self.name_translations.get(language) or self.name

    @property
    def is_public(self) -> bool:
        return self.status == MemberStatus.ACTIVE


class MemberRole(models.TextChoices):
    MANAGER = "manager", _("Manager")
    EDITOR = "editor", _("Editor")
    VIEWER = "viewer", _("Viewer")


class Membership(models.Model):
    """A user acting for a member with a role; focal points may consent to be shown publicly."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="memberships"
    )
    member = models.ForeignKey(Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices)
    is_focal_point = models.BooleanField(_("focal point"), default=False)
    position = UserCharField(_("position"), max_length=200, blank=True)
    show_publicly = models.BooleanField(
        _("show on the public profile"),
        default=False,
        help_text=_("Consent to show name and position on the member's public page."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["member", "user"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "member"],
                name="registry_membership_unique",
                violation_error_message=_("This person already belongs to this member."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.member.code} ({self.role})"
