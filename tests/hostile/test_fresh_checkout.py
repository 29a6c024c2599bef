"""Issue 10 item 4: every `harambee` command on a fresh checkout (no data folder yet).

Commands that need no database run and leave no database behind; commands that need one say
what to run instead of printing a traceback.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HARAMBEE = str(Path(sys.executable).parent / "harambee")


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HARAMBEE_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "config.settings.local"}
    env.pop("DATABASE_URL", None)
    env["HARAMBEE_EMBEDDER"] = "none"  # the corpus is tiny; the model adds nothing but seconds here
    return subprocess.run([HARAMBEE, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def write_corpus(directory: Path) -> Path:
    directory.mkdir()
    need = {"id": "N1", "member": "ZMB", "language": "en", "title": "Training civil servants in AI",
            "description": "Our ministries need AI training.", "delivery_languages": ["en"]}  # fmt: skip
    offer = {"id": "O1", "member": "FRA", "language": "en", "title": "AI courses for civil servants",
             "description": "Two-week courses.", "delivery_languages": ["en"]}  # fmt: skip
    (directory / "needs.jsonl").write_text(json.dumps(need))
    (directory / "offers.jsonl").write_text(json.dumps(offer))
    (directory / "qrels.txt").write_text("N1 0 O1 3\n")
    return directory


def write_round(path: Path) -> Path:
    round_ = {
        "policy": {},
        "offers": [{"id": "O1", "capacity": 1}],
        "requests": [{"id": "R1", "member": "A", "choices": [{"offer": "O1", "score": 0.9, "rank": 1}]}],
    }
    path.write_text(json.dumps(round_))
    return path


@pytest.mark.parametrize(
    "command",
    [["--help"], ["help", "match"], ["match", "evaluate", "--corpus", "CORPUS"], ["allocate", "ROUND"]],
    ids=["--help", "help match", "match evaluate", "allocate"],
)
def test_commands_that_need_no_database_run_on_a_missing_data_folder(tmp_path, command):
    # given a data folder that does not exist yet (a fresh checkout)
    data_dir = tmp_path / "missing" / "data"
    files = {"CORPUS": str(write_corpus(tmp_path / "corpus")), "ROUND": str(write_round(tmp_path / "round.json"))}
    # when the command runs
    result = run(data_dir, *[files.get(arg, arg) for arg in command])
    # then it succeeds without a traceback, and no database was opened or created
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (data_dir / "harambee.sqlite3").exists()
    if command[0] == "allocate":
        placed = [(a["request"], a["offer"]) for a in json.loads(result.stdout)["assignments"]]
        assert placed == [("R1", "O1")]
    if command[0] == "match":
        assert "1 needs × 1 offers, 1 judged" in result.stdout


def test_a_command_that_needs_the_database_says_to_migrate_first(tmp_path):
    # given a data folder that does not exist yet
    data_dir = tmp_path / "missing" / "data"
    # when a command that reads the database runs
    result = run(data_dir, "export", "postings")
    # then it fails with a clear instruction, not a traceback; the data folder now exists
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Run `harambee migrate`" in result.stderr and "harambee demo" in result.stderr
    assert data_dir.is_dir()
