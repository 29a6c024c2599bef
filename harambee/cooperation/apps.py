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
        _register_audit_readings()


def _register_audit_readings() -> None:
    """How the audit trail reads the codes cooperations and pledges record."""
    from harambee.audit import display
    from harambee.postings.choices import CHANNELS, MODALITIES, SECTORS, THEMES

    from .models import TRANSACTION_LABELS, Cooperation, Pledge, Transaction

    def dac_sector(row):
        """One DAC sector as "11430 (60 %)"."""
        if not isinstance(row, dict):
            return row
        try:
            share = f"{float(row.get('percentage', 100)):g}"
        except (TypeError, ValueError):
            share = str(row.get("percentage"))
        return f"{row.get('code', '')} ({share} %)"

    display.register(
        Cooperation,
        codes={
            "themes": THEMES,
            "sectors": SECTORS,
            "modality": MODALITIES,
            "channel": CHANNELS,
            "dac_sectors": dac_sector,
        },
    )
    display.register(Transaction, codes={"type": TRANSACTION_LABELS})
    display.register(Pledge, codes={"theme": THEMES})
