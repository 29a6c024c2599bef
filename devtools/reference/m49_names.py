"""Write harambee/registry/data/m49_names.csv from the IATI community's replicated UNSD M49 codelist.

Usage (from the repository root, with the codelist fetched from
https://github.com/codeforIATI/Unofficial-Codelists, file xml/RegionM49.xml, which was
xml/AreaCodeM49.xml until April 2020):

    python devtools/reference/m49_names.py RegionM49.xml > harambee/registry/data/m49_names.csv

One row per country or area (keyed by its ISO alpha-2 code) and per region, sub-region and
intermediate region (keyed by its M49 code), with the UNSD names in the six UN languages, stripped
of surrounding white space. Withdrawn entries (Sark) are left out, but
the regions they name are kept. Standard library only.
"""

import csv
import sys
import xml.etree.ElementTree as ET

NS = {"c": "https://codeforiati.org/"}
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")
LEVELS = ("region", "sub-region", "intermediate-region")


def names(element) -> dict[str, str]:
    found = {n.get(LANG, "en"): " ".join((n.text or "").split()) for n in element.findall("narrative")}
    return {language: found.get(language, "") for language in LANGUAGES}


def main(path: str) -> None:
    items = ET.parse(path).getroot().findall(".//codelist-item")
    countries, regions = [], {}
    for item in items:
        for level in LEVELS:  # withdrawn entries too: Sark names 830 Channel Islands
            code = item.findtext(f"c:{level}-code", default="", namespaces=NS)
            if code:
                regions.setdefault(code, names(item.find(f"c:{level}-name", NS)))
        if item.get("status", "active") != "active":
            continue
        iso2 = item.findtext("c:iso-alpha-2-code", default="", namespaces=NS)
        iso3 = item.findtext("c:iso-alpha-3-code", default="", namespaces=NS)
        countries.append((item.findtext("code"), iso2, iso3, names(item.find("name"))))
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["m49", "iso2", "iso3", *(f"name_{language}" for language in LANGUAGES)])
    for code, found in sorted(regions.items()):
        writer.writerow([code, "", "", *(found[language] for language in LANGUAGES)])
    for code, iso2, iso3, found in sorted(countries, key=lambda row: row[2]):
        writer.writerow([code, iso2, iso3, *(found[language] for language in LANGUAGES)])


if __name__ == "__main__":
    main(sys.argv[1])
