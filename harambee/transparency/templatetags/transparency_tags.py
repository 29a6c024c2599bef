"""``{% member_figures member %}``: a member's public figures and small charts on its country or
organisation page (``transparency/profiles.py``), drawn like the dashboard's charts (the same geometry,
``core/charts.py``, and the same chart template), so that the registry's views need not import this app."""

from django import template
from django.utils.translation import get_language_bidi, gettext_lazy
from django.utils.translation import gettext as _

from harambee.cooperation.models import PledgeUnit
from harambee.core.formats import format_money, format_number, format_quantity
from harambee.postings.choices import THEMES

from ..core import charts
from ..presentation import MEASURE_LABELS, Chart
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


def _n(value) -> str:
    return format_number(value or 0)


def _series(labels: list[str]) -> list[dict]:
    return [
        {"label": label, "fill": charts.SERIES_COLOURS[i % len(charts.SERIES_COLOURS)]}
        for i, label in enumerate(labels)
    ]


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
        rows.append((label, values, [_n(v) for v in values]))
        cells.append([label, *[_n(v) for v in values]])
    bar_rows, height = charts.bars(rows, rtl=get_language_bidi())
    series = _series([str(labels[m]) for m in measures])
    return Chart(chart_id, title, desc, "bars", series, [first, *[s["label"] for s in series]], cells, bar_rows, height)


def pledge_chart(pledges: list[dict]) -> Chart | None:
    """Pledged against delivered, one row per unit and currency, each on its own scale (as on the dashboard)."""
    if not pledges:
        return None
    rows, cells, height = [], [], 0
    units = dict(PledgeUnit.choices)
    for row in pledges:
        label = (
            _("Amount (%(currency)s)") % {"currency": row["currency"]}
            if row["unit"] == PledgeUnit.AMOUNT
            else str(units.get(row["unit"], row["unit"]))
        )
        amounts = (row["pledged"] or 0, row["delivered"] or 0)
        texts = [format_quantity(v, row["unit"], row["currency"]) for v in amounts]
        bar_rows, h = charts.bars([(label, [float(v) for v in amounts], texts)], rtl=get_language_bidi())
        rows.append((bar_rows, h))
        height += h
        cells.append([label, _n(row["n"]), *texts])
    return Chart(
        "member-pledges",
        _("Pledged and delivered"),
        _(
            "What this member pledged and what its cooperations delivered, for each unit "
            "(currencies are not converted)."
        ),
        "pledges",
        _series([_("Pledged"), _("Delivered")]),
        [_("Unit"), _("Pledges"), _("Pledged"), _("Delivered")],
        cells,
        rows,
        height,
    )


def build(figures) -> dict:
    """What the figures section shows, in the reader's language."""
    totals = [
        (str(LABELS[m]), _n(figures.totals.get(m, 0))) for m in ("needs", "offers", "received", "given", "people")
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
        pledge_chart(figures.pledges),
    ]
    return {
        "totals": totals,
        "freshness": [(state, _n(n)) for state, n in figures.freshness.items()],
        "charts": [c for c in chart_list if c is not None],
        "empty": figures.is_empty,
        "rtl": get_language_bidi(),
    }


@register.inclusion_tag("transparency/member_figures.html")
def member_figures(member):
    return {"member": member, **build(figures_of(member))}
