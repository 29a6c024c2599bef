from django.apps import AppConfig
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from harambee.registry.choices import COUNTRY_GROUP_NAMES
from harambee.registry.names import territory_name

from .choices import LANGUAGES, MODALITIES, SECTORS, TARGET_GROUPS, THEMES, sdg_label


class PostingsConfig(AppConfig):
    """Needs and offers: the cooperation marketplace."""

    name = "harambee.postings"
    label = "postings"
    verbose_name = _("Needs and offers")

    def ready(self) -> None:
        # lazy: AppConfig.ready: these modules import models, which load only after the app registry
        from harambee.audit import display
        from harambee.core.pagecache import register_generation

        from .models import Posting
        from .selectors import machine_translations_generation
        from .signals import postings_changed
        from .tasks import machine_translate_later

        # a machine translation stored in the background changes what public pages show
        register_generation(machine_translations_generation)
        postings_changed.connect(
            lambda sender, ids, **kwargs: machine_translate_later(ids), dispatch_uid="postings-mt", weak=False
        )

        display.register(
            Posting,
            codes={
                "modalities": MODALITIES,
                "themes": THEMES,
                "sectors": SECTORS,
                "target_groups": TARGET_GROUPS,
                "sdgs": sdg_label,
                "delivery_languages": LANGUAGES,
                "translations": LANGUAGES,
                "eligible_groups": COUNTRY_GROUP_NAMES,
                "eligible_regions": lambda code: territory_name(str(code), get_language()) or code,
            },
            sentences=("delivery_languages", "translations"),
        )
