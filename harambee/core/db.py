"""Database helpers shared by the services."""

from collections.abc import Callable
from typing import TypeVar

from django.db import IntegrityError, transaction

T = TypeVar("T")


def create_unique(*, check: Callable[[], None], create: Callable[[], T]) -> T:
    """Insert with ``create`` what a conditional unique constraint allows once; ``check`` raises the
    clear error (a Conflict naming what is there) when it is already there.

    The check runs first; if another connection inserted the same thing between the check and the
    insert (two people at the same moment), the database refuses the insert and the check, run again,
    raises the same clear error instead of an IntegrityError. Call it inside a transaction.
    """
    check()
    try:
        with transaction.atomic():  # a savepoint: the transaction stays usable after the refusal
            return create()
    except IntegrityError:
        check()  # sees the other connection's committed row
        raise
