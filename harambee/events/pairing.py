"""Knowledge-exchange pairing, the events app's side (the engine is `core/pairing.py`, docs/pairing.md).

- the choices a profile offers: the postings' themes and the matching glossary's concepts, labelled
  in the reader's language (never raw codes);
- the engine's input from the profiles of an event's approved delegates (`build_input`): their free
  text read through the matching glossary (`core.pairing.interest_from_text`, which calls the
  glossary tagger matching uses for postings) and, when an embedder is configured, the matching
  engine's vectors (`matching.embedding`);
- the evidence of a meeting as codes (`meeting_reasons`), and those codes in words in the reader's
  language (`explain`), at display time.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import numpy as np
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from harambee.core.formats import format_clock, format_day, format_listing, locale_for, time_zone_name
from harambee.matching.core.glossary import Glossary, default_glossary
from harambee.matching.embedding import embed_batched, get_embedder
from harambee.postings.choices import SECTORS, TARGET_GROUPS, THEMES

from .choices import LANGUAGES, RegistrationStatus, SessionKind
from .core.pairing import Interest, Meeting, PairingSpec, Participant, interest_from_text
from .models import (
    Event,
    PairingMeeting,
    PairingProfile,
    PairingRun,
    PairingRunStatus,
    PairingSwapRequest,
    Registration,
    SwapOutcome,
)

#: How many topics a sentence of an explanation names at most.
MAX_TOPICS = 3

# The glossary's areas that are not a theme or a sector of the postings' vocabularies.
OTHER_AREAS = {
    "modality": gettext_lazy("Ways of cooperating"),
    "target_group": gettext_lazy("People served"),
    "other_sector": gettext_lazy("Other sectors"),
    "general": gettext_lazy("General"),
}


def reader_language() -> str:
    return (get_language() or "en").split("-")[0]


def language_name(code: str) -> str:
    """A language as a sentence names it in the reader's language (CLDR: "French", "français", "الفرنسية")."""
    return locale_for().languages.get(code) or str(LANGUAGES.get(code, code))


def area_label(area: str) -> str:
    return str(THEMES.get(area) or SECTORS.get(area) or TARGET_GROUPS.get(area) or OTHER_AREAS.get(area) or area)


def concept_groups(language: str | None = None, glossary: Glossary | None = None) -> list[tuple[str, list]]:
    """The glossary's concepts by area, as (area label, [(concept id, label)]), labels in `language`,
    areas of the postings' themes first, then sectors, then the rest; each sorted by label."""
    glossary = glossary or default_glossary()
    language = language or reader_language()
    by_area: dict[str, list] = {}
    for concept in glossary.concepts.values():
        by_area.setdefault(concept.area, []).append((concept.id, concept.label(language)))
    order = [*THEMES, *SECTORS, *OTHER_AREAS]
    areas = sorted(by_area, key=lambda a: (order.index(a) if a in order else len(order), a))
    return [(area_label(a), sorted(by_area[a], key=lambda item: item[1].casefold())) for a in areas]


def topic_label(kind: str, code: str, language: str | None = None, glossary: Glossary | None = None) -> str:
    """A theme's or a concept's label in the reader's language ("theme" or "concept")."""
    if kind == "theme":
        return str(THEMES.get(code, code))
    concept = (glossary or default_glossary()).concepts.get(code)
    return concept.label(language or reader_language()) if concept else code


def concept_labels(ids, language: str | None = None) -> list[str]:
    return [topic_label("concept", c, language) for c in ids]


# ---------------------------------------------------------------------------------------------------
# The engine's input


def profiles_for_pairing(event: Event) -> QuerySet[PairingProfile]:
    """The profiles of the event's approved delegates, in registration order (the engine's order)."""
    return (
        PairingProfile.objects.filter(registration__event=event, registration__status=RegistrationStatus.APPROVED)
        .select_related("registration__member__country")
        .order_by("registration_id")
    )


