from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecretariatConfig(AppConfig):
    """Pages of the platform-wide secretariat role; no models of its own."""

    name = "harambee.secretariat"
    label = "secretariat"
    verbose_name = _("Secretariat")
