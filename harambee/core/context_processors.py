"""Template context every page of the web shell needs (language switcher, direction)."""

from django.conf import settings
from django.utils.translation import get_language, get_language_bidi, get_language_info

from .i18n import urls_in_languages


def shell(request) -> dict:
    current = get_language() or settings.LANGUAGE_CODE
    urls = urls_in_languages(request.get_full_path(), [code for code, _name in settings.LANGUAGES])
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "url": urls[code],
                "current": code == current,
            }
        )
    return {
        "shell_languages": languages,
        "shell_direction": "rtl" if get_language_bidi() else "ltr",
        "shell_language": current,
    }
