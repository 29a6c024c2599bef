"""The shared matching index: the framework-free core, the on-disk generations, and the product reading them."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from harambee.matching.core import vocabulary
from harambee.matching.core.documents import Geography, doc_from_fields
from harambee.matching.core.engine import CandidateIndex
from harambee.matching.core.store import IndexReader, publish, read_pointer, remove_superseded, write_generation
from harambee.postings import choices

LDC = Geography(regions=frozenset({"002", "202", "014"}), groups=frozenset({"LDC", "G77"}), known=True)
EUROPE = Geography(regions=frozenset({"150", "155"}), groups=frozenset(), known=True)


def _doc(id, kind, member, geography, vector_seed, **fields):
    rng = np.random.default_rng(vector_seed)
    vector = rng.standard_normal(16).astype(np.float32)
    fields.setdefault("language", "en")
    doc = doc_from_fields(id=id, kind=kind, member=member, title=fields.pop("title", ""), description=fields.pop(
        "description", ""), geography=geography, **fields)  # fmt: skip
    from dataclasses import replace

    return replace(doc, vector=vector / np.linalg.norm(vector))


def _corpus():
    """Offers and needs in several languages with every kind of field the engine reads."""
    offers = [
        _doc("O1", "offer", "tsinghua", EUROPE, 1, title="Training of civil servants in artificial intelligence",
             modalities=["training"], delivery_languages=["en", "fr"], format="online",
             capacity={"seats": 20}, remaining=12.0, start="2026-01-01", end="2026-12-31"),
        _doc("O2", "offer", "inria", EUROPE, 2, title="Formation des fonctionnaires à l'IA", language="fr",
             eligible_groups=["LDC"], themes=["skills"], format="hybrid"),
        _doc("O3", "offer", "inria", EUROPE, 3, title="Early warning systems for floods",
             eligible_regions=["142"], sectors=["disaster_risk"], end="2025-06-30"),
        _doc("O4", "offer", "kaist", EUROPE, 4, title="Joint laboratory on language models", language="zh",
             eligible_members=["unza"], modalities=["joint_research"], remaining=0.0, capacity={"seats": 5}),
        _doc("O5", "offer", "unza", LDC, 5, title="Datasets of local languages", target_groups=["researchers"]),
    ]  # fmt: skip
    needs = [
        _doc("N1", "need", "unza", LDC, 11, title="Training civil servants in AI", modalities=["training"],
             capacity={"seats": 30}, start="2026-03-01", delivery_languages=["en"]),
        _doc("N2", "need", "zmb", LDC, 12, title="Système d'alerte précoce aux inondations", language="fr",
             format="in_person", sectors=["disaster_risk"]),
        _doc("N3", "need", "fra", EUROPE, 13, title="Language models research partnership", language="zh"),
        _doc("N4", "need", "nowhere", Geography(), 14, title="Open data for agriculture", language="es"),
    ]  # fmt: skip
    return offers, needs


def _centroids(docs):
    from harambee.matching.embedding import corpus_centroids

    return corpus_centroids(np.vstack([d.vector for d in docs]), [d.language for d in docs])


def _ranking(index, query):
    return [
        (c.id, c.rank, c.score, c.eligible, c.failed_filters, c.components, c.shared_concepts, c.shared, c.inferred,
         c.eligibility_reason)
        for c in index.rank(query, top_k=None, include_ineligible=True)
    ]  # fmt: skip


def test_importing_the_matching_core_and_ranking_imports_no_django():
    # given a fresh interpreter without DJANGO_SETTINGS_MODULE
    script = (
        "import sys, tempfile\n"
        "from harambee.matching.core import documents, engine, glossary, store, vocabulary\n"
        "g = glossary.default_glossary()\n"
        "need = documents.doc_from_fields(id='n', kind='need', language='fr', member='unza', "
        "title='Formation des fonctionnaires', description='', geography=documents.Geography())\n"
        "offer = documents.doc_from_fields(id='o', kind='offer', language='en', member='x', "
        "title='Civil servant training', description='', geography=documents.Geography(), delivery_languages=['fr'])\n"
        "root = tempfile.mkdtemp()\n"
        "store.publish(root, store.write_generation(root, {'offer': engine.CandidateIndex([offer])}))\n"
        "assert store.IndexReader(root).current().indexes['offer'].rank(need)[0].id == 'o'\n"
        "leaked = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.') or "
        "(m.startswith('harambee.') and not m.startswith(('harambee.matching.core', 'harambee.postings.text'))"
        " and m not in ('harambee.matching', 'harambee.postings')))\n"
        "print(leaked)\n"
    )
    # when the core tags, ranks, writes and reads an index
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env={"PATH": os.environ.get("PATH", "")},
        check=True, cwd=Path(__file__).resolve().parent.parent,
    )  # fmt: skip
    # then neither Django nor another app was imported (text folding is shared with the search index)
    assert result.stdout.strip() == "[]", result.stderr


def test_the_core_vocabulary_is_the_postings_taxonomy_in_order():
    # given the codes the index stores as bits and the taxonomy the forms offer
    pairs = [
        (vocabulary.MODALITIES, choices.MODALITIES),
        (vocabulary.THEMES, choices.THEMES),
        (vocabulary.SECTORS, choices.SECTORS),
        (vocabulary.TARGET_GROUPS, choices.TARGET_GROUPS),
        (vocabulary.FORMATS, choices.FORMATS),
        (vocabulary.LANGUAGES, choices.LANGUAGES),
    ]
    # then they are the same codes in the same order
    for codes, taxonomy in pairs:
        assert codes == tuple(taxonomy)


def test_an_index_written_and_memory_mapped_ranks_exactly_like_the_one_in_memory(tmp_path):
    # given indexes of offers and of needs built in memory
    offers, needs = _corpus()
    centroids = _centroids(offers + needs)
    in_memory = {
        "offer": CandidateIndex(offers, centroids=centroids),
        "need": CandidateIndex(needs, centroids=centroids),
    }
    # when they are written as a generation, published and opened by a reader
    generation = write_generation(tmp_path, in_memory, source={"postings": "p1"})
    publish(tmp_path, generation)
    opened = IndexReader(tmp_path).current()
    # then the reader has the same arrays, memory-mapped read-only
    assert opened.generation == generation and opened.source == {"postings": "p1"}
    mapped = opened.indexes["offer"]
    assert isinstance(mapped.vectors.base, np.memmap) and not mapped.vectors.flags.writeable
    for name, array in in_memory["offer"].arrays.items():
        assert np.array_equal(mapped.arrays[name], array, equal_nan=array.dtype.kind == "f"), name
    # and every need ranks every offer (and every offer every need) identically, evidence included
    for query in needs:
        assert _ranking(mapped, query) == _ranking(in_memory["offer"], query)
    for query in offers:
        assert _ranking(opened.indexes["need"], query) == _ranking(in_memory["need"], query)
    # and the filters and reasons are the engine's: O4 is full and named for UNZA only, O3 has ended
    by_id = {c.id: c for c in mapped.rank(needs[0], top_k=None, include_ineligible=True)}
    assert by_id["O4"].failed_filters == ("capacity_left", "language")
    assert by_id["O3"].failed_filters == ("eligibility", "dates")
    assert by_id["O2"].eligibility_reason == "group:LDC"
    # (both texts name civil servants: the glossary's target group, shared)
    assert by_id["O1"].shared == {
        "modalities": ("training",), "themes": ("skills",), "target_groups": ("civil_servants",), "languages": ("en",)
    }  # fmt: skip
    # skills and civil servants, inferred from both texts' concepts
    assert by_id["O1"].inferred == ("themes", "target_groups")


def test_the_index_leaves_out_a_member_and_an_id_as_asked():
    offers, needs = _corpus()
    index = CandidateIndex(offers)
    ranked = index.rank(needs[3], top_k=None, include_ineligible=True, exclude=["O1"], exclude_member="inria")
    assert sorted(c.id for c in ranked) == ["O4", "O5"]


def test_a_second_reader_sees_a_new_generation_and_old_ones_go_after_the_grace_period(tmp_path):
    # given two readers (two web processes) of the first generation
    offers, needs = _corpus()
    first = write_generation(tmp_path, {"offer": CandidateIndex(offers[:2])})
    publish(tmp_path, first)
    one, two = IndexReader(tmp_path), IndexReader(tmp_path)
    held = one.current()
    assert held.generation == two.current().generation == first
    # when a build publishes a second generation with more offers
    second = write_generation(tmp_path, {"offer": CandidateIndex(offers)})
    publish(tmp_path, second)
    # then both readers see it at their next use, and the first generation stays for the grace period
    assert read_pointer(tmp_path) == second
    assert two.current().generation == second and two.current().indexes["offer"].size == 5
    assert one.current().generation == second
    assert (tmp_path / first).is_dir()
    # when the grace period is over, the first generation is removed; a process still holding it ranks on
    assert remove_superseded(tmp_path, grace=0) == [first]
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [second, "current.json"]
    assert [c.id for c in held.indexes["offer"].rank(needs[0], top_k=None, include_ineligible=True)] == ["O1", "O2"]


def test_a_reader_before_the_first_build_has_no_index(tmp_path):
    assert IndexReader(tmp_path / "missing").current() is None


def test_an_index_of_another_format_reads_as_none_until_a_build_replaces_it(tmp_path):
    # given a published generation whose format this engine does not read
    offers, _ = _corpus()
    generation = write_generation(tmp_path, {"offer": CandidateIndex(offers)})
    publish(tmp_path, generation)
    meta = tmp_path / generation / "offer" / "meta.json"
    meta.write_text(meta.read_text().replace('"format": 2', '"format": 1'))
    # then a reader has no index (pages say suggestions are being prepared) rather than failing
    assert IndexReader(tmp_path).current() is None


# ---------------------------------------------------------------------------------------------------
# The product: built by a task, read by the selectors


@pytest.fixture
def posted(cast, django_capture_on_commit_callbacks):
    from harambee.postings.services import posting_create
    from harambee.postings.validation import parse_posting

    def post(member, **fields):
        raw = {"kind": "need", "language": "en", "description": "Details.", "delivery_languages": ["en"], **fields}
        raw["member"] = member.code
        with django_capture_on_commit_callbacks(execute=True):
            return posting_create(actor=cast.secretariat, member=member, data=parse_posting(raw), status="published")

    return post


@pytest.mark.django_db
def test_a_server_answers_from_the_index_until_the_build_task_has_run(cast, posted, settings):
    from harambee.matching import selectors, tasks
    from harambee.matching.index import current_index

    need = posted(cast.member, id="N1", title="Training of civil servants in artificial intelligence")
    posted(cast.other_member, id="O1", kind="offer", title="Artificial intelligence course for civil servants")
    first = selectors.matching_index()  # tasks run at once here: the first index is built on first need
    # given a server whose tasks are run by workers, and a new offer of the other member
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "mail"]}}
    from django_tasks_db.models import DBTaskResult

    posted(cast.other_member, id="O2", kind="offer", title="Civil servants trained in artificial intelligence")
    # then one index build is queued (once, however many writes), and suggestions still come from the first index
    queued = DBTaskResult.objects.filter(task_path=tasks.matching_index_build.module_path, status="READY")
    posted(cast.other_member, id="O3", kind="offer", title="Artificial intelligence for civil servants, again")
    assert queued.count() == 1
    shown = [other.external_id for _, other in selectors.suggestions_for(posting=need).candidates]
    assert shown == ["O1"] and current_index().generation == first.generation
    # when the worker runs the build task
    generation = tasks.matching_index_build.call()
    # then every process sees the new generation at its next request and suggests the new offers
    assert current_index().generation == generation != first.generation
    shown = [other.external_id for _, other in selectors.suggestions_for(posting=need).candidates]
    assert sorted(shown) == ["O1", "O2", "O3"]
    # and a build with nothing new publishes nothing
    assert tasks.matching_index_build.call() is None


@pytest.mark.django_db
def test_postings_shown_are_read_from_the_database_at_request_time(cast, posted, settings):
    from harambee.matching import selectors
    from harambee.postings.models import Posting

    need = posted(cast.member, id="N1", title="Training of civil servants in artificial intelligence")
    posted(cast.other_member, id="O1", kind="offer", title="Artificial intelligence course for civil servants")
    posted(cast.other_member, id="O2", kind="offer", title="Civil servants trained in artificial intelligence")
    selectors.matching_index()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "mail"]}}
    # given the index holds both offers, then one is retitled and the other closed without a new build
    Posting.objects.filter(external_id="O1").update(title="AI course for civil servants (new dates)")
    Posting.objects.filter(external_id="O2").update(status="closed")
    # when suggestions are asked for
    result = selectors.suggestions_for(posting=need)
    # then the posting shown carries today's title and the closed one is left out
    assert [(other.external_id, other.title) for _, other in result.candidates] == [
        ("O1", "AI course for civil servants (new dates)")
    ]
    assert result.candidates[0][0].shared_concepts  # the evidence comes from the index's arrays


@pytest.mark.django_db
def test_before_the_first_build_a_server_says_suggestions_are_being_prepared(client, cast, posted, settings):
    need = posted(cast.member, id="N1", title="Training of civil servants in artificial intelligence")
    posted(cast.other_member, id="O1", kind="offer", title="Artificial intelligence course for civil servants")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "mail"]}}
    html = client.get(f"/en/needs/{need.external_id}/").content.decode()
    assert "Suggestions are being prepared for this site" in html
    assert "No open counterpart" not in html
    api = client.get(f"/api/v1/needs/{need.external_id}/suggestions").json()
    assert api["pending"] is True and api["results"] == []


def test_engine_dates_are_ordinals():
    # the stored dates are day ordinals (int32), enough until the year 5.8 million
    offers, _ = _corpus()
    index = CandidateIndex(offers)
    assert index.starts.dtype == np.int32 and int(index.starts[0]) == date(2026, 1, 1).toordinal()


@pytest.mark.django_db
def test_the_index_built_from_plain_rows_equals_the_one_built_from_posting_instances(cast, posted):
    """The build reads rows, not model instances; it must index exactly what ``posting_doc`` makes of
    each posting (stored concepts and vectors, or the text tagged when none are stored)."""
    from harambee.matching.core.glossary import default_glossary
    from harambee.matching.documents import geographies
    from harambee.matching.embedding import corpus_centroids, get_embedder, language_centroids
    from harambee.matching.index import build_indexes, posting_doc
    from harambee.matching.models import PostingFeatures
    from harambee.postings.choices import PostingStatus
    from harambee.postings.models import Posting

    # given needs and offers with every kind of field, stored features with and without a vector, one
    # without stored features, capacity partly committed, named eligible members, and a closed posting
    posted(
        cast.member,
        id="N1",
        title="Training of civil servants in artificial intelligence",
        modalities=["training"],
        themes=["skills"],
        capacity={"seats": 30},
        start="2026-03-01",
    )
    posted(
        cast.member,
        id="N2",
        title="Système d'alerte précoce aux inondations",
        language="fr",
        delivery_languages=["fr", "en"],
        sectors=["disaster_risk"],
        format="in_person",
    )
    posted(
        cast.other_member,
        id="O1",
        kind="offer",
        title="Artificial intelligence course for civil servants",
        capacity={"seats": 20},
        format="online",
        end="2026-12-31",
        eligible_groups=["LDC"],
    )
    posted(
        cast.other_member,
        id="O2",
        kind="offer",
        title="Joint laboratory on language models",
        language="zh",
        delivery_languages=["zh"],
        eligible_members=["unza"],
        target_groups=["researchers"],
    )
    posted(
        cast.other_member,
        id="O3",
        kind="offer",
        title="Datos abiertos para la agricultura",
        language="es",
        description="**Open data** for farmers, with [a link](https://example.org).",
        eligible_regions=["002"],
    )
    posted(cast.other_member, id="O4", kind="offer", title="Closed offer on data")
    Posting.objects.filter(external_id="O4").update(status=PostingStatus.CLOSED)
    Posting.objects.filter(external_id="O1").update(capacity_used=7)
    PostingFeatures.objects.filter(posting__external_id="O2").update(embedder="", vector=b"")
    PostingFeatures.objects.filter(posting__external_id="O3").delete()
    # when the index is built from rows, and the old way from instances
    embedder, glossary = get_embedder(), default_glossary()
    built, semantic = build_indexes(embedder)
    postings = list(
        Posting.objects.filter(status__in=choices.OPEN_STATUSES)
        .select_related("member", "features")
        .prefetch_related("eligible_members")
        .order_by("pk")
    )
    places = geographies({p.member.code for p in postings})
    docs = [posting_doc(p, places, getattr(p, "features", None), glossary) for p in postings]
    with_vectors = [d for d in docs if d.vector is not None]
    centroids = corpus_centroids(
        np.vstack([d.vector for d in with_vectors]),
        [d.language for d in with_vectors],
        language_centroids(embedder, glossary),
    )
    # then both have the same documents, arrays and description, to the last bit
    assert semantic and {kind: index.size for kind, index in built.items()} == {"need": 2, "offer": 3}
    assert sorted(built["offer"].meta["concepts"]) == built["offer"].meta["concepts"]
    for kind in ("need", "offer"):
        expected = CandidateIndex([d for d in docs if d.kind == kind], centroids=centroids)
        assert built[kind].meta == expected.meta
        assert sorted(built[kind].arrays) == sorted(expected.arrays)
        for name, array in expected.arrays.items():
            assert built[kind].arrays[name].dtype == array.dtype, name
            assert np.array_equal(built[kind].arrays[name], array, equal_nan=array.dtype.kind == "f"), name
    assert built["offer"].remaining.tolist()[:1] == [13.0]
