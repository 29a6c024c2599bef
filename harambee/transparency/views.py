"""The public transparency dashboard and its yearly report (HTML and PDF)."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from harambee.postings.choices import MODALITIES, THEMES
from harambee.registry.choices import COUNTRY_GROUP_NAMES

from . import presentation, selectors
from . import report as reports

#: The years a report may be asked for.
FIRST_YEAR = selectors.FIRST_YEAR


@require_safe
def dashboard(request):
    filters, errors = selectors.parse_filters(request.GET)
    measure, measure_error = selectors.parse_measure(request.GET.get("measure"))
    if measure_error:
        errors.append(measure_error)
    context = presentation.build(selectors.figures(filters), measure=measure)
    this_year = timezone.localdate().year
    context.update(
        {
            "filters": filters,
            "errors": errors,
            "regions": selectors.region_choices(),
            "groups": [(code, COUNTRY_GROUP_NAMES[code]) for code in selectors.GROUPS],
            "themes": list(THEMES.items()),
            "modalities": list(MODALITIES.items()),
            "report_year": filters.year or this_year,
            "years": list(range(this_year, FIRST_YEAR - 1, -1)),
        }
    )
    return render(request, "transparency/dashboard.html", context, status=400 if errors else 200)


@require_safe
def report(request, year: int, fmt: str):
    this_year = timezone.localdate().year
    if fmt not in ("pdf", "html") or not FIRST_YEAR <= year <= this_year:
        raise Http404
    language = get_language()
    if fmt == "html":
        return HttpResponse(reports.report_html(year, language, standalone=False))
    response = HttpResponse(reports.report_pdf(year, language), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="harambee-report-{year}-{language}.pdf"'
    return response
