"""Keeping the search document and the facet index of postings in step with their content."""

from collections.abc import Iterable
from dataclasses import dataclass

from harambee.registry.models import Country, Member, MemberKind
from harambee.registry.names import territory_search_names

from . import text
from .models import Posting, PostingFacet

LIST_FACETS = {
    "modality": "modalities",
    "theme": "themes",
    "sector": "sectors",
    "target_group": "target_groups",
    "delivery_language": "delivery_languages",
    "eligible_group": "eligible_groups",
    "eligible_region": "eligible_regions",
}


@dataclass(frozen=True)
class MemberFacts:
    """What a posting inherits from its member for search and facets."""

    names: tuple[str, ...]
    regions: tuple[str, ...]
    groups: tuple[str, ...]


def member_facts(members: Iterable[Member]) -> dict[int, MemberFacts]:
    """Names (six languages), M49 regions at every level and country groups per member id."""
    members = list(members)
    country_ids = {m.country_id for m in members if m.country_id}
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in=country_ids).prefetch_related("groups")}
    facts = {}
    for member in members:
        country = countries.get(member.country_id)
        names = [member.name, member.acronym, member.code, *member.name_translations.values()]
        if member.kind == MemberKind.STATE and country:
            names += sorted(territory_search_names(country.iso2))
        regions = tuple(
            code for code in (
                (country.region_id, country.subregion_id, country.intermediate_region_id) if country else ()
            ) if code
        )  # fmt: skip
        groups = tuple(sorted(g.code for g in country.groups.all())) if country else ()
        facts[member.pk] = MemberFacts(tuple(n for n in names if n), regions, groups)
    return facts


def search_document(posting: Posting, facts: MemberFacts, translations: Iterable = ()) -> str:
    """The tokens of everything a search should find the posting by.

    Descriptions are tokenised as written: Markdown's punctuation separates tokens anyway, and
    rendering 100,000 descriptions would triple the time of an import.
    """
    texts = [posting.title, posting.description, posting.location, *facts.names]
    for translation in translations:
        texts += [translation.title, translation.description]
    return text.index_document(*texts)


def facet_rows(posting: Posting, facts: MemberFacts) -> list[PostingFacet]:
    return [
        PostingFacet(posting_id=posting.pk, kind=posting.kind, status=posting.status, facet=facet, code=code)
        for facet, code in facet_pairs(posting, facts)
    ]


def facet_pairs(posting: Posting, facts: MemberFacts) -> list[tuple[str, str]]:
    """(facet, code) pairs of a posting, for the facet index."""
    rows = []

    def add(facet: str, code) -> None:
        rows.append((facet, str(code)))

    for facet, attribute in LIST_FACETS.items():
        for code in getattr(posting, attribute):
            add(facet, code)
    for number in posting.sdgs:
        add("sdg", number)
    for code in facts.regions:
        add("region", code)
    for code in facts.groups:
        add("group", code)
    add("language", posting.language)
    if posting.format:
        add("format", posting.format)
    return rows


def reindex(postings: list[Posting], *, translations_by_posting: dict[int, list] | None = None) -> None:
    """Rebuild the search document and facet rows of saved postings (in bulk)."""
    if not postings:
        return
    facts = member_facts({p.member_id: p.member for p in postings}.values())
    if translations_by_posting is None:
        translations_by_posting = {}
        for posting in postings:
            translations_by_posting[posting.pk] = list(posting.translations.all())
    for posting in postings:
        posting.search_document = search_document(
            posting, facts[posting.member_id], translations_by_posting.get(posting.pk, ())
        )
    Posting.objects.bulk_update(postings, ["search_document"], batch_size=1000)
    PostingFacet.objects.filter(posting__in=[p.pk for p in postings]).delete()
    rows = [row for posting in postings for row in facet_rows(posting, facts[posting.member_id])]
    PostingFacet.objects.bulk_create(rows, batch_size=5000)


def sync_status(posting: Posting) -> None:
    """Copy a posting's new status into its facet rows."""
    PostingFacet.objects.filter(posting=posting).update(status=posting.status)
