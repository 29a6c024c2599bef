"""Accounts pages: sign in and out, password reset, profile, registration and invitations."""

import base64
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_otp import login as otp_login
from django_otp import verify_token as otp_verify_token

from harambee.core.confirm import confirmation_page
from harambee.core.i18n import language_of_url, set_language_cookie, url_in_language
from harambee.core.web import add_service_errors, client_network, safe_next
from harambee.registry.access import MemberAction, member_get_for_user
from harambee.registry.forms import InvitationForm
from harambee.registry.models import Membership
from harambee.registry.services import membership_update

from .forms import (
    EmailAuthenticationForm,
    OrganisationRegistrationForm,
    PasswordChangeForm,
    PasswordPairForm,
    PasswordResetForm,
    ProfileForm,
    SetPasswordForm,
    TokenForm,
    TwoFactorCodeForm,
)
from .personal_data import audit_entries_by, personal_data_json, personal_data_readable
from .selectors import erasure_request_open_for, invitation_get_by_token, invitations_with_member
from .services import (
    api_token_create,
    api_token_revoke,
    erasure_request_create,
    erasure_request_withdraw,
    invitation_accept,
    invitation_create,
    invitation_revoke,
    organisation_register,
    two_factor_enrol_confirm,
    two_factor_enrol_start,
    two_factor_recovery_code_used,
    two_factor_recovery_codes_renew,
    two_factor_turn_off,
    user_update_profile,
)
from .tasks import PASSWORD_RESET_BODY, PASSWORD_RESET_SUBJECT
from .throttling import password_reset_allowed
from .two_factor import (
    SESSION_KEY as TWO_FACTOR_OWED,
)
from .two_factor import (
    confirmed_totp,
    pending_totp,
    recovery_codes_left,
    recovery_device,
    two_factor_enabled,
    two_factor_given,
    two_factor_required,
)


class SignInView(auth_views.LoginView):
    """Sign in and continue in the language of the page: that of `next`, else of the sign-in page.

    The preferred language applies only where the URL names none (a `next` without a prefix) and,
    through the language cookie, to later URLs without one.
    """

    form_class = EmailAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_success_url(self):
        url = super().get_success_url()
        if language_of_url(url) is None:
            url = url_in_language(url, self.request.user.preferred_language)
        return url

    def form_valid(self, form):
        response = super().form_valid(form)
        set_language_cookie(response, form.get_user().preferred_language)
        return response


sign_out = auth_views.LogoutView.as_view()


class PasswordResetView(auth_views.PasswordResetView):
    """Sends a reset link, at most a few an hour per e-mail address and per client address.

    Past the limit the answer is the same page as always, without the e-mail, so that the page
    never tells whether an account uses the address.
    """

    form_class = PasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = PASSWORD_RESET_BODY  # the task renders them (PasswordResetForm.send_mail)
    subject_template_name = PASSWORD_RESET_SUBJECT
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        if password_reset_allowed(email=form.cleaned_data["email"], client=client_network(self.request)):
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())


password_reset = PasswordResetView.as_view()
password_reset_done = auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    form_class=SetPasswordForm,
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


class PasswordChangeView(auth_views.PasswordChangeView):
    """A signed-in person changes its password (its API tokens are revoked, it stays signed in here)."""

    form_class = PasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.revoked_tokens:
            message = ngettext(
                "Your password was changed and your API token was revoked; create a new one for your scripts.",
                "Your password was changed and your %(count)s API tokens were revoked; create new ones for your "
                "scripts.",
                form.revoked_tokens,
            ) % {"count": form.revoked_tokens}
        else:
            message = _("Your password was changed.")
        messages.success(self.request, message)
        return response


password_change = PasswordChangeView.as_view()


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    form = ProfileForm(
        request.POST or None, initial={"full_name": user.full_name, "preferred_language": user.preferred_language}
    )
    if request.method == "POST" and form.is_valid():
        try:
            user_update_profile(user=user, actor=user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your profile was saved."))
            return redirect("accounts:profile")
    memberships = user.memberships.select_related("member__country").order_by("member__code")
    tokens = user.api_tokens.filter(revoked_at__isnull=True)
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "memberships": memberships,
            "tokens": tokens,
            "token_form": TokenForm(),
            "two_factor": {
                "enabled": two_factor_enabled(user),
                "required": two_factor_required(user),
                "codes_left": recovery_codes_left(user),
            },
        },
    )


