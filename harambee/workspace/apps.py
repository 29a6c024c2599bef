from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    name = "harambee.workspace"
    label = "workspace"
    verbose_name = _("What needs me")
    default_auto_field = "django.db.models.BigAutoField"
