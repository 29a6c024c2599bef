"""Web forms for events and their agenda. The forms check the shape of what was typed (dates,
numbers, choices); the services check the rules (time zone, dates, agenda within the event), so the
web and the API give the same translated message."""

from datetime import time, timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee.registry.models import Country

from .choices import FORMATS, LANGUAGES, SessionKind
from .models import Event, EventSeries, Session
from .services import EventInput, SessionInput, TranslationInput

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _languages(label):
    return forms.MultipleChoiceField(
        label=label, required=False, choices=list(LANGUAGES.items()), widget=forms.CheckboxSelectMultiple
    )


class TranslatedForm(forms.Form):
    """Adds per-language fields `tr_<lang>_<part>` for the `TRANSLATED` parts, shown in collapsible groups."""

    TRANSLATED: tuple[tuple[str, object, int, bool], ...] = ()  # (part, label, max length, multiline)

    def add_translation_fields(self) -> None:
        for code in LANGUAGES:
            for part, label, limit, multiline in self.TRANSLATED:
                widget = forms.Textarea(attrs={"rows": 3}) if multiline else None
                self.fields[f"tr_{code}_{part}"] = forms.CharField(
                    label=label, required=False, max_length=limit, widget=widget
                )

    def translation_groups(self):
        return [
            (code, label, [self[f"tr_{code}_{part}"] for part, *_rest in self.TRANSLATED])
            for code, label in LANGUAGES.items()
        ]

    def main_fields(self):
        return [field for field in self if not field.name.startswith("tr_")]

    def translations(self) -> list[TranslationInput]:
        data = self.cleaned_data
        result = []
        for code in LANGUAGES:
            parts = {part: data.get(f"tr_{code}_{part}", "") for part, *_rest in self.TRANSLATED}
            if any(parts.values()):
                result.append(TranslationInput(language=code, **parts))
        return result

    def initial_translations(self, translations) -> None:
        for translation in translations:
            for part, *_rest in self.TRANSLATED:
                self.initial[f"tr_{translation.language}_{part}"] = getattr(translation, part)


