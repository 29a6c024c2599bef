"""The matching engine without the web: glossary, tagger, ranking, hard filters, explanations, measures."""

import csv
import json
import math
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from harambee.matching.core.documents import Geography, doc_from_interchange, infer_tags
from harambee.matching.core.engine import CandidateIndex, EngineConfig, MatchDoc
from harambee.matching.core.glossary import GLOSSARY_DIR, Glossary, GlossaryError, default_glossary
from harambee.matching.evaluation import evaluate, ndcg, parse_qrels, recall, reciprocal_rank
from harambee.matching.explain import explain

LANGS = ("ar", "zh", "en", "fr", "ru", "es")


# --- glossary -----------------------------------------------------------------------------------


def _rows():
    rows = []
    for path in sorted(GLOSSARY_DIR.glob("*.csv")):
        rows += list(csv.DictReader(path.open(encoding="utf-8")))
    return rows


def test_glossary_has_300_concepts_each_with_a_preferred_form_in_all_six_languages():
    glossary = default_glossary()
    assert len(glossary) >= 300
    for concept in glossary.concepts.values():
        assert set(concept.labels) == set(LANGS), concept.id


def test_no_surface_form_belongs_to_two_concepts_in_one_language():
    owners = defaultdict(set)
    for row in _rows():
        owners[(row["lang"], row["form"].strip().casefold())].add(row["concept"])
    shared = {form: concepts for form, concepts in owners.items() if len(concepts) > 1}
    assert shared == {}


def test_areas_are_taxonomy_families():
    allowed = {
        "skills",
        "governance",
        "safety",
        "modality",
        "general",
        "infrastructure",
        "data",
        "research_models",
        "agriculture",
        "health",
        "education",
        "climate",
        "public_services",
        "finance",
        "manufacturing",
        "language_culture",
        "disaster_risk",
        "justice",
        "transport",
        "energy",
        "other_sector",
        "target_group",
    }
    assert {row["area"] for row in _rows()} <= allowed


def test_each_preferred_form_is_found_in_its_own_language():
    # given every concept's preferred label in every language
    glossary = default_glossary()
    missed = []
    for concept in glossary.concepts.values():
        for lang in LANGS:
            # when the label alone is tagged in that language
            found = glossary.tag(concept.label(lang), lang)
            if concept.id not in found:
                missed.append((concept.id, lang, concept.label(lang)))
    # then the tagger finds the concept (a form the analyser cannot see would be dead data)
    assert len(missed) <= len(glossary) * 6 * 0.01, missed[:20]


@pytest.mark.parametrize(
    "language, text",
    [
        ("fr", "Nous souhaitons la formation des fonctionnaires aux usages de l'intelligence artificielle."),
        ("zh", "为政府公务员培训人工智能应用能力。"),
        ("ar", "برنامج تدريب الموظفين الحكوميين على الذكاء الاصطناعي"),
        ("ru", "Обучение государственных служащих применению искусственного интеллекта"),
        ("es", "Capacitación de servidores públicos en inteligencia artificial"),
        ("en", "Training for civil servants on artificial intelligence"),
    ],
)
def test_the_same_concepts_are_found_across_languages(language, text):
    found = default_glossary().tag(text, language)
    assert {"civil_servant_training", "artificial_intelligence"} <= set(found)


def test_inflections_and_gaps_still_match():
    glossary = default_glossary()
    assert "national_ai_strategy" in glossary.tag("une stratégie nationale d'IA ambitieuse", "fr")
    found = glossary.tag("Des systèmes d'alerte précoce pour les inondations", "fr")
    assert found["early_warning"] == 1 and found["floods"] == 1
    assert "early_warning" in glossary.tag("والإنذار المبكر", "ar")


def test_a_broken_glossary_is_refused_with_the_reason():
    rows = [{"concept": "x", "area": "general", "lang": "en", "form": "x", "preferred": "1"}]
    with pytest.raises(GlossaryError, match="no preferred form in ar, zh, fr, ru, es"):
        Glossary(rows)
    rows.append({"concept": "x", "area": "general", "lang": "xx", "form": "x", "preferred": "1"})
    with pytest.raises(GlossaryError, match="unknown language 'xx'"):
        Glossary(rows)


