"""Each loan's seal in ``chain_heads``: where its note chain ends, and hashes over its payments,
claims and proposal statuses, written in the same transaction as any change Ashore makes to them.

The note chain proves every entry up to its last one; the seal says which the last one is, so a
tail removed (or a last note edited with its hash worked out again) no longer matches it, and a
payment amount edited in the database no longer matches its hash. A loan removed behind Ashore's
back leaves its seal behind. ``ashore verify`` compares; backups carry the table with the data.

The hashes are over the values exactly as the database stores them (text for amounts and dates).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

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

PARTS = ("payments", "claims", "proposals")

_QUERIES = {
    "payments": "SELECT position, date, amount, note, method, reference FROM payments "
    "WHERE loan_id = :loan ORDER BY position, pk",
    "claims": "SELECT position, date, amount, source, note FROM claims "
    "WHERE loan_id = :loan ORDER BY position, pk",
    "proposals": "SELECT p.position, p.id, p.status, p.method, p.params, c.position, c.at, "
    "c.status, c.note FROM proposals p LEFT JOIN proposal_status_changes c "
    "ON c.proposal_pk = p.pk WHERE p.loan_id = :loan ORDER BY p.position, p.pk, c.position, c.pk",
}


@dataclass(frozen=True)
class Seal:
    events: int
    head: str
    payments: str
    claims: str
    proposals: str


def _digest(rows: Iterable[Sequence[object]]) -> str:
    body = json.dumps([list(row) for row in rows], ensure_ascii=False, default=str)
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def compute(con: Connection, loan_id: str) -> Seal:
    """The seal the loan's rows call for now."""
    last = con.execute(
        text(
            "SELECT count(*), (SELECT hash FROM note_events WHERE loan_id = :loan "
            "ORDER BY position DESC LIMIT 1) FROM note_events WHERE loan_id = :loan"
        ),
        {"loan": loan_id},
    ).one()
    hashes = {
        part: _digest(con.execute(text(sql), {"loan": loan_id})) for part, sql in _QUERIES.items()
    }
    return Seal(int(last[0]), str(last[1] or ""), **hashes)


def stored(con: Connection) -> dict[str, Seal]:
    rows = con.execute(
        text("SELECT loan_id, events, head, payments, claims, proposals FROM chain_heads")
    )
    return {str(r[0]): Seal(int(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5])) for r in rows}


def write(con: Connection, loan_ids: Iterable[str]) -> None:
    """Seal each loan as its rows stand (a loan no longer there loses its seal)."""
    for loan_id in sorted(set(loan_ids)):
        con.execute(text("DELETE FROM chain_heads WHERE loan_id = :loan"), {"loan": loan_id})
        exists = con.execute(text("SELECT 1 FROM loans WHERE id = :loan"), {"loan": loan_id})
        if exists.first() is None:
            continue
        seal = compute(con, loan_id)
        con.execute(
            text(
                "INSERT INTO chain_heads (loan_id, events, head, payments, claims, proposals) "
                "VALUES (:loan, :events, :head, :payments, :claims, :proposals)"
            ),
            {"loan": loan_id, **seal.__dict__},
        )


def problems(con: Connection) -> list[str]:
    """One line per loan whose rows no longer match its seal, or whose seal is all that is left."""
    seals = stored(con)
    loans = [str(r[0]) for r in con.execute(text("SELECT id FROM loans ORDER BY id"))]
    found: list[str] = []
    for loan_id in loans:
        seal = seals.pop(loan_id, None)
        where = f"loan {loan_id}"
        now = compute(con, loan_id)
        if seal is None:
            found.append(f"{where}: has no seal in chain_heads (added or changed outside Ashore)")
            continue
        if now.events < seal.events:
            found.append(
                f"{where}: the last {seal.events - now.events} of its {seal.events} note chain "
                "entries were removed outside Ashore"
            )
        elif now.events > seal.events:
            found.append(f"{where}: its note chain has entries added outside Ashore")
        elif now.head != seal.head:
            found.append(f"{where}: the latest note chain entry was changed outside Ashore")
        for part in PARTS:
            if getattr(now, part) != getattr(seal, part):
                found.append(f"{where}: its {part} were changed outside Ashore (hash mismatch)")
    for loan_id in sorted(seals):
        found.append(f"loan {loan_id}: removed outside Ashore (its seal is still kept)")
    return found


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
