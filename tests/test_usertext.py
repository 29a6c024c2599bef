"""Showing text people typed: isolated from the page's direction, escaped."""

from harambee.core.templatetags.usertext import bdi, email


def test_an_email_address_is_escaped_and_isolated_left_to_right_in_its_own_box():
    # given an address (and one with markup in it); then it is one left-to-right box, escaped
    assert email("nakato.sarah@uga.demo.test") == '<bdi dir="ltr" class="email">nakato.sarah@uga.demo.test</bdi>'
    assert email("<b>x</b>@example.org") == '<bdi dir="ltr" class="email">&lt;b&gt;x&lt;/b&gt;@example.org</bdi>'
    assert email("") == "" and email(None) == ""


def test_user_text_is_isolated_and_escaped():
    assert bdi("Zambia <AU>") == "<bdi>Zambia &lt;AU&gt;</bdi>"
    assert bdi(None) == "" and bdi("") == ""
