"""Templates people can read and change (docs/templates.md): short lines, one element per line; and the
pages they render give every element its own id, so that each label points at its own field."""

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from harambee.allocation.models import AllocationRound
from harambee.cooperation.models import Cooperation
from harambee.matching.models import Match
from harambee.postings.models import Posting
from harambee.registry.models import Member

ROOT = Path(__file__).resolve().parent.parent / "harambee"
LONGEST = 160
# Django's own widget templates, overridden to add `dir`: one line each, like Django's, because a line
# break inside them would end up inside every rendered <input>.
WIDGETS = ROOT / "core/templates/django/forms/widgets"


def templates():
    return sorted(path for path in ROOT.glob("*/templates/**/*.html") if not path.is_relative_to(WIDGETS))


def test_no_template_line_is_longer_than_160_characters():
    # given every template of the project
    too_long = [
        f"{path.relative_to(ROOT)}:{number}: {len(line)} characters"
        for path in templates()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if len(line) > LONGEST
    ]
    # then none has a line too long to read (break it: one element per line, or a partial in <app>/inc/)
    assert too_long == []


def test_templates_are_found():
    assert len(templates()) > 60


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.label_for: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag == "label" and attrs.get("for"):
            self.label_for.append(attrs["for"])


def main_pages():
    """The main pages of each kind of visitor on the demo (as in tests/test_mobile.py)."""
    cooperations = [f"/en/cooperations/{pk}/" for pk in Cooperation.objects.values_list("pk", flat=True)]
    allocation_round = AllocationRound.objects.order_by("pk").first()
    need = Posting.objects.filter(member__code="zmb", kind="need").order_by("pk").first()
    match = Match.objects.filter(need__member__code="zmb").order_by("pk").first()
    pending = Member.objects.filter(status="pending").order_by("pk").first()
    return {
        None: ["/en/", "/en/needs/", "/en/offers/", "/en/members/", "/en/members/zmb/", "/en/register/",
               "/en/accounts/sign-in/", "/en/cooperations/", "/en/rounds/", f"/en/rounds/{allocation_round.pk}/"],
        "zambia.manager@demo.harambee.test": [
            "/en/my/", "/en/my/postings/", f"/en/needs/{need.external_id}/", "/en/matches/", f"/en/matches/{match.pk}/",
            *cooperations, f"/en/rounds/{allocation_round.pk}/", "/en/my/follows/", "/en/notifications/",
            "/en/accounts/profile/", "/en/members/zmb/edit/", "/en/members/zmb/people/", "/en/needs/new/",
            "/en/rounds/new/", "/en/cooperations/new/", "/en/pledges/new/", "/en/postings/import/",
        ],
        "secretariat@demo.harambee.test": [
            "/en/secretariat/", "/en/secretariat/audit/", "/en/secretariat/background/",
            f"/en/secretariat/members/{pending.code}/status/", *cooperations,
        ],
    }  # fmt: skip


def test_every_id_on_a_main_page_is_unique_and_every_label_points_at_a_field(demo_data, db, client):
    from harambee.accounts.models import User

    problems = []
    for email, urls in main_pages().items():
        client.logout()
        if email:
            client.force_login(User.objects.get(email=email))
        for url in urls:
            # given a main page as its visitor sees it
            response = client.get(url)
            assert response.status_code == 200, f"{email} {url}: {response.status_code}"
            page = Ids()
            page.feed(response.content.decode())
            # then no id is used twice, and every label's `for` names an element of the page
            twice = sorted(name for name, count in Counter(page.ids).items() if count > 1)
            orphans = sorted(set(page.label_for) - set(page.ids))
            if twice or orphans:
                problems.append(f"{email or 'visitor'} {url}: ids used twice {twice}, labels for nothing {orphans}")
    assert problems == []
