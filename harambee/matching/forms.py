from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MESSAGE_MAX_LENGTH


class ProposeForm(forms.Form):
    need = forms.CharField(max_length=100)
    offer = forms.CharField(max_length=100)
    message = forms.CharField(label=_("Message"), max_length=5000, required=False, widget=forms.Textarea)


class AnswerForm(forms.Form):
    response = forms.CharField(label=_("Message"), max_length=5000, required=False, widget=forms.Textarea)


class MessageForm(forms.Form):
    # the length is checked by the service (post_message), which says it in the same words everywhere
    body = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto", "maxlength": MESSAGE_MAX_LENGTH}),
        error_messages={"required": _("Write a message first.")},
    )
