"""Turn database rows into the plain records of ``ashore.domain.records``, and records back into
rows.

Writing a loan replaces its children (fees, payments, claims, proposals) with the record's. Notes
are append-only: a new loan takes the record's notes with their chain; on an existing loan a note
that differs from every state it ever had is written through ``write_note``, which appends an event
to the chain; notes missing from the record, or in an earlier state, are kept as stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from ashore.app.clock import Clock
from ashore.app.errors import DataError, InputError
from ashore.domain.kinds import (
    FEE_PERS,
    INTEREST_RULES,
    LOAN_METHODS,
    PENALTY_BASES,
    TERM_UNITS,
    as_kind,
)
from ashore.domain.money import Rate
from ashore.domain.records import (
    Attachment,
    CallNote,
    Claim,
    Fee,
    Lender,
    Loan,
    NoteEvent,
    NoteRevision,
    OverdueRules,
    Payment,
    Proposal,
    Settlement,
    StatusChange,
    Waive,
)
from ashore.store.chain import (
    GENESIS,
    StoredNote,
    anchors,
    append_event,
    chain_breaks,
    heads,
    loan_chain_problems,
    note_body,
)
from ashore.store.codec import decode_agreed, decode_params, encode_agreed, encode_params

if TYPE_CHECKING:
    from ashore.store.database import Database
from ashore.store.evidence import EvidenceStore
from ashore.store.models import (
    ClaimRow,
    EvidenceFileRow,
    FeeRow,
    LenderRow,
    LoanRow,
    NoteEventRow,
    NoteEvidenceRow,
    NoteRevisionRow,
    NoteRow,
    PaymentRow,
    ProposalRow,
    StatusChangeRow,
)


def now(session: Session) -> datetime:
    """Now by the clock of the database this session belongs to (how every time is stamped)."""
    clock = session.info.get("clock")
    if not isinstance(clock, Clock):
        raise LookupError("this session was not opened by a Database: it has no clock")
    return clock.now()


def lender_record(row: LenderRow) -> Lender:
    return Lender(
        id=row.id,
        name=row.name,
        phone=row.phone,
        notes=row.notes,
        hours=row.hours,
        website=row.website,
    )


def write_lender(session: Session, lender: Lender) -> LenderRow:
    row = session.get(LenderRow, lender.id)
    if row is None:
        row = LenderRow(id=lender.id)
        session.add(row)
    row.name = lender.name
    row.phone = lender.phone
    row.notes = lender.notes
    row.hours = lender.hours
    row.website = lender.website
    return row


def note_record(row: NoteRow) -> CallNote:
    return CallNote(
        id=row.id,
        occurred_at=row.occurred_at,
        logged_at=row.logged_at,
        channel=row.channel,
        counterpart=row.counterpart,
        text=row.text,
        outcome=row.outcome,
        promises=row.promises,
        follow_up=row.follow_up,
        attachments=[
            Attachment(
                sha256=link.sha256,
                name=link.name,
                kind=link.kind,
                size=link.file.size,
                imported_at=link.file.imported_at,
                duration_ms=link.file.duration_ms,
            )
            for link in row.attachments
        ],
        revisions=[
            NoteRevision(
                revised_at=r.revised_at,
                occurred_at=r.occurred_at,
                channel=r.channel,
                counterpart=r.counterpart,
                text=r.text,
                outcome=r.outcome,
                promises=r.promises,
                follow_up=r.follow_up,
                **_collection(r),
            )
            for r in row.revisions
        ],
        deleted_at=row.deleted_at,
        deleted_reason=row.deleted_reason,
        **_collection(row),
    )


def _collection(row: NoteRow | NoteRevisionRow) -> dict[str, Any]:
    return {
        "kind": row.kind,
        "direction": row.direction,
        "from_number": row.from_number,
        "third_party": row.third_party,
        "abuse": tuple(part for part in row.abuse.split(",") if part),
    }


def _fill_collection(row: NoteRow | NoteRevisionRow, note: CallNote | NoteRevision) -> None:
    row.kind = note.kind
    row.direction = note.direction
    row.from_number = note.from_number
    row.third_party = note.third_party
    row.abuse = ",".join(note.abuse)


def settlement_record(row: LoanRow) -> Settlement | None:
    if row.settled_on is None:
        return None
    certificate = None
    if row.certificate_sha256 is not None and row.certificate_file is not None:
        file = row.certificate_file
        certificate = Attachment(
            sha256=file.sha256,
            name=row.certificate_name or file.original_name,
            kind=file.kind,
            size=file.size,
            imported_at=file.imported_at,
            duration_ms=file.duration_ms,
        )
    return Settlement(
        settled_on=row.settled_on,
        certificate=certificate,
        credit_report_checked_on=row.credit_report_checked_on,
        credit_report_clean=row.credit_report_clean,
    )


def _write_settlement(
    session: Session, store: EvidenceStore, row: LoanRow, loan: Loan, path: str
) -> None:
    settlement = loan.settlement
    row.settled_on = settlement.settled_on if settlement else None
    row.credit_report_checked_on = settlement.credit_report_checked_on if settlement else None
    row.credit_report_clean = settlement.credit_report_clean if settlement else None
    certificate = settlement.certificate if settlement else None
    if certificate is None:
        row.certificate_sha256 = row.certificate_name = None
        row.certificate_file = None
        return
    where = f"{path}.settlement.certificate"
    row.certificate_file = _evidence_row(session, store, certificate, where)
    row.certificate_sha256 = certificate.sha256
    row.certificate_name = certificate.name


def loan_record(row: LoanRow) -> Loan:
    penalty = None
    if row.penalty_rate_value is not None and row.penalty_rate_per is not None:
        penalty = Rate(
            row.penalty_rate_value,
            row.penalty_rate_per,  # type: ignore[arg-type]
            row.penalty_rate_day_count,
        )
    return Loan(
        id=row.id,
        lender=row.lender_id,
        name=row.name,
        principal=row.principal,
        rate=Rate(row.rate_value, row.rate_per, row.rate_day_count),  # type: ignore[arg-type]
        method=as_kind(row.method, LOAN_METHODS),
        term_count=row.term_count,
        term_unit=as_kind(row.term_unit, TERM_UNITS),
        first_due=row.first_due,
        currency=row.currency,
        reference=row.reference,
        fees=[Fee(name=f.name, amount=f.amount, per=as_kind(f.per, FEE_PERS)) for f in row.fees],
        overdue=OverdueRules(
            penalty_rate=penalty,
            penalty_base=as_kind(row.penalty_base, PENALTY_BASES),
            late_fee=row.late_fee,
            grace_days=row.grace_days,
            accelerates_after_days=row.accelerates_after_days,
            allocation=tuple(part for part in row.allocation.split(",") if part),
            penalty_times_contract=row.penalty_times_contract,
            contract_interest_continues=bool(row.contract_interest_continues),
        ),
        start=row.start,
        interest=as_kind(row.interest or "monthly", INTEREST_RULES),
        prepayment_fee=row.prepayment_fee if row.prepayment_fee is not None else Decimal("0"),
        payments=[
            Payment(
                date=p.date, amount=p.amount, note=p.note, method=p.method, reference=p.reference
            )
            for p in row.payments
        ],
        claims=[
            Claim(date=c.date, amount=c.amount, source=c.source, note=c.note) for c in row.claims
        ],
        proposals=[
            Proposal(
                id=p.id,
                name=p.name,
                method=p.method,
                start=p.start,
                params=decode_params(p.method, json.loads(p.params), f"proposal {p.id}.params"),
                status=p.status,
                waive=Waive(
                    penalty=p.waive_penalty,
                    late_fees=p.waive_late_fees,
                    interest=p.waive_interest,
                ),
                history=[StatusChange(at=h.at, status=h.status, note=h.note) for h in p.history],
                agreed=None
                if p.agreed is None
                else decode_agreed(json.loads(p.agreed), f"proposal {p.id}.agreed"),
            )
            for p in row.proposals
        ],
        notes=[note_record(n) for n in row.notes],
        settlement=settlement_record(row),
        note_chain=[event_record(e) for e in row.note_events],
    )


def event_record(row: NoteEventRow) -> NoteEvent:
    return NoteEvent(
        note=row.note_id,
        kind=row.kind,
        at=row.at,
        body=row.body,
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


def _evidence_row(
    session: Session, store: EvidenceStore, attachment: Attachment, path: str
) -> EvidenceFileRow:
    """The evidence row of an attachment, created from the stored file when first linked."""
    row = session.get(EvidenceFileRow, attachment.sha256)
    if row is not None:
        return row
    if not store.has(attachment.sha256):
        raise InputError(f"{path}.sha256: no file with this hash is in the evidence store")
    row = EvidenceFileRow(
        sha256=attachment.sha256,
        original_name=attachment.name,
        size=store.path_for(attachment.sha256).stat().st_size,
        kind=attachment.kind,
        imported_at=attachment.imported_at or now(session),
        duration_ms=attachment.duration_ms,
    )
    session.add(row)
    return row


def write_loan(session: Session, store: EvidenceStore, loan: Loan, path: str = "loan") -> LoanRow:
    """Insert or update ``loan`` and replace all its children with the record's."""
    row = session.get(LoanRow, loan.id)
    fresh = row is None
    if row is None:
        row = LoanRow(id=loan.id)
        session.add(row)
    else:
        # Drop the old children first, so unique (loan, id) pairs can be reused by the new ones.
        row.fees.clear()
        row.payments.clear()
        row.claims.clear()
        row.proposals.clear()
        session.flush()
    row.lender_id = loan.lender
    row.name = loan.name
    row.currency = loan.currency
    row.reference = loan.reference
    row.principal = loan.principal
    row.rate_value = loan.rate.value
    row.rate_per = loan.rate.per
    row.rate_day_count = loan.rate.day_count
    row.method = loan.method
    row.term_count = loan.term_count
    row.term_unit = loan.term_unit
    row.first_due = loan.first_due
    rules = loan.overdue
    row.penalty_rate_value = rules.penalty_rate.value if rules.penalty_rate else None
    row.penalty_rate_per = rules.penalty_rate.per if rules.penalty_rate else None
    row.penalty_rate_day_count = rules.penalty_rate.day_count if rules.penalty_rate else 360
    row.penalty_base = rules.penalty_base
    row.late_fee = rules.late_fee
    row.grace_days = rules.grace_days
    row.accelerates_after_days = rules.accelerates_after_days
    row.allocation = ",".join(rules.allocation)
    row.penalty_times_contract = rules.penalty_times_contract
    row.contract_interest_continues = rules.contract_interest_continues
    row.start = loan.start
    row.interest = loan.interest
    row.prepayment_fee = loan.prepayment_fee
    row.fees = [
        FeeRow(position=i, name=f.name, amount=f.amount, per=f.per) for i, f in enumerate(loan.fees)
    ]
    row.payments = [
        PaymentRow(
            position=i,
            date=p.date,
            amount=p.amount,
            note=p.note,
            method=p.method,
            reference=p.reference,
        )
        for i, p in enumerate(loan.payments)
    ]
    row.claims = [
        ClaimRow(position=i, date=c.date, amount=c.amount, source=c.source, note=c.note)
        for i, c in enumerate(loan.claims)
    ]
    row.proposals = [
        ProposalRow(
            position=i,
            id=p.id,
            name=p.name,
            method=p.method,
            start=p.start,
            params=json.dumps(encode_params(p.method, p.params), sort_keys=True),
            status=p.status,
            waive_penalty=p.waive.penalty,
            waive_late_fees=p.waive.late_fees,
            waive_interest=p.waive.interest,
            agreed=None
            if p.agreed is None
            else json.dumps(encode_agreed(p.agreed), sort_keys=True),
            history=[
                StatusChangeRow(position=j, at=h.at, status=h.status, note=h.note)
                for j, h in enumerate(p.history)
            ],
        )
        for i, p in enumerate(loan.proposals)
    ]
    _write_settlement(session, store, row, loan, path)
    if fresh:
        _write_new_notes(session, store, row, loan, path)
    else:
        stored = {n.id: n for n in row.notes}
        past = {(e.note_id, e.body) for e in row.note_events}
        for i, note in enumerate(loan.notes):
            where = f"{path}.notes[{i}]"
            if note.id not in stored:
                write_note(session, store, row, note, "created", now(session), where)
                continue
            body = note_body(loan.id, note)
            if (note.id, body) in past:
                # As stored now, or an earlier state from a stale copy (the loan form keeps the
                # notes it loaded): never wind a note back.
                continue
            kind = change_kind(note_record(stored[note.id]), note)
            write_note(session, store, row, note, kind, now(session), where)
    return row


