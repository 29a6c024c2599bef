"""The readiness assessment's framework-free core: the framework file, scoring, medians and the radar."""

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from harambee.assessments.core.framework import (
    DATA_DIR,
    LANGUAGES,
    Framework,
    FrameworkError,
    available_versions,
    get_framework,
    load_framework,
    text,
    validate_codes,
)
from harambee.assessments.core.radar import RadarSeries, radar_svg
from harambee.assessments.core.scoring import (
    MAX_LEVEL,
    Score,
    comparable,
    gaps,
    missing_required,
    peer_median,
    score,
    validate_answers,
)
from harambee.matching.core import vocabulary
from harambee.matching.core.glossary import default_glossary

SVG = "{http://www.w3.org/2000/svg}"


# -- a small framework written by the tests ---------------------------------------------------------------


def _texts(label: str, skip: tuple[str, ...] = ()) -> str:
    return "{ " + ", ".join(f'{lang} = "{label} ({lang})"' for lang in LANGUAGES if lang not in skip) + " }"


def _indicator(
    code: str,
    dimension: str,
    *,
    revision: int = 1,
    weight: float = 1.0,
    required: bool = True,
    levels: int = 5,
    skip: tuple[str, ...] = (),
) -> str:
    level_lines = "\n".join(
        "[[indicator.levels]]\n" + "\n".join(f'{lang} = "{code} level {n} ({lang})"' for lang in LANGUAGES)
        for n in range(levels)
    )
    return f"""
[[indicator]]
code = "{code}"
revision = {revision}
dimension = "{dimension}"
capacity_areas = ["governance"]
modality = "policy_exchange"
concepts = ["national AI strategy"]
required = {"true" if required else "false"}
weight = {weight}
question = {_texts("Question " + code, skip)}
evidence = {_texts("Evidence " + code)}
need_title = {_texts("Need " + code)}
guidance = {_texts("Guidance " + code)}
{level_lines}
"""


def _framework_toml(version: str, indicators: list[str], dimensions: tuple[str, ...] = ("legal", "social")) -> str:
    scale = "\n".join(f"[[framework.scale]]\nlevel = {n}\nlabel = {_texts(f'Level {n}')}" for n in range(5))
    dims = "\n".join(
        f'[[dimension]]\ncode = "{code}"\ntitle = {_texts(code.title())}\ndescription = {_texts("About " + code)}'
        for code in dimensions
    )
    return f"""
[framework]
code = "test-readiness"
version = "{version}"
source = "Written by the tests"
licence = "CC BY 4.0"
title = {_texts("Test framework")}
{scale}
{dims}
{"".join(indicators)}
"""


def _write(tmp_path: Path, version: str, indicators: list[str], **kwargs) -> Path:
    path = tmp_path / f"framework-{version}.toml"
    path.write_text(_framework_toml(version, indicators, **kwargs), encoding="utf-8")
    return path


@pytest.fixture
def small(tmp_path) -> Framework:
    """legal.a (weight 2), legal.b (weight 1), legal.c (optional); social.d (weight 1)."""
    return load_framework(
        _write(
            tmp_path,
            "2026.1",
            [
                _indicator("legal.a", "legal", weight=2.0),
                _indicator("legal.b", "legal"),
                _indicator("legal.c", "legal", required=False),
                _indicator("social.d", "social"),
            ],
        )
    )


# -- loading and validation ------------------------------------------------------------------------------


def test_a_valid_file_loads_into_frozen_dataclasses_with_helpers(small):
    # given the small framework; then its parts are there in file order
    assert small.code == "test-readiness" and small.version == "2026.1" and small.licence == "CC BY 4.0"
    assert [d.code for d in small.dimensions] == ["legal", "social"]
    assert [i.code for i in small.indicators_in("legal")] == ["legal.a", "legal.b", "legal.c"]
    assert small.indicator("legal.a").weight == 2.0
    assert small.indicator("legal.c").required is False
    assert small.dimension("social").title["fr"] == "Social (fr)"
    assert [level.level for level in small.scale] == [0, 1, 2, 3, 4]
    assert small.indicator("legal.a").levels[4]["ar"] == "legal.a level 4 (ar)"
    with pytest.raises(KeyError):
        small.indicator("legal.zz")
    with pytest.raises(TypeError):  # read-only texts
        small.indicator("legal.a").question["en"] = "changed"


