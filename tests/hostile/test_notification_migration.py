"""Issue 10 item 6: notifications stored before links were named URL patterns are migrated.

A file of its own: a transactional test empties the database when it ends, so pytest-django runs
files of such tests after the others."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

from harambee.matching.models import Match
from harambee.notifications.models import Notification
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting
from harambee.registry.models import Country
from harambee.registry.tests.factories import StateFactory


def _post(cast, member, **fields):
    raw = {"kind": "need", "language": "en", "description": "Details.", "delivery_languages": ["en"], **fields}
    raw["member"] = member.code
    return posting_create(actor=cast.secretariat, member=member, data=parse_posting(raw), status="published")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the reference data
def test_existing_notifications_are_migrated_to_named_links_and_actors(cast):
    # given a notification stored the old way: a path without language and the member's English name
    # (empty for a State), as before migration 0002
    zambia = StateFactory(country=Country.objects.get(iso3="ZMB"))
    need = _post(cast, zambia, id="N-M", title="Need")
    offer = _post(cast, cast.other_member, id="O-M", kind="offer", title="Offer")
    match = Match.objects.create(need=need, offer=offer, proposer=zambia, proposed_by=cast.secretariat)
    executor = MigrationExecutor(connection)
    executor.migrate([("notifications", "0001_initial")])
    old_apps = executor.loader.project_state([("notifications", "0001_initial")]).apps
    OldNotification = old_apps.get_model("notifications", "Notification")
    old = OldNotification.objects.create(
        recipient_id=cast.other_manager.pk,
        kind="match_proposed",
        params={"member": "", "need": "Need", "offer": "Offer"},
        url=f"/matches/{match.pk}/",
    )
    # when the migrations run
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    # then the link is a named URL built in each reader's language and the State that acted is named
    notification = Notification.objects.get(pk=old.pk)
    assert (notification.url_name, notification.url_kwargs) == ("matching:detail", {"pk": match.pk})
    assert notification.link("ar") == f"/ar/matches/{match.pk}/"
    with translation.override("en"):
        message = notification.message.replace("\u2068", "").replace("\u2069", "")
        assert message == "Zambia proposes to match the need “Need” with the offer “Offer”."
    with translation.override("fr"):
        assert notification.message.startswith("\u2068Zambie")
