"""The readiness framework as data: `data/framework-<version>.toml` read into frozen dataclasses.

A framework names the five UNESCO RAM dimensions and the indicators a member answers on a maturity
scale 0–4, each in the six UN languages (docs/assessments.md). Loading validates the whole file and
raises `FrameworkError` listing every problem found, so a broken file never reaches a page.
"""

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
FILE_PATTERN = re.compile(r"^framework-(?P<version>\d+(?:\.\d+)*)\.toml$")
#: The languages every text of a framework is written in (zh: Simplified Chinese, UI locale zh-hans).
LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")
LEVELS = 5  # maturity levels 0..4
CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*(?:\.[a-z][a-z0-9_-]*)*$")

FRAMEWORK_KEYS = {"code", "version", "source", "licence", "title", "scale"}
DIMENSION_KEYS = {"code", "title", "description"}
INDICATOR_KEYS = {
    "code",
    "revision",
    "dimension",
    "capacity_areas",
    "modality",
    "concepts",
    "required",
    "weight",
    "question",
    "evidence",
    "levels",
    "need_title",
    "guidance",
}
INDICATOR_TEXTS = ("question", "evidence", "need_title", "guidance")


class FrameworkError(ValueError):
    """A framework file that cannot be used; `errors` lists every problem, `str()` joins them."""

    def __init__(self, source: str, errors: list[str]):
        self.source = source
        self.errors = list(errors)
        super().__init__(f"{source}: " + "; ".join(self.errors))


def text(mapping: Mapping[str, str], lang: str | None) -> str:
    """The text in `lang` (a language code or a UI locale such as "zh-hans" or "fr-ca"), else English."""
    language = (lang or "en").lower().replace("_", "-").split("-")[0]
    return mapping.get(language) or mapping.get("en", "")


def _texts(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


@dataclass(frozen=True)
class ScaleLevel:
    level: int
    label: Mapping[str, str]

    def __hash__(self) -> int:
        return hash(self.level)


@dataclass(frozen=True)
class Dimension:
    code: str
    title: Mapping[str, str]
    description: Mapping[str, str]

    def __hash__(self) -> int:
        return hash(self.code)


@dataclass(frozen=True)
class Indicator:
    code: str
    revision: int
    dimension: str
    capacity_areas: tuple[str, ...]
    modality: str
    concepts: tuple[str, ...]
    required: bool
    weight: float
    question: Mapping[str, str]
    evidence: Mapping[str, str]
    levels: tuple[Mapping[str, str], ...]
    need_title: Mapping[str, str]
    guidance: Mapping[str, str]

    def __hash__(self) -> int:
        return hash((self.code, self.revision))


@dataclass(frozen=True)
class Framework:
    code: str
    version: str
    source: str
    licence: str
    title: Mapping[str, str]
    scale: tuple[ScaleLevel, ...]
    dimensions: tuple[Dimension, ...]
    indicators: tuple[Indicator, ...]

    def __hash__(self) -> int:
        return hash((self.code, self.version))

    def indicator(self, code: str) -> Indicator:
        """The indicator with this code (KeyError if the framework has none)."""
        for indicator in self.indicators:
            if indicator.code == code:
                return indicator
        raise KeyError(code)

    def dimension(self, code: str) -> Dimension:
        """The dimension with this code (KeyError if the framework has none)."""
        for dimension in self.dimensions:
            if dimension.code == code:
                return dimension
        raise KeyError(code)

    def indicators_in(self, dimension_code: str) -> tuple[Indicator, ...]:
        """The indicators of a dimension, in framework order."""
        return tuple(i for i in self.indicators if i.dimension == dimension_code)


class _Checker:
    """Collects the problems of one file; each check returns a usable value or a placeholder."""

    def __init__(self):
        self.errors: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}" if where else message)

    def keys(self, where: str, table: Mapping, allowed: set[str]) -> None:
        for key in sorted(set(table) - allowed):
            self.error(where, f'unknown key "{key}"')

    def string(self, where: str, table: Mapping, key: str) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            self.error(where, f'"{key}" must be a non-empty text')
            return ""
        return value

    def texts(self, where: str, value, label: str) -> Mapping[str, str]:
        if not isinstance(value, Mapping):
            self.error(where, f'"{label}" must be a table of texts in {", ".join(LANGUAGES)}')
            return _texts({})
        missing = [lang for lang in LANGUAGES if not isinstance(value.get(lang), str) or not value[lang].strip()]
        if missing:
            self.error(where, f'"{label}" lacks languages: {", ".join(missing)}')
        unknown = sorted(set(value) - set(LANGUAGES))
        if unknown:
            self.error(where, f'"{label}" has unknown languages: {", ".join(unknown)}')
        return _texts({lang: value[lang] for lang in LANGUAGES if isinstance(value.get(lang), str)})

    def code(self, where: str, table: Mapping, key: str = "code") -> str:
        value = self.string(where, table, key)
        if value and not CODE_PATTERN.match(value):
            self.error(where, f'"{key}" "{value}" must be lower-case letters, digits, "_", "-" and "."')
        return value

    def codes(self, where: str, table: Mapping, key: str) -> tuple[str, ...]:
        value = table.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            self.error(where, f'"{key}" must be a non-empty list of texts')
            return ()
        return tuple(value)


