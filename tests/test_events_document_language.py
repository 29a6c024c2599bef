# ruff: noqa: F811 (the fixtures imported from test_events_registrations are parameters here)
"""The language of a delegate's documents, changed after nomination (issue 13): the service validates
(one of the six languages, a delegate still taking part), audits the old and new language, and says
which batches already made hold her documents in the old language; the page is reached from her
delegation, the host's nominations and her registration; the role × action grid of the page."""

import html

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from harambee.audit.models import AuditEntry
from harambee.events import documents
from harambee.events.choices import DocumentBatchStatus
from harambee.events.document_language import registration_language_set
from harambee.events.models import DocumentBatch, Registration
from harambee.events.registration_services import registration_withdraw
from tests.test_events_registrations import (  # noqa: F401 (fixtures)
    GRID_ROLES,
    LOGIN,
    _approved,
    _text,
    _user,
    fresh_pages,
    grid,
    nominate,
    world,
)

pytestmark = pytest.mark.django_db


def _last_change(registration) -> dict:
    return AuditEntry.objects.filter(object_id=str(registration.pk)).order_by("pk").last().changes


def _page(response) -> str:
    return html.unescape(_text(response))


def test_changing_the_language_is_audited_and_the_next_document_is_in_it(world, cast):
    # given an approved delegate whose documents are in French
    registration = _approved(world, cast)
    assert registration.language == "fr"
    # when her member's focal point changes it to Arabic
    change = registration_language_set(registration=registration, actor=world.zambia_manager, language="ar")
    # then it is saved, audited with the old and new language, and her badge is made in Arabic, right to left
    registration.refresh_from_db()
    assert (registration.language, change.previous, change.changed, change.batches_to_remake) == ("ar", "fr", True, ())
    assert _last_change(registration) == {"language": ["fr", "ar"]}
    badge = documents.document_html([Registration.objects.get(pk=registration.pk)], "badge")
    assert '<html lang="ar" dir="rtl"' in badge


def test_the_same_language_again_writes_nothing(world, cast):
    registration = _approved(world, cast)
    before = AuditEntry.objects.count()
    change = registration_language_set(registration=registration, actor=cast.manager, language="fr")
    assert change.changed is False
    assert AuditEntry.objects.count() == before


@pytest.mark.parametrize("language", ["de", "zh-hans", "", "FR"])
def test_a_language_outside_the_six_is_refused(world, cast, language):
    registration = _approved(world, cast)
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as excinfo:
        registration_language_set(registration=registration, actor=cast.manager, language=language)
    assert excinfo.value.message_dict == {
        "language": ["Choose one of the six languages of the United Nations for the documents."]
    }
    registration.refresh_from_db()
    assert (registration.language, AuditEntry.objects.count()) == ("fr", before)


def test_a_withdrawn_delegate_keeps_her_language(world, cast):
    registration = registration_withdraw(registration=_approved(world, cast), actor=world.zambia_manager)
    with pytest.raises(ValidationError) as excinfo:
        registration_language_set(registration=registration, actor=world.zambia_manager, language="en")
    assert excinfo.value.messages == ["This delegate is “Withdrawn”: there are no documents to make."]


def test_someone_else_may_not_change_it(world, cast):
    registration = _approved(world, cast)
    from harambee.core.exceptions import PermissionDenied

    for someone in (world.zambia_viewer, world.egypt_manager, cast.editor, cast.outsider):
        with pytest.raises(PermissionDenied):
            registration_language_set(registration=registration, actor=someone, language="en")
    assert Registration.objects.get(pk=registration.pk).language == "fr"


