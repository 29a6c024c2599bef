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
import hashlib
import logging
import os
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings

logger = logging.getLogger(__name__)


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


# Static instances of the variable fonts, made once and kept on disk (docs/adr/0013). WeasyPrint turns a
# variable font into a static one for the weight it uses at every PDF (fontTools: ~0.1 s for Noto Sans,
# ~1–1.5 s per weight for Noto Sans SC); a static file is only subset, in milliseconds. The instances are kept under
# HARAMBEE_FONT_CACHE_DIR (default: the data folder's cache/fonts), named after the source file (its
# package, path, size and modification time) and the weight, so a new font version makes new files.
# Writing is lock-free and race-safe: each process writes its own temporary file in the same folder and
# renames it into place (os.replace is atomic), so concurrent workers never read half a file; two may do
# the same work once, and the last rename wins with identical content.

#: The variation of each axis other than the weight, for the static instances (Noto Sans: normal width).
STATIC_AXES = {"wdth": 100}


def font_cache_dir() -> Path:
    configured = getattr(settings, "HARAMBEE_FONT_CACHE_DIR", None)
    if configured:
        return Path(configured)
    return Path(getattr(settings, "DATA_DIR", "var")) / "cache" / "fonts"


def _instance_name(font: FontFile, source: Path, weight: int) -> str:
    stat = source.stat()
    key = f"{font.package}/{font.path}/{stat.st_size}/{stat.st_mtime_ns}".encode()
    stem = source.stem.split("[", 1)[0]
    return f"{stem}-{weight}-{hashlib.sha256(key).hexdigest()[:16]}.ttf"


def _make_instance(source: Path, weight: int, target: Path) -> None:
    """Write the static instance of the variable font `source` at `weight` to `target` (temp + rename):
    every glyph, character, layout feature and name kept, each axis pinned (the weight to `weight`,
    others to `STATIC_AXES` or their default). HarfBuzz's instancer (uharfbuzz) takes ~0.2 s for Noto
    Sans SC where fontTools takes ~25 s, since it works on the whole font rather than a document's subset."""
    import uharfbuzz as hb  # lazy: only when an instance is missing

    face = hb.Face(hb.Blob.from_file_path(str(source)))
    keep = hb.SubsetInput()
    for name in ("UNICODE", "GLYPH_INDEX", "LAYOUT_FEATURE_TAG", "LAYOUT_SCRIPT_TAG", "NAME_ID", "NAME_LANG_ID"):
        keep.sets(getattr(hb.SubsetInputSets, name)).invert()  # an empty set inverted: everything
    for axis in face.axis_infos:
        value = weight if axis.tag == "wght" else STATIC_AXES.get(axis.tag, axis.default_value)
        keep.pin_axis_location(face, axis.tag, max(axis.min_value, min(axis.max_value, value)))
    static = hb.subset(face, keep)
    if static is None:
        raise OSError(f"HarfBuzz could not make a static instance of {source.name}")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(static.blob.data)
        os.chmod(temporary, 0o644)  # the web and the task workers may run as other users
        os.replace(temporary, target)  # atomic: a reader sees the whole file or none
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def font_file_for(font: FontFile, weight: int) -> Path:
    """The file that serves `font` at `weight`: a cached static instance when `font` is variable (made
    now when missing), else the package's file. When the cache folder cannot be written, the variable
    file itself (WeasyPrint then instances it at each PDF, slower but the same)."""
    source = font_path(font)
    if "[" not in source.name:  # static fonts are named without their axes
        return source
    target = font_cache_dir() / _instance_name(font, source, weight)
    if target.is_file():
        return target
    try:
        _make_instance(source, weight, target)
    except OSError:
        logger.warning("Cannot cache a static instance of %s in %s; using the variable font", source.name, target)
        return source
    return target


@functools.cache
def font_css() -> str:
    """The ``@font-face`` rules of `FONT_FILES` (static instances of the variable ones, `font_file_for`)
    and the default family of a document."""
    rules = [
        f'@font-face {{ font-family: "{font.family}"; src: url("{font_file_for(font, weight).as_uri()}"); '
        f"font-weight: {weight}; font-style: normal; }}"
        for font in FONT_FILES
        for weight in font.weights
    ]
    rules.append(f"html {{ font-family: {FONT_STACK}; }}")
    return "\n".join(rules)


@functools.cache
def _allowed_roots() -> tuple[Path, ...]:
    roots = [font_path(font).parent for font in FONT_FILES] + [font_cache_dir()]
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
