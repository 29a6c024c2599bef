"""Issue 10 item 6: every notification names who acted (a person only with their consent, else the
member; never an e-mail address) and what to do next, in the recipient's language, with an
absolute link built by `reverse`; subjects are shortened at a word boundary; a member's status
change tells its people, with the secretariat's reason."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from harambee.accounts.services import api_token_create, organisation_register, user_set_password
from harambee.accounts.tests.factories import UserFactory
from harambee.allocation.services import round_apply, round_close, round_compute, round_create, round_publish
from harambee.cooperation import services as cooperation_services
from harambee.cooperation.models import Cooperation, CooperationOrigin
from harambee.core.text import shorten
from harambee.follows.models import Follow
from harambee.follows.services import follow_create, follows_digest_run
from harambee.matching.services import match_accept, match_decline, match_propose, match_withdraw, post_message
from harambee.notifications.models import MESSAGES, SUBJECT_LIMIT, Notification
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting
from harambee.registry.access import person_public_name
from harambee.registry.models import Country, MemberRole
from harambee.registry.services import member_set_status
from harambee.registry.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db
SITE = "https://harambee.example.org"
# every kind of notification the platform sends, each checked by a test below
KINDS = {
    "match_proposed", "match_accepted", "match_declined", "match_withdrawn", "match_message",
    "cooperation_progress", "milestone_due", "progress_due", "round_published",
    "member_approved", "member_rejected", "member_suspended", "member_reactivated",
    "password_changed", "password_changed_tokens_revoked", "follow_news",
    "delegate_nominated", "delegate_decided",
}  # fmt: skip


@pytest.fixture(autouse=True)
def site(settings):
    settings.HARAMBEE_SITE_URL = SITE


@pytest.fixture
def people(cast):
    """UNZA's editor consented to be shown (conftest); Tsinghua's manager did not. UNZA's manager
    reads French; Tsinghua has a French name."""
    cast.editor.full_name = "Chanda Mulenga"
    cast.editor.save()
    cast.other_manager.full_name = "Zhang Min"
    cast.other_manager.save()
    cast.manager.preferred_language = "fr"
    cast.manager.save()
    cast.other_member.name_translations = {"fr": "Université Tsinghua"}
    cast.other_member.save()
    return cast


def _post(cast, member, **fields):
    raw = {"kind": "need", "language": "en", "description": "Details.", "delivery_languages": ["en"], **fields}
    raw["member"] = member.code
    return posting_create(actor=cast.secretariat, member=member, data=parse_posting(raw), status="published")


def plain(text: str) -> str:
    """Text without the isolates around parameters (checked once, in test_parameters_are_isolated)."""
    return text.replace("\u2068", "").replace("\u2069", "")


def told(kind: str, recipient) -> tuple[Notification, str, str]:
    """The recipient's notification of ``kind`` and the subject and body of the e-mail it was sent."""
    notification = Notification.objects.get(kind=kind, recipient=recipient)
    with translation.override(recipient.preferred_language):
        text = notification.message
    (message,) = [m for m in mail.outbox if m.to == [recipient.email] and m.body.startswith(text + "\n")]
    return notification, plain(message.subject), plain(message.body)


def in_app(notification: Notification, language: str = "en") -> tuple[str, str]:
    with translation.override(language):
        return plain(notification.message), plain(notification.next_step)


def assert_mail(subject: str, body: str, *, message: str, next_step: str, link: str) -> None:
    """The e-mail says who did what, what to do next and where, with no e-mail address in it; its
    subject is in the language of its link (French puts a space before the colon)."""
    with translation.override(link.strip("/").split("/")[0]):
        expected = translation.gettext("Harambee: %(message)s") % {"message": message}
    assert subject == shorten(expected, SUBJECT_LIMIT)
    assert body == f"{message}\n\n{next_step}\n{SITE}{link}\n"
    assert "@" not in subject + body


