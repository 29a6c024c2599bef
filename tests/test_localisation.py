"""Names and formats in the reader's language: UN (M49) names of countries, the States that can be
members, dates, moments, numbers and money from CLDR, and cooperation titles that name the
beneficiary when shown rather than when stored."""

import importlib
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from harambee.allocation.services import round_create
from harambee.cooperation import services as cooperation_services
from harambee.cooperation.iati_export import exported_title
from harambee.cooperation.models import Cooperation, CooperationOrigin, Milestone
from harambee.core.formats import (
    format_day,
    format_end_of_day,
    format_moment,
    format_money,
    format_number,
    format_percentage,
    format_quantity,
)
from harambee.notifications.models import Notification
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting
from harambee.registry.models import Country, Member, MemberKind
from harambee.registry.names import territory_name, territory_search_names
from harambee.registry.reference import read_csv, state_member_codes
from harambee.registry.selectors import countries_eligible_as_states, member_browse
from harambee.registry.services import member_create_state
from harambee.registry.tests.factories import StateFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans")


# ---------------------------------------------------------------------------------------------------
# Names


@pytest.mark.parametrize(
    ("code", "language", "name"),
    [
        ("RU", "en", "Russian Federation"),
        ("RU", "fr", "Fédération de Russie"),
        ("RU", "es", "Federación de Rusia"),
        ("RU", "ru", "Российская Федерация"),
        ("RU", "ar", "الاتحاد الروسي"),
        ("RU", "zh-hans", "俄罗斯联邦"),
        ("PS", "en", "State of Palestine"),
        ("PS", "fr", "État de Palestine"),
        ("CD", "en", "Democratic Republic of the Congo"),
        ("CD", "es", "República Democrática del Congo"),
        ("KP", "en", "Democratic People's Republic of Korea"),
        ("HK", "en", "China, Hong Kong Special Administrative Region"),
        ("HK", "zh-hans", "中国香港特别行政区"),
        ("EG", "ar", "مصر"),
        ("DZ", "ar", "الجزائر"),  # the source's leading space is trimmed
        ("TR", "en", "Türkiye"),
        ("TW", "en", "Taiwan"),  # not in M49: CLDR names it
        ("830", "fr", "Îles Anglo-Normandes"),  # a region CLDR does not name
        ("002", "ru", "Африка"),
    ],
)
def test_countries_and_regions_have_their_un_names_in_each_language(code, language, name):
    assert territory_name(code, language) == name


def test_a_state_member_is_named_by_the_un_in_the_page_language_and_found_by_its_everyday_name(cast):
    # given the Russian Federation as a member
    russia = StateFactory(country=Country.objects.get(iso3="RUS"))
    # then each language shows its UN name
    names = {}
    for language in LANGUAGES:
        with translation.override(language):
            names[language] = russia.display_name
    assert names == {
        "en": "Russian Federation",
        "fr": "Fédération de Russie",
        "es": "Federación de Rusia",
        "ru": "Российская Федерация",
        "ar": "الاتحاد الروسي",
        "zh-hans": "俄罗斯联邦",
    }
    # and searching for the CLDR forms people type still finds it
    assert {"Russia", "Russie", "Россия"} <= territory_search_names("RU")
    for query in ("Russia", "Fédération de Russie", "Россия"):
        assert list(member_browse(user=None, q=query, kind=MemberKind.STATE)) == [russia]


def test_every_country_and_region_of_the_registry_has_a_un_name_in_six_languages():
    names = read_csv("m49_names")
    by_code = {row["iso2"] or row["m49"]: row for row in names}
    countries = read_csv("m49")
    regions = read_csv("regions")
    assert len(countries) == 248 and len(regions) == 30
    for code in [row["iso2"] for row in countries] + [row["code"] for row in regions]:
        row = by_code[code]
        for language in ("en", "fr", "es", "ru", "ar", "zh"):
            assert row[f"name_{language}"] and row[f"name_{language}"] == row[f"name_{language}"].strip(), code


# ---------------------------------------------------------------------------------------------------
# The States that can be members


def test_only_un_member_states_and_observer_states_can_be_members():
    rows = read_csv("un_member_states")
    assert [row["status"] for row in rows].count("member") == 193
    assert sorted(row["iso3"] for row in rows if row["status"] == "observer") == ["PSE", "VAT"]
    eligible = set(countries_eligible_as_states().values_list("iso3", flat=True))
    # (a country where organisations are based, such as the United States, is no exception)
    assert {"PSE", "VAT", "RUS", "COD", "PRK", "SSD", "USA", "CHE"} <= eligible
    assert not {"ATA", "BVT", "HKG", "MAC", "PRI", "GRL", "ESH", "COK", "NIU", "PCN"} & eligible
    assert len(eligible) == 195 == len(state_member_codes())


