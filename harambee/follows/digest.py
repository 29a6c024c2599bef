"""The follows digest, run by the task workers every day (HARAMBEE_SCHEDULE) and by
``harambee follows digest``: each follow is handled when its period (a day or a week) has passed."""

from django.utils.translation import gettext_lazy as _

from harambee.background.queue import background_task

from .services import follows_digest_run


@background_task(label=_("Digest of what people follow"), attempts=3, backoff=600)
def follows_digest_task() -> dict:
    return follows_digest_run()
