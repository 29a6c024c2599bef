"""Background tasks of needs and offers: the reminder e-mail before a posting closes, machine translation."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harambee.background.queue import background_task, enqueue_on_commit
from harambee.background.selectors import task_pending
from harambee.core import formats
from harambee.core.text import shorten
from harambee.registry.models import MemberStatus
from harambee.registry.selectors import member_editors

from . import reading
from .choices import KIND_PATHS, LANGUAGES, OPEN_STATUSES
from .models import MachineTranslation, Posting
from .text import UN_LANGUAGES
from .translation import TranslationError

logger = logging.getLogger(__name__)


@background_task(label=gettext_lazy("E-mail a closing-date reminder"), queue="mail", attempts=6, backoff=60)
def posting_reminder_mail(posting_id: int, language: str) -> bool:
    """Remind the posting's contact (else its member's editors and managers) that it closes soon, each
    in their preferred language (`language`, the sender's, when they have none), with the link to the
    posting reversed in that language."""
    posting = Posting.objects.select_related("member", "contact").filter(pk=posting_id).first()
    if posting is None:
        return False
    people = [posting.contact] if posting.contact_id else member_editors(posting.member)
    by_language: dict[str, list[str]] = {}
    for person in people:
        by_language.setdefault(person.preferred_language or language, []).append(person.email)
    for reader_language, recipients in sorted(by_language.items()):
        with translation.override(reader_language):
            shown = reading.rendering_for(posting, reader_language).plain_title
            title = shorten(shown, 80)
            day = formats.format_day(posting.expiry_date, reader_language)  # "10 déc. 2026", not 2026-12-10
            subject = _("“%(title)s” closes on %(date)s") % {"title": title, "date": day}
            body = _(
                "Your posting “%(title)s” on Harambee closes on %(date)s. Update its dates if it stays open, "
                "or mark it fulfilled or closed."
            ) % {"title": shown, "date": day}
            link = reverse(
                "postings:detail", kwargs={"kind_path": KIND_PATHS[posting.kind], "external_id": posting.external_id}
            )
        send_mail(subject, f"{body}\n\n{settings.HARAMBEE_SITE_URL.rstrip('/')}{link}\n", None, recipients)
    return bool(by_language)


MACHINE_TRANSLATION_BATCH = 20


def machine_translate_later(ids) -> None:
    """Enqueue, once the transaction commits, the machine translation of ``ids`` (nothing when no
    translation service is configured)."""
    if not reading.machine_translation_configured():
        return
    ids = sorted(set(ids))
    for start in range(0, len(ids), MACHINE_TRANSLATION_BATCH):
        enqueue_on_commit(postings_machine_translate, ids[start : start + MACHINE_TRANSLATION_BATCH])


def _machine_translate_one(posting: Posting, translator, languages) -> int:
    current = reading.source_hash(posting)
    have_author = {t.language for t in posting.translations.all()}
    stored = {t.language: t for t in posting.machine_translations.all()}
    made = 0
    for language in languages:
        if language == posting.language or language in have_author:
            continue
        if language in stored and stored[language].source_hash == current:
            continue
        try:
            title, description = translator.translate(
                [posting.title, posting.description], source=posting.language, target=language
            )
        except TranslationError as error:
            logger.warning("machine translation of %s into %s failed: %s", posting.external_id, language, error)
            raise
        MachineTranslation.objects.update_or_create(
            posting=posting,
            language=language,
            defaults={
                "title": shorten(" ".join(title.split()), 200),
                "description": description[:40000],
                "source_hash": current,
                "provider": getattr(translator, "name", "")[:200],
            },
        )
        made += 1
    return made


@background_task(label=gettext_lazy("Machine-translate needs and offers"), attempts=4, backoff=300)
def postings_machine_translate(posting_ids: list[int]) -> int:
    """Translate each posting's title and description into the UN languages it has no translation in,
    with the configured service, and store the results (made from the current text; one whose
    original changed since is replaced); how many were made. A service that fails makes the task
    try again later; pages meanwhile show the original with its concepts in the reader's language."""
    translator = reading.get_translator()
    if translator is None:
        return 0
    postings = Posting.objects.filter(pk__in=posting_ids).prefetch_related("translations", "machine_translations")
    languages = [code for code in LANGUAGES if code in UN_LANGUAGES]
    made = 0
    failed = None
    for posting in postings:
        try:
            made += _machine_translate_one(posting, translator, languages)
        except TranslationError as error:
            failed = error
    if failed is not None:
        raise failed
    return made


CATCH_UP_LIMIT = 1000


def _lacks_machine_translation(posting: Posting, languages) -> bool:
    current = reading.source_hash(posting)
    done = {t.language for t in posting.translations.all()} | {posting.language}
    done |= {t.language for t in posting.machine_translations.all() if t.source_hash == current}
    return bool(set(languages) - done)


@background_task(label=gettext_lazy("Catch up on missing machine translations"), attempts=2, backoff=600)
def postings_machine_translate_catch_up() -> int:
    """Enqueue the translation of open postings that lack one made from their current text (a service
    configured after they were written, an import, a task that gave up while the service was down);
    at most CATCH_UP_LIMIT per run, how many. Nothing without a service, or while translations are
    still queued or running."""
    if not reading.machine_translation_configured() or task_pending(postings_machine_translate):
        return 0
    languages = [code for code in LANGUAGES if code in UN_LANGUAGES]
    postings = (
        Posting.objects.filter(status__in=OPEN_STATUSES, member__status=MemberStatus.ACTIVE)
        .only("pk", "language", "title", "description")
        .prefetch_related("translations", "machine_translations")
        .order_by("pk")
    )
    ids = []
    for posting in postings.iterator(chunk_size=500):
        if _lacks_machine_translation(posting, languages):
            ids.append(posting.pk)
            if len(ids) == CATCH_UP_LIMIT:
                break
    machine_translate_later(ids)
    return len(ids)
