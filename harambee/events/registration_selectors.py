"""Reads of invitations and nominations: which invitation lets a member nominate, how much of its
quota it used, an event's delegations, and the public participant list."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils.translation import get_language

from harambee.core.collation import sort_key
from harambee.registry.access import MANAGING_ROLES, member_can_act_for
from harambee.registry.models import Member, MemberKind, Membership

from .choices import QUOTA_STATUSES, RegistrationStatus
from .models import Event, Invitation, Registration


def invitations_of(event: Event) -> list[Invitation]:
    """The event's invitations with what their list shows (member, group, region), oldest first."""
    return list(
        Invitation.objects.filter(event=event).select_related("member__country", "group", "region").order_by("pk")
    )


def _addresses(invitation: Invitation, member: Member) -> bool:
    if invitation.member_id is not None:
        return invitation.member_id == member.pk
    if member.kind != MemberKind.STATE or member.country is None:
        return False  # open calls (a country group, a region) are to States
    country = member.country
    if invitation.region_id is not None:
        return invitation.region_id in (country.region_id, country.subregion_id, country.intermediate_region_id)
    return invitation.group_id in _group_codes(country)


def _group_codes(country) -> set[str]:
    cached = getattr(country, "_group_codes", None)
    if cached is None:
        cached = country._group_codes = {g.code for g in country.groups.all()}
    return cached


def invitation_for(event: Event, member: Member, invitations: list[Invitation] | None = None) -> Invitation | None:
    """The invitation under which `member` nominates to `event`, or None: an invitation to the member
    itself wins; else, of the open calls that include it (its country group or region), the one with
    the largest quota, then the latest deadline (no deadline is latest)."""
    invitations = invitations_of(event) if invitations is None else invitations
    matching = [i for i in invitations if _addresses(i, member)]
    direct = [i for i in matching if i.member_id is not None]
    if direct:
        return direct[-1]
    if not matching:
        return None
    return max(matching, key=lambda i: (i.quota, i.deadline is None, i.deadline, i.pk))


def quota_used(event: Event, member: Member) -> int:
    """The member's nominations that count against its quota (nominated, approved, waitlisted)."""
    return Registration.objects.filter(event=event, member=member, status__in=QUOTA_STATUSES).count()


def host_managers(event: Event) -> list:
    """The people who decide on the event's nominations: the host's managers (notified of nominations)."""
    return [
        m.user
        for m in Membership.objects.filter(member_id=event.host_id, role__in=MANAGING_ROLES, user__is_active=True)
        .select_related("user")
        .order_by("pk")
    ]


def registrations_for_listing(qs: QuerySet[Registration]) -> QuerySet[Registration]:
    return qs.select_related("member__country", "event", "event__host", "nationality")


@dataclass
class Delegation:
    member: Member
    registrations: list[Registration] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for registration in self.registrations:
            counts[registration.status] += 1
        return dict(counts)


def delegations(event: Event, *, status: str = "", member_code: str = "", query: str = "") -> list[Delegation]:
    """The event's nominations grouped by delegation (members by name in the reader's language), each
    delegation's nominees in order of nomination; filtered by status, member and a name or e-mail."""
    qs = Registration.objects.filter(event=event)
    if status:
        qs = qs.filter(status=status)
    if member_code:
        qs = qs.filter(member__code=member_code)
    if query:
        qs = qs.filter(Q(full_name__icontains=query) | Q(email__icontains=query))
    groups: dict[int, Delegation] = {}
    for registration in registrations_for_listing(qs).order_by("created_at", "pk"):
        registration.event = event
        groups.setdefault(registration.member_id, Delegation(member=registration.member)).registrations.append(
            registration
        )
    return sorted(groups.values(), key=lambda d: d.member.display_name.casefold())


def delegation_members(event: Event) -> list[Member]:
    """The members with at least one nomination for the event, by name (the nominations filter's choices)."""
    members = Member.objects.filter(event_registrations__event=event).distinct()
    return sorted(members, key=lambda m: sort_key(m.display_name, get_language()))


def delegation_of(event: Event, member: Member) -> list[Registration]:
    """One member's nominees to `event`, in order of nomination."""
    rows = list(registrations_for_listing(Registration.objects.filter(event=event, member=member)).order_by("pk"))
    for row in rows:
        row.event = event
    return rows


def status_counts(event: Event) -> dict[str, int]:
    rows = Registration.objects.filter(event=event).values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def participant_list(event: Event) -> list[Registration]:
    """The public participant list: approved delegates who agreed to appear in it, by delegation and
    name (only their name and delegation are shown)."""
    rows = list(
        Registration.objects.filter(
            event=event, status=RegistrationStatus.APPROVED, consent_participant_list=True
        ).select_related("member__country")
    )
    return sorted(rows, key=lambda r: (r.member.display_name.casefold(), r.full_name.casefold()))


def registration_get(event: Event, registration_id: int) -> Registration | None:
    registration = registrations_for_listing(Registration.objects.filter(event=event, pk=registration_id)).first()
    if registration is not None:
        registration.event = event
    return registration


def user_delegations(user, event: Event) -> list[tuple[Member, Invitation, bool]]:
    """The members `user` belongs to (any role) that are invited to `event`, each with its invitation
    and whether `user` may nominate for it (`member_can_act_for`, the per-member form of
    `members_user_may_nominate_for`). Two queries at most, none for an event without invitations."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    roles = user.member_roles()
    if not roles:
        return []
    invitations = invitations_of(event)
    if not invitations:
        return []
    found = []
    members = Member.objects.filter(pk__in=list(roles)).select_related("country").prefetch_related("country__groups")
    for member in sorted(members, key=lambda m: m.display_name.casefold()):
        invitation = invitation_for(event, member, invitations)
        if invitation is not None:
            found.append((member, invitation, member_can_act_for(user, member, secretariat=True)))
    return found
