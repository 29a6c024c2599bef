"""THE description of the open data: every dataset, its fields, their types, meanings and codelists.

One description, three uses: the files' columns (`selectors.py` writes the rows in this order), the
data dictionary page (`templates/opendata/dictionary.html`) and the Frictionless data package
(`datapackage.json`, https://specs.frictionlessdata.io/data-package/). Field names and codes are
fixed and in English, so that the URLs and columns stay stable; the `*_label` columns and the
dictionary follow the language asked for.

No field names a person: postings' contacts, delegates, speakers and the people of members are
left out of the open data (docs/open-data.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from harambee.cooperation.models import CooperationOrigin, CooperationStatus, PledgeUnit
from harambee.events.choices import EventStatus
from harambee.matching.models import MatchStatus
from harambee.postings.choices import (
    CAPACITY_UNITS,
    CHANNELS,
    FORMATS,
    LANGUAGES,
    MODALITIES,
    SECTORS,
    TARGET_GROUPS,
    THEMES,
    PostingStatus,
)
from harambee.registry.models import MemberKind, OrganisationType

#: Bumped when a dataset's columns change: it is part of every ETag, so caches refetch.
SCHEMA_VERSION = "1"

#: The licence of the open data unless the setting HARAMBEE_OPEN_DATA_LICENCE says otherwise.
DEFAULT_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}

#: The separator of several codes (or labels) in one cell: "data;skills".
LIST_SEPARATOR = ";"

#: Codes and their labels, shown as tables on the dictionary page; the `*_label` columns use them.
CODELISTS: dict[str, tuple[Promise, dict]] = {
    "member_kind": (_("Kinds of member"), dict(MemberKind.choices)),
    "organisation_type": (_("Types of organisation"), dict(OrganisationType.choices)),
    "posting_status": (_("Statuses of needs and offers"), dict(PostingStatus.choices)),
    "language": (_("Languages"), LANGUAGES),
    "modality": (_("Modalities"), MODALITIES),
    "theme": (_("Themes"), THEMES),
    "sector": (_("Sectors"), SECTORS),
    "target_group": (_("Target groups"), TARGET_GROUPS),
    "channel": (_("Cooperation channels"), CHANNELS),
    "format": (_("Formats"), FORMATS),
    "capacity_unit": (_("Capacity units"), CAPACITY_UNITS),
    "match_status": (_("Statuses of matches"), dict(MatchStatus.choices)),
    "cooperation_status": (_("Statuses of cooperations"), dict(CooperationStatus.choices)),
    "cooperation_origin": (_("Origins of cooperations"), dict(CooperationOrigin.choices)),
    "pledge_unit": (_("Units of pledges"), dict(PledgeUnit.choices)),
    "event_status": (_("Statuses of events"), dict(EventStatus.choices)),
}

#: Codelists kept elsewhere: the dictionary links to them.
EXTERNAL_CODELISTS: dict[str, tuple[Promise, str]] = {
    "country": (
        _("Countries and areas (ISO 3166-1 alpha-3, UN M49 names)"),
        "https://unstats.un.org/unsd/methodology/m49/",
    ),
    "region": (_("Regions (UN M49)"), "https://unstats.un.org/unsd/methodology/m49/"),
    "country_group": (_("Country groups (LDC, LLDC, SIDS, G77)"), "https://www.un.org/ohrlls/"),
    "iati_organisation_type": (
        _("IATI organisation types"),
        "https://iatistandard.org/en/iati-standard/203/codelists/organisationtype/",
    ),
    "sdg": (_("Sustainable Development Goals"), "https://sdgs.un.org/goals"),
}


@dataclass(frozen=True)
class Field:
    """One column: its fixed name, Frictionless type, meaning, and the codelist of its codes."""

    name: str
    type: str  # a Frictionless type: string, integer, number, date, datetime
    description: Promise
    codelist: str = ""  # a key of CODELISTS or EXTERNAL_CODELISTS
    label_of: str = ""  # this column holds the labels of the codes in that column
    is_list: bool = False  # several codes in one cell, separated by LIST_SEPARATOR

    def frictionless(self) -> dict:
        out = {"name": self.name, "type": self.type, "description": str(self.description)}
        if self.type == "datetime":
            out["format"] = "%Y-%m-%dT%H:%M:%SZ"
        return out


@dataclass(frozen=True)
class Dataset:
    name: str
    title: Promise
    description: Promise
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    sources: tuple[Promise, ...] = field(default=())

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


def _coded(name: str, description: Promise, codelist: str, *, is_list: bool = False) -> tuple[Field, Field]:
    """A code column and its label column beside it."""
    return (
        Field(name, "string", description, codelist=codelist, is_list=is_list),
        Field(
            f"{name}_label",
            "string",
            _("The label of the code(s) in the language asked for."),
            label_of=name,
            is_list=is_list,
        ),
    )


def _member_columns(prefix: str, description: Promise) -> tuple[Field, ...]:
    return (
        Field(prefix, "string", description, codelist="member"),
        Field(
            f"{prefix}_name", "string", _("The member's name in the language asked for (the UN's name for a State).")
        ),
        Field(
            f"{prefix}_country",
            "string",
            _("The member's country (a State) or home country (an organisation)."),
            codelist="country",
        ),
    )


_POSTING_FIELDS = (
    Field("id", "string", _("The stable identifier of the need or offer.")),
    *_member_columns("member", _("The code of the member that posted it.")),
    Field("title", "string", _("The title as written, in its own language.")),
    *_coded("language", _("The language it was written in."), "language"),
    *_coded("status", _("Its status."), "posting_status"),
    *_coded("modalities", _("Modalities of cooperation."), "modality", is_list=True),
    *_coded("themes", _("Themes."), "theme", is_list=True),
    *_coded("sectors", _("Sectors of application."), "sector", is_list=True),
    *_coded("target_groups", _("Groups of people it serves."), "target_group", is_list=True),
    Field("sdgs", "string", _("Numbers of the Sustainable Development Goals it serves."), codelist="sdg", is_list=True),
    *_coded("channel", _("Cooperation channel."), "channel"),
    *_coded("format", _("Format of delivery."), "format"),
    *_coded("capacity_unit", _("Unit of the capacity."), "capacity_unit"),
    Field("capacity_value", "number", _("Capacity asked for or offered, in the unit.")),
    Field("currency", "string", _("Currency of an amount (ISO 4217).")),
    Field("apply_by", "date", _("Last day to apply (offers).")),
    Field("start", "date", _("Planned start.")),
    Field("end", "date", _("Planned end.")),
    Field("published", "datetime", _("When it was published (UTC).")),
    Field("updated", "datetime", _("When it last changed (UTC).")),
)

_SOURCE = _("Harambee: entered by the members themselves.")

DATASETS: tuple[Dataset, ...] = (
    Dataset(
        "members",
        _("Members"),
        _("The States and organisations taking part (approved ones only)."),
        (
            Field("code", "string", _("The member's stable code.")),
            *_coded("kind", _("State or organisation."), "member_kind"),
            Field("name", "string", _("The member's name in the language asked for (the UN's name for a State).")),
            Field("acronym", "string", _("The organisation's acronym.")),
            Field("country", "string", _("The State, or the organisation's home country."), codelist="country"),
            Field("country_name", "string", _("The country's UN name in the language asked for.")),
            Field("region", "string", _("The country's UN M49 region."), codelist="region"),
            Field("region_name", "string", _("The region's name in the language asked for.")),
            Field(
                "groups", "string", _("Country groups the country belongs to."), codelist="country_group", is_list=True
            ),
            *_coded("organisation_type", _("Type of organisation."), "organisation_type"),
            Field("iati_organisation_type", "string", _("IATI organisation type."), codelist="iati_organisation_type"),
            Field("iati_ref", "string", _("IATI organisation identifier.")),
            Field("website", "string", _("Website.")),
            Field("joined", "date", _("When it joined the platform.")),
            Field("updated", "datetime", _("When its record last changed (UTC).")),
        ),
        primary_key=("code",),
        sources=(_("Harambee members registry; country names and regions from UN M49."),),
    ),
    Dataset(
        "needs",
        _("Needs"),
        _("What members ask for: published needs, and those already matched, closed or expired."),
        _POSTING_FIELDS,
        primary_key=("id",),
        sources=(_SOURCE,),
    ),
    Dataset(
        "offers",
        _("Offers"),
        _("What members offer: published offers, and those already matched, closed or expired."),
        _POSTING_FIELDS,
        primary_key=("id",),
        sources=(_SOURCE,),
    ),
    Dataset(
        "matches",
        _("Matches (aggregated)"),
        _(
            "How many proposals joined a need with an offer, counted by the countries of both sides, "
            "the need's theme and the match's status. Only matches between a public need and a public "
            "offer count; a match counts once for each theme of its need. No single match is shown."
        ),
        (
            Field("need_country", "string", _("Country of the member that posted the need."), codelist="country"),
            Field("need_country_name", "string", _("Its UN name in the language asked for.")),
            Field("offer_country", "string", _("Country of the member that posted the offer."), codelist="country"),
            Field("offer_country_name", "string", _("Its UN name in the language asked for.")),
            *_coded("theme", _("A theme of the need (empty: none)."), "theme"),
            *_coded("status", _("Status of the matches."), "match_status"),
            Field("matches", "integer", _("Number of matches.")),
        ),
        sources=(_("Harambee: proposals made and answered on the platform."),),
    ),
    Dataset(
        "cooperations",
        _("Cooperations"),
        _("The public cooperation projects between a provider and a beneficiary."),
        (
            Field("id", "integer", _("The cooperation's number on the platform.")),
            Field("title", "string", _("The title as entered.")),
            *_member_columns("provider", _("The code of the providing member.")),
            *_member_columns("beneficiary", _("The code of the beneficiary member.")),
            *_coded("origin", _("How it started."), "cooperation_origin"),
            *_coded("status", _("Its status."), "cooperation_status"),
            *_coded("channel", _("Cooperation channel."), "channel"),
            *_coded("modality", _("Modality."), "modality"),
            *_coded("themes", _("Themes."), "theme", is_list=True),
            Field("units", "number", _("Units committed (in the offer's capacity unit).")),
            Field("planned_start", "date", _("Planned start.")),
            Field("planned_end", "date", _("Planned end.")),
            Field("actual_start", "date", _("Actual start.")),
            Field("actual_end", "date", _("Actual end.")),
            Field("last_progress", "datetime", _("Last progress update (UTC).")),
            Field("iati_identifier", "string", _("IATI activity identifier, when it has one.")),
            Field("updated", "datetime", _("When it last changed (UTC).")),
        ),
        primary_key=("id",),
        sources=(_("Harambee: reported by both sides of each cooperation."),),
    ),
    Dataset(
        "pledges",
        _("Pledges"),
        _("Public promises of active members, with what their cooperations delivered so far."),
        (
            Field("id", "integer", _("The pledge's number on the platform.")),
            *_member_columns("member", _("The code of the pledging member.")),
            Field("title", "string", _("The title as entered.")),
            *_coded("unit", _("What the pledge counts."), "pledge_unit"),
            Field("value", "number", _("Pledged, in the unit.")),
            Field("currency", "string", _("Currency of an amount (ISO 4217).")),
            *_coded("theme", _("Theme."), "theme"),
            Field("period_start", "date", _("Start of the period.")),
            Field("period_end", "date", _("End of the period.")),
            Field(
                "delivered",
                "number",
                _("Delivered so far: units of the cooperations drawing it down, or their spending in its currency."),
            ),
            Field("created", "datetime", _("When it was made (UTC).")),
        ),
        primary_key=("id",),
        sources=(_("Harambee: pledges made by members; delivery reported on their cooperations."),),
    ),
    Dataset(
        "events",
        _("Events"),
        _("Published (and cancelled) workshops and meetings."),
        (
            Field("slug", "string", _("The event's stable short name.")),
            Field("title", "string", _("The title as written, in its own language.")),
            *_coded("language", _("The language it was written in."), "language"),
            *_member_columns("host", _("The code of the hosting member.")),
            Field("city", "string", _("City.")),
            Field("country", "string", _("Country where it takes place."), codelist="country"),
            Field("country_name", "string", _("The country's UN name in the language asked for.")),
            Field("start_date", "date", _("First day.")),
            Field("end_date", "date", _("Last day.")),
            *_coded("format", _("Format."), "format"),
            *_coded("working_languages", _("Working languages."), "language", is_list=True),
            Field("capacity", "integer", _("Number of participants it takes.")),
            *_coded("status", _("Its status."), "event_status"),
            Field("updated", "datetime", _("When it last changed (UTC).")),
        ),
        primary_key=("slug",),
        sources=(_("Harambee: entered by the hosts."),),
    ),
)

BY_NAME = {dataset.name: dataset for dataset in DATASETS}
FORMATS_SERVED = ("csv", "json")


def licence() -> dict:
    """The licence of the open data: the setting HARAMBEE_OPEN_DATA_LICENCE, else CC BY 4.0."""
    return dict(getattr(settings, "HARAMBEE_OPEN_DATA_LICENCE", None) or DEFAULT_LICENCE)


def datapackage(*, language: str, base: str = "") -> dict:
    """The Frictionless data package describing the CSV files (paths relative to `base`)."""
    suffix = "" if language == "en" else f"?lang={language}"
    return {
        "profile": "tabular-data-package",
        "name": "harambee-open-data",
        "title": str(_("Harambee open data")),
        "licenses": [licence()],
        "sources": [{"title": "Harambee", "path": base or "/"}],
        "resources": [
            {
                "name": dataset.name,
                "title": str(dataset.title),
                "description": str(dataset.description),
                "profile": "tabular-data-resource",
                "path": f"{base}{dataset.name}.csv{suffix}",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "licenses": [licence()],
                "sources": [{"title": str(source)} for source in dataset.sources],
                "schema": {
                    "fields": [f.frictionless() for f in dataset.fields],
                    **({"primaryKey": list(dataset.primary_key)} if dataset.primary_key else {}),
                    "missingValues": [""],
                },
            }
            for dataset in DATASETS
        ],
    }


#: How the dictionary names each Frictionless type.
TYPE_LABELS = {
    "string": _("text"),
    "integer": _("whole number"),
    "number": _("number"),
    "date": _("date (YYYY-MM-DD)"),
    "datetime": _("date and time (UTC)"),
}
