from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowsConfig(AppConfig):
    name = "harambee.follows"
    label = "follows"
    verbose_name = _("Follows and alerts")
    default_auto_field = "django.db.models.BigAutoField"
