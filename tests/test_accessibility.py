"""WCAG 2.1 AA checks that can be automated: contrast of the palette, landmarks, labelled controls."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parent.parent / "harambee/core/static/harambee/harambee.css").read_text()


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


PALETTE = dict(re.findall(r"--([\w-]+):(#[0-9a-fA-F]{6})", CSS))
PAIRS = [
    ("ink", "bg"),
    ("muted", "bg"),
    ("muted", "soft"),
    ("brand", "bg"),
    ("brand-dark", "bg"),
    ("bad", "bg"),
    ("ok", "bg"),
    ("brand", "soft"),
    ("ink", "soft"),
]


@pytest.mark.parametrize(("text", "background"), PAIRS)
def test_text_colours_meet_aa_contrast(text, background):
    assert contrast(PALETTE[text], PALETTE[background]) >= 4.5


def test_header_and_badges_meet_aa_contrast():
    assert contrast("#ffffff", PALETTE["brand"]) >= 4.5
    assert contrast("#5c3800", "#fff4e0") >= 4.5
    assert contrast("#114020", "#e6f4ea") >= 4.5
    assert contrast("#6b1510", "#fde8e7") >= 4.5


class PageStructure(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.label_for: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "label" and attrs.get("for"):
            self.label_for.add(attrs["for"])


PAGES = [
    ("anonymous", "/en/"),
    ("anonymous", "/ar/members/"),
    ("anonymous", "/fr/register/"),
    ("anonymous", "/en/accounts/sign-in/"),
    ("manager", "/en/members/unza/edit/"),
    ("manager", "/es/members/unza/people/"),
    ("secretariat", "/ru/secretariat/"),
    ("secretariat", "/zh-hans/secretariat/audit/"),
    ("manager", "/en/accounts/profile/"),
    ("manager", "/ar/my/"),
    ("outsider", "/fr/my/"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "url"), PAGES)
def test_pages_have_landmarks_and_labelled_controls(role, url, client, cast):
    if cast.user(role):
        client.force_login(cast.user(role))
    page = PageStructure()
    page.feed(client.get(url).content.decode())
    tags = [tag for tag, _attrs in page.tags]
    # landmarks: one header, main and footer, navigation with a name, a skip link to main
    assert tags.count("main") == 1 and tags.count("header") == 1 and tags.count("footer") == 1
    assert any(tag == "nav" and attrs.get("aria-label") for tag, attrs in page.tags)
    assert ("a", {"class": "skip-link", "href": "#main"}) in page.tags
    assert tags.count("h1") == 1
    # every visible form control has a label
    for tag, attrs in page.tags:
        if tag in ("input", "select", "textarea") and attrs.get("type") not in ("hidden", "submit"):
            assert attrs.get("id") in page.label_for or attrs.get("aria-label"), (url, tag, attrs)
    # every image has alternative text (empty for decoration)
    assert all("alt" in attrs for tag, attrs in page.tags if tag == "img")