def test_empty_and_one_word_texts_tag_without_error():
    glossary = default_glossary()
    assert glossary.tag("", "fr") == Counter()
    assert glossary.tag("IA", "fr") == Counter({"artificial_intelligence": 1})
    assert glossary.tag("!!!", "xx") == Counter()


def test_concepts_imply_modalities_themes_and_sectors():
    glossary = default_glossary()
    concepts = glossary.tag("Bourses d'études et formation des enseignants; alerte précoce des inondations", "fr")
    tags = infer_tags(concepts, glossary)
    assert "training" in tags["modalities"]
    assert "skills" in tags["themes"]
    assert "disaster_risk" in tags["sectors"]


# --- engine ---------------------------------------------------------------------------------------


def _doc(id, kind, **fields):
    base = dict(language="en", member=id.lower(), groups=frozenset(), regions=frozenset())
    base.update(fields)
    return MatchDoc(id=id, kind=kind, **base)


ZAMBIA = dict(member="zmb", groups=frozenset({"LDC", "LLDC", "G77"}), regions=frozenset({"002", "202", "014"}))


def test_hard_filters_put_ineligible_offers_after_eligible_ones_and_name_the_filter():
    # given a need from Zambia (LDC, Africa) wanting French from 2026 and five offers
    need = _doc(
        "N",
        "need",
        language="fr",
        delivery_languages=frozenset({"fr"}),
        start=date(2026, 1, 1),
        concepts={"training": 1},
        **ZAMBIA,
    )
    offers = [
        _doc("A-open", "offer", delivery_languages=frozenset({"fr"}), concepts={"training": 1}),
        _doc(
            "B-sids",
            "offer",
            delivery_languages=frozenset({"fr"}),
            eligible_groups=frozenset({"SIDS"}),
            concepts={"training": 1},
        ),
        _doc("C-ended", "offer", delivery_languages=frozenset({"fr"}), end=date(2025, 6, 30), concepts={"training": 1}),
        _doc("D-full", "offer", delivery_languages=frozenset({"fr"}), remaining=0, concepts={"training": 1}),
        _doc("E-russian", "offer", delivery_languages=frozenset({"ru"}), concepts={"training": 1}),
    ]
    # when all of them are ranked
    ranked = CandidateIndex(offers).rank(need, top_k=None, include_ineligible=True)
    # then the open offer is first and each other one says which filter it failed
    assert [c.id for c in ranked][0] == "A-open"
    failed = {c.id: c.failed_filters for c in ranked}
    assert failed == {
        "A-open": (),
        "B-sids": ("eligibility",),
        "C-ended": ("dates",),
        "D-full": ("capacity_left",),
        "E-russian": ("language",),
    }
    # and without include_ineligible only the eligible one is returned
    assert [c.id for c in CandidateIndex(offers).rank(need)] == ["A-open"]


def test_eligibility_by_group_region_member_and_unknown_geography():
    offer_ldc = _doc("O1", "offer", eligible_groups=frozenset({"LDC"}))
    offer_africa = _doc("O2", "offer", eligible_regions=frozenset({"002"}))
    offer_named = _doc("O3", "offer", eligible_members=frozenset({"zmb"}))
    offer_asia = _doc("O4", "offer", eligible_regions=frozenset({"142"}))
    index = CandidateIndex([offer_ldc, offer_africa, offer_named, offer_asia])
    zambia = _doc("N", "need", **ZAMBIA)
    reasons = {
        c.id: (c.eligible, c.eligibility_reason) for c in index.rank(zambia, top_k=None, include_ineligible=True)
    }
    assert reasons == {
        "O1": (True, "group:LDC"),
        "O2": (True, "region:002"),
        "O3": (True, "member"),
        "O4": (False, "excluded"),
    }
    # an organisation without a country cannot be checked: not excluded, and said so
    unknown = _doc("N2", "need", geography_known=False)
    assert {c.eligibility_reason for c in index.rank(unknown, top_k=None)} >= {"unverified"}


