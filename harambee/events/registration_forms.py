"""Web forms for invitations, nominations, decisions, seats and registration completion. The forms
check shapes; the services (`registration_services`) check the rules and give the messages."""

from datetime import time

from django import forms
from django.utils.translation import gettext_lazy as _

from harambee.registry.models import Country, CountryGroup, Member, MemberStatus, Region

from . import seats
from .choices import LANGUAGES, RegistrationStatus, Sex
from .models import Event
from .registration_services import CompletionInput, NominationInput

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class _Named(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return getattr(obj, "display_name", None) or obj.name


class InvitationForm(forms.Form):
    ADDRESSEES = [("member", _("One member")), ("group", _("A country group")), ("region", _("A region"))]

    addressee = forms.ChoiceField(label=_("Invite"), choices=ADDRESSEES, widget=forms.RadioSelect, initial="member")
    member = _Named(label=_("Member"), queryset=Member.objects.none(), required=False, to_field_name="code")
    group = _Named(label=_("Country group"), queryset=CountryGroup.objects.all(), required=False)
    region = _Named(label=_("Region"), queryset=Region.objects.filter(level__lte=2), required=False)
    quota = forms.IntegerField(label=_("Delegates per member"), min_value=1, max_value=50, initial=2)
    deadline_day = forms.DateField(label=_("Nominations close on"), widget=_DATE, required=False)
    deadline_time = forms.TimeField(label=_("at"), widget=_TIME, required=False, initial=time(23, 59))
    message = forms.CharField(
        label=_("Message"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        members = Member.objects.filter(status=MemberStatus.ACTIVE).exclude(pk=event.host_id).select_related("country")
        self.fields["member"].queryset = members
        self.fields["member"].choices = [("", "---------")] + sorted(
            ((m.code, m.display_name) for m in members), key=lambda c: c[1].casefold()
        )
        self.fields["region"].choices = [("", "---------")] + sorted(
            ((r.pk, r.name) for r in Region.objects.filter(level__lte=2)), key=lambda c: c[1].casefold()
        )
        help_text = _("At the venue (%(zone)s). Leave empty: until the event ends.") % {"zone": event.time_zone}
        self.fields["deadline_day"].help_text = help_text

    def clean(self):
        data = super().clean()
        kind = data.get("addressee")
        for name in ("member", "group", "region"):
            if name != kind:
                data[name] = None
            elif kind and not data.get(name):
                self.add_error(name, _("Choose whom to invite."))
        return data

    def deadline(self):
        data = self.cleaned_data
        if not data.get("deadline_day"):
            return None
        return self.event.at(data["deadline_day"], data.get("deadline_time") or time(23, 59))


class NominationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    sex = forms.ChoiceField(label=_("Sex (optional)"), choices=Sex.choices, required=False)
    language = forms.ChoiceField(label=_("Language for documents"), choices=list(LANGUAGES.items()), initial="en")
    nomination_letter = forms.FileField(
        label=_("Nomination letter"),
        help_text=_("A PDF file signed by the focal point."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def to_input(self) -> NominationInput:
        data = self.cleaned_data
        return NominationInput(
            full_name=data["full_name"], email=data["email"], position=data["position"], sex=data["sex"] or "",
            language=data["language"],
        )  # fmt: skip


class DecisionForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("waitlist", _("Put on the waiting list")), ("decline", _("Decline"))],
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000)


class NominationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *RegistrationStatus.choices]
    )
    member = forms.ChoiceField(label=_("Delegation"), required=False)
    q = forms.CharField(label=_("Name or e-mail"), required=False, max_length=100)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [("", _("Every delegation")), *((m.code, m.display_name) for m in members)]


class SeatsForm(forms.Form):
    policy = forms.ChoiceField(
        label=_("Policy"),
        choices=[(p.code, p.label) for p in seats.SEAT_POLICIES.values()],
        initial=seats.DEFAULT_POLICY,
        widget=forms.RadioSelect,
    )
    fingerprint = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)


class CompletionForm(forms.Form):
    consent_participant_list = forms.BooleanField(
        label=_("I agree that my name and delegation appear in the event's public participant list"), required=False
    )
    visa_letter_requested = forms.BooleanField(label=_("I need a visa invitation letter"), required=False)
    nationality = _Named(label=_("Nationality"), queryset=Country.objects.all(), required=False)
    passport_number = forms.CharField(label=_("Passport number"), max_length=40, required=False)
    passport_expiry = forms.DateField(label=_("Passport valid until"), widget=_DATE, required=False)
    date_of_birth = forms.DateField(label=_("Date of birth"), widget=_DATE, required=False)
    dietary_needs = forms.CharField(label=_("Dietary needs"), max_length=500, required=False)
    accessibility_needs = forms.CharField(label=_("Accessibility needs"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nationality"].choices = [("", "---------")] + sorted(
            ((c.pk, c.name) for c in Country.objects.all()), key=lambda c: c[1].casefold()
        )
        self.fields["visa_letter_requested"].help_text = _(
            "Then give your nationality, passport number and expiry, and date of birth."
        )

    @staticmethod
    def initial_from(registration) -> dict:
        names = (
            "consent_participant_list", "visa_letter_requested", "nationality", "passport_number", "passport_expiry",
            "date_of_birth", "dietary_needs", "accessibility_needs",
        )  # fmt: skip
        return {name: getattr(registration, name) for name in names}

    def to_input(self) -> CompletionInput:
        data = self.cleaned_data
        return CompletionInput(**{name: data[name] if data[name] is not None else None for name in data})
