from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks.signals import task_finished


class BackgroundConfig(AppConfig):
    name = "harambee.background"
    label = "background"
    verbose_name = _("Background work")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # lazy: AppConfig.ready: these modules import models, which load only after the app registry
        from .lifecycle import retry_failed

        task_finished.connect(retry_failed, dispatch_uid="harambee-background-retry")
