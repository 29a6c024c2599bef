"""Cooperations as IATI 2.03 activities and back: the mapping between the models and `harambee.iati`.

Identifiers: the reporting organisation is the provider, with its IATI organisation identifier
when it has one (`Member.iati_ref`), else ``HARAMBEE-<CODE>``; the activity identifier is that
ref plus ``-COOP-<id>``. Participating organisations (roles from harambee/iati/mapping.toml): the
provider funds and extends; the beneficiary and the implementing organisations implement. The
recipient is the beneficiary's country (100 %), else the M49 region of an organisation without a
country is unknown and the export reports it (IATI requires a recipient).

Imports go through the cooperation services (services.py), so a file is checked and audited like
the web forms; see :func:`iati_import`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from harambee import iati
from harambee.core.csvfile import csv_write
from harambee.core.exceptions import PermissionDenied
from harambee.core.progress import Progress, Stopwatch, no_progress
from harambee.postings.reading import human_texts
from harambee.registry.models import Member

from . import services
from .models import Cooperation, Indicator

LANGUAGE = "en"
CENT = Decimal("0.01")
ROLES = iati.mapping().roles


def org_ref(member: Member) -> str:
    return member.iati_ref or f"HARAMBEE-{member.code.upper()}"


def org_type(member: Member) -> str:
    """The member's IATI OrganisationType, or the mapping's default ("other")."""
    return member.iati_org_type or iati.mapping().organisation_type


def _names(member: Member) -> dict:
    with translation.override(LANGUAGE):
        return {LANGUAGE: member.display_name}


def _participants(member: Member, side: str) -> list[iati.ParticipatingOrg]:
    return [
        iati.ParticipatingOrg(role=role, ref=org_ref(member), type=org_type(member), names=_names(member))
        for role in ROLES[side]
    ]


def cooperation_activity(cooperation: Cooperation) -> iati.IatiActivity:
    """The IATI activity of a cooperation (budgets, transactions, results included)."""
    provider, beneficiary = cooperation.provider, cooperation.beneficiary
    ref = org_ref(provider)
    participants = _participants(provider, "provider") + _participants(beneficiary, "beneficiary")
    for member in cooperation.implementers.all():
        participants += _participants(member, "implementer")
    countries = []
    if beneficiary.country_id and beneficiary.country and beneficiary.country.iso2:
        countries = [iati.RecipientCountry(code=beneficiary.country.iso2)]
    sectors = [
        iati.Sector(
            code=s["code"], percentage=None if len(cooperation.dac_sectors) == 1 else Decimal(str(s["percentage"]))
        )
        for s in cooperation.dac_sectors
    ]
    start = cooperation.planned_start or cooperation.actual_start or cooperation.created_at.date()
    period_end = cooperation.planned_end or max(start, timezone.localdate())
    results = [
        iati.Result(
            type=r.type,
            title={LANGUAGE: r.title},
            indicators=[_indicator(i, start, period_end) for i in r.indicators.all()],
        )
        for r in cooperation.results.all()
    ]
    return iati.IatiActivity(
        identifier=iati.iati_identifier(reporting_org_ref=ref, suffix=f"COOP-{cooperation.pk}"),
        reporting_org=iati.ReportingOrg(ref=ref, type=org_type(provider), names=_names(provider)),
        title=exported_titles(cooperation),
        description={LANGUAGE: cooperation.description or exported_title(cooperation)},
        participating_orgs=participants,
        activity_status=cooperation.activity_status,
        planned_start=cooperation.planned_start or (None if cooperation.actual_start else start),
        actual_start=cooperation.actual_start,
        planned_end=cooperation.planned_end,
        actual_end=cooperation.actual_end,
        recipient_countries=countries,
        sectors=sectors,
        collaboration_type=cooperation.collaboration_type,
        default_flow_type=cooperation.flow_type,
        default_finance_type=cooperation.finance_type,
        default_aid_type=cooperation.aid_type or None,
        default_currency=cooperation.currency,
        default_language=LANGUAGE,
        budgets=[
            iati.Budget(
                period_start=b.period_start,
                period_end=b.period_end,
                value=iati.Value(amount=b.value, value_date=b.value_date, currency=b.currency),
            )
            for b in cooperation.budgets.all()
        ],
        transactions=[
            iati.Transaction(
                transaction_type=t.type,
                transaction_date=t.date,
                value=iati.Value(amount=t.value, value_date=t.date, currency=t.currency),
                description={LANGUAGE: t.description} if t.description else {},
            )
            for t in cooperation.transactions.all()
        ],
        results=results,
        last_updated_datetime=cooperation.updated_at.replace(microsecond=0),
    )


def _indicator(indicator: Indicator, start: date, end: date) -> iati.Indicator:
    targets = [iati.IndicatorValue(value=indicator.target)] if indicator.target is not None else []
    actuals = [iati.IndicatorValue(value=indicator.actual)] if indicator.actual is not None else []
    for dimension, values in (indicator.disaggregation or {}).items():
        actuals += [
            iati.IndicatorValue(value=Decimal(str(v)), dimensions={dimension: k}) for k, v in sorted(values.items())
        ]
    periods = (
        [iati.ResultPeriod(period_start=start, period_end=end, targets=targets, actuals=actuals)]
        if (targets or actuals)
        else []
    )
    return iati.Indicator(
        title={LANGUAGE: indicator.title},
        baseline_year=indicator.baseline_year,
        baseline_value=indicator.baseline,
        periods=periods,
    )


def _prefetched(cooperations):
    return (
        cooperations.select_related("provider__country", "beneficiary__country", "offer")
        .prefetch_related("implementers", "budgets", "transactions", "results__indicators", "offer__translations")
        .order_by("pk")
    )


def cooperations_iati_chunks(cooperations, *, batch: int = 200):
    """The IATI XML of a queryset of cooperations in pieces (`iati.activities_xml_chunks`): the rows are
    read `batch` at a time with their relations, so a file of every public cooperation never holds
    more than one batch in memory. Raises ``ValueError`` at the first piece when there is none."""
    rows = _prefetched(cooperations).iterator(chunk_size=batch)
    return iati.activities_xml_chunks(
        (cooperation_activity(c) for c in rows), generated_datetime=timezone.now().replace(microsecond=0)
    )


def cooperations_to_iati_xml(cooperations, *, progress: Progress = no_progress) -> bytes:
    """IATI 2.03 activity XML of the given cooperations (a list or a queryset)."""
    if isinstance(cooperations, list):
        cooperations = Cooperation.objects.filter(pk__in=[c.pk for c in cooperations])
    rows = _prefetched(cooperations)
    activities = [cooperation_activity(c) for c in progress(rows, total=rows.count())]
    return iati.activities_to_xml(activities, generated_datetime=timezone.now().replace(microsecond=0))


def export_iati(*, member: str, out: str, stdout, stderr, progress: Progress = no_progress) -> None:
    """`harambee export iati [--member CODE] --out FILE`: public cooperations (of a member), validated.

    The summary goes to stdout with a file, to stderr when the XML itself goes to stdout.
    """
    stopwatch = Stopwatch()
    qs = Cooperation.objects.filter(is_public=True)
    if member:
        if not Member.objects.filter(code=member.lower()).exists():
            raise CommandError(_("Unknown member: %(code)s") % {"code": member})
        qs = qs.filter(Q(provider__code=member.lower()) | Q(beneficiary__code=member.lower()))
    data = cooperations_to_iati_xml(qs, progress=progress)
    problems = iati.validate_activities_xml(data)
    if out == "-":
        stdout.write(data.decode("utf-8"), ending="")
    else:
        with open(out, "wb") as handle:
            handle.write(data)
    (stderr if out == "-" else stdout).write(
        _("%(count)s activities written to %(file)s in %(seconds)s s (%(rate)s activities/s).")
        % {**stopwatch.summary(qs.count()), "file": _("standard output") if out == "-" else out}
    )
    if problems:
        raise CommandError("\n".join(problems[:50]))


@dataclass
class ImportOutcome:
    """What an import did: activities created, updated or found unchanged, and every problem
    (with any problem, nothing at all was written and the counts are zero)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _first(narratives: dict) -> str:
    return next(iter(narratives.values()), "")


