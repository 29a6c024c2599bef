"""The moves of an action item's status, as a table: open → in progress → done, or dropped; a done or
dropped item can be reopened. Who may move it is `outcomes_access.action_can(EDIT)`."""

from .choices import ActionStatus as S

#: status → the statuses it may move to
MOVES: dict[str, tuple[str, ...]] = {
    S.OPEN: (S.IN_PROGRESS, S.DONE, S.DROPPED),
    S.IN_PROGRESS: (S.OPEN, S.DONE, S.DROPPED),
    S.DONE: (S.OPEN,),
    S.DROPPED: (S.OPEN,),
}


def can_move(source: str, target: str) -> bool:
    return target in MOVES.get(source, ())


def next_statuses(status: str) -> list[str]:
    """The statuses `status` may move to, in the table's order."""
    return list(MOVES.get(status, ()))
