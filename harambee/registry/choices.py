"""Translated labels for reference codes that CLDR does not name."""

from django.utils.translation import gettext_lazy as _

COUNTRY_GROUP_NAMES = {
    "LDC": _("Least developed countries"),
    "LLDC": _("Landlocked developing countries"),
    "SIDS": _("Small island developing States"),
    "G77": _("Group of 77"),
}

# The IATI OrganisationType codes and their names come from the vendored IATI codelists
# (harambee.iati.codelists, labels through harambee.core.iati); the organisation type a member
# without one is given comes from harambee/iati/mapping.toml ([organisation_type]).