class EventForm(TranslatedForm):
    TRANSLATED = (
        ("title", _("Title"), 200, False),
        ("description", _("Description"), 20000, True),
        ("venue_details", _("Venue details"), 2000, True),
    )

    host = forms.ChoiceField(label=_("Host"))
    title = forms.CharField(label=_("Title"), max_length=200)
    slug = forms.SlugField(
        label=_("Short name"), max_length=80, help_text=_("Part of the address: letters, digits and hyphens.")
    )
    language = forms.ChoiceField(label=_("Language of the text"), choices=list(LANGUAGES.items()))
    description = forms.CharField(
        label=_("Description"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown: *emphasis*, lists, links."),
    )  # fmt: skip
    series = forms.ChoiceField(label=_("Series"), required=False)
    edition = forms.IntegerField(label=_("Edition"), required=False, min_value=1, max_value=1000)
    start_date = forms.DateField(label=_("First day"), widget=_DATE)
    end_date = forms.DateField(label=_("Last day"), widget=_DATE)
    time_zone = forms.CharField(
        label=_("Time zone of the venue"),
        max_length=64,
        help_text=_("An IANA name, e.g. Asia/Shanghai, Africa/Lusaka, UTC."),
    )
    format = forms.ChoiceField(label=_("Format"), choices=list(FORMATS.items()))
    venue_name = forms.CharField(label=_("Venue"), required=False, max_length=200)
    city = forms.CharField(label=_("City"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), required=False)
    venue_details = forms.CharField(
        label=_("Venue details"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Address, how to get there, accessibility."),
    )  # fmt: skip
    working_languages = _languages(_("Working languages"))
    interpretation_languages = _languages(_("Interpretation into"))
    capacity = forms.IntegerField(label=_("Capacity (participants)"), required=False, min_value=1, max_value=1_000_000)
    co_hosts = forms.MultipleChoiceField(
        label=_("Co-hosts"), required=False, widget=forms.SelectMultiple(attrs={"size": 6})
    )
    reason = forms.CharField(label=_("Reason for the change"), required=False, max_length=500)

    def __init__(self, *args, hosts, members, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {m.code: m for m in members}
        self.hosts = {m.code: m for m in hosts}
        self.fields["host"].choices = [(m.code, m.display_name) for m in hosts]
        self.fields["co_hosts"].choices = sorted(
            ((m.code, m.display_name) for m in members), key=lambda choice: choice[1].casefold()
        )
        self.fields["series"].choices = [("", "—")] + [(s.slug, s.display_name) for s in EventSeries.objects.all()]
        countries = sorted(Country.objects.all(), key=lambda c: c.name.casefold())
        self.fields["country"].choices = [("", "—")] + [(c.iso3, c.name) for c in countries]
        if editing:
            del self.fields["host"]
        else:
            del self.fields["reason"]
        self.add_translation_fields()

    @classmethod
    def initial_from(cls, event: Event) -> dict:
        initial = {name: getattr(event, name) for name in (
            "title", "slug", "language", "description", "edition", "start_date", "end_date", "time_zone", "format",
            "venue_name", "city", "venue_details", "working_languages", "interpretation_languages", "capacity",
        )}  # fmt: skip
        initial["series"] = event.series.slug if event.series else ""
        initial["country"] = event.country_id or ""
        initial["co_hosts"] = [m.code for m in event.co_hosts.all()]
        for translation in event.translations.all():
            for part, *_rest in cls.TRANSLATED:
                initial[f"tr_{translation.language}_{part}"] = getattr(translation, part)
        return initial

    def host_member(self):
        return self.hosts[self.cleaned_data["host"]]

    def to_input(self) -> EventInput:
        data = self.cleaned_data
        return EventInput(
            slug=data["slug"],
            title=data["title"],
            language=data["language"],
            description=data["description"],
            time_zone=data["time_zone"].strip(),
            start_date=data["start_date"],
            end_date=data["end_date"],
            format=data["format"],
            venue_name=data["venue_name"],
            venue_details=data["venue_details"],
            city=data["city"],
            country=Country.objects.filter(iso3=data["country"]).first() if data["country"] else None,
            series=EventSeries.objects.filter(slug=data["series"]).first() if data["series"] else None,
            edition=data["edition"],
            working_languages=data["working_languages"],
            interpretation_languages=data["interpretation_languages"],
            capacity=data["capacity"],
            co_hosts=[self.members[c] for c in data["co_hosts"]],
            translations=self.translations(),
        )


class SessionForm(TranslatedForm):
    TRANSLATED = (("title", _("Title"), 200, False), ("description", _("Description"), 5000, True))

    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=SessionKind.choices)
    day = forms.DateField(label=_("Day"), widget=_DATE)
    start = forms.TimeField(label=_("Starts"), widget=_TIME)
    end = forms.TimeField(label=_("Ends"), widget=_TIME)
    room = forms.CharField(label=_("Room"), required=False, max_length=120)
    languages = _languages(_("Languages of the session"))
    description = forms.CharField(
        label=_("Description"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        zone = event.time_zone
        for name in ("day", "start", "end"):
            self.fields[name].help_text = _("At the venue (%(zone)s).") % {"zone": zone}
        self.add_translation_fields()

    @classmethod
    def initial_from(cls, session: Session) -> dict:
        zone = session.event.zone
        start, end = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
        initial = {
            "title": session.title, "kind": session.kind, "day": start.date(), "start": start.time(),
            "end": end.time(), "room": session.room, "languages": session.languages, "description": session.description,
        }  # fmt: skip
        for translation in session.translations.all():
            for part, *_rest in cls.TRANSLATED:
                initial[f"tr_{translation.language}_{part}"] = getattr(translation, part)
        return initial

    def to_input(self) -> SessionInput:
        data = self.cleaned_data
        starts_at = self.event.at(data["day"], data["start"])
        ends_at = self.event.at(data["day"], data["end"])
        if data["end"] == time.min and data["start"] != time.min:  # until midnight: the next day begins
            ends_at = self.event.at(data["day"] + timedelta(days=1), time.min)
        return SessionInput(
            title=data["title"],
            kind=data["kind"],
            starts_at=starts_at,
            ends_at=ends_at,
            room=data["room"],
            languages=data["languages"],
            description=data["description"],
            translations=self.translations(),
        )


class SpeakerForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    affiliation = forms.CharField(label=_("Affiliation"), required=False, max_length=200)
    role = forms.CharField(label=_("Role"), required=False, max_length=100, help_text=_("e.g. moderator, panellist."))
    consent_public = forms.BooleanField(
        label=_("The speaker agrees to be named on the public page"),
        required=False,
        help_text=_("Without consent the public sees only the affiliation."),
    )
    position = forms.IntegerField(label=_("Order"), required=False, min_value=0, max_value=1000, initial=0)


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"), required=False, help_text=_("PDF, slides, documents or images, at most 20 MB.")
    )
    url = forms.CharField(label=_("Or a link"), required=False, max_length=500, help_text=_("https://…"))


class TransitionForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput, max_length=40)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=1000)
