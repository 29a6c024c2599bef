from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from harambee.core.formats import time_zone_name

MODES = [("optimal", _("Optimal: the highest total match score")), ("stable", _("Stable: no justified envy"))]
FAIRNESS = [("none", _("None")), ("maxmin", _("Max-min fill across country groups"))]


class RoundForm(forms.Form):
    provider = forms.ChoiceField(label=_("Provider"))
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), max_length=5000, required=False, widget=forms.Textarea)
    offers = forms.MultipleChoiceField(label=_("Offers"), widget=forms.CheckboxSelectMultiple)
    deadline = forms.DateTimeField(
        label=_("Requests until"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=lazy(lambda: _("Date and time in %(zone)s.") % {"zone": time_zone_name()}, str)(),
    )
    mode = forms.ChoiceField(label=_("Mode"), choices=MODES, initial="optimal")
    bonus_ldc = forms.FloatField(label=_("Priority bonus for LDCs"), min_value=0, max_value=1, required=False)
    bonus_lldc = forms.FloatField(label=_("Priority bonus for LLDCs"), min_value=0, max_value=1, required=False)
    bonus_sids = forms.FloatField(label=_("Priority bonus for SIDS"), min_value=0, max_value=1, required=False)
    max_units_per_member = forms.IntegerField(label=_("Units per member at most"), min_value=1, required=False)
    reserve_ldc = forms.FloatField(
        label=_("Share of each offer reserved for LDCs"), min_value=0, max_value=1, required=False
    )
    fairness = forms.ChoiceField(label=_("Fairness"), choices=FAIRNESS, initial="none")

    def policy(self) -> dict:
        data = self.cleaned_data
        policy = {"mode": data["mode"], "fairness": data["fairness"]}
        bonus = {g: data[f"bonus_{g.lower()}"] for g in ("LDC", "LLDC", "SIDS") if data.get(f"bonus_{g.lower()}")}
        if bonus:
            policy["priority_bonus"] = bonus
        if data.get("max_units_per_member"):
            policy["max_units_per_member"] = data["max_units_per_member"]
        if data.get("reserve_ldc"):
            policy["reserve"] = {"LDC": data["reserve_ldc"]}
        return policy


class ApplyForm(forms.Form):
    member = forms.ChoiceField(label=_("Requesting member"))
    units = forms.IntegerField(label=_("Units requested (one per person nominated)"), min_value=1, max_value=100)
    nominees = forms.CharField(
        label=_("Nominees or purposes, one per line (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )
    need = forms.ChoiceField(label=_("The need this answers (optional)"), required=False)
    motivation = forms.CharField(label=_("Motivation"), max_length=5000, required=False, widget=forms.Textarea)