def _title_language(cooperation: Cooperation) -> str:
    return cooperation.offer.language if cooperation.offer_id else LANGUAGE


def exported_title(cooperation: Cooperation) -> str:
    """The title as exports write it: a title made from an offer, in the offer's language with the
    beneficiary named in it; an import that reads it back changes nothing."""
    with translation.override(_title_language(cooperation)):
        return cooperation.display_title


def exported_titles(cooperation: Cooperation) -> dict[str, str]:
    """One narrative per language people wrote the title in: :func:`exported_title`, and for a title
    made from an offer, the same in each language of the offer's human translations (never a
    machine translation: IATI publishes what its publisher wrote)."""
    titles = {_title_language(cooperation): exported_title(cooperation)}
    offer = cooperation.offer if cooperation.offer_id else None
    if cooperation.title_names_beneficiary and offer is not None and offer.title[:300] == cooperation.title:
        for language, _title, _description in human_texts(offer)[1:]:
            with translation.override(language):
                titles.setdefault(language, cooperation.display_title)
    return titles


def _cents(value: Decimal | None) -> Decimal | None:
    """An amount as the database keeps it (two decimals), so that a second import compares equal."""
    return None if value is None else value.quantize(CENT)


def activity_values(activity: iati.IatiActivity) -> dict:
    """The fields of a cooperation an IATI activity sets (services.IMPORTED_FIELDS)."""
    defaults = iati.mapping()
    return {
        "title": _first(activity.title)[:300],
        "description": _first(activity.description),
        "activity_status": activity.activity_status,
        "planned_start": activity.planned_start,
        "planned_end": activity.planned_end,
        "actual_start": activity.actual_start,
        "actual_end": activity.actual_end,
        "dac_sectors": [
            {"code": s.code, "percentage": float(s.percentage or 100)} for s in activity.sectors if s.vocabulary == "1"
        ],
        "aid_type": activity.default_aid_type or "",
        "finance_type": activity.default_finance_type or defaults.finance_type,
        "flow_type": activity.default_flow_type or defaults.flow_type,
        "collaboration_type": activity.collaboration_type or defaults.collaboration_type_default,
        "currency": activity.default_currency or defaults.currency,
        "iati_identifier": activity.identifier,
    }


