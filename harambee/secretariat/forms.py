from django import forms
from django.utils.translation import gettext_lazy as _

from harambee.audit.models import AuditAction
from harambee.registry.forms import CountryChoiceField
from harambee.registry.models import Country, MemberStatus, OrganisationType
from harambee.registry.selectors import countries_eligible_as_states


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Who"), required=False, max_length=254)
    action = forms.ChoiceField(label=_("Action"), required=False, choices=[("", _("All"))] + AuditAction.choices)
    model = forms.ChoiceField(label=_("Object type"), required=False)
    member = forms.CharField(label=_("Member code"), required=False, max_length=32)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, model_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["model"].choices = [("", _("All"))] + list(model_choices)

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", _("The end date is before the start date."))
        return data


class MemberStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=MemberStatus.choices)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=1000,
        widget=forms.Textarea,
        help_text=_("Required to reject or suspend; the member's people will read it."),
    )


class StateMemberForm(forms.Form):
    country = CountryChoiceField(queryset=countries_eligible_as_states(), label=_("Country"))


class OrganisationMemberForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    acronym = forms.CharField(label=_("Acronym"), max_length=30, required=False)
    organisation_type = forms.ChoiceField(label=_("Organisation type"), choices=OrganisationType.choices)
    country = CountryChoiceField(queryset=Country.objects.all(), label=_("Home country"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")


class SecretariatInvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    message = forms.CharField(label=_("Personal message"), widget=forms.Textarea, required=False, max_length=2000)


class TwoFactorResetForm(forms.Form):
    """The secretariat resets the two-factor sign-in of a person who lost their phone and codes."""

    email = forms.EmailField(label=_("The person's e-mail address"))
    reason = forms.CharField(
        label=_("Why"),
        max_length=500,
        help_text=_("For example: the phone was lost; identity checked by a call to the member's focal point."),
    )
