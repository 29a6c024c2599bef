from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    """Open data: bulk CSV and JSON downloads of what the public may see, their dictionary and
    Frictionless data package (docs/open-data.md)."""

    name = "harambee.opendata"
    label = "opendata"
    verbose_name = _("Open data")