def test_text_falls_back_to_english_and_maps_ui_locales():
    texts = {"en": "Hello", "zh": "你好", "fr": "Bonjour"}
    assert text(texts, "zh-hans") == "你好"
    assert text(texts, "fr-ca") == "Bonjour"
    assert text(texts, "ar") == "Hello"
    assert text(texts, None) == "Hello"


def test_a_text_missing_a_language_is_refused_with_the_indicator_and_languages_named(tmp_path):
    path = _write(
        tmp_path, "2026.1", [_indicator("legal.a", "legal", skip=("ar", "zh")), _indicator("social.d", "social")]
    )
    with pytest.raises(FrameworkError) as raised:
        load_framework(path)
    assert raised.value.errors == ['indicator "legal.a": "question" lacks languages: ar, zh']
    assert str(raised.value) == 'framework-2026.1.toml: indicator "legal.a": "question" lacks languages: ar, zh'


def test_four_level_definitions_are_refused(tmp_path):
    path = _write(tmp_path, "2026.1", [_indicator("legal.a", "legal", levels=4), _indicator("social.d", "social")])
    with pytest.raises(FrameworkError) as raised:
        load_framework(path)
    assert raised.value.errors == [
        'indicator "legal.a": "levels" must have exactly 5 definitions (levels 0–4), found 4'
    ]


def test_an_unknown_dimension_is_refused(tmp_path):
    path = _write(tmp_path, "2026.1", [_indicator("legal.a", "legal"), _indicator("social.d", "sociall")])
    with pytest.raises(FrameworkError) as raised:
        load_framework(path)
    assert raised.value.errors == [
        'indicator "social.d": unknown dimension "sociall"',
        'dimension "social": has no indicators',
    ]


def test_a_duplicate_indicator_code_is_refused(tmp_path):
    path = _write(
        tmp_path,
        "2026.1",
        [_indicator("legal.a", "legal"), _indicator("legal.a", "legal"), _indicator("social.d", "social")],
    )
    with pytest.raises(FrameworkError) as raised:
        load_framework(path)
    assert raised.value.errors == ['duplicate indicator code "legal.a"']


def test_every_problem_of_a_file_is_listed_at_once(tmp_path):
    # given an indicator with a bad revision, weight, unknown key and a version differing from the file name
    bad = (
        _indicator("legal.a", "legal")
        .replace("revision = 1", "revision = 0")
        .replace("weight = 1.0", 'weight = -1\ncolour = "red"')
    )
    path = tmp_path / "framework-2026.2.toml"
    path.write_text(_framework_toml("2026.1", [bad, _indicator("social.d", "social")]), encoding="utf-8")
    with pytest.raises(FrameworkError) as raised:
        load_framework(path)
    assert raised.value.errors == [
        'framework: version "2026.1" differs from the file name\'s "2026.2"',
        'indicator "legal.a": unknown key "colour"',
        'indicator "legal.a": "revision" must be a whole number from 1',
        'indicator "legal.a": "weight" must be a number above 0',
    ]


def test_a_file_that_is_not_toml_is_refused_with_its_name(tmp_path):
    path = tmp_path / "framework-2026.1.toml"
    path.write_text("[framework\n", encoding="utf-8")
    with pytest.raises(FrameworkError, match=r"^framework-2026\.1\.toml: is not valid TOML"):
        load_framework(path)


