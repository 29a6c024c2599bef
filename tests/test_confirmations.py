"""Destructive actions ask first (harambee/core/confirm.py): a POST without `confirmed=yes` changes
nothing and answers with a page that says what will happen, a button that sends the same fields again
and a way back; the same POST with `confirmed=yes` acts. Refusals (404, 403) still come first."""

import re

import pytest
from django.urls import reverse

from harambee.accounts.models import Invitation
from harambee.accounts.services import api_token_create, invitation_create
from harambee.allocation.models import AllocationRound
from harambee.follows.models import Follow
from harambee.follows.services import follow_create
from harambee.matching.models import Match
from harambee.registry.models import MemberRole, Membership

pytestmark = pytest.mark.django_db


def _token(cast):
    token = api_token_create(user=cast.manager, name="scripts").token
    return (
        cast.manager,
        reverse("accounts:token_revoke", args=[token.pk]),
        {},
        lambda: _fresh(token).revoked_at is not None,
    )


def _follow(cast):
    follow, _ = follow_create(person=cast.manager, kind="member", member=cast.other_member)
    url = reverse("follows:delete", args=[follow.pk])
    return cast.manager, url, {"next": "/en/members/"}, lambda: not Follow.objects.filter(pk=follow.pk).exists()


def _membership(cast):
    membership = cast.viewer.memberships.get()
    url = reverse("registry:membership_change", args=[cast.member.code, membership.pk])
    return cast.manager, url, {"remove": "1"}, lambda: not Membership.objects.filter(pk=membership.pk).exists()


def _invitation(cast):
    issued = invitation_create(
        actor=cast.manager, email="new@example.org", member=cast.member, role=MemberRole.EDITOR, base_url="http://x/"
    )
    invitation = issued.invitation
    url = reverse("accounts:invitation_revoke", args=[invitation.pk])
    return cast.manager, url, {}, lambda: Invitation.objects.get(pk=invitation.pk).status == "revoked"


def _match(answer):
    def build(cast):
        from tests.test_matching_flow import _pair

        need, offer = _pair(cast)[:2]
        from harambee.matching.services import match_propose

        match = match_propose(need=need, offer=offer, actor=cast.manager)
        person = cast.other_manager if answer == "decline" else cast.manager
        url = reverse("matching:answer", args=[match.pk, answer])
        return person, url, {"response": "Not now"}, lambda: Match.objects.get(pk=match.pk).status != "proposed"

    return build


def _round(cast):
    from tests.test_allocation_rounds import _offer, _open

    allocation_round = _open(cast, [_offer(cast)])
    url = reverse("allocation:action", args=[allocation_round.pk, "close"])
    return cast.other_manager, url, {}, lambda: AllocationRound.objects.get(pk=allocation_round.pk).status == "closed"


def _posting(cast):
    from tests.test_matching_flow import _post

    need = _post(cast, cast.member, id="N-GONE", title="Training of statisticians")
    url = reverse("postings:transition", args=["needs", need.external_id])
    return cast.manager, url, {"action": "withdraw", "reason": "Funded"}, lambda: _status(need) == "withdrawn"


def _status(posting):
    posting.refresh_from_db()
    return posting.status


def _fresh(token):
    token.refresh_from_db()
    return token


CASES = {
    "revoke an API token": _token,
    "unfollow": _follow,
    "remove a person": _membership,
    "revoke an invitation": _invitation,
    "decline a match": _match("decline"),
    "withdraw a match": _match("withdraw"),
    "close a round": _round,
    "withdraw a need": _posting,
}


@pytest.mark.parametrize("case", CASES)
def test_a_destructive_action_asks_first_and_acts_once_confirmed(
    case, cast, client, django_capture_on_commit_callbacks
):
    # given a person allowed to take the action
    with django_capture_on_commit_callbacks(execute=True):
        person, url, data, done = CASES[case](cast)
    client.force_login(person)
    # when they post it without confirming
    response = client.post(url, data)
    # then nothing changes and a page asks, carrying the same fields and a way back
    assert response.status_code == 200
    assert not done()
    page = response.content.decode()
    assert f'action="{url}"' in page
    assert '<input type="hidden" name="confirmed" value="yes">' in page
    for name, value in data.items():
        assert f'<input type="hidden" name="{name}" value="{value}">' in page
    assert re.search(r'<a class="button secondary" href="/en/[^"]*">No, go back</a>', page)
    # and when they confirm, the action is taken
    response = client.post(url, {**data, "confirmed": "yes"})
    assert response.status_code == 302
    assert done()


def test_someone_not_allowed_is_refused_before_being_asked(cast, client):
    # given the viewer's membership and an outsider
    membership = cast.viewer.memberships.get()
    client.force_login(cast.outsider)
    # when the outsider posts its removal without confirming
    response = client.post(
        reverse("registry:membership_change", args=[cast.member.code, membership.pk]), {"remove": "1"}
    )
    # then the answer is a refusal, not a question
    assert response.status_code == 403
    assert "confirmed" not in response.content.decode()
