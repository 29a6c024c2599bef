"""Knowledge-exchange pairing as a product: profiles of approved delegates, the engine's input built
from them (exact scores, own-delegation and language rules), the task that stores a run, the
explanations in words in the reader's language, accepting and swapping, the role × action grid of
every page and the query budget of the host's grid."""

from datetime import time

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from harambee.accounts.tests.factories import UserFactory
from harambee.audit.models import AuditEntry
from harambee.events.choices import RegistrationStatus
from harambee.events.core.pairing import pair_benefits
from harambee.events.models import (
    PairingMeeting,
    PairingProfile,
    PairingRun,
    PairingRunStatus,
    PairingSwapRequest,
    Registration,
    SessionKind,
    SwapOutcome,
)
from harambee.events.pairing import build_input, explain, schedule_of
from harambee.events.pairing_services import (
    ProfileInput,
    pairing_meeting_accept,
    pairing_profile_save,
    pairing_run_create,
    pairing_swap_request,
)
from harambee.events.tests.factories import make_event, make_session
from harambee.registry.models import Country, Member, MemberKind, MemberRole
from harambee.registry.tests.factories import MembershipFactory, StateFactory

pytestmark = pytest.mark.django_db

LOGIN = "login"


@pytest.fixture(autouse=True)
def fresh_pages(settings):
    settings.HARAMBEE_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def _state(iso3: str):
    return Member.objects.filter(country_id=iso3, kind=MemberKind.STATE).first() or StateFactory(
        country=Country.objects.get(iso3=iso3)
    )


def _delegate(event, member, name, *, user=None, language="en", status=RegistrationStatus.APPROVED):
    return Registration.objects.create(
        event=event, member=member, full_name=name, email=f"{name.split()[0].lower()}@example.org",
        language=language, status=status, user=user,
    )  # fmt: skip


def _profile(registration, *, share=(), learn=(), languages=("en",), themes=((), ()), **extra):
    return pairing_profile_save(
        registration=registration,
        actor=None,
        data=ProfileInput(
            languages=list(languages), share_concepts=list(share), learn_concepts=list(learn),
            share_themes=list(themes[0]), learn_themes=list(themes[1]), **extra,
        ),
    )  # fmt: skip


class World:
    pass


@pytest.fixture
def world(cast):
    """The host's (UNZA's) published event; approved delegates of Zambia (Amina, with an account, and
    Bwalya), China (Li) and Senegal (Awa), each with a profile; a declined one without."""
    w = World()
    w.event = make_event(cast.member)
    w.session = make_session(
        w.event, title="Knowledge exchange", kind=SessionKind.KNOWLEDGE_EXCHANGE, start=time(14), end=time(16)
    )
    w.zambia, w.china, w.senegal = _state("ZMB"), _state("CHN"), _state("SEN")
    w.amina_user = UserFactory(email="amina@example.org")
    w.zambia_manager = UserFactory(email="zm@example.org")
    MembershipFactory(member=w.zambia, user=w.zambia_manager, role=MemberRole.MANAGER)
    w.amina = _delegate(w.event, w.zambia, "Amina Banda", user=w.amina_user, language="fr")
    w.bwalya = _delegate(w.event, w.zambia, "Bwalya Mulenga")
    w.li = _delegate(w.event, w.china, "Li Wei", language="zh")
    w.awa = _delegate(w.event, w.senegal, "Awa Diop", language="fr")
    w.declined = _delegate(w.event, w.senegal, "Moussa Fall", status=RegistrationStatus.DECLINED)
    _profile(w.amina, share=["data_governance"], learn=["compute_capacity"], languages=["en", "fr"],
             themes=([], ["data"]))  # fmt: skip
    _profile(w.bwalya, share=["compute_capacity"], learn=["data_governance"], languages=["en"])
    _profile(w.li, share=["compute_capacity"], learn=["data_governance"], languages=["zh", "en"],
             themes=(["data"], []))  # fmt: skip
    _profile(w.awa, share=["data_protection"], learn=["data_governance"], languages=["fr"])
    return w


def _run(world, committed, actor, **overrides):
    values = {"rounds": 2, "minutes": 20, "tables": 2, "session": world.session}
    values.update(overrides)
    run = committed(pairing_run_create, event=world.event, actor=actor, **values)
    run.refresh_from_db()
    return run


# ---------------------------------------------------------------------------------------------------
# The input builder