def test_every_country_of_the_groups_can_be_a_member():
    grouped = {row["iso3"] for row in read_csv("country_groups")}
    assert grouped <= state_member_codes()


def test_the_eligible_list_leaves_out_states_that_are_members_already():
    StateFactory(country=Country.objects.get(iso3="ZMB"))
    assert not countries_eligible_as_states().filter(iso3="ZMB").exists()


def test_the_service_refuses_a_territory_as_a_state_with_a_translated_reason(cast):
    antarctica = Country.objects.get(iso3="ATA")
    with pytest.raises(ValidationError) as refused:
        member_create_state(country=antarctica, actor=cast.secretariat)
    assert refused.value.message_dict["country"] == [
        "Antarctica cannot be a State member: only the Member States of the United Nations and the observer States can."
    ]
    assert not Member.objects.filter(country=antarctica).exists()
    # and an observer State can be added
    palestine = member_create_state(country=Country.objects.get(iso3="PSE"), actor=cast.secretariat)
    assert palestine.code == "pse" and palestine.display_name == "State of Palestine"


def test_add_a_state_offers_only_eligible_countries_and_refuses_others(client, cast):
    client.force_login(cast.secretariat)
    page = client.get("/en/secretariat/").content.decode()
    page = page[page.index("Add a State") : page.index("</select>", page.index("Add a State"))]
    assert 'value="RUS"' in page and 'value="PSE"' in page and 'value="VAT"' in page
    assert 'value="ATA"' not in page and 'value="BVT"' not in page and 'value="HKG"' not in page
    assert "Russian Federation" in page and "Russia<" not in page
    response = client.post(reverse("secretariat:member_add"), {"kind": "state", "country": "BVT"}, follow=True)
    assert response.status_code == 200
    assert not Member.objects.filter(country_id="BVT").exists()
    assert "Select a valid choice" in response.content.decode()


# ---------------------------------------------------------------------------------------------------
# Formats

DAY = date(2026, 10, 1)
MOMENT = datetime(2027, 1, 1, 14, 33, tzinfo=UTC)


def _in_each_language(function) -> dict[str, str]:
    values = {}
    for language in LANGUAGES:
        with translation.override(language):
            values[language] = function()
    return values


def test_dates_are_the_locales_medium_date():
    assert _in_each_language(lambda: format_day(DAY)) == {
        "en": "1 Oct 2026",
        "fr": "1 oct. 2026",
        "es": "1 oct 2026",
        "ru": "1 окт. 2026\u202fг.",
        "ar": "01\u200f/10\u200f/2026",
        "zh-hans": "2026年10月1日",
    }
    # a moment's date is its date in the platform's time zone
    assert format_day(MOMENT) == "1 Jan 2027"


def test_moments_name_their_time_zone():
    assert _in_each_language(lambda: format_moment(MOMENT)) == {
        "en": "1 Jan 2027, 2:33\u202fpm UTC",
        "fr": "1 janv. 2027, 14:33 TU",
        "es": "1 ene 2027, 14:33 UTC",
        "ru": "1 янв. 2027\u202fг., 14:33 UTC",
        "ar": "01\u200f/01\u200f/2027، 2:33 م UTC",
        "zh-hans": "2027年1月1日 UTC 14:33",
    }
    assert format_end_of_day(DAY) == "1 Oct 2026 (until the end of the day, UTC)"


def test_numbers_show_the_decimals_they_have():
    assert _in_each_language(lambda: format_number(Decimal("1234.50"))) == {
        "en": "1,234.5",
        "fr": "1\u202f234,5",
        "es": "1.234,5",
        "ru": "1\xa0234,5",
        "ar": "1,234.5",
        "zh-hans": "1,234.5",
    }
    assert format_number(Decimal("8.00")) == "8"
    assert format_number(0.83333, 2) == "0.83"
    assert _in_each_language(lambda: format_percentage(Decimal("12.5")))["fr"] == "12,5\xa0%"
    assert format_percentage(70) == "70%"


