"""Every recorded change reads as words: labels for fields and codes, names for ids and people, on
the change rows of each service's entry and on the pages that list it (docs/audit-trail.md)."""

import re
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from harambee.audit.models import AuditEntry
from harambee.postings.models import Posting
from harambee.registry.models import Member

from .test_audit_per_service import SCENARIOS

# Python's rendering of a list, dict, None or boolean, or of an object, never shown to a reader.
REPR = re.compile(r"[\[\]{}]|\bNone\b|\bTrue\b|\bFalse\b|<\w+: |object at 0x")
CHANGES = re.compile(r'<ul class="changes">(.*?)</ul>', re.S)


def _entry(instance, action) -> AuditEntry:
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(instance)), object_id=str(instance.pk), action=action
    ).latest("pk")


def assert_readable(rows) -> None:
    for label, before, after in rows:
        assert label
        for text in (str(label), before, after):
            assert text is None or not REPR.search(str(text)), rows
            assert text is None or "@" not in str(text), rows


def pages_listing(entry: AuditEntry) -> list[str]:
    """The pages that list `entry`: the secretariat's trail, its member's history, its posting's page."""
    pages = ["/en/secretariat/audit/"]
    if entry.member_code and Member.objects.filter(code=entry.member_code).exists():
        pages.append(f"/en/members/{entry.member_code}/history/")
    if entry.content_type.model_class() is Posting:
        posting = Posting.objects.get(pk=entry.object_id)
        pages.append(f"/en/{'needs' if posting.kind == 'need' else 'offers'}/{posting.external_id}/")
    return pages


@pytest.mark.django_db
@pytest.mark.parametrize("service", sorted(SCENARIOS))
def test_the_entry_of_every_service_reads_as_words(service, cast, client):
    # given the entry a service recorded
    instance, action, _expected = SCENARIOS[service](cast)
    entry = _entry(instance, action)
    # when its changes are read, as the public reads them
    rows = entry.change_rows()
    # then each row has a label and values in words: no Python rendering, no e-mail address
    assert rows and all(label for label, _b, _a in rows)
    assert_readable(rows)
    # and every page that lists it (read by the secretariat, who sees it everywhere) shows it so
    client.force_login(cast.secretariat)
    for url in pages_listing(entry):
        response = client.get(url)
        assert response.status_code == 200, url
        shown = CHANGES.findall(response.content.decode())
        assert shown, url
        assert not any(REPR.search(fragment) for fragment in shown), (url, shown)


@pytest.mark.django_db
def test_codes_ids_and_people_are_named(cast):
    # given a need with working languages, themes, a contact who consents to be shown, and a round
    # with a request, a revoked token and a membership of someone who does not consent
    from harambee.accounts.services import api_token_create, api_token_revoke
    from harambee.postings.services import posting_create
    from harambee.postings.validation import parse_posting
    from harambee.registry.services import membership_add

    need = posting_create(
        actor=cast.editor,
        member=cast.member,
        contact=cast.editor,
        data=parse_posting(
            {
                "id": "N-1",
                "kind": "need",
                "member": "unza",
                "title": "Compute",
                "description": "GPU hours.",
                "language": "en",
                "themes": ["data", "skills"],
                "delivery_languages": ["en", "fr"],
                "apply_by": "2027-03-01",
            }
        ),
    )
    token = api_token_create(user=cast.viewer, name="nightly").token
    api_token_revoke(token=token, actor=cast.viewer)
    membership = membership_add(member=cast.member, user=cast.outsider, role="viewer", actor=cast.manager)
    # when the public reads their changes
    posting_rows = {label: after for label, _before, after in _entry(need, "create").change_rows()}
    token_rows = _entry(token, "transition").change_rows()
    membership_rows = {label: after for label, _before, after in _entry(membership, "create").change_rows()}
    # then codes read as their labels, ids as names, booleans as yes or no, dates as dates
    assert posting_rows["Working languages"] == "English and French"  # a sentence (Babel's format_list)
    assert posting_rows["Themes"] == "Data, Skills and AI literacy"
    assert posting_rows["Member"] == "University of Zambia"
    assert posting_rows["Status"] == "Draft"
    assert posting_rows["Kind"] == "Need"
    assert posting_rows["Apply by"] == "1 Mar 2027"
    assert posting_rows["Contact focal point"] == cast.editor.full_name  # consents to be shown
    assert token_rows == [("Revoked", "no", "yes")]
    assert membership_rows["Role"] == "Viewer"
    assert membership_rows["Show on the public profile"] == "no"
    # and a person who does not consent is their member to the public, themselves to the secretariat
    assert membership_rows["User"] == "University of Zambia"
    from harambee.audit.display import prepare

    entry = prepare([_entry(membership, "create")], viewer=cast.secretariat)[0]
    assert dict((label, after) for label, _b, after in entry.change_rows())["User"] == cast.outsider.full_name
    assert entry.who() == cast.manager.full_name