def test_the_input_has_exact_scores_and_respects_own_delegation_and_languages(world):
    # given the four profiles (no free text, so concepts and themes only) and a run of two rounds
    run = PairingRun(event=world.event, rounds=2, minutes=20, tables=2)
    profiles = PairingProfile.objects.filter(registration__event=world.event).order_by("registration_id")
    # when the engine's input is built and scored
    participants, spec = build_input(run, profiles, embed=False)
    table = pair_benefits(participants, spec)
    # then each delegate is one participant, of their member, with their languages
    assert [(p.id, p.delegation, sorted(p.languages)) for p in participants] == [
        (str(world.amina.pk), "zmb", ["en", "fr"]),
        (str(world.bwalya.pk), "zmb", ["en"]),
        (str(world.li.pk), "chn", ["en", "zh"]),
        (str(world.awa.pk), "sen", ["fr"]),
    ]
    assert spec.interpretation_languages == frozenset({"ar", "fr"})
    # and the scores are the matching engine's: Amina alone can share data governance, which is all Li
    # wants (1.0), and Li can share compute capacity and the theme Data, which is all Amina wants (1.0)
    pos = {p.id: i for i, p in enumerate(participants)}
    pairs = {
        frozenset((participants[i].id, participants[j].id)): round(b, 4)
        for (i, j), b in zip(table.pairs, table.benefit, strict=True)
    }
    assert table.gives[pos[str(world.amina.pk)], pos[str(world.li.pk)]] == 1.0
    assert table.gives[pos[str(world.li.pk)], pos[str(world.amina.pk)]] == 1.0
    assert pairs[frozenset((str(world.amina.pk), str(world.li.pk)))] == 2.0
    # and the two Zambians never meet (own delegation), nor Li and Awa (no shared language: Awa's
    # French is interpreted, Li's languages are not), nor Bwalya and Awa (English / French, no
    # interpretation into English)
    assert frozenset((str(world.amina.pk), str(world.bwalya.pk))) not in pairs
    assert frozenset((str(world.li.pk), str(world.awa.pk))) not in pairs
    assert frozenset((str(world.bwalya.pk), str(world.awa.pk))) not in pairs
    # and Amina and Awa meet in French: Amina can share what Awa wants (1.0), not the other way (0.0)
    assert pairs[frozenset((str(world.amina.pk), str(world.awa.pk)))] == 1.0
    # and Bwalya and Li both share compute capacity and both want data governance: nothing to give
    assert pairs[frozenset((str(world.bwalya.pk), str(world.li.pk)))] == 0.0


def test_free_text_in_any_language_is_read_through_the_glossary(world):
    # given Awa writes in French what she can share
    profile = _profile(
        world.awa, languages=["fr"], text_language="fr", share_text="Gouvernance des données et protection des données"
    )
    # then the concepts are found at once, and the engine's input carries them
    assert set(profile.share_found) >= {"data_governance"}
    run = PairingRun(event=world.event, rounds=1, minutes=20, tables=2)
    participants, _spec = build_input(run, [profile], embed=False)
    assert "data_governance" in participants[0].share.concepts


def test_the_own_delegation_rule_can_be_lifted_and_availability_is_kept(world):
    # given Amina and Bwalya both accept to meet their own delegation, and Bwalya misses round 2
    _profile(world.amina, share=["data_governance"], learn=["compute_capacity"], avoid_own_delegation=False)
    _profile(world.bwalya, share=["compute_capacity"], learn=["data_governance"], avoid_own_delegation=False,
             unavailable_rounds=[2])  # fmt: skip
    run = PairingRun(event=world.event, rounds=3, minutes=20, tables=2)
    profiles = PairingProfile.objects.filter(registration__in=[world.amina, world.bwalya]).order_by("registration_id")
    participants, spec = build_input(run, profiles, embed=False)
    # then they may meet, in rounds 1 and 3 only (0-based 0 and 2)
    table = pair_benefits(participants, spec)
    assert table.pairs == [(0, 1)]
    assert table.common_rounds == [(0, 2)]


def test_bad_profiles_are_refused_with_clear_messages_and_nothing_written(world):
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as excinfo:
        _profile(world.li, share=["no_such_topic"], languages=[], themes=(["astrology"], []))
    errors = excinfo.value.message_dict
    assert errors["share_concepts"] == ["Unknown topic: no_such_topic"]
    assert errors["share_themes"] == ["Unknown theme: astrology"]
    assert errors["languages"] == ["Give at least one language you can meet in."]
    assert AuditEntry.objects.count() == before
    with pytest.raises(ValidationError):  # a declined delegate takes no part
        _profile(world.declined, share=["data_governance"])


