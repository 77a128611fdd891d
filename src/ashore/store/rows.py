"""New loans as rows, written in bulk over the driver's own SQLite connection: one executemany per
table for a whole import, no ORM object and no SQLAlchemy at all (``ashore import`` then need not
import it; the window's import runs the same on its session's connection, ``store.bulk``).

The rows are exactly those ``mapping.write_loan`` writes for a new loan: the same columns, each
value as its column type stores it (an amount as its exact text, a day and a time in ISO 8601, a
flag as 0 or 1), the same primary keys SQLite would hand out. Each note chain is checked and
completed once, in memory, before anything is inserted.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Any, NamedTuple, cast

from ashore.app.errors import InputError
from ashore.domain.records import CallNote, Loan, NoteEvent, NoteRevision
from ashore.store.chain import (
    GENESIS,
    anchors,
    append_created,
    chain_breaks,
    heads,
    note_body,
    timed_body,
)
from ashore.store.codec import encode_agreed, encode_params

# What a note and each of its revisions say, in their columns' order (``_texts``).
_SAID = (
    "occurred_at",
    "channel",
    "counterpart",
    "text",
    "outcome",
    "promises",
    "follow_up",
    "kind",
    "direction",
    "from_number",
    "third_party",
    "abuse",
)

# Each table's columns in the order its rows are built (every column: none is left to a default).
COLUMNS: dict[str, tuple[str, ...]] = {
    "loans": (
        "id",
        "lender_id",
        "name",
        "currency",
        "reference",
        "principal",
        "rate_value",
        "rate_per",
        "rate_day_count",
        "method",
        "term_count",
        "term_unit",
        "first_due",
        "penalty_rate_value",
        "penalty_rate_per",
        "penalty_rate_day_count",
        "penalty_base",
        "late_fee",
        "grace_days",
        "accelerates_after_days",
        "allocation",
        "penalty_times_contract",
        "contract_interest_continues",
        "start",
        "interest",
        "prepayment_fee",
        "settled_on",
        "credit_report_checked_on",
        "credit_report_clean",
        "certificate_sha256",
        "certificate_name",
    ),
    "fees": ("pk", "loan_id", "position", "name", "amount", "per"),
    "payments": ("pk", "loan_id", "position", "date", "amount", "note", "method", "reference"),
    "claims": ("pk", "loan_id", "position", "date", "amount", "source", "note", "ours"),
    "proposals": (
        "pk",
        "loan_id",
        "position",
        "id",
        "name",
        "method",
        "start",
        "params",
        "status",
        "waive_penalty",
        "waive_late_fees",
        "waive_interest",
        "agreed",
    ),
    "proposal_status_changes": ("pk", "proposal_pk", "position", "at", "status", "note"),
    "call_notes": (
        "pk",
        "loan_id",
        "position",
        "id",
        "logged_at",
        "deleted_at",
        "deleted_reason",
        "prev_hash",
        "hash",
        *_SAID,
    ),
    "note_revisions": ("pk", "note_pk", "position", "revised_at", *_SAID),
    "note_evidence": ("pk", "note_pk", "position", "sha256", "name", "kind"),
    "note_events": (
        "pk",
        "loan_id",
        "position",
        "note_id",
        "kind",
        "at",
        "body",
        "prev_hash",
        "hash",
    ),
}


# --- values as their column types store them (``store.types`` and SQLAlchemy's Date, Boolean) --


def amount(value: Decimal | None) -> str | None:
    """A ``DecimalText`` value: the exact text, never a float."""
    if value is None:
        return None
    if not isinstance(value, Decimal):
        raise TypeError(f"DecimalText takes Decimal, not {type(value).__name__}")
    if not value.is_finite():
        raise ValueError(f"DecimalText cannot store {value}")
    return f"{value:f}"


def day(value: date | None) -> str | None:
    """A ``Date`` value, as SQLAlchemy's SQLite dialect stores it (``YYYY-MM-DD``)."""
    return None if value is None else f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def moment(value: datetime | None) -> str | None:
    """An ``AwareDateTime`` value: ISO 8601 with its offset."""
    if value is None:
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{value!r} has no UTC offset; times are stored with their offset")
    return value.isoformat()


def flag(value: bool | None) -> int | None:
    """A ``Boolean`` value: 0 or 1."""
    return None if value is None else int(bool(value))


def given_chain(loan: Loan, path: str) -> tuple[list[NoteEvent], dict[str, NoteEvent]]:
    """A new loan's note chain as the record gives it, and each note's latest entry in it:
    InputError naming the field when the chain does not hold, names a note the loan lacks, or
    a note no longer matches its last entry."""
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
    return events, latest


def checked_chain(loan: Loan, path: str, at: datetime) -> list[NoteEvent]:
    """The new loan's note chain: the record's (checked, ``given_chain``), then a "created"
    entry for every note it does not cover yet (a hand-written exchange file has no chain)."""
    events, latest = given_chain(loan, path)
    uncovered: dict[str, CallNote] = {}  # the first note of each id (as ``latest`` kept it)
    for note in loan.notes:
        if note.id not in latest:
            uncovered.setdefault(note.id, note)
    append_created(events, loan.id, uncovered.values(), at)
    return events