def test_money_is_the_locales_currency_format_without_cents_for_whole_amounts():
    assert _in_each_language(lambda: format_money(Decimal("120000.00"), "USD")) == {
        "en": "US$120,000",
        "fr": "120\u202f000\xa0$US",
        "es": "120.000\xa0US$",
        "ru": "120\xa0000\xa0$",
        "ar": "\u200f120,000\xa0\u2066US$\u2069",  # the Latin symbol isolated from the right-to-left line
        "zh-hans": "US$120,000",
    }
    assert format_money(Decimal("1234.5"), "EUR") == "€1,234.50"
    with translation.override("fr"):
        assert format_money(Decimal("1234.5"), "EUR") == "1\u202f234,50\xa0€"


def test_quantities_are_counted_phrases():
    assert format_quantity(Decimal("8.00"), "seats") == "8 seats"
    assert format_quantity(Decimal("1"), "seats") == "1 seat"
    assert format_quantity(Decimal("1"), "expert_days") == "1 expert-day"
    assert format_quantity(Decimal("2.5"), "expert_days") == "2.5 expert-days"
    assert format_quantity(Decimal("120000"), "amount", "USD") == "US$120,000"
    assert format_quantity(None, "seats") == ""


def test_the_template_filters_are_built_in():
    template = Template(
        "{{ day|day }}|{{ moment|moment }}|{{ value|number }}|{{ score|number:2 }}|{{ share|percent }}|"
        "{{ value|money:'USD' }}|{% quantity value 'seats' %}|{{ missing|day }}"
    )
    context = Context({"day": DAY, "moment": MOMENT, "value": Decimal("8.00"), "score": 0.5, "share": 40})
    with translation.override("fr"):
        assert template.render(context) == "1 oct. 2026|1 janv. 2027, 14:33 TU|8|0,50|40\xa0%|8\xa0$US|8 places|"


# ---------------------------------------------------------------------------------------------------
# Pages


def _offer(cast, **fields):
    raw = {
        "id": fields.pop("id", "O-1"),
        "kind": "offer",
        "member": cast.other_member.code,
        "language": "en",
        "title": "Course on AI for civil servants",
        "description": "Training of civil servants in AI.",
        "delivery_languages": ["en", "fr"],
        "capacity": {"seats": 8},
        **fields,
    }
    return posting_create(actor=cast.secretariat, member=cast.other_member, data=parse_posting(raw), status="published")


def test_an_offer_page_shows_a_localised_amount_and_its_deadline_with_the_time_zone(client, cast):
    offer = _offer(cast, capacity={"amount": 120000, "currency": "USD"}, apply_by="2027-03-01")
    url = reverse("postings:detail", args=["offers", offer.external_id])
    english = client.get(url).content.decode()
    assert "US$120,000" in english and "120000" not in english
    assert "1 Mar 2027 (until the end of the day, UTC)" in english
    french = client.get(url.replace("/en/", "/fr/", 1)).content.decode()
    assert "120\u202f000\xa0$US" in french and "1 mars 2027" in french


def test_a_round_page_shows_its_deadline_with_the_time_zone_and_seats_counted(client, cast):
    offer = _offer(cast)
    deadline = (timezone.now() + timedelta(days=7)).replace(hour=14, minute=33, second=0, microsecond=0)
    round = round_create(
        provider=cast.other_member, actor=cast.other_manager, title="Seats", offers=[offer], deadline=deadline
    )
    page = client.get(f"/en/rounds/{round.pk}/").content.decode()
    with translation.override("en"):
        assert format_moment(deadline) in page
    assert "2:33\u202fpm UTC" in page
    assert "8 / 8 seats" in page and "8.00" not in page
    arabic = client.get(f"/ar/rounds/{round.pk}/").content.decode()
    assert "2:33 م UTC" in arabic


# ---------------------------------------------------------------------------------------------------
# Cooperation titles


@pytest.fixture
def egypt():
    return StateFactory(country=Country.objects.get(iso3="EGY"))


def test_a_cooperation_from_an_offer_names_the_beneficiary_in_the_readers_language(client, cast, egypt):
    offer = _offer(cast)
    cooperation = cooperation_services.cooperation_create_from_allocation(
        offer=offer, beneficiary=egypt, units=2, actor=cast.other_manager
    )
    # the stored title is the offer's, with no country name frozen in it
    assert (cooperation.title, cooperation.title_names_beneficiary) == (offer.title, True)
    arabic = client.get(f"/ar/cooperations/{cooperation.pk}/").content.decode()
    assert "Course on AI for civil servants ← مصر" in arabic and "Egypt" not in arabic
    french = client.get(f"/fr/cooperations/{cooperation.pk}/").content.decode()
    assert "Course on AI for civil servants → Égypte" in french
    english = client.get(f"/en/cooperations/{cooperation.pk}/").content.decode()
    assert "Course on AI for civil servants → Egypt" in english
    # and the IATI export writes it in the offer's language, which an import reads back unchanged
    assert exported_title(cooperation) == "Course on AI for civil servants → Egypt"


