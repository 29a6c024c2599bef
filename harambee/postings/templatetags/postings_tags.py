"""Showing needs and offers in the reader's language (the choice is `postings.reading.rendering_for`'s).

``{% posting_title posting %}`` prints the title as an isolated run with its own ``lang`` and ``dir``
and, when it is not the original, a small label ("translated by the author", "machine
translation"); ``{{ posting|reading_title }}`` is the plain title for attributes and sentences.
"""

from django import template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from harambee.postings.reading import Rendering, rendering_for, title_html

register = template.Library()


@register.filter
def kind_path(posting) -> str:
    return "needs" if posting.kind == "need" else "offers"


@register.simple_tag
def posting_in_reader_language(posting) -> Rendering:
    """The title, description and summary a reader of the active language sees, and what they are."""
    return rendering_for(posting, get_language())


@register.filter
def reading_title(posting) -> str:
    """The title in the reader's language as plain text (escaped by the template as usual)."""
    if posting is None or posting == "":
        return ""
    return rendering_for(posting, get_language()).title


@register.simple_tag
def posting_title(posting, label: bool = True) -> SafeString:
    """``<bdi lang dir>title</bdi>`` in the reader's language, with the label of a translation."""
    if posting is None or posting == "":
        return SafeString("")
    return title_html(posting, get_language(), label=label)
