"""The registry's JSON API (members, countries, country groups); same access functions as the web."""

from datetime import date

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from pydantic import ConfigDict

from harambee.accounts.auth import API_WRITE_AUTH, api_user
from harambee.core.paging import Page, PageParams, page_of

from .access import MemberAction, member_get_for_user
from .models import Member
from .selectors import countries_with_groups, group_list_with_countries, member_browse
from .services import member_update

router = Router(tags=["registry"])


class MemberOut(Schema):
    code: str
    kind: str
    name: str
    acronym: str
    organisation_type: str
    iati_org_type: str
    iati_ref: str
    country: str | None
    region: str | None
    subregion: str | None
    website: str
    description: str
    status: str

    @staticmethod
    def from_member(member: Member) -> "MemberOut":
        country = member.country
        return MemberOut(
            code=member.code,
            kind=member.kind,
            name=member.display_name,
            acronym=member.acronym,
            organisation_type=member.organisation_type,
            iati_org_type=member.iati_org_type,
            iati_ref=member.iati_ref,
            country=country.iso3 if country else None,
            region=country.region_id if country else None,
            subregion=country.subregion_id if country else None,
            website=member.website,
            description=member.description,
            status=member.status,
        )


class MemberFilters(PageParams):
    region: str = Field("", max_length=3, pattern=r"^(\d{3})?$")
    group: str = Field("", max_length=10)
    kind: str = Field("", pattern=r"^(state|organisation)?$")
    organisation_type: str = Field("", max_length=30)
    q: str = Field("", max_length=100)


class MemberPatch(Schema):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"acronym": "ZM", "website": "https://example.org/", "reason": "New site"}]},
    )

    name: str | None = Field(None, max_length=200)
    name_translations: dict[str, str] | None = None
    acronym: str | None = Field(None, max_length=30)
    website: str | None = Field(None, max_length=200)
    description: str | None = Field(None, max_length=5000)
    organisation_type: str | None = None
    iati_org_type: str | None = Field(None, max_length=3)
    iati_ref: str | None = Field(None, max_length=100)
    reason: str = Field("", max_length=500)


class CountryOut(Schema):
    iso3: str
    iso2: str
    m49: str
    name: str
    region: str | None
    subregion: str | None
    intermediate_region: str | None
    groups: list[str]


class CountryGroupOut(Schema):
    code: str
    name: str
    source_url: str
    as_of: date
    count: int
    countries: list[str]


@router.get("/members", response=Page[MemberOut], summary="List members")
def member_list(request: HttpRequest, filters: Query[MemberFilters]):
    wanted = filters.dict(exclude={"page", "page_size"})
    members = member_browse(user=api_user(request), **{k: v for k, v in wanted.items() if v})
    return page_of(members.order_by("code"), filters, lambda rows: [MemberOut.from_member(m) for m in rows])


@router.get("/members/{code}", response=MemberOut, summary="One member")
def member_detail(request: HttpRequest, code: str):
    return MemberOut.from_member(member_get_for_user(user=api_user(request), code=code))


@router.patch("/members/{code}", response=MemberOut, auth=API_WRITE_AUTH, summary="Change a member's profile")
def member_patch(request: HttpRequest, code: str, payload: MemberPatch):
    member = member_get_for_user(user=request.user, code=code, action=MemberAction.EDIT)
    data = payload.dict(exclude_unset=True)
    reason = data.pop("reason", "")
    member = member_update(member=member, actor=request.user, data=data, reason=reason)
    return MemberOut.from_member(member)


@router.get("/countries", response=Page[CountryOut], summary="Countries and areas with M49 regions and groups")
def country_list(request: HttpRequest, params: Query[PageParams]):
    countries = countries_with_groups()
    return page_of(countries, params, _countries)


def _countries(countries) -> list[CountryOut]:
    return [
        CountryOut(
            iso3=c.iso3,
            iso2=c.iso2,
            m49=c.m49,
            name=c.name,
            region=c.region_id,
            subregion=c.subregion_id,
            intermediate_region=c.intermediate_region_id,
            groups=[g.code for g in c.groups.all()],
        )
        for c in countries
    ]


@router.get("/country-groups", response=Page[CountryGroupOut], summary="Country groups with their sources")
def group_list(request: HttpRequest, params: Query[PageParams]):
    groups = group_list_with_countries()
    return page_of(groups, params, _groups)


def _groups(groups) -> list[CountryGroupOut]:
    return [
        CountryGroupOut(
            code=g.code,
            name=g.name,
            source_url=g.source_url,
            as_of=g.as_of,
            count=len(members := sorted(c.iso3 for c in g.countries.all())),
            countries=members,
        )
        for g in groups
    ]
