"""Web forms for signing in, registering, accepting invitations and editing one's profile."""

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from harambee.registry.forms import CountryChoiceField
from harambee.registry.models import Country, OrganisationType

from .services import user_set_password
from .tasks import password_reset_send_mail
from .throttling import sign_in_wait_minutes


class EmailAuthenticationForm(AuthenticationForm):
    """Sign-in by e-mail and password; django-axes refuses an (account, client address) pair for a
    while after repeated failures, and the form then says so (the view answers 429)."""

    username = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The e-mail address or the password is not right. Both are case-sensitive."),
        "throttled": _("Too many failed sign-ins. Wait %(minutes)s minutes, or reset your password."),
    }

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            if getattr(self.request, "axes_locked_out", False):
                raise ValidationError(
                    self.error_messages["throttled"],
                    code="throttled",
                    params={"minutes": sign_in_wait_minutes(self.request)},
                ) from None
            raise


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Asks for a reset link; a background task writes the e-mail in the person's preferred language
    (and makes the link then: the task's stored arguments never hold it)."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        # Enqueued now: asking for a link writes nothing the task would wait for (the person exists already).
        password_reset_send_mail.enqueue(
            context["user"].pk, context["domain"], context["protocol"], context["site_name"]
        )


class _PasswordServiceMixin:
    """Saves the new password through `user_set_password`, which also revokes the API tokens."""

    how = ""
    revoked_tokens = 0

    def save(self, commit=True):
        self.revoked_tokens = user_set_password(
            user=self.user, actor=self.user, password=self.cleaned_data["new_password1"], how=self.how
        )
        return self.user


class SetPasswordForm(_PasswordServiceMixin, auth_forms.SetPasswordForm):
    """A new password chosen through a reset link."""

    how = "reset"


class PasswordChangeForm(_PasswordServiceMixin, auth_forms.PasswordChangeForm):
    """A signed-in person changes its password, giving the current one."""

    how = "change"


class PasswordPairForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    password1 = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters, not a common password, not only digits."),
    )
    password2 = forms.CharField(
        label=_("Password again"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password2") and data["password1"] != data["password2"]:
            self.add_error("password2", _("The two passwords differ."))
        return data


class OrganisationRegistrationForm(PasswordPairForm):
    email = forms.EmailField(label=_("Your e-mail address"))
    position = forms.CharField(label=_("Your position"), max_length=200, required=False)
    organisation_name = forms.CharField(label=_("Organisation name"), max_length=200)
    acronym = forms.CharField(label=_("Acronym"), max_length=30, required=False)
    organisation_type = forms.ChoiceField(label=_("Organisation type"), choices=OrganisationType.choices)
    country = CountryChoiceField(queryset=Country.objects.all(), label=_("Home country"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    description = forms.CharField(
        label=_("What does the organisation do?"), widget=forms.Textarea, required=False, max_length=5000
    )

    field_order = [
        "organisation_name",
        "acronym",
        "organisation_type",
        "country",
        "website",
        "description",
        "full_name",
        "position",
        "email",
        "password1",
        "password2",
    ]


class ProfileForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=100, help_text=_("What the token is for, e.g. a script."))


class TwoFactorCodeForm(forms.Form):
    """A six-digit code from the authenticator app, or one of the recovery codes."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "dir": "ltr"}),
        help_text=_("The six digits your authenticator app shows now, or one of your recovery codes."),
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip().replace(" ", "")