def test_versions_are_listed_oldest_first_and_the_latest_is_the_default(tmp_path):
    for version in ("2026.1", "2026.10", "2026.2"):
        _write(tmp_path, version, [_indicator("legal.a", "legal"), _indicator("social.d", "social")])
    (tmp_path / "notes.toml").write_text("", encoding="utf-8")
    assert available_versions(tmp_path) == ("2026.1", "2026.2", "2026.10")
    assert get_framework(directory=tmp_path).version == "2026.10"
    assert get_framework("2026.2", directory=tmp_path).version == "2026.2"
    with pytest.raises(FrameworkError, match='no framework version "2025.1"'):
        get_framework("2025.1", directory=tmp_path)


# -- the shipped framework -------------------------------------------------------------------------------


def test_the_shipped_framework_loads_with_the_five_ram_dimensions_and_valid_taxonomy_codes():
    framework = get_framework()
    assert framework.version == available_versions()[-1]
    assert [d.code for d in framework.dimensions] == ["legal", "social", "economic", "scientific", "technological"]
    assert all(framework.indicators_in(d.code) for d in framework.dimensions)
    # the taxonomy's codes, from the matching core's vocabulary (kept equal to postings.choices by its tests)
    assert validate_codes(framework, themes=set(vocabulary.THEMES), modalities=set(vocabulary.MODALITIES)) == []


def test_the_shipped_framework_covers_every_theme_with_three_to_five_indicators_a_dimension():
    framework = get_framework()
    assert 18 <= len(framework.indicators) <= 25
    assert {d.code: len(framework.indicators_in(d.code)) for d in framework.dimensions} == {
        "legal": 4,
        "social": 4,
        "economic": 3,
        "scientific": 5,
        "technological": 4,
    }
    covered = {area for indicator in framework.indicators for area in indicator.capacity_areas}
    assert covered == set(vocabulary.THEMES)
    assert all(i.code.startswith(i.dimension + ".") for i in framework.indicators)
    assert all(len(i.levels) == 5 and all(len(level) == 6 for level in i.levels) for i in framework.indicators)


def test_the_documentation_lists_every_shipped_indicator():
    page = (Path(__file__).resolve().parent.parent / "docs" / "assessments.md").read_text(encoding="utf-8")
    assert [i.code for i in get_framework().indicators if f"`{i.code}`" not in page] == []


def test_the_shipped_concepts_are_found_by_the_matching_glossary():
    glossary = default_glossary()
    unknown = [
        (indicator.code, concept)
        for indicator in get_framework().indicators
        for concept in indicator.concepts
        if not glossary.tag(concept, "en")
    ]
    assert unknown == []


def test_validate_codes_names_unknown_themes_and_modalities(small):
    errors = validate_codes(small, themes={"data"}, modalities={"training"})
    assert errors[:2] == [
        'indicator "legal.a": unknown theme "governance"',
        'indicator "legal.a": unknown modality "policy_exchange"',
    ]
    assert len(errors) == 8


def test_the_shipped_files_are_all_valid():
    for version in available_versions():
        assert load_framework(DATA_DIR / f"framework-{version}.toml").version == version


# -- scoring -------------------------------------------------------------------------------------------


def test_scores_are_weighted_means_of_answered_indicators(small):
    # given legal.a (weight 2) = 4, legal.b (weight 1) = 1, legal.c unanswered, social.d = None
    answers = {"legal.a": 4, "legal.b": 1, "legal.c": None, "social.d": None}
    result = score(small, answers)
    # then legal = (2*4 + 1*1) / 3 = 3.0; social has no answer; overall over the answered ones = 3.0
    assert result == Score(overall=3.0, by_dimension={"legal": 3.0, "social": None}, answered=2, total=4)


