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
from itertools import chain, groupby
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

# Each part's rows for many loans at once, by loan: the columns after loan_id are what is hashed.
_PART_QUERIES = {
    "payments": "SELECT loan_id, position, date, amount, note, method, reference FROM payments "
    "WHERE loan_id IN ({ids}) ORDER BY loan_id, position, pk",
    "claims": "SELECT loan_id, position, date, amount, source, note FROM claims "
    "WHERE loan_id IN ({ids}) ORDER BY loan_id, position, pk",
    "proposals": "SELECT p.loan_id, p.position, p.id, p.status, p.method, p.params, c.position, "
    "c.at, c.status, c.note FROM proposals p LEFT JOIN proposal_status_changes c "
    "ON c.proposal_pk = p.pk WHERE p.loan_id IN ({ids}) "
    "ORDER BY p.loan_id, p.position, p.pk, c.position, c.pk",
}
# SQLite takes a bare column (hash) from the row holding the max(): each loan's last entry.
_EVENTS_QUERY = (
    "SELECT loan_id, count(*), hash, max(position) FROM note_events "
    "WHERE loan_id IN ({ids}) GROUP BY loan_id"
)
_CHUNK = 500  # loan ids per query, well under SQLite's bound-parameter limit


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


_EMPTY = _digest([])


def compute(con: Connection, loan_id: str) -> Seal:
    """The seal the loan's rows call for now."""
    return compute_many(con, [loan_id])[loan_id]


def compute_many(con: Connection, loan_ids: Sequence[str]) -> dict[str, Seal]:
    """The seals the rows of ``loan_ids`` call for now: a few queries per 500 loans."""
    seals: dict[str, Seal] = {}
    for start in range(0, len(loan_ids), _CHUNK):
        chunk = list(loan_ids[start : start + _CHUNK])
        names = ", ".join(f":l{i}" for i in range(len(chunk)))
        bound = {f"l{i}": loan_id for i, loan_id in enumerate(chunk)}
        events = {
            str(r[0]): (int(r[1]), str(r[2] or ""))
            for r in con.execute(text(_EVENTS_QUERY.format(ids=names)), bound)
        }
        parts: dict[str, dict[str, str]] = {}
        for part, sql in _PART_QUERIES.items():
            rows = con.execute(text(sql.format(ids=names)), bound)
            parts[part] = {
                str(loan_id): _digest(row[1:] for row in group)
                for loan_id, group in groupby(rows, key=lambda row: row[0])
            }
        for loan_id in chunk:
            count, head = events.get(loan_id, (0, ""))
            seals[loan_id] = Seal(
                count, head, **{part: parts[part].get(loan_id, _EMPTY) for part in PARTS}
            )
    return seals


def stored(con: Connection) -> dict[str, Seal]:
    rows = con.execute(
        text("SELECT loan_id, events, head, payments, claims, proposals FROM chain_heads")
    )
    return {str(r[0]): Seal(int(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5])) for r in rows}


def write(con: Connection, loan_ids: Iterable[str]) -> None:
    """Seal each loan as its rows stand (a loan no longer there loses its seal)."""
    wanted = sorted(set(loan_ids))
    existing: set[str] = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        names = ", ".join(f":l{i}" for i in range(len(chunk)))
        bound = {f"l{i}": loan_id for i, loan_id in enumerate(chunk)}
        con.execute(text(f"DELETE FROM chain_heads WHERE loan_id IN ({names})"), bound)
        found = con.execute(text(f"SELECT id FROM loans WHERE id IN ({names})"), bound)
        existing.update(str(r[0]) for r in found)
    present = [loan_id for loan_id in wanted if loan_id in existing]
    seals = compute_many(con, present)
    if present:
        con.execute(
            text(
                "INSERT INTO chain_heads (loan_id, events, head, payments, claims, proposals) "
                "VALUES (:loan, :events, :head, :payments, :claims, :proposals)"
            ),
            [{"loan": loan_id, **seals[loan_id].__dict__} for loan_id in present],
        )


def problems(con: Connection) -> list[str]:
    """One line per loan whose rows no longer match its seal, or whose seal is all that is left."""
    seals = stored(con)
    loans = [str(r[0]) for r in con.execute(text("SELECT id FROM loans ORDER BY id"))]
    found: list[str] = []
    computed = compute_many(con, loans)
    for loan_id in loans:
        seal = seals.pop(loan_id, None)
        where = f"loan {loan_id}"
        now = computed[loan_id]
        if seal is None:
            found.append(f"{where}: has no seal in chain_heads (added or changed outside Ashore)")
            continue
        found.extend(_differences(where, now, seal))
    for loan_id in sorted(seals):
        found.append(f"loan {loan_id}: removed outside Ashore (its seal is still kept)")
    return found


def _differences(where: str, now: Seal, seal: Seal) -> list[str]:
    found: list[str] = []
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
    return found


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
