from django import forms
from django.utils.translation import gettext_lazy as _


class ProposeForm(forms.Form):
    need = forms.CharField(max_length=100)
    offer = forms.CharField(max_length=100)
    message = forms.CharField(label=_("Message"), max_length=5000, required=False, widget=forms.Textarea)


class AnswerForm(forms.Form):
    response = forms.CharField(label=_("Message"), max_length=5000, required=False, widget=forms.Textarea)