def test_person_public_name_needs_consent_and_never_shows_an_address(people):
    cast = people
    assert person_public_name(cast.editor, cast.member) == "Chanda Mulenga"  # consented for UNZA
    assert person_public_name(cast.other_manager, cast.other_member) == "Tsinghua University"  # did not
    # not one of Tsinghua's people: named as for their own member, where they consented
    assert person_public_name(cast.editor, cast.other_member) == "Chanda Mulenga"
    nameless = UserFactory(email="nameless@example.org", full_name="")
    MembershipFactory(member=cast.member, user=nameless, show_publicly=True)
    assert person_public_name(nameless, cast.member) == "University of Zambia"
    assert person_public_name(cast.secretariat, None) == "the secretariat"
    with translation.override("fr"):
        assert person_public_name(cast.other_manager, cast.other_member) == "Université Tsinghua"


def test_match_notifications_name_who_acted_and_the_next_step(people, django_capture_on_commit_callbacks):
    cast = people
    need = _post(cast, cast.member, id="N-1", title="Training of civil servants")
    offer = _post(cast, cast.other_member, id="O-1", kind="offer", title="AI course")
    # when UNZA's editor (consented) proposes, Tsinghua's manager (did not) accepts
    with django_capture_on_commit_callbacks(execute=True):
        match = match_propose(need=need, offer=offer, actor=cast.editor)
    with django_capture_on_commit_callbacks(execute=True):
        match_accept(match=match, actor=cast.other_manager)
    link = f"/matches/{match.pk}/"
    # then Tsinghua's manager reads who proposed (the editor by name, with UNZA) and what to do
    notification, subject, body = told("match_proposed", cast.other_manager)
    message = (
        "Chanda Mulenga (University of Zambia) proposes to match the need “Training of civil servants” "
        "with the offer “AI course”."
    )
    next_step = "Open the match to read the message, then accept or decline it."
    assert in_app(notification) == (message, next_step)
    assert notification.link() == f"/en{link}"
    assert_mail(subject, body, message=message, next_step=next_step, link=f"/en{link}")
    # and UNZA's people read that Tsinghua (not its manager's name) accepted; the French reader in
    # French, in the app and by e-mail, with a French link
    notification, subject, body = told("match_accepted", cast.manager)
    message_en = (
        "Tsinghua University accepted the match of the need “Training of civil servants” with the offer "
        "“AI course”: a cooperation starts."
    )
    next_step = "Open the match to go to the new cooperation and agree on its first steps."
    assert in_app(notification) == (message_en, next_step)
    message_fr, next_step_fr = in_app(notification, "fr")
    assert message_fr.startswith("Université Tsinghua ")
    assert_mail(subject, body, message=message_fr, next_step=next_step_fr, link=f"/fr{link}")
    assert "Zhang Min" not in message_en + message_fr


def test_a_message_on_a_match_names_its_writer_and_the_next_step(people, django_capture_on_commit_callbacks):
    cast = people
    need = _post(cast, cast.member, id="N-3", title="Training of civil servants")
    offer = _post(cast, cast.other_member, id="O-3", kind="offer", title="AI course")
    match = match_propose(need=need, offer=offer, actor=cast.editor)
    # when Tsinghua's manager (who did not consent to be named) writes in the conversation
    with django_capture_on_commit_callbacks(execute=True):
        post_message(actor=cast.other_manager, match=match, body="Could we\nstart in March? " + "x" * 200)
    # then UNZA's people read that Tsinghua wrote, the start of the message and what to do; the French
    # reader in French with a French link
    link = f"/matches/{match.pk}/"
    excerpt = shorten("Could we start in March? " + "x" * 200, 140)
    message_en = (
        f"Tsinghua University wrote about the match of the need “Training of civil servants” with the offer "
        f"“AI course”: “{excerpt}”"
    )
    next_step = "Open the match to read the whole conversation and reply."
    notification, subject, body = told("match_message", cast.editor)
    assert in_app(notification) == (message_en, next_step)
    assert_mail(subject, body, message=message_en, next_step=next_step, link=f"/en{link}")
    notification, subject, body = told("match_message", cast.manager)
    message_fr, next_step_fr = in_app(notification, "fr")
    assert message_fr.startswith("Université Tsinghua ")
    assert_mail(subject, body, message=message_fr, next_step=next_step_fr, link=f"/fr{link}")
    assert "Zhang Min" not in message_en + message_fr
    # and the writer's side is not told of its own message
    assert not Notification.objects.filter(kind="match_message", recipient=cast.other_manager).exists()


