"""Forms of the assessment pages; the services validate again (the forms only shape the input)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StartForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year


class CommentForm(forms.Form):
    indicator = forms.CharField(widget=forms.HiddenInput)
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000)


class EvidenceForm(forms.Form):
    indicator = forms.CharField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Title"), max_length=200)
    url = forms.CharField(label=_("Link"), required=False, max_length=500)
    file = forms.FileField(label=_("or a file (PDF, office document or image, at most 20 MB)"), required=False)


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("What should the member change?"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
