"""The home page and error pages of the web shell."""

import sys

from django.db.models import Count, Q
from django.shortcuts import render
from django.views.decorators.http import require_safe

from harambee.audit.selectors import audit_entry_list
from harambee.core.dbbusy import busy_response
from harambee.registry.models import Member, MemberKind, MemberStatus, Region


@require_safe
def home(request):
    counts = Member.objects.filter(status=MemberStatus.ACTIVE).aggregate(
        states=Count("pk", filter=Q(kind=MemberKind.STATE)),
        organisations=Count("pk", filter=Q(kind=MemberKind.ORGANISATION)),
    )
    by_region = {
        row["country__region"]: row["n"]
        for row in Member.objects.filter(status=MemberStatus.ACTIVE, country__region__isnull=False)
        .values("country__region")
        .annotate(n=Count("pk"))
    }
    regions = [(region, by_region.get(region.code, 0)) for region in Region.objects.filter(level=Region.Level.REGION)]
    recent = audit_entry_list().filter(is_public=True)[:8]
    return render(request, "core/home.html", {"counts": counts, "regions": regions, "recent": recent})


def error_400(request, exception=None):
    return render(request, "400.html", status=400)


def error_403(request, exception=None):
    return render(request, "403.html", {"reason": str(exception or "")}, status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    busy = busy_response(request, sys.exc_info()[1])  # a lock timeout outside a view: 503, not 500
    if busy is not None:
        return busy
    return render(request, "500.html", status=500)
