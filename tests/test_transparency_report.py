"""The yearly implementation report: rendered as PDF in French, Arabic and Chinese with the
project's fonts, its text read back (pypdf) and its pages counted; and the `harambee report`
command."""

import io

import pypdf
import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from harambee.transparency.report import report_pdf

from .test_transparency import fresh_cache, world  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def _text(data: bytes) -> tuple[str, int]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split()), len(reader.pages)


def _fonts(data: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


@pytest.mark.parametrize(
    ("language", "expected", "font"),
    [
        ("fr", ["Zambie", "Pays les moins avancés", "Égypte", "Chine", "1 000 $US"], "Harambee-Sans"),
        ("ar", ["زامبيا", "فيجي", "البيانات", "المهارات والإلمام بالذكاء الاصطناعي"], "Harambee-Arabic"),
        ("zh-hans", ["赞比亚", "埃及", "中国"], "Harambee-Chinese"),
    ],
)
def test_the_report_pdf_reads_back_in_its_language(language, expected, font, world):  # noqa: F811
    # given the small world; when this year's report is rendered
    data = report_pdf(timezone.now().year, language)
    # then its text is in the language, with the figures, the disclaimer, and a few pages
    text, pages = _text(data)
    for word in expected:
        assert word in text.replace("\u202f", " ").replace("\xa0", " "), word
    assert 2 <= pages <= 12
    assert font in _fonts(data)


def test_the_command_writes_pdf_and_html(world, tmp_path):  # noqa: F811
    year = timezone.now().year
    call_command("report", "--year", str(year), "--lang", "fr", "--out", str(tmp_path / "r.html"))
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'lang="fr"' in html and "Zambie" in html
    call_command("report", "--year", str(year), "--lang", "en", "--out", str(tmp_path / "r.pdf"))
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "de"], "--lang: 'de' is not one of"),
        (["--year", "1800"], "--year: 1800 is not a year"),
        (["--out", "/nonexistent/dir/r.pdf"], "--out: the folder /nonexistent/dir does not exist"),
    ],
)
def test_the_command_refuses_bad_arguments(args, message, tmp_path):
    argv = ["--out", str(tmp_path / "r.pdf"), *args]
    with pytest.raises(CommandError, match=message.replace("(", r"\(")):
        call_command("report", *argv)
