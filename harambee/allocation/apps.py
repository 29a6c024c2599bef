from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllocationConfig(AppConfig):
    """Allocation rounds: offer capacity assigned to requests under a declared policy."""

    name = "harambee.allocation"
    label = "allocation"
    verbose_name = _("Allocation rounds")

    def ready(self) -> None:
        # lazy: AppConfig.ready: these modules import models, which load only after the app registry
        from harambee.audit import display

        from .explain import fingerprint, policy_text
        from .models import AllocationRound

        # The audit trail reads a round's policy as sentences, its snapshot as a fingerprint and
        # its requests ("zmb × 3") as the member's name and a number of units.
        display.register(
            AllocationRound,
            labels={"snapshot_hash": _("Snapshot fingerprint")},
            codes={"policy": policy_text, "snapshot_hash": fingerprint},
            member_counts=("requests",),
        )