def _indicator_row(indicator: iati.Indicator) -> dict:
    totals = [v.value for p in indicator.periods for v in p.actuals if not v.dimensions]
    targets = [v.value for p in indicator.periods for v in p.targets if not v.dimensions]
    by_sex = {
        v.dimensions["sex"]: int(v.value) if v.value == int(v.value) else float(v.value)
        for p in indicator.periods
        for v in p.actuals
        if v.dimensions.get("sex")
    }
    return {
        "title": _first(indicator.title)[:300],
        "baseline_year": indicator.baseline_year,
        "baseline": _cents(indicator.baseline_value),
        "target": _cents(targets[-1]) if targets else None,
        "actual": _cents(totals[-1]) if totals else None,
        "disaggregation": {"sex": by_sex} if by_sex else {},
    }


def _stored_row(indicator: Indicator) -> dict:
    return {name: getattr(indicator, name) for name in services.INDICATOR_FIELDS}


_PLANNED = ("title", "baseline_year", "baseline", "target")  # what result_add sets; actuals are reported


def _sync_budgets(cooperation: Cooperation, activity: iati.IatiActivity, actor) -> bool:
    wanted = [
        (
            b.period_start,
            b.period_end,
            _cents(b.value.amount),
            b.value.currency or cooperation.currency,
            b.value.value_date,
        )
        for b in activity.budgets
    ]
    extra = []
    for budget in cooperation.budgets.all():
        key = (budget.period_start, budget.period_end, budget.value, budget.currency, budget.value_date)
        if key in wanted:
            wanted.remove(key)
        else:
            extra.append(budget)
    for budget in extra:
        services.budget_remove(budget=budget, actor=actor)
    for start, end, value, currency, value_date in wanted:
        services.budget_add(
            cooperation=cooperation,
            actor=actor,
            period_start=start,
            period_end=end,
            value=value,
            currency=currency,
            value_date=value_date,
        )
    return bool(extra or wanted)


def _sync_transactions(cooperation: Cooperation, activity: iati.IatiActivity, actor) -> bool:
    wanted = [
        (
            t.transaction_type,
            t.transaction_date,
            _cents(t.value.amount),
            t.value.currency or cooperation.currency,
            _first(t.description)[:500],
        )
        for t in activity.transactions
    ]
    extra = []
    for row in cooperation.transactions.all():
        key = (row.type, row.date, row.value, row.currency, row.description)
        if key in wanted:
            wanted.remove(key)
        else:
            extra.append(row)
    for row in extra:
        services.transaction_remove(row=row, actor=actor)
    for type_, day, value, currency, description in wanted:
        services.transaction_add(
            cooperation=cooperation,
            actor=actor,
            type=type_,
            date=day,
            value=value,
            currency=currency,
            description=description,
        )
    return bool(extra or wanted)


