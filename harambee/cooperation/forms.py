import re

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee.core.iati import CodeChoiceField
from harambee.postings.choices import CHANNELS, MODALITIES, SECTORS, THEMES

from .models import CooperationStatus, PledgeUnit


class DateInput(forms.DateInput):
    """A browser date picker: its value is always ISO (yyyy-mm-dd), whatever the language's date
    format (a French "12/10/2026" would show an empty picker and save an empty date)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


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
    due = forms.DateField(label=_("Due"), widget=DateInput())


class MilestoneDoneForm(forms.Form):
    milestone = forms.IntegerField(widget=forms.HiddenInput)
    done_on = forms.DateField(label=_("Done on"), widget=DateInput())


class ResultForm(forms.Form):
    title = forms.CharField(label=_("Result"), max_length=300)
    type = CodeChoiceField(label=_("Type"), codelist="ResultType", initial="1")
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
    period_start = forms.DateField(label=_("From"), widget=DateInput())
    period_end = forms.DateField(label=_("Until"), widget=DateInput())
    value = forms.DecimalField(label=_("Value"), min_value=0)
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="USD")
    value_date = forms.DateField(label=_("Value date"), widget=DateInput())


class TransactionForm(forms.Form):
    type = CodeChoiceField(label=_("Type"), codelist="TransactionType", initial="2")
    date = forms.DateField(label=_("Date"), widget=DateInput())
    value = forms.DecimalField(label=_("Value"), min_value=0)
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="USD")
    description = forms.CharField(label=_("Description"), max_length=500, required=False)


class DetailsForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=CooperationStatus.choices)
    planned_start = forms.DateField(label=_("Planned start"), required=False, widget=DateInput())
    planned_end = forms.DateField(label=_("Planned end"), required=False, widget=DateInput())
    actual_start = forms.DateField(label=_("Actual start"), required=False, widget=DateInput())
    actual_end = forms.DateField(label=_("Actual end"), required=False, widget=DateInput())
    aid_type = CodeChoiceField(label=_("Aid type"), codelist="AidType", grouped=True, required=False)
    finance_type = CodeChoiceField(label=_("Finance type"), codelist="FinanceType", grouped=True)
    flow_type = CodeChoiceField(label=_("Flow type"), codelist="FlowType")
    collaboration_type = CodeChoiceField(label=_("Collaboration type"), codelist="CollaborationType")
    activity_status = CodeChoiceField(label=_("Activity status"), codelist="ActivityStatus")
    currency = forms.CharField(label=_("Default currency"), max_length=3)

    #: Rows of DAC sectors the form offers at least (one more than the cooperation has, else).
    SECTOR_ROWS = 3
    MAX_SECTOR_ROWS = 50

    def __init__(self, *args, sectors: list[dict] | None = None, **kwargs):
        """`sectors`, the cooperation's DAC sectors ([{"code", "percentage"}]), fill the rows of
        sector and share: each sector is chosen from the IATI Sector codelist, by code and name."""
        sectors = list(sectors or [])
        initial = dict(kwargs.pop("initial", None) or {})
        for n, row in enumerate(sectors, start=1):
            initial[f"sector_{n}"] = row.get("code", "")
            initial[f"share_{n}"] = f"{float(row.get('percentage', 100)):g}"
        super().__init__(*args, initial=initial, **kwargs)
        posted = [int(key.split("_")[1]) for key in (self.data or {}) if re.fullmatch(r"sector_\d{1,2}", key)]
        rows = min(max(self.SECTOR_ROWS, len(sectors) + 1, *posted), self.MAX_SECTOR_ROWS)
        names = []
        for n in range(1, rows + 1):
            self.fields[f"sector_{n}"] = CodeChoiceField(
                label=_("DAC sector %(number)s") % {"number": n}, codelist="Sector", grouped=True, required=False
            )
            self.fields[f"share_{n}"] = forms.DecimalField(
                label=_("Share of DAC sector %(number)s (%%)") % {"number": n},
                min_value=0,
                max_value=100,
                required=False,
                help_text=_("Shares add up to 100; leave it empty for a single sector.") if n == 1 else "",
            )
            names += [f"sector_{n}", f"share_{n}"]
        self.order_fields(["status", "planned_start", "planned_end", "actual_start", "actual_end", *names])

    def dac_sectors(self) -> list[dict]:
        """The chosen sectors with their shares (100 when left empty), for the service to check."""
        data, rows, n = self.cleaned_data, [], 1
        while f"sector_{n}" in self.fields:
            if data.get(f"sector_{n}"):
                share = data.get(f"share_{n}")
                rows.append({"code": data[f"sector_{n}"], "percentage": share if share is not None else 100})
            n += 1
        return rows


class PledgeForm(forms.Form):
    member = forms.ChoiceField(label=_("Member"))
    title = forms.CharField(label=_("Title"), max_length=300)
    unit = forms.ChoiceField(label=_("Unit"), choices=PledgeUnit.choices)
    value = forms.DecimalField(label=_("Pledged"), min_value=0)
    currency = forms.CharField(label=_("Currency (amounts)"), max_length=3, required=False)
    theme = forms.ChoiceField(label=_("Theme"), choices=[("", "—"), *THEMES.items()], required=False)
    period_start = forms.DateField(label=_("From"), widget=DateInput())
    period_end = forms.DateField(label=_("Until"), widget=DateInput())


class CooperationForm(forms.Form):
    provider = forms.ChoiceField(label=_("Provider"))
    beneficiary = forms.ChoiceField(label=_("Beneficiary"))
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Description"), max_length=20000, required=False, widget=forms.Textarea)
    modality = forms.ChoiceField(label=_("Modality"), choices=list(MODALITIES.items()))
    themes = forms.MultipleChoiceField(
        label=_("Themes"), choices=list(THEMES.items()), widget=forms.CheckboxSelectMultiple
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"), choices=list(SECTORS.items()), widget=forms.CheckboxSelectMultiple, required=False
    )
    channel = forms.ChoiceField(label=_("Cooperation channel"), choices=list(CHANNELS.items()))
    planned_start = forms.DateField(label=_("Planned start"), widget=DateInput())
    planned_end = forms.DateField(label=_("Planned end"), required=False, widget=DateInput())
