"""Background tasks of follows: the digest e-mail of one person."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy, ngettext

from harambee.background.queue import background_task
from harambee.core.text import shorten
from harambee.notifications.models import isolate
from harambee.postings.access import posting_list_for_user
from harambee.postings.choices import KIND_PATHS
from harambee.postings.reading import reading_prefetch, rendering_for

from .models import Follow, Frequency
from .selectors import follow_label, follow_url
from .tokens import unsubscribe_token

SUBJECT_LIMIT = 100


def _absolute(path: str) -> str:
    return f"{settings.HARAMBEE_SITE_URL.rstrip('/')}{path}"


def digest_message(person, sections: list[dict]) -> EmailMessage | None:
    """The digest e-mail of ``sections`` (per follow: the ids of new and changed postings and their
    counts) in the person's preferred language, links reversed in that language, with a one-click
    unsubscribe link per follow and for all (also as List-Unsubscribe headers, RFC 8058); None when
    nothing in it is still there for the person to see."""
    follows = {
        f.pk: f
        for f in Follow.objects.filter(person=person, pk__in=[s["follow"] for s in sections])
        .exclude(frequency=Frequency.NEVER)
        .select_related("member__country", "posting")
    }
    ids = {pk for s in sections for pk in (*s["new"], *s["changed"])}
    postings = (
        posting_list_for_user(user=person)
        .filter(pk__in=ids)
        .select_related("member__country")
        .prefetch_related(*reading_prefetch())
        .in_bulk()
    )
    language = person.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        blocks = []
        for section in sections:
            follow = follows.get(section["follow"])
            if follow is None:  # unfollowed, or unsubscribed, since the digest was made
                continue
            items = []
            for state, key in (("new", "new"), ("changed", "changed")):
                for pk in section[key]:
                    posting = postings.get(pk)
                    if posting is None:
                        continue
                    title = rendering_for(posting, language).plain_title
                    path = reverse(
                        "postings:detail",
                        kwargs={"kind_path": KIND_PATHS[posting.kind], "external_id": posting.external_id},
                    )
                    items.append(
                        {
                            "state": state,
                            "title": isolate(title),
                            "member": isolate(posting.member.display_name),
                            "url": _absolute(path),
                        }
                    )
            if not items:
                continue
            more = section["new_count"] + section["changed_count"] - len(section["new"]) - len(section["changed"])
            token = unsubscribe_token(person_id=person.pk, follow_id=follow.pk)
            blocks.append(
                {
                    "label": isolate(follow_label(follow)),
                    "url": _absolute(follow_url(follow)),
                    "items": items,
                    "more": max(more, 0),
                    "unsubscribe": _absolute(reverse("follows:unsubscribe", kwargs={"token": token})),
                }
            )
        if not blocks:
            return None
        count = sum(len(b["items"]) + b["more"] for b in blocks)
        unsubscribe_all = _absolute(
            reverse("follows:unsubscribe", kwargs={"token": unsubscribe_token(person_id=person.pk)})
        )
        subject = shorten(
            ngettext(
                "Harambee: %(count)s new or changed item in what you follow",
                "Harambee: %(count)s new or changed items in what you follow",
                count,
            )
            % {"count": count},
            SUBJECT_LIMIT,
        )
        body = render_to_string(
            "follows/digest_email.txt",
            {
                "person": person,
                "blocks": blocks,
                "manage": _absolute(reverse("follows:mine")),
                "unsubscribe_all": unsubscribe_all,
            },
        )
    return EmailMessage(
        subject,
        body,
        None,
        [person.email],
        headers={"List-Unsubscribe": f"<{unsubscribe_all}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )


@background_task(label=gettext_lazy("E-mail a digest of what a person follows"), queue="mail", attempts=6, backoff=60)
def follows_digest_mail(person_id: int, sections: list[dict]) -> bool:
    """Send one person's digest; False when the person is gone or nothing in it is left to tell."""
    person = get_user_model().objects.filter(pk=person_id, is_active=True).first()
    if person is None:
        return False
    message = digest_message(person, sections)
    if message is None:
        return False
    message.send()
    return True
