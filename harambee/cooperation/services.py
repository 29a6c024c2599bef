"""Writes of cooperations and pledges (audited, atomic)."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harambee import iati
from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record, diff, snapshot
from harambee.core.db import create_unique
from harambee.core.exceptions import Conflict, PermissionDenied
from harambee.core.formats import format_day
from harambee.notifications.models import in_every_language, register_message
from harambee.notifications.services import notify
from harambee.postings.reading import reading_prefetch_of
from harambee.registry.access import person_public_label
from harambee.registry.models import MemberStatus
from harambee.registry.selectors import member_editors

from . import tracking
from .access import (
    CooperationAction,
    cooperation_can,
    cooperation_check_enter,
    pledge_check_create,
    pledge_check_draw,
    reporting_member_for,
)
from .models import (
    Budget,
    Cooperation,
    CooperationOrigin,
    Indicator,
    Milestone,
    Pledge,
    PledgeOrigin,
    PledgeUnit,
    ProgressUpdate,
    Result,
    Transaction,
)

register_message(
    "cooperation_progress",
    gettext_lazy("%(actor)s reported progress on the cooperation “%(cooperation)s”: %(percent)s%% done."),
    gettext_lazy("Open the cooperation to read the update and report your side's progress."),
)


def _cooperation_link(cooperation) -> dict:
    return {"url_name": "cooperation:detail", "url_kwargs": {"pk": cooperation.pk}}


#: The channel a cooperation whose offer states none is taken to follow (IATI defaults).
DEFAULT_CHANNEL = "south_south"

AUDITED_FIELDS = ["title", "provider_id", "beneficiary_id", "need_id", "offer_id", "origin", "units", "status"]


def iati_fields_for(offer, *, in_provider_country: bool = False) -> dict:
    """Default IATI fields of a cooperation from its offer's modality, themes, sectors and channel
    (taxonomy.md "IATI mappings"); editable afterwards."""
    fields = _iati_defaults(
        modality=(offer.modalities or ["technical_assistance"])[0],
        themes=list(offer.themes),
        sectors=list(offer.sectors),
        channel=offer.channel,
        in_provider_country=in_provider_country,
    )
    if "dac_sectors" in fields:
        fields.update(planned_start=offer.start, planned_end=offer.end)
    return fields


def _iati_defaults(*, modality: str, themes: list, sectors: list, channel: str, in_provider_country=False) -> dict:
    fields = {"modality": modality, "themes": themes, "sectors": sectors, "channel": channel}
    try:
        defaults = iati.iati_defaults(
            modality=modality,
            themes=themes,
            sectors=sectors,
            channel=channel or DEFAULT_CHANNEL,
            in_provider_country=in_provider_country,
        )
    except ValueError:  # a code outside the taxonomy: leave the IATI fields to be filled in
        return fields
    fields.update(
        dac_sectors=[{"code": s.code, "percentage": float(s.percentage or 100)} for s in defaults["sectors"]],
        aid_type=defaults.get("default_aid_type") or "",
        finance_type=defaults["default_finance_type"],
        flow_type=defaults["default_flow_type"],
        collaboration_type=defaults["collaboration_type"],
        activity_status=defaults["activity_status"],
    )
    return fields


def _create_for_offer(*, offer, beneficiary, need, origin: str, actor, units=None) -> Cooperation:
    """A cooperation on an offer: the offer's member provides; IATI defaults from the offer."""
    cooperation = Cooperation.objects.create(
        title=offer.title[:300],
        title_names_beneficiary=True,  # pages add the beneficiary's name in the reader's language
        provider=offer.member,
        beneficiary=beneficiary,
        need=need,
        offer=offer,
        origin=origin,
        units=units,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        **iati_fields_for(offer),
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=cooperation,
        changes=diff({}, snapshot(cooperation, AUDITED_FIELDS)),
        member_code=offer.member.code,
        public=True,
    )
    return cooperation


def cooperation_check_pair_free(*, need, offer) -> None:
    """Raise Conflict, naming it, if matching already started a cooperation for this need and offer
    (at most one: a database constraint)."""
    existing = Cooperation.objects.filter(need=need, offer=offer, origin=CooperationOrigin.MATCH).first()
    if existing is not None:
        message = _("This need and offer already work together: see cooperation “%(title)s”.")
        raise Conflict(message % {"title": existing.display_title}, existing=existing)


