"""Load the dated, sourced reference data of the registry from the CSV files in `data/`.

The files are the single source: countries and areas with their UN M49 regions (`m49.csv`,
`regions.csv`), the country groups LDC, LLDC, SIDS and G77 (`country_groups.csv`,
`country_group_sources.csv`), the reference organisations (`organisations.csv`), the States that
can be members (`un_member_states.csv`, read where needed, not loaded) and where each list comes
from (`datasets.csv`). `load_reference_data` upserts them and is idempotent; data
migrations call it with their historical app registry, anything else with `django.apps.apps`.
"""

import csv
from datetime import date
from functools import lru_cache
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, transaction

DATA_DIR = Path(__file__).resolve().parent / "data"

# The languages an organisation's name is given in besides English (which is `Member.name`).
TRANSLATED_LANGUAGES = ("fr", "es", "ru", "ar", "zh")


def read_csv(name: str) -> list[dict[str, str]]:
    """The rows of `data/<name>.csv` as dicts keyed by the header (`name` may end in `.csv`)."""
    filename = name if name.endswith(".csv") else f"{name}.csv"
    with open(DATA_DIR / filename, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def state_member_codes() -> frozenset[str]:
    """The ISO alpha-3 codes of the countries that can be State members: the UN Member States and
    the observer States (`data/un_member_states.csv`)."""
    return frozenset(row["iso3"] for row in read_csv("un_member_states"))


def load_reference_data(apps, using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Create or update every reference row from the CSV files; return how many rows each file gave.

    Rows are matched by primary key or code, so running it again changes nothing but what the
    files changed. Group membership is replaced to match the file. Countries, regions and
    organisations missing from the files are left alone (other rows may point to them).
    A reference organisation's status is set when it is created, not on later loads, so that
    the secretariat's decisions survive a reload.
    """
    with transaction.atomic(using=using):
        return {
            "datasets": _load_datasets(apps, using),
            "regions": _load_regions(apps, using),
            "countries": _load_countries(apps, using),
            "country_groups": _load_country_groups(apps, using),
            "organisations": _load_organisations(apps, using),
        }


def _upsert(model, objects, using: str, unique_field: str, update_fields: list[str]) -> int:
    model._default_manager.db_manager(using).bulk_create(
        objects, update_conflicts=True, unique_fields=[unique_field], update_fields=update_fields
    )
    return len(objects)


def _load_datasets(apps, using: str) -> int:
    ReferenceDataset = apps.get_model("registry", "ReferenceDataset")
    objects = [
        ReferenceDataset(
            key=row["key"],
            title=row["title"],
            source_url=row["source_url"],
            as_of=date.fromisoformat(row["as_of"]),
            notes=row["notes"],
        )
        for row in read_csv("datasets")
    ]
    return _upsert(ReferenceDataset, objects, using, "key", ["title", "source_url", "as_of", "notes"])


def _load_regions(apps, using: str) -> int:
    Region = apps.get_model("registry", "Region")
    rows = sorted(read_csv("regions"), key=lambda row: (int(row["level"]), row["code"]))
    objects = [
        Region(
            code=row["code"],
            level=int(row["level"]),
            parent_id=row["parent"] or None,
            english_name=row["english_name"],
        )
        for row in rows
    ]
    return _upsert(Region, objects, using, "code", ["level", "parent", "english_name"])


def _load_countries(apps, using: str) -> int:
    Country = apps.get_model("registry", "Country")
    objects = [
        Country(
            iso3=row["iso3"],
            iso2=row["iso2"],
            m49=row["m49"],
            region_id=row["region"] or None,
            subregion_id=row["subregion"] or None,
            intermediate_region_id=row["intermediate_region"] or None,
        )
        for row in read_csv("m49")
    ]
    return _upsert(Country, objects, using, "iso3", ["iso2", "m49", "region", "subregion", "intermediate_region"])


def _load_country_groups(apps, using: str) -> int:
    CountryGroup = apps.get_model("registry", "CountryGroup")
    Membership = CountryGroup._meta.get_field("countries").remote_field.through
    groups = [
        CountryGroup(
            code=row["group"],
            source_url=row["source_url"],
            as_of=date.fromisoformat(row["as_of"]),
            notes=row["notes"],
        )
        for row in read_csv("country_group_sources")
    ]
    _upsert(CountryGroup, groups, using, "code", ["source_url", "as_of", "notes"])

    wanted = {(row["group"], row["iso3"]) for row in read_csv("country_groups")}
    unknown = {group for group, _ in wanted} - {group.code for group in groups}
    if unknown:
        raise ValueError(f"country_groups.csv names groups without a source: {sorted(unknown)}")
    memberships = Membership._default_manager.db_manager(using)
    codes = [group.code for group in groups]
    existing = {
        (group, country): pk
        for pk, group, country in memberships.filter(countrygroup_id__in=codes).values_list(
            "pk", "countrygroup_id", "country_id"
        )
    }
    stale = [pk for pair, pk in existing.items() if pair not in wanted]
    if stale:
        memberships.filter(pk__in=stale).delete()
    memberships.bulk_create(
        [Membership(countrygroup_id=group, country_id=country) for group, country in sorted(wanted - existing.keys())]
    )
    return len(wanted)


def _load_organisations(apps, using: str) -> int:
    Member = apps.get_model("registry", "Member")
    objects = [
        Member(
            code=row["code"],
            kind="organisation",
            is_reference=True,
            status="active",
            name=row["name_en"],
            name_translations={language: row[f"name_{language}"] for language in TRANSLATED_LANGUAGES},
            organisation_type=row["organisation_type"],
            iati_org_type=row["iati_org_type"],
            iati_ref=row["iati_ref"],
            acronym=row["acronym"],
            website=row["website"],
            country_id=row["country"] or None,
        )
        for row in read_csv("organisations")
    ]
    update_fields = [
        "kind",
        "is_reference",
        "name",
        "name_translations",
        "organisation_type",
        "iati_org_type",
        "iati_ref",
        "acronym",
        "website",
        "country",
        "updated_at",
    ]
    return _upsert(Member, objects, using, "code", update_fields)
