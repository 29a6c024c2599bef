"""Web forms for needs and offers. `PostingForm` only carries what was typed: it builds the
interchange dict that `parse_posting` validates (the one check of a posting, shared with the API and
the import), so that the same input gets the same translated message everywhere."""

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee.registry.models import Region

from .choices import (
    CAPACITY_UNITS,
    CHANNELS,
    COUNTRY_GROUPS,
    FORMATS,
    LANGUAGES,
    MODALITIES,
    SDG_NUMBERS,
    SECTORS,
    TARGET_GROUPS,
    THEMES,
    PostingKind,
    sdg_label,
)
from .validation import MAX_DESCRIPTION, MAX_TITLE


def _choices(mapping):
    return list(mapping.items())


class _Carried:
    """A field that draws its choices or limit but leaves checking the value to `parse_posting`."""

    def valid_value(self, value):
        return True


class CarriedChoice(_Carried, forms.ChoiceField):
    pass


class CarriedMultipleChoice(_Carried, forms.MultipleChoiceField):
    pass


class CarriedText(forms.CharField):
    """Text whose length `parse_posting` checks (the browser is told the limit)."""

    def __init__(self, *, limit: int | None = None, **kwargs):
        self.limit = limit  # before the field's own set-up, which asks `widget_attrs`
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if self.limit and not widget.is_hidden:
            attrs["maxlength"] = str(self.limit)
        return attrs


def _date_field(label):
    return forms.CharField(label=label, required=False, widget=forms.DateInput(attrs={"type": "date"}))


