"""The dated, sourced reference data that migration 0002 loads from harambee/registry/data/."""

import pytest
from django.apps import apps as django_apps
from django.utils import translation

from harambee.registry.models import Country, CountryGroup, Member, ReferenceDataset, Region
from harambee.registry.names import UN_LANGUAGES, territory_names
from harambee.registry.reference import load_reference_data, read_csv

REFERENCE_ORGANISATIONS = ("au", "asean", "itu", "undp", "unesco", "unctad", "odet")


def _members(code: str) -> set[str]:
    return set(CountryGroup.objects.get(code=code).countries.values_list("iso3", flat=True))


@pytest.mark.django_db
def test_country_groups_have_their_official_counts():
    # given the reference data loaded by the migrations
    # when the groups are counted
    counts = {group.code: group.countries.count() for group in CountryGroup.objects.all()}
    # then each has the size its source gives
    assert counts == {"LDC": 44, "LLDC": 32, "SIDS": 38, "G77": 134}


@pytest.mark.django_db
def test_country_groups_contain_the_known_members():
    # given the loaded groups
    ldc, lldc, sids, g77 = (_members(code) for code in ("LDC", "LLDC", "SIDS", "G77"))
    # then Zambia is least developed and landlocked, Bolivia landlocked
    assert {"ZMB"} <= ldc & lldc
    assert "BOL" in lldc
    # and Bhutan (2023) and São Tomé and Príncipe (2024) have graduated from the LDC list
    assert not {"BTN", "STP"} & ldc
    # and China and Palestine are listed in the G77, Fiji and Bahrain among the SIDS
    assert {"CHN", "PSE"} <= g77
    assert {"FJI", "BHR"} <= sids


@pytest.mark.django_db
def test_every_group_and_dataset_is_sourced_and_dated():
    # given the loaded groups and datasets
    groups = list(CountryGroup.objects.all())
    datasets = {dataset.key: dataset for dataset in ReferenceDataset.objects.all()}
    # then each has a source and an as-of date
    assert groups and datasets
    for item in [*groups, *datasets.values()]:
        assert item.source_url.startswith("https://"), item
        assert item.as_of is not None, item
    # and the datasets cover M49, the organisations and every group, with the group's source
    assert {"m49", "organisations"} <= datasets.keys()
    for group in groups:
        dataset = datasets[group.code.lower()]
        assert (dataset.source_url, dataset.as_of) == (group.source_url, group.as_of)


@pytest.mark.django_db
def test_zambia_sits_in_eastern_africa_within_sub_saharan_africa():
    # given Zambia
    zambia = Country.objects.get(iso3="ZMB")
    # then its M49 chain is Africa / Sub-Saharan Africa / Eastern Africa
    assert (zambia.region_id, zambia.subregion_id, zambia.intermediate_region_id) == ("002", "202", "014")
    assert zambia.intermediate_region.parent_id == "202"
    assert zambia.subregion.parent_id == "002"
    assert zambia.m49 == "894"
    assert zambia.iso2 == "ZM"


@pytest.mark.django_db
def test_m49_places_other_countries_as_unsd_does():
    # given a few countries whose M49 placement is known
    expected = {
        "DZA": ("002", "015", None),
        "BRA": ("019", "419", "005"),
        "USA": ("019", "021", None),
        "CHN": ("142", "030", None),
        "GBR": ("150", "154", None),
        "JEY": ("150", "154", "830"),
        "FJI": ("009", "054", None),
        "ATA": (None, None, None),
    }
    # when they are read back
    found = {
        country.iso3: (country.region_id, country.subregion_id, country.intermediate_region_id)
        for country in Country.objects.filter(iso3__in=expected)
    }
    # then they match
    assert found == expected


@pytest.mark.django_db
def test_all_iso_countries_of_the_m49_file_are_loaded():
    # given the M49 file
    rows = read_csv("m49")
    # then every ISO 3166-1 entry in it is a country, and there are at least 245
    assert Country.objects.count() == len(rows) >= 245
    assert set(Country.objects.values_list("iso3", flat=True)) == {row["iso3"] for row in rows}


@pytest.mark.django_db
def test_every_country_has_a_cldr_name_in_the_six_un_languages():
    # given all countries
    for country in Country.objects.all():
        # when their CLDR names are looked up
        names = territory_names(country.iso2)
        # then each of the six languages names it, and English and Chinese differ
        assert set(names) == {"ar", "zh", "en", "fr", "ru", "es"}
        assert all(names.values()), (country.iso3, names)
        assert names["en"] != names["zh"], country.iso3


@pytest.mark.django_db
def test_every_region_has_a_name_in_every_un_language():
    # given all regions
    regions = list(Region.objects.all())
    assert len(regions) == len(read_csv("regions"))
    for language in UN_LANGUAGES:
        # when the name is read in that language
        with translation.override(language):
            names = {region.code: region.name for region in regions}
        # then none is empty
        assert all(names.values()), (language, names)
    with translation.override("en"):
        assert Region.objects.get(code="202").name == "Sub-Saharan Africa"


@pytest.mark.django_db
def test_reference_organisations_are_loaded_with_six_names():
    # given the reference organisations
    organisations = {member.code: member for member in Member.objects.filter(is_reference=True)}
    # then the core ones are there, active multilaterals with a home country
    assert set(REFERENCE_ORGANISATIONS) <= organisations.keys()
    assert len(organisations) == len(read_csv("organisations"))
    for member in organisations.values():
        assert member.kind == "organisation"
        assert member.status == "active"
        assert member.iati_org_type == "40"
        assert member.organisation_type in {"un_entity", "regional_body"}
        assert member.country_id
        # and named in the six UN languages
        assert member.name
        assert all(member.name_translations.get(language) for language in ("fr", "es", "ru", "ar", "zh"))
    assert organisations["undp"].iati_ref == "XM-DAC-41114"
    assert organisations["au"].country_id == "ETH"
    with translation.override("zh-hans"):
        assert organisations["itu"].display_name == "国际电信联盟"


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    # given the data loaded by the migration
    def snapshot():
        return {
            "datasets": ReferenceDataset.objects.count(),
            "regions": Region.objects.count(),
            "countries": Country.objects.count(),
            "groups": {group.code: group.countries.count() for group in CountryGroup.objects.all()},
            "organisations": sorted(Member.objects.filter(is_reference=True).values_list("code", "name", "country_id")),
            "members": Member.objects.count(),
        }

    before = snapshot()
    # when the loader runs again
    loaded = load_reference_data(django_apps)
    # then nothing changed
    assert snapshot() == before
    assert loaded["countries"] == before["countries"]


@pytest.mark.django_db
def test_reload_restores_group_membership_to_match_the_file():
    # given a group whose membership was edited by hand
    ldc = CountryGroup.objects.get(code="LDC")
    ldc.countries.add(Country.objects.get(iso3="BTN"))
    ldc.countries.remove(Country.objects.get(iso3="ZMB"))
    # when the loader runs again
    load_reference_data(django_apps)
    # then the membership is the file's again
    assert _members("LDC") == {row["iso3"] for row in read_csv("country_groups") if row["group"] == "LDC"}
