"""Signals other apps listen to, so that postings never import them.

``postings_changed`` is sent after the transaction that created or changed postings commits, with
``ids`` (the primary keys). The matching app uses it to refresh concepts and vectors.
"""

from django.db import transaction
from django.dispatch import Signal

postings_changed = Signal()


def announce_changed(ids) -> None:
    """Send ``postings_changed`` for ``ids`` once the current transaction commits."""
    ids = list(ids)
    if ids:
        transaction.on_commit(lambda: postings_changed.send(sender="postings", ids=ids))