class PostingForm(forms.Form):
    member = forms.ChoiceField(label=_("For member"))
    title = CarriedText(label=_("Title"), limit=MAX_TITLE)
    description = CarriedText(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 8}),
        limit=MAX_DESCRIPTION,
        help_text=_("Markdown: *emphasis*, lists, links. Say what, for whom, where and when."),
    )
    language = CarriedChoice(
        label=_("Language of the text"),
        required=False,
        choices=[("", _("Detect automatically"))] + _choices(LANGUAGES),
    )
    modalities = CarriedMultipleChoice(
        label=_("Modalities"), required=False, choices=_choices(MODALITIES), widget=forms.CheckboxSelectMultiple
    )
    themes = CarriedMultipleChoice(
        label=_("Themes"), required=False, choices=_choices(THEMES), widget=forms.CheckboxSelectMultiple
    )
    sectors = CarriedMultipleChoice(
        label=_("Sectors"), required=False, choices=_choices(SECTORS), widget=forms.CheckboxSelectMultiple
    )
    target_groups = CarriedMultipleChoice(
        label=_("Target groups"), required=False, choices=_choices(TARGET_GROUPS), widget=forms.CheckboxSelectMultiple
    )
    sdgs = CarriedMultipleChoice(
        label=_("Sustainable Development Goals"), required=False, widget=forms.CheckboxSelectMultiple
    )
    channel = CarriedChoice(label=_("Cooperation channel"), required=False, choices=[("", "—")] + _choices(CHANNELS))
    delivery_languages = CarriedMultipleChoice(
        label=_("Working languages"), required=False, choices=_choices(LANGUAGES), widget=forms.CheckboxSelectMultiple
    )
    format = CarriedChoice(label=_("Format"), required=False, choices=[("", "—")] + _choices(FORMATS))
    location = CarriedText(label=_("Location"), required=False, limit=200)
    capacity_unit = CarriedChoice(
        label=_("Capacity unit"), required=False, choices=[("", "—")] + _choices(CAPACITY_UNITS)
    )
    capacity_value = CarriedText(label=_("Capacity"), required=False, limit=20)
    currency = CarriedText(
        label=_("Currency"), required=False, limit=3, help_text=_("ISO 4217 code, for an amount: USD, EUR, CNY…")
    )
    apply_by = _date_field(_("Apply by"))
    start = _date_field(_("Start"))
    end = _date_field(_("End"))
    eligible_groups = CarriedMultipleChoice(
        label=_("Only for these country groups"),
        required=False,
        choices=[(g, g) for g in COUNTRY_GROUPS],
        widget=forms.CheckboxSelectMultiple,
    )
    eligible_regions = CarriedMultipleChoice(label=_("Only for these regions"), required=False)
    eligible_members = forms.CharField(
        label=_("Only for these members"),
        required=False,
        max_length=1000,
        help_text=_("Member codes separated by commas, e.g. ZMB, NPL, TSINGHUA."),
    )
    reason = forms.CharField(label=_("Reason for the change"), required=False, max_length=500)

    def __init__(self, *args, kind: str, members, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["member"].choices = [(m.code, m.display_name) for m in members]
        self.fields["sdgs"].choices = [(n, sdg_label(n)) for n in SDG_NUMBERS]
        self.fields["eligible_regions"].choices = [
            (r.code, r.name) for r in Region.objects.filter(level__lte=2).order_by("code")
        ]
        if kind == PostingKind.NEED:
            for name in ("eligible_groups", "eligible_regions", "eligible_members"):
                del self.fields[name]
        if editing:
            del self.fields["member"]
        else:
            del self.fields["reason"]
        for language in LANGUAGES:
            self.fields[f"tr_{language}_title"] = CarriedText(label=_("Title"), required=False, limit=MAX_TITLE)
            self.fields[f"tr_{language}_description"] = CarriedText(
                label=_("Description"), required=False, limit=MAX_DESCRIPTION, widget=forms.Textarea(attrs={"rows": 4})
            )
            self.fields[f"tr_{language}_origin"] = CarriedChoice(
                label=_("Translated by"),
                choices=[("human", _("A person")), ("machine", _("A machine"))],
                required=False,
            )
            self.fields[f"tr_{language}_verified"] = forms.BooleanField(label=_("Verified"), required=False)

    def translation_groups(self):
        """(language label, [bound fields]) for the template's collapsible translation sections."""
        return [
            (code, label, [self[f"tr_{code}_{part}"] for part in ("title", "description", "origin", "verified")])
            for code, label in LANGUAGES.items()
        ]

    def main_fields(self):
        return [field for field in self if not field.name.startswith("tr_")]

    def interchange(self, *, external_id: str, member_code: str) -> dict:
        """The cleaned form as an interchange dict for `parse_posting`."""
        data = self.cleaned_data
        capacity = None
        if data.get("capacity_unit") or data.get("capacity_value"):
            capacity = {data.get("capacity_unit") or "seats": data.get("capacity_value") or 0}
            if data.get("capacity_unit") == "amount" or data.get("currency"):
                capacity["currency"] = (data.get("currency") or "").upper()
            if not data.get("capacity_unit") or not data.get("capacity_value"):
                capacity = {"?": None}  # both or neither: parse_posting reports it
        result = {
            "id": external_id,
            "kind": self.kind,
            "member": member_code,
            "title": data["title"],
            "description": data["description"],
            "language": data.get("language") or None,
            "capacity": capacity,
            "start": data.get("start") or None,
            "end": data.get("end") or None,
            "apply_by": data.get("apply_by") or None,
            "eligible_members": [c.strip() for c in (data.get("eligible_members") or "").split(",") if c.strip()],
        }
        for name in (
            "modalities", "themes", "sectors", "target_groups", "channel", "delivery_languages", "format",
            "location", "eligible_groups", "eligible_regions",
        ):  # fmt: skip
            if name in data:
                result[name] = data[name]
        result["sdgs"] = [int(n) if n.isdigit() else n for n in data.get("sdgs", [])]
        result["translations"] = [
            {
                "language": code,
                "title": data.get(f"tr_{code}_title", ""),
                "description": data.get(f"tr_{code}_description", ""),
                "origin": data.get(f"tr_{code}_origin") or "human",
                "verified": data.get(f"tr_{code}_verified", False),
            }
            for code in LANGUAGES
            if data.get(f"tr_{code}_title") or data.get(f"tr_{code}_description")
        ]
        return result

    @staticmethod
    def initial_from(interchange: dict) -> dict:
        initial = dict(interchange)
        capacity = interchange.get("capacity") or {}
        for unit in CAPACITY_UNITS:
            if unit in capacity:
                initial["capacity_unit"], initial["capacity_value"] = unit, capacity[unit]
        initial["currency"] = capacity.get("currency", "")
        initial["eligible_members"] = ", ".join(interchange.get("eligible_members", []))
        for translation in interchange.get("translations", []):
            for part in ("title", "description", "origin", "verified"):
                initial[f"tr_{translation['language']}_{part}"] = translation[part]
        return initial


FIELD_OF_ERROR = {"capacity": "capacity_value", "id": None, "kind": None}


class TransitionForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=1000)


class ImportForm(forms.Form):
    member = forms.ChoiceField(label=_("Import as member"))
    file = forms.FileField(label=_("JSON Lines file"), help_text=_("One posting per line, UTF-8."))

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [(m.code, m.display_name) for m in members]
