"""JSON API of cooperations and pledges: the same access functions and services as the web."""

from datetime import date, datetime
from decimal import Decimal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from harambee.accounts.auth import API_WRITE_AUTH, api_user
from harambee.core.paging import Page, PageParams, page_of
from harambee.registry.access import member_get_for_user

from .access import CooperationAction, cooperation_get_for_user, cooperation_list_for_user, pledge_list_for_user
from .selectors import cooperations_of_member_code, delivered, pledges_with_delivery
from .services import pledge_create, progress_report

router = Router(tags=["cooperation"])


class IndicatorOut(Schema):
    title: str
    baseline: Decimal | None
    target: Decimal | None
    actual: Decimal | None
    disaggregation: dict


class ResultOut(Schema):
    title: str
    type: str
    indicators: list[IndicatorOut]


class ProgressOut(Schema):
    percent: int
    narrative: str
    member: str
    links: list[str]
    created_at: datetime


class CooperationOut(Schema):
    id: int
    title: str
    provider: str
    beneficiary: str
    origin: str
    status: str
    freshness: str
    units: Decimal | None
    planned_start: date | None
    planned_end: date | None
    dac_sectors: list[dict]
    aid_type: str
    collaboration_type: str
    results: list[ResultOut] = []
    progress: list[ProgressOut] = []


def _out(cooperation, *, full: bool = False) -> CooperationOut:
    out = CooperationOut(
        id=cooperation.pk,
        title=cooperation.display_title,
        provider=cooperation.provider.code.upper(),
        beneficiary=cooperation.beneficiary.code.upper(),
        origin=cooperation.origin,
        status=cooperation.status,
        freshness=cooperation.freshness(timezone.localdate()),
        units=cooperation.units,
        planned_start=cooperation.planned_start,
        planned_end=cooperation.planned_end,
        dac_sectors=cooperation.dac_sectors,
        aid_type=cooperation.aid_type,
        collaboration_type=cooperation.collaboration_type,
    )
    if full:
        out.results = [
            ResultOut(
                title=r.title,
                type=r.type,
                indicators=[
                    IndicatorOut(
                        title=i.title,
                        baseline=i.baseline,
                        target=i.target,
                        actual=i.actual,
                        disaggregation=i.disaggregation,
                    )
                    for i in r.indicators.all()
                ],
            )
            for r in cooperation.results.prefetch_related("indicators")
        ]
        out.progress = [
            ProgressOut(
                percent=u.percent,
                narrative=u.narrative,
                member=u.member.code.upper(),
                links=u.links,
                created_at=u.created_at,
            )
            for u in cooperation.updates.select_related("member")[:50]
        ]
    return out


class CooperationParams(PageParams):
    member: str = Field("", max_length=32, description="Only the cooperations of this member (either side).")


@router.get("/cooperations", response=Page[CooperationOut], summary="Cooperations you may see (public ones for all)")
def cooperation_list(request: HttpRequest, params: Query[CooperationParams]):
    qs = cooperation_list_for_user(user=api_user(request)).order_by("-created_at", "-id")
    if params.member:
        member = params.member.lower()
        qs = cooperations_of_member_code(qs, member)
    return page_of(qs, params, lambda cooperations: [_out(c) for c in cooperations])


@router.get("/cooperations/{cooperation_id}", response=CooperationOut, summary="One cooperation with results")
def cooperation_detail(request: HttpRequest, cooperation_id: int):
    return _out(cooperation_get_for_user(user=api_user(request), pk=cooperation_id), full=True)


class ProgressIn(Schema):
    percent: int
    narrative: str
    links: list[str] = []


@router.post(
    "/cooperations/{cooperation_id}/progress",
    response={201: ProgressOut},
    auth=API_WRITE_AUTH,
    summary="Report progress (either side)",
)
def cooperation_progress(request: HttpRequest, cooperation_id: int, payload: ProgressIn):
    cooperation = cooperation_get_for_user(user=request.user, pk=cooperation_id, action=CooperationAction.REPORT)
    update = progress_report(
        cooperation=cooperation,
        actor=request.user,
        percent=payload.percent,
        narrative=payload.narrative,
        links=payload.links,
    )
    return Status(
        201,
        ProgressOut(
            percent=update.percent,
            narrative=update.narrative,
            member=update.member.code.upper(),
            links=update.links,
            created_at=update.created_at,
        ),
    )


class PledgeOut(Schema):
    id: int
    member: str
    title: str
    unit: str
    value: Decimal
    currency: str
    period_start: date
    period_end: date
    delivered: Decimal


class PledgeIn(Schema):
    member: str
    title: str
    unit: str
    value: Decimal
    currency: str = ""
    theme: str = ""
    period_start: date
    period_end: date


def _pledge_out(pledge) -> PledgeOut:
    return PledgeOut(
        id=pledge.pk,
        member=pledge.member.code.upper(),
        title=pledge.title,
        unit=pledge.unit,
        value=pledge.value,
        currency=pledge.currency,
        period_start=pledge.period_start,
        period_end=pledge.period_end,
        delivered=delivered(pledge),
    )


@router.get(
    "/pledges", response=Page[PledgeOut], summary="Pledges you may see (public ones for all), pledged against delivered"
)
def pledge_list(request: HttpRequest, params: Query[PageParams]):
    pledges = pledges_with_delivery(pledge_list_for_user(user=api_user(request))).order_by("member__code", "-id")
    return page_of(pledges, params, lambda rows: [_pledge_out(p) for p in rows])


@router.post("/pledges", response={201: PledgeOut}, auth=API_WRITE_AUTH, summary="Make a pledge for a member")
def pledge_new(request: HttpRequest, payload: PledgeIn):
    member = member_get_for_user(user=request.user, code=payload.member.lower())
    data = payload.dict()
    data.pop("member")
    pledge = pledge_create(member=member, actor=request.user, **data)
    return Status(201, _pledge_out(pledges_with_delivery().get(pk=pledge.pk)))
