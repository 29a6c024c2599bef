"""``{% member_figures member %}``: a member's public figures and small charts on its country or
organisation page (``transparency/profiles.py``), drawn like the dashboard's charts (the same geometry,
``core/charts.py``, and the same chart template), so that the registry's views need not import this app."""

from django import template
from django.utils.translation import get_language_bidi, gettext_lazy
from django.utils.translation import gettext as _

from harambee.core.formats import format_money
from harambee.postings.choices import THEMES

from ..core import charts
from ..presentation import MEASURE_LABELS, Chart, number, pledge_chart, series_legend
from ..profiles import member_figures as figures_of

register = template.Library()

LABELS = {
    "needs": MEASURE_LABELS["needs"],
    "offers": MEASURE_LABELS["offers"],
    "received": gettext_lazy("Cooperations received"),
    "given": gettext_lazy("Cooperations given"),
    "people": gettext_lazy("Delegates who attended"),
}
#: The series of the chart by year: what was published or started that year.
YEAR_LABELS = {
    "needs": gettext_lazy("Needs published"),
    "offers": gettext_lazy("Offers published"),
    "received": LABELS["received"],
    "given": LABELS["given"],
}


def bar_chart(chart_id: str, title: str, desc: str, first: str, table: dict, labels: dict, label_of) -> Chart | None:
    """Bars of the rows of `table` (key → measure → n) in its order, with only the series that have a
    value; None when there is nothing to draw (the page hides the chart)."""
    keys = [key for key, by in table.items() if any(by.get(m) for m in labels)]
    measures = [m for m in labels if any(table[key].get(m) for key in keys)]
    if not keys:
        return None
    rows, cells = [], []
    for key in keys:
        values = [table[key].get(m, 0) for m in measures]
        label = str(label_of(key))
        rows.append((label, values, [number(v) for v in values]))
        cells.append([label, *[number(v) for v in values]])
    bar_rows, height = charts.bars(rows, rtl=get_language_bidi())
    series = series_legend([str(labels[m]) for m in measures])
    return Chart(chart_id, title, desc, "bars", series, [first, *[s["label"] for s in series]], cells, bar_rows, height)


def build(figures) -> dict:
    """What the figures section shows, in the reader's language."""
    totals = [
        (str(LABELS[m]), number(figures.totals.get(m, 0))) for m in ("needs", "offers", "received", "given", "people")
    ]
    for currency, sides in sorted(figures.amounts.items()):
        if sides.get("received"):
            totals.append((_("Amount received"), format_money(sides["received"], currency)))
        if sides.get("given"):
            totals.append((_("Amount given"), format_money(sides["given"], currency)))
    by_theme = {code: figures.by_theme[code] for code in THEMES if code in figures.by_theme}
    by_year = {year: figures.by_year[year] for year in sorted(figures.by_year)}
    theme_labels = {m: LABELS[m] for m in ("needs", "offers", "received", "given")}
    chart_list = [
        bar_chart(
            "member-theme",
            _("By theme"),
            _("Open needs, open offers, and public cooperations received and given, by theme."),
            _("Theme"),
            by_theme,
            theme_labels,
            lambda code: THEMES[code],
        ),
        bar_chart(
            "member-year",
            _("By year"),
            _("Needs and offers published, and public cooperations received and given that started, by year."),
            _("Year"),
            by_year,
            YEAR_LABELS,
            str,
        ),
        pledge_chart(
            figures.pledges,
            chart_id="member-pledges",
            desc=_(
                "What this member pledged and what its cooperations delivered, for each unit "
                "(currencies are not converted)."
            ),
        )
        if figures.pledges
        else None,
    ]
    return {
        "totals": totals,
        "freshness": [(state, number(n)) for state, n in figures.freshness.items()],
        "charts": [c for c in chart_list if c is not None],
        "empty": figures.is_empty,
        "rtl": get_language_bidi(),
    }


@register.inclusion_tag("transparency/member_figures.html")
def member_figures(member):
    return {"member": member, **build(figures_of(member))}
