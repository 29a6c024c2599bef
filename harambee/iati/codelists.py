"""The IATI codelists vendored beside this module (``codelists/2.03/``), read once per process.

Every part of the platform that needs an IATI code or its name asks here: the validator, the
mapping defaults, the cooperation services and forms, the registry's organisation types, the CSV
export. Nothing else types a list of IATI codes. Example::

    >>> from harambee.iati import codelists
    >>> codelists.codelist("AidType").name_of("D02")
    'Other technical assistance'
    >>> codelists.codelist("FinanceType").is_current("111")   # withdrawn
    False

The files are the IATI codelists as published (see ``codelists/2.03/README.md``); they are
parsed with lxml with entities, DTDs and the network off, exactly as they are, nothing rewritten.
Names are English; a French name is kept where the file has one. Codes are strings exactly as in
the files ("2", "D02", "11430").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType

from lxml import etree

__all__ = ["CODELISTS_VERSION", "Code", "Codelist", "available", "codelist", "codes_hint"]

#: The IATI Standard version the vendored codelists belong to.
CODELISTS_VERSION = "2.03"
FOLDER = Path(__file__).resolve().parent / "codelists" / CODELISTS_VERSION
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Item statuses that take a code out of use ("deprecated" is what some older files call it).
_RETIRED = frozenset({"withdrawn", "deprecated"})


@dataclass(frozen=True, kw_only=True)
class Code:
    """One codelist item: ``names`` maps a language ("en", and "fr" where the file has it) to the name."""

    code: str
    name: str
    names: Mapping[str, str]
    category: str | None = None
    withdrawn: bool = False

    def name_in(self, language: str) -> str | None:
        """The name in ``language`` as the file gives it, or None."""
        return self.names.get(language)


@dataclass(frozen=True, kw_only=True)
class Codelist:
    """A codelist: its items in file order, and the codelist naming their categories (if any)."""

    name: str
    version: str
    category_codelist: str | None
    items: Mapping[str, Code] = field(default_factory=dict)

    def __contains__(self, code: object) -> bool:
        return code in self.items

    def __iter__(self) -> Iterator[Code]:
        return iter(self.items.values())

    def get(self, code: str | None) -> Code | None:
        return self.items.get(code) if code is not None else None

    def name_of(self, code: str | None) -> str:
        """The English name of ``code``, or "" for a code the list does not have."""
        item = self.get(code)
        return item.name if item else ""

    def current(self) -> list[Code]:
        """The items still in use (not withdrawn), in file order."""
        return [item for item in self.items.values() if not item.withdrawn]

    def is_current(self, code: str | None) -> bool:
        """True when ``code`` is on the list and not withdrawn: what new data may use."""
        item = self.get(code)
        return item is not None and not item.withdrawn

    def codes(self) -> tuple[str, ...]:
        """The codes in use (not withdrawn), in file order."""
        return tuple(item.code for item in self.current())


def _names(element: etree._Element | None, default_language: str) -> dict[str, str]:
    names: dict[str, str] = {}
    if element is None:
        return names
    for narrative in element.findall("narrative"):
        language = narrative.get(_XML_LANG) or default_language
        text = " ".join((narrative.text or "").split())
        if text and language not in names:
            names[language] = text
    return names


def _retired(item: etree._Element, today: date) -> bool:
    if (item.get("status") or "").strip() in _RETIRED:
        return True
    withdrawal = (item.get("withdrawal-date") or "").strip()
    try:
        return bool(withdrawal) and date.fromisoformat(withdrawal) <= today
    except ValueError:
        return False


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@functools.cache
def codelist(name: str) -> Codelist:
    """The codelist ``name`` (e.g. "AidType", "AidType-category"), read on first use and kept.

    Raises ``LookupError`` for a codelist that is not vendored.
    """
    path = FOLDER / f"{name}.xml"
    if not path.is_file() or path.parent != FOLDER:
        raise LookupError(f"the IATI codelist {name!r} is not vendored in {FOLDER}")
    root = etree.parse(str(path), _parser()).getroot()
    language = root.get(_XML_LANG) or "en"
    today = date.today()
    items: dict[str, Code] = {}
    for item in root.iter("codelist-item"):
        code = (item.findtext("code") or "").strip()
        if not code or code in items:
            continue
        names = _names(item.find("name"), language)
        category = (item.findtext("category") or "").strip() or None
        items[code] = Code(
            code=code,
            name=names.get("en", ""),
            names=MappingProxyType(names),
            category=category,
            withdrawn=_retired(item, today),
        )
    return Codelist(
        name=root.get("name") or name,
        version=CODELISTS_VERSION,
        category_codelist=root.get("category-codelist"),
        items=MappingProxyType(items),
    )


def available() -> list[str]:
    """The names of the vendored codelists."""
    return sorted(path.stem for path in FOLDER.glob("*.xml"))


def codes_hint(name: str) -> str:
    """The codes in use, short: "1–13" for a run of numbers, else "1, 2, 3, 9" (for messages)."""
    codes = codelist(name).codes()
    if len(codes) > 2 and all(code.isdigit() for code in codes):
        numbers = [int(code) for code in codes]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            return f"{codes[0]}–{codes[-1]}"
    return ", ".join(codes)