class Rows:
    """The rows to insert, table by table, with the primary keys SQLite would hand out next."""

    def __init__(self, raw: sqlite3.Connection) -> None:
        self.next_pk = {
            table: int(raw.execute(f"SELECT max(pk) FROM {table}").fetchone()[0] or 0) + 1
            for table, columns in COLUMNS.items()
            if columns[0] == "pk"
        }
        self.rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in COLUMNS}

    def keyed(self, table: str, *values: Any) -> int:
        """Add a row of ``table`` (its values after ``pk``); returns the row's new ``pk``."""
        pk = self.next_pk[table]
        self.next_pk[table] = pk + 1
        self.rows[table].append((pk, *values))
        return pk

    def loan(self, loan: Loan, chain: NewChain) -> None:
        """Every row of the new ``loan`` with its checked chain (``checked_chains``)."""
        self.rows["loans"].append(_loan_values(loan))
        self._children(loan)
        self._notes(loan, chain)

    def _children(self, loan: Loan) -> None:
        """Fees, payments, claims and proposals (with their status history) of a new loan."""
        lid = loan.id
        for i, f in enumerate(loan.fees):
            self.keyed("fees", lid, i, f.name, amount(f.amount), f.per)
        for i, p in enumerate(loan.payments):
            self.keyed(
                "payments", lid, i, day(p.date), amount(p.amount), p.note, p.method, p.reference
            )
        for i, c in enumerate(loan.claims):
            self.keyed(
                "claims", lid, i, day(c.date), amount(c.amount), c.source, c.note, amount(c.ours)
            )
        for i, proposal in enumerate(loan.proposals):
            agreed = proposal.agreed
            pk = self.keyed(
                "proposals",
                lid,
                i,
                proposal.id,
                proposal.name,
                proposal.method,
                day(proposal.start),
                json.dumps(encode_params(proposal.method, proposal.params), sort_keys=True),
                proposal.status,
                amount(proposal.waive.penalty),
                amount(proposal.waive.late_fees),
                amount(proposal.waive.interest),
                None if agreed is None else json.dumps(encode_agreed(agreed), sort_keys=True),
            )
            for j, h in enumerate(proposal.history):
                self.keyed("proposal_status_changes", pk, j, moment(h.at), h.status, h.note)

    def _notes(self, loan: Loan, chain: NewChain) -> None:
        """The loan's note rows and its chain's: the record's own entries, then a "created" entry
        for every note they do not cover (``checked_chain``'s very entries), made here beside
        the note's row: 20,000 of them on a heavy import, each note's times written out once for
        both, no entry object made for them."""
        lid = loan.id
        given = chain.events
        latest = heads(given)
        first = anchors(given)
        made: dict[str, str] = {}  # the created entry's hash, by note id
        created: list[tuple[str, str, str, str]] = []  # (note id, body, prev hash, hash)
        prev = given[-1].hash if given else GENESIS
        position = len(given)
        at_text = cast(str, moment(chain.at))  # (a time: never None)
        head = f'{{"at": {encode_basestring(at_text)}, "kind": "created", '
        loan_text = f'"loan": {encode_basestring(lid)}, "note": '
        sha256 = hashlib.sha256
        previous = GENESIS
        for i, note in enumerate(loan.notes):
            ident = note.id
            entry = latest.get(ident)
            if entry is not None:
                digest, anchor = entry.hash, first[ident]
            elif ident in made:
                digest = anchor = made[ident]
            else:
                plain = not (note.revisions or note.attachments)
                occurred = moment(note.occurred_at) if plain else None
                logged = moment(note.logged_at) if plain else None
                if occurred is None or logged is None:
                    body = note_body(lid, note)
                else:
                    body = timed_body(lid, note, occurred, logged)
                line = f'{head}{loan_text}{encode_basestring(ident)}, "position": {position}}}'
                digest = sha256(f"{prev}\n{line}\n{body}".encode()).hexdigest()
                created.append((ident, body, prev, digest))
                made[ident] = anchor = prev = digest
                position += 1
                if plain:
                    self._plain_note(lid, i, note, previous, digest, occurred, logged)
                    previous = anchor
                    continue
            self._note(lid, i, note, previous, digest)
            previous = anchor
        # The chain's rows built here rather than through ``keyed``; the entries an import makes
        # share one time, written out once.
        pk = self.next_pk["note_events"]
        self.next_pk["note_events"] = pk + len(given) + len(created)
        at: datetime | None = None
        text: str | None = None
        out = self.rows["note_events"]
        for position, e in enumerate(given):
            if e.at is not at:
                at, text = e.at, moment(e.at)
            out.append(
                (pk + position, lid, position, e.note, e.kind, text, e.body, e.prev_hash, e.hash)
            )
        position = len(given)
        for ident, body, before, digest in created:
            out.append(
                (pk + position, lid, position, ident, "created", at_text, body, before, digest)
            )
            position += 1

    def _plain_note(
        self,
        loan_id: str,
        position: int,
        note: CallNote,
        prev: str,
        digest: str,
        occurred: str | None,
        logged: str | None,
    ) -> None:
        """The row of a note without revisions or files (most notes), its times' texts given."""
        pk = self.next_pk["call_notes"]
        self.next_pk["call_notes"] = pk + 1
        follow_up, deleted = note.follow_up, note.deleted_at
        self.rows["call_notes"].append(
            (
                pk,
                loan_id,
                position,
                note.id,
                logged,
                None if deleted is None else moment(deleted),
                note.deleted_reason,
                prev,
                digest,
                occurred,
                note.channel,
                note.counterpart,
                note.text,
                note.outcome,
                note.promises,
                None if follow_up is None else day(follow_up),
                note.kind,
                note.direction,
                note.from_number,
                note.third_party,
                ",".join(note.abuse) if note.abuse else "",
            )
        )

    def _note(self, loan_id: str, position: int, note: CallNote, prev: str, digest: str) -> None:
        if not (note.revisions or note.attachments):
            moments = moment(note.occurred_at), moment(note.logged_at)
            self._plain_note(loan_id, position, note, prev, digest, *moments)
            return
        pk = self.keyed(
            "call_notes",
            loan_id,
            position,
            note.id,
            moment(note.logged_at),
            moment(note.deleted_at),
            note.deleted_reason,
            prev,
            digest,
            *_texts(note),
        )
        for j, r in enumerate(note.revisions):
            self.keyed("note_revisions", pk, j, moment(r.revised_at), *_texts(r))
        for j, a in enumerate(note.attachments):
            self.keyed("note_evidence", pk, j, a.sha256, a.name, a.kind)

    def insert(self, raw: sqlite3.Connection) -> None:
        """``INSERT`` every row, table by table (a loan before its children), through the
        driver's executemany, in the connection's open transaction."""
        for table, columns in COLUMNS.items():
            rows = self.rows[table]
            if rows:
                listed = ", ".join(columns)
                marks = ", ".join("?" * len(columns))
                raw.executemany(f"INSERT INTO {table} ({listed}) VALUES ({marks})", rows)


