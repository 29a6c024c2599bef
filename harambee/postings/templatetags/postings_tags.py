from dataclasses import dataclass

from django import template
from django.utils.translation import get_language

from harambee.postings import text

register = template.Library()


@dataclass(frozen=True)
class Shown:
    title: str
    summary: str
    language: str
    translated: bool


@register.filter
def kind_path(posting) -> str:
    return "needs" if posting.kind == "need" else "offers"


@register.simple_tag
def posting_in_reader_language(posting) -> Shown:
    """The title and a short summary in the reader's language when a translation exists."""
    title, description, translation = posting.translation_for(get_language())
    return Shown(
        title,
        text.summary(description),
        translation.language if translation else posting.language,
        translation is not None,
    )
