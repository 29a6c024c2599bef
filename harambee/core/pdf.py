"""PDF documents from HTML (WeasyPrint), with fonts for the six UN languages that ship with the project.

The fonts come from registry packages (OFL-licensed, docs/adr/0013): Noto Sans for Latin and
Cyrillic, IBM Plex Sans Arabic, Noto Sans SC for Chinese. They are found in the installed packages at
run time and named by ``file://`` URLs in ``@font-face`` rules (`font_css`), so that a fresh
machine renders every script without system fonts and nothing is downloaded. Pages name the
family stack `FONT_STACK`; a glyph missing from the first family is taken from the next.

`render_pdf` fetches nothing from the network: a document may load the fonts, ``data:`` URLs and
files under `allowed roots` (the fonts' folders and the static files), nothing else.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings


@dataclass(frozen=True)
class FontFile:
    family: str  # the name the CSS uses
    package: str  # the installed Python package that carries the file
    path: str  # inside the package
    script: str  # what it is for, for people
    weights: tuple[int, ...] = (400, 700)  # the weights it serves (WeasyPrint takes no range of weights)


#: The fonts of every document, in the order of the stack: Latin and Cyrillic first, then Arabic, then
#: Chinese (whose Latin letters would otherwise win over Noto Sans's in a mixed line). Arabic is IBM Plex
#: Sans Arabic rather than Noto Sans Arabic: Noto's Arabic letters share dotless glyphs, which makes
#: the text of a PDF wrong when copied or searched (docs/adr/0013).
PLEX_ARABIC = "fontpkg_ibm_plex_sans_arabic"
FONT_FILES = (
    FontFile("Harambee Sans", "fontpkg_noto_sans", "files/NotoSans[wdth,wght].ttf", "Latin, Cyrillic"),
    FontFile("Harambee Arabic", PLEX_ARABIC, "files/IBMPlexSansArabic-Regular.ttf", "Arabic", (400,)),
    FontFile("Harambee Arabic", PLEX_ARABIC, "files/IBMPlexSansArabic-Bold.ttf", "Arabic", (700,)),
    FontFile("Harambee Chinese", "justmytype_intl_cjk", "fonts/ofl/notosanssc/NotoSansSC[wght].ttf", "Chinese"),
)
FONT_STACK = ", ".join(dict.fromkeys(f'"{font.family}"' for font in FONT_FILES))


class FontMissing(RuntimeError):
    """A font package is not installed (run `uv sync`)."""


def font_path(font: FontFile) -> Path:
    """The file of `font` in its installed package."""
    try:
        path = Path(str(resources.files(font.package) / font.path))
    except ModuleNotFoundError as error:
        raise FontMissing(f"The font package {font.package} is not installed; run `uv sync`.") from error
    if not path.is_file():
        raise FontMissing(f"{font.path} is missing from the package {font.package}; reinstall it.")
    return path


@functools.cache
def font_css() -> str:
    """The ``@font-face`` rules of `FONT_FILES` and the default family of a document."""
    rules = [
        f'@font-face {{ font-family: "{font.family}"; src: url("{font_path(font).as_uri()}"); '
        f"font-weight: {weight}; font-style: normal; }}"
        for font in FONT_FILES
        for weight in font.weights
    ]
    rules.append(f"html {{ font-family: {FONT_STACK}; }}")
    return "\n".join(rules)


@functools.cache
def _allowed_roots() -> tuple[Path, ...]:
    roots = [font_path(font).parent for font in FONT_FILES]
    roots += [Path(__file__).resolve().parent.parent]  # the apps' static files and templates
    if getattr(settings, "STATIC_ROOT", None):
        roots.append(Path(settings.STATIC_ROOT).resolve())
    return tuple(root.resolve() for root in roots)


@functools.cache
def _fetcher_class():
    # lazy: WeasyPrint takes seconds to import; only processes that print documents pay for it
    from weasyprint.urls import URLFetcher

    class LocalFetcher(URLFetcher):
        """WeasyPrint's fetcher for ``data:`` URLs and the files under `_allowed_roots`; anything else
        (the network, other files) is refused and the document is rendered without it."""

        def __init__(self):
            super().__init__(allowed_protocols=("data", "file"), allow_redirects=False)

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "file":
                path = Path(unquote(parts.path)).resolve()
                if not any(path.is_relative_to(root) for root in _allowed_roots()):
                    raise ValueError(f"Documents do not load this file: {url[:120]}")
            return super().fetch(url, headers)

    return LocalFetcher


def render_pdf(html: str, *, base_url: str | None = None, stylesheets: tuple[str, ...] = ()) -> bytes:
    """The PDF of the HTML document `html` (a whole document: its ``lang`` and ``dir`` attributes
    choose hyphenation, shaping and direction), with the project's fonts and the given CSS."""
    # lazy: WeasyPrint takes seconds to import (see `_fetcher_class`)
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    # fontTools tells at INFO level how it makes each static font of a variable one: noise in the logs
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    font_config = FontConfiguration()
    fetcher = _fetcher_class()()
    sheets = [CSS(string=font_css(), font_config=font_config, url_fetcher=fetcher)]
    sheets += [CSS(string=sheet, font_config=font_config, url_fetcher=fetcher) for sheet in stylesheets]
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=sheets, font_config=font_config)
