"""Sign-in protection and rate limits, shared by every process through the database (docs/security.md).

Failed sign-ins are counted by django-axes per (account, client address) pair: the settings in
config/settings/base.py point it at the callables below. Password-reset e-mails are limited per
e-mail address and per client address by `rate_count`, a counter row per key in the database.
"""

import hashlib
from datetime import timedelta

from axes.models import AccessAttempt
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, F, Sum, Value, When
from django.utils import timezone

from .models import RateCounter, normalise_email

LONGEST_WAIT = timedelta(days=1)


def sign_in_account(request, credentials) -> str:
    """The account a sign-in attempt is for: its e-mail address, normalised (axes' username)."""
    if credentials:
        email = credentials.get("username") or ""
    else:
        email = (getattr(request, "POST", None) or {}).get("username", "")
    return normalise_email(email)[:254]


def sign_in_wait(request=None) -> timedelta:
    """How long a pair waits once it has failed too often (axes' cool-off): the window, doubled for
    every further round of HARAMBEE_LOGIN_MAX_FAILURES failures of the same pair (at most a day)."""
    base = timedelta(seconds=settings.HARAMBEE_LOGIN_WINDOW_SECONDS)
    address = getattr(request, "axes_ip_address", None)
    if request is None or address is None:
        return base
    failures = (
        AccessAttempt.objects.filter(
            username=sign_in_account(request, None), ip_address=address, expiration__expires_at__gt=timezone.now()
        ).aggregate(n=Sum("failures_since_start"))["n"]
        or 0
    )
    limit = max(settings.HARAMBEE_LOGIN_MAX_FAILURES, 1)
    rounds = max(failures - limit, 0) // limit
    return min(base * 2 ** min(rounds, 20), max(LONGEST_WAIT, base))


def sign_in_refused(request, original_response, credentials):
    """The answer while a pair waits: the sign-in page (its form says why) with status 429."""
    original_response.status_code = 429
    return original_response


def sign_in_wait_minutes(request) -> int:
    return max(1, -(-int(sign_in_wait(request).total_seconds()) // 60))


@transaction.atomic
def rate_count(*, scope: str, value: str, period: timedelta) -> int:
    """Count one event for (scope, value) and return how many there were in the current period.

    The period starts at the first event and restarts at the first event after it ends. One row per
    key, incremented in place, so concurrent processes count exactly; only a hash of the key is kept.
    """
    key = hashlib.sha256(f"{scope}\n{value}".encode()).hexdigest()
    now = timezone.now()
    # both assignments read the row as it was (SQL semantics), so an ended period restarts at 1
    updated = RateCounter.objects.filter(key=key).update(
        count=Case(When(window_ends__lte=now, then=Value(1)), default=F("count") + 1),
        window_ends=Case(When(window_ends__lte=now, then=Value(now + period)), default=F("window_ends")),
    )
    if not updated:
        try:
            with transaction.atomic():
                RateCounter.objects.create(key=key, count=1, window_ends=now + period)
        except IntegrityError:  # another process created it first: count on its row
            RateCounter.objects.filter(key=key).update(count=F("count") + 1)
        rate_counters_prune(now=now)
    return RateCounter.objects.values_list("count", flat=True).get(key=key)


def password_reset_allowed(*, email: str, client: str) -> bool:
    """Count a password-reset request; whether its e-mail may go (limits per address and per client, per hour)."""
    hour = timedelta(hours=1)
    by_email = rate_count(scope="password-reset:email", value=normalise_email(email), period=hour)
    by_client = rate_count(scope="password-reset:client", value=client, period=hour)
    return (
        by_email <= settings.HARAMBEE_PASSWORD_RESET_PER_EMAIL
        and by_client <= settings.HARAMBEE_PASSWORD_RESET_PER_CLIENT
    )


def rate_counters_prune(*, now) -> int:
    """Forget counters whose period ended more than a day before ``now``; how many."""
    deleted, _rows = RateCounter.objects.filter(window_ends__lt=now - timedelta(days=1)).delete()
    return deleted


def sign_in_records_prune(*, now) -> int:
    """Forget the failed sign-ins whose cool-off has ended (they no longer count: `sign_in_wait`); how many
    pairs (with their expiry rows)."""
    deleted, _rows = AccessAttempt.objects.filter(expiration__expires_at__lte=now).delete()
    return deleted