def test_editing_the_title_keeps_the_beneficiary_until_someone_types_another(cast, egypt):
    offer = _offer(cast)
    cooperation = cooperation_services.cooperation_create_from_allocation(
        offer=offer, beneficiary=egypt, units=1, actor=cast.other_manager
    )
    cooperation_services.cooperation_update(
        cooperation=cooperation, actor=cast.other_manager, data={"title": offer.title, "status": "ongoing"}
    )
    cooperation.refresh_from_db()
    assert cooperation.title_names_beneficiary
    cooperation_services.cooperation_update(
        cooperation=cooperation, actor=cast.other_manager, data={"title": "Civil servants of Egypt trained in AI"}
    )
    cooperation.refresh_from_db()
    assert not cooperation.title_names_beneficiary
    with translation.override("ar"):
        assert cooperation.display_title == "Civil servants of Egypt trained in AI"


def test_notifications_about_a_cooperation_show_its_title_and_dates_in_the_readers_language(cast, egypt):
    offer = _offer(cast)
    cooperation = cooperation_services.cooperation_create_from_allocation(
        offer=offer, beneficiary=egypt, units=1, actor=cast.other_manager
    )
    cooperation.beneficiary = cast.member  # UNZA's people receive the reminder
    cooperation.title_names_beneficiary = False
    cooperation.save()
    Milestone.objects.create(cooperation=cooperation, title="First cohort", due=date.today() + timedelta(days=3))
    cooperation_services.cooperations_send_reminders(today=date.today())
    notification = Notification.objects.filter(kind="milestone_due").first()
    assert notification is not None
    due = date.today() + timedelta(days=3)
    assert notification.params["due"]["fr"] == _in_each_language(lambda: format_day(due))["fr"]
    with translation.override("zh-hans"):
        assert format_day(due) in notification.message


def test_the_data_migration_takes_frozen_names_out_of_generated_titles_only(cast, egypt):
    offer = _offer(cast)
    generated = Cooperation.objects.create(
        title="Course on AI for civil servants → Egypt",  # as titles were stored (CLDR English)
        provider=cast.other_member,
        beneficiary=egypt,
        offer=offer,
        origin=CooperationOrigin.ALLOCATION,
    )
    typed = Cooperation.objects.create(
        title="Our own title → next steps",
        provider=cast.other_member,
        beneficiary=egypt,
        offer=offer,
        origin=CooperationOrigin.ALLOCATION,
    )
    direct = Cooperation.objects.create(
        title="Egypt course → Egypt", provider=cast.other_member, beneficiary=egypt, origin=CooperationOrigin.DIRECT
    )
    told = Notification.objects.create(
        recipient=cast.other_manager,
        kind="cooperation_progress",
        params={"actor": "Someone", "cooperation": generated.title, "percent": 10},
        url_name="cooperation:detail",
        url_kwargs={"pk": generated.pk},
    )
    migration = importlib.import_module("harambee.cooperation.migrations.0008_titles_name_the_beneficiary_when_shown")
    migration.forwards(apps, None)
    generated.refresh_from_db()
    typed.refresh_from_db()
    direct.refresh_from_db()
    told.refresh_from_db()
    assert (generated.title, generated.title_names_beneficiary) == ("Course on AI for civil servants", True)
    assert (typed.title, typed.title_names_beneficiary) == ("Our own title → next steps", False)
    assert (direct.title, direct.title_names_beneficiary) == ("Egypt course → Egypt", False)
    assert told.params["cooperation"]["ar"] == "Course on AI for civil servants ← مصر"
    with translation.override("fr"):
        assert "Course on AI for civil servants → Égypte" in told.message


@pytest.mark.parametrize(
    "language, expected",
    [("en", "Training, Joint research and Grants"), ("fr", "Training, Joint research et Grants"),
     ("ar", "Training وJoint research وGrants"), ("zh-hans", "Training、Joint research和Grants")],
)  # fmt: skip
def test_a_list_is_joined_as_the_reader_s_language_joins_lists(language, expected):
    # given three labels, when they are shown in a page of `language`
    with translation.override(language):
        shown = Template("{{ items|listing }}").render(Context({"items": ["Training", "Joint research", "Grants"]}))
    # then they read as a list of that language (not with English commas)
    assert shown == expected
    assert Template("{{ items|listing }}").render(Context({"items": []})) == ""