def _ticked(profile: PairingProfile, side: str) -> dict[str, float]:
    return {c: 1.0 for c in getattr(profile, f"{side}_concepts")}


def build_input(
    run: PairingRun, profiles, *, glossary: Glossary | None = None, embed: bool = True
) -> tuple[list[Participant], PairingSpec]:
    """The engine's participants and specification for `run` from `profiles` (PairingProfile rows).

    Each side (share, learn) is an `Interest`: the concepts found in the free text by the matching
    glossary, merged with the concepts and themes ticked; with an embedder (and `embed`), the text's
    vector. Languages are the profile's; interpretation is the event's `interpretation_languages`;
    availability is every round but those the person cannot attend; "do not pair with my own
    delegation" is the profile's choice, the delegation the registration's member."""
    glossary = glossary or default_glossary()
    profiles = list(profiles)
    vectors: dict[tuple[int, str], np.ndarray] = {}
    embedder = get_embedder() if embed else None
    if embedder is not None:
        keys = [(p.pk, side) for p in profiles for side in ("share", "learn") if getattr(p, f"{side}_text").strip()]
        texts = [getattr(p, f"{side}_text").strip() for p in profiles for side in ("share", "learn")
                 if getattr(p, f"{side}_text").strip()]  # fmt: skip
        if texts:
            vectors = dict(zip(keys, embed_batched(embedder, texts), strict=True))
    participants = []
    for profile in profiles:
        registration = profile.registration
        unavailable = {int(r) for r in profile.unavailable_rounds}
        available = None
        if unavailable:
            available = frozenset(r - 1 for r in range(1, run.rounds + 1) if r not in unavailable)
        sides = {}
        for side in ("share", "learn"):
            sides[side] = interest_from_text(
                getattr(profile, f"{side}_text"),
                profile.text_language,
                glossary,
                themes=getattr(profile, f"{side}_themes"),
                concepts=_ticked(profile, side),
                vector=vectors.get((profile.pk, side)),
            )
        participants.append(
            Participant(
                id=str(registration.pk),
                delegation=registration.member.code,
                languages=frozenset(profile.languages),
                available=available,
                share=sides["share"],
                learn=sides["learn"],
                avoid_own_delegation=profile.avoid_own_delegation,
            )
        )
    spec = PairingSpec(
        rounds=run.rounds,
        tables=run.tables,
        interpretation_languages=frozenset(run.event.interpretation_languages),
    )
    return participants, spec


def without_round(participant: Participant, round_: int, rounds: int) -> Participant:
    """`participant` no longer free in `round_` (0-based): for a repair that must not seat them there."""
    attends = participant.available if participant.available is not None else frozenset(range(rounds))
    return replace(participant, available=frozenset(attends - {round_}))


# ---------------------------------------------------------------------------------------------------
# Explanations: codes when stored, words when shown


def _topics(interest: Interest) -> set[str]:
    return {f"c:{c}" for c in interest.concepts} | {f"t:{t}" for t in interest.themes}


def meeting_reasons(meeting: Meeting, people: dict[str, Participant]) -> dict:
    """The evidence of `meeting` as codes: what each side can share that the other wants to learn
    (theme codes and concept ids, weightiest first), the topics on both profiles, the common
    languages or interpretation. Nothing in words: `explain` says it in the reader's language."""
    a, b = people[meeting.a], people[meeting.b]
    common = (_topics(a.share) | _topics(a.learn)) & (_topics(b.share) | _topics(b.learn))
    return {
        "a_gives": {"themes": list(meeting.a_gives.themes), "concepts": list(meeting.a_gives.concepts),
                    "score": round(meeting.a_gives.score, 4)},
        "b_gives": {"themes": list(meeting.b_gives.themes), "concepts": list(meeting.b_gives.concepts),
                    "score": round(meeting.b_gives.score, 4)},
        "common": {"themes": sorted(t[2:] for t in common if t.startswith("t:")),
                   "concepts": sorted(c[2:] for c in common if c.startswith("c:"))},
        "languages": list(meeting.languages),
        "interpreted": meeting.interpreted,
    }  # fmt: skip