def test_overall_weighs_indicators_not_dimensions(small):
    answers = {"legal.a": 4, "legal.b": 2, "legal.c": 0, "social.d": 1}
    result = score(small, answers)
    # legal = (8 + 2 + 0) / 4 = 2.5; social = 1; overall = (8 + 2 + 0 + 1) / 5 = 2.2
    assert result.by_dimension == {"legal": 2.5, "social": 1.0}
    assert result.overall == pytest.approx(2.2)
    assert (result.answered, result.total) == (4, 4)


def test_a_score_turns_into_plain_json_ready_values(small):
    result = score(small, {"legal.a": 4, "legal.b": 1})
    assert json.dumps(result.to_dict()) == (
        '{"overall": 3.0, "by_dimension": {"legal": 3.0, "social": null}, "answered": 2, "total": 4}'
    )


def test_nothing_answered_scores_none(small):
    assert score(small, {}) == Score(overall=None, by_dimension={"legal": None, "social": None}, answered=0, total=4)


def test_answers_off_the_scale_and_unknown_codes_are_reported(small):
    errors = validate_answers(small, {"legal.a": 5, "legal.b": -1, "legal.c": True, "social.d": 2, "x.y": 1})
    assert errors == [
        '"legal.a": 5 is not a level of the scale 0–4',
        '"legal.b": -1 is not a level of the scale 0–4',
        '"legal.c": True is not a level of the scale 0–4',
        '"x.y" is not an indicator of framework 2026.1',
    ]
    assert [(e.indicator, e.problem, e.value) for e in errors][3] == ("x.y", "unknown", 1)
    with pytest.raises(ValueError, match="5 is not a level"):
        score(small, {"legal.a": 5})
    assert validate_answers(small, {"legal.a": 0, "legal.b": MAX_LEVEL, "social.d": None}) == []


def test_missing_required_lists_required_indicators_without_an_answer(small):
    assert missing_required(small, {"legal.a": 0, "legal.b": None}) == ["legal.b", "social.d"]
    assert missing_required(small, {"legal.a": 0, "legal.b": 3, "social.d": 1}) == []


def test_gaps_are_answered_indicators_below_the_level_in_framework_order(small):
    answers = {"social.d": 0, "legal.b": 1, "legal.a": 2, "legal.c": None}
    assert [i.code for i in gaps(small, answers, below=2)] == ["legal.b", "social.d"]
    assert [i.code for i in gaps(small, answers, below=3)] == ["legal.a", "legal.b", "social.d"]
    assert gaps(small, answers, below=1)[0].code == "social.d"
    with pytest.raises(ValueError):
        gaps(small, answers, below=0)


# -- peer medians ---------------------------------------------------------------------------------------


def _score(overall, legal, social) -> Score:
    return Score(overall=overall, by_dimension={"legal": legal, "social": social}, answered=3, total=4)


def test_a_peer_median_needs_three_members():
    two = [_score(1.0, 1.0, 2.0), _score(3.0, 2.0, 4.0)]
    assert peer_median(two) is None
    three = [*two, _score(2.5, 4.0, None)]
    median = peer_median(three)
    # overall and legal over three members; social has only two values: not shown
    assert median == Score(overall=2.5, by_dimension={"legal": 2.0, "social": None}, answered=3, total=4)


def test_a_peer_median_of_four_takes_the_middle_mean():
    scores = [_score(1.0, 1.0, 1.0), _score(2.0, 2.0, 2.0), _score(3.0, 3.0, 3.0), _score(4.0, 4.0, None)]
    assert peer_median(scores).by_dimension == {"legal": 2.5, "social": 2.0}
    assert peer_median(scores, min_members=5) is None


# -- versions -------------------------------------------------------------------------------------------


