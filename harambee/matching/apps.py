from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "harambee.matching"
    label = "matching"
    verbose_name = _("Matching")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from harambee.postings.signals import postings_changed

        from .services import schedule_features_refresh

        def refresh(sender, ids, **kwargs):
            schedule_features_refresh(ids)

        postings_changed.connect(refresh, dispatch_uid="matching-features", weak=False)
