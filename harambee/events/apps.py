from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .choices import LANGUAGES


class EventsConfig(AppConfig):
    """Events and workshops: series, editions, agendas."""

    name = "harambee.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        # lazy: AppConfig.ready: these modules import models, which load only after the app registry
        from harambee.audit import display

        from .models import Event, Session

        display.register(
            Event,
            codes={"working_languages": LANGUAGES, "interpretation_languages": LANGUAGES, "translations": LANGUAGES},
            sentences=("working_languages", "interpretation_languages", "translations"),
        )
        display.register(Session, codes={"languages": LANGUAGES, "translations": LANGUAGES}, sentences=("languages",))