@pytest.mark.django_db
def test_keys_that_are_not_fields_have_labels(cast):
    # given a round with a request (a reverse relation) and a read notification (a flag of a time)
    from harambee.allocation.services import round_apply, round_create
    from harambee.postings.services import posting_create
    from harambee.postings.validation import parse_posting

    raw = {"id": "O-R", "kind": "offer", "member": "tsinghua", "title": "Seats", "description": "Course.",
           "language": "en", "capacity": {"seats": 3}}  # fmt: skip
    offer = posting_create(
        actor=cast.secretariat, member=cast.other_member, data=parse_posting(raw), status="published"
    )
    round = round_create(
        provider=cast.other_member, actor=cast.other_manager, title="Round", offers=[offer],
        deadline=timezone.now() + timedelta(days=3), policy={"mode": "optimal", "priority_bonus": {"LDC": 0.2}},
    )  # fmt: skip
    round_apply(round=round, member=cast.member, actor=cast.editor, units=2, ranking=[offer])
    entries = AuditEntry.objects.filter(object_id=str(round.pk), content_type__model="allocationround")
    # when their changes are read
    rows = [row for entry in entries for row in entry.change_rows()]
    # then the request and the policy read as words
    assert ("Allocation requests", None, "University of Zambia: 2 units") in rows
    assert (
        "Policy",
        None,
        "Optimal mode: the capacity goes to the requests that give the highest total match score. "
        "Requests from Least developed countries get a priority bonus of 0.2 added to their match score.",
    ) in rows
    assert_readable(rows)


@pytest.mark.django_db
def test_imported_postings_read_as_words(cast):
    # given postings imported from JSON Lines, then imported again with a translation
    import json

    from harambee.postings.importing import postings_import

    line = {"id": "N-IMP", "kind": "need", "member": "unza", "title": "Data", "description": "Data.",
            "language": "en", "eligible_groups": [], "sdgs": [4, 9]}  # fmt: skip
    assert postings_import(lines=[json.dumps(line)]).written
    line["translations"] = [{"language": "fr", "title": "Données", "description": "Données."}]
    assert postings_import(lines=[json.dumps(line)]).written
    posting = Posting.objects.get(external_id="N-IMP")
    entries = AuditEntry.objects.filter(object_id=str(posting.pk), content_type__model="posting")
    # when their changes are read
    rows = [row for entry in entries for row in entry.change_rows()]
    # then they read as words, translations by their languages
    assert_readable(rows)
    assert ("Translations", None, "French") in rows
    assert (
        "Sustainable Development Goals",
        None,
        "SDG 4: Quality education, SDG 9: Industry, innovation and infrastructure",
    ) in rows
    assert {entry.who() for entry in entries} == {"Harambee (automatic)"}


@pytest.mark.django_db
def test_the_audit_pages_of_the_demo_answer(demo_data, client, db):
    # given the demo, whose trail holds every kind of entry the demo makes (rounds with requests too)
    from harambee.accounts.models import User

    # when the secretariat reads every page of the trail, and Zambia and Egypt read their histories
    client.force_login(User.objects.get(email="secretariat@demo.harambee.test"))
    pages = AuditEntry.objects.count() // 50 + 1
    responses = [client.get(f"/en/secretariat/audit/?page={n}") for n in range(1, pages + 1)]
    for person, code in (("zambia.manager", "zmb"), ("egypt.manager", "egy")):
        client.force_login(User.objects.get(email=f"{person}@demo.harambee.test"))
        responses.append(client.get(f"/en/members/{code}/history/"))
    # then every page answers, and every change reads as words
    assert [r.status_code for r in responses] == [200] * len(responses)
    for response in responses:
        shown = CHANGES.findall(response.content.decode())
        assert shown and not any(REPR.search(fragment) for fragment in shown)


@pytest.mark.django_db
def test_any_recorded_change_reads_safely(cast):
    # given entries recorded by hand, as older code or a mistake may have left them
    posting_type = ContentType.objects.get_for_model(Posting)
    odd = [
        {"requests": [None, {"a": [1, {"b": None}]}], "unknown_key": [True, None], "status": "not a pair"},
        {"member": [None, "not-an-id"], "contact": [None, "gone@example.org"], "sdgs": [None, [1, "x"]]},
        {"member": [12345, None], "contact": [999999, None], "apply_by": ["yesterday", "2027-01-01"]},
        ["not", "a", "dict"],
        {"id": [None, 7], "member": [None, 10**30]},
    ]
    entries = [
        AuditEntry.objects.create(
            content_type=posting_type, object_id="1", object_repr="someone@example.org", action="update", changes=c
        )
        for c in odd
    ]
    # (PostgreSQL cannot store a NUL character in JSON; SQLite can, and a lookup must not fail on it)
    entries.append(
        AuditEntry(
            content_type=posting_type,
            object_id="1",
            object_repr="",
            action="update",
            changes={"contact": [None, "a\x00b@x.org"], "member": [None, "1\x00"]},
        )
    )
    # when they are read as the public reads them
    rows = [row for entry in entries for row in entry.change_rows()]
    # then nothing fails, every row has a label, and nothing shows Python or an address
    assert_readable(rows)
    assert ("Contact focal point", None, "A former user") in rows
    assert ("Member", "No. 12345", None) in rows
    assert ("Unknown key", "yes", None) in rows
    assert all("@" not in entry.object_label for entry in entries)
