"""Forms of knowledge-exchange pairing: a delegate's profile, the host's set-up of a run."""

from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee.postings.choices import THEMES

from .choices import LANGUAGES
from .pairing import concept_groups, reader_language
from .pairing_services import MAX_ROUNDS, MAX_TEXT, ProfileInput


class _Carried:
    """Choices drawn for the page; the service checks the values (one check, one message)."""

    def valid_value(self, value):
        return True


class CarriedMultipleChoice(_Carried, forms.MultipleChoiceField):
    pass


def _themes(label):
    return CarriedMultipleChoice(
        label=label, required=False, choices=list(THEMES.items()), widget=forms.CheckboxSelectMultiple
    )


def _concepts(label):
    return CarriedMultipleChoice(
        label=label,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Choose several with Ctrl (⌘ on a Mac) or by touching them on a phone."),
    )


class ProfileForm(forms.Form):
    share_themes = _themes(_("Themes you can share"))
    share_concepts = _concepts(_("Topics you can share"))
    share_text = forms.CharField(
        label=_("What you can share, in your words"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("In any UN language; the platform reads the topics in it."),
    )
    learn_themes = _themes(_("Themes you want to learn about"))
    learn_concepts = _concepts(_("Topics you want to learn about"))
    learn_text = forms.CharField(
        label=_("What you want to learn, in your words"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    text_language = forms.ChoiceField(label=_("Language of your text"), choices=list(LANGUAGES.items()))
    languages = CarriedMultipleChoice(
        label=_("Languages you can meet in"), choices=list(LANGUAGES.items()), widget=forms.CheckboxSelectMultiple
    )
    unavailable_rounds = forms.TypedMultipleChoiceField(
        label=_("Rounds you cannot attend"), required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    avoid_own_delegation = forms.BooleanField(
        label=_("Do not pair me with my own delegation"), required=False, initial=True
    )

    def __init__(self, *args, rounds: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        groups = concept_groups(reader_language())
        for name in ("share_concepts", "learn_concepts"):
            self.fields[name].choices = groups
        if rounds:
            self.fields["unavailable_rounds"].choices = [
                (n, _("Round %(number)s") % {"number": n}) for n in range(1, min(rounds, MAX_ROUNDS) + 1)
            ]
        else:
            del self.fields["unavailable_rounds"]

    @staticmethod
    def initial_from(profile, registration) -> dict:
        if profile is None:
            return {"text_language": registration.language, "languages": [registration.language],
                    "avoid_own_delegation": True}  # fmt: skip
        names = (
            "share_themes", "share_concepts", "share_text", "learn_themes", "learn_concepts", "learn_text",
            "text_language", "languages", "unavailable_rounds", "avoid_own_delegation",
        )  # fmt: skip
        return {name: getattr(profile, name) for name in names}

    def to_input(self) -> ProfileInput:
        data = self.cleaned_data
        return ProfileInput(
            languages=list(data["languages"]),
            text_language=data["text_language"],
            share_themes=list(data["share_themes"]),
            share_concepts=list(data["share_concepts"]),
            share_text=data["share_text"],
            learn_themes=list(data["learn_themes"]),
            learn_concepts=list(data["learn_concepts"]),
            learn_text=data["learn_text"],
            unavailable_rounds=list(data.get("unavailable_rounds") or []),
            avoid_own_delegation=data["avoid_own_delegation"],
        )


class RunForm(forms.Form):
    rounds = forms.IntegerField(label=_("Rounds"), min_value=1, max_value=MAX_ROUNDS, initial=4)
    minutes = forms.IntegerField(label=_("Minutes per round"), min_value=5, max_value=180, initial=20)
    tables = forms.IntegerField(
        label=_("Tables"), min_value=1, max_value=1000, help_text=_("One meeting of two per table and round.")
    )
    session = forms.TypedChoiceField(
        label=_("Knowledge-exchange session"), required=False, coerce=int, empty_value=None
    )
    day = forms.DateField(
        label=_("Or: day of the first round"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    start = forms.TimeField(
        label=_("Time of the first round, at the venue"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )

    def __init__(self, *args, event, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.sessions = {s.pk: s for s in sessions}
        self.fields["session"].choices = [("", "—")] + [(s.pk, s.translation_for()[0]) for s in sessions]

    def clean(self):
        data = super().clean()
        if data.get("day") and not data.get("start"):
            self.add_error("start", _("Give the time of the first round."))
        return data

    def session_obj(self):
        return self.sessions.get(self.cleaned_data.get("session"))

    def starts_at(self) -> datetime | None:
        data = self.cleaned_data
        if data.get("day") and data.get("start"):
            return self.event.at(data["day"], data["start"])
        return None
