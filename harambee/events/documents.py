"""A delegate's documents as PDF, in the delegate's language: badge, visa invitation letter, certificate.

Who may have which document is decided here, once (`refusal`): the views, the batch task and the API
ask it and show its sentence. The rules:

* **badge**: an approved delegate of an event that is not cancelled;
* **visa letter**: the same, who asked for one and whose passport details are given (nationality and
  passport number), and not after those details were erased;
* **certificate of participation**: an approved delegate once the event has begun (its first day at
  the venue); when the host checks people in (some delegate of the event has an attendance), only the
  delegates who were checked in.

Each document is an HTML template (`events/documents/<kind>.html`) rendered in the delegate's language
(gettext, dates by Babel, the event's title from its translation in that language) and printed by
`harambee.core.pdf.render_pdf` with the fonts that ship with the project. A batch puts many
delegates' documents in one HTML document, each page in its delegate's language and direction: the
fonts are then embedded once for the lot (docs/performance.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import segno
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from harambee.core import formats
from harambee.core.pdf import render_pdf

from .choices import DocumentKind, EventStatus, RegistrationStatus
from .models import Event, Registration

#: A registration's language (a content language: "zh") as a site language ("zh-hans").
SITE_LANGUAGE = {"zh": "zh-hans"}
RTL_LANGUAGES = {"ar"}

TEMPLATES = {
    DocumentKind.BADGE: "events/documents/badge.html",
    DocumentKind.VISA_LETTER: "events/documents/visa_letter.html",
    DocumentKind.CERTIFICATE: "events/documents/certificate.html",
}


def site_language(language: str) -> str:
    return SITE_LANGUAGE.get(language, language)


@dataclass(frozen=True)
class Attendances:
    """What the certificate rule needs to know of check-in at one event: whether anyone was checked in
    at all, and which registrations were (ids). From `selectors.event_attendances`."""

    check_in_used: bool = False
    attended: frozenset[int] = frozenset()


def event_today(event: Event) -> date:
    return timezone.localdate(timezone=event.zone)


def refusal(
    registration: Registration, kind: str, *, attendances: Attendances, today: date | None = None
) -> str | None:
    """Why `registration` may not have the document `kind` now (a sentence in the active language), or
    None when it may. The one rule; see the module's docstring."""
    event = registration.event
    if event.status == EventStatus.CANCELLED:
        return _("The event was cancelled: it has no documents.")
    if registration.status != RegistrationStatus.APPROVED:
        return _("Documents are made for approved delegates only; this delegate is “%(status)s”.") % {
            "status": registration.get_status_display()
        }
    if kind == DocumentKind.VISA_LETTER:
        if not registration.visa_letter_requested:
            return _("This delegate did not ask for a visa invitation letter.")
        if registration.personal_data_erased_at is not None:
            return _("The delegate's passport details were erased after the event: no visa letter can be made.")
        if not (registration.passport_number.strip() and registration.nationality_id):
            return _(
                "The visa letter needs the delegate's nationality and passport number: complete the registration first."
            )
    elif kind == DocumentKind.CERTIFICATE:
        today = today or event_today(event)
        if today < event.start_date:
            return _("Certificates of participation can be had from the first day of the event, %(date)s.") % {
                "date": formats.format_day(event.start_date)
            }
        if attendances.check_in_used and registration.pk not in attendances.attended:
            return _("This delegate was not checked in at the event: no certificate of participation.")
    elif kind != DocumentKind.BADGE:
        return _("There is no such document.")
    return None


def qr_svg(code: str) -> str:
    """The badge's QR code (the badge code alone: no personal data) as inline SVG, for check-in."""
    return segno.make(code, error="m", micro=False).svg_inline(scale=1, border=2, omitsize=True, svgclass="qr")


def _section(registration: Registration, kind: str, *, issued_on: date) -> str:
    """One delegate's document as an HTML section in the delegate's language and direction."""
    event = registration.event
    language = registration.language
    with translation.override(site_language(language)):
        title, _description, venue_details, _translation = event.translation_for(language)
        context = {
            "registration": registration,
            "event": event,
            "language": site_language(language),
            "direction": "rtl" if language in RTL_LANGUAGES else "ltr",
            "title": title,
            "venue_details": venue_details,
            "dates": formats.format_day_range(event.start_date, event.end_date),
            "zone_label": formats.time_zone_label(event.time_zone),
            "issued_on": formats.format_day(issued_on),
            "host": event.host.display_name,
            "delegation": registration.member.display_name,
            "venue_parts": [
                part for part in (event.venue_name, event.city, event.country.name if event.country_id else "") if part
            ],
            "nationality": registration.nationality.name if registration.nationality_id else "",
            "passport_expiry": formats.format_day(registration.passport_expiry),
            "date_of_birth": formats.format_day(registration.date_of_birth),
            "qr": mark_safe(qr_svg(registration.badge_code)) if registration.badge_code else "",  # noqa: S308
            "reference": f"{event.slug}/{registration.pk}",
        }
        return render_to_string(TEMPLATES[DocumentKind(kind)], context)


def document_html(registrations, kind: str, *, issued_on: date | None = None) -> str:
    """The HTML document of `kind` for `registrations` (each on its own pages, in its own language);
    the document's own language is the first delegate's."""
    registrations = list(registrations)
    first = registrations[0].language if registrations else "en"
    sections = [_section(r, kind, issued_on=issued_on or timezone.localdate()) for r in registrations]
    return render_to_string(
        "events/documents/document.html",
        {
            "language": site_language(first),
            "direction": "rtl" if first in RTL_LANGUAGES else "ltr",
            "kind": kind,
            "sections": mark_safe("\n".join(sections)),  # noqa: S308 (rendered templates, escaped)
        },
    )


def render_documents(registrations, kind: str, *, issued_on: date | None = None) -> bytes:
    """One PDF with the document `kind` of each of `registrations`; the caller has checked `refusal`
    for each and assigned badge codes (`services.registration_assign_badge_codes`)."""
    return render_pdf(document_html(registrations, kind, issued_on=issued_on))


def filename(registration: Registration, kind: str) -> str:
    """The download's file name: ASCII, without the delegate's name (it may travel in logs)."""
    return f"{registration.event.slug}-{kind}-{registration.pk}-{registration.language}.pdf"
