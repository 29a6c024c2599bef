"""`harambee gen postings`: the generator is a development package; progress only on a terminal."""

import io
import json
import re
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from harambee.demo.data import DEMO_STATES
from harambee.postings.models import Posting
from harambee.registry.models import Country, Member
from harambee.registry.tests.factories import OrganisationFactory, StateFactory


class Terminal(io.StringIO):
    """A captured stream that says it is a terminal, as stderr is for someone at the keyboard."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def members(db):
    StateFactory(country=Country.objects.get(iso3="SEN"))
    OrganisationFactory(code="unesco")


@pytest.fixture
def without_the_generator(monkeypatch):
    # sys.modules[name] = None makes `import name` fail as for a package that is not installed
    monkeypatch.setitem(sys.modules, "harambee_synth", None)


def test_gen_to_a_file_prints_a_summary_and_no_progress_off_a_terminal(members, tmp_path):
    # given a command run with its stderr captured (not a terminal)
    out, err, path = io.StringIO(), io.StringIO(), tmp_path / "p.jsonl"
    # when 150 postings are written to a file
    call_command("gen", "postings", "--count", "150", "--seed", "4", "--out", str(path), stdout=out, stderr=err)
    # then the file holds them, stdout the summary (count, time, rate) and stderr nothing
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [row["id"][-7:] for row in rows] == [f"{number:07d}" for number in range(1, 151)]
    active = {code.upper() for code in Member.objects.filter(status="active").values_list("code", flat=True)}
    assert {"SEN", "UNESCO"} <= {row["member"] for row in rows} <= active
    summary = rf"Wrote 150 postings to {re.escape(str(path))} in \d+\.\d s \(\d[\d,]* postings/s\)\."
    assert re.fullmatch(summary, out.getvalue().strip()), out.getvalue()
    assert err.getvalue() == ""
    assert not Posting.objects.exists()


def test_gen_shows_progress_on_a_terminal_unless_quiet(members, tmp_path):
    # given a stderr that is a terminal
    err = Terminal()
    # when postings are generated into the database
    call_command("gen", "postings", "--count", "40", stdout=io.StringIO(), stderr=err)
    # then a progress bar of the 40 postings is drawn, then the saving is announced
    assert re.match(r"\rGenerating: +\d+%\|.*\| \d+/40 ", err.getvalue()), err.getvalue()
    assert err.getvalue().rstrip().endswith("Saving to the database…")
    assert Posting.objects.filter(external_id__startswith="GEN-").count() == 40
    # and with --quiet or verbosity 0, nothing is written at all
    for quiet in (["--quiet"], ["--verbosity", "0"]):
        out, err = io.StringIO(), Terminal()
        call_command(
            "gen", "postings", "--count", "5", "--out", str(tmp_path / "q.jsonl"), *quiet, stdout=out, stderr=err
        )
        assert (out.getvalue(), err.getvalue()) == ("", ""), quiet


def test_gen_without_the_development_package_says_how_to_install_it(members, without_the_generator, tmp_path):
    # given an install without the development dependencies (harambee-synth is not installed)
    # when postings are asked for
    with pytest.raises(CommandError) as refused:
        call_command("gen", "postings", "--count", "10", "--out", str(tmp_path / "p.jsonl"))
    # then the command says what is missing and how to install it, and writes nothing
    assert str(refused.value) == (
        "Generating postings needs the development package harambee-synth, which is not installed. "
        "Install the development dependencies: run `uv sync` in a clone of the Harambee repository."
    )
    assert not (tmp_path / "p.jsonl").exists() and not Posting.objects.exists()


@pytest.mark.django_db
def test_demo_without_the_development_package_loads_without_generated_postings(without_the_generator):
    # given an install without harambee-synth
    out, err = io.StringIO(), io.StringIO()
    # when the demo is loaded
    call_command("loaddemo", stdout=out, stderr=err)
    # then everything else is loaded, with the hand-written postings, and the generated ones are
    # left out with the reason
    assert "Demo data loaded" in out.getvalue()
    assert Member.objects.filter(is_demo=True, kind="state").count() == len(DEMO_STATES)
    assert Posting.objects.filter(external_id__startswith="DEMO-").exists()
    assert not Posting.objects.filter(external_id__startswith="GEN-").exists()
    assert "The generated postings were left out: Generating postings needs the development package" in err.getvalue()