def test_declined_and_withdrawn_proposals_say_who_and_what_next(people, django_capture_on_commit_callbacks):
    cast = people
    need = _post(cast, cast.member, id="N-2", title="Data governance")
    offer = _post(cast, cast.other_member, id="O-2", kind="offer", title="Data course")
    with django_capture_on_commit_callbacks(execute=True):
        declined = match_decline(
            match=match_propose(need=need, offer=offer, actor=cast.editor), actor=cast.other_manager
        )
    with django_capture_on_commit_callbacks(execute=True):
        withdrawn = match_withdraw(match=match_propose(need=need, offer=offer, actor=cast.editor), actor=cast.editor)
    notification, subject, body = told("match_declined", cast.editor)
    message = "Tsinghua University declined the match of the need “Data governance” with the offer “Data course”."
    next_step = "Open the match to read their answer; your posting's page suggests other counterparts."
    assert in_app(notification) == (message, next_step)
    assert_mail(subject, body, message=message, next_step=next_step, link=f"/en/matches/{declined.pk}/")
    notification, subject, body = told("match_withdrawn", cast.other_manager)
    message = (
        "Chanda Mulenga (University of Zambia) withdrew the proposal to match the need “Data governance” "
        "with the offer “Data course”."
    )
    next_step = "No answer is needed; open the match to read why."
    assert in_app(notification) == (message, next_step)
    assert_mail(subject, body, message=message, next_step=next_step, link=f"/en/matches/{withdrawn.pk}/")


@pytest.fixture
def cooperation(cast):
    return Cooperation.objects.create(
        title="AI course for UNZA staff",
        provider=cast.other_member,
        beneficiary=cast.member,
        origin=CooperationOrigin.DIRECT,
        units=Decimal(5),
    )


def test_reminders_and_progress_say_who_and_what_next(people, cooperation, django_capture_on_commit_callbacks):
    cast = people
    link = f"/en/cooperations/{cooperation.pk}/"
    # reminders are sent by the platform, and say so
    today = date(2026, 11, 26)
    cooperation_services.milestone_add(cooperation=cooperation, actor=cast.manager, title="Second cohort",
                                       due=today + timedelta(days=7))  # fmt: skip
    Cooperation.objects.filter(pk=cooperation.pk).update(created_at=timezone.now() - timedelta(days=400))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("cooperations", "housekeeping", "--today", today.isoformat(), stdout=open("/dev/null", "w"))
    notification, subject, body = told("milestone_due", cast.other_manager)
    message = (
        "Harambee reminds you: the milestone “Second cohort” of the cooperation “AI course for UNZA staff” "
        "is due on 3 Dec 2026."
    )
    next_step = "Open the cooperation to mark the milestone done, or report progress if it will be late."
    assert in_app(notification) == (message, next_step)
    assert_mail(subject, body, message=message, next_step=next_step, link=link)
    notification, subject, body = told("progress_due", cast.editor)
    message = (
        "Harambee reminds you: a progress update on the cooperation “AI course for UNZA staff” is due; "
        "the last one is 13 months old."
    )
    next_step = "Open the cooperation and report its progress: what was done, and the share done."
    assert in_app(notification) == (message, next_step)
    assert_mail(subject, body, message=message, next_step=next_step, link=link)
    # when UNZA's editor (consented) reports progress, Tsinghua reads who did
    with django_capture_on_commit_callbacks(execute=True):
        cooperation_services.progress_report(cooperation=cooperation, actor=cast.editor, percent=40, narrative="Done.")
    notification, subject, body = told("cooperation_progress", cast.other_manager)
    message = (
        "Chanda Mulenga (University of Zambia) reported progress on the cooperation “AI course for UNZA staff”: "
        "40% done."
    )
    next_step = "Open the cooperation to read the update and report your side's progress."
    assert in_app(notification) == (message, next_step)
    assert_mail(subject, body, message=message, next_step=next_step, link=link)


