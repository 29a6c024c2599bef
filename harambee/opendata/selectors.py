"""Reads of the open data: the rows of each dataset, in the columns of `schema.py`, and a cheap
fingerprint of each (for ETags).

Which rows are public is decided by each app's own rule, asked for an anonymous visitor
(`posting_list_for_user`, `member_list_for_user`, `cooperation_list_for_user`, `pledge_list_for_user`,
`event_list_for_user`): the open data holds exactly what a visitor who is not signed in may see. Rows
are read with `.iterator()` in chunks and written one by one, so a file of 100,000 rows never sits
in memory; every dataset takes a fixed number of queries whatever its size.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Max
from django.utils import translation

from harambee.cooperation.access import cooperation_list_for_user, pledge_list_for_user
from harambee.cooperation.selectors import delivered, pledges_with_delivery
from harambee.events.access import event_list_for_user
from harambee.matching.models import Match
from harambee.postings.access import posting_list_for_user
from harambee.postings.choices import PostingKind
from harambee.registry.access import member_list_for_user
from harambee.registry.models import CountryGroup, MemberKind
from harambee.registry.names import territory_name

from .schema import BY_NAME, CODELISTS, LIST_SEPARATOR, SCHEMA_VERSION

CHUNK = 2000
CENT = Decimal("0.01")


def public_visitor():
    return AnonymousUser()


# ---------------------------------------------------------------------------------------------------
# Cells


def utc_text(value: datetime | None) -> str:
    """A moment as `2026-03-01T09:30:00Z` (the datapackage's datetime format); "" for none."""
    if value is None:
        return ""
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def date_text(value: date | None) -> str:
    return value.isoformat() if value else ""


def label(codelist: str, code) -> str:
    """The label of a code in the active language; "" for no code or a code the list does not hold."""
    if code in (None, ""):
        return ""
    found = CODELISTS[codelist][1].get(code)
    return str(found) if found is not None else ""


def codes_text(codes) -> str:
    return LIST_SEPARATOR.join(str(code) for code in codes or ())


def labels_text(codelist: str, codes) -> str:
    return LIST_SEPARATOR.join(label(codelist, code) for code in codes or ())


def coded(codelist: str, code) -> tuple[str, str]:
    return (code or "", label(codelist, code))


def coded_list(codelist: str, codes) -> tuple[str, str]:
    return (codes_text(codes), labels_text(codelist, codes))


def country_name(iso2: str | None) -> str:
    return territory_name(iso2, translation.get_language()) if iso2 else ""


def member_name(kind: str, iso2: str | None, name: str, translations: dict | None) -> str:
    """The member's name as `Member.display_name` gives it, from plain values (no model instance)."""
    language = (translation.get_language() or "en").split("-")[0]
    if kind == MemberKind.STATE and iso2:
        return country_name(iso2) or name
    return (translations or {}).get(language) or name


def _member_values(prefix: str) -> list[str]:
    return [f"{prefix}__code", f"{prefix}__kind", f"{prefix}__country__iso2", f"{prefix}__name"] + [
        f"{prefix}__name_translations",
        f"{prefix}__country_id",
    ]


def _member_cells(code, kind, iso2, name, translations, iso3) -> tuple:
    return ((code or "").upper(), member_name(kind, iso2, name, translations), iso3 or "")


# ---------------------------------------------------------------------------------------------------
# Rows of each dataset (tuples in the order of the schema's fields)


def _member_rows() -> Iterator[tuple]:
    groups: dict[str, list[str]] = {}
    for iso3, group in CountryGroup.countries.through.objects.order_by("countrygroup_id").values_list(
        "country_id", "countrygroup_id"
    ):
        groups.setdefault(iso3, []).append(group)
    qs = (
        member_list_for_user(user=public_visitor())
        .order_by("code")
        .values_list(
            "code",
            "kind",
            "name",
            "name_translations",
            "acronym",
            "country_id",
            "country__iso2",
            "country__region_id",
            "organisation_type",
            "iati_org_type",
            "iati_ref",
            "website",
            "created_at",
            "updated_at",
        )
    )
    for (
        code,
        kind,
        name,
        names,
        acronym,
        iso3,
        iso2,
        region,
        org_type,
        iati_type,
        iati_ref,
        web,
        created,
        updated,
    ) in qs.iterator(chunk_size=CHUNK):
        yield (
            code.upper(),
            *coded("member_kind", kind),
            member_name(kind, iso2, name, names),
            acronym,
            iso3 or "",
            country_name(iso2),
            region or "",
            territory_name(region, translation.get_language()) if region else "",
            codes_text(groups.get(iso3, ())),
            *coded("organisation_type", org_type),
            iati_type,
            iati_ref,
            web,
            date_text(created.date() if created else None),
            utc_text(updated),
        )


def _posting_rows(kind: str) -> Iterator[tuple]:
    qs = (
        posting_list_for_user(user=public_visitor())
        .filter(kind=kind)
        .order_by("pk")
        .values_list(
            "external_id",
            *_member_values("member"),
            "title",
            "language",
            "status",
            "modalities",
            "themes",
            "sectors",
            "target_groups",
            "sdgs",
            "channel",
            "format",
            "capacity_unit",
            "capacity_value",
            "currency",
            "apply_by",
            "start",
            "end",
            "published_at",
            "updated_at",
        )
    )
    for row in qs.iterator(chunk_size=CHUNK):
        (external_id, *member), rest = row[:7], row[7:]
        title, language, status, modalities, themes, sectors, groups, sdgs = rest[:8]
        channel, fmt, unit, value, currency, apply_by, start, end, published, updated = rest[8:]
        yield (
            external_id,
            *_member_cells(*member),
            title,
            *coded("language", language),
            *coded("posting_status", status),
            *coded_list("modality", modalities),
            *coded_list("theme", themes),
            *coded_list("sector", sectors),
            *coded_list("target_group", groups),
            codes_text(sdgs),
            *coded("channel", channel),
            *coded("format", fmt),
            *coded("capacity_unit", unit),
            value,
            currency,
            date_text(apply_by),
            date_text(start),
            date_text(end),
            utc_text(published),
            utc_text(updated),
        )


def _public_matches():
    """The matches between a public need and a public offer (matches themselves are never public)."""
    public_postings = posting_list_for_user(user=public_visitor()).values("pk")
    return Match.objects.filter(need__in=public_postings, offer__in=public_postings)


def _match_rows() -> Iterator[tuple]:
    counts: Counter = Counter()
    names: dict[str, str] = {}
    qs = _public_matches().values_list(
        "need__member__country_id",
        "need__member__country__iso2",
        "offer__member__country_id",
        "offer__member__country__iso2",
        "need__themes",
        "status",
    )
    for need_iso3, need_iso2, offer_iso3, offer_iso2, themes, status in qs.iterator(chunk_size=CHUNK):
        names[need_iso3 or ""] = need_iso2 or ""
        names[offer_iso3 or ""] = offer_iso2 or ""
        for theme in themes or [""]:
            counts[(need_iso3 or "", offer_iso3 or "", theme, status)] += 1
    for (need, offer, theme, status), count in sorted(counts.items()):
        yield (
            need,
            country_name(names[need]),
            offer,
            country_name(names[offer]),
            *coded("theme", theme),
            *coded("match_status", status),
            count,
        )


def _cooperation_rows() -> Iterator[tuple]:
    qs = (
        cooperation_list_for_user(user=public_visitor())
        .prefetch_related(None)
        .order_by("pk")
        .values_list(
            "pk",
            "title",
            *_member_values("provider"),
            *_member_values("beneficiary"),
            "origin",
            "status",
            "channel",
            "modality",
            "themes",
            "units",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "last_progress_at",
            "iati_identifier",
            "updated_at",
        )
    )
    for row in qs.iterator(chunk_size=CHUNK):
        pk, title, provider, beneficiary, rest = row[0], row[1], row[2:8], row[8:14], row[14:]
        origin, status, channel, modality, themes, units, p_start, p_end, a_start, a_end, progress, iati_id, updated = (
            rest
        )
        yield (
            pk,
            title,
            *_member_cells(*provider),
            *_member_cells(*beneficiary),
            *coded("cooperation_origin", origin),
            *coded("cooperation_status", status),
            *coded("channel", channel),
            *coded("modality", modality),
            *coded_list("theme", themes),
            units,
            date_text(p_start),
            date_text(p_end),
            date_text(a_start),
            date_text(a_end),
            utc_text(progress),
            iati_id,
            utc_text(updated),
        )


def _pledge_rows() -> Iterator[tuple]:
    qs = pledges_with_delivery(pledge_list_for_user(user=public_visitor())).order_by("pk")
    for pledge in qs.iterator(chunk_size=CHUNK):
        member = pledge.member
        yield (
            pledge.pk,
            member.code.upper(),
            member.display_name,
            member.country_id or "",
            pledge.title,
            *coded("pledge_unit", pledge.unit),
            pledge.value,
            pledge.currency,
            *coded("theme", pledge.theme),
            date_text(pledge.period_start),
            date_text(pledge.period_end),
            delivered(pledge).quantize(CENT),  # the same digits on every database
            utc_text(pledge.created_at),
        )


def _event_rows() -> Iterator[tuple]:
    qs = (
        event_list_for_user(user=public_visitor())
        .order_by("start_date", "pk")
        .values_list(
            "slug",
            "title",
            "language",
            *_member_values("host"),
            "city",
            "country_id",
            "country__iso2",
            "start_date",
            "end_date",
            "format",
            "working_languages",
            "capacity",
            "status",
            "updated_at",
        )
    )
    for row in qs.iterator(chunk_size=CHUNK):
        slug, title, language, host, rest = row[0], row[1], row[2], row[3:9], row[9:]
        city, iso3, iso2, start, end, fmt, languages, capacity, status, updated = rest
        yield (
            slug,
            title,
            *coded("language", language),
            *_member_cells(*host),
            city,
            iso3 or "",
            country_name(iso2),
            date_text(start),
            date_text(end),
            *coded("format", fmt),
            *coded_list("language", languages),
            capacity,
            *coded("event_status", status),
            utc_text(updated),
        )


_ROWS = {
    "members": _member_rows,
    "needs": lambda: _posting_rows(PostingKind.NEED),
    "offers": lambda: _posting_rows(PostingKind.OFFER),
    "matches": _match_rows,
    "cooperations": _cooperation_rows,
    "pledges": _pledge_rows,
    "events": _event_rows,
}


def dataset_rows(name: str, *, language: str) -> Iterator[tuple]:
    """The rows of dataset `name`, labels in `language`, read lazily (a generator: the queries run
    as it is consumed, with the language active for each row)."""
    rows = _ROWS[name]()
    while True:
        with translation.override(language):
            try:
                row = next(rows)
            except StopIteration:
                return
        yield row


def dataset_records(name: str, *, language: str) -> Iterator[dict]:
    """The same rows as dicts by field name, numbers as numbers (for JSON)."""
    names = BY_NAME[name].field_names
    for row in dataset_rows(name, language=language):
        pairs = zip(names, row, strict=True)
        yield {key: (_json_number(value) if isinstance(value, Decimal) else value) for key, value in pairs}


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


# ---------------------------------------------------------------------------------------------------
# Fingerprints: one aggregate query per dataset


@dataclass(frozen=True)
class Fingerprint:
    count: int
    last_modified: datetime | None

    def etag(self, *parts: str) -> str:
        stamp = utc_text(self.last_modified) if self.last_modified else "-"
        return "-".join(["v" + SCHEMA_VERSION, *parts, str(self.count), stamp])


_FINGERPRINT_SOURCES = {
    "members": lambda: (member_list_for_user(user=public_visitor()), "updated_at"),
    "needs": lambda: (posting_list_for_user(user=public_visitor()).filter(kind=PostingKind.NEED), "updated_at"),
    "offers": lambda: (posting_list_for_user(user=public_visitor()).filter(kind=PostingKind.OFFER), "updated_at"),
    "matches": lambda: (_public_matches(), "updated_at"),
    "cooperations": lambda: (cooperation_list_for_user(user=public_visitor()).prefetch_related(None), "updated_at"),
    "pledges": lambda: (pledge_list_for_user(user=public_visitor()), "created_at"),
    "events": lambda: (event_list_for_user(user=public_visitor()), "updated_at"),
}


def dataset_fingerprint(name: str) -> Fingerprint:
    """How many public rows the dataset has and when the latest changed: one aggregate query."""
    qs, moment = _FINGERPRINT_SOURCES[name]()
    found = qs.order_by().aggregate(count=Count("pk"), last=Max(moment))
    return Fingerprint(count=found["count"], last_modified=found["last"])
