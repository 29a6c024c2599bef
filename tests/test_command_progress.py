"""Long commands (import, embed, export iati, match evaluate) end with a one-line summary on stdout and
draw a progress bar on stderr only on a terminal or when asked (`-v 2`) — so pipes and logs stay clean."""

import io
import re

import pytest
from django.core.management import call_command

from harambee.matching.models import PostingFeatures
from harambee.matching.services import features_refresh
from harambee.postings.models import Posting
from tests.test_cooperation import _tracked
from tests.test_postings import CORPUS

pytestmark = pytest.mark.django_db
SECONDS = r"[\d.]+"
RATE = r"[\d,]+"


def corpus_file(tmp_path):
    path = tmp_path / "postings.jsonl"
    path.write_text((CORPUS / "needs.jsonl").read_text() + (CORPUS / "offers.jsonl").read_text())
    return path


def test_import_ends_with_a_summary_and_no_progress_in_a_pipe(cast, tmp_path):
    # given the 84 postings of the development corpus in a file
    path = corpus_file(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    # when they are imported with stderr not a terminal
    call_command("import", "postings", str(path), "--create-missing-members", stdout=out, stderr=err)
    # then the summary counts them and says how long it took; nothing was drawn
    first = out.getvalue().splitlines()[0]
    assert re.fullmatch(
        rf"Imported 84 lines: 84 created, 0 updated, 0 unchanged \({SECONDS} s, {RATE} lines/s\)\.", first
    ), first
    assert err.getvalue() == ""


def test_import_draws_progress_when_asked(cast, tmp_path):
    path = corpus_file(tmp_path)
    err = io.StringIO()
    # when a dry run is asked for progress (-v 2)
    call_command("import", "postings", str(path), "--dry-run", "--create-missing-members", "-v", "2",
                 stdout=io.StringIO(), stderr=err)  # fmt: skip
    # then the bar is drawn on stderr with the number of lines counted beforehand
    assert "Checking" in err.getvalue() and "/84" in err.getvalue()


def test_match_embed_ends_with_a_summary(cast, tmp_path):
    # given imported postings with their concepts but no vectors yet
    call_command("import", "postings", str(corpus_file(tmp_path)), "--create-missing-members", stdout=io.StringIO())
    features_refresh(ids=Posting.objects.values_list("pk", flat=True), embed=False)
    assert PostingFeatures.objects.filter(vector_hash="").count() == 84
    out = io.StringIO()
    # when the backfill runs
    call_command("match", "embed", stdout=out, stderr=io.StringIO())
    # then it says how many it embedded, in how long
    assert re.fullmatch(rf"Embedded 84 postings in {SECONDS} s \({RATE} postings/s\)\.\n", out.getvalue()), out
    assert PostingFeatures.objects.exclude(vector_hash="").count() == 84


def test_export_iati_ends_with_a_summary(cast, tmp_path):
    # given one public cooperation with IATI fields
    _tracked(cast)
    out, target = io.StringIO(), tmp_path / "export.xml"
    # when it is exported
    call_command("export", "iati", "--out", str(target), stdout=out, stderr=io.StringIO())
    # then the summary names the file, the count and the time
    assert re.fullmatch(
        rf"1 activities written to {re.escape(str(target))} in {SECONDS} s \({RATE} activities/s\)\.\n", out.getvalue()
    ), out.getvalue()


def test_match_evaluate_ends_with_a_summary():
    out = io.StringIO()
    # when the development corpus is evaluated (test embedder)
    call_command("match", "evaluate", "--corpus", str(CORPUS), stdout=out, stderr=io.StringIO())
    # then the last line says what was evaluated and how long it took
    last = out.getvalue().splitlines()[-1]
    assert re.fullmatch(rf"Evaluated 24 needs against 60 offers in {SECONDS} s\.", last), last