@transaction.atomic
def cooperation_create_from_match(*, need, offer, actor) -> Cooperation:
    """The cooperation an accepted match starts: the offer's member provides, the need's benefits.
    One per need and offer; a second, even one inserted at the same moment, is refused (Conflict)."""
    return create_unique(
        check=lambda: cooperation_check_pair_free(need=need, offer=offer),
        create=lambda: _create_for_offer(
            offer=offer, beneficiary=need.member, need=need, origin=CooperationOrigin.MATCH, actor=actor
        ),
    )


@transaction.atomic
def cooperation_create_from_allocation(*, offer, beneficiary, units, actor, need=None) -> Cooperation:
    """The cooperation a published allocation round starts for one member and one offer."""
    return _create_for_offer(
        offer=offer, beneficiary=beneficiary, need=need, origin=CooperationOrigin.ALLOCATION, actor=actor, units=units
    )


# ---------------------------------------------------------------------------------------------------
# Tracking: IATI fields, progress, milestones, results, budgets, transactions; pledges

EDITABLE_FIELDS = (
    "title",
    "description",
    "channel",
    "modality",
    "themes",
    "sectors",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "dac_sectors",
    "aid_type",
    "finance_type",
    "flow_type",
    "collaboration_type",
    "activity_status",
    "currency",
    "status",
    "is_public",
    "iati_identifier",
)
#: What the audit entry of a change records (the IATI fields included).
UPDATE_AUDITED_FIELDS = AUDITED_FIELDS + [
    "dac_sectors",
    "aid_type",
    "finance_type",
    "flow_type",
    "collaboration_type",
    "activity_status",
    "currency",
    "iati_identifier",
]


def _record(actor, action, instance, changes: dict, member, cooperation) -> None:
    """The audit entry of a write on a cooperation or one of its parts, public with the cooperation."""
    audit_record(
        actor=actor,
        action=action,
        instance=instance,
        changes=changes,
        member_code=member.code,
        public=cooperation.is_public,
    )


def _reporter(actor, cooperation):
    """The member on whose behalf ``actor`` writes; ``actor=None`` is the system (imports,
    scheduled jobs), which writes for the provider. People need the REPORT right."""
    if actor is None:
        return cooperation.provider
    if not cooperation_can(actor, cooperation, CooperationAction.REPORT):
        raise PermissionDenied(_("Only the people of either side may report on this cooperation."))
    return reporting_member_for(actor, cooperation) or cooperation.provider


def _locked(cooperation: Cooperation) -> Cooperation:
    return (
        Cooperation.objects.select_for_update(of=("self",))
        .select_related("provider", "beneficiary")
        .get(pk=cooperation.pk)
    )


def _check_tracked(cooperation: Cooperation, data: dict, errors: dict) -> None:
    """The checks of a cooperation's tracked values: IATI codes against the codelists, taxonomy
    codes against the postings taxonomy, currency, dates (shared by updates and imports)."""
    if "dac_sectors" in data:
        cooperation.dac_sectors = tracking.check_dac_sectors(data["dac_sectors"], errors)
    for field in ("modality", "channel", "themes", "sectors"):
        if field in data and data[field] not in ("", []):
            tracking.check_taxonomy(data[field], field, errors)
    tracking.check_currency(cooperation.currency, "currency", errors)
    for field, codelist_name in tracking.FIELD_CODELISTS.items():
        value = getattr(cooperation, field)
        if value or field != "aid_type":  # the aid type may stay empty
            tracking.check_code(value, codelist_name, field, errors)
    if cooperation.iati_identifier and iati.model.IDENTIFIER_FORBIDDEN.search(cooperation.iati_identifier):
        errors.setdefault("iati_identifier", []).append(_("An IATI identifier has no spaces, /, &, | or ?."))
    tracking.check_period(cooperation.planned_start, cooperation.planned_end, "planned_end", errors)
    tracking.check_period(cooperation.actual_start, cooperation.actual_end, "actual_end", errors)


@transaction.atomic
def cooperation_update(*, cooperation: Cooperation, actor, data: dict, reason: str = "") -> Cooperation:
    """Change a cooperation's description, dates, status and IATI fields (either side, or the system)."""
    cooperation = _locked(cooperation)
    _reporter(actor, cooperation)
    data = dict(data)
    implementers = data.pop("implementers", None)
    unknown = set(data) - set(EDITABLE_FIELDS)
    errors: dict = {name: [_("This field cannot be changed here.")] for name in sorted(unknown)}
    before = snapshot(cooperation, UPDATE_AUDITED_FIELDS)
    if "title" in data and data["title"] != cooperation.title:
        cooperation.title_names_beneficiary = False  # a title typed in full is shown as typed
    for name, value in data.items():
        if name not in unknown:
            setattr(cooperation, name, value)
    _check_tracked(cooperation, data, errors)
    if errors:
        raise ValidationError(errors)
    cooperation.full_clean()
    cooperation.save()
    if implementers is not None:
        cooperation.implementers.set(implementers)
    after = snapshot(cooperation, UPDATE_AUDITED_FIELDS)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=cooperation,
        changes=diff(before, after),
        reason=reason,
        member_code=cooperation.provider.code,
        public=cooperation.is_public,
    )
    return cooperation


