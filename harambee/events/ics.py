"""iCalendar (RFC 5545) feeds of an event: the whole event with its sessions, or one session.

Written with the `icalendar` library, which escapes and folds lines; the venue's time zone is
included as a VTIMEZONE so that calendars place the sessions right, whatever the reader's zone.
"""

from datetime import timedelta

import icalendar
from django.utils import timezone

from harambee.postings.text import markdown_to_plain as plain_text_of_markdown

from .models import Event, Session

PRODID = "-//Harambee//Events//EN"


def _uid(kind: str, pk, slug: str, domain: str) -> str:
    """Unique and stable across feeds and edits (RFC 5545 does not require the "@host" form; an "@"
    would read as an e-mail address to the privacy checks of public pages)."""
    return f"{domain}/events/{slug}/{kind}/{pk}"


def _location(event: Event, session: Session | None = None) -> str:
    parts = [session.room if session else "", event.venue_name, event.city, event.country.name if event.country else ""]
    return ", ".join(p for p in parts if p)


def _session_component(event: Event, session: Session, *, url: str, domain: str, speakers) -> icalendar.Event:
    title, description = session.translation_for()
    component = icalendar.Event()
    component.add("uid", _uid("session", session.pk, event.slug, domain))
    component.add("dtstamp", timezone.now())
    component.add("dtstart", session.starts_at.astimezone(event.zone))
    component.add("dtend", session.ends_at.astimezone(event.zone))
    component.add("summary", title)
    lines = [plain_text_of_markdown(description)] if description else []
    if speakers:
        lines.append(", ".join(f"{s.name} ({s.affiliation})" if s.affiliation else s.name for s in speakers))
    lines.append(url)
    component.add("description", "\n\n".join(lines))
    location = _location(event, session)
    if location:
        component.add("location", location)
    component.add("url", url)
    component.add("last-modified", session.updated_at)
    if event.status == "cancelled":
        component.add("status", "CANCELLED")
    return component


def _calendar(event: Event, name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", event.time_zone)
    return calendar


def event_calendar(event: Event, sessions, *, url_of, domain: str, speakers_of) -> bytes:
    """The whole event: one all-day entry for its dates and one entry per session.
    `url_of(session or None)` gives the page of each; `speakers_of(session)` those who may be named."""
    title, description, _venue, _t = event.translation_for()
    calendar = _calendar(event, title)
    whole = icalendar.Event()
    whole.add("uid", _uid("event", event.pk, event.slug, domain))
    whole.add("dtstamp", timezone.now())
    whole.add("dtstart", event.start_date)
    whole.add("dtend", event.end_date + timedelta(days=1))  # DTEND of an all-day entry is exclusive
    whole.add("summary", title)
    whole.add("description", "\n\n".join(p for p in (plain_text_of_markdown(description), url_of(None)) if p))
    if _location(event):
        whole.add("location", _location(event))
    whole.add("url", url_of(None))
    if event.status == "cancelled":
        whole.add("status", "CANCELLED")
    calendar.add_component(whole)
    for session in sessions:
        calendar.add_component(
            _session_component(event, session, url=url_of(session), domain=domain, speakers=speakers_of(session))
        )
    calendar.add_missing_timezones()
    return calendar.to_ical()


def session_calendar(event: Event, session: Session, *, url: str, domain: str, speakers) -> bytes:
    """One session as a calendar of one entry."""
    calendar = _calendar(event, session.translation_for()[0])
    calendar.add_component(_session_component(event, session, url=url, domain=domain, speakers=speakers))
    calendar.add_missing_timezones()
    return calendar.to_ical()