def change_kind(old: CallNote, new: CallNote) -> str:
    """The event that turns ``old`` into ``new``: deleted, attached or revised."""
    if new.deleted_at is not None and old.deleted_at is None:
        return "deleted"
    same_content = (
        old.occurred_at,
        old.channel,
        old.counterpart,
        old.text,
        old.outcome,
        old.promises,
        old.follow_up,
        old.revisions,
        old.kind,
        old.direction,
        old.from_number,
        old.third_party,
        old.abuse,
    ) == (
        new.occurred_at,
        new.channel,
        new.counterpart,
        new.text,
        new.outcome,
        new.promises,
        new.follow_up,
        new.revisions,
        new.kind,
        new.direction,
        new.from_number,
        new.third_party,
        new.abuse,
    )
    return "attached" if same_content and old.attachments != new.attachments else "revised"


def _fill_note(
    session: Session, store: EvidenceStore, note_row: NoteRow, note: CallNote, path: str
) -> None:
    """Make ``note_row`` hold ``note`` (its revisions and attachment links included)."""
    note_row.occurred_at = note.occurred_at
    note_row.logged_at = note.logged_at
    note_row.channel = note.channel
    note_row.counterpart = note.counterpart
    note_row.text = note.text
    note_row.outcome = note.outcome
    note_row.promises = note.promises
    note_row.follow_up = note.follow_up
    note_row.deleted_at = note.deleted_at
    note_row.deleted_reason = note.deleted_reason
    _fill_collection(note_row, note)
    revisions = []
    for j, r in enumerate(note.revisions):
        revision_row = NoteRevisionRow(
            position=j,
            revised_at=r.revised_at,
            occurred_at=r.occurred_at,
            channel=r.channel,
            counterpart=r.counterpart,
            text=r.text,
            outcome=r.outcome,
            promises=r.promises,
            follow_up=r.follow_up,
        )
        _fill_collection(revision_row, r)
        revisions.append(revision_row)
    note_row.revisions = revisions
    links: list[NoteEvidenceRow] = []
    for j, attachment in enumerate(note.attachments):
        file_row = _evidence_row(session, store, attachment, f"{path}.attachments[{j}]")
        links.append(
            NoteEvidenceRow(
                position=j,
                sha256=attachment.sha256,
                name=attachment.name,
                kind=attachment.kind,
                file=file_row,
            )
        )
    note_row.attachments = links


