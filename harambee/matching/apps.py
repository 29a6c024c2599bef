from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from harambee.postings.signals import postings_changed


class MatchingConfig(AppConfig):
    name = "harambee.matching"
    label = "matching"
    verbose_name = _("Matching")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # lazy: AppConfig.ready: these modules import models, which load only after the app registry
        from harambee.core.pagecache import register_generation
        from harambee.postings.selectors import register_search_vectors

        from .index import index_generation
        from .search import search_vectors
        from .tasks import features_refresh_later, index_build_later

        # suggestions appear on public pages: a new index makes them fresh at once
        register_generation(index_generation)
        # searches re-rank their best results by the stored vectors (docs/search.md)
        register_search_vectors(search_vectors)

        def refresh(sender, ids, **kwargs):
            # the index at once (a new, closed or edited posting, on its stored features), then again
            # when the features task has computed the new concepts and vectors
            index_build_later()
            features_refresh_later(ids)

        postings_changed.connect(refresh, dispatch_uid="matching-features", weak=False)
