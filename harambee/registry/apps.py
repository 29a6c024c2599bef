from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from harambee.core.iati import code_with_label


class RegistryConfig(AppConfig):
    name = "harambee.registry"
    label = "registry"
    verbose_name = _("Members registry")

    def ready(self) -> None:
        # lazy: AppConfig.ready: these modules import models, which load only after the app registry
        from harambee.audit import display

        from .access import people_names
        from .models import Member
        from .selectors import member_names, member_names_by_code

        # The audit trail names people by the one rule for showing people, and members by name.
        display.register_people(people_names)
        display.register_names(Member, member_names)
        display.register_member_codes(member_names_by_code)
        languages = {code.split("-")[0]: name for code, name in settings.LANGUAGES}
        display.register(
            Member,
            codes={
                "iati_org_type": lambda code: code_with_label("OrganisationType", code),
                "name_translations": languages,
            },
        )
