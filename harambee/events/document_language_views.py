"""The page where the language of a delegate's documents is changed after nomination: reached from the
delegate's registration, her delegation's page and the host's nominations. The rule of who may is
`access.registration_can_change_language`; the write is `document_language.registration_language_set`."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from harambee.core.exceptions import PermissionDenied
from harambee.core.web import add_service_errors

from .access import (
    DocumentAction,
    EventAction,
    delegation_can_view,
    document_can,
    event_can,
    event_get_for_user,
    registration_can_change_language,
)
from .choices import LANGUAGES, DocumentKind
from .document_language import registration_language_set
from .registration_selectors import registration_get


class DocumentLanguageForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language for documents"), choices=list(LANGUAGES.items()))


@login_required
@require_http_methods(["GET", "POST"])
def registration_language(request, slug: str, registration_id: int):
    event = event_get_for_user(user=request.user, slug=slug)
    registration = registration_get(event, registration_id)
    if registration is None or not (
        registration_can_change_language(request.user, registration)
        or delegation_can_view(request.user, event, registration.member)
    ):
        raise Http404(_("No such nomination."))
    if not registration_can_change_language(request.user, registration):
        raise PermissionDenied(_("You may not change the language of this delegate's documents."))
    here = reverse("events:registration_language", kwargs={"slug": event.slug, "registration_id": registration.pk})
    form = DocumentLanguageForm(request.POST or None, initial={"language": registration.language})
    if request.method == "POST" and form.is_valid():
        try:
            change = registration_language_set(
                registration=registration, actor=request.user, language=form.cleaned_data["language"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if change.changed:
                messages.success(
                    request,
                    _("%(name)s's documents are now made in %(language)s.")
                    % {"name": registration.full_name, "language": change.registration.get_language_display()},
                )
            else:
                messages.info(request, _("The language did not change."))
            remake = ",".join(change.batches_to_remake)
            return redirect(f"{here}?remake={remake}" if remake else here)
    can_batch = document_can(request.user, event, DocumentAction.BATCH)
    wanted = set(request.GET.get("remake", "").split(","))
    remake = [(kind, label) for kind, label in DocumentKind.choices if kind in wanted] if can_batch else []
    return render(
        request,
        "events/registrations/language.html",
        {
            "event": event,
            "registration": registration,
            "form": form,
            "remake": remake,
            "can_see_delegation": delegation_can_view(request.user, event, registration.member),
            "can_manage": event_can(request.user, event, EventAction.MANAGE_DELEGATES),
        },
        status=400 if form.errors else 200,
    )
