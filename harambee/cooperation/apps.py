from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "harambee.cooperation"
    label = "cooperation"
    verbose_name = _("Cooperation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from harambee.core.exchange import register_exporter, register_importer

        from .iati_export import export_cooperations_csv, export_iati, import_iati

        register_exporter("iati", export_iati)
        register_exporter("cooperations", export_cooperations_csv)
        register_importer("iati", import_iati)
