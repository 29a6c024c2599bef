"""Web forms of an event's outcomes. They check the shape of what was typed; the services check the
rules (and the target's own service checks a need, offer, pledge or cooperation)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee.cooperation.models import PledgeUnit
from harambee.postings.choices import MODALITIES, THEMES

from .choices import LANGUAGES, ActionStatus, ActionTarget
from .outcomes import ActionInput, ConversionInput, NoteTranslationInput
from .survey import MAX_TEXT, RATINGS, survey

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SurveyForm(forms.Form):
    sign = forms.BooleanField(
        label=_("Sign my answers with my name"),
        required=False,
        help_text=_("Without it, the hosts see your answers among the others, never who gave them."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sign = self.fields.pop("sign")
        for question in survey().questions:
            if question.kind == "rating":
                self.fields[question.id] = forms.TypedChoiceField(
                    label=question.label(),
                    choices=[(n, str(n)) for n in RATINGS],
                    coerce=int,
                    required=question.required,
                    widget=forms.RadioSelect(attrs={"class": "inline"}),
                    help_text=_("1: %(low)s · 5: %(high)s")
                    % {"low": question.low_label(), "high": question.high_label()},
                )
            else:
                self.fields[question.id] = forms.CharField(
                    label=question.label(), required=question.required, max_length=MAX_TEXT,
                    widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
                )  # fmt: skip
        self.fields["sign"] = sign

    def answers(self) -> dict:
        return {
            q.id: self.cleaned_data.get(q.id)
            for q in survey().questions
            if self.cleaned_data.get(q.id) not in (None, "")
        }


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Notes"), required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
        help_text=_("In the event's language. Leave empty to remove the notes."),
    )  # fmt: skip

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        for code, label in LANGUAGES.items():
            if code != event.language:
                self.fields[f"tr_{code}_text"] = forms.CharField(
                    label=label, required=False, max_length=20000,
                    widget=forms.Textarea(attrs={"rows": 3, "dir": "auto", "lang": code}),
                )  # fmt: skip

    def main_fields(self):
        return [self["text"]]

    def translation_fields(self):
        return [self[name] for name in self.fields if name.startswith("tr_")]

    def translations(self) -> list[NoteTranslationInput]:
        return [
            NoteTranslationInput(language=name.split("_")[1], text=value)
            for name, value in self.cleaned_data.items()
            if name.startswith("tr_") and value.strip()
        ]

    @staticmethod
    def initial_from(note) -> dict:
        if note is None:
            return {}
        initial = {"text": note.text}
        for translation in note.translations.all():
            initial[f"tr_{translation.language}_text"] = translation.text
        return initial


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"})
    )
    owner = forms.ChoiceField(label=_("Owner (member)"))
    owner_person = forms.CharField(
        label=_("Person responsible"), required=False, max_length=200,
        help_text=_("Shown only to the hosts and the owner's people."),
    )  # fmt: skip
    due_date = forms.DateField(label=_("Due"), required=False, widget=_DATE)
    session = forms.ChoiceField(label=_("Session"), required=False)
    target_kind = forms.ChoiceField(label=_("To become"), required=False, choices=[("", "—"), *ActionTarget.choices])

    def __init__(self, *args, event, members, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {m.code: m for m in members}
        self.sessions = {str(s.pk): s for s in sessions}
        self.fields["owner"].choices = sorted(
            ((m.code, m.display_name) for m in members), key=lambda choice: choice[1].casefold()
        )
        self.fields["session"].choices = [("", "—")] + [(str(s.pk), s.title) for s in sessions]

    @staticmethod
    def initial_from(item) -> dict:
        return {
            "title": item.title, "description": item.description, "owner": item.owner.code,
            "owner_person": item.owner_person, "due_date": item.due_date,
            "session": str(item.session_id or ""), "target_kind": item.target_kind,
        }  # fmt: skip

    def to_input(self) -> ActionInput:
        data = self.cleaned_data
        return ActionInput(
            title=data["title"],
            description=data["description"],
            owner=self.members.get(data["owner"]),
            owner_person=data["owner_person"],
            due_date=data["due_date"],
            session=self.sessions.get(data["session"] or ""),
            target_kind=data["target_kind"],
        )


class ActionMoveForm(forms.Form):
    status = forms.ChoiceField(choices=ActionStatus.choices)


def _multi(label, choices, required=False):
    return forms.MultipleChoiceField(
        label=label, required=required, choices=list(choices.items()), widget=forms.CheckboxSelectMultiple
    )


class ConvertForm(forms.Form):
    """The fields the chosen target needs, prefilled from the action item (`initial_for`)."""

    FIELDS = {
        ActionTarget.NEED: ("title", "description", "language", "modalities", "themes", "delivery_languages"),
        ActionTarget.OFFER: ("title", "description", "language", "modalities", "themes", "delivery_languages"),
        ActionTarget.PLEDGE: ("title", "unit", "value", "currency", "theme", "period_start", "period_end"),
        ActionTarget.COOPERATION: (
            "provider", "beneficiary", "title", "description", "modality", "themes", "period_start", "period_end",
        ),
    }  # fmt: skip

    kind = forms.ChoiceField(label=_("Turn into"), choices=ActionTarget.choices, widget=forms.HiddenInput)
    provider = forms.ChoiceField(label=_("Provider"))
    beneficiary = forms.ChoiceField(label=_("Beneficiary"))
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"})
    )
    language = forms.ChoiceField(label=_("Language of the text"), choices=list(LANGUAGES.items()))
    modalities = _multi(_("Modalities"), MODALITIES)
    modality = forms.ChoiceField(label=_("Modality"), choices=[("", "—"), *MODALITIES.items()], required=False)
    themes = _multi(_("Themes"), THEMES)
    delivery_languages = _multi(_("Working languages"), LANGUAGES)
    unit = forms.ChoiceField(label=_("Unit"), choices=PledgeUnit.choices)
    value = forms.DecimalField(label=_("Pledged"), max_digits=16, decimal_places=2)
    currency = forms.CharField(label=_("Currency (amounts)"), max_length=3, required=False)
    theme = forms.ChoiceField(label=_("Theme"), choices=[("", "—"), *THEMES.items()], required=False)
    period_start = forms.DateField(label=_("From"), widget=_DATE)
    period_end = forms.DateField(label=_("Until"), widget=_DATE)

    def __init__(self, *args, kind: str, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.members = {m.code: m for m in members}
        keep = {"kind", *self.FIELDS[kind]}
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        choices = sorted(((m.code, m.display_name) for m in members), key=lambda choice: choice[1].casefold())
        for name in ("provider", "beneficiary"):
            if name in self.fields:
                self.fields[name].choices = [("", "—"), *choices]
        if kind == ActionTarget.COOPERATION:
            self.fields["period_start"].label = _("Planned start")
            self.fields["period_end"].label = _("Planned end")
            self.fields["period_start"].required = self.fields["period_end"].required = False
            self.fields["description"].required = False
            self.fields["modality"].required = True
        if kind == ActionTarget.PLEDGE:
            self.fields["title"].max_length = 300

    @staticmethod
    def initial_for(item, kind: str) -> dict:
        event = item.event
        return {
            "kind": kind, "title": item.title, "description": item.description, "language": event.language,
            "delivery_languages": list(event.working_languages), "provider": item.owner.code,
            "period_start": event.end_date, "period_end": item.due_date,
        }  # fmt: skip

    def to_input(self) -> ConversionInput:
        data = self.cleaned_data
        values = {name: data[name] for name in self.FIELDS[self.kind] if name not in ("provider", "beneficiary")}
        for name in ("provider", "beneficiary"):
            if name in data:
                values[name] = self.members.get(data[name])
        if "currency" in values:
            values["currency"] = values["currency"].upper().strip()
        return ConversionInput(**values)
