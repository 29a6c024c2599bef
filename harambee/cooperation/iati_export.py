"""Cooperations as IATI 2.03 activities and back: the mapping between the models and `iati.py`.

Identifiers: the reporting organisation is the provider, with its IATI organisation identifier
when it has one (`Member.iati_ref`), else ``HARAMBEE-<CODE>``; the activity identifier is that
ref plus ``-COOP-<id>``. Participating organisations: the provider funds (1) and extends (3); the
beneficiary and the implementing organisations implement (4). The recipient is the beneficiary's
country (100 %), else the M49 region of an organisation without a country is unknown and the
export reports it (IATI requires a recipient).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record
from harambee.core.csvfile import csv_write
from harambee.registry.models import Member

from . import iati
from .models import Budget, Cooperation, CooperationOrigin, Indicator, Result, Transaction

LANGUAGE = "en"


def org_ref(member: Member) -> str:
    return member.iati_ref or f"HARAMBEE-{member.code.upper()}"


def _names(member: Member) -> dict:
    with translation.override(LANGUAGE):
        return {LANGUAGE: member.display_name}


def _participant(member: Member, role: str) -> iati.ParticipatingOrg:
    return iati.ParticipatingOrg(
        role=role, ref=org_ref(member), type=member.iati_org_type or "90", names=_names(member)
    )


def cooperation_activity(cooperation: Cooperation) -> iati.IatiActivity:
    """The IATI activity of a cooperation (budgets, transactions, results included)."""
    provider, beneficiary = cooperation.provider, cooperation.beneficiary
    ref = org_ref(provider)
    participants = [_participant(provider, "1"), _participant(provider, "3"), _participant(beneficiary, "4")]
    participants += [_participant(m, "4") for m in cooperation.implementers.all()]
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
        reporting_org=iati.ReportingOrg(ref=ref, type=provider.iati_org_type or "90", names=_names(provider)),
        title={(cooperation.offer.language if cooperation.offer_id else LANGUAGE): cooperation.title},
        description={LANGUAGE: cooperation.description or cooperation.title},
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
        .prefetch_related("implementers", "budgets", "transactions", "results__indicators")
        .order_by("pk")
    )


def cooperations_to_iati_xml(cooperations) -> bytes:
    """IATI 2.03 activity XML of the given cooperations (a list or a queryset)."""
    if isinstance(cooperations, list):
        cooperations = Cooperation.objects.filter(pk__in=[c.pk for c in cooperations])
    activities = [cooperation_activity(c) for c in _prefetched(cooperations)]
    return iati.activities_to_xml(activities, generated_datetime=timezone.now().replace(microsecond=0))


def export_iati(*, member: str, out: str, stdout) -> None:
    """`harambee export iati [--member CODE] --out FILE`: public cooperations (of a member), validated."""
    from django.core.management.base import CommandError
    from django.db.models import Q

    qs = Cooperation.objects.filter(is_public=True)
    if member:
        if not Member.objects.filter(code=member.lower()).exists():
            raise CommandError(_("Unknown member: %(code)s") % {"code": member})
        qs = qs.filter(Q(provider__code=member.lower()) | Q(beneficiary__code=member.lower()))
    data = cooperations_to_iati_xml(qs)
    problems = iati.validate_activities_xml(data)
    if out == "-":
        stdout.write(data.decode("utf-8"), ending="")
    else:
        with open(out, "wb") as handle:
            handle.write(data)
        stdout.write(_("%(count)s activities written to %(file)s.") % {"count": qs.count(), "file": out})
    if problems:
        raise CommandError("\n".join(problems[:50]))


@transaction.atomic
def iati_import(*, data: bytes, actor=None) -> tuple[int, int, list[str]]:
    """Read IATI activity XML into cooperations, idempotent by iati-identifier: (created, updated,
    errors). All or nothing: with any error, nothing is written."""
    report = iati.parse_activities_xml(data)
    errors = list(report.errors)
    members = {org_ref(m): m for m in Member.objects.all()}
    plans = []
    for activity in report.activities:
        provider = members.get(activity.reporting_org.ref)
        implementing = [o for o in activity.participating_orgs if o.role == "4" and o.ref in members]
        beneficiary = members.get(implementing[0].ref) if implementing else None
        if provider is None:
            errors.append(
                _("%(id)s: the reporting organisation %(ref)s is not a member.")
                % {"id": activity.identifier, "ref": activity.reporting_org.ref}
            )
        if beneficiary is None:
            errors.append(_("%(id)s: no implementing organisation is a member.") % {"id": activity.identifier})
        plans.append((activity, provider, beneficiary))
    if errors:
        return 0, 0, errors
    created = updated = 0
    for activity, provider, beneficiary in plans:
        suffix = activity.identifier[len(activity.reporting_org.ref) + 1 :]
        cooperation = None
        if suffix.startswith("COOP-") and suffix[5:].isdigit():
            cooperation = Cooperation.objects.filter(pk=int(suffix[5:]), provider=provider).first()
        if cooperation is None:
            cooperation = Cooperation.objects.filter(iati_identifier=activity.identifier).first()
        values = {
            "title": next(iter(activity.title.values()), "")[:300],
            "provider": provider,
            "beneficiary": beneficiary,
            "description": next(iter(activity.description.values()), ""),
            "activity_status": activity.activity_status,
            "planned_start": activity.planned_start,
            "planned_end": activity.planned_end,
            "actual_start": activity.actual_start,
            "actual_end": activity.actual_end,
            "dac_sectors": [
                {"code": s.code, "percentage": float(s.percentage or 100)}
                for s in activity.sectors
                if s.vocabulary == "1"
            ],
            "aid_type": activity.default_aid_type or "",
            "finance_type": activity.default_finance_type or "110",
            "flow_type": activity.default_flow_type or "10",
            "collaboration_type": activity.collaboration_type or "1",
            "currency": activity.default_currency or "USD",
            "iati_identifier": activity.identifier,
        }
        if cooperation is None:
            cooperation = Cooperation.objects.create(origin=CooperationOrigin.DIRECT, **values)
            created += 1
            action = AuditAction.CREATE
        else:
            for name, value in values.items():
                setattr(cooperation, name, value)
            cooperation.save()
            updated += 1
            action = AuditAction.UPDATE
        cooperation.budgets.all().delete()
        Budget.objects.bulk_create(
            Budget(
                cooperation=cooperation,
                period_start=b.period_start,
                period_end=b.period_end,
                value=b.value.amount,
                currency=b.value.currency or cooperation.currency,
                value_date=b.value.value_date,
            )
            for b in activity.budgets
        )
        cooperation.transactions.all().delete()
        Transaction.objects.bulk_create(
            Transaction(
                cooperation=cooperation,
                type=t.transaction_type,
                date=t.transaction_date,
                value=t.value.amount,
                currency=t.value.currency or cooperation.currency,
                description=next(iter(t.description.values()), "")[:500],
            )
            for t in activity.transactions
        )
        cooperation.results.all().delete()
        for result in activity.results:
            row = Result.objects.create(
                cooperation=cooperation,
                title=next(iter(result.title.values()), "")[:300],
                type=result.type if result.type in ("1", "2") else "1",
            )
            for indicator in result.indicators:
                totals = [v.value for p in indicator.periods for v in p.actuals if not v.dimensions]
                targets = [v.value for p in indicator.periods for v in p.targets if not v.dimensions]
                by_sex = {
                    v.dimensions["sex"]: int(v.value) if v.value == int(v.value) else float(v.value)
                    for p in indicator.periods
                    for v in p.actuals
                    if v.dimensions.get("sex")
                }
                Indicator.objects.create(
                    result=row,
                    title=next(iter(indicator.title.values()), "")[:300],
                    baseline_year=indicator.baseline_year,
                    baseline=indicator.baseline_value,
                    target=targets[-1] if targets else None,
                    actual=totals[-1] if totals else None,
                    disaggregation={"sex": by_sex} if by_sex else {},
                )
        audit_record(
            actor=actor,
            action=action,
            instance=cooperation,
            changes={"iati_identifier": [None, activity.identifier]},
            reason=_("IATI import"),
            member_code=provider.code,
            public=cooperation.is_public,
        )
    return created, updated, []


def import_iati(*, files, dry_run: bool, stdout, stderr) -> None:
    """`harambee import iati FILE…`: validate everything, then write all or nothing."""
    from django.core.management.base import CommandError

    total_created = total_updated = 0
    with transaction.atomic():
        for name in files:
            with open(name, "rb") as handle:
                data = handle.read()
            created, updated, errors = iati_import(data=data)
            if errors:
                for message in errors[:200]:
                    stderr.write(message)
                raise CommandError(
                    _("%(file)s: %(count)s problems; nothing was imported.") % {"file": name, "count": len(errors)}
                )
            total_created += created
            total_updated += updated
        if dry_run:
            transaction.set_rollback(True)
    verb = _("Would import") if dry_run else _("Imported")
    stdout.write(
        _("%(verb)s: %(created)s created, %(updated)s updated.")
        % {"verb": verb, "created": total_created, "updated": total_updated}
    )


# Names of the codes the platform sets by default (IATI codelists, English), for the CSV export.
CODE_NAMES = {
    "aid_type": {
        "C01": "Project-type interventions",
        "D01": "Donor country personnel",
        "D02": "Other technical assistance",
        "D021": "Training (South-South)",
        "E01": "Scholarships/training in donor country",
        "B03": "Contributions to specific-purpose programmes and funds",
    },
    "collaboration_type": {
        "1": "Bilateral",
        "8": "Bilateral, triangular co-operation",
        "2": "Multilateral (inflows)",
        "4": "Multilateral outflows",
    },
    "finance_type": {"110": "Standard grant", "421": "Standard loan"},
    "flow_type": {"10": "ODA", "21": "Non-export credit OOF", "30": "Private Development Finance"},
    "activity_status": {
        "1": "Pipeline/identification",
        "2": "Implementation",
        "3": "Finalisation",
        "4": "Closed",
        "5": "Cancelled",
        "6": "Suspended",
    },
    "sector": {
        "11430": "Advanced technical and managerial training",
        "16062": "Statistical capacity building",
        "22040": "Information and communication technology (ICT)",
        "15110": "Public sector policy and administrative management",
        "43082": "Research/scientific institutions",
        "32182": "Technological research and development",
        "31120": "Agricultural development",
        "12110": "Health policy and administrative management",
        "11110": "Education policy and administrative management",
        "41010": "Environmental policy and administrative management",
        "24010": "Financial policy and administrative management",
        "32110": "Industrial policy and administrative management",
        "16061": "Culture and recreation",
        "43060": "Disaster Risk Reduction",
        "15130": "Legal and judicial development",
        "21010": "Transport policy and administrative management",
        "23110": "Energy policy and administrative management",
    },
}


def export_cooperations_csv(*, member: str, out: str, stdout) -> None:
    """`harambee export cooperations [--member CODE] [--out FILE]`: public cooperations as CSV, with the
    name of each code in the column after it."""
    from django.core.management.base import CommandError
    from django.db.models import Q

    qs = Cooperation.objects.filter(is_public=True).select_related("provider__country", "beneficiary__country")
    if member:
        if not Member.objects.filter(code=member.lower()).exists():
            raise CommandError(_("Unknown member: %(code)s") % {"code": member})
        qs = qs.filter(Q(provider__code=member.lower()) | Q(beneficiary__code=member.lower()))
    csv_write(_cooperation_rows(qs), out=out, stdout=stdout)


def _cooperation_rows(qs):
    """The header and one row per cooperation for the CSV export (written by `harambee.core.csvfile`)."""
    yield [
        "id", "iati_identifier", "title", "provider", "provider_name", "beneficiary", "beneficiary_name", "status",
        "aid_type", "aid_type_name", "collaboration_type", "collaboration_type_name", "finance_type",
        "finance_type_name", "flow_type", "flow_type_name", "activity_status", "activity_status_name", "sectors",
        "sector_names", "planned_start", "planned_end", "currency",
    ]  # fmt: skip
    for c in qs.order_by("pk"):
        with translation.override(LANGUAGE):
            provider, beneficiary = c.provider.display_name, c.beneficiary.display_name
        yield [
            c.pk,
            iati.iati_identifier(reporting_org_ref=org_ref(c.provider), suffix=f"COOP-{c.pk}"),
            c.title,
            c.provider.code.upper(),
            provider,
            c.beneficiary.code.upper(),
            beneficiary,
            c.status,
            c.aid_type,
            CODE_NAMES["aid_type"].get(c.aid_type, ""),
            c.collaboration_type,
            CODE_NAMES["collaboration_type"].get(c.collaboration_type, ""),
            c.finance_type,
            CODE_NAMES["finance_type"].get(c.finance_type, ""),
            c.flow_type,
            CODE_NAMES["flow_type"].get(c.flow_type, ""),
            c.activity_status,
            CODE_NAMES["activity_status"].get(c.activity_status, ""),
            "; ".join(f"{s['code']} ({s['percentage']:g}%)" for s in c.dac_sectors),
            "; ".join(CODE_NAMES["sector"].get(s["code"], "") for s in c.dac_sectors),
            c.planned_start or "",
            c.planned_end or "",
            c.currency,
        ]