# ---------------------------------------------------------------------------------------------------
# The task stores the run


def test_running_a_pairing_stores_meetings_figures_and_an_audit_trail(world, cast, committed):
    # when the host sets up two rounds with two tables
    run = _run(world, committed, cast.manager)
    # then the task computed it: the figures are stored, the bound is above the objective
    assert run.status == PairingRunStatus.DONE
    assert sorted(run.participants) == sorted([world.amina.pk, world.bwalya.pk, world.li.pk, world.awa.pk])
    assert run.objective is not None and run.upper_bound >= run.objective - 1e-6
    assert run.greedy_objective <= run.objective + 1e-6
    assert 0 <= run.gap < 1 and run.seconds >= 0 and run.solver_status == "optimal"
    meetings = list(PairingMeeting.objects.filter(run=run))
    pairs = {(m.round, frozenset((m.a_id, m.b_id))) for m in meetings}
    # and no two Zambians, no pair twice, and the best pair (Amina–Li) meets
    assert all({m.a.member_id, m.b.member_id} != {world.zambia.pk} for m in meetings)
    assert len({p for _r, p in pairs}) == len(meetings)
    assert any(p == frozenset((world.amina.pk, world.li.pk)) for _r, p in pairs)
    # and the reasons are codes, never words
    amina_li = next(m for m in meetings if {m.a_id, m.b_id} == {world.amina.pk, world.li.pk})
    gives = amina_li.reasons["a_gives"] if amina_li.a_id == world.amina.pk else amina_li.reasons["b_gives"]
    assert gives["concepts"] == ["data_governance"]
    assert amina_li.reasons["languages"] == ["en"]
    kind = ContentType.objects.get_for_model(PairingRun)
    entries = AuditEntry.objects.filter(content_type=kind, object_id=str(run.pk))
    assert sorted(entries.values_list("action", flat=True)) == ["create", "transition"]


def test_a_run_with_fewer_than_two_profiles_fails_with_a_reason(cast, committed):
    event = make_event(cast.member)
    run = committed(pairing_run_create, event=event, actor=cast.manager, rounds=2, minutes=20, tables=2)
    run.refresh_from_db()
    assert (run.status, run.failure, PairingMeeting.objects.filter(run=run).count()) == ("failed", "too_few", 0)


def test_bad_run_settings_are_refused(world, cast):
    with pytest.raises(ValidationError) as excinfo:
        pairing_run_create(event=world.event, actor=cast.manager, rounds=0, minutes=2, tables=0)
    assert set(excinfo.value.message_dict) == {"rounds", "minutes", "tables"}
    assert PairingRun.objects.count() == 0


def test_only_the_host_runs_a_pairing(world, cast):
    with pytest.raises(Exception) as excinfo:
        pairing_run_create(event=world.event, actor=world.amina_user, rounds=2, minutes=20, tables=2)
    assert "hosts" in str(excinfo.value)


# ---------------------------------------------------------------------------------------------------
# Explanations in words, in the reader's language


def test_explanations_are_rendered_in_french_and_arabic_with_labels(world, cast, committed):
    run = _run(world, committed, cast.manager)
    meeting = PairingMeeting.objects.get(run=run, a__in=[world.amina, world.li], b__in=[world.amina, world.li])
    reader_is_a = meeting.a_id == world.amina.pk
    with translation.override("fr"):
        french = explain(meeting.reasons, reader_is_a=reader_is_a, partner="Li Wei (Chine)")
    with translation.override("ar"):
        arabic = explain(meeting.reasons, reader_is_a=reader_is_a, partner="Li Wei")
    with translation.override("en"):
        english = explain(meeting.reasons, reader_is_a=reader_is_a, partner="Li Wei (China)")
    # then the concepts are named by the glossary's labels in the reader's language, never by code
    assert english == [
        "Li Wei (China) can share Data and compute capacity, which you want to learn.",
        "You can share data governance, which Li Wei (China) wants to learn.",
        "You share English.",
    ]
    assert any("gouvernance des données" in s for s in french)
    assert any("capacité de calcul" in s for s in french)
    assert any("حوكمة البيانات" in s for s in arabic)
    assert not any("data_governance" in s or "compute_capacity" in s for s in english + french + arabic)


