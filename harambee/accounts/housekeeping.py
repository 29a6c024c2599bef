"""The daily housekeeping of accounts, run by the task workers (HARAMBEE_SCHEDULE): forget expired
sessions, failed sign-ins whose cool-off has ended and old rate-limit counters."""

from dataclasses import asdict, dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from harambee.background.queue import background_task

from .throttling import rate_counters_prune, sign_in_records_prune


@dataclass(frozen=True)
class Housekeeping:
    sessions: int
    sign_in_records: int
    rate_counters: int


def accounts_housekeeping() -> Housekeeping:
    """Remove what no longer counts; how many of each."""
    now = timezone.now()
    sessions = Session.objects.filter(expire_date__lt=now).count()
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()  # what `clearsessions` does
    return Housekeeping(
        sessions=sessions, sign_in_records=sign_in_records_prune(now=now), rate_counters=rate_counters_prune(now=now)
    )


@background_task(label=_("Forget expired sessions and sign-in records"), attempts=3, backoff=600)
def accounts_housekeeping_task() -> dict:
    return asdict(accounts_housekeeping())
