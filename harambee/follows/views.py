"""Follows: the Follow buttons' target, My follows (how often, unfollow), and the digest's one-click
unsubscribe link, which works without signing in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from harambee.core.confirm import confirmation_page
from harambee.core.web import safe_next
from harambee.postings.access import posting_get_for_user
from harambee.registry.access import member_get_for_user

from .access import follow_get_for_user
from .forms import FollowForm, FrequencyForm
from .models import FollowKind
from .selectors import follow_label, follow_url, follows_of_person
from .services import follow_create, follow_delete, follow_set_frequency, follows_unsubscribe
from .tokens import unsubscribe_read

SEARCH_KINDS = {"need": "need", "offer": "offer", "needs": "need", "offers": "offer"}


def _back(request, fallback: str):
    return redirect(safe_next(request, fallback))


@login_required
@require_POST
def follow_new(request):
    """Follow what the button names; 404 for a member or posting the person may not see."""
    form = FollowForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("This cannot be followed."))
        return _back(request, "follows:mine")
    kind, target = form.cleaned_data["kind"], form.cleaned_data["target"]
    arguments: dict = {}
    if kind == FollowKind.MEMBER:
        arguments["member"] = member_get_for_user(user=request.user, code=target)
    elif kind == FollowKind.POSTING:
        arguments["posting"] = posting_get_for_user(user=request.user, external_id=target)
    else:
        arguments["search_kind"] = SEARCH_KINDS.get(target, "")
        arguments["search_query"] = form.cleaned_data["query"]
    try:
        follow, created = follow_create(person=request.user, kind=kind, **arguments)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(request, "follows:mine")
    text = _("You follow “%(target)s”.") if created else _("You already follow “%(target)s”.")
    messages.success(request, text % {"target": follow_label(follow)})
    return _back(request, follow_url(follow))


@login_required
@require_safe
def my_follows(request):
    rows = [
        {
            "follow": follow,
            "label": follow_label(follow),
            "url": follow_url(follow),
            "form": FrequencyForm(initial={"frequency": follow.frequency}, prefix=f"f{follow.pk}"),
        }
        for follow in follows_of_person(user=request.user)
    ]
    return render(request, "follows/my_follows.html", {"rows": rows})


@login_required
@require_POST
def follow_change(request, pk: int):
    follow = follow_get_for_user(user=request.user, pk=pk)
    form = FrequencyForm(request.POST, prefix=f"f{follow.pk}")
    if form.is_valid():
        follow_set_frequency(follow=follow, actor=request.user, frequency=form.cleaned_data["frequency"])
        messages.success(request, _("Saved: %(how)s.") % {"how": follow.get_frequency_display()})
    else:
        messages.error(request, _("Choose daily, weekly or in the app only."))
    return redirect("follows:mine")


@login_required
@require_POST
def follow_remove(request, pk: int):
    follow = follow_get_for_user(user=request.user, pk=pk)
    label = follow_label(follow)
    ask = confirmation_page(
        request,
        question=_("Stop following “%(target)s”?") % {"target": label},
        consequence=_("You will get no more notifications or e-mails about it. You can follow it again at any time."),
        confirm_label=_("Yes, unfollow"),
        cancel_url=safe_next(request, reverse("follows:mine")),
    )
    if ask:
        return ask
    follow_delete(follow=follow, actor=request.user)
    messages.success(request, _("You no longer follow “%(target)s”.") % {"target": label})
    return _back(request, "follows:mine")


@login_required
@require_safe
def follow_open(request, pk: int):
    """The page of what one's follow follows (in-app notifications of a saved search link here)."""
    return redirect(follow_url(follow_get_for_user(user=request.user, pk=pk)))


@csrf_exempt  # the signed token is the authority; mail providers post RFC 8058 one-click requests without cookies
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET: a page asking to confirm; POST (the page's button, or a mail provider's one-click request):
    no more e-mails for the follow (or all follows) the token names. No sign-in needed."""
    read = unsubscribe_read(token)
    if read is None:
        return render(request, "follows/unsubscribe.html", {"invalid": True}, status=400)
    person_id, follow_id = read
    if request.method == "POST":
        follows_unsubscribe(person_id=person_id, follow_id=follow_id)
        return render(request, "follows/unsubscribe.html", {"done": True, "all": follow_id is None})
    return render(request, "follows/unsubscribe.html", {"all": follow_id is None, "token": token})
