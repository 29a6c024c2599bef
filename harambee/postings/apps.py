from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PostingsConfig(AppConfig):
    """Needs and offers: the cooperation marketplace."""

    name = "harambee.postings"
    label = "postings"
    verbose_name = _("Needs and offers")