def test_only_indicators_with_the_same_code_and_revision_compare_across_versions(tmp_path):
    old = load_framework(
        _write(
            tmp_path,
            "2026.1",
            [
                _indicator("legal.a", "legal"),
                _indicator("legal.b", "legal"),
                _indicator("social.d", "social"),
            ],
        )
    )
    # given 2027.1 keeps legal.a, revises legal.b, drops social.d and adds social.e
    new = load_framework(
        _write(
            tmp_path,
            "2027.1",
            [
                _indicator("legal.a", "legal"),
                _indicator("legal.b", "legal", revision=2),
                _indicator("social.e", "social"),
            ],
        )
    )
    assert comparable(old, new) == frozenset({"legal.a"})
    # a 2026 assessment and a 2027 one compare on the shared indicators only
    only = comparable(old, new)
    before = score(old, {"legal.a": 1, "legal.b": 4, "social.d": 4}, only=only)
    after = score(new, {"legal.a": 3, "legal.b": 0, "social.e": 2}, only=only)
    assert (before.overall, after.overall) == (1.0, 3.0)
    assert (before.total, after.total) == (1, 1)
    assert after.by_dimension == {"legal": 3.0, "social": None}


# -- radar ----------------------------------------------------------------------------------------------


def _radar(**kwargs) -> ET.Element:
    arguments = {
        "axes": ["Legal", "Social", "Economic", "Scientific", "Technological"],
        "series": [
            RadarSeries(name="Zambia", values=[3, 2.5, None, 1, 4], css_class="member"),
            RadarSeries(name="Median of Africa", values=[2, 2, 2, 2, 2], css_class="peer"),
        ],
        "title": "Readiness of Zambia",
        "description": "Scores per dimension on a scale of 0 to 4",
    } | kwargs
    return ET.fromstring(radar_svg(**arguments))


def test_the_radar_is_well_formed_accessible_svg_with_one_polygon_per_series():
    svg = _radar()
    assert svg.tag == f"{SVG}svg" and svg.get("role") == "img" and svg.get("width") == "100%"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert svg.find(f"{SVG}title").get("id") == title_id and svg.find(f"{SVG}title").text == "Readiness of Zambia"
    assert svg.find(f"{SVG}desc").get("id") == desc_id
    series = svg.findall(f".//{SVG}g[@class]")
    polygons = [g for g in series if "radar-series" in g.get("class").split()]
    assert [g.get("class") for g in polygons] == [
        "radar-series radar-series-0 member",
        "radar-series radar-series-1 peer",
    ]
    assert all(len(g.findall(f"{SVG}polygon")) == 1 for g in polygons)
    # four rings (levels 1..4) and labels 0..4
    assert len(svg.findall(f".//{SVG}polygon[@class='radar-ring']")) == 4
    assert [t.text for t in svg.find(f".//{SVG}g[@class='radar-levels']")] == ["0", "1", "2", "3", "4"]
    # the unanswered value is marked on its axis
    assert len(svg.findall(f".//{SVG}circle[@class='radar-missing']")) == 1
    # the legend names the series
    assert [t.text for t in svg.find(f".//{SVG}g[@class='radar-legend']").iter(f"{SVG}text")] == [
        "Zambia",
        "Median of Africa",
    ]
    # fits a phone: a narrow viewBox scaled to the width
    assert int(svg.get("viewBox").split()[2]) <= 400


def test_the_radar_escapes_every_label():
    raw = radar_svg(
        axes=["<b>Legal</b>", "A & B", 'Quote"d', "D", "E"],
        series=[RadarSeries(name="<script>alert(1)</script>", values=[1, 2, 3, 4, 0], css_class='x" onload="y')],
        title="T <i>",
        description="D & <d>",
    )
    assert "<script>" not in raw and "<b>" not in raw and 'onload="y"' not in raw
    svg = ET.fromstring(raw)
    texts = ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")]
    assert 'Quote"d' in texts
    assert "<b>Legal</b>" in texts and "A & B" in texts and "<script>alert(1)</script>" in texts
    assert svg.find(f"{SVG}title").text == "T <i>"


