"""Reads for the registry: member lists with filters, profiles, regions and groups."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.text import slugify

from .access import ACTING_ROLES, member_list_for_user
from .models import Country, CountryGroup, Member, MemberKind, Membership, MemberStatus, ReferenceDataset, Region
from .names import territory_search_names
from .reference import state_member_codes


def member_browse(
    *,
    user,
    region: str = "",
    group: str = "",
    kind: str = "",
    organisation_type: str = "",
    q: str = "",
    status: str = "",
) -> QuerySet[Member]:
    """Members the user may see, filtered by M49 region (any level), country group, kind, type and text."""
    qs = member_list_for_user(user=user).select_related("country__subregion")
    if region:
        qs = (
            qs.filter(country__region_id=region)
            | qs.filter(country__subregion_id=region)
            | qs.filter(country__intermediate_region_id=region)
        )
    if group:
        qs = qs.filter(country__groups__code=group)
    if kind:
        qs = qs.filter(kind=kind)
    if organisation_type:
        qs = qs.filter(organisation_type=organisation_type)
    if status:
        qs = qs.filter(status=status)
    if q:
        needle = q.strip().casefold()
        # State names live in data files, not in the database, so match them in Python.
        iso3s = [
            iso3
            for iso3, iso2 in Member.objects.filter(kind=MemberKind.STATE).values_list("country_id", "country__iso2")
            if any(needle in name.casefold() for name in territory_search_names(iso2))
        ]
        qs = (
            qs.filter(name__icontains=q)
            | qs.filter(acronym__icontains=q)
            | qs.filter(code__icontains=q)
            | qs.filter(name_translations__icontains=q)
            | qs.filter(country_id__in=iso3s, kind=MemberKind.STATE)
        )
    return qs.distinct()


def member_profile(*, member: Member) -> Member:
    """A member with what its profile page shows, loaded in a fixed number of queries."""
    return (
        Member.objects.select_related("country__region", "country__subregion", "country__intermediate_region")
        .prefetch_related(
            "country__groups",
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("user").order_by("-is_focal_point", "user__full_name"),
            ),
        )
        .get(pk=member.pk)
    )


def region_choices() -> list[Region]:
    """Regions and sub-regions for filters, in M49 order (region, then its parts)."""
    regions = list(Region.objects.filter(level__lte=Region.Level.SUBREGION).select_related("parent"))
    ordered = []
    for top in sorted((r for r in regions if r.level == Region.Level.REGION), key=lambda r: r.code):
        ordered.append(top)
        ordered.extend(sorted((r for r in regions if r.parent_id == top.code), key=lambda r: r.code))
    return ordered


def group_list() -> QuerySet[CountryGroup]:
    return CountryGroup.objects.all()


def member_people(member: Member) -> list:
    """Everyone who belongs to a member, whatever their role: whom news about the member concerns."""
    return [m.user for m in member.memberships.select_related("user").order_by("pk")]


def member_editors(member: Member) -> list:
    """The people who act for a member (its managers and editors, `ACTING_ROLES`), whatever its
    status: whom notifications and reminders concern."""
    return [m.user for m in member.memberships.select_related("user").filter(role__in=ACTING_ROLES)]


def member_focal_points(members) -> list[Membership]:
    """The focal points of ``members`` (active accounts), with their people, by member and name."""
    return list(
        Membership.objects.filter(member__in=list(members), is_focal_point=True, user__is_active=True)
        .select_related("user", "member__country")
        .order_by("member__code", "user__full_name", "pk")
    )


def member_names(ids) -> dict[str, str]:
    """{str(id): name in the active language} of many members, in one query."""
    members = Member.objects.select_related("country").filter(pk__in=ids)
    return {str(member.pk): member.display_name for member in members}


def member_names_by_code(codes) -> dict[str, str]:
    """{code: name in the active language} of many members, in one query."""
    members = Member.objects.select_related("country").filter(code__in=list(codes))
    return {member.code: member.display_name for member in members}


def member_code_suggest(name: str) -> str:
    """A free, URL-safe code for a new organisation derived from its name."""
    base = (slugify(name) or "member")[:28].strip("-") or "member"
    code, n = base, 2
    while Member.objects.filter(code=code).exists():
        code = f"{base}-{n}"
        n += 1
    return code


def member_get(code: str) -> Member:
    """One member by code (raises Member.DoesNotExist)."""
    return Member.objects.get(code=code)


def members_active() -> QuerySet[Member]:
    """Active members with their country, by code."""
    return Member.objects.filter(status=MemberStatus.ACTIVE).select_related("country").order_by("code")


def members_pending() -> QuerySet[Member]:
    """Members waiting for the secretariat's decision, oldest first."""
    return Member.objects.filter(status=MemberStatus.PENDING).select_related("country").order_by("created_at")


def member_memberships(member: Member) -> QuerySet[Membership]:
    """A member's memberships with their people, by name, for the people page."""
    return Membership.objects.filter(member=member).select_related("user").order_by("user__full_name")


def member_counts() -> dict[str, int]:
    """{"states": n, "organisations": n} of active members."""
    return Member.objects.filter(status=MemberStatus.ACTIVE).aggregate(
        states=Count("pk", filter=Q(kind=MemberKind.STATE)),
        organisations=Count("pk", filter=Q(kind=MemberKind.ORGANISATION)),
    )


def regions_with_member_counts() -> list[tuple[Region, int]]:
    """The M49 regions, each with its number of active members."""
    by_region = {
        row["country__region"]: row["n"]
        for row in Member.objects.filter(status=MemberStatus.ACTIVE, country__region__isnull=False)
        .values("country__region")
        .annotate(n=Count("pk"))
    }
    return [(region, by_region.get(region.code, 0)) for region in Region.objects.filter(level=Region.Level.REGION)]


def countries_eligible_as_states() -> QuerySet[Country]:
    """The countries that can still become State members: UN Member States and observer States
    that are not members yet (no Antarctica, no Bouvet Island)."""
    return Country.objects.filter(iso3__in=state_member_codes()).exclude(members__kind=MemberKind.STATE)


def countries_with_groups() -> QuerySet[Country]:
    """Countries and areas with their groups, by ISO 3166 alpha-3 code."""
    return Country.objects.prefetch_related("groups").order_by("iso3")


def group_list_with_countries() -> QuerySet[CountryGroup]:
    """Country groups with their countries, by code."""
    return CountryGroup.objects.prefetch_related("countries").order_by("code")


def reference_datasets() -> QuerySet[ReferenceDataset]:
    return ReferenceDataset.objects.all()
