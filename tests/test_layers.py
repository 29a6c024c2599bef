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
    path for name in ("views", "api") for path in [*HARAMBEE.glob(f"*/{name}.py"), *HARAMBEE.glob(f"*/{name}/*.py")]
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
    return found


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
