from django import forms
from django.utils.translation import gettext_lazy as _

from .models import FollowKind, Frequency


class FollowForm(forms.Form):
    """What the Follow buttons post: the kind, the target (a member's code, a posting's id, or "need"
    or "offer" for a search) and, for a search, the list's query string."""

    kind = forms.ChoiceField(choices=FollowKind.choices)
    target = forms.CharField(max_length=100)
    query = forms.CharField(max_length=4000, required=False, strip=False)
    next = forms.CharField(max_length=4000, required=False)


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices)