def test_concepts_rank_a_cross_lingual_counterpart_first_without_any_tags():
    # given a French need and offers in Chinese and Spanish, none tagged
    glossary = default_glossary()
    geo = Geography(regions=frozenset({"002"}), groups=frozenset({"LDC"}), known=True)
    rows = [
        {
            "id": "N",
            "kind": "need",
            "language": "fr",
            "member": "SEN",
            "title": "Formation des fonctionnaires à l'intelligence artificielle",
            "description": "Renforcement des capacités des agents publics et éthique de l'IA.",
            "delivery_languages": ["fr", "zh", "es"],
        },
        {
            "id": "O-zh",
            "kind": "offer",
            "language": "zh",
            "member": "CHN",
            "title": "公务员人工智能培训",
            "description": "为发展中国家公务员举办人工智能伦理与应用培训。",
            "delivery_languages": ["fr", "zh"],
        },
        {
            "id": "O-es",
            "kind": "offer",
            "language": "es",
            "member": "MEX",
            "title": "Pronóstico del tiempo con IA",
            "description": "Modelos meteorológicos y sistemas de alerta temprana.",
            "delivery_languages": ["es"],
        },
    ]
    docs = [doc_from_interchange(row, geo, glossary) for row in rows]
    # when the engine ranks the offers (no vectors: glossary and inferred tags only)
    ranked = CandidateIndex(docs[1:]).rank(docs[0], top_k=None)
    # then the Chinese offer comes first and shares the concepts that explain it
    assert ranked[0].id == "O-zh"
    assert {"civil_servant_training", "ai_ethics"} <= set(ranked[0].shared_concepts)
    assert ranked[0].score > ranked[1].score


def test_explanations_are_in_the_readers_language():
    glossary = default_glossary()
    geo = Geography(regions=frozenset({"002"}), groups=frozenset({"LDC"}), known=True)
    need = doc_from_interchange(
        {
            "id": "N",
            "kind": "need",
            "language": "fr",
            "member": "SEN",
            "title": "Formation des fonctionnaires",
            "description": "",
            "modalities": ["training"],
            "delivery_languages": ["fr"],
        },
        geo,
        glossary,
    )
    offer = doc_from_interchange(
        {
            "id": "O",
            "kind": "offer",
            "language": "zh",
            "member": "CHN",
            "title": "公务员培训",
            "description": "",
            "modalities": ["training"],
            "delivery_languages": ["fr", "zh"],
            "eligible_groups": ["LDC"],
        },
        geo,
        glossary,
    )
    candidate = CandidateIndex([offer]).rank(need)[0]
    with translation.override("en"):
        texts = [r.text for r in explain(candidate, candidate_language="zh", glossary=glossary)]
    label_en = glossary.concepts["civil_servant_training"].label("en")
    label_zh = glossary.concepts["civil_servant_training"].label("zh")
    assert texts[0].startswith("matched concepts: ") and f"{label_en} ↔ {label_zh}" in texts[0]
    assert "same modality (Training)" in texts
    assert "eligible (LDC)" in texts
    assert "works in French" in texts
    with translation.override("fr"):
        texts = [r.text for r in explain(candidate, candidate_language="zh", glossary=glossary)]
    assert glossary.concepts["civil_servant_training"].label("fr") in texts[0]


def test_ranking_is_deterministic_and_ties_break_by_id():
    offers = [_doc(f"O{i}", "offer", concepts={"training": 1}) for i in (3, 1, 2)]
    need = _doc("N", "need", concepts={"training": 1})
    first = [c.id for c in CandidateIndex(offers).rank(need, top_k=None)]
    again = [c.id for c in CandidateIndex(list(reversed(offers))).rank(need, top_k=None)]
    assert first == again == ["O1", "O2", "O3"]


