"""The score breakdown table under each suggestion, and the server's persistent SQLite connections."""

from django.template import Context, Template
from django.utils import translation

from config.settings.base import database_config


def test_breakdown_table_shows_each_component_with_localised_value_and_weight():
    # given two components of a suggestion's score
    parts = [
        {"name": "semantic", "label": "Similar meaning", "value": 0.8333, "weight": 0.5, "contribution": 0.42},
        {"name": "themes", "label": "<Themes>", "value": 1, "weight": 0.125, "contribution": 0.125},
    ]
    # when the table is rendered in French
    with translation.override("fr"):
        html = Template("{% load matching_tags %}{% breakdown_table parts %}").render(Context({"parts": parts}))
    # then each component is a row with its value and weight in French (rounded half to even), its label escaped
    assert "<tr><td>Similar meaning</td><td>0,83</td><td>0,50</td></tr>" in html
    assert "<tr><td>&lt;Themes&gt;</td><td>1,00</td><td>0,12</td></tr>" in html
    assert html.startswith('<table class="breakdown"><thead><tr><th scope="col">')


def test_sqlite_connections_are_kept_between_requests_unless_told_otherwise(monkeypatch):
    # given no DATABASE_URL (the embedded SQLite database)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("HARAMBEE_DB_CONN_MAX_AGE", raising=False)
    # then each server thread keeps its connection for a minute, checked before reuse
    assert database_config()["CONN_MAX_AGE"] == 60
    assert database_config()["CONN_HEALTH_CHECKS"] is True
    # and the operator can turn that off
    monkeypatch.setenv("HARAMBEE_DB_CONN_MAX_AGE", "0")
    assert database_config()["CONN_MAX_AGE"] == 0
