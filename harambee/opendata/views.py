"""Open data: the page, the data dictionary, and the files (CSV, JSON, datapackage.json, IATI XML).

The files live at fixed addresses outside the language prefix (`/data/needs.csv`); `?lang=fr` picks
the language of the label columns (English by default), `?bom=1` puts a byte-order mark in front of
a CSV for spreadsheets that need one. Each file carries an ETag and Last-Modified made from its
dataset's row count and latest change (one query), and answers 304 when they still hold.
"""

import hashlib
import json

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.html import format_html_join
from django.utils.http import http_date, quote_etag
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from harambee.core.csvfile import csv_chunks

from . import schema
from .iati_file import public_iati_chunks, public_iati_exists
from .selectors import dataset_fingerprint, dataset_records, dataset_rows

#: How long a client or proxy may keep a file before asking again (with its ETag).
MAX_AGE = 300
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
BOM = "\ufeff"


def _language(request) -> str | None:
    """The language of the labels: `?lang=`, English by default; None for one the site lacks."""
    language = request.GET.get("lang", "en")
    return language if language in LANGUAGE_CODES else None


def _bad_language():
    return HttpResponseBadRequest(
        _("Unknown language. Use one of: %(codes)s.") % {"codes": ", ".join(LANGUAGE_CODES)},
        content_type="text/plain; charset=utf-8",
    )


def _conditional(request, *, etag: str, last_modified=None):
    """A 304 (or 412) when the client's copy is current, else None."""
    stamp = int(last_modified.timestamp()) if last_modified else None
    return get_conditional_response(request, etag=quote_etag(etag), last_modified=stamp)


def _finish(response, *, etag: str, last_modified=None, filename: str = ""):
    response["ETag"] = quote_etag(etag)
    if last_modified:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    if filename:
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def _json_chunks(records):
    yield "["
    for index, record in enumerate(records):
        yield ("," if index else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]\n"


@require_safe
def data_file(request, dataset: str, fmt: str):
    """One dataset as CSV or JSON, streamed row by row."""
    if dataset not in schema.BY_NAME or fmt not in schema.FORMATS_SERVED:
        raise Http404(_("No such dataset."))
    language = _language(request)
    if language is None:
        return _bad_language()
    bom = fmt == "csv" and request.GET.get("bom") == "1"
    fingerprint = dataset_fingerprint(dataset)
    etag = fingerprint.etag(dataset, fmt, language, "bom" if bom else "")
    not_modified = _conditional(request, etag=etag, last_modified=fingerprint.last_modified)
    if not_modified is not None:
        return _finish(not_modified, etag=etag, last_modified=fingerprint.last_modified)
    if fmt == "csv":
        header = [schema.BY_NAME[dataset].field_names]
        chunks = csv_chunks(_chain(header, dataset_rows(dataset, language=language)))
        response = StreamingHttpResponse(
            _prefixed(BOM, chunks) if bom else chunks, content_type="text/csv; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(
            _json_chunks(dataset_records(dataset, language=language)), content_type="application/json; charset=utf-8"
        )
    response["Content-Language"] = language
    return _finish(response, etag=etag, last_modified=fingerprint.last_modified, filename=f"{dataset}.{fmt}")


def _chain(first, rest):
    yield from first
    yield from rest


def _prefixed(prefix: str, chunks):
    yield prefix
    yield from chunks


@require_safe
def datapackage(request):
    """The Frictionless data package describing the CSV files (descriptions in `?lang=`)."""
    language = _language(request)
    if language is None:
        return _bad_language()
    with translation.override(language):
        package = schema.datapackage(language=language)
    body = json.dumps(package, ensure_ascii=False, indent=2)
    etag = f"v{schema.SCHEMA_VERSION}-datapackage-{language}-{hashlib.sha256(body.encode()).hexdigest()[:16]}"
    not_modified = _conditional(request, etag=etag)
    if not_modified is not None:
        return _finish(not_modified, etag=etag)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    return _finish(response, etag=etag, filename="datapackage.json")


@require_safe
def iati_activities(request):
    """Every public cooperation as IATI 2.03 activity XML (the cooperation app's export)."""
    fingerprint = dataset_fingerprint("cooperations")
    etag = fingerprint.etag("iati")
    not_modified = _conditional(request, etag=etag, last_modified=fingerprint.last_modified)
    if not_modified is not None:
        return _finish(not_modified, etag=etag, last_modified=fingerprint.last_modified)
    if not public_iati_exists():
        # an IATI file holds at least one activity: say so rather than send an invalid file
        return HttpResponse(
            _("There is no public cooperation yet, so there is no IATI file to download."),
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    response = StreamingHttpResponse(public_iati_chunks(), content_type="application/xml")
    return _finish(response, etag=etag, last_modified=fingerprint.last_modified, filename="iati-activities.xml")


# ---------------------------------------------------------------------------------------------------
# Pages


def _file_links(language: str) -> list[dict]:
    query = "" if language == "en" else f"?lang={language}"
    return [
        {
            "dataset": dataset,
            "csv": reverse("opendata_files:file", kwargs={"dataset": dataset.name, "fmt": "csv"}) + query,
            "json": reverse("opendata_files:file", kwargs={"dataset": dataset.name, "fmt": "json"}) + query,
        }
        for dataset in schema.DATASETS
    ]


def _context(request) -> dict:
    language = translation.get_language() or "en"
    language = language if language in LANGUAGE_CODES else "en"
    query = "" if language == "en" else f"?lang={language}"
    return {
        "files": _file_links(language),
        "datapackage_url": reverse("opendata_files:datapackage") + query,
        "iati_url": reverse("opendata_files:iati"),
        "licence": schema.licence(),
        "separator": schema.LIST_SEPARATOR,
    }


@require_safe
def index(request):
    """What open data there is, where, under which licence."""
    return render(request, "opendata/index.html", _context(request))


@require_safe
def dictionary(request):
    """Every dataset's fields: type, meaning, codelist; and the codelists themselves."""
    datasets = [
        {
            "dataset": dataset,
            "fields": [
                {
                    "field": field,
                    "type": schema.TYPE_LABELS[field.type],
                    # a long name may break after an underscore on a narrow screen
                    "name": format_html_join(mark_safe("_<wbr>"), "{}", ((part,) for part in field.name.split("_"))),
                    "codelist": _codelist_link(field.codelist),
                }
                for field in dataset.fields
            ],
        }
        for dataset in schema.DATASETS
    ]
    codelists = [
        {"key": key, "title": title, "codes": sorted((code, str(text)) for code, text in codes.items() if code)}
        for key, (title, codes) in schema.CODELISTS.items()
    ]
    return render(
        request, "opendata/dictionary.html", {**_context(request), "datasets": datasets, "codelists": codelists}
    )


def _codelist_link(key: str) -> dict | None:
    if not key:
        return None
    if key == "member":
        return {"title": schema.BY_NAME["members"].title, "url": "#dataset-members"}
    if key in schema.CODELISTS:
        return {"title": schema.CODELISTS[key][0], "url": f"#codelist-{key}"}
    title, url = schema.EXTERNAL_CODELISTS[key]
    return {"title": title, "url": url, "external": True}
