"""Issue 12 item 7: the messages of proposals made before conversations become their first messages.

A file of its own: a transactional test empties the database when it ends, so pytest-django runs
files of such tests after the others."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from harambee.matching.models import Match, Message
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting


def _post(cast, member, **fields):
    raw = {"kind": "need", "language": "en", "description": "Details.", "delivery_languages": ["en"], **fields}
    raw["member"] = member.code
    return posting_create(actor=cast.secretariat, member=member, data=parse_posting(raw), status="published")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the reference data
def test_existing_proposal_messages_become_the_first_messages(cast):
    # given two proposals stored before migration 0003, one with a message and one without
    need = _post(cast, cast.member, id="N-M", title="Need")
    offer = _post(cast, cast.other_member, id="O-M", kind="offer", title="Offer")
    other = _post(cast, cast.other_member, id="O-N", kind="offer", title="Other offer")
    executor = MigrationExecutor(connection)
    executor.migrate([("matching", "0002_one_live_match_per_pair")])
    old_apps = executor.loader.project_state([("matching", "0002_one_live_match_per_pair")]).apps
    OldMatch = old_apps.get_model("matching", "Match")
    with_message = OldMatch.objects.create(
        need_id=need.pk, offer_id=offer.pk, proposer_id=cast.member.pk, proposed_by_id=cast.editor.pk,
        message="Shall we talk?",
    )  # fmt: skip
    OldMatch.objects.create(need_id=need.pk, offer_id=other.pk, proposer_id=cast.member.pk, message="")
    # when the migrations run
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    # then the message opens its match's conversation, by its proposer, when it was proposed
    message = Message.objects.get()
    match = Match.objects.get(pk=with_message.pk)
    assert (message.match_id, message.body, message.author_id, message.member_id) == (
        match.pk,
        "Shall we talk?",
        cast.editor.pk,
        cast.member.pk,
    )
    assert message.created_at == match.created_at
