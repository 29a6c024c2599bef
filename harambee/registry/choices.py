"""Translated labels for reference codes that CLDR does not name."""

from django.utils.translation import gettext_lazy as _

COUNTRY_GROUP_NAMES = {
    "LDC": _("Least developed countries"),
    "LLDC": _("Landlocked developing countries"),
    "SIDS": _("Small island developing States"),
    "G77": _("Group of 77"),
}

# IATI OrganisationType codelist (v2.03), the codes a member may carry.
IATI_ORGANISATION_TYPES = {
    "10": _("Government"),
    "11": _("Local Government"),
    "15": _("Other Public Sector"),
    "21": _("International NGO"),
    "22": _("National NGO"),
    "23": _("Regional NGO"),
    "24": _("Partner Country based NGO"),
    "30": _("Public Private Partnership"),
    "40": _("Multilateral"),
    "60": _("Foundation"),
    "70": _("Private Sector"),
    "71": _("Private Sector in Provider Country"),
    "72": _("Private Sector in Aid Recipient Country"),
    "73": _("Private Sector in Third Country"),
    "80": _("Academic, Training and Research"),
    "90": _("Other"),
}

# The IATI organisation type an organisation type implies when none is given.
DEFAULT_IATI_TYPE = {
    "state": "10",
    "government_agency": "10",
    "university": "80",
    "company": "70",
    "ngo": "21",
    "un_entity": "40",
    "regional_body": "40",
    "foundation": "60",
    "other": "90",
}
