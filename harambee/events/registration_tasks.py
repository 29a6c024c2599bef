"""The daily erasure of delegates' personal data after their event (HARAMBEE_SCHEDULE)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from harambee.background.queue import background_task

from .registration_services import personal_data_erase_due


@background_task(label=_("Erase delegates' personal data after their event"), attempts=3, backoff=600)
def personal_data_erasure_task() -> int:
    return personal_data_erase_due(today=timezone.localdate())
