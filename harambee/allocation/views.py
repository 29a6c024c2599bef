"""Web views of allocation rounds."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from harambee.core.confirm import confirmation_page
from harambee.core.exceptions import PermissionDenied
from harambee.core.formats import format_quantity
from harambee.core.web import add_service_errors, paginate
from harambee.postings.reading import prefetch_readings, reading_prefetch_of, rendering_for

from .access import (
    members_user_can_open_rounds_for,
    members_user_can_request_for,
    round_can_manage,
    round_can_see_all_requests,
    round_get,
)
from .explain import fills, fingerprint, group_name, policy_sentences, region_name
from .forms import ApplyForm, RoundForm
from .models import RoundStatus
from .selectors import (
    need_get,
    needs_open_for_requests,
    offers_chosen,
    offers_open_for_rounds,
    round_outcomes,
    rounds_newest_first,
)
from .services import round_apply, round_close, round_compute, round_create, round_publish


@require_safe
def round_list(request):
    rounds = rounds_newest_first()
    return render(request, "allocation/round_list.html", {"page": paginate(request, rounds)})


def _offer_choices(members):
    offers = prefetch_readings(offers_open_for_rounds(members))
    return [
        (
            str(o.pk),
            f"{rendering_for(o).plain_title} — {o.member.display_name} "
            f"({format_quantity(o.capacity_left, o.capacity_unit)})",
        )
        for o in offers
        if o.capacity_left
    ]


@login_required
@require_http_methods(["GET", "POST"])
def round_new(request):
    members = members_user_can_open_rounds_for(request.user)
    if not members:
        raise PermissionDenied(_("Only editors and managers of a member may open allocation rounds."))
    form = RoundForm(request.POST or None)
    form.fields["provider"].choices = [(m.code, m.display_name) for m in members]
    form.fields["offers"].choices = _offer_choices(members)
    if request.method == "POST" and form.is_valid():
        provider = next(m for m in members if m.code == form.cleaned_data["provider"])
        offers = offers_chosen(form.cleaned_data["offers"])
        try:
            round = round_create(
                provider=provider,
                actor=request.user,
                title=form.cleaned_data["title"],
                offers=offers,
                deadline=form.cleaned_data["deadline"],
                policy=form.policy(),
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The round is open for requests."))
            return redirect("allocation:detail", pk=round.pk)
    return render(request, "allocation/round_form.html", {"form": form})


def _apply_form(request, round, data=None):
    form = ApplyForm(data)
    members = members_user_can_request_for(request.user, round)
    form.fields["member"].choices = [(m.code, m.display_name) for m in members]
    needs = needs_open_for_requests(members)
    form.fields["need"].choices = [("", "—")] + [
        (str(n.pk), f"{rendering_for(n).plain_title} — {n.member.display_name}") for n in prefetch_readings(needs)
    ]
    offers = prefetch_readings(round.offers.all().order_by("pk"))
    ranks = [("", _("not acceptable"))] + [(str(i), str(i)) for i in range(1, len(offers) + 1)]
    for offer in offers:
        form.fields[f"rank_{offer.pk}"] = forms.ChoiceField(
            label=rendering_for(offer).plain_title, choices=ranks, required=False
        )
    return form, members, offers


@require_safe
def round_detail(request, pk: int):
    round = round_get(pk=pk)
    manage = round_can_manage(request.user, round)
    all_requests = round_can_see_all_requests(request.user, round)
    form = members = None
    if round.accepts_requests:
        form, members, _offers = _apply_form(request, round)
    own_ids = [pk for pk, role in request.user.member_roles().items()] if request.user.is_authenticated else []
    requests = round.requests.select_related("member__country").prefetch_related(
        "choices__offer", *reading_prefetch_of("choices__offer")
    )
    if not all_requests:
        requests = requests.filter(member_id__in=own_ids)
    outcome = round_outcomes(round)
    offers = prefetch_readings(round.offers.select_related("member__country").order_by("pk"))
    by_external_id = {offer.external_id: offer for offer in offers}
    rows = []
    for r in requests:
        shown = outcome.get(r.engine_id)
        if shown and shown.get("placed"):  # the offer by its title and provider, not its identifier
            shown = {**shown, "offer": by_external_id.get(shown["offer"], shown["offer"])}
        rows.append({"request": r, "outcome": shown})
    result = round.result if (manage or all_requests or round.status == RoundStatus.PUBLISHED) else None
    metrics = (result or {}).get("metrics") or {}
    return render(
        request,
        "allocation/round_detail.html",
        {
            "round": round,
            "offers": offers,
            "policy": policy_sentences(round.policy),
            "fingerprint": fingerprint(round.snapshot_hash),
            "manage": manage,
            "form": form if members else None,
            "rows": rows,
            "all_requests": all_requests,
            "result": result,
            "fill_by_group": fills(metrics.get("fill_by_group"), group_name),
            "fill_by_region": fills(metrics.get("fill_by_region"), region_name),
        },
    )


@login_required
@require_POST
def round_apply_view(request, pk: int):
    round = round_get(pk=pk)
    form, members, offers = _apply_form(request, round, request.POST)
    if form.is_valid():
        member = next(m for m in members if m.code == form.cleaned_data["member"])
        ranked = sorted(
            ((int(form.cleaned_data[f"rank_{o.pk}"]), o) for o in offers if form.cleaned_data.get(f"rank_{o.pk}")),
            key=lambda item: (item[0], item[1].pk),
        )
        need = need_get(form.cleaned_data["need"]) if form.cleaned_data["need"] else None
        try:
            round_apply(
                round=round,
                member=member,
                actor=request.user,
                units=form.cleaned_data["units"],
                ranking=[o for _rank, o in ranked],
                need=need,
                motivation=form.cleaned_data["motivation"],
                nominees=[line.strip() for line in form.cleaned_data["nominees"].splitlines() if line.strip()],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your requests are filed."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("allocation:detail", pk=pk)


ACTIONS = {
    "close": (round_close, lambda: _("The round is closed.")),
    "compute": (round_compute, lambda: _("Computed. Review the result, then publish it.")),
    "publish": (round_publish, lambda: _("Published: cooperations are recorded and applicants notified.")),
}
# Steps that cannot be taken back ask first (computing can be run again and needs no second step).
ASK_FIRST = {
    "close": (
        lambda: _("Close this round to requests?"),
        lambda: _("No member can send or change a request after this; the round cannot be reopened."),
        lambda: _("Yes, close the round"),
    ),
    "publish": (
        lambda: _("Publish this result?"),
        lambda: _(
            "A cooperation is recorded for every placement and every applicant is notified; this cannot be undone."
        ),
        lambda: _("Yes, publish"),
    ),
}


@login_required
@require_POST
def round_action(request, pk: int, action: str):
    round = round_get(pk=pk)
    if not round_can_manage(request.user, round):
        raise PermissionDenied(_("Only the provider's editors and managers may run this round."))
    service, done = ACTIONS[action]
    if action in ASK_FIRST:
        question, consequence, label = ASK_FIRST[action]
        ask = confirmation_page(
            request,
            question=question(),
            consequence=consequence(),
            confirm_label=label(),
            cancel_url=reverse("allocation:detail", args=[pk]),
        )
        if ask:
            return ask
    try:
        service(round=round, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done())
    return redirect("allocation:detail", pk=pk)
