"""Follows and alerts: the role × action grid of the follow pages, saved searches, the digest (what it
tells, in whose language, how often) and the one-click unsubscribe."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from conftest import ROLES
from harambee.audit.models import AuditEntry
from harambee.follows.models import Follow, FollowKind, Frequency
from harambee.follows.services import follow_create, follows_digest_run
from harambee.follows.tokens import unsubscribe_read, unsubscribe_token
from harambee.notifications.models import Notification
from harambee.postings.services import posting_create, posting_transition
from harambee.postings.validation import parse_posting

pytestmark = pytest.mark.django_db
LOGIN = "login"


def post(cast, external_id: str, title: str, *, kind: str = "need", status: str = "published", member=None):
    data = {"id": external_id, "kind": kind, "member": (member or cast.member).code, "title": title,
            "language": "en", "description": f"{title}: a description long enough to be read."}  # fmt: skip
    return posting_create(actor=None, member=member or cast.member, data=parse_posting(data), status=status)


def backdate(follow: Follow, minutes: int = 1) -> Follow:
    Follow.objects.filter(pk=follow.pk).update(created_at=timezone.now() - timedelta(minutes=minutes))
    follow.refresh_from_db()
    return follow


def run_digest(django_capture_on_commit_callbacks, now):
    with django_capture_on_commit_callbacks(execute=True):
        return follows_digest_run(now=now)


# ---------------------------------------------------------------------------------------------------
# Role × action grid


@pytest.fixture
def grid(cast):
    post(cast, "N-PUB", "Data governance advice")
    post(cast, "N-DRAFT", "Draft need", status="draft")
    own, _created = follow_create(person=cast.manager, kind=FollowKind.MEMBER, member=cast.other_member)
    return own


EVERYONE_FOLLOWS = {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 302)}
DRAFT_FOLLOWS = {"anonymous": LOGIN, "outsider": 404, "viewer": 302, "editor": 302, "manager": 302,
                 "other_manager": 404, "secretariat": 302}  # fmt: skip
OWNER_ONLY = {"anonymous": LOGIN, "outsider": 404, "viewer": 404, "editor": 404, "manager": 302,
              "other_manager": 404, "secretariat": 404}  # fmt: skip
WEB = {
    "follow_member": ("post", lambda f: "/en/follows/new/", {"kind": "member", "target": "unza"}, EVERYONE_FOLLOWS),
    "follow_posting": ("post", lambda f: "/en/follows/new/", {"kind": "posting", "target": "N-PUB"}, EVERYONE_FOLLOWS),
    "follow_draft": ("post", lambda f: "/en/follows/new/", {"kind": "posting", "target": "N-DRAFT"}, DRAFT_FOLLOWS),
    "follow_search": ("post", lambda f: "/en/follows/new/", {"kind": "search", "target": "needs", "query": "q=data"},
                      EVERYONE_FOLLOWS),
    "my_follows": ("get", lambda f: "/en/my/follows/", None, {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 200)}),
    "change_frequency": ("post", lambda f: f"/en/follows/{f.pk}/", lambda f: {f"f{f.pk}-frequency": "weekly"},
                         OWNER_ONLY),
    "unfollow": ("post", lambda f: f"/en/follows/{f.pk}/delete/", {"confirmed": "yes"}, OWNER_ONLY),
    "open": ("get", lambda f: f"/en/follows/{f.pk}/open/", None, OWNER_ONLY),
}  # fmt: skip
CASES = [(view, role) for view in WEB for role in ROLES]


@pytest.mark.parametrize(("view", "role"), CASES, ids=[f"{v}-{r}" for v, r in CASES])
def test_web_grid(view, role, cast, grid, client):
    # given a person in a role and the manager's follow of the other member
    method, url, data, expected = WEB[view]
    expected = expected[role]
    if cast.user(role):
        client.force_login(cast.user(role))
    before = Follow.objects.count(), Follow.objects.get(pk=grid.pk).frequency
    # when the person uses the page
    response = getattr(client, method)(url(grid), (data(grid) if callable(data) else data) or {})
    # then they are sent to sign in, refused with a 404, or served
    if expected == LOGIN:
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == expected
    if response.status_code != 302 or expected == LOGIN:  # nothing was written for a refused request
        assert (Follow.objects.count(), Follow.objects.get(pk=grid.pk).frequency) == before


def test_unfollow_and_frequency_change_what_the_owner_asked_and_are_audited(cast, grid, client):
    # given the manager's follow
    client.force_login(cast.manager)
    # when they switch it to weekly, then unfollow it
    client.post(f"/en/follows/{grid.pk}/", {f"f{grid.pk}-frequency": "weekly"})
    assert Follow.objects.get(pk=grid.pk).frequency == Frequency.WEEKLY
    client.post(f"/en/follows/{grid.pk}/delete/", {"confirmed": "yes"})
    # then it is gone, and each change is in the audit trail as the manager's
    assert not Follow.objects.filter(pk=grid.pk).exists()
    entries = AuditEntry.objects.filter(content_type__model="follow", object_id=str(grid.pk)).order_by("pk")
    assert [(e.action, e.actor_id) for e in entries] == [
        ("create", cast.manager.pk), ("update", cast.manager.pk), ("delete", cast.manager.pk)
    ]  # fmt: skip


def test_a_bad_follow_request_is_told_not_a_500(cast, client):
    client.force_login(cast.manager)
    response = client.post("/en/follows/new/", {"kind": "planet", "target": "mars"}, follow=True)
    assert response.status_code == 200
    assert "This cannot be followed." in response.content.decode()
    assert Follow.objects.count() == 0


# ---------------------------------------------------------------------------------------------------
# Saved searches and buttons


def test_a_saved_search_is_the_lists_query_in_one_order_without_the_page(cast, client):
    # given the manager on a filtered, paged list of needs
    client.force_login(cast.manager)
    # when they follow the search twice, with the filters in another order the second time
    client.post(
        "/en/follows/new/", {"kind": "search", "target": "needs", "query": "theme=skills&q=data&theme=data&page=3"}
    )
    client.post("/en/follows/new/", {"kind": "search", "target": "needs", "query": "q=data&theme=data&theme=skills"})
    # then one saved search is kept, in its canonical form
    follow = Follow.objects.get()
    assert (follow.kind, follow.search_kind, follow.search_query) == (
        "search",
        "need",
        "q=data&theme=data&theme=skills",
    )
    # and the list of the same search says it is followed
    page = client.get("/en/needs/?theme=skills&theme=data&q=data").content.decode()
    assert "You follow this search" in page and "Follow this search</button>" not in page


def test_the_buttons_ask_visitors_to_sign_in_and_offer_people_to_follow(cast, client):
    post(cast, "N-PUB", "Data governance advice")
    # a visitor who is not signed in is asked to sign in (no form on the public pages)
    for url in ("/en/needs/?q=data", "/en/needs/N-PUB/", "/en/members/unza/"):
        page = client.get(url).content.decode()
        assert reverse("accounts:login") + "?next=" in page and 'action="/en/follows/new/"' not in page
    # a signed-in person gets the Follow buttons
    client.force_login(cast.outsider)
    assert "Follow this search</button>" in client.get("/en/needs/?q=data").content.decode()
    for url in ("/en/needs/N-PUB/", "/en/members/unza/"):
        assert 'action="/en/follows/new/"' in client.get(url).content.decode()


# ---------------------------------------------------------------------------------------------------
# The digest


@pytest.fixture
def french_follower(cast):
    cast.outsider.preferred_language = "fr"
    cast.outsider.save(update_fields=["preferred_language"])
    follow, _created = follow_create(
        person=cast.outsider, kind=FollowKind.SEARCH, search_kind="need", search_query="q=governance"
    )
    return backdate(follow)


def test_a_new_matching_posting_is_sent_once_in_the_persons_language(
    cast, french_follower, django_capture_on_commit_callbacks
):
    # given a French reader following a search of needs, and after it, a need it finds and one it does not
    post(cast, "N-GOV", "Data governance advice")
    post(cast, "N-GPU", "Compute access for researchers")
    # when the digest runs a day later
    done = run_digest(django_capture_on_commit_callbacks, timezone.now() + timedelta(days=1))
    # then exactly one e-mail is sent, in French, with the item, its French link and an unsubscribe link
    assert done == {"due": 1, "notified": 1, "mails": 1}
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["outsider@example.org"]
    with translation.override("fr"):
        subject = ngettext(
            "Harambee: %(count)s new or changed item in what you follow",
            "Harambee: %(count)s new or changed items in what you follow",
            1,
        ) % {"count": 1}
    assert message.subject == " ".join(subject.split())  # a subject is one line of plain spaces
    body = message.body
    site = settings.HARAMBEE_SITE_URL.rstrip("/")
    with translation.override("fr"):
        words = gettext("“%(words)s”") % {"words": "governance"}
    assert f"== \u2068Besoins · {words}\u2069 ==\n" + site + "/fr/needs/?q=governance\n" in body
    assert (
        "\u2068Data governance advice\u2069 (\u2068University of Zambia\u2069)\n  " + site + "/fr/needs/N-GOV/\n"
        in body
    )
    assert "Compute access" not in body
    # (the tokens carry the second they were signed: read them back rather than sign them again)
    links = re.findall(r"/fr/follows/unsubscribe/([^/\s]+)/", body)
    assert (cast.outsider.pk, french_follower.pk) in [unsubscribe_read(token) for token in links]
    (everything,) = re.findall(r"/fr/follows/unsubscribe/([^/\s]+)/>$", message.extra_headers["List-Unsubscribe"])
    assert unsubscribe_read(everything) == (cast.outsider.pk, None)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # and one in-app notification links to the search
    notification = Notification.objects.get(recipient=cast.outsider)
    assert notification.kind == "follow_news" and notification.link("en") == f"/en/follows/{french_follower.pk}/open/"
    # and running again at the same moment sends nothing more
    assert run_digest(django_capture_on_commit_callbacks, timezone.now() + timedelta(days=1))["mails"] == 0
    assert len(mail.outbox) == 1


def test_each_person_reads_the_digest_in_their_own_language(cast, french_follower, django_capture_on_commit_callbacks):
    # given an English reader following the same search as the French one
    english, _ = follow_create(
        person=cast.manager, kind=FollowKind.SEARCH, search_kind="need", search_query="q=governance"
    )
    backdate(english)
    post(cast, "N-GOV", "Data governance advice")
    # when the digest runs
    run_digest(django_capture_on_commit_callbacks, timezone.now() + timedelta(days=1))
    # then each gets one e-mail, the search named and linked in their language
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert sorted(bodies) == ["manager@example.org", "outsider@example.org"]
    assert "== \u2068Needs · “governance”\u2069 ==" in bodies["manager@example.org"]
    assert "/en/needs/N-GOV/" in bodies["manager@example.org"] and "/fr/" not in bodies["manager@example.org"]
    with translation.override("fr"):
        words = gettext("“%(words)s”") % {"words": "governance"}
    assert f"== \u2068Besoins · {words}\u2069 ==" in bodies["outsider@example.org"]
    assert "/fr/needs/N-GOV/" in bodies["outsider@example.org"] and "/en/" not in bodies["outsider@example.org"]


def test_unsubscribing_by_the_link_stops_the_emails_not_the_notifications(
    cast, french_follower, django_capture_on_commit_callbacks
):
    # given the digest's unsubscribe link of the follow
    post(cast, "N-GOV", "Data governance advice")
    run_digest(django_capture_on_commit_callbacks, timezone.now() + timedelta(days=1))
    link = f"/fr/follows/unsubscribe/{unsubscribe_token(person_id=cast.outsider.pk, follow_id=french_follower.pk)}/"
    anonymous = Client(enforce_csrf_checks=True)
    # when it is opened (GET), nothing changes yet: the page asks to confirm
    page = anonymous.get(link)
    assert page.status_code == 200 and Follow.objects.get().frequency == Frequency.DAILY
    # when the mail provider posts the one-click request, without cookie or CSRF token
    response = anonymous.post(link, {"List-Unsubscribe": "One-Click"})
    # then the follow stays, in the app only, recorded as the person's own change
    assert response.status_code == 200
    assert Follow.objects.get().frequency == Frequency.NEVER
    assert AuditEntry.objects.filter(content_type__model="follow", action="update", actor=cast.outsider).count() == 1
    # and a new matching need a day later is notified in the app but not e-mailed
    mail.outbox.clear()
    Follow.objects.update(last_sent_at=timezone.now())
    post(cast, "N-GOV2", "Governance of public data")
    done = run_digest(django_capture_on_commit_callbacks, timezone.now() + timedelta(days=1))
    assert done == {"due": 1, "notified": 1, "mails": 0}
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=cast.outsider, kind="follow_news").count() == 2


def test_an_altered_unsubscribe_link_is_refused_clearly(cast, french_follower):
    token = unsubscribe_token(person_id=cast.outsider.pk)
    response = Client().post(f"/en/follows/unsubscribe/{token[:-2]}xx/")
    assert response.status_code == 400
    assert "This unsubscribe link is not valid" in response.content.decode()
    assert Follow.objects.get().frequency == Frequency.DAILY


def test_weekly_waits_a_week_daily_a_day(cast, django_capture_on_commit_callbacks):
    # given a weekly follow and a daily follow of the member, and a new need of the member
    weekly, _ = follow_create(person=cast.outsider, kind=FollowKind.MEMBER, member=cast.member, frequency="weekly")
    daily, _ = follow_create(person=cast.other_manager, kind=FollowKind.MEMBER, member=cast.member)
    backdate(weekly), backdate(daily)
    post(cast, "N-1", "Data governance advice")
    start = timezone.now()
    # when the digest runs after a day: only the daily follower hears
    run_digest(django_capture_on_commit_callbacks, start + timedelta(days=1))
    assert [m.to for m in mail.outbox] == [["other@example.org"]]
    # after six days: nobody new (the daily one has no news since)
    run_digest(django_capture_on_commit_callbacks, start + timedelta(days=6))
    assert len(mail.outbox) == 1
    # after a week: the weekly follower hears of the same need
    run_digest(django_capture_on_commit_callbacks, start + timedelta(days=7))
    assert [m.to for m in mail.outbox] == [["other@example.org"], ["outsider@example.org"]]
    assert "Data governance advice" in mail.outbox[1].body


def test_a_followed_posting_reports_its_changes_and_nothing_private(cast, django_capture_on_commit_callbacks):
    # given a follower of a published need and the member's draft it cannot see
    need = post(cast, "N-1", "Data governance advice")
    follow, _ = follow_create(person=cast.outsider, kind=FollowKind.POSTING, posting=need)
    backdate(follow)
    member_follow, _ = follow_create(person=cast.other_manager, kind=FollowKind.MEMBER, member=cast.member)
    backdate(member_follow)
    post(cast, "N-DRAFT", "Secret draft", status="draft")
    # when the need is closed by its member
    posting_transition(posting=need, actor=cast.manager, action="close", reason="done")
    run_digest(django_capture_on_commit_callbacks, timezone.now() + timedelta(days=1))
    # then the posting's follower hears of the change; nobody hears of the draft
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert "Data governance advice" in bodies["outsider@example.org"]
    assert all("Secret draft" not in body for body in bodies.values())