def test_semantic_component_uses_centred_vectors_and_can_be_switched_off():
    # given vectors where the need is close to O-far only through a shared language offset
    offset = np.array([0, 0, 5.0], dtype=np.float32)
    both = frozenset({"fr", "zh"})
    need = _doc(
        "N", "need", language="fr", delivery_languages=both, vector=np.array([1, 0, 0], dtype=np.float32) + offset
    )
    near = _doc(
        "O-near",
        "offer",
        language="zh",
        delivery_languages=both,
        vector=np.array([0.9, 0.1, 0], dtype=np.float32) - offset,
    )
    far = _doc(
        "O-far", "offer", language="fr", delivery_languages=both, vector=np.array([0, 1, 0], dtype=np.float32) + offset
    )
    centroids = {"fr": offset, "zh": -offset}
    # when ranked with centring, the topical neighbour wins over the same-language one
    ranked = CandidateIndex([near, far], centroids=centroids).rank(need, top_k=None)
    assert [c.id for c in ranked] == ["O-near", "O-far"]
    # and without the semantic component no "semantic" part is reported
    off = CandidateIndex([near, far], centroids=centroids).rank(need, config=EngineConfig(semantic=False))
    assert off[0].component("semantic") is None


def test_the_semantic_spread_from_stored_moments_is_that_of_every_cosine():
    # given 300 offers with random vectors, two thirds of them in another working language than the need
    rng = np.random.default_rng(7)
    offers = [
        _doc(f"O{i:03d}", "offer", concepts={"training": 1}, vector=rng.standard_normal(16).astype(np.float32),
             delivery_languages=frozenset({"zh"} if i % 3 else {"en"}))
        for i in range(300)
    ]  # fmt: skip
    need = _doc("N", "need", concepts={"training": 1}, vector=rng.standard_normal(16).astype(np.float32))
    index = CandidateIndex(offers)
    # when the mean and spread of the need's cosines come from the index's moments
    q = need.vector / np.linalg.norm(need.vector)
    cosines = index.vectors @ q
    mean, spread = index._cosine_moments(q.astype(np.float32))
    # then they are those of all 300 cosines
    assert mean == pytest.approx(float(cosines.mean()), abs=1e-6)
    assert spread == pytest.approx(float(cosines.std()), abs=1e-6)
    # and the top 10 (only eligible rows' vectors read) is the head of the full ranking of eligible offers
    everyone = [c for c in index.rank(need, top_k=None, include_ineligible=True) if c.eligible]
    assert [(c.id, c.score) for c in index.rank(need, top_k=10)] == [(c.id, c.score) for c in everyone[:10]]


def test_weights_of_active_components_sum_to_one():
    config = EngineConfig()
    assert math.isclose(sum(config.active_weights(has_vectors=True).values()), 1.0)
    assert "semantic" not in config.active_weights(has_vectors=False)
    assert math.isclose(sum(config.active_weights(has_vectors=False).values()), 1.0)


def test_huge_descriptions_and_unknown_languages_rank_without_error():
    glossary = default_glossary()
    geo = Geography()
    huge = {
        "id": "N",
        "kind": "need",
        "language": "xx",
        "member": "ORG-X",
        "title": "",
        "description": "formation " * 20000,
    }
    need = doc_from_interchange(huge, geo, glossary)
    offers = [
        doc_from_interchange(
            {"id": "O", "kind": "offer", "language": "fr", "member": "FRA", "title": "Formation", "description": ""},
            geo,
            glossary,
        )
    ]
    assert [c.id for c in CandidateIndex(offers).rank(need, top_k=None, include_ineligible=True)] == ["O"]
    assert CandidateIndex([]).rank(need) == []


# --- measures and the evaluate command ---------------------------------------------------------------


def test_ndcg_uses_exponential_gain_and_the_ideal_order():
    grades = {"a": 3, "b": 1, "c": 0}
    assert ndcg(["a", "b", "c"], grades) == 1.0
    worst = (1 / math.log2(2) + 7 / math.log2(3)) / (7 / math.log2(2) + 1 / math.log2(3))
    assert math.isclose(ndcg(["b", "a"], grades), worst)
    assert reciprocal_rank(["c", "b", "a"], grades) == 1 / 3
    assert recall(["a"], {"a": 2, "b": 3}) == 0.5