def test_axis_labels_are_anchored_away_from_the_chart_and_mirrored_for_rtl():
    def anchors(svg):
        return [t.get("text-anchor") for t in svg.find(f".//{SVG}g[@class='radar-labels']")]

    ltr = _radar()
    # top, then clockwise: right, right, left, left
    assert anchors(ltr) == ["middle", "start", "start", "end", "end"]
    rtl = _radar(rtl=True)
    assert rtl.get("direction") == "rtl"
    # counter-clockwise: the second axis is on the left; in a right-to-left run "start" is the right end
    assert anchors(rtl) == ["middle", "start", "start", "end", "end"]
    x_of = lambda svg: [float(t.get("x")) for t in svg.find(f".//{SVG}g[@class='radar-labels']")]  # noqa: E731
    assert x_of(ltr)[1] > 200 > x_of(rtl)[1]


def test_long_labels_wrap_onto_lines():
    svg = _radar(
        axes=[
            "Technological and infrastructural",
            "Social",
            "Economic",
            "Scientific and educational",
            "科学与教育科学与教育科学与教育",
        ]
    )
    lines = [[s.text for s in t] for t in svg.find(f".//{SVG}g[@class='radar-labels']")]
    assert lines[0] == ["Technological and", "infrastructural"]  # above the chart: up to 26 characters a line
    assert lines[2] == ["Economic"]
    assert lines[1] == ["Social"]
    assert lines[3] == ["Scientific and", "educational"]
    assert lines[4] == ["科学与教育科学", "与教育科学与教", "育"]  # full-width: 7 a line


def test_the_radar_refuses_mismatched_series():
    with pytest.raises(ValueError, match="has 2 values for 5 axes"):
        _radar(series=[RadarSeries(name="x", values=[1, 2])])
    with pytest.raises(ValueError, match="at least 3 axes"):
        _radar(axes=["a", "b"], series=[])


def test_the_core_imports_no_django():
    script = (
        "import sys\n"
        "from harambee.assessments.core import framework, scoring, radar\n"
        "framework.get_framework()\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
    )
    assert result.stdout.strip() == "[]"


def test_a_label_word_too_long_to_wrap_widens_the_chart_instead_of_being_cut():
    # given the Russian dimension titles, whose longest word has 16 letters
    axes = ["Правовое и нормативное регулирование", "Социальное и культурное", "Экономическое",
            "Научное и образовательное", "Технологическое и инфраструктурное"]  # fmt: skip
    svg = _radar(axes=axes)
    width = float(svg.get("viewBox").split()[2])
    assert width > 400
    # then the left label's right-anchored text keeps its estimated width inside the viewBox
    left = svg.find(f".//{SVG}g[@class='radar-labels']")[4]
    assert [s.text for s in left] == ["Технологическое и", "инфраструктурное"]  # "и" stays with its line
    assert left.get("text-anchor") == "end"
    assert float(left.get("x")) - len("Технологическое и") * 12 * 0.63 >= 0


def _all_texts(framework: Framework):
    yield "title", framework.title
    for level in framework.scale:
        yield f"scale {level.level}", level.label
    for dimension in framework.dimensions:
        yield f"{dimension.code} title", dimension.title
        yield f"{dimension.code} description", dimension.description
    for i in framework.indicators:
        for key in ("question", "evidence", "need_title", "guidance"):
            yield f"{i.code} {key}", getattr(i, key)
        for n, level in enumerate(i.levels):
            yield f"{i.code} level {n}", level


SCRIPTS = {
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
}


def test_every_shipped_text_is_written_in_its_own_language():
    # a text copied from English, or written in the wrong script, is a translation left undone
    problems = []
    for version in available_versions():
        for where, texts in _all_texts(get_framework(version)):
            for lang in ("fr", "es", "ru", "ar", "zh"):
                if lang in SCRIPTS and not SCRIPTS[lang].search(texts[lang]):
                    problems.append((version, where, lang, "script"))
                elif texts[lang] == texts["en"] and len(texts["en"]) > 12:
                    problems.append((version, where, lang, "same as English"))
    assert problems == []
