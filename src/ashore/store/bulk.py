"""New loans written in bulk: one executemany per table for a whole import, no ORM objects.

The rows are exactly those ``mapping.write_loan`` writes for a new loan (same columns, same
stored text, the same primary keys SQLite would hand out), and each note chain is checked and
completed once, in memory, before anything is inserted. The loans' seals are written on commit
like after any other change.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Dialect, Table, func, select
from sqlalchemy.orm import Session

from ashore.app.errors import InputError
from ashore.domain.records import CallNote, Loan, NoteEvent
from ashore.store import seal
from ashore.store.chain import GENESIS, anchors, append_event, chain_breaks, heads, note_body
from ashore.store.codec import encode_agreed, encode_params
from ashore.store.evidence import EvidenceStore
from ashore.store.mapping import now
from ashore.store.mapping.files import evidence_row
from ashore.store.models import (
    ClaimRow,
    FeeRow,
    LoanRow,
    NoteEventRow,
    NoteEvidenceRow,
    NoteRevisionRow,
    NoteRow,
    PaymentRow,
    ProposalRow,
    StatusChangeRow,
)

_TABLES: tuple[type[Any], ...] = (
    LoanRow,
    FeeRow,
    PaymentRow,
    ClaimRow,
    ProposalRow,
    StatusChangeRow,
    NoteRow,
    NoteRevisionRow,
    NoteEvidenceRow,
    NoteEventRow,
)


@dataclass
class _Rows:
    """The rows to insert, table by table, and the next primary key of each keyed table."""

    next_pk: dict[str, int]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, model: type[Any], values: dict[str, Any], keyed: bool = True) -> int:
        table: Table = model.__table__
        if keyed:
            pk = self.next_pk[table.name]
            self.next_pk[table.name] = pk + 1
            values["pk"] = pk
        self.rows.setdefault(table.name, []).append(values)
        return int(values.get("pk", 0))


def checked_chain(loan: Loan, path: str, at: datetime) -> list[NoteEvent]:
    """The new loan's note chain: the record's (checked), then a "created" entry for every note
    it does not cover yet (a hand-written exchange file has no chain)."""
    events = list(loan.note_chain)
    for position, what in chain_breaks(loan.id, events):
        raise InputError(f"{path}.note_chain[{position}]: {what}")
    latest = heads(events)
    ids = {note.id for note in loan.notes}
    for note_id in latest:
        if note_id not in ids:
            raise InputError(f"{path}.note_chain: names note {note_id!r}, which the loan lacks")
    for i, note in enumerate(loan.notes):
        head = latest.get(note.id)
        if head is not None and head.body != note_body(loan.id, note):
            raise InputError(
                f"{path}.notes[{i}]: does not match its last entry in note_chain "
                "(changed after it was recorded)"
            )
    for note in loan.notes:
        if note.id not in latest:
            latest[note.id] = append_event(events, loan.id, note, "created", at)
    return events


def _loan_values(loan: Loan) -> dict[str, Any]:
    rules = loan.overdue
    penalty = rules.penalty_rate
    settlement = loan.settlement
    certificate = settlement.certificate if settlement else None
    return {
        "id": loan.id,
        "lender_id": loan.lender,
        "name": loan.name,
        "currency": loan.currency,
        "reference": loan.reference,
        "principal": loan.principal,
        "rate_value": loan.rate.value,
        "rate_per": loan.rate.per,
        "rate_day_count": loan.rate.day_count,
        "method": loan.method,
        "term_count": loan.term_count,
        "term_unit": loan.term_unit,
        "first_due": loan.first_due,
        "penalty_rate_value": penalty.value if penalty else None,
        "penalty_rate_per": penalty.per if penalty else None,
        "penalty_rate_day_count": penalty.day_count if penalty else 360,
        "penalty_base": rules.penalty_base,
        "late_fee": rules.late_fee,
        "grace_days": rules.grace_days,
        "accelerates_after_days": rules.accelerates_after_days,
        "allocation": ",".join(rules.allocation),
        "penalty_times_contract": rules.penalty_times_contract,
        "contract_interest_continues": rules.contract_interest_continues,
        "start": loan.start,
        "interest": loan.interest,
        "prepayment_fee": loan.prepayment_fee,
        "settled_on": settlement.settled_on if settlement else None,
        "credit_report_checked_on": settlement.credit_report_checked_on if settlement else None,
        "credit_report_clean": settlement.credit_report_clean if settlement else None,
        "certificate_sha256": certificate.sha256 if certificate else None,
        "certificate_name": certificate.name if certificate else None,
    }


def _children(rows: _Rows, loan: Loan) -> None:
    """Fees, payments, claims and proposals (with their status history) of a new loan."""
    for i, f in enumerate(loan.fees):
        rows.add(
            FeeRow,
            {"loan_id": loan.id, "position": i, "name": f.name, "amount": f.amount, "per": f.per},
        )
    for i, p in enumerate(loan.payments):
        rows.add(
            PaymentRow,
            {
                "loan_id": loan.id,
                "position": i,
                "date": p.date,
                "amount": p.amount,
                "note": p.note,
                "method": p.method,
                "reference": p.reference,
            },
        )
    for i, c in enumerate(loan.claims):
        rows.add(
            ClaimRow,
            {
                "loan_id": loan.id,
                "position": i,
                "date": c.date,
                "amount": c.amount,
                "source": c.source,
                "note": c.note,
                "ours": c.ours,
            },
        )
    for i, proposal in enumerate(loan.proposals):
        agreed = (
            None
            if proposal.agreed is None
            else json.dumps(encode_agreed(proposal.agreed), sort_keys=True)
        )
        pk = rows.add(
            ProposalRow,
            {
                "loan_id": loan.id,
                "position": i,
                "id": proposal.id,
                "name": proposal.name,
                "method": proposal.method,
                "start": proposal.start,
                "params": json.dumps(
                    encode_params(proposal.method, proposal.params), sort_keys=True
                ),
                "status": proposal.status,
                "waive_penalty": proposal.waive.penalty,
                "waive_late_fees": proposal.waive.late_fees,
                "waive_interest": proposal.waive.interest,
                "agreed": agreed,
            },
        )
        for j, h in enumerate(proposal.history):
            rows.add(
                StatusChangeRow,
                {"proposal_pk": pk, "position": j, "at": h.at, "status": h.status, "note": h.note},
            )


def _collection(note: Any) -> dict[str, Any]:
    return {
        "kind": note.kind,
        "direction": note.direction,
        "from_number": note.from_number,
        "third_party": note.third_party,
        "abuse": ",".join(note.abuse),
    }


def _texts(note: Any) -> dict[str, Any]:
    return {
        "occurred_at": note.occurred_at,
        "channel": note.channel,
        "counterpart": note.counterpart,
        "text": note.text,
        "outcome": note.outcome,
        "promises": note.promises,
        "follow_up": note.follow_up,
        **_collection(note),
    }


def _note(rows: _Rows, loan_id: str, position: int, note: CallNote, prev: str, digest: str) -> None:
    pk = rows.add(
        NoteRow,
        {
            "loan_id": loan_id,
            "position": position,
            "id": note.id,
            "logged_at": note.logged_at,
            "deleted_at": note.deleted_at,
            "deleted_reason": note.deleted_reason,
            "prev_hash": prev,
            "hash": digest,
            **_texts(note),
        },
    )
    for j, r in enumerate(note.revisions):
        rows.add(
            NoteRevisionRow, {"note_pk": pk, "position": j, "revised_at": r.revised_at, **_texts(r)}
        )
    for j, a in enumerate(note.attachments):
        rows.add(
            NoteEvidenceRow,
            {"note_pk": pk, "position": j, "sha256": a.sha256, "name": a.name, "kind": a.kind},
        )


def _notes(rows: _Rows, loan: Loan, events: list[NoteEvent]) -> None:
    latest = heads(events)
    first = anchors(events)
    previous = GENESIS
    for i, note in enumerate(loan.notes):
        _note(rows, loan.id, i, note, previous, latest[note.id].hash)
        previous = first[note.id]
    for position, e in enumerate(events):
        rows.add(
            NoteEventRow,
            {
                "loan_id": loan.id,
                "position": position,
                "note_id": e.note,
                "kind": e.kind,
                "at": e.at,
                "body": e.body,
                "prev_hash": e.prev_hash,
                "hash": e.hash,
            },
        )


def _evidence(session: Session, store: EvidenceStore, loan: Loan, path: str) -> None:
    """The evidence rows the loan's files need (the few ORM rows: flushed before the inserts)."""
    for i, note in enumerate(loan.notes):
        for j, attachment in enumerate(note.attachments):
            evidence_row(session, store, attachment, f"{path}.notes[{i}].attachments[{j}]")
    settlement = loan.settlement
    if settlement is not None and settlement.certificate is not None:
        evidence_row(session, store, settlement.certificate, f"{path}.settlement.certificate")