@login_required
@require_POST
def api_token_create_view(request):
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            issued = api_token_create(user=request.user, name=form.cleaned_data["name"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Your new token, shown only this once: %(key)s — send it as “Authorization: Bearer <token>”.")
                % {"key": issued.key},
            )
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("accounts:profile")


@login_required
@require_POST
def api_token_revoke_view(request, pk: int):
    token = get_object_or_404(request.user.api_tokens, pk=pk)
    ask = confirmation_page(
        request,
        question=_("Revoke this API token?"),
        consequence=_("Programs that use it will be refused from now on; this cannot be undone."),
        confirm_label=_("Yes, revoke"),
        cancel_url=reverse("accounts:profile"),
    )
    if ask:
        return ask
    api_token_revoke(token=token, actor=request.user)
    messages.success(request, _("The token was revoked."))
    return redirect("accounts:profile")


@login_required
@require_POST
def membership_consent(request, pk: int):
    """A person decides for itself whether its name is shown on a member's public profile."""
    membership = get_object_or_404(Membership, pk=pk, user=request.user)
    membership_update(
        membership=membership,
        actor=request.user,
        data={"show_publicly": request.POST.get("show_publicly") == "on"},
        reason=_("Consent given or withdrawn by the person"),
    )
    messages.success(request, _("Your choice was saved."))
    return redirect("accounts:profile")


@require_http_methods(["GET", "POST"])
def register(request):
    form = OrganisationRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration = organisation_register(
                email=data["email"],
                full_name=data["full_name"],
                password=data["password1"],
                organisation_name=data["organisation_name"],
                organisation_type=data["organisation_type"],
                country=data["country"],
                acronym=data["acronym"],
                website=data["website"],
                description=data["description"],
                position=data["position"],
                preferred_language=translation.get_language(),
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "password" in error.error_dict:
                error = ValidationError({"password1": error.error_dict["password"]})
            add_service_errors(form, error)
        else:
            login(request, registration.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Your organisation is registered. The secretariat will review it; until then only you can see it."),
            )
            return redirect("registry:member_detail", code=registration.member.code)
    return render(request, "accounts/register.html", {"form": form})


@login_required
@require_POST
def invitation_create_view(request, code: str):
    member = member_get_for_user(user=request.user, code=code, action=MemberAction.MANAGE_PEOPLE)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            issued = invitation_create(
                actor=request.user, member=member, base_url=request.build_absolute_uri("/"), **form.cleaned_data
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s. The link is: %(link)s")
                % {"email": issued.invitation.email, "link": request.build_absolute_uri(issued.path())},
            )
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("registry:member_people", code=member.code)


@login_required
@require_POST
def invitation_revoke_view(request, pk: int):
    invitation = get_object_or_404(invitations_with_member(), pk=pk)
    back = (
        reverse("registry:member_people", args=[invitation.member.code])
        if invitation.member
        else reverse("secretariat:dashboard")
    )
    ask = confirmation_page(
        request,
        question=_("Revoke the invitation to %(email)s?") % {"email": invitation.email},
        consequence=_("Its link will stop working; a new invitation is needed to invite them again."),
        confirm_label=_("Yes, revoke"),
        cancel_url=back,
    )
    if ask:
        return ask
    try:
        invitation_revoke(invitation=invitation, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The invitation was revoked."))
    if invitation.member:
        return redirect("registry:member_people", code=invitation.member.code)
    return redirect("secretariat:dashboard")


@require_http_methods(["GET", "POST"])
def invitation_accept_view(request, token: str):
    invitation = invitation_get_by_token(token)
    if invitation is None or not invitation.is_usable:
        return render(request, "accounts/invitation_invalid.html", status=410 if invitation else 404)
    signed_in = request.user.is_authenticated
    form = None if signed_in else PasswordPairForm(request.POST or None)
    if request.method == "POST" and (signed_in or form.is_valid()):
        try:
            user = invitation_accept(
                invitation=invitation,
                user=request.user if signed_in else None,
                full_name="" if signed_in else form.cleaned_data["full_name"],
                password="" if signed_in else form.cleaned_data["password1"],
            )
        except ValidationError as error:
            if form is not None:
                if hasattr(error, "error_dict") and "password" in error.error_dict:
                    error = ValidationError({"password1": error.error_dict["password"]})
                add_service_errors(form, error)
            else:
                messages.error(request, " ".join(error.messages))
        else:
            if not signed_in:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome! You have joined."))
            if invitation.member:
                return redirect("registry:member_detail", code=invitation.member.code)
            return redirect("secretariat:dashboard")
    return render(request, "accounts/invitation_accept.html", {"invitation": invitation, "form": form})


# ---------------------------------------------------------------------------------------------------
# Two-factor sign-in (two_factor.py)


def _next_url(request) -> str:
    """Where to go once the second factor is given: ``next`` if it is of this site, else the landing page."""
    return safe_next(request, resolve_url(settings.LOGIN_REDIRECT_URL))


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    """The second step of signing in: a code from the authenticator app, or a recovery code."""
    user = request.user
    totp, recovery = confirmed_totp(user), recovery_device(user)
    if totp is None and two_factor_required(user):  # reset by the secretariat meanwhile: set up a new one
        request.session[TWO_FACTOR_OWED] = "enrol"
        return redirect(f"{reverse('accounts:two_factor_enrol')}?{urlencode({'next': _next_url(request)})}")
    if totp is None or user.is_verified():
        two_factor_given(request)
        return redirect(_next_url(request))
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        allowed, _wait = totp.verify_is_allowed()
        device = None
        if code.isdigit() and len(code) == 6:
            device = otp_verify_token(user, totp.persistent_id, code) if allowed else None
        elif recovery is not None:
            device = otp_verify_token(user, recovery.persistent_id, code.lower())
            if device is not None:
                two_factor_recovery_code_used(user=user)
        if device is not None:
            otp_login(request, device)
            two_factor_given(request)
            if device == recovery:
                left = recovery_codes_left(user)
                messages.warning(
                    request,
                    ngettext(
                        "You signed in with a recovery code: %(count)d is left. Make new ones on My account.",
                        "You signed in with a recovery code: %(count)d are left. Make new ones on My account.",
                        left,
                    )
                    % {"count": left},
                )
            return redirect(_next_url(request))
        if not allowed:
            form.add_error("code", _("Too many wrong codes in a row: wait a minute, then type the newest code."))
        else:
            form.add_error("code", _("That code is not right. Type the newest code from your app, or a recovery code."))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request)})


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_enrol(request):
    """Turn two-factor sign-in on: scan the key into an authenticator app, type its code, keep the
    recovery codes."""
    user = request.user
    if two_factor_enabled(user) and not user.is_verified():
        return redirect(f"{reverse('accounts:two_factor_verify')}?next={request.get_full_path()}")
    device = pending_totp(user) or two_factor_enrol_start(user=user)
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = two_factor_enrol_confirm(user=user, device=device, code=form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error.messages)
        else:
            otp_login(request, confirmed_totp(user))
            two_factor_given(request)
            return render(
                request, "accounts/two_factor_codes.html", {"codes": codes, "next": _next_url(request), "new": True}
            )
    secret = base64.b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "qr": segno.make(device.config_url, error="m").svg_inline(scale=4, title=_("Key for your authenticator app")),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "required": two_factor_required(user),
        "next": _next_url(request),
    }
    return render(request, "accounts/two_factor_enrol.html", context)


