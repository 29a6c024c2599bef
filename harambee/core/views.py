"""The home page and error pages of the web shell."""

import sys

from django.shortcuts import render
from django.utils.translation import check_for_language
from django.views.decorators.http import require_safe
from django.views.i18n import LANGUAGE_QUERY_PARAMETER
from django.views.i18n import set_language as django_set_language

from harambee.audit.selectors import audit_entry_list
from harambee.core.dbbusy import busy_response
from harambee.registry.selectors import member_counts, regions_with_member_counts

from .i18n import url_in_language
from .pagecache import public_page_cache


@require_safe
@public_page_cache()
def home(request):
    counts = member_counts()
    regions = regions_with_member_counts()
    recent = audit_entry_list().filter(is_public=True)[:8]
    return render(request, "core/home.html", {"counts": counts, "regions": regions, "recent": recent})


def set_language(request):
    """A posted language choice: Django's set_language (it checks `next` and stores the choice in the
    language cookie), landing on the same page in the chosen language whatever the browser's language.
    The pages' own switcher is made of plain links (base.html) and needs no form."""
    response = django_set_language(request)
    language = request.POST.get(LANGUAGE_QUERY_PARAMETER) if request.method == "POST" else None
    if response.status_code == 302 and language and check_for_language(language):
        response["Location"] = url_in_language(response["Location"], language)
    return response


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


@require_safe
def privacy(request):
    """The privacy notice: what the platform keeps about people, why and for how long."""
    return render(request, "core/privacy.html")