def test_stored_reasons_are_codes_put_in_words_at_display_time():
    # given the reasons of a meeting as stored: codes only
    reasons = {
        "a_gives": {"themes": [], "concepts": ["data_protection_law"], "score": 0.8},
        "b_gives": {"themes": [], "concepts": ["compute_capacity"], "score": 0.5},
        "common": {"themes": [], "concepts": ["data_governance", "data_protection_law"]},
        "languages": ["fr"],
        "interpreted": False,
    }
    # when the reader (b) reads it in English, French and Arabic
    read = {}
    for language in ("en", "fr", "ar"):
        with translation.override(language):
            read[language] = explain(reasons, reader_is_a=False, partner="Amina (Zambia)")
    # then each sentence names the topics by their labels in that language
    assert read["en"] == [
        "You both work on data governance.",
        "Amina (Zambia) can share data protection, which you want to learn.",
        "You can share compute capacity, which Amina (Zambia) wants to learn.",
        "You share French.",
    ]
    assert "gouvernance des données" in read["fr"][0] and "protection des données" in read["fr"][1]
    assert "français" in read["fr"][3].lower()
    assert "حوكمة البيانات" in read["ar"][0] and "حماية البيانات" in read["ar"][1]
    assert "الفرنسية" in read["ar"][3]


def test_an_interpreted_meeting_without_shared_topics_says_so():
    reasons = {"a_gives": {"score": 0}, "b_gives": {"score": 0}, "languages": [], "interpreted": True}
    with translation.override("en"):
        assert explain(reasons, reader_is_a=True, partner="Li") == [
            "Your profiles do not meet on a topic: this meeting widens your network.",
            "You meet with interpretation.",
        ]


# ---------------------------------------------------------------------------------------------------
# Accept and swap


def test_accepting_a_meeting_is_recorded(world, cast, committed):
    run = _run(world, committed, cast.manager)
    meeting = PairingMeeting.objects.filter(run=run).filter(a=world.amina).first() or PairingMeeting.objects.get(
        run=run, b=world.amina, round=1
    )
    pairing_meeting_accept(meeting=meeting, registration=world.amina, actor=world.amina_user)
    meeting.refresh_from_db()
    side = "a" if meeting.a_id == world.amina.pk else "b"
    assert getattr(meeting, f"{side}_answer") == "accepted"


def test_a_swap_repairs_with_the_best_free_partner(cast, committed):
    # given an event with five delegates and two tables: someone sits out each round
    event = make_event(cast.member)
    states = [_state(iso) for iso in ("ZMB", "CHN", "SEN", "EGY", "NPL")]
    people = [_delegate(event, m, f"Person{i} X") for i, m in enumerate(states)]
    topics = ["data_governance", "compute_capacity", "data_protection", "ai_ethics", "open_data"]
    for i, registration in enumerate(people):
        _profile(registration, share=[topics[i]], learn=[topics[(i + 1) % 5]])
    run = committed(pairing_run_create, event=event, actor=cast.manager, rounds=1, minutes=20, tables=2)
    run.refresh_from_db()
    (free,) = run.sit_outs[0]
    meeting = PairingMeeting.objects.filter(run=run, round=1).order_by("table").first()
    asker = meeting.a
    old_partner = meeting.b_id
    # when one of a meeting asks for another partner
    request = pairing_swap_request(meeting=meeting, registration=asker, actor=None)
    # then they now meet the one who was free, at the freed table; the old partner sits out
    assert request.outcome == SwapOutcome.REPAIRED
    assert request.new_partner_id == free and request.old_partner_id == old_partner
    new = PairingMeeting.objects.get(run=run, round=1, from_swap=True)
    assert {new.a_id, new.b_id} == {asker.pk, free} and new.table == meeting.table
    assert not PairingMeeting.objects.filter(pk=meeting.pk).exists()
    assert PairingMeeting.objects.filter(run=run, round=1).count() == 2


