"""IATI activity standard 2.03: write, validate and read activity XML; codelists and defaults (no Django).

A framework-free core: it imports neither Django nor any app of the platform, only lxml, babel and
the standard library, and keeps its data beside it:

* ``schema/2.03/`` the vendored XSDs, ``codelists/2.03/`` the vendored IATI codelists (each with
  a README naming source, licence and how to update), ``mapping.toml`` the platform's defaults;
* :mod:`.model` the dataclasses (:class:`IatiActivity` and its parts), :mod:`.writer`,
  :mod:`.validation` (XSD + the IATI rules listed in :func:`.validation.activity_problems`),
  :mod:`.reader` (a hardened parser), :mod:`.safe_xml`, :mod:`.codelists`, :mod:`.defaults`.

The Django side (mapping cooperations onto the dataclasses, imports through the cooperation
services, labels shown to people) lives in ``harambee.cooperation``. Import this package as a
module (``from harambee import iati``) because several class names (``Budget``, ``Transaction``,
``Result``) are also model names.

Three entry points:

* :func:`activities_to_xml` writes an ``<iati-activities version="2.03">`` document, elements in the
  order of the ``xsd:sequence`` of ``iati-activity`` in the vendored schema, deterministic bytes.
* :func:`validate_activities_xml` checks a document against the vendored 2.03 XSD (never the
  network) and against the IATI Standard rules and codelists.
* :func:`parse_activities_xml` reads a document back into the dataclasses with a hardened parser.
  It refuses any DOCTYPE or entity declaration before the XML parser sees the bytes, so entity
  bombs and external entities are neither expanded nor resolved.

Scope decisions (what the platform needs; documented so nobody is surprised by a rejected file):

* Recipients and sectors are read and written at activity level only. IATI also allows them on
  every transaction instead; this package requires them on the activity (the rules report it).
* Recipient regions: vocabulary 1 (OECD DAC) and 2 (UN M49). Vocabulary 99 is not supported.
* Narratives are ``dict[language, text]``. The writer puts ``xml:lang`` on every narrative (a
  consumer that ignores inheritance still gets the language right); the reader gives a narrative
  without ``xml:lang`` the activity's default language.
* Indicators are quantitative (IndicatorMeasure 1–4); qualitative indicators (5) are not read.
* Only UTF-8 documents are read (the byte scan for DTDs relies on a known encoding).
* Codes are strings exactly as in the IATI codelists ("2", "D02", "11430"), never ints.
"""

from . import codelists
from .codelists import CODELISTS_VERSION, codelist
from .defaults import iati_defaults, mapping
from .model import (
    IATI_VERSION,
    Budget,
    IatiActivity,
    Indicator,
    IndicatorValue,
    Narratives,
    ParticipatingOrg,
    RecipientCountry,
    RecipientRegion,
    ReportingOrg,
    Result,
    ResultPeriod,
    Sector,
    Transaction,
    Value,
    iati_identifier,
)
from .reader import ParseReport, parse_activities_xml
from .validation import validate_activities_xml
from .writer import activities_to_xml, activities_xml_chunks

__all__ = [
    "CODELISTS_VERSION",
    "IATI_VERSION",
    "Budget",
    "IatiActivity",
    "Indicator",
    "IndicatorValue",
    "Narratives",
    "ParseReport",
    "ParticipatingOrg",
    "RecipientCountry",
    "RecipientRegion",
    "ReportingOrg",
    "Result",
    "ResultPeriod",
    "Sector",
    "Transaction",
    "Value",
    "activities_to_xml",
    "activities_xml_chunks",
    "codelist",
    "codelists",
    "iati_defaults",
    "iati_identifier",
    "mapping",
    "parse_activities_xml",
    "validate_activities_xml",
]