def _texts(note: CallNote | NoteRevision) -> tuple[Any, ...]:
    """What a note and a revision both say, in the order of their columns."""
    return (
        moment(note.occurred_at),
        note.channel,
        note.counterpart,
        note.text,
        note.outcome,
        note.promises,
        day(note.follow_up),
        note.kind,
        note.direction,
        note.from_number,
        note.third_party,
        ",".join(note.abuse),
    )


def _loan_values(loan: Loan) -> tuple[Any, ...]:
    rules = loan.overdue
    penalty = rules.penalty_rate
    settlement = loan.settlement
    certificate = settlement.certificate if settlement else None
    return (
        loan.id,
        loan.lender,
        loan.name,
        loan.currency,
        loan.reference,
        amount(loan.principal),
        amount(loan.rate.value),
        loan.rate.per,
        loan.rate.day_count,
        loan.method,
        loan.term_count,
        loan.term_unit,
        day(loan.first_due),
        amount(penalty.value) if penalty else None,
        penalty.per if penalty else None,
        penalty.day_count if penalty else 360,
        rules.penalty_base,
        amount(rules.late_fee),
        rules.grace_days,
        rules.accelerates_after_days,
        ",".join(rules.allocation),
        amount(rules.penalty_times_contract),
        flag(rules.contract_interest_continues),
        day(loan.start),
        loan.interest,
        amount(loan.prepayment_fee),
        day(settlement.settled_on) if settlement else None,
        day(settlement.credit_report_checked_on) if settlement else None,
        flag(settlement.credit_report_clean) if settlement else None,
        certificate.sha256 if certificate else None,
        certificate.name if certificate else None,
    )


class NewChain(NamedTuple):
    """A new loan's note chain before its rows are built: the record's own entries (checked,
    ``given_chain``) and when the entries for the notes they do not cover are made (as
    ``checked_chain`` makes them, with the rows: ``Rows.loan``)."""

    events: list[NoteEvent]
    at: datetime


def checked_chains(loans: Sequence[tuple[Loan, str]], at: datetime) -> list[NewChain]:
    """Each new loan's chain, checked (InputError naming the field, before any row is made);
    the entries it still needs are made ``at`` with its rows (``insert_loans``)."""
    return [NewChain(given_chain(loan, path)[0], at) for loan, path in loans]


def insert_loans(
    raw: sqlite3.Connection, loans: Sequence[Loan], chains: Sequence[NewChain]
) -> list[str]:
    """Insert ``loans`` as new loans with their ``checked_chains``, in the connection's open
    transaction; the evidence rows their files need must be there. Returns the loans' ids (to
    be sealed)."""
    rows = Rows(raw)
    for loan, events in zip(loans, chains, strict=True):
        rows.loan(loan, events)
    rows.insert(raw)
    return [loan.id for loan in loans]