def test_published_round_results_say_who_published_and_what_next(people, django_capture_on_commit_callbacks):
    cast = people
    offer = _post(cast, cast.other_member, id="O-SEATS", kind="offer", title="Course on AI for civil servants",
                  capacity={"seats": 1})  # fmt: skip
    title = "Seats for the 2026 course on artificial intelligence for civil servants of least developed countries"
    round_ = round_create(provider=cast.other_member, actor=cast.other_manager, title=title, offers=[offer],
                          deadline=timezone.now() + timedelta(days=7), policy={})  # fmt: skip
    round_apply(round=round_, member=cast.member, actor=cast.editor, units=2, ranking=[offer])
    round_close(round=round_, actor=cast.other_manager)
    round_compute(round=round_, actor=cast.other_manager)
    with django_capture_on_commit_callbacks(execute=True):
        round_publish(round=round_, actor=cast.other_manager)
    notification, subject, body = told("round_published", cast.editor)
    message = (
        f"Tsinghua University published the results of the allocation round “{title}”: "
        "1 of the 2 units University of Zambia asked for were placed."
    )
    next_step = "Open the round to see the results and the reasons; placed units start a cooperation."
    assert in_app(notification) == (message, next_step)
    assert_mail(subject, body, message=message, next_step=next_step, link=f"/en/rounds/{round_.pk}/")
    # the subject is cut at a word boundary, not mid-word, and says it was cut
    assert subject == (
        "Harambee: Tsinghua University published the results of the allocation round “Seats for the 2026…"
    )
    assert f"Harambee: {message}".startswith(subject[:-1] + " ")


def test_status_changes_tell_the_organisations_people_with_the_reason(cast, client, django_capture_on_commit_callbacks):
    # given an organisation that registered itself (its manager reads French) and a viewer of it
    registration = organisation_register(
        email="kamau@example.org", full_name="Wanjiru Kamau", password="a long password 1", preferred_language="fr",
        organisation_name="Nairobi AI Collective", organisation_type="ngo", country=Country.objects.get(iso3="KEN"),
    )  # fmt: skip
    member, manager = registration.member, registration.user
    viewer = MembershipFactory(member=member, role=MemberRole.VIEWER, user=UserFactory(email="v@example.org")).user
    link = f"/members/{member.code}/"
    # when the secretariat rejects it with a reason, through its page
    client.force_login(cast.secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/secretariat/members/{member.code}/status/",
                               {"status": "rejected", "reason": "Give your website."})  # fmt: skip
    assert response.status_code == 302
    # then both its people are told in the app and by e-mail, with the reason and the next step
    for person, language in ((manager, "fr"), (viewer, "en")):
        notification, subject, body = told("member_rejected", person)
        message, next_step = in_app(notification, language)
        assert_mail(subject, body, message=message, next_step=next_step, link=f"/{language}{link}")
    notification, _subject, _body = told("member_rejected", viewer)
    assert in_app(notification) == (
        "The registration of Nairobi AI Collective was rejected by the secretariat. Reason: Give your website.",
        "Correct what the reason says on its page; the secretariat can then approve it.",
    )
    # when it is approved, suspended and reactivated, its people are told each time
    for status, kind in (("active", "member_approved"), ("suspended", "member_suspended"),
                         ("active", "member_reactivated")):  # fmt: skip
        with django_capture_on_commit_callbacks(execute=True):
            member_set_status(member=member, actor=cast.secretariat, status=status, reason="Checked.")
        for person in (manager, viewer):
            notification, subject, body = told(kind, person)
            message, next_step = in_app(notification, person.preferred_language)
            with translation.override(person.preferred_language):
                secretariat = translation.gettext("the secretariat")
            assert "Nairobi AI Collective" in message and secretariat in message and next_step
            assert_mail(subject, body, message=message, next_step=next_step, link=f"/{person.preferred_language}{link}")
    notification = Notification.objects.get(kind="member_approved", recipient=viewer)
    assert in_app(notification) == (
        "Nairobi AI Collective was approved by the secretariat and is now listed publicly on Harambee.",
        "Open its page to complete its profile, invite colleagues and post its needs and offers.",
    )
    assert "Reason: Checked." in in_app(Notification.objects.get(kind="member_suspended", recipient=viewer))[0]
    # and the notifications page shows who acted and the next step to the person, in their language
    client.force_login(viewer)
    page = plain(client.get("/en/notifications/").content.decode())
    assert "was approved by the secretariat" in page and "invite colleagues" in page


