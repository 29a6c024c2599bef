"""What the dashboard and the report show, in the reader's language: the figures of
`selectors.compute_figures` with names, formatted numbers, the map's shapes and the charts' geometry.
Shared by the page and the report so that both show the same charts."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import get_language, get_language_bidi, gettext_lazy
from django.utils.translation import gettext as _

from harambee.cooperation.models import FRESHNESS_LABELS, FRESHNESS_STATES, PledgeUnit
from harambee.core.collation import sort_key
from harambee.core.formats import format_moment, format_money, format_number, format_quantity
from harambee.postings.choices import CHANNELS, MODALITIES, THEMES
from harambee.registry.choices import COUNTRY_GROUP_NAMES
from harambee.registry.models import OrganisationType
from harambee.registry.names import territory_name

from . import selectors
from .core import charts, worldmap

MEASURE_LABELS = {
    "needs": gettext_lazy("Open needs"),
    "offers": gettext_lazy("Open offers"),
    "matches": gettext_lazy("Matches"),
    "cooperations": gettext_lazy("Cooperations"),
    "people": gettext_lazy("People trained"),
    "amount": gettext_lazy("Amount delivered"),
}
#: The UN's standard disclaimer for maps.
DISCLAIMER = gettext_lazy(
    "The boundaries and names shown and the designations used on this map do not imply official "
    "endorsement or acceptance by the United Nations."
)


@dataclass
class Chart:
    id: str
    title: str
    desc: str
    kind: str  # "bars" or "columns"
    series: list[str]
    headers: list[str]
    table: list[list[str]]
    rows: list = field(default_factory=list)
    height: int = 0


def number(value) -> str:
    return format_number(value or 0)


def _bars(chart_id, title, desc, series_keys, items, figures_table, label_of) -> Chart:
    """A bar chart (one bar per series) of the codes `items` in `figures_table`, with its table."""
    rtl = get_language_bidi()
    rows, table = [], []
    for code in items:
        values = [figures_table.get(code, {}).get(key, 0) for key in series_keys]
        label = str(label_of(code))
        rows.append((label, values, [number(v) for v in values]))
        table.append([label, *[number(v) for v in values]])
    bar_rows, height = charts.bars(rows, rtl=rtl)
    series = series_legend([str(MEASURE_LABELS[key]) for key in series_keys])
    return Chart(
        chart_id, title, desc, "bars", series, [_("Category"), *[s["label"] for s in series]], table, bar_rows, height
    )


def series_legend(labels: list[str]) -> list[dict]:
    return [
        {"label": label, "fill": charts.SERIES_COLOURS[i % len(charts.SERIES_COLOURS)]}
        for i, label in enumerate(labels)
    ]


def pledge_chart(pledges: list[dict], *, chart_id: str, desc: str) -> Chart:
    """Pledged against delivered, one row per unit and currency, each on its own scale (bars relative
    to its pledge), with its table; for the dashboard and a member's page."""
    rtl = get_language_bidi()
    units = dict(PledgeUnit.choices)
    chart_rows, table, height = [], [], 0
    for row in pledges:
        label = (
            _("Amount (%(currency)s)") % {"currency": row["currency"]}
            if row["unit"] == PledgeUnit.AMOUNT
            else str(units.get(row["unit"], row["unit"]))
        )
        amounts = (row["pledged"] or 0, row["delivered"] or 0)
        texts = [format_quantity(v, row["unit"], row["currency"]) for v in amounts]
        rows, h = charts.bars([(label, [float(v) for v in amounts], texts)], rtl=rtl)
        chart_rows.append((rows, h))
        height += h
        table.append([label, number(row["n"]), *texts])
    return Chart(
        chart_id,
        _("Pledged and delivered"),
        desc,
        "pledges",
        series_legend([_("Pledged"), _("Delivered")]),
        [_("Unit"), _("Pledges"), _("Pledged"), _("Delivered")],
        table,
        chart_rows,
        height,
    )


def quarter_label(key: str) -> str:
    year, quarter = key.split("-Q")
    return _("Q%(quarter)s %(year)s") % {"quarter": format_number(int(quarter)), "year": year}


