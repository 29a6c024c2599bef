from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "harambee.matching"
    label = "matching"
    verbose_name = _("Matching")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core.signals import request_finished

        from harambee.postings.signals import postings_changed

        from .selectors import rebuild_stale_snapshot
        from .tasks import features_refresh_later

        def refresh(sender, ids, **kwargs):
            features_refresh_later(ids)

        postings_changed.connect(refresh, dispatch_uid="matching-features", weak=False)
        # A request that found the snapshot out of date answered from it; the next one is built once the
        # response has been sent, in the same process (no thread).
        request_finished.connect(rebuild_stale_snapshot, dispatch_uid="matching-snapshot-rebuild")