@login_required
@require_POST
def two_factor_codes_renew(request):
    try:
        codes = two_factor_recovery_codes_renew(user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("accounts:profile")
    return render(request, "accounts/two_factor_codes.html", {"codes": codes, "next": reverse("accounts:profile")})


@login_required
@require_POST
def two_factor_off(request):
    confirm = confirmation_page(
        request,
        question=_("Turn two-factor sign-in off?"),
        consequence=_(
            "Signing in will need your password only. Your authenticator key and recovery codes stop working."
        ),
        confirm_label=_("Yes, turn it off"),
        cancel_url=reverse("accounts:profile"),
    )
    if confirm is not None:
        return confirm
    try:
        two_factor_turn_off(user=request.user, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Two-factor sign-in is off."))
    return redirect("accounts:profile")


# ---------------------------------------------------------------------------------------------------
# Personal data (personal_data.py): see it, download it, ask for its erasure


@login_required
@require_safe
def my_data(request):
    """Everything the platform holds about the signed-in person, to read or download as JSON."""
    if request.GET.get("format") == "json":
        response = HttpResponse(personal_data_json(request.user), content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="harambee-my-data.json"'
        return response
    context = {
        "sections": personal_data_readable(request.user),
        "history": audit_entries_by(request.user),
        "erasure": erasure_request_open_for(request.user),
    }
    return render(request, "accounts/my_data.html", context)


@login_required
@require_POST
def erasure_request_view(request):
    confirm = confirmation_page(
        request,
        question=_("Ask for your personal data to be erased?"),
        consequence=_(
            "The secretariat will remove your name, e-mail address and contact details from the platform and close "
            "your account. What your members did stays, by “a former user”. You can withdraw the request until "
            "it is processed."
        ),
        confirm_label=_("Yes, ask for erasure"),
        cancel_url=reverse("accounts:my_data"),
    )
    if confirm is not None:
        return confirm
    try:
        erasure_request_create(user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your request was sent to the secretariat."))
    return redirect("accounts:my_data")


@login_required
@require_POST
def erasure_withdraw_view(request):
    erasure = erasure_request_open_for(request.user)
    if erasure is None:
        raise Http404(_("You have no request waiting."))
    erasure_request_withdraw(erasure=erasure, actor=request.user)
    messages.success(request, _("Your request was withdrawn."))
    return redirect("accounts:my_data")
