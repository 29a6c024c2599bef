"""One posting input (harambee.postings.validation): the web form, the API and the import check a
posting the same way and answer the same bad input with the same translated message."""

import json

import pytest
from django.urls import reverse

from harambee.postings.importing import postings_import
from harambee.postings.models import Posting

pytestmark = pytest.mark.django_db

GOOD = {"title": "Training of procurement officers", "description": "A two-week course.", "language": "en"}

# (what is wrong, the field as the API and the form name it, the message, the interchange fields,
# the form's fields)
BAD = [
    (
        "a title too long",
        "title",
        "Too long: 201 characters, at most 200.",
        {"title": "x" * 201},
        {"title": "x" * 201},
    ),
    (
        "an end before the start",
        "end",
        "The end date is before the start date.",
        {"start": "2026-06-01", "end": "2026-05-01"},
        {"start": "2026-06-01", "end": "2026-05-01"},
    ),
    (
        "a date that does not exist",
        "start",
        "Not a valid date (YYYY-MM-DD): 2026-02-30",
        {"start": "2026-02-30"},
        {"start": "2026-02-30"},
    ),
    (
        "an amount without a currency",
        "capacity",
        "An amount needs an ISO 4217 currency code, such as USD.",
        {"capacity": {"amount": 5000}},
        {"capacity_unit": "amount", "capacity_value": "5000"},
    ),
    (
        "fractional seats",
        "capacity",
        "Seats and expert-days are whole numbers.",
        {"capacity": {"seats": 2.5}},
        {"capacity_unit": "seats", "capacity_value": "2.5"},
    ),
    (
        "an unknown theme",
        "themes",
        "Unknown code: astrology",
        {"themes": ["astrology"]},
        {"themes": ["astrology"]},
    ),
]


@pytest.mark.parametrize(("wrong", "field", "message", "interchange", "form"), BAD, ids=[b[0] for b in BAD])
def test_the_same_bad_posting_gets_the_same_message_from_the_form_the_api_and_the_import(
    client, cast, wrong, field, message, interchange, form
):
    # given the manager of an active member, and a need with one thing wrong
    client.force_login(cast.manager)
    # when it is sent through the web form
    page = client.post(
        reverse("postings:new", kwargs={"kind_path": "needs"}), {"member": cast.member.code, **GOOD, **form}
    )
    # through the API
    api = client.post(
        "/api/v1/needs", {"member": cast.member.code, **GOOD, **interchange}, content_type="application/json"
    )
    # and as a line of an import
    line = json.dumps({"id": "N-1", "kind": "need", "member": cast.member.code, **GOOD, **interchange})
    report = postings_import(lines=[line], actor=cast.manager)
    # then each refuses it with the same message, for the same field, and nothing is written
    field_of_form = {"capacity": "capacity_value"}.get(field, field)
    assert page.status_code == 200
    assert page.context["form"].errors.get(field_of_form) == [message]
    assert api.status_code == 422
    assert api.json()["errors"] == {field: [message]}
    assert [(p.line, p.field, p.message) for p in report.problems] == [(1, field, message)]
    assert Posting.objects.count() == 0


def test_the_api_refuses_a_field_the_format_does_not_have_like_the_import(client, cast):
    # given the manager of an active member
    client.force_login(cast.manager)
    # when a need comes with a field the interchange format does not have
    body = {"member": cast.member.code, **GOOD, "colour": "blue"}
    api = client.post("/api/v1/needs", body, content_type="application/json")
    report = postings_import(lines=[json.dumps({"id": "N-1", "kind": "need", **body})], actor=cast.manager)
    # then both name it, with the same message
    assert api.status_code == 422 and api.json()["errors"] == {"colour": ["Unknown field."]}
    assert [(p.field, p.message) for p in report.problems] == [("colour", "Unknown field.")]


def test_a_good_posting_is_read_the_same_from_the_form_and_the_api(client, cast):
    # given the manager of an active member
    client.force_login(cast.manager)
    fields = {"start": "2026-06-01", "end": "2026-07-01", "themes": ["governance"]}
    # when it writes the same need through the form and through the API
    client.post(
        reverse("postings:new", kwargs={"kind_path": "needs"}),
        {"member": cast.member.code, **GOOD, **fields, "capacity_unit": "seats", "capacity_value": "20"},
    )
    api = client.post(
        "/api/v1/needs",
        {"member": cast.member.code, **GOOD, **fields, "capacity": {"seats": 20}},
        content_type="application/json",
    )
    # then both are stored alike
    assert api.status_code == 201, api.content
    stored = [
        (p.title, p.start.isoformat(), p.end.isoformat(), p.themes, p.capacity_unit, p.capacity_value)
        for p in Posting.objects.order_by("pk")
    ]
    assert len(stored) == 2 and stored[0] == stored[1]