def _add_event(row: LoanRow, event: NoteEvent) -> None:
    row.note_events.append(
        NoteEventRow(
            position=len(row.note_events),
            note_id=event.note,
            kind=event.kind,
            at=event.at,
            body=event.body,
            prev_hash=event.prev_hash,
            hash=event.hash,
        )
    )


def write_note(
    session: Session,
    store: EvidenceStore,
    row: LoanRow,
    note: CallNote,
    kind: str,
    at: datetime,
    path: str = "note",
) -> NoteEvent:
    """Store ``note`` on the loan ``row`` as it is now and append the event ``kind`` for it.

    A note not yet on the loan is added after the others; an existing one is updated in place.
    Earlier events are never touched.
    """
    events = [event_record(e) for e in row.note_events]
    first_event = {e.note for e in events}
    note_row = next((n for n in row.notes if n.id == note.id), None)
    if note_row is None:
        previous = anchors(events).get(row.notes[-1].id, GENESIS) if row.notes else GENESIS
        note_row = NoteRow(id=note.id, position=len(row.notes), prev_hash=previous, hash=GENESIS)
        row.notes.append(note_row)
    elif note.id not in first_event:  # pragma: no cover - every stored note has its events
        raise InputError(f"{path}: note {note.id!r} has no entry in the chain")
    _fill_note(session, store, note_row, note, path)
    event = append_event(events, row.id, note, kind, at)
    _add_event(row, event)
    note_row.hash = event.hash
    return event