def _topic_words(part: dict, language: str, exclude: set[str] = frozenset()) -> list[str]:
    words = [topic_label("theme", t) for t in part.get("themes", []) if t not in exclude]
    words += [topic_label("concept", c, language) for c in part.get("concepts", []) if c not in exclude]
    return words[:MAX_TOPICS]


def explain(reasons: dict, *, reader_is_a: bool, partner: str) -> list[str]:
    """The sentences that explain a meeting to one of its two people, in the active language.

    "You both work on data governance." "Amina (Zambia) can share data-protection law, which you
    want to learn." "You can share …, which … wants to learn." "You share French." — `partner` is
    how the other person is named ("Amina (Zambia)")."""
    language = reader_language()
    mine, theirs = ("a_gives", "b_gives") if reader_is_a else ("b_gives", "a_gives")
    sentences = []
    given = {
        code for side in (mine, theirs) for key in ("themes", "concepts") for code in reasons.get(side, {}).get(key, [])
    }
    both = _topic_words(reasons.get("common", {}), language, exclude=given)
    if both:
        sentences.append(_("You both work on %(topics)s.") % {"topics": format_listing(both)})
    gets = _topic_words(reasons.get(theirs, {}), language)
    if gets:
        sentences.append(
            _("%(partner)s can share %(topics)s, which you want to learn.")
            % {"partner": partner, "topics": format_listing(gets)}
        )
    gives = _topic_words(reasons.get(mine, {}), language)
    if gives:
        sentences.append(
            _("You can share %(topics)s, which %(partner)s wants to learn.")
            % {"partner": partner, "topics": format_listing(gives)}
        )
    scores = reasons.get(mine, {}).get("score", 0) + reasons.get(theirs, {}).get("score", 0)
    if not both and not gets and not gives and scores > 0:
        sentences.append(_("What you both wrote is close in meaning."))
    if not both and not gets and not gives and not scores:
        sentences.append(_("Your profiles do not meet on a topic: this meeting widens your network."))
    languages = [language_name(c) for c in reasons.get("languages", []) if c in LANGUAGES]
    if languages:
        sentences.append(_("You share %(languages)s.") % {"languages": format_listing(languages)})
    elif reasons.get("interpreted"):
        sentences.append(_("You meet with interpretation."))
    return sentences


def knowledge_exchange_sessions(event: Event) -> QuerySet:
    """The event's knowledge-exchange sessions, which a pairing run may be tied to."""
    return event.sessions.filter(kind=SessionKind.KNOWLEDGE_EXCHANGE).order_by("starts_at", "pk")


# ---------------------------------------------------------------------------------------------------
# Reads for the pages


def latest_done_run(event: Event) -> PairingRun | None:
    """The event's pairing the delegates see: the last one computed."""
    return (
        PairingRun.objects.filter(event=event, status=PairingRunStatus.DONE)
        .select_related("session")
        .order_by("-finished_at", "-pk")
        .first()
    )


def runs_of(event: Event) -> QuerySet[PairingRun]:
    return PairingRun.objects.filter(event=event).select_related("session").order_by("-created_at", "-pk")


def person_label(registration: Registration) -> str:
    """How a delegate is named to the people they meet: "Amina Banda (Zambia)"."""
    return _("%(name)s (%(delegation)s)") % {
        "name": registration.full_name,
        "delegation": registration.member.display_name,
    }


def meetings_of_run(run: PairingRun) -> list[PairingMeeting]:
    """Every meeting of `run` with both delegates and their members (one query)."""
    return list(
        PairingMeeting.objects.filter(run=run)
        .select_related("a__member__country", "b__member__country")
        .order_by("round", "table")
    )


