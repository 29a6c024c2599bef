"""`harambee allocate FILE.json [--mode optimal|stable]` without Django: the round's result as JSON.

The command reads no database, no URL and no template, so `harambee` runs it without setting Django
up (about 0.7 s of a 10,000 × 1,000 round; docs/performance.md). Its messages go through the
``translate`` callable like the rest of the core: the Django command (`manage.py allocate`, the tests)
passes Django's gettext; the fast path runs in English, the platform's default language
(``LANGUAGE_CODE``), as the Django command does.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from pathlib import Path
from typing import Any

import orjson

from .engine import MODES, AllocationInputError, allocate, parse_instance
from .instance import Translate, untranslated


class AllocationCommandError(Exception):
    """What the command tells the person when it cannot run the round (already translated)."""


def result_of_file(file: str, mode: str | None, *, translate: Translate = untranslated, stdin=None) -> dict[str, Any]:
    """The round's result as JSON data, for an instance file (``-``: standard input)."""
    _ = translate
    if file == "-":
        text = (stdin or sys.stdin).read()
    else:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except OSError as error:
            raise AllocationCommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": file, "error": error.strerror}
            ) from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise AllocationCommandError(
            _("Malformed JSON at line %(line)s, column %(column)s: %(message)s")
            % {"line": error.lineno, "column": error.colno, "message": error.msg}
        ) from error
    try:
        return allocate(parse_instance(data, translate=translate), mode=mode, translate=translate).to_dict()
    except AllocationInputError as error:
        lines = "\n".join(f"- {problem}" for problem in error.errors)
        raise AllocationCommandError(
            _("Invalid instance (%(count)s problems):\n%(problems)s") % {"count": len(error.errors), "problems": lines}
        ) from error


def result_json(file: str, mode: str | None, *, translate: Translate = untranslated, stdin=None) -> str:
    """The result as indented JSON text. The cyclic garbage collector is paused meanwhile: the decoded
    document has no reference cycles, yet the collector's passes over it took half the reading time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        result = result_of_file(file, mode, translate=translate, stdin=stdin)
        return orjson.dumps(result, option=orjson.OPT_INDENT_2).decode()
    finally:
        if was_enabled:
            gc.enable()


def main(argv: list[str]) -> int:
    """`harambee allocate …` as the console script runs it; the exit status (1 after an error, like Django's)."""
    parser = argparse.ArgumentParser(
        prog="harambee allocate",
        description="Run an allocation round on a JSON instance and print the result as JSON.",
    )
    parser.add_argument("file", help="Instance file (JSON), or - for standard input.")
    parser.add_argument("--mode", choices=MODES, default=None, help="Override the policy's mode.")
    arguments = parser.parse_args(argv)
    try:
        text = result_json(arguments.file, arguments.mode)
    except AllocationCommandError as error:
        sys.stderr.write(f"CommandError: {error}\n")
        return 1
    sys.stdout.write(text + "\n")
    return 0
