"""Which loans each committed write touched, so that readers re-read only what changed.

Every session of a ``Database`` notes, as it flushes, the loan each new, changed or deleted row
belongs to (as the seals find it); a row of no loan (a lender, a setting, a file) or a statement
run past the ORM counts as "anything may have changed". On commit the write is logged with its
number; ``since(n)`` answers which loans changed after write ``n``, or None when it cannot say.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker

from ashore.store.seal import loan_of

_KEY = "ashore.changed_loans"
_ANY = ""  # not a loan id (ids are never empty): anything may have changed


class ChangeLog:
    """Committed writes, numbered from 1: the loans each touched (None: not only loans)."""

    def __init__(self) -> None:
        self.writes = 0
        self._touched: list[frozenset[str] | None] = []

    def since(self, writes: int) -> frozenset[str] | None:
        """The loans changed by the writes after number ``writes``; None when one of them may
        have changed more than loans (or ``writes`` is not one of this log's numbers)."""
        if not 0 <= writes <= self.writes:
            return None
        found: set[str] = set()
        for touched in self._touched[writes:]:
            if touched is None:
                return None
            found |= touched
        return frozenset(found)

    def committed(self, touched: set[str]) -> None:
        self.writes += 1
        self._touched.append(None if _ANY in touched else frozenset(touched))


def _flushed(session: Session, _flush: UOWTransaction) -> None:
    touched: set[str] = session.info.setdefault(_KEY, set())
    for obj in chain(session.new, session.dirty, session.deleted):
        try:
            loan_id = loan_of(session, obj)
        except InvalidRequestError:  # pragma: no cover - an expired deleted row
            loan_id = None
        touched.add(loan_id if loan_id is not None else _ANY)


def _executed(state: ORMExecuteState) -> None:
    if not state.is_select:  # a bulk or textual statement: which rows, the ORM cannot say
        state.session.info.setdefault(_KEY, set()).add(_ANY)


def keep_log(sessions: sessionmaker[Any], log: ChangeLog) -> None:
    """Log in ``log`` what every committed session from ``sessions`` wrote."""

    def committed(session: Session) -> None:
        touched = session.info.pop(_KEY, None)
        if touched:
            log.committed(touched)

    def rolled_back(session: Session) -> None:
        session.info.pop(_KEY, None)

    event.listen(sessions, "after_flush", _flushed)
    event.listen(sessions, "do_orm_execute", _executed)
    event.listen(sessions, "after_commit", committed)
    event.listen(sessions, "after_rollback", rolled_back)
