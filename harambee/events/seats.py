"""Sharing out an event's seats when nominations outnumber them: the allocation engine
(`harambee.allocation.engine`) under a declared policy, and the outcome explained per delegation.

The event is one "offer" whose capacity is the seats not yet taken by approved delegates; each
nominated or waitlisted delegate is one request. A request's score orders nominations (earlier is
higher, always below 1); a policy lifts some requests above all others with a priority bonus above 1
(the engine then places them first): each LDC member's first nominee, each delegation's first
nominee, or every nominee of the least developed, landlocked and small island States. Approved
delegates keep their seats.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from harambee.allocation.engine import AllocationInputError, allocate, parse_instance

from .choices import RegistrationStatus
from .models import Event, Registration

OFFER = "seats"
FIRST = "FIRST"  # the pseudo-group of a delegation's first nominee under a first-seat policy
BONUS = 2  # above any score: the engine places these requests first


@dataclass(frozen=True)
class SeatPolicy:
    code: str
    label: object
    rule: object  # the rule in words, ending the sentence of each delegation
    first_seat_group: str = ""  # "LDC": each LDC member's first nominee first; "*": each delegation's
    priority_groups: tuple[str, ...] = ()  # every nominee of these country groups first


SEAT_POLICIES = {
    p.code: p
    for p in [
        SeatPolicy(
            "ldc_first_seat",
            gettext_lazy("One seat for each least developed country first"),
            gettext_lazy("at least one seat for each least developed country, then in order of nomination"),
            first_seat_group="LDC",
        ),
        SeatPolicy(
            "one_seat_each",
            gettext_lazy("One seat for each delegation first"),
            gettext_lazy("at least one seat for each delegation, then in order of nomination"),
            first_seat_group="*",
        ),
        SeatPolicy(
            "groups_first",
            gettext_lazy("Least developed, landlocked and small island developing States first"),
            gettext_lazy(
                "the nominees of least developed countries, landlocked developing countries and small island "
                "developing States first, then the others, each in order of nomination"
            ),
            priority_groups=("LDC", "LLDC", "SIDS"),
        ),
        SeatPolicy("nomination_order", gettext_lazy("In order of nomination"), gettext_lazy("in order of nomination")),
    ]
}
DEFAULT_POLICY = "ldc_first_seat"


@dataclass
class DelegationOutcome:
    member: object
    nominees: int  # approved before, plus those competing now
    approved_before: int
    placed: list[Registration] = field(default_factory=list)
    left_out: list[Registration] = field(default_factory=list)
    explanation: str = ""

    @property
    def seats(self) -> int:
        return self.approved_before + len(self.placed)


@dataclass
class SeatOutcome:
    policy: SeatPolicy
    capacity: int
    approved_before: int
    free: int
    delegations: list[DelegationOutcome]
    placed_ids: set[int]
    fingerprint: str
    explanations: dict[int, str]  # member id -> the sentence

    @property
    def candidates(self) -> int:
        return sum(len(d.placed) + len(d.left_out) for d in self.delegations)


def _request_id(registration: Registration) -> str:
    return f"r{registration.pk:010d}"


def _groups(member) -> set[str]:
    country = member.country
    return {g.code for g in country.groups.all()} if member.kind == "state" and country is not None else set()


def seat_candidates(event: Event) -> tuple[list[Registration], dict[int, int]]:
    """(nominated and waitlisted delegates in order of nomination; approved delegates per member)."""
    rows = list(
        Registration.objects.filter(event=event, status__in=[
            RegistrationStatus.NOMINATED, RegistrationStatus.WAITLISTED, RegistrationStatus.APPROVED,
        ]).select_related("member__country").prefetch_related("member__country__groups").order_by("created_at", "pk")
    )  # fmt: skip
    approved: dict[int, int] = {}
    for row in rows:
        if row.status == RegistrationStatus.APPROVED:
            approved[row.member_id] = approved.get(row.member_id, 0) + 1
    return [r for r in rows if r.status != RegistrationStatus.APPROVED], approved


def seat_instance(event: Event, policy: SeatPolicy, candidates, approved: dict[int, int]) -> dict:
    """The allocation engine's instance (docs/allocation.md) for sharing out the event's free seats."""
    free = max(0, (event.capacity or 0) - sum(approved.values()))
    bonus: dict[str, int] = {}
    if policy.first_seat_group:
        bonus[FIRST] = BONUS
    for group in policy.priority_groups:
        bonus[group] = BONUS
    n = len(candidates)
    seen: set[int] = set()
    requests = []
    for index, registration in enumerate(candidates):
        member = registration.member
        groups = set()
        member_groups = _groups(member)
        if policy.first_seat_group and member.pk not in seen and not approved.get(member.pk):
            if policy.first_seat_group == "*" or policy.first_seat_group in member_groups:
                groups.add(FIRST)
        seen.add(member.pk)
        groups |= member_groups & set(policy.priority_groups)
        requests.append(
            {
                "id": _request_id(registration),
                "member": member.code,
                "groups": sorted(groups),
                "choices": [{"offer": OFFER, "score": round(1 - (index + 1) / (n + 1), 6)}],
            }
        )
    return {
        "policy": {"mode": "optimal", "priority_bonus": bonus},
        "offers": [{"id": OFFER, "capacity": free}],
        "requests": requests,
    }


def seat_outcome(event: Event, policy_code: str) -> SeatOutcome:
    """What the engine gives under the policy `policy_code`, explained per delegation (nothing saved)."""
    policy = SEAT_POLICIES.get(policy_code)
    if policy is None:
        raise ValidationError({"policy": [_("Choose one of the policies.")]})
    if not event.capacity:
        raise ValidationError(_("This event has no capacity set: there are no seats to share out."))
    candidates, approved = seat_candidates(event)
    data = seat_instance(event, policy, candidates, approved)
    try:
        result = allocate(parse_instance(data))
    except AllocationInputError as error:  # pragma: no cover - the instance is built above
        raise ValidationError(list(error.errors)) from None
    placed_requests = {a.request for a in result.assignments}
    outcomes: dict[int, DelegationOutcome] = {}
    for registration in candidates:
        outcome = outcomes.setdefault(
            registration.member_id,
            DelegationOutcome(member=registration.member, nominees=approved.get(registration.member_id, 0),
                              approved_before=approved.get(registration.member_id, 0)),
        )  # fmt: skip
        outcome.nominees += 1
        (outcome.placed if _request_id(registration) in placed_requests else outcome.left_out).append(registration)
    rows = sorted(outcomes.values(), key=lambda d: d.member.display_name.casefold())
    for row in rows:
        row.explanation = explain(row, policy)
    explanations = {row.member.pk: row.explanation for row in rows}
    return SeatOutcome(
        policy=policy,
        capacity=event.capacity,
        approved_before=sum(approved.values()),
        free=data["offers"][0]["capacity"],
        delegations=rows,
        placed_ids={r.pk for row in rows for r in row.placed},
        fingerprint=result.hash,
        explanations=explanations,
    )


def explain(row: DelegationOutcome, policy: SeatPolicy) -> str:
    """ "Zambia: 2 of 3 seats — at least one seat for each least developed country, then in order of
    nomination" (in the active language)."""
    return ngettext(
        "%(delegation)s: %(seats)s of %(nominees)s seat — %(rule)s",
        "%(delegation)s: %(seats)s of %(nominees)s seats — %(rule)s",
        row.nominees,
    ) % {"delegation": row.member.display_name, "seats": row.seats, "nominees": row.nominees, "rule": policy.rule}
