"""The implementation report of a year (HTML and PDF): what was needed, offered, matched and
delivered, by region and group, with the dashboard's charts, the method and the disclaimer."""

from functools import cache
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone, translation

from harambee.core.pdf import render_pdf

from . import presentation, selectors

REPORT_CSS = """
@page { size: A4; margin: 18mm 16mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; } }
body { font-size: 10pt; line-height: 1.4; }
h1 { font-size: 20pt; } h2 { font-size: 14pt; margin-top: 1.4em; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { border-bottom: 1px solid #ccc; padding: 2px 4px; text-align: start; }
td.num, th.num { text-align: end; }
figure { margin: 0 0 1em; break-inside: avoid; }
.worldmap { width: 100%; height: auto; }
"""


STYLESHEET = Path(__file__).resolve().parent / "static" / "transparency" / "dashboard.css"


@cache
def stylesheet() -> str:
    """The dashboard's styles, put in a report that stands alone (a file, the PDF)."""
    return STYLESHEET.read_text(encoding="utf-8")


def report_context(year: int, language: str) -> dict:
    filters = selectors.Filters(year=year)
    with translation.override(language):
        figures = selectors.figures(filters)
        context = presentation.build(figures, measure="cooperations")
    context.update({"year": year, "generated": timezone.localdate(), "language": language, "document": True})
    return context


def report_html(year: int, language: str, *, standalone: bool = True) -> str:
    """The report as an HTML document: with its styles in it (``standalone``: a file, the PDF), or
    linking the site's stylesheet (served by the site, whose Content-Security-Policy allows no inline style)."""
    context = report_context(year, language)
    context["inline_css"] = stylesheet() if standalone else ""
    with translation.override(language):
        return render_to_string("transparency/report.html", context)


def report_pdf(year: int, language: str) -> bytes:
    return render_pdf(report_html(year, language), stylesheets=(REPORT_CSS,))