def test_a_swap_with_nobody_free_waits_for_the_host(cast, committed):
    # given one table: Amina (English) meets Li (English); Awa, free, speaks only French, which
    # neither of them speaks and into which the host interprets only from nobody's language
    event = make_event(cast.member)
    amina = _delegate(event, _state("ZMB"), "Amina Banda")
    li = _delegate(event, _state("CHN"), "Li Wei")
    awa = _delegate(event, _state("SEN"), "Awa Diop")
    _profile(amina, share=["data_governance"], learn=["compute_capacity"], languages=["en"])
    _profile(li, share=["compute_capacity"], learn=["data_governance"], languages=["en"])
    _profile(awa, share=["data_protection"], learn=["data_governance"], languages=["fr"])
    run = committed(pairing_run_create, event=event, actor=cast.manager, rounds=1, minutes=20, tables=1)
    run.refresh_from_db()
    meeting = PairingMeeting.objects.get(run=run)
    assert run.sit_outs == [[awa.pk]]
    # when Amina asks for another partner
    request = pairing_swap_request(meeting=meeting, registration=amina, actor=None)
    # then nobody free fits: the meeting stays and the request is the host's
    assert (request.outcome, request.new_partner_id, request.old_partner_id) == (SwapOutcome.WITH_HOST, None, li.pk)
    assert PairingMeeting.objects.filter(pk=meeting.pk).exists()
    assert PairingSwapRequest.objects.filter(run=run).count() == 1


# ---------------------------------------------------------------------------------------------------
# The people's view


