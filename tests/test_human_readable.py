"""Human-readable everywhere (issue 12): policies, fills, placements and scores in words; codes with
their labels, chosen from lists with search; the change history rendered per field type, in
English and in French (docs/allocation.md, docs/audit-trail.md)."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone, translation

from harambee.allocation.explain import fills, fingerprint, group_name, policy_sentences, region_name
from harambee.audit.display import prepare
from harambee.audit.models import AuditEntry

NBSP = "\u00a0"
NNBSP = "\u202f"

POLICY = {
    "mode": "optimal",
    "priority_bonus": {"LDC": 0.2, "SIDS": 0.15},
    "max_units_per_member": 2,
    "reserve": {"LDC": 0.3},
    "fairness": "maxmin",
}


def test_a_policy_reads_as_sentences():
    # given a policy with every key
    # when it is read in English
    sentences = policy_sentences(POLICY)
    # then each key is one sentence, groups by name, shares in percent
    assert sentences == [
        "Optimal mode: the capacity goes to the requests that give the highest total match score.",
        "Requests from Least developed countries get a priority bonus of 0.2 added to their match score.",
        "Requests from Small island developing States get a priority bonus of 0.15 added to their match score.",
        "A request in several of these groups gets the largest of its bonuses.",
        "Each member gets at most 2 units.",
        "30% of each offer's capacity is reserved for Least developed countries; "
        "what they do not take goes to the other requests.",
        "Max-min fairness: the lowest fill rate among country groups is raised as far as possible "
        "before the total match score counts.",
    ]
    assert policy_sentences({"mode": "stable", "max_units_per_member": 1})[1] == "Each member gets at most 1 unit."
    assert policy_sentences({}) == [
        "Optimal mode: the capacity goes to the requests that give the highest total match score.",
        "No priorities, caps or reserves.",
    ]


def test_a_policy_in_french_names_groups_and_numbers_in_french():
    # given the same policy, read in French (the sentences are translated by the catalogues; the
    # numbers, percentages and group names come from Django's localisation, Babel and the catalogue)
    with translation.override("fr"):
        text = " ".join(policy_sentences(POLICY))
    # then the numbers and names are French ones
    assert "Pays les moins avancés" in text and "0,2," in text and "0,15," in text
    assert f"30{NBSP}%" in text or f"30{NNBSP}%" in text


def test_odd_policies_never_show_python():
    # given policies as older code or a hand-made instance may have left them
    odd = [None, [], {"mode": "x"}, {"priority_bonus": "LDC"}, {"priority_bonus": {"LDC": "much"}},
           {"max_units_per_member": True}, {"reserve": {"LDC": None}}]  # fmt: skip
    # when they are read, then nothing fails and nothing reads as Python
    for policy in odd:
        text = " ".join(policy_sentences(policy))
        assert not any(mark in text for mark in ("{", "[", "None", "True", "'"))


def test_fills_read_as_named_percentages():
    metrics = {"fill_by_region": {"002": 1.0, "150": 0.5, "(none)": None}, "fill_by_group": {"LDC": 0.333333}}
    # in English
    assert fills(metrics["fill_by_region"], region_name) == [
        ("Africa", "100%"),
        ("Europe", "50%"),
        ("Members without a region", "—"),
    ]
    assert fills(metrics["fill_by_group"], group_name) == [("Least developed countries", "33%")]
    # and in French
    with translation.override("fr"):
        assert fills(metrics["fill_by_region"], region_name)[:2] == [
            ("Afrique", f"100{NBSP}%"),
            ("Europe", f"50{NBSP}%"),
        ]
        assert fills(metrics["fill_by_group"], group_name) == [("Pays les moins avancés", f"33{NBSP}%")]


def test_a_fingerprint_is_the_start_of_the_hash():
    assert fingerprint("e0864dfe8eb002fc4ba" + "0" * 45) == "e0864dfe8eb0"
    assert fingerprint("") == ""


@pytest.mark.django_db
def test_a_request_not_placed_names_the_offer_by_its_title(cast):
    # given a one-seat round that two members ask for
    from harambee.allocation.selectors import round_outcomes
    from harambee.allocation.services import round_apply, round_close, round_compute, round_create
    from harambee.postings.services import posting_create
    from harambee.postings.validation import parse_posting
    from harambee.registry.tests.factories import MembershipFactory, OrganisationFactory

    raw = {"id": "O-ONE", "kind": "offer", "member": "tsinghua", "title": "One seat", "description": "Course.",
           "language": "en", "capacity": {"seats": 1}}  # fmt: skip
    offer = posting_create(
        actor=cast.secretariat, member=cast.other_member, data=parse_posting(raw), status="published"
    )
    round = round_create(
        provider=cast.other_member, actor=cast.other_manager, title="Round", offers=[offer],
        deadline=timezone.now() + timedelta(days=3), policy={"max_units_per_member": 1},
    )  # fmt: skip
    third = OrganisationFactory(code="third", name="Third University")
    third_manager = MembershipFactory(member=third, role="manager").user
    round_apply(round=round, member=cast.member, actor=cast.editor, units=2, ranking=[offer])
    round_apply(round=round, member=third, actor=third_manager, units=1, ranking=[offer])
    round_close(round=round, actor=cast.other_manager)
    round_compute(round=round, actor=cast.other_manager)
    # when the outcomes are read
    round.refresh_from_db()
    outcomes = round_outcomes(round)
    reasons = sorted(o["reason"] for o in outcomes.values() if not o["placed"])
    # then the reasons name the offer by its title (isolated), never by its identifier
    assert any(reason.startswith("Not placed at \u2068One seat\u2069: ") for reason in reasons), reasons
    assert len(reasons) == 2 and not any("O-ONE" in reason for reason in reasons)


def _entry(model, changes, *, member_code="unza") -> AuditEntry:
    return AuditEntry.objects.create(
        content_type=ContentType.objects.get_for_model(model),
        object_id="1",
        object_repr="x",
        action="update",
        changes=changes,
        member_code=member_code,
    )


@pytest.fixture
def entries(cast):
    """One recorded change of each kind of field: as the services record them."""
    from harambee.allocation.models import AllocationRound
    from harambee.cooperation.models import Cooperation, Transaction
    from harambee.postings.models import Posting
    from harambee.registry.models import Member, Membership

    return [
        _entry(
            Posting,
            {
                "delivery_languages": [["en"], ["en", "fr"]],  # a list of language codes
                "apply_by": [None, "2027-03-01"],  # a date
                "sdgs": [None, [4]],  # Goals by number
                "member": [None, cast.member.pk],  # a member by id
                "contact": [None, cast.editor.pk],  # a person who consents to be shown
                "capacity_value": ["50.00", "1250.5"],  # a decimal number
            },
        ),
        _entry(Membership, {"show_publicly": [True, False]}),  # a boolean
        _entry(Cooperation, {"aid_type": [None, "D02"]}),  # an IATI code
        _entry(Transaction, {"value": [None, "60000.00"]}),  # an amount
        _entry(Member, {"iati_org_type": ["80", "10"]}),  # an IATI organisation type
        _entry(AllocationRound, {"requests": [None, "unza × 3"], "snapshot_hash": [None, "ab" * 32]}),
        _entry(AllocationRound, {"policy": [None, {"mode": "stable"}]}),
    ]


def _rows(entries) -> list[tuple]:
    return [row for entry in prepare(entries) for row in entry.change_rows()]


@pytest.mark.django_db
def test_history_rows_of_every_field_type_in_english(entries, cast):
    assert _rows(entries) == [
        ("Working languages", "English", "English and French"),
        ("Apply by", None, "1 Mar 2027"),
        ("Sustainable Development Goals", None, "SDG 4: Quality education"),
        ("Member", None, "University of Zambia"),
        ("Contact focal point", None, cast.editor.full_name),
        ("Capacity", "50", "1,250.5"),
        ("Show on the public profile", "yes", "no"),
        ("Aid type", None, "D02 — Other technical assistance"),
        ("Value", None, "60,000"),
        ("IATI organisation type", "80 — Academic, Training and Research", "10 — Government"),
        ("Allocation requests", None, "University of Zambia: 3 units"),
        ("Snapshot fingerprint", None, "abababababab"),
        (
            "Policy",
            None,
            "Stable mode: each offer takes the highest-scoring requests among those that want it, "
            "so no request loses its place to a lower-scoring one. No priorities, caps or reserves.",
        ),
    ]
    assert {entry.member_label for entry in prepare(entries)} == {"University of Zambia"}


@pytest.mark.django_db
def test_history_rows_of_every_field_type_in_french(entries, cast):
    with translation.override("fr"):
        rows = dict(((label, after) for label, _before, after in _rows(entries)))
    assert rows["Langues de travail"] == "Anglais et Français"
    assert rows["Date limite de candidature"] == "1 mars 2027"
    assert rows["Objectifs de développement durable"] == f"ODD 4{NBSP}: Éducation de qualité"
    assert rows["Membre"] == "University of Zambia"
    assert rows["Afficher sur le profil public"] == "non"
    assert rows["Type d'aide"] == "D02 — Autres formes d'assistance technique"
    assert rows["Valeur"] == "60\u202f000"
    assert rows["Point focal à contacter"] == cast.editor.full_name
    assert rows["Demandes d'attribution"].startswith("University of Zambia")  # "3 units" once translated
    assert "10 — Gouvernement" in rows.values()  # (the French label of the field reads "IITA": a catalogue typo)
    assert rows["Volume"] == "1\u202f250,5"  # CLDR groups French thousands with a narrow no-break space


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "aid_type", "sector", "search"),
    [
        ("en", "D02 — Other technical assistance", "11430 — Advanced technical and managerial training",
         "Search by code or name"),
        ("fr", "D02 — Autres formes d&#x27;assistance technique", "11430 — ", "Rechercher par code ou par nom"),
    ],
)  # fmt: skip
def test_the_cooperation_form_offers_iati_codes_by_their_labels(client, cast, language, aid_type, sector, search):
    # given a cooperation its provider's manager tracks
    from decimal import Decimal

    from harambee.cooperation.models import Cooperation, CooperationOrigin

    cooperation = Cooperation.objects.create(
        title="AI course", provider=cast.other_member, beneficiary=cast.member, origin=CooperationOrigin.DIRECT,
        units=Decimal(5), dac_sectors=[{"code": "11430", "percentage": 100.0}],
    )  # fmt: skip
    client.force_login(cast.other_manager)
    # when the manager opens its page
    page = client.get(f"/{language}/cooperations/{cooperation.pk}/").content.decode()
    # then IATI codes are offered from lists, each code with its label, with a search box for long lists
    assert f'<option value="D02" dir="auto">{aid_type}</option>' in page
    assert f'<option value="11430" dir="auto" selected>{sector}' in page  # the sector row, chosen
    assert '<select name="sector_2" data-search=' in page  # and an empty row for another sector
    assert f'<select name="aid_type" data-search="{search}" id="details-aid_type">' in page
    assert 'name="dac_sectors"' not in page  # no more "code:percentage" typed by hand


@pytest.mark.django_db
def test_the_member_page_shows_the_iati_organisation_type_with_its_label(client, cast):
    page = client.get("/en/members/unza/").content.decode()
    assert "<bdi>80</bdi> — Academic, Training and Research" in page
    page = client.get("/fr/members/unza/").content.decode()
    assert "<bdi>80</bdi> — " in page and "<bdi>80</bdi> — Academic" not in page


@pytest.mark.django_db
def test_a_posting_shows_goals_and_eligibility_by_name(client, cast):
    from harambee.postings.services import posting_create
    from harambee.postings.validation import parse_posting

    raw = {"id": "O-SDG", "kind": "offer", "member": "tsinghua", "title": "Course", "description": "Course.",
           "language": "en", "sdgs": [4, 9], "eligible_groups": ["LDC"], "eligible_regions": ["002"]}  # fmt: skip
    posting_create(actor=cast.secretariat, member=cast.other_member, data=parse_posting(raw), status="published")
    page = client.get("/en/offers/O-SDG/").content.decode()
    assert "<dd>SDG 4: Quality education<br>SDG 9: Industry, innovation and infrastructure</dd>" in page
    # any one of the conditions suffices: "or", as each language says it
    assert "<dd>Least developed countries or Africa</dd>" in page
    page = client.get("/fr/offers/O-SDG/").content.decode()
    assert "Éducation de qualité" in page and "<dd>Pays les moins avancés ou Afrique</dd>" in page
    page = client.get("/ar/offers/O-SDG/").content.decode()
    assert ", " not in page[page.index("<dt>") : page.index("</dl>")]  # no English comma among the facts


def test_the_goals_have_names_in_the_six_languages():
    from harambee.postings.choices import SDG_NAMES_PATH, SDG_NUMBERS, sdg_names

    names = sdg_names()
    assert sorted(names) == list(SDG_NUMBERS)
    assert all(set(row) == {"en", "fr", "es", "ru", "ar", "zh"} and all(row.values()) for row in names.values())
    assert "source: United Nations" in SDG_NAMES_PATH.read_text(encoding="utf-8")
    with translation.override("zh-hans"):
        from harambee.postings.choices import sdg_name

        assert sdg_name(4) == "优质教育"


@pytest.mark.django_db
def test_a_state_page_names_its_country_groups(client):
    from harambee.registry.models import Country
    from harambee.registry.tests.factories import StateFactory

    state = StateFactory(country=Country.objects.get(iso3="ZMB"))
    page = client.get(f"/en/members/{state.code}/").content.decode()
    assert '/en/groups/LDC/">Least developed countries</a> (<bdi>LDC</bdi>)' in page
    assert "<bdi>10</bdi> — Government" in page
    page = client.get(f"/fr/members/{state.code}/").content.decode()
    assert '/fr/groups/LDC/">Pays les moins avancés</a> (<bdi>LDC</bdi>)' in page


@pytest.mark.django_db
def test_odd_round_entries_read_safely(cast):
    from harambee.allocation.models import AllocationRound

    odd = _entry(
        AllocationRound,
        {
            "requests": [None, "zmb × " + "9" * 5000],  # not a count the trail reads
            "policy": [{"mode": ["x"]}, {"priority_bonus": {"LDC": "1e999999"}}],
            "snapshot_hash": [None, 12],
        },
        member_code="gone",
    )
    rows = _rows([odd])
    assert rows[0] == ("Allocation requests", None, "zmb × " + "9" * 5000)
    assert rows[1][0] == "Policy" and "{" not in rows[1][1] + rows[1][2]
    assert prepare([odd])[0].member_label == "gone"  # a member that no longer exists keeps its code