def round_times(run: PairingRun, event: Event, number: int) -> dict:
    """Round `number`'s start and end at the venue and in the reader's zone (the platform's: UTC)."""
    start = run.round_start(number)
    if start is None:
        return {}
    end = start + timedelta(minutes=run.minutes)
    venue = "–".join(format_clock(m, event.time_zone) for m in (start, end))
    times = {"day": format_day(start.astimezone(event.zone).date()), "venue": venue, "reader": ""}
    if event.time_zone != settings.TIME_ZONE:
        times["reader"] = "{} {}".format("–".join(format_clock(m) for m in (start, end)), time_zone_name(value=start))
    return times


def schedule_of(run: PairingRun, registration: Registration, meetings: list[PairingMeeting], swaps=()) -> list[dict]:
    """A delegate's rounds in `run`: each with its times, and the meeting (table, partner, the
    explanation in the reader's language, the answers) or why there is none; a swap request of the
    round that waits for the host (`swaps`: the run's requests)."""
    profile = getattr(registration, "pairing_profile", None)
    unavailable = set(profile.unavailable_rounds) if profile else set()
    mine = {m.round: m for m in meetings if registration.pk in (m.a_id, m.b_id)}
    rows = []
    for number in range(1, run.rounds + 1):
        row = {"round": number, "times": round_times(run, run.event, number), "meeting": None}
        row["waiting"] = any(
            s.registration_id == registration.pk and s.round == number and s.outcome == SwapOutcome.WITH_HOST
            for s in swaps
        )
        meeting = mine.get(number)
        if meeting is not None:
            is_a = meeting.a_id == registration.pk
            partner = meeting.b if is_a else meeting.a
            row.update(
                meeting=meeting,
                partner=person_label(partner),
                partner_language=partner.language,
                sentences=explain(meeting.reasons, reader_is_a=is_a, partner=person_label(partner)),
                accepted=(meeting.a_answer if is_a else meeting.b_answer) == PairingMeeting.Answer.ACCEPTED,
                partner_accepted=(meeting.b_answer if is_a else meeting.a_answer) == PairingMeeting.Answer.ACCEPTED,
            )
        elif number in unavailable:
            row["absent"] = _("You said you cannot attend this round.")
        else:
            row["absent"] = _("You sit out this round: nobody else free could meet you in a shared language.")
        rows.append(row)
    return rows


def grid_of(run: PairingRun, meetings: list[PairingMeeting]) -> list[dict]:
    """The host's grid: per round, its times, its meetings by table (both delegates named) and who sits out."""
    names = {m.a_id: person_label(m.a) for m in meetings} | {m.b_id: person_label(m.b) for m in meetings}
    out = {}
    if run.sit_outs:
        missing = {i for ids in run.sit_outs for i in ids} - set(names)
        for registration in Registration.objects.filter(pk__in=missing).select_related("member__country"):
            names[registration.pk] = person_label(registration)
    rows = []
    for number in range(1, run.rounds + 1):
        in_round = [m for m in meetings if m.round == number]
        out = run.sit_outs[number - 1] if len(run.sit_outs) >= number else []
        rows.append(
            {
                "round": number,
                "times": round_times(run, run.event, number),
                "meetings": [
                    {"meeting": m, "a": names[m.a_id], "b": names[m.b_id],
                     "accepted": sum(1 for x in (m.a_answer, m.b_answer) if x)}
                    for m in in_round
                ],
                "sit_outs": [names.get(i, "?") for i in out],
            }
        )  # fmt: skip
    return rows


def swap_requests_of(run: PairingRun) -> QuerySet[PairingSwapRequest]:
    return (
        PairingSwapRequest.objects.filter(run=run)
        .select_related("registration__member__country", "old_partner__member__country", "new_partner__member__country")
        .order_by("-created_at", "-pk")
    )
