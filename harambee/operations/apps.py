from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the platform: backups that restore, and the health check."""

    name = "harambee.operations"
    verbose_name = _("Operations")