def test_follow_news_names_the_member_in_the_readers_language_and_mails_only_the_digest(
    people, django_capture_on_commit_callbacks
):
    # given UNZA's manager (reads French) following Tsinghua (which has a French name) since an hour ago
    cast = people
    follow, _created = follow_create(person=cast.manager, kind="member", member=cast.other_member)
    Follow.objects.filter(pk=follow.pk).update(created_at=timezone.now() - timedelta(hours=1))
    # when Tsinghua publishes a need and the digest runs a day later
    _post(cast, cast.other_member, id="N-TS", title="GPU hours")
    with django_capture_on_commit_callbacks(execute=True):
        follows_digest_run(now=timezone.now() + timedelta(days=1))
    # then the notification names the member in the reader's language, isolated, with its page
    notification = Notification.objects.get(kind="follow_news", recipient=cast.manager)
    with translation.override("fr"):
        assert "\u2068Université Tsinghua\u2069" in notification.message
    assert in_app(notification)[0] == "1 new or changed in what you follow: Tsinghua University"
    assert notification.link("fr") == "/fr/members/tsinghua/"
    # and the only e-mail is the digest (no e-mail per notification), with no address of anyone else
    assert [m.to for m in mail.outbox] == [[cast.manager.email]]
    assert "GPU hours" in mail.outbox[0].body and "@" not in mail.outbox[0].body


def test_every_kind_of_notification_is_checked_here():
    # a new kind of notification needs its check in this file
    assert set(MESSAGES) == KINDS


def test_subjects_are_shortened_at_a_word_boundary():
    assert (
        shorten("Results are published: 3 of your requests were placed.", 43)
        == "Results are published: 3 of your requests…"
    )
    assert shorten("Results are published: 3 of your requests were placed.", 40) == "Results are published: 3 of your…"
    assert shorten("It was rejected by the secretariat. Reason: none", 38) == "It was rejected by the secretariat…"
    assert shorten("short", 40) == "short"
    assert shorten("公务员人工智能培训班的结果已经公布", 8) == "公务员人工智能…"
    assert shorten("Supercalifragilistic", 8) == "Superca…"
    assert shorten("one,   two\nthree", 20) == "one, two three"


def test_a_link_is_stored_by_name_and_built_in_the_readers_language(people):
    cast = people
    need = _post(cast, cast.member, id="N-3", title="Need")
    offer = _post(cast, cast.other_member, id="O-3", kind="offer", title="Offer")
    match = match_propose(need=need, offer=offer, actor=cast.editor)
    notification = Notification.objects.get(kind="match_proposed")
    assert (notification.url_name, notification.url_kwargs) == ("matching:detail", {"pk": match.pk})
    for language in ("ar", "zh-hans", "fr"):
        with translation.override(language):
            assert notification.link() == reverse("matching:detail", kwargs={"pk": match.pk})
        assert notification.link(language) == f"/{language}/matches/{match.pk}/"