def test_qrels_parse_and_report_bad_lines():
    assert parse_qrels("N1 0 O1 3\nN1 0 O2 0\n") == {"N1": {"O1": 3, "O2": 0}}
    with pytest.raises(ValueError, match="line 2: expected 4 fields"):
        parse_qrels("N1 0 O1 3\nN1 O2\n")


def test_evaluate_groups_cross_lingual_queries():
    report = evaluate(
        {"N1": ["O1"], "N2": ["O2"]},
        {"N1": {"O1": 3}, "N2": {"O2": 3}},
        query_language={"N1": "fr", "N2": "fr"},
        document_language={"O1": "zh", "O2": "fr"},
    )
    assert report.cross_lingual.queries == 1 and report.same_language.queries == 1
    assert report.overall.ndcg_10 == 1.0 and report.overall.same_language_top3 == 0.5


def _write_corpus(directory: Path):
    needs = [
        {
            "id": "N1",
            "kind": "need",
            "member": "ZMB",
            "language": "fr",
            "title": "Formation des fonctionnaires à l'IA",
            "description": "Former des agents publics.",
            "modalities": ["training"],
            "delivery_languages": ["fr", "en"],
        },
        {
            "id": "N2",
            "kind": "need",
            "member": "ORG-NEW",
            "language": "zh",
            "title": "洪水预警系统",
            "description": "利用人工智能建设早期预警。",
            "delivery_languages": ["zh", "en"],
        },
    ]
    offers = [
        {
            "id": "O1",
            "kind": "offer",
            "member": "CHN",
            "language": "zh",
            "title": "公务员人工智能培训",
            "description": "培训发展中国家公务员。",
            "modalities": ["training"],
            "delivery_languages": ["fr", "zh"],
            "eligible_groups": ["LDC"],
        },
        {
            "id": "O2",
            "kind": "offer",
            "member": "FRA",
            "language": "en",
            "title": "Flood early warning with AI",
            "description": "Early warning systems for floods.",
            "delivery_languages": ["en"],
        },
        {
            "id": "O3",
            "kind": "offer",
            "member": "MEX",
            "language": "es",
            "title": "Financiación de centros de datos",
            "description": "Subvenciones.",
            "delivery_languages": ["es"],
            "eligible_regions": ["419"],
        },
    ]
    (directory / "needs.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in needs))
    (directory / "offers.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in offers))
    (directory / "qrels.txt").write_text("N1 0 O1 3\nN1 0 O3 0\nN2 0 O2 3\nN2 0 O1 0\n")


@pytest.mark.django_db
def test_evaluate_command_prints_scores_and_writes_a_trec_run(tmp_path, capsys):
    # given a small corpus in the interchange format
    _write_corpus(tmp_path)
    run = tmp_path / "run.txt"
    # when it is evaluated with the test embedder
    call_command("match", "evaluate", "--corpus", str(tmp_path), "--json", "--run", str(run))
    report = json.loads(capsys.readouterr().out)
    # then both needs find their excellent offer first and the run lists every offer per need
    assert report["overall"]["ndcg_10"] == 1.0 and report["overall"]["p_1"] == 1.0
    assert report["by_language"]["fr"]["queries"] == 1 and report["cross_lingual"]["queries"] == 2
    lines = run.read_text().splitlines()
    assert len(lines) == 6
    need, q0, offer, rank, score, tag = lines[0].split()
    assert (need, q0, offer, rank, tag) == ("N1", "Q0", "O1", "1", "harambee")
    float(score)


@pytest.mark.django_db
def test_evaluate_command_reports_bad_corpus_files(tmp_path):
    with pytest.raises(CommandError, match="needs.jsonl: no such file"):
        call_command("match", "evaluate", "--corpus", str(tmp_path))
    (tmp_path / "needs.jsonl").write_text('{"id": "N1"}\n{broken\n')
    (tmp_path / "offers.jsonl").write_text("")
    with pytest.raises(CommandError, match="needs.jsonl line 2"):
        call_command("match", "evaluate", "--corpus", str(tmp_path))
