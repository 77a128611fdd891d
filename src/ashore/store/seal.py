"""Each loan's seal in ``chain_heads``: where its note chain ends, and hashes over its payments,
claims and proposal statuses, written in the same transaction as any change Ashore makes to them.

The note chain proves every entry up to its last one; the seal says which the last one is, so a
tail removed (or a last note edited with its hash worked out again) no longer matches it, and a
payment amount edited in the database no longer matches its hash. A loan removed behind Ashore's
back leaves its seal behind. ``ashore verify`` compares; backups carry the table with the data.

The hashes are over the values exactly as the database stores them (text for amounts and dates).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from itertools import chain
from typing import Any, cast

from sqlalchemy import Connection, event, text
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

from ashore.store.models import (
    ClaimRow,
    FeeRow,
    LoanRow,
    NoteEventRow,
    NoteRow,
    PaymentRow,
    ProposalRow,
    StatusChangeRow,
)
from ashore.store.seal_read import write_seals


def write(con: Connection, loan_ids: Iterable[str]) -> None:
    """Seal each loan as its rows stand (a loan no longer there loses its seal)."""
    write_seals(cast(sqlite3.Connection, con.connection.driver_connection), loan_ids)


def mark(session: Session, loan_ids: Iterable[str]) -> None:
    """Have the session reseal ``loan_ids`` on commit: for rows written without the ORM."""
    touched: set[str] = session.info.setdefault(_TOUCHED, set())
    touched.update(loan_ids)


# --- keeping the seals: every session of Ashore reseals the loans its flushes touched ------------

_TOUCHED = "ashore_sealed_loans"
_BY_LOAN = (ClaimRow, FeeRow, NoteEventRow, NoteRow, PaymentRow, ProposalRow)


def loan_of(session: Session, obj: object) -> str | None:
    """The id of the loan ``obj`` (a row) belongs to; None for a row of no loan."""
    if isinstance(obj, LoanRow):
        return obj.id
    if isinstance(obj, _BY_LOAN):
        return obj.loan_id
    if isinstance(obj, StatusChangeRow):
        row = session.connection().execute(
            text("SELECT loan_id FROM proposals WHERE pk = :pk"), {"pk": obj.proposal_pk}
        )
        found = row.first()
        return str(found[0]) if found is not None else None
    return None


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    touched: set[str] = session.info.setdefault(_TOUCHED, set())
    for obj in chain(session.new, session.dirty, session.deleted):
        try:
            loan_id = loan_of(session, obj)
        except InvalidRequestError:  # pragma: no cover - an expired deleted row
            continue
        if loan_id is not None:
            touched.add(loan_id)


def _before_commit(session: Session) -> None:
    session.flush()
    touched = session.info.pop(_TOUCHED, set())
    if touched:
        write(session.connection(), touched)


def _after_rollback(session: Session) -> None:
    session.info.pop(_TOUCHED, None)


def keep_seals(sessions: sessionmaker[Any]) -> None:
    """Make every session from ``sessions`` reseal, in its own transaction, the loans it wrote."""
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "before_commit", _before_commit)
    event.listen(sessions, "after_rollback", _after_rollback)