def _write_new_notes(
    session: Session, store: EvidenceStore, row: LoanRow, loan: Loan, path: str
) -> None:
    """A new loan's notes: the record's chain as given (checked first), then events for notes
    the chain does not cover yet (a hand-written exchange file has no chain)."""
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
    first = anchors(events)
    note_rows: list[NoteRow] = []
    previous = GENESIS
    for i, note in enumerate(loan.notes):
        note_row = NoteRow(id=note.id, position=i, prev_hash=previous, hash=GENESIS)
        _fill_note(session, store, note_row, note, f"{path}.notes[{i}]")
        if note.id not in latest:
            event = append_event(events, loan.id, note, "created", now(session))
            first[note.id] = event.hash
            latest[note.id] = event
        note_row.hash = latest[note.id].hash
        previous = first[note.id]
        note_rows.append(note_row)
    row.notes = note_rows
    row.note_events = []
    for event in events:
        _add_event(row, event)


def chain_problems(row: LoanRow) -> list[str]:
    """One line per note whose chain does not hold (``chain.loan_chain_problems``)."""
    notes = [StoredNote(n.id, n.prev_hash, n.hash, note_record(n)) for n in row.notes]
    return loan_chain_problems(row.id, [event_record(e) for e in row.note_events], notes)


# Load a loan's children in one query per kind for all loans at once, not one per loan.
LOAN_CHILDREN = (
    selectinload(LoanRow.fees),
    selectinload(LoanRow.payments),
    selectinload(LoanRow.claims),
    selectinload(LoanRow.proposals).selectinload(ProposalRow.history),
    selectinload(LoanRow.notes).selectinload(NoteRow.revisions),
    selectinload(LoanRow.notes).selectinload(NoteRow.attachments),
    selectinload(LoanRow.note_events),
)