@transaction.atomic
def progress_report(*, cooperation: Cooperation, actor, percent: int, narrative: str, links=()) -> ProgressUpdate:
    """Either side reports progress (percent done and what happened); the other side is told."""
    cooperation = _locked(cooperation)
    member = _reporter(actor, cooperation)
    errors = {}
    if not isinstance(percent, int) or not 0 <= percent <= 100:
        errors["percent"] = [_("Give a percentage between 0 and 100.")]
    if not narrative.strip():
        errors["narrative"] = [_("Say what happened.")]
    links = [str(link).strip() for link in links if str(link).strip()]
    if any(not link.startswith(("https://", "http://")) for link in links):
        errors["links"] = [_("Links to attachments start with https:// or http://.")]
    if errors:
        raise ValidationError(errors)
    update = ProgressUpdate.objects.create(
        cooperation=cooperation, author=actor, member=member, percent=percent, narrative=narrative.strip(), links=links
    )
    cooperation.last_progress_at = update.created_at
    cooperation.save(update_fields=["last_progress_at", "updated_at"])
    _record(actor, AuditAction.CREATE, update, {"percent": [None, percent]}, member, cooperation)
    other = cooperation.beneficiary if member == cooperation.provider else cooperation.provider
    people = member_editors(other)
    notify(
        recipients=people,
        kind="cooperation_progress",
        params={
            "actor": in_every_language(lambda: person_public_label(actor, member)),
            "cooperation": in_every_language(lambda: cooperation.display_title),
            "percent": percent,
        },
        **_cooperation_link(cooperation),
    )
    return update


@transaction.atomic
def milestone_add(*, cooperation: Cooperation, actor, title: str, due) -> Milestone:
    """Add a step with its due date."""
    cooperation = _locked(cooperation)
    member = _reporter(actor, cooperation)
    if not title.strip():
        raise ValidationError({"title": [_("Give the milestone a title.")]})
    milestone = Milestone.objects.create(cooperation=cooperation, title=title.strip(), due=due)
    _record(actor, AuditAction.CREATE, milestone, {"title": [None, milestone.title]}, member, cooperation)
    return milestone


@transaction.atomic
def milestone_complete(*, milestone: Milestone, actor, done_on) -> Milestone:
    """Mark a milestone done on a date."""
    member = _reporter(actor, milestone.cooperation)
    milestone.done_at = done_on
    milestone.save(update_fields=["done_at"])
    _record(actor, AuditAction.UPDATE, milestone, {"done_at": [None, str(done_on)]}, member, milestone.cooperation)
    return milestone


def _check_disaggregation(actual, disaggregation: dict) -> None:
    for dimension, values in disaggregation.items():
        if not isinstance(values, dict) or any(not isinstance(v, int | float) or v < 0 for v in values.values()):
            raise ValidationError({"disaggregation": [_("Give a number per value of each dimension.")]})
        if actual is not None and sum(values.values()) > float(actual):
            raise ValidationError(
                {"disaggregation": [_("The parts of %(dimension)s exceed the total.") % {"dimension": dimension}]}
            )


INDICATOR_FIELDS = ("title", "baseline_year", "baseline", "target", "actual", "disaggregation")


@transaction.atomic
def result_add(*, cooperation: Cooperation, actor, title: str, type: str = "1", indicators=()) -> Result:
    """Add an expected result (an IATI ResultType: output, outcome…) with its indicators
    ({title, baseline_year, baseline, target}, and actual and disaggregation when already known)."""
    cooperation = _locked(cooperation)
    member = _reporter(actor, cooperation)
    errors = {}
    if not title.strip():
        errors["title"] = [_("Give the result a title.")]
    tracking.check_code(type, "ResultType", "type", errors)
    if errors:
        raise ValidationError(errors)
    result = Result.objects.create(cooperation=cooperation, title=title.strip(), type=type)
    _record(actor, AuditAction.CREATE, result, {"title": [None, result.title]}, member, cooperation)
    for row in indicators:
        values = {k: row.get(k) for k in INDICATOR_FIELDS if row.get(k) is not None}
        _check_disaggregation(values.get("actual"), values.get("disaggregation") or {})
        indicator = Indicator(result=result, **values)
        indicator.full_clean(exclude=["result"])
        indicator.save()
        changes = {k: [None, str(getattr(indicator, k))] for k in ("title", "target", "actual") if k in values}
        _record(actor, AuditAction.CREATE, indicator, changes, member, cooperation)
    return result