def test_a_password_change_tells_the_person_what_happened_and_what_to_do(people, django_capture_on_commit_callbacks):
    # given a French reader with one API token, and one without
    cast = people
    api_token_create(user=cast.manager, name="script")
    # when both change their password
    with django_capture_on_commit_callbacks(execute=True):
        user_set_password(user=cast.manager, actor=cast.manager, password="a-long-new-passphrase", how="change")
        user_set_password(user=cast.viewer, actor=cast.viewer, password="a-long-new-passphrase", how="reset")
    # then each is told in their language, with the next step and a link to their account page
    notification, subject, body = told("password_changed_tokens_revoked", cast.manager)
    with translation.override("fr"):
        message, next_step = in_app(notification, "fr")
        link = reverse("accounts:profile")
    assert "(1)" in message
    assert_mail(subject, body, message=message, next_step=next_step, link=link)
    notification, subject, body = told("password_changed", cast.viewer)
    message, next_step = in_app(notification)
    assert message == "The password of your Harambee account was changed."
    assert next_step == "If you did not do this, reset your password now and tell the secretariat."
    assert_mail(subject, body, message=message, next_step=next_step, link=reverse("accounts:profile"))


def test_parameters_are_isolated_from_the_sentence_around_them(people):
    # given a proposal between a need with a Latin title and an offer with an Arabic one
    cast = people
    need = _post(cast, cast.member, id="N-ISO", title="AI 2026.")
    offer = _post(cast, cast.other_member, id="O-ISO", kind="offer", title="تدريب 2026.")
    match_propose(need=need, offer=offer, actor=cast.editor)
    notification = Notification.objects.get(kind="match_proposed", recipient=cast.other_manager)
    # when it is read in Arabic
    with translation.override("ar"):
        message = notification.message
    # then each parameter is an isolated run (FSI … PDI), in the page and in the e-mail alike
    assert "\u2068AI 2026.\u2069" in message
    assert "\u2068تدريب 2026.\u2069" in message
    assert "\u2068Chanda Mulenga (" in message
    subject, body = notification.email()
    assert "\u2068AI 2026.\u2069" in body


def test_nominations_and_decisions_are_told_to_the_other_side(people, django_capture_on_commit_callbacks):
    # given UNZA (its manager reads French) hosting an event to which Tsinghua is invited
    from datetime import date

    from django.core.files.uploadedfile import SimpleUploadedFile

    from harambee.events.registration_services import (
        NominationInput,
        invitation_create,
        nomination_create,
        registration_decide,
    )
    from harambee.events.tests.factories import make_event

    cast = people
    start = date.today() + timedelta(days=60)
    event = make_event(cast.member, slug="next", start_date=start, end_date=start + timedelta(days=2))
    invitation_create(event=event, actor=cast.manager, member=cast.other_member, quota=2)
    # when Tsinghua's manager nominates a delegate and UNZA's manager declines her
    with django_capture_on_commit_callbacks(execute=True):
        registration = nomination_create(
            event=event, member=cast.other_member, actor=cast.other_manager,
            data=NominationInput(full_name="Li Na", email="li.na@example.org"),
            letter=SimpleUploadedFile("l.pdf", b"%PDF-1.4 letter"),
        )  # fmt: skip
        registration_decide(registration=registration, actor=cast.manager, action="decline", reason="Full")
    # then the host's manager is told in French, the delegation's manager in English, each with the page
    notification, subject, body = told("delegate_nominated", cast.manager)
    with translation.override("fr"):
        assert "\u2068Université Tsinghua\u2069" in notification.message
    assert notification.link("fr") == "/fr/events/next/nominations/"
    notification, subject, body = told("delegate_decided", cast.other_manager)
    assert (
        in_app(notification)[0] == "The nomination of Li Na to “2nd Workshop on AI Capacity-Building” is now: Declined."
    )
    assert notification.link() == "/en/events/next/delegations/tsinghua/"
    assert "@" not in subject + body