def all_loan_rows(session: Session) -> list[LoanRow]:
    """Every loan with its children, ordered by lender name, then loan name, then id."""
    stmt = (
        select(LoanRow)
        .join(LenderRow, LoanRow.lender_id == LenderRow.id)
        .order_by(LenderRow.name, LoanRow.name, LoanRow.id)
        .options(*LOAN_CHILDREN)
    )
    return list(session.scalars(stmt))


def loan_rows_by_id(session: Session, ids: list[str] | None = None) -> list[LoanRow]:
    """Every loan (or those of ``ids``) with its children, ordered by id (the export's order)."""
    stmt = select(LoanRow).order_by(LoanRow.id).options(*LOAN_CHILDREN)
    if ids is not None:
        stmt = stmt.where(LoanRow.id.in_(ids))
    return list(session.scalars(stmt))


def discard_unreferenced(db: Database, added: Iterable[str]) -> None:
    """Undo a failed change's new evidence files, but only those no committed row refers to:
    another import or window may have committed a note on the same file meanwhile. When the
    database cannot say, every file stays (``ashore verify`` names an orphan; a file deleted is
    lost for good)."""
    shas = list(added)
    if not shas:
        return
    try:
        with db.reading() as session:
            used = set(
                session.scalars(
                    select(EvidenceFileRow.sha256).where(EvidenceFileRow.sha256.in_(shas))
                )
            )
    except (DataError, SQLAlchemyError):
        return
    for sha in shas:
        if sha not in used:
            db.evidence.discard(sha)