def _scale(check: _Checker, values) -> tuple[ScaleLevel, ...]:
    if not isinstance(values, list) or len(values) != LEVELS:
        found = len(values) if isinstance(values, list) else 0
        check.error("framework", f'"scale" must have exactly {LEVELS} levels (0–4), found {found}')
        return ()
    scale = []
    for position, item in enumerate(values):
        where = f"framework scale level {position}"
        if not isinstance(item, Mapping) or item.get("level") != position:
            check.error(where, f'"level" must be {position}')
            continue
        scale.append(ScaleLevel(level=position, label=check.texts(where, item.get("label"), "label")))
    return tuple(scale)


def _dimension(check: _Checker, position: int, table: Mapping) -> Dimension:
    code = table.get("code") if isinstance(table.get("code"), str) else ""
    where = f'dimension "{code}"' if code else f"dimension {position + 1}"
    check.keys(where, table, DIMENSION_KEYS)
    return Dimension(
        code=check.code(where, table),
        title=check.texts(where, table.get("title"), "title"),
        description=check.texts(where, table.get("description"), "description"),
    )


def _indicator(check: _Checker, position: int, table: Mapping, dimensions: set[str]) -> Indicator:
    code = table.get("code") if isinstance(table.get("code"), str) else ""
    where = f'indicator "{code}"' if code else f"indicator {position + 1}"
    check.keys(where, table, INDICATOR_KEYS)
    revision = table.get("revision")
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 1:
        check.error(where, '"revision" must be a whole number from 1')
        revision = 0
    dimension = check.string(where, table, "dimension")
    if dimension and dimension not in dimensions:
        check.error(where, f'unknown dimension "{dimension}"')
    required = table.get("required", True)
    if not isinstance(required, bool):
        check.error(where, '"required" must be true or false')
        required = True
    weight = table.get("weight", 1.0)
    if not isinstance(weight, int | float) or isinstance(weight, bool) or weight <= 0:
        check.error(where, '"weight" must be a number above 0')
        weight = 1.0
    levels = table.get("levels")
    if not isinstance(levels, list) or len(levels) != LEVELS:
        found = len(levels) if isinstance(levels, list) else 0
        check.error(where, f'"levels" must have exactly {LEVELS} definitions (levels 0–4), found {found}')
        levels = []
    texts = {key: check.texts(where, table.get(key), key) for key in INDICATOR_TEXTS}
    return Indicator(
        code=check.code(where, table),
        revision=revision,
        dimension=dimension,
        capacity_areas=check.codes(where, table, "capacity_areas"),
        modality=check.string(where, table, "modality"),
        concepts=check.codes(where, table, "concepts"),
        required=required,
        weight=float(weight),
        levels=tuple(check.texts(where, level, f"levels[{n}]") for n, level in enumerate(levels)),
        **texts,
    )


