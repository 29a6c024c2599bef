"""Web forms for the registry; they only parse input, the services decide."""

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from harambee.core.iati import CodeChoiceField

from .models import Country, Member, MemberKind, MemberRole, MemberStatus, OrganisationType
from .names import UN_LANGUAGES

LANGUAGE_LABELS = {
    "ar": _("Name in Arabic"),
    "zh": _("Name in Chinese"),
    "en": _("Name in English"),
    "fr": _("Name in French"),
    "ru": _("Name in Russian"),
    "es": _("Name in Spanish"),
}


class CountryChoiceIterator(ModelChoiceIterator):
    """Countries in the alphabetical order of their names in the reader's language."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for country in sorted(self.queryset, key=lambda c: c.name.casefold()):
            yield self.choice(country)


class CountryChoiceField(forms.ModelChoiceField):
    iterator = CountryChoiceIterator

    def label_from_instance(self, obj: Country) -> str:
        return obj.name


class MemberFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All"))] + MemberKind.choices)
    organisation_type = forms.ChoiceField(
        label=_("Organisation type"), required=False, choices=[("", _("All"))] + OrganisationType.choices
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    group = forms.ChoiceField(label=_("Country group"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All"))] + MemberStatus.choices)

    def __init__(self, *args, regions=(), groups=(), show_status=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("All"))] + [
            (r.code, ("— " if r.level > 1 else "") + r.name) for r in regions
        ]
        self.fields["group"].choices = [("", _("All"))] + [(g.code, f"{g.code} — {g.name}") for g in groups]
        if not show_status:
            del self.fields["status"]


class MemberProfileForm(forms.Form):
    """The profile fields managers and editors change; names only for organisations."""

    name = forms.CharField(label=_("Name"), max_length=200)
    acronym = forms.CharField(label=_("Acronym"), max_length=30, required=False)
    organisation_type = forms.ChoiceField(label=_("Organisation type"), choices=OrganisationType.choices)
    iati_org_type = CodeChoiceField(label=_("IATI organisation type"), codelist="OrganisationType")
    iati_ref = forms.CharField(
        label=_("IATI organisation identifier"),
        max_length=100,
        required=False,
        help_text=_("For example XM-DAC-41114; leave empty if the organisation has none."),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False, max_length=5000)
    reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        max_length=500,
        help_text=_("Optional; shown in the change history."),
    )

    def __init__(self, *args, member: Member, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member
        if member.kind == MemberKind.STATE:
            for name in ("name", "acronym", "organisation_type"):
                del self.fields[name]
        else:
            self.fields["country"] = CountryChoiceField(
                queryset=Country.objects.all(), required=False, label=_("Home country")
            )
            for language in UN_LANGUAGES:
                if language != "en":
                    self.fields[f"name_{language}"] = forms.CharField(
                        label=LANGUAGE_LABELS[language], max_length=200, required=False
                    )
            self.order_fields(["name", *[f"name_{lang}" for lang in UN_LANGUAGES], "acronym"])

    @classmethod
    def initial_for(cls, member: Member) -> dict:
        initial = {
            "name": member.name,
            "acronym": member.acronym,
            "organisation_type": member.organisation_type,
            "iati_org_type": member.iati_org_type,
            "iati_ref": member.iati_ref,
            "website": member.website,
            "description": member.description,
            "country": member.country_id,
        }
        for language, text in member.name_translations.items():
            initial[f"name_{language}"] = text
        return initial

    def service_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "reason" and not k.startswith("name_")}
        if self.member.kind == MemberKind.ORGANISATION:
            data["name_translations"] = {
                language: self.cleaned_data.get(f"name_{language}", "") for language in UN_LANGUAGES if language != "en"
            }
        return data


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)
    is_focal_point = forms.BooleanField(label=_("Focal point"), required=False)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    show_publicly = forms.BooleanField(label=_("Show on the public profile"), required=False)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices, initial=MemberRole.EDITOR)
    is_focal_point = forms.BooleanField(label=_("Focal point"), required=False)
    message = forms.CharField(label=_("Personal message"), widget=forms.Textarea, required=False, max_length=2000)
