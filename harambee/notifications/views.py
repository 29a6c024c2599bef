"""A person's notifications: list, and mark as read."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from harambee.core.web import paginate

from .selectors import notification_list_for_user
from .services import notification_mark_read, notifications_mark_all_read


@login_required
@require_safe
def notification_list(request):
    page = paginate(request, notification_list_for_user(user=request.user))
    rows = [{"notification": n, "link": n.link()} for n in page.object_list]
    return render(request, "notifications/notification_list.html", {"page": page, "rows": rows})


@login_required
@require_POST
def notification_read(request, pk: int):
    notification = notification_list_for_user(user=request.user).filter(pk=pk).first()
    if notification is None:
        raise Http404(_("No such notification."))
    notification_mark_read(notification=notification, actor=request.user)
    link = notification.link()
    return redirect(link or "notifications:list")


@login_required
@require_POST
def notification_read_all(request):
    notifications_mark_all_read(actor=request.user)
    return redirect("notifications:list")
