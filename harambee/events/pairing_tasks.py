"""The background task of knowledge-exchange pairing: computing a run the host set up."""

from django.utils.translation import gettext_lazy as _

from harambee.background.queue import background_task

from .pairing_services import pairing_run_execute


@background_task(label=_("Pair the delegates of an event for knowledge exchange"), attempts=2, backoff=60)
def pairing_run_task(run_id: int) -> str:
    """Compute the pairing run `run_id` (queued by `pairing_run_create`); its status afterwards."""
    run = pairing_run_execute(run_id=run_id)
    return run.status if run else "missing"