def insert_new_loans(
    session: Session, store: EvidenceStore, loans: Sequence[tuple[Loan, str]]
) -> None:
    """Insert ``loans`` (each with the field path errors name) as new loans, in the session's
    transaction: InputError, before anything is inserted, for a chain that does not hold."""
    at = now(session)
    chains = [checked_chain(loan, path, at) for loan, path in loans]
    for loan, path in loans:
        _evidence(session, store, loan, path)
    session.flush()
    con = session.connection()
    next_pk: dict[str, int] = {}
    for model in _TABLES:
        table: Table = model.__table__
        if "pk" in table.c:
            next_pk[table.name] = int(con.scalar(select(func.max(table.c.pk))) or 0) + 1
    rows = _Rows(next_pk)
    for (loan, _path), events in zip(loans, chains, strict=True):
        rows.add(LoanRow, _loan_values(loan), keyed=False)
        _children(rows, loan)
        _notes(rows, loan, events)
    raw = cast(sqlite3.Connection, con.connection.driver_connection)
    for model in _TABLES:
        table = model.__table__
        values = rows.rows.get(table.name)
        if values:
            _insert(raw, table, values, con.dialect)
    seal.mark(session, (loan.id for loan, _path in loans))


def _insert(
    raw: sqlite3.Connection, table: Table, values: list[dict[str, Any]], dialect: Dialect
) -> None:
    """``INSERT`` every row of ``values`` (dicts with the same keys) into ``table`` through the
    driver's own executemany, in the session's transaction: each value turned into what is stored
    by its column type's own bind processor, the columns left out given their default, as
    ``insert(table)`` would, without its per-row work in Python (most of an import's time)."""
    names = list(values[0])
    defaults: dict[str, object] = {}
    for column in table.c:
        if column.name in values[0] or column.default is None:
            continue
        if not column.default.is_scalar:  # pragma: no cover - no such column in these tables
            raise TypeError(f"{table.name}.{column.name}: a bulk insert needs a plain default")
        defaults[column.name] = column.default.arg  # type: ignore[attr-defined]
    columns = [table.c[name] for name in (*names, *defaults)]
    processors = [
        (k, process)
        for k, column in enumerate(columns)
        if (process := column.type.bind_processor(dialect)) is not None
    ]
    extra = list(defaults.values())
    take = itemgetter(*names)

    def stored(row: dict[str, Any]) -> list[Any]:
        out = [*take(row), *extra]
        for k, process in processors:  # only the columns whose type turns the value into text
            out[k] = process(out[k])
        return out

    rows = map(stored, values)
    listed = ", ".join(column.name for column in columns)
    marks = ", ".join("?" for _ in columns)
    raw.executemany(f"INSERT INTO {table.name} ({listed}) VALUES ({marks})", rows)