def _sync_results(cooperation: Cooperation, activity: iati.IatiActivity, actor) -> bool:
    """Results and indicators as in the file: equal ones stay; a result whose plan is the same has
    its actuals reported; others are removed and added."""
    wanted = [(_first(r.title)[:300], r.type, [_indicator_row(i) for i in r.indicators]) for r in activity.results]
    existing = [
        (result, (result.title, result.type, [_stored_row(i) for i in result.indicators.all()]))
        for result in cooperation.results.prefetch_related("indicators")
    ]
    remaining = []
    for result, key in existing:
        if key in wanted:
            wanted.remove(key)
        else:
            remaining.append((result, key))
    wrote = False

    def plan(key) -> tuple:
        return key[0], key[1], [{name: row[name] for name in _PLANNED} for row in key[2]]

    for title, type_, rows in list(wanted):
        same_plan = next((item for item in remaining if plan(item[1]) == plan((title, type_, rows))), None)
        if same_plan is None:
            continue
        remaining.remove(same_plan)
        wanted.remove((title, type_, rows))
        for indicator, row in zip(same_plan[0].indicators.all(), rows, strict=True):
            if (indicator.actual, indicator.disaggregation) != (row["actual"], row["disaggregation"]):
                services.indicator_report(
                    indicator=indicator, actor=actor, actual=row["actual"], disaggregation=row["disaggregation"]
                )
                wrote = True
    for result, _key in remaining:
        services.result_remove(result=result, actor=actor)
    for title, type_, rows in wanted:
        services.result_add(cooperation=cooperation, actor=actor, title=title, type=type_, indicators=rows)
    return wrote or bool(remaining or wanted)


def _existing(activity: iati.IatiActivity, provider: Member) -> Cooperation | None:
    """The cooperation an activity stands for: one exported from here (``<ref>-COOP-<id>``) or one
    imported before with the same iati-identifier."""
    suffix = activity.identifier[len(activity.reporting_org.ref) + 1 :]
    if suffix.startswith("COOP-") and suffix[5:].isdigit():
        cooperation = Cooperation.objects.filter(pk=int(suffix[5:]), provider=provider).first()
        if cooperation is not None:
            return cooperation
    return Cooperation.objects.filter(iati_identifier=activity.identifier).first()


def _import_activity(activity: iati.IatiActivity, provider: Member, beneficiary: Member, actor) -> str:
    """Write one activity through the cooperation services: "created", "updated" or "unchanged"."""
    values = activity_values(activity)
    cooperation = _existing(activity, provider)
    if cooperation is None:
        cooperation = services.cooperation_create_from_iati(
            provider=provider, beneficiary=beneficiary, actor=actor, data=values, reason=_("IATI import")
        )
        outcome = "created"
    else:
        if (cooperation.provider_id, cooperation.beneficiary_id) != (provider.pk, beneficiary.pk):
            raise ValidationError(_("An import does not change the provider or the beneficiary of a cooperation."))
        # any of the title's narratives (the writer puts the default language's first) reads back unchanged
        titles = exported_titles(cooperation)
        title = values["title"] if values["title"] in titles.values() else exported_title(cooperation)
        current = {name: getattr(cooperation, name) for name in values} | {"title": title}
        changed = {name: value for name, value in values.items() if current[name] != value}
        if changed:
            cooperation = services.cooperation_update(
                cooperation=cooperation, actor=actor, data=changed, reason=_("IATI import")
            )
        outcome = "updated" if changed else "unchanged"
    wrote = _sync_budgets(cooperation, activity, actor)
    wrote = _sync_transactions(cooperation, activity, actor) or wrote
    wrote = _sync_results(cooperation, activity, actor) or wrote
    return "updated" if outcome == "unchanged" and wrote else outcome


def _messages(error: Exception) -> list[str]:
    return list(error.messages) if isinstance(error, ValidationError) else [str(error)]


def iati_import(*, data: bytes, actor=None) -> ImportOutcome:
    """Read IATI activity XML into cooperations through the cooperation services (checked and
    audited like any other write), all or nothing: with any problem, nothing is written.

    Idempotent by iati-identifier: an activity exported from here updates its cooperation, and
    importing the same file again writes nothing and counts the activities as unchanged.
    ``actor=None`` is the system (the command line); a person needs the rights the services ask.
    """
    report = iati.parse_activities_xml(data)
    outcome = ImportOutcome(errors=list(report.errors), warnings=list(report.warnings))
    members = {org_ref(m): m for m in Member.objects.all()}
    plans = []
    for activity in report.activities:
        provider = members.get(activity.reporting_org.ref)
        implementing = [o for o in activity.participating_orgs if o.role in ROLES["beneficiary"] and o.ref in members]
        beneficiary = members.get(implementing[0].ref) if implementing else None
        if provider is None:
            outcome.errors.append(
                _("%(id)s: the reporting organisation %(ref)s is not a member.")
                % {"id": activity.identifier, "ref": activity.reporting_org.ref}
            )
        if beneficiary is None:
            outcome.errors.append(_("%(id)s: no implementing organisation is a member.") % {"id": activity.identifier})
        plans.append((activity, provider, beneficiary))
    if outcome.errors:
        return outcome
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    with transaction.atomic():
        for activity, provider, beneficiary in plans:
            try:
                counts[_import_activity(activity, provider, beneficiary, actor)] += 1
            except (ValidationError, PermissionDenied) as error:
                outcome.errors += [f"{activity.identifier}: {message}" for message in _messages(error)]
        if outcome.errors:
            transaction.set_rollback(True)
            return outcome
    outcome.created, outcome.updated, outcome.unchanged = counts["created"], counts["updated"], counts["unchanged"]
    return outcome


