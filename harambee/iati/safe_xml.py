"""Loading untrusted XML safely, and the vendored 2.03 activity schema."""

from __future__ import annotations

import functools
import queue
import re
from pathlib import Path

from lxml import etree

from .model import IATI_VERSION

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / IATI_VERSION / "iati-activities-schema.xsd"

# A DTD is the only place where entities can be declared, so refusing "<!DOCTYPE" and "<!ENTITY"
# (in any case) before parsing rules out entity expansion bombs and external entities altogether.
_DTD_MARKUP = re.compile(r"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def _safe_parser() -> etree.XMLParser:
    # One parser per call: lxml parsers are not meant to be shared between threads. The encoding is
    # forced to the UTF-8 that was checked, so a declared UTF-7 cannot smuggle in a hidden DOCTYPE.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, encoding="utf-8")


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def load(data: bytes) -> tuple[etree._Element | None, list[str]]:
    """The parsed root, or None and the reasons the document was refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return None, [f"line {line}: the document is not UTF-8; IATI files are read as UTF-8 only"]
    markup = _DTD_MARKUP.search(text)
    if markup:
        return None, [
            f"line {_line_at(text, markup.start())}: the document declares a {markup.group(1).upper()}; "
            "documents with a DTD or entity declarations are refused (protection against XML bombs "
            "and external entities)"
        ]
    return _parse_xml(data)


def _parse_xml(data: bytes) -> tuple[etree._Element | None, list[str]]:
    try:
        root = etree.fromstring(data, _safe_parser())
    except etree.XMLSyntaxError as error:
        return None, [f"line {error.lineno}: the XML is not well-formed: {error.msg}"]
    # Defence in depth: the byte scan above should make this unreachable.
    if root.getroottree().docinfo.doctype:
        return None, ["line 1: the document has a DOCTYPE; documents with a DTD are refused"]
    return root, []


@functools.cache
def _schema_document() -> etree._ElementTree:
    """The vendored 2.03 activity schema document, parsed once; its includes resolve from the folder."""
    return etree.parse(str(SCHEMA_PATH), _safe_parser())


# An XMLSchema keeps the error log of its last run on the object, so two validations at once must
# not share one: validators are taken from this pool and put back, and a new one is compiled when
# the pool is empty (as many as there are concurrent validations, usually one).
_SCHEMAS: queue.SimpleQueue[etree.XMLSchema] = queue.SimpleQueue()


def schema_messages(root: etree._Element) -> list[str]:
    """The XSD problems of a parsed document, ``line N: message`` each; empty when it is valid."""
    try:
        schema = _SCHEMAS.get_nowait()
    except queue.Empty:
        schema = etree.XMLSchema(_schema_document())
    try:
        if schema.validate(root):
            return []
        return [f"line {entry.line}: {entry.message}" for entry in schema.error_log]
    finally:
        _SCHEMAS.put(schema)