def test_the_schedule_shows_rounds_times_partner_and_reasons(world, cast, committed, client):
    run = _run(world, committed, cast.manager)
    client.force_login(world.amina_user)
    response = client.get(reverse("events:pairing", args=[world.event.slug]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Round 1" in body and "Round 2" in body
    assert "14:00" in body or "2:00" in body  # the session's start at the venue
    assert "Li Wei" in body and "data governance" in body
    rows = schedule_of(run, world.amina, list(PairingMeeting.objects.filter(run=run)))
    assert [r["round"] for r in rows] == [1, 2]


def test_the_french_schedule_speaks_french(world, cast, committed, client):
    _run(world, committed, cast.manager)
    client.force_login(world.amina_user)
    body = client.get(f"/fr/events/{world.event.slug}/pairing/").content.decode()
    assert "gouvernance des données" in body


# ---------------------------------------------------------------------------------------------------
# Role × action grid


def _users(world, cast):
    return {
        "anonymous": None,
        "participant": world.amina_user,
        "participant_manager": world.zambia_manager,
        "other_member": cast.other_manager,
        "host_manager": cast.manager,
        "secretariat": cast.secretariat,
    }


GRID_ROLES = ["anonymous", "participant", "participant_manager", "other_member", "host_manager", "secretariat"]
EXPECTED = {
    "home": dict(anonymous=LOGIN, participant=200, participant_manager=200, other_member=200, host_manager=200,
                 secretariat=200),
    "profile_get": dict(anonymous=LOGIN, participant=200, participant_manager=200, other_member=404,
                        host_manager=404, secretariat=200),
    "profile_post": dict(anonymous=LOGIN, participant=302, participant_manager=302, other_member=404,
                         host_manager=404, secretariat=302),
    "answer": dict(anonymous=LOGIN, participant=302, participant_manager=302, other_member=404, host_manager=404,
                   secretariat=302),
    "runs_get": dict(anonymous=LOGIN, participant=403, participant_manager=403, other_member=403, host_manager=200,
                     secretariat=200),
    "runs_post": dict(anonymous=LOGIN, participant=403, participant_manager=403, other_member=403,
                      host_manager=302, secretariat=302),
    "run_get": dict(anonymous=LOGIN, participant=403, participant_manager=403, other_member=403, host_manager=200,
                    secretariat=200),
}  # fmt: skip


@pytest.mark.parametrize("role", GRID_ROLES)
@pytest.mark.parametrize("view", sorted(EXPECTED))
def test_pairing_permission_grid(view, role, world, cast, committed, client):
    # given a computed run and a person in `role`
    run = _run(world, committed, cast.manager)
    meeting = (
        PairingMeeting.objects.filter(run=run).filter(a=world.amina).first()
        or PairingMeeting.objects.filter(run=run, b=world.amina).first()
    )
    user = _users(world, cast)[role]
    if user:
        client.force_login(user)
    slug = world.event.slug
    runs_before = PairingRun.objects.count()
    profile_before = PairingProfile.objects.get(registration=world.amina).share_text
    requests = {
        "home": ("get", reverse("events:pairing", args=[slug]), {}),
        "profile_get": ("get", reverse("events:pairing_profile", args=[slug, world.amina.pk]), {}),
        "profile_post": ("post", reverse("events:pairing_profile", args=[slug, world.amina.pk]),
                         {"share_text": "Data-protection law drafting", "text_language": "en", "languages": ["en"],
                          "avoid_own_delegation": "on"}),
        "answer": ("post", reverse("events:pairing_respond", args=[slug, meeting.pk]),
                   {"registration": world.amina.pk, "action": "accept"}),
        "runs_get": ("get", reverse("events:pairing_runs", args=[slug]), {}),
        "runs_post": ("post", reverse("events:pairing_runs", args=[slug]),
                      {"rounds": 2, "minutes": 15, "tables": 3, "session": world.session.pk}),
        "run_get": ("get", reverse("events:pairing_run", args=[slug, run.pk]), {}),
    }  # fmt: skip
    method, url, data = requests[view]
    # when it asks
    response = committed(getattr(client, method), url, data)
    # then it gets exactly what its role allows, and a refused write changes nothing
    expected = EXPECTED[view][role]
    if expected == LOGIN:
        assert response.status_code == 302 and "/sign-in/" in response["Location"]
    else:
        assert response.status_code == expected, response.content[:400]
    if method == "post" and expected != 302:
        assert PairingRun.objects.count() == runs_before
        assert PairingProfile.objects.get(registration=world.amina).share_text == profile_before
        meeting.refresh_from_db()
        assert not meeting.a_answer and not meeting.b_answer


def test_a_draft_event_pairing_is_hidden_from_delegates(cast, client):
    event = make_event(cast.member, publish=False, slug="draft-event")
    client.force_login(cast.other_manager)
    assert client.get(reverse("events:pairing", args=[event.slug])).status_code == 404


# ---------------------------------------------------------------------------------------------------
# Query budget


def test_the_host_grid_costs_the_same_however_many_meetings(cast, committed, client):
    # given a run of 6 delegates, then one of 16
    event = make_event(cast.member)
    isos = ["ZMB", "CHN", "SEN", "EGY", "NPL", "BRA", "IND", "KEN", "GHA", "PER", "VNM", "MAR", "FJI", "CHL",
            "THA", "MEX"]  # fmt: skip
    topics = ["data_governance", "compute_capacity", "data_protection", "open_data"]
    client.force_login(cast.manager)

    def grid_queries(count: int) -> int:
        Registration.objects.filter(event=event).delete()
        PairingRun.objects.filter(event=event).delete()
        for i, iso in enumerate(isos[:count]):
            registration = _delegate(event, _state(iso), f"Person{i} X")
            _profile(registration, share=[topics[i % 4]], learn=[topics[(i + 1) % 4]])
        run = committed(pairing_run_create, event=event, actor=cast.manager, rounds=3, minutes=20, tables=10)
        url = reverse("events:pairing_run", args=[event.slug, run.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small, large = grid_queries(6), grid_queries(16)
    # then the grid's queries do not grow with the meetings
    assert large == small
    assert large <= 14


def test_a_swap_that_waits_for_the_host_is_shown_to_the_delegate_and_the_host(cast, committed, client):
    # given Amina's swap request that nobody free could answer (as in the test above)
    event = make_event(cast.member)
    amina_user = UserFactory(email="amina2@example.org")
    amina = _delegate(event, _state("ZMB"), "Amina Banda", user=amina_user)
    li = _delegate(event, _state("CHN"), "Li Wei")
    awa = _delegate(event, _state("SEN"), "Awa Diop")
    _profile(amina, share=["data_governance"], learn=["compute_capacity"], languages=["en"])
    _profile(li, share=["compute_capacity"], learn=["data_governance"], languages=["en"])
    _profile(awa, share=["data_protection"], learn=["data_governance"], languages=["fr"])
    run = committed(pairing_run_create, event=event, actor=cast.manager, rounds=1, minutes=20, tables=1)
    meeting = PairingMeeting.objects.get(run=run)
    client.force_login(amina_user)
    # when she asks on her schedule
    response = client.post(
        reverse("events:pairing_respond", args=[event.slug, meeting.pk]), {"registration": amina.pk, "action": "swap"}
    )
    # then she is told why, and her schedule says the host has it
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Nobody free in round 1 can meet you" in page
    assert "the host has your request" in page
    # and the host's grid lists it
    client.force_login(cast.manager)
    grid = client.get(reverse("events:pairing_run", args=[event.slug, run.pk])).content.decode()
    assert "Amina Banda</bdi> asked for another partner" in grid and "waiting for the host" in grid


def test_the_demo_pairs_the_beijing_delegates_and_adds_only_missing_ones(db):
    # given the demo's events and a few of its members
    from harambee.demo.events import PAIRING_CONTENT, _demo_pairing_delegates, load_demo_events, load_demo_pairing
    from harambee.registry.tests.factories import OrganisationFactory

    members = {iso: _state(iso) for iso in ("CHN", "ZMB", "EGY", "SEN", "PAK", "ETH", "IDN", "BRA", "RUS", "NPL")}
    OrganisationFactory(code="tsinghua", name="Tsinghua University")
    OrganisationFactory(code="unza", name="University of Zambia")
    people = {}
    for email, iso in (("china.manager@demo.harambee.test", "CHN"), ("zambia.manager@demo.harambee.test", "ZMB"),
                       ("zambia.editor@demo.harambee.test", "ZMB")):  # fmt: skip
        people[email] = UserFactory(email=email)
        MembershipFactory(member=members[iso], user=people[email], role=MemberRole.MANAGER)
    load_demo_events(people)
    # when the pairing demo is loaded
    meetings = load_demo_pairing(people)
    # then the delegates of the members that exist are approved, profiled and paired in a finished run
    beijing = Registration.objects.filter(event__slug="beijing-2025", status=RegistrationStatus.APPROVED)
    assert beijing.count() == 13
    assert PairingProfile.objects.filter(registration__in=beijing).count() == 13
    run = PairingRun.objects.get(event__slug="beijing-2025")
    assert run.status == PairingRunStatus.DONE and meetings == PairingMeeting.objects.filter(run=run).count() > 0
    assert run.session is not None and run.session.kind == SessionKind.KNOWLEDGE_EXCHANGE
    assert beijing.get(full_name="Chanda Mulenga").user == people["zambia.editor@demo.harambee.test"]
    # and loading the delegates again adds none
    import json

    _demo_pairing_delegates(run.event, json.loads(PAIRING_CONTENT.read_text(encoding="utf-8")), people)
    assert beijing.count() == 13


def test_topics_in_common_without_gifts_are_not_called_no_topic():
    reasons = {"a_gives": {"score": 0}, "b_gives": {"score": 0}, "common": {"concepts": ["digital_government"]},
               "languages": ["en"], "interpreted": False}  # fmt: skip
    with translation.override("fr"):
        said = explain(reasons, reader_is_a=True, partner="Rahim Uddin (Bangladesh)")
    assert len(said) == 2
    assert "administration numérique" in said[0] and "anglais" in said[1]


def test_a_failed_run_says_why_on_the_host_page(cast, committed, client):
    event = make_event(cast.member)
    run = committed(pairing_run_create, event=event, actor=cast.manager, rounds=2, minutes=20, tables=2)
    client.force_login(cast.manager)
    page = client.get(reverse("events:pairing_run", args=[event.slug, run.pk])).content.decode()
    assert "Fewer than two approved delegates have filled in their pairing profile." in page


def test_the_schedule_page_costs_the_same_however_many_meetings(cast, committed, client):
    # given a manager of Zambia whose two delegates are paired in a run of 6, then of 14 delegates
    event = make_event(cast.member)
    manager = UserFactory(email="zm-budget@example.org")
    zambia = _state("ZMB")
    MembershipFactory(member=zambia, user=manager, role=MemberRole.MANAGER)
    isos = ["CHN", "SEN", "EGY", "NPL", "BRA", "IND", "KEN", "GHA", "PER", "VNM", "MAR", "FJI"]
    topics = ["data_governance", "compute_capacity", "data_protection", "open_data"]
    client.force_login(manager)

    def page_queries(count: int) -> int:
        Registration.objects.filter(event=event).delete()
        PairingRun.objects.filter(event=event).delete()
        for i, iso in enumerate(["ZMB", "ZMB", *isos][:count]):
            registration = _delegate(event, _state(iso), f"Person{i} X")
            _profile(registration, share=[topics[i % 4]], learn=[topics[(i + 1) % 4]])
        committed(pairing_run_create, event=event, actor=cast.manager, rounds=3, minutes=20, tables=10)
        url = reverse("events:pairing", args=[event.slug])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert page_queries(6) == page_queries(14)
