"""Web pages of the members registry: browse, profile, edit, people, history, groups."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from harambee.audit.selectors import audit_entry_list, audit_history_for
from harambee.core.collation import sort_key
from harambee.core.confirm import confirmation_page
from harambee.core.web import add_service_errors, paginate, query_without_page

from .access import MemberAction, is_secretariat, member_can, member_get_for_user, person_may_be_named
from .forms import InvitationForm, MemberFilterForm, MemberProfileForm, MembershipForm
from .models import CountryGroup, Membership, MemberStatus
from .selectors import (
    group_list,
    member_browse,
    member_memberships,
    member_profile,
    reference_datasets,
    region_choices,
)
from .services import member_update, membership_remove, membership_update


@require_safe
def member_list(request):
    form = MemberFilterForm(
        request.GET or None,
        regions=region_choices(),
        groups=group_list(),
        show_status=is_secretariat(request.user),
    )
    filters = form.cleaned_data if form.is_valid() else {}
    members = member_browse(user=request.user, **{k: v for k, v in filters.items() if v})
    language = get_language()
    members = sorted(members, key=lambda m: sort_key(m.display_name, language))
    page = paginate(request, members)
    return render(
        request,
        "registry/member_list.html",
        {"form": form, "page": page, "total": len(members), "query": query_without_page(request)},
    )


@require_safe
def member_detail(request, code: str):
    member = member_profile(member=member_get_for_user(user=request.user, code=code))
    can_private = member_can(request.user, member, MemberAction.VIEW_PRIVATE)
    # Its people and the secretariat see everyone; others, the focal points who consent to be shown.
    people = [
        m
        for m in member.memberships.all()
        if can_private or (m.is_focal_point and person_may_be_named(m.user, m, request.user))
    ]
    return render(
        request,
        "registry/member_detail.html",
        {
            "member": member,
            "people": people,
            "can_private": can_private,
            "can_edit": member_can(request.user, member, MemberAction.EDIT),
            "can_manage": member_can(request.user, member, MemberAction.MANAGE_PEOPLE),
            "can_approve": member_can(request.user, member, MemberAction.APPROVE),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_edit(request, code: str):
    member = member_get_for_user(user=request.user, code=code, action=MemberAction.EDIT)
    form = MemberProfileForm(request.POST or None, member=member, initial=MemberProfileForm.initial_for(member))
    if request.method == "POST" and form.is_valid():
        try:
            member_update(
                member=member, actor=request.user, data=form.service_data(), reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The profile was saved."))
            return redirect("registry:member_detail", code=member.code)
    return render(request, "registry/member_edit.html", {"member": member, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def member_people(request, code: str):
    member = member_get_for_user(user=request.user, code=code, action=MemberAction.MANAGE_PEOPLE)
    memberships = member_memberships(member)
    rows = [
        (
            m,
            MembershipForm(
                prefix=f"m{m.pk}",
                initial={
                    "role": m.role,
                    "is_focal_point": m.is_focal_point,
                    "position": m.position,
                    "show_publicly": m.show_publicly,
                },
            ),
        )
        for m in memberships
    ]
    invitations = member.invitations.select_related("invited_by").order_by("-created_at")[:50]
    return render(
        request,
        "registry/member_people.html",
        {"member": member, "rows": rows, "invite_form": InvitationForm(), "invitations": invitations},
    )


@login_required
@require_POST
def membership_change(request, code: str, pk: int):
    member = member_get_for_user(user=request.user, code=code, action=MemberAction.MANAGE_PEOPLE)
    membership = get_object_or_404(Membership, pk=pk, member=member)
    if "remove" in request.POST:
        ask = confirmation_page(
            request,
            question=_("Remove %(name)s from %(member)s?") % {"name": membership.user, "member": member.display_name},
            consequence=_("They will no longer act for this member; an invitation is needed to bring them back."),
            confirm_label=_("Yes, remove"),
            cancel_url=reverse("registry:member_people", args=[member.code]),
        )
        if ask:
            return ask
        try:
            membership_remove(membership=membership, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(name)s no longer acts for this member.") % {"name": membership.user})
        return redirect("registry:member_people", code=member.code)
    form = MembershipForm(request.POST, prefix=f"m{membership.pk}")
    if form.is_valid():
        try:
            membership_update(membership=membership, actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The role was saved."))
    else:
        messages.error(request, _("Please correct the role form."))
    return redirect("registry:member_people", code=member.code)


@require_safe
def member_history(request, code: str):
    member = member_get_for_user(user=request.user, code=code)
    full = member_can(request.user, member, MemberAction.VIEW_PRIVATE)
    # Members and the secretariat see everything recorded for the member (people, invitations);
    # the public sees only the public entries about the member itself.
    entries = audit_entry_list(member_codes=[member.code]) if full else audit_history_for(member, public_only=True)
    page = paginate(request, entries)
    return render(request, "registry/member_history.html", {"member": member, "page": page, "full": full})


@require_safe
def group_list_view(request):
    return render(request, "registry/group_list.html", {"groups": group_list().prefetch_related("countries")})


@require_safe
def group_detail(request, code: str):
    group = get_object_or_404(CountryGroup, code=code)
    countries = sorted(group.countries.select_related("region"), key=lambda c: c.name.casefold())
    member_codes = dict(
        group.countries.filter(members__kind="state", members__status=MemberStatus.ACTIVE).values_list(
            "iso3", "members__code"
        )
    )
    return render(
        request,
        "registry/group_detail.html",
        {"group": group, "rows": [(c, member_codes.get(c.iso3)) for c in countries]},
    )


@require_safe
def reference_data(request):
    return render(request, "registry/reference_data.html", {"datasets": reference_datasets()})