def parse_framework(data: Mapping, *, source: str = "framework", version: str | None = None) -> Framework:
    """A framework from the parsed TOML `data`; `version`, when given, is the version the file name states."""
    check = _Checker()
    check.keys("", data, {"framework", "dimension", "indicator"})
    head = data.get("framework")
    if not isinstance(head, Mapping):
        raise FrameworkError(source, ['missing table "[framework]"'])
    check.keys("framework", head, FRAMEWORK_KEYS)
    framework_version = check.string("framework", head, "version")
    if version is not None and framework_version and framework_version != version:
        check.error("framework", f'version "{framework_version}" differs from the file name\'s "{version}"')
    dimension_tables = data.get("dimension")
    indicator_tables = data.get("indicator")
    if not isinstance(dimension_tables, list) or not dimension_tables:
        check.error("", 'no "[[dimension]]"')
        dimension_tables = []
    if not isinstance(indicator_tables, list) or not indicator_tables:
        check.error("", 'no "[[indicator]]"')
        indicator_tables = []
    dimensions = tuple(_dimension(check, n, table) for n, table in enumerate(dimension_tables))
    dimension_codes = [d.code for d in dimensions if d.code]
    for code in sorted({c for c in dimension_codes if dimension_codes.count(c) > 1}):
        check.error("", f'duplicate dimension code "{code}"')
    indicators = tuple(_indicator(check, n, table, set(dimension_codes)) for n, table in enumerate(indicator_tables))
    indicator_codes = [i.code for i in indicators if i.code]
    for code in sorted({c for c in indicator_codes if indicator_codes.count(c) > 1}):
        check.error("", f'duplicate indicator code "{code}"')
    for dimension in dimensions:
        if dimension.code and not any(i.dimension == dimension.code for i in indicators):
            check.error(f'dimension "{dimension.code}"', "has no indicators")
    framework = Framework(
        code=check.code("framework", head),
        version=framework_version,
        source=check.string("framework", head, "source"),
        licence=check.string("framework", head, "licence"),
        title=check.texts("framework", head.get("title"), "title"),
        scale=_scale(check, head.get("scale")),
        dimensions=dimensions,
        indicators=indicators,
    )
    if check.errors:
        raise FrameworkError(source, check.errors)
    return framework


def load_framework(path: str | Path) -> Framework:
    """Read and validate a framework file; raises `FrameworkError` naming the file and every problem."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise FrameworkError(path.name, [f"cannot be read ({error.strerror or error})"]) from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise FrameworkError(path.name, [f"is not valid TOML ({error})"]) from error
    match = FILE_PATTERN.match(path.name)
    return parse_framework(data, source=path.name, version=match["version"] if match else None)


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def available_versions(directory: Path = DATA_DIR) -> tuple[str, ...]:
    """The versions shipped as `framework-<version>.toml`, oldest first."""
    versions = [m["version"] for p in Path(directory).iterdir() if (m := FILE_PATTERN.match(p.name))]
    return tuple(sorted(versions, key=_version_key))


@cache
def get_framework(version: str | None = None, directory: Path = DATA_DIR) -> Framework:
    """The framework of `version` (None: the latest shipped), read once per process."""
    versions = available_versions(directory)
    if version is None:
        if not versions:
            raise FrameworkError(str(directory), ["no framework file"])
        version = versions[-1]
    if version not in versions:
        raise FrameworkError(str(directory), [f'no framework version "{version}"'])
    return load_framework(Path(directory) / f"framework-{version}.toml")


def validate_codes(framework: Framework, *, themes: set[str], modalities: set[str]) -> list[str]:
    """Problems of the framework's taxonomy codes against the platform's theme and modality codes."""
    errors = []
    for indicator in framework.indicators:
        for area in indicator.capacity_areas:
            if area not in themes:
                errors.append(f'indicator "{indicator.code}": unknown theme "{area}"')
        if indicator.modality not in modalities:
            errors.append(f'indicator "{indicator.code}": unknown modality "{indicator.modality}"')
    return errors
