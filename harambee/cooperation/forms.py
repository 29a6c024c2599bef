from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CooperationStatus, PledgeUnit


class ProgressForm(forms.Form):
    percent = forms.IntegerField(label=_("Percent done"), min_value=0, max_value=100)
    narrative = forms.CharField(label=_("What happened"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3}))
    links = forms.CharField(
        label=_("Links to attachments, one per line"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=300)
    due = forms.DateField(label=_("Due"), widget=forms.DateInput(attrs={"type": "date"}))


class MilestoneDoneForm(forms.Form):
    milestone = forms.IntegerField(widget=forms.HiddenInput)
    done_on = forms.DateField(label=_("Done on"), widget=forms.DateInput(attrs={"type": "date"}))


class ResultForm(forms.Form):
    title = forms.CharField(label=_("Result"), max_length=300)
    type = forms.ChoiceField(label=_("Type"), choices=[("1", _("Output")), ("2", _("Outcome"))])
    indicator = forms.CharField(label=_("Indicator"), max_length=300)
    baseline_year = forms.IntegerField(label=_("Baseline year"), min_value=1990, max_value=2100, required=False)
    baseline = forms.DecimalField(label=_("Baseline"), required=False, min_value=0)
    target = forms.DecimalField(label=_("Target"), min_value=0)


class IndicatorForm(forms.Form):
    indicator = forms.IntegerField(widget=forms.HiddenInput)
    actual = forms.DecimalField(label=_("Actual"), min_value=0)
    female = forms.IntegerField(label=_("of whom women"), min_value=0, required=False)
    male = forms.IntegerField(label=_("of whom men"), min_value=0, required=False)


class BudgetForm(forms.Form):
    period_start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    period_end = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.DecimalField(label=_("Value"), min_value=0)
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="USD")
    value_date = forms.DateField(label=_("Value date"), widget=forms.DateInput(attrs={"type": "date"}))


class TransactionForm(forms.Form):
    type = forms.ChoiceField(
        label=_("Type"), choices=[("2", _("Commitment")), ("3", _("Disbursement")), ("4", _("Expenditure"))]
    )
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.DecimalField(label=_("Value"), min_value=0)
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="USD")
    description = forms.CharField(label=_("Description"), max_length=500, required=False)


class DetailsForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=CooperationStatus.choices)
    planned_start = forms.DateField(
        label=_("Planned start"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    planned_end = forms.DateField(
        label=_("Planned end"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    actual_start = forms.DateField(
        label=_("Actual start"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    actual_end = forms.DateField(label=_("Actual end"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    dac_sectors = forms.CharField(label=_("DAC sectors (code:percentage, …)"), max_length=500, required=False)
    aid_type = forms.CharField(label=_("Aid type"), max_length=4, required=False)
    finance_type = forms.CharField(label=_("Finance type"), max_length=4)
    flow_type = forms.CharField(label=_("Flow type"), max_length=2)
    collaboration_type = forms.CharField(label=_("Collaboration type"), max_length=1)
    activity_status = forms.CharField(label=_("Activity status"), max_length=1)
    currency = forms.CharField(label=_("Default currency"), max_length=3)


class PledgeForm(forms.Form):
    member = forms.ChoiceField(label=_("Member"))
    title = forms.CharField(label=_("Title"), max_length=300)
    unit = forms.ChoiceField(label=_("Unit"), choices=PledgeUnit.choices)
    value = forms.DecimalField(label=_("Pledged"), min_value=0)
    currency = forms.CharField(label=_("Currency (amounts)"), max_length=3, required=False)
    theme = forms.CharField(label=_("Theme"), max_length=30, required=False)
    period_start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    period_end = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}))


class CooperationForm(forms.Form):
    provider = forms.ChoiceField(label=_("Provider"))
    beneficiary = forms.ChoiceField(label=_("Beneficiary"))
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Description"), max_length=20000, required=False, widget=forms.Textarea)
    modality = forms.ChoiceField(label=_("Modality"))
    themes = forms.MultipleChoiceField(label=_("Themes"), widget=forms.CheckboxSelectMultiple)
    sectors = forms.MultipleChoiceField(label=_("Sectors"), widget=forms.CheckboxSelectMultiple, required=False)
    channel = forms.ChoiceField(label=_("Cooperation channel"))
    planned_start = forms.DateField(label=_("Planned start"), widget=forms.DateInput(attrs={"type": "date"}))
    planned_end = forms.DateField(
        label=_("Planned end"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
