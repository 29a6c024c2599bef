from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllocationConfig(AppConfig):
    """Allocation rounds: offer capacity assigned to requests under a declared policy."""

    name = "harambee.allocation"
    label = "allocation"
    verbose_name = _("Allocation rounds")
