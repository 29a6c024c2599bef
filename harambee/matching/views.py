"""Web views of the match workflow: propose, list, answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from harambee.core.confirm import confirmation_page
from harambee.core.exceptions import Conflict
from harambee.core.web import paginate
from harambee.postings.access import posting_get_for_user
from harambee.postings.reading import prefetch_readings

from .access import MatchAction, match_can, match_get_for_user, match_list_for_user, message_can_write
from .forms import AnswerForm, MessageForm, ProposeForm
from .models import Match, MatchStatus
from .selectors import match_contacts, match_thread
from .services import match_accept, match_decline, match_propose, match_withdraw, post_message


@login_required
@require_POST
def match_propose_view(request):
    form = ProposeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The proposal is incomplete."))
        return redirect("matching:list")
    need = posting_get_for_user(user=request.user, external_id=form.cleaned_data["need"])
    offer = posting_get_for_user(user=request.user, external_id=form.cleaned_data["offer"])
    try:
        match = match_propose(need=need, offer=offer, actor=request.user, message=form.cleaned_data["message"])
    except Conflict as error:  # the pair is already proposed or working together: show that match
        messages.error(request, " ".join(error.messages))
        existing = error.existing if isinstance(error.existing, Match) else getattr(error.existing, "match", None)
        if existing is not None:
            return redirect("matching:detail", pk=existing.pk)
        return redirect("postings:detail", kind_path="needs", external_id=need.external_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("postings:detail", kind_path="needs", external_id=need.external_id)
    messages.success(request, _("Proposal sent. The other side has been notified."))
    return redirect("matching:detail", pk=match.pk)


@login_required
@require_safe
def match_list(request):
    matches = match_list_for_user(user=request.user)
    status = request.GET.get("status", "")
    if status in MatchStatus.values:
        matches = matches.filter(status=status)
    page = paginate(request, matches)
    page.object_list = prefetch_readings(page.object_list, "need", "offer")  # titles in the reader's language
    return render(
        request,
        "matching/match_list.html",
        {"page": page, "status": status, "statuses": MatchStatus.choices},
    )


@login_required
@require_safe
def match_detail(request, pk: int):
    match = match_get_for_user(user=request.user, pk=pk)
    return _detail(request, match, MessageForm())


def _detail(request, match: Match, message_form: MessageForm):
    return render(
        request,
        "matching/match_detail.html",
        {
            "match": match,
            "can_answer": match_can(request.user, match, MatchAction.ANSWER),
            "can_withdraw": match_can(request.user, match, MatchAction.WITHDRAW),
            "form": AnswerForm(),
            "thread": match_thread(match=match, viewer=request.user),
            "can_write": message_can_write(request.user, match),
            "message_form": message_form,
            "contacts": match_contacts(match=match, viewer=request.user),
        },
    )


@login_required
@require_POST
def match_message(request, pk: int):
    """Write in the match's conversation: 404 for those who may not see the match, 403 for those who
    only read it; a bad message is shown on the form with what was typed."""
    match = match_get_for_user(user=request.user, pk=pk)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            post_message(actor=request.user, match=match, body=form.cleaned_data["body"])
        except ValidationError as error:  # a Conflict too: the conversation is closed
            form.add_error(None, error)
        else:
            messages.success(request, _("Message sent. The other side has been notified."))
            return redirect(f"{reverse('matching:detail', kwargs={'pk': pk})}#conversation")
    return _detail(request, match, form)


ANSWERS = {
    "accept": (match_accept, MatchAction.ANSWER, lambda: _("Accepted: the cooperation is recorded.")),
    "decline": (match_decline, MatchAction.ANSWER, lambda: _("Declined.")),
    "withdraw": (match_withdraw, MatchAction.WITHDRAW, lambda: _("Withdrawn.")),
}
# What a person confirms before an answer that cannot be taken back (accepting records a cooperation
# and needs no second step).
ASK_FIRST = {
    "decline": (
        lambda: _("Decline this proposal?"),
        lambda: _("The other side is told that you declined; the match is closed and cannot be reopened."),
        lambda: _("Yes, decline"),
    ),
    "withdraw": (
        lambda: _("Withdraw this proposal?"),
        lambda: _("The other side is told that you withdrew; the match is closed and cannot be reopened."),
        lambda: _("Yes, withdraw"),
    ),
}


@login_required
@require_POST
def match_answer(request, pk: int, answer: str):
    service, action, done = ANSWERS[answer]
    form = AnswerForm(request.POST)
    try:
        match = match_get_for_user(user=request.user, pk=pk, action=action)  # 404, 403; Conflict if answered
        if answer in ASK_FIRST:
            question, consequence, label = ASK_FIRST[answer]
            ask = confirmation_page(
                request,
                question=question(),
                consequence=consequence(),
                confirm_label=label(),
                cancel_url=reverse("matching:detail", args=[pk]),
            )
            if ask:
                return ask
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        service(match=match, actor=request.user, response=form.cleaned_data["response"])
    except ValidationError as error:  # a Conflict too: who answered first, and when
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done())
    return redirect("matching:detail", pk=pk)