def test_batches_already_made_are_offered_again_to_the_host(world, cast, client):
    # given an approved delegate (no visa letter asked) and finished batches of badges and visa letters
    registration = _approved(world, cast)
    for kind in ("badge", "visa"):
        DocumentBatch.objects.create(event=world.event, kind=kind, status=DocumentBatchStatus.DONE, documents=1)
    DocumentBatch.objects.create(event=world.event, kind="certificate", status=DocumentBatchStatus.FAILED)
    # when the host's manager changes her language on the page
    client.force_login(cast.manager)
    url = reverse("events:registration_language", args=["lusaka", registration.pk])
    response = client.post(url, {"language": "zh"}, follow=True)
    # then only the badges' batch holds a page of hers: the page offers to make it again
    assert response.redirect_chain == [(f"{url}?remake=badge", 302)]
    page = _page(response)
    assert "Mwila Banda's documents are now made in Chinese." in page
    assert "Make all again: Badge" in page and "Make all again: Visa" not in page
    assert Registration.objects.get(pk=registration.pk).language == "zh"
    # and her focal point, who does not make batches, is not offered them
    client.force_login(world.zambia_manager)
    assert "Make all again" not in _text(client.get(f"{url}?remake=badge"))


def test_a_bad_value_on_the_page_is_a_clear_error(world, cast, client):
    registration = _approved(world, cast)
    client.force_login(world.zambia_manager)
    url = reverse("events:registration_language", args=["lusaka", registration.pk])
    response = client.post(url, {"language": "de"})
    assert response.status_code == 400
    assert "Select a valid choice. de is not one of the available choices." in _text(response)
    assert Registration.objects.get(pk=registration.pk).language == "fr"


def test_the_delegation_and_the_nominations_link_to_it(world, cast, client):
    registration = _approved(world, cast)
    link = reverse("events:registration_language", args=["lusaka", registration.pk])
    for user, page, shown in (
        (world.zambia_manager, reverse("events:delegation", args=["lusaka", "zmb"]), True),
        (world.zambia_viewer, reverse("events:delegation", args=["lusaka", "zmb"]), False),
        (cast.manager, reverse("events:nominations", args=["lusaka"]), True),
        (world.zambia_manager, reverse("events:registration_complete", args=["lusaka", registration.pk]), True),
    ):
        client.force_login(user)
        response = client.get(page)
        assert response.status_code == 200
        assert (f'href="{link}"' in response.content.decode()) == shown, (user, page)


LANGUAGE_GRID = {
    "anonymous": LOGIN, "outsider": 404, "other_member": 404, "host_editor": 404, "member_viewer": 403,
    "member_manager": 200, "host_manager": 200, "secretariat": 200,
}  # fmt: skip


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("role", GRID_ROLES)
def test_language_page_permission_grid(role, method, grid, cast, client):
    # given a person in `role`, and Zambia's approved delegate (documents in French)
    user = _user(role, grid["world"], cast)
    if user:
        client.force_login(user)
    url = reverse("events:registration_language", args=["lusaka", grid["approved"].pk])
    writes = AuditEntry.objects.count()
    # when it opens the page or changes the language
    response = getattr(client, method)(url, {"language": "ar"} if method == "post" else {})
    # then it gets exactly what its role allows, and only an allowed change is written
    expected = LANGUAGE_GRID[role]
    if expected == LOGIN:
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    elif method == "post" and expected == 200:
        assert response.status_code == 302
    else:
        assert response.status_code == expected
    changed = method == "post" and expected == 200
    assert (AuditEntry.objects.count() - writes, Registration.objects.get(pk=grid["approved"].pk).language) == (
        (1, "ar") if changed else (0, "fr")
    )


def test_the_delegation_pages_name_the_event_in_the_readers_language(world, cast, client):
    # given the event's title translated into Arabic, and an approved delegate
    from harambee.events.models import EventTranslation

    EventTranslation.objects.create(event=world.event, language="ar", title="حلقة العمل الثالثة")
    registration = _approved(world, cast)
    client.force_login(world.zambia_manager)
    # when Zambia's focal point opens her delegation's pages in Arabic, then the event is named in Arabic
    for url in (
        "/ar/events/lusaka/delegations/zmb/",
        "/ar/events/lusaka/delegations/zmb/nominate/",
        f"/ar/events/lusaka/delegates/{registration.pk}/language/",
        f"/ar/events/lusaka/delegates/{registration.pk}/registration/",
    ):
        page = client.get(url).content.decode()
        assert "حلقة العمل الثالثة" in page, url
        assert "2nd Workshop on AI Capacity-Building" not in page, url
