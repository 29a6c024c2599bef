"""``/healthz``: for a load balancer and a monitor (JSON; 200 when healthy, 503 when not)."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .selectors import platform_health


@never_cache
@require_safe
def healthz(request):
    health = platform_health()
    return JsonResponse(health.as_json(), status=200 if health.ok else 503)
