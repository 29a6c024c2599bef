"""Reads for the registry: member lists with filters, profiles, regions and groups."""

from django.db.models import Prefetch, QuerySet
from django.utils.text import slugify

from .access import ACTING_ROLES, member_list_for_user
from .models import CountryGroup, Member, MemberKind, Membership, Region


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
        from .names import UN_LANGUAGES, territory_name

        needle = q.strip().casefold()
        # State names live in CLDR, not in the database, so match them in Python.
        iso3s = [
            iso3
            for iso3, iso2 in Member.objects.filter(kind=MemberKind.STATE).values_list("country_id", "country__iso2")
            if any(needle in territory_name(iso2, language).casefold() for language in UN_LANGUAGES)
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


def member_names(ids) -> dict[str, str]:
    """{str(id): name in the active language} of many members, in one query."""
    members = Member.objects.select_related("country").filter(pk__in=ids)
    return {str(member.pk): member.display_name for member in members}


def member_code_suggest(name: str) -> str:
    """A free, URL-safe code for a new organisation derived from its name."""
    base = (slugify(name) or "member")[:28].strip("-") or "member"
    code, n = base, 2
    while Member.objects.filter(code=code).exists():
        code = f"{base}-{n}"
        n += 1
    return code