@transaction.atomic
def result_remove(*, result: Result, actor) -> None:
    """Remove a result and its indicators (an import whose file no longer has it)."""
    cooperation = _locked(result.cooperation)
    member = _reporter(actor, cooperation)
    changes = {"title": [result.title, None]}
    _record(actor, AuditAction.DELETE, result, changes, member, cooperation)
    result.delete()


@transaction.atomic
def indicator_report(*, indicator: Indicator, actor, actual, disaggregation: dict | None = None) -> Indicator:
    """Report the actual value of an indicator, optionally by sex ({"sex": {"female": 12, "male": 10}})."""
    member = _reporter(actor, indicator.result.cooperation)
    disaggregation = disaggregation or {}
    _check_disaggregation(actual, disaggregation)
    before = str(indicator.actual)
    indicator.actual = actual
    indicator.disaggregation = disaggregation
    indicator.full_clean(exclude=["result"])
    indicator.save()
    _record(
        actor, AuditAction.UPDATE, indicator, {"actual": [before, str(actual)]}, member, indicator.result.cooperation
    )
    return indicator


@transaction.atomic
def budget_add(
    *, cooperation: Cooperation, actor, period_start, period_end, value, currency: str, value_date
) -> Budget:
    """Plan a budget for a period of at most a year."""
    cooperation = _locked(cooperation)
    member = _reporter(actor, cooperation)
    errors: dict = {}
    tracking.check_period(period_start, period_end, "period_end", errors, max_days=366)
    tracking.check_currency(currency, "currency", errors)
    if value is None or value < 0:
        errors["value"] = [_("A budget is zero or more.")]
    if errors:
        raise ValidationError(errors)
    budget = Budget(
        cooperation=cooperation,
        period_start=period_start,
        period_end=period_end,
        value=value,
        currency=currency,
        value_date=value_date,
    )
    budget.full_clean()
    budget.save()
    _record(actor, AuditAction.CREATE, budget, {"value": [None, str(value)]}, member, cooperation)
    return budget


@transaction.atomic
def transaction_add(
    *, cooperation: Cooperation, actor, type: str, date, value, currency: str, description=""
) -> Transaction:
    """Record a commitment, disbursement or expenditure."""
    cooperation = _locked(cooperation)
    member = _reporter(actor, cooperation)
    errors: dict = {}
    tracking.check_code(str(type), "TransactionType", "type", errors)
    tracking.check_currency(currency, "currency", errors)
    if value is None or value < 0:
        errors["value"] = [_("A transaction value is zero or more.")]
    if errors:
        raise ValidationError(errors)
    row = Transaction(
        cooperation=cooperation,
        type=str(type),
        date=date,
        value=value,
        currency=currency,
        description=description[:500],
    )
    row.full_clean()
    row.save()
    _record(actor, AuditAction.CREATE, row, {"value": [None, str(value)]}, member, cooperation)
    return row


@transaction.atomic
def budget_remove(*, budget: Budget, actor) -> None:
    """Remove a planned budget (an import whose file no longer has it)."""
    cooperation = _locked(budget.cooperation)
    member = _reporter(actor, cooperation)
    _record(actor, AuditAction.DELETE, budget, {"value": [str(budget.value), None]}, member, cooperation)
    budget.delete()


@transaction.atomic
def transaction_remove(*, row: Transaction, actor) -> None:
    """Remove a recorded transaction (an import whose file no longer has it)."""
    cooperation = _locked(row.cooperation)
    member = _reporter(actor, cooperation)
    _record(actor, AuditAction.DELETE, row, {"value": [str(row.value), None]}, member, cooperation)
    row.delete()


