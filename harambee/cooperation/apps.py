from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from harambee.core.exchange import register_exporter, register_importer
from harambee.core.iati import code_with_label
from harambee.postings.choices import CHANNELS, MODALITIES, SECTORS, THEMES


class CooperationConfig(AppConfig):
    name = "harambee.cooperation"
    label = "cooperation"
    verbose_name = _("Cooperation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # lazy: AppConfig.ready: these modules import models, which load only after the app registry
        from .iati_export import export_cooperations_csv, export_iati, import_iati

        register_exporter("iati", export_iati)
        register_exporter("cooperations", export_cooperations_csv)
        register_importer("iati", import_iati)
        _register_audit_readings()


def _register_audit_readings() -> None:
    """How the audit trail reads the codes cooperations and pledges record."""
    # lazy: AppConfig.ready: these modules import models, which load only after the app registry
    from harambee.audit import display

    from .models import Cooperation, Pledge, Result, Transaction

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
            "aid_type": lambda code: code_with_label("AidType", code),
            "finance_type": lambda code: code_with_label("FinanceType", code),
            "flow_type": lambda code: code_with_label("FlowType", code),
            "collaboration_type": lambda code: code_with_label("CollaborationType", code),
            "activity_status": lambda code: code_with_label("ActivityStatus", code),
        },
    )
    display.register(Transaction, codes={"type": lambda code: code_with_label("TransactionType", code)})
    display.register(Result, codes={"type": lambda code: code_with_label("ResultType", code)})
    display.register(Pledge, codes={"theme": THEMES})
