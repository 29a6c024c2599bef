"""The workspace page: what waits for the signed-in person ("What needs me")."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .selectors import work_for
from .services import visit_record


@login_required
@require_safe
def dashboard(request):
    visit = visit_record(user=request.user)
    return render(request, "workspace/dashboard.html", {"work": work_for(user=request.user, visit=visit)})