def quarter_ticks(quarters: list[str]) -> list[tuple[str, str]]:
    """The trend's axis labels: the quarter under each column, and its year under the first column
    and each first quarter (twelve full labels do not fit side by side)."""
    ticks = []
    for index, key in enumerate(quarters):
        year, quarter = key.split("-Q")
        short = _("Q%(quarter)s") % {"quarter": format_number(int(quarter))}
        ticks.append((short, year if index == 0 or quarter == "1" else ""))
    return ticks


def build(figures: selectors.Figures, *, measure: str) -> dict:
    """The context of the dashboard (and of the report) for these figures and map measure."""
    language = get_language()
    rtl = get_language_bidi()
    codes = selectors.country_codes()

    def country_name(m49: str) -> str:
        iso2 = codes.get(m49)
        return (iso2 and territory_name(iso2, language)) or ""

    def region_name(code: str) -> str:
        return territory_name(code, language) or code

    # the key figures
    totals = [
        (str(MEASURE_LABELS[key]), number(figures.totals.get(key, 0)))
        for key in ("needs", "offers", "matches", "cooperations", "people")
    ]
    totals += [(str(MEASURE_LABELS["amount"]), format_money(v, c)) for c, v in sorted(figures.amounts.items())]

    # the map
    values = {m49: float(by.get(measure, 0)) for m49, by in figures.by_country.items()}
    edges = worldmap.bin_edges(list(values.values()))

    def shown(value: float) -> str:
        return format_money(value, figures.currency) if measure == "amount" else number(value)

    shapes = []
    for shape in worldmap.world_shapes():
        value = values.get(shape.m49, 0)
        name = country_name(shape.m49) if shape.m49 else ""
        title = _("%(name)s: %(value)s") % {"name": name, "value": shown(value)} if name else ""
        bin_ = worldmap.bin_of(value, edges)
        shapes.append({"d": shape.d, "bin": bin_, "fill": worldmap.BIN_COLOURS[bin_], "title": title})
    legend = [{"bin": 0, "fill": worldmap.BIN_COLOURS[0], "label": _("Nothing recorded")}]
    low = 0
    for index, edge in enumerate(edges, start=1):
        label = (
            shown(edge)
            if low + 1 >= edge
            else _("%(low)s–%(high)s") % {"low": shown(low + 1 if measure != "amount" else low), "high": shown(edge)}
        )
        legend.append({"bin": index, "fill": worldmap.BIN_COLOURS[index], "label": label})
        low = edge
    map_table = sorted(
        ((country_name(m49), shown(v), v) for m49, v in values.items() if v > 0 and country_name(m49)),
        key=lambda row: (-row[2], sort_key(row[0], language)),
    )

    five = ["needs", "offers", "matches", "cooperations", "people"]
    country_table = sorted(
        (
            [country_name(m49), *[number(by.get(k, 0)) for k in five]]
            for m49, by in figures.by_country.items()
            if country_name(m49)
        ),
        key=lambda row: sort_key(row[0], language),
    )
    three = ["needs", "offers", "cooperations"]
    charts_list = [
        _bars(
            "theme",
            _("By theme"),
            _("Open needs, open offers and cooperations by theme."),
            three,
            list(THEMES),
            figures.by_theme,
            lambda c: THEMES[c],
        ),
        _bars(
            "modality",
            _("By modality"),
            _("Open needs, open offers and cooperations by modality."),
            three,
            list(MODALITIES),
            figures.by_modality,
            lambda c: MODALITIES[c],
        ),
        _bars(
            "region",
            _("By region"),
            _("Open needs, open offers, matches, cooperations and people trained by M49 region."),
            ["needs", "offers", "matches", "cooperations", "people"],
            [r.code for r in selectors.top_regions()],
            figures.by_region,
            region_name,
        ),
        _bars(
            "group",
            _("By country group"),
            _(
                "Open needs, open offers and cooperations in least developed, landlocked developing and "
                "small island developing States."
            ),
            three,
            list(selectors.GROUPS),
            figures.by_group,
            lambda c: COUNTRY_GROUP_NAMES[c],
        ),
        _bars(
            "channel",
            _("By cooperation channel"),
            _("Open needs, open offers and cooperations by channel: South-South, North-South, triangular."),
            three,
            list(CHANNELS),
            figures.by_channel,
            lambda c: CHANNELS[c],
        ),
    ]

    # the trend by quarter: every quarter shown, those without data at zero
    quarters = figures.quarters or sorted(figures.by_quarter)[-selectors.TREND_QUARTERS :]
    by_quarter = {q: figures.by_quarter.get(q, {}) for q in quarters}
    trend_rows = [(quarter_label(q), by_quarter[q].get("cooperations", 0)) for q in quarters]
    trend = Chart(
        "trend",
        _("Trend by quarter"),
        _("Cooperations started per quarter; the table also gives needs and offers published and matches accepted."),
        "columns",
        series_legend([str(MEASURE_LABELS["cooperations"])]),
        [_("Quarter"), _("Needs published"), _("Offers published"), _("Matches"), str(MEASURE_LABELS["cooperations"])],
        [
            [
                quarter_label(q),
                *[number(by_quarter[q].get(k, 0)) for k in ("needs", "offers", "matches", "cooperations")],
            ]
            for q in quarters
        ],
        charts.columns(
            [
                (label, v, number(v), *tick)
                for (label, v), tick in zip(trend_rows, quarter_ticks(quarters), strict=True)
            ],
            rtl=rtl,
        ),
        150,
    )

    # pledged against delivered
    pledged = pledge_chart(
        figures.pledges,
        chart_id="pledges",
        desc=_(
            "What members pledged and what their cooperations delivered, for each unit (currencies are not converted)."
        ),
    )

    # freshness of reporting
    fresh_rows = [
        (str(FRESHNESS_LABELS[s]), [figures.freshness.get(s, 0)], [number(figures.freshness.get(s, 0))])
        for s in FRESHNESS_STATES
    ]
    bar_rows, h = charts.bars(fresh_rows, rtl=rtl)
    freshness = Chart(
        "freshness",
        _("Freshness of reporting"),
        _(
            "Cooperations by the age of their last progress report: up to date under 12 months, due at "
            "12 to 24, overdue at 24 to 36, inactive beyond."
        ),
        "bars",
        series_legend([str(MEASURE_LABELS["cooperations"])]),
        [_("Reporting"), str(MEASURE_LABELS["cooperations"])],
        [[label, texts[0]] for label, _v, texts in fresh_rows],
        bar_rows,
        h,
    )

    type_labels = dict(OrganisationType.choices)
    organisations = sorted(
        (
            {
                "name": org["name_translations"].get((language or "en").split("-")[0]) or org["name"],
                "type": type_labels.get(org["organisation_type"], ""),
                "cells": [number(org[k]) for k in ("needs", "offers", "given", "received")],
            }
            for org in figures.organisations
        ),
        key=lambda org: sort_key(org["name"], language),
    )
    return {
        "totals": totals,
        "measure": measure,
        "measure_label": MEASURE_LABELS[measure],
        "measures": [(key, MEASURE_LABELS[key]) for key in selectors.MEASURES],
        "map_width": worldmap.WIDTH,
        "map_height": worldmap.HEIGHT,
        "shapes": shapes,
        "legend": legend,
        "map_table": map_table,
        "country_table": country_table,
        "country_headers": [_("Country or area"), *[str(MEASURE_LABELS[k]) for k in five]],
        # the citation is English data: each part isolated left to right (Unicode LRI…PDI, which
        # WeasyPrint's PDF honours as browsers do, unlike <bdi>)
        "map_source": {key: f"\u2066{value}\u2069" for key, value in worldmap.map_source().items()},
        "currency": figures.currency,
        "charts": charts_list,
        "trend": trend,
        "pledged": pledged,
        "freshness": freshness,
        "organisations": organisations,
        "figures_as_of": format_moment(figures.computed_at) if figures.computed_at else "",
        "disclaimer": DISCLAIMER,
        "rtl": rtl,
    }