@transaction.atomic
def pledge_create(
    *, member, actor, title: str, unit: str, value, period_start, period_end, currency: str = "", theme: str = "",
    origin: str = PledgeOrigin.UNRECORDED,
) -> Pledge:  # fmt: skip
    """A member's public pledge: an amount (with its currency), seats or expert-days, over a period
    (its editors and managers, or the secretariat, for an active member: `pledge_check_create`);
    `origin`: a workshop's action item, else not recorded."""
    pledge_check_create(actor, member)
    errors: dict = {}
    if not title.strip():
        errors["title"] = [_("Give the pledge a title.")]
    if unit not in PledgeUnit.values:
        errors["unit"] = [_("Pledge an amount, seats or expert-days.")]
    if unit == PledgeUnit.AMOUNT:
        tracking.check_currency(currency, "currency", errors)
    if theme:
        tracking.check_taxonomy(theme, "theme", errors, taxonomy="themes")
    if value is None or value <= 0:
        errors["value"] = [_("A pledge is more than zero.")]
    tracking.check_period(period_start, period_end, "period_end", errors)
    if errors:
        raise ValidationError(errors)
    pledge = Pledge.objects.create(
        member=member,
        title=title.strip(),
        unit=unit,
        value=value,
        currency=currency if unit == PledgeUnit.AMOUNT else "",
        theme=theme,
        period_start=period_start,
        period_end=period_end,
        origin=origin,
        created_by=actor,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=pledge,
        changes={"value": [None, str(value)], **({"origin": [None, origin]} if origin else {})},
        member_code=member.code,
        public=True,
    )
    return pledge