def import_iati(*, files, dry_run: bool, stdout, stderr, progress: Progress = no_progress) -> None:
    """`harambee import iati FILE…`: validate everything, then write all or nothing."""
    stopwatch = Stopwatch()
    total = ImportOutcome()
    with transaction.atomic():
        for name in progress(files, total=len(files)):
            with open(name, "rb") as handle:
                data = handle.read()
            outcome = iati_import(data=data)
            if outcome.errors:
                for message in outcome.errors[:200]:
                    stderr.write(message)
                raise CommandError(
                    _("%(file)s: %(count)s problems; nothing was imported.")
                    % {"file": name, "count": len(outcome.errors)}
                )
            total.created += outcome.created
            total.updated += outcome.updated
            total.unchanged += outcome.unchanged
        if dry_run:
            transaction.set_rollback(True)
    verb = _("Would import") if dry_run else _("Imported")
    activities = total.created + total.updated + total.unchanged
    timing = stopwatch.summary(activities)
    stdout.write(
        _(
            "%(verb)s: %(created)s created, %(updated)s updated, %(unchanged)s unchanged "
            "(%(seconds)s s, %(rate)s activities/s)."
        )
        % {"verb": verb, "created": total.created, "updated": total.updated, "unchanged": total.unchanged,
           "seconds": timing["seconds"], "rate": timing["rate"]}
    )  # fmt: skip


def _name(codelist_name: str, code: str) -> str:
    """The English name of an IATI code, for the CSV export (the codelists are English)."""
    return iati.codelist(codelist_name).name_of(code)


def export_cooperations_csv(*, member: str, out: str, stdout, stderr, progress: Progress = no_progress) -> None:
    """`harambee export cooperations [--member CODE] [--out FILE]`: public cooperations as CSV, with the
    name of each code in the column after it."""
    qs = Cooperation.objects.filter(is_public=True).select_related("provider__country", "beneficiary__country")
    if member:
        if not Member.objects.filter(code=member.lower()).exists():
            raise CommandError(_("Unknown member: %(code)s") % {"code": member})
        qs = qs.filter(Q(provider__code=member.lower()) | Q(beneficiary__code=member.lower()))
    csv_write(_cooperation_rows(qs, progress), out=out, stdout=stdout)


def _cooperation_rows(qs, progress: Progress = no_progress):
    """The header and one row per cooperation for the CSV export (written by `harambee.core.csvfile`)."""
    yield [
        "id", "iati_identifier", "title", "provider", "provider_name", "beneficiary", "beneficiary_name", "status",
        "aid_type", "aid_type_name", "collaboration_type", "collaboration_type_name", "finance_type",
        "finance_type_name", "flow_type", "flow_type_name", "activity_status", "activity_status_name", "sectors",
        "sector_names", "planned_start", "planned_end", "currency",
    ]  # fmt: skip
    for c in progress(qs.order_by("pk"), total=qs.count()):
        with translation.override(LANGUAGE):
            provider, beneficiary = c.provider.display_name, c.beneficiary.display_name
        yield [
            c.pk,
            iati.iati_identifier(reporting_org_ref=org_ref(c.provider), suffix=f"COOP-{c.pk}"),
            exported_title(c),
            c.provider.code.upper(),
            provider,
            c.beneficiary.code.upper(),
            beneficiary,
            c.status,
            c.aid_type,
            _name("AidType", c.aid_type),
            c.collaboration_type,
            _name("CollaborationType", c.collaboration_type),
            c.finance_type,
            _name("FinanceType", c.finance_type),
            c.flow_type,
            _name("FlowType", c.flow_type),
            c.activity_status,
            _name("ActivityStatus", c.activity_status),
            "; ".join(f"{s['code']} ({s['percentage']:g}%)" for s in c.dac_sectors),
            "; ".join(_name("Sector", s["code"]) for s in c.dac_sectors),
            c.planned_start or "",
            c.planned_end or "",
            c.currency,
        ]