@transaction.atomic
def cooperation_draw_pledge(*, cooperation: Cooperation, pledge: Pledge, actor) -> Cooperation:
    """Count a cooperation against one of its provider's pledges."""
    cooperation = _locked(cooperation)
    _reporter(actor, cooperation)
    if pledge.member_id != cooperation.provider_id:
        raise ValidationError({"pledge": [_("A cooperation draws down a pledge of its provider only.")]})
    if actor is not None:
        pledge_check_draw(actor, pledge)
    before = cooperation.pledge_id
    cooperation.pledge = pledge
    cooperation.save(update_fields=["pledge", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=cooperation,
        changes={"pledge": [before, pledge.pk]},
        member_code=cooperation.provider.code,
        public=cooperation.is_public,
    )
    return cooperation


# Reminders are sent by the platform itself, which the messages say.
register_message(
    "milestone_due",
    gettext_lazy(
        "Harambee reminds you: the milestone “%(milestone)s” of the cooperation “%(cooperation)s” is due on %(due)s."
    ),
    gettext_lazy("Open the cooperation to mark the milestone done, or report progress if it will be late."),
)
register_message(
    "progress_due",
    gettext_lazy(
        "Harambee reminds you: a progress update on the cooperation “%(cooperation)s” is due; "
        "the last one is %(months)s months old."
    ),
    gettext_lazy("Open the cooperation and report its progress: what was done, and the share done."),
)


@transaction.atomic
def cooperations_send_reminders(*, today, days_before: int = 14) -> int:
    """Remind both sides' editors and managers of milestones due within ``days_before`` days (once
    per milestone) and of progress updates that are due (amber or worse, once a month)."""
    sent = 0
    due = Milestone.objects.filter(
        done_at__isnull=True,
        reminder_sent_at__isnull=True,
        due__gte=today,
        due__lte=today + timedelta(days=days_before),
    ).select_related("cooperation__provider", "cooperation__beneficiary", "cooperation__offer")
    # the title of a cooperation made from an offer in each reader's language (Cooperation.display_title)
    due = due.prefetch_related(*reading_prefetch_of("cooperation__offer"))
    for milestone in due:
        cooperation = milestone.cooperation
        notify(
            recipients=_both_sides(cooperation),
            kind="milestone_due",
            params={
                "milestone": milestone.title,
                "cooperation": in_every_language(lambda c=cooperation: c.display_title),
                "due": in_every_language(lambda m=milestone: format_day(m.due)),
            },
            **_cooperation_link(cooperation),
        )
        milestone.reminder_sent_at = timezone.now()
        milestone.save(update_fields=["reminder_sent_at"])
        sent += 1
    open_statuses = ["agreed", "ongoing"]
    reporting = (
        Cooperation.objects.filter(status__in=open_statuses)
        .select_related("provider", "beneficiary", "offer")
        .prefetch_related(*reading_prefetch_of("offer"))
    )
    for cooperation in reporting:
        state = cooperation.freshness(today)
        if state not in ("amber", "red"):
            continue
        since = cooperation.last_progress_at.date() if cooperation.last_progress_at else cooperation.created_at.date()
        months = (today.year - since.year) * 12 + today.month - since.month
        recent = cooperation.reminded_at and (today - cooperation.reminded_at.date()).days < 30
        if recent:
            continue
        notify(
            recipients=_both_sides(cooperation),
            kind="progress_due",
            params={"cooperation": in_every_language(lambda c=cooperation: c.display_title), "months": months},
            **_cooperation_link(cooperation),
        )
        cooperation.reminded_at = timezone.now()
        cooperation.save(update_fields=["reminded_at"])
        sent += 1
    return sent


def _both_sides(cooperation):
    people = []
    for member in (cooperation.provider, cooperation.beneficiary):
        people += member_editors(member)
    return people


@transaction.atomic
def cooperation_create_direct(
    *,
    provider,
    beneficiary,
    actor,
    title: str,
    modality: str,
    themes=(),
    sectors=(),
    channel: str = "south_south",
    description: str = "",
    planned_start=None,
    planned_end=None,
    is_public: bool = True,
    origin: str = CooperationOrigin.DIRECT,
) -> Cooperation:
    """Enter a cooperation that did not come through a match or a round (the provider's editors and
    managers, or the secretariat, `cooperation_check_enter`) between active members; IATI defaults from
    the modality, themes, sectors and channel. `origin`: entered directly, or a workshop's action item."""
    cooperation_check_enter(actor, provider)
    errors: dict = {}
    if beneficiary.status != MemberStatus.ACTIVE:
        errors["beneficiary"] = [_("The beneficiary must be an active member: cooperations are public.")]
    if not title.strip():
        errors["title"] = [_("Give the cooperation a title.")]
    if provider.pk == beneficiary.pk:
        errors["beneficiary"] = [_("A member cannot cooperate with itself.")]
    tracking.check_period(planned_start, planned_end, "planned_end", errors)
    taxonomy = {"modality": modality, "channel": channel, "themes": list(themes), "sectors": list(sectors)}
    for field, value in taxonomy.items():
        tracking.check_taxonomy(value, field, errors)
    if origin not in (CooperationOrigin.DIRECT, CooperationOrigin.WORKSHOP):
        errors["origin"] = [_("A cooperation entered here is entered directly or comes from a workshop.")]
    if errors:
        raise ValidationError(errors)
    fields = _iati_defaults(modality=modality, themes=list(themes), sectors=list(sectors), channel=channel)
    cooperation = Cooperation.objects.create(
        title=title.strip(),
        description=description.strip(),
        provider=provider,
        beneficiary=beneficiary,
        origin=origin,
        planned_start=planned_start,
        planned_end=planned_end,
        is_public=is_public,
        created_by=actor,
        **fields,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=cooperation,
        changes=diff({}, snapshot(cooperation, AUDITED_FIELDS)),
        member_code=provider.code,
        public=is_public,
    )
    return cooperation


#: The fields of a cooperation an IATI activity sets (see iati_export.activity_values).
IMPORTED_FIELDS = (
    "title",
    "description",
    "activity_status",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "dac_sectors",
    "aid_type",
    "finance_type",
    "flow_type",
    "collaboration_type",
    "currency",
    "iati_identifier",
)


@transaction.atomic
def cooperation_create_from_iati(*, provider, beneficiary, actor, data: dict, reason: str = "") -> Cooperation:
    """A cooperation read from an IATI activity (``data``: the IMPORTED_FIELDS), checked like any
    edit of its IATI fields. The provider's editors and managers, the secretariat, or the system
    (``actor=None``, the ``harambee import iati`` command) may do it."""
    if actor is not None:
        cooperation_check_enter(actor, provider)
    unknown = set(data) - set(IMPORTED_FIELDS)
    errors: dict = {name: [_("This field cannot be changed here.")] for name in sorted(unknown)}
    if not str(data.get("title", "")).strip():
        errors["title"] = [_("Give the cooperation a title.")]
    if provider.pk == beneficiary.pk:
        errors["beneficiary"] = [_("A member cannot cooperate with itself.")]
    cooperation = Cooperation(
        provider=provider,
        beneficiary=beneficiary,
        origin=CooperationOrigin.DIRECT,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        **{name: value for name, value in data.items() if name not in unknown},
    )
    _check_tracked(cooperation, data, errors)
    if errors:
        raise ValidationError(errors)
    cooperation.full_clean()
    cooperation.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=cooperation,
        changes=diff({}, snapshot(cooperation, UPDATE_AUDITED_FIELDS)),
        reason=reason,
        member_code=provider.code,
        public=cooperation.is_public,
    )
    return cooperation
