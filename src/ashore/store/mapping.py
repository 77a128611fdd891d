"""Turn database rows into the plain records of ``ashore.records`` and write records back as rows.

Writing a loan replaces its children (fees, payments, claims, proposals, notes) with the record's,
and recomputes the note hash chain over the notes in their order.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ashore.errors import InputError
from ashore.money import Rate
from ashore.records import (
    Attachment,
    CallNote,
    Claim,
    Fee,
    Lender,
    Loan,
    NoteRevision,
    OverdueRules,
    Payment,
    Proposal,
    StatusChange,
    Waive,
)
from ashore.store.chain import GENESIS, chain, note_hash
from ashore.store.codec import decode_params, encode_params
from ashore.store.evidence import EvidenceStore
from ashore.store.models import (
    ClaimRow,
    EvidenceFileRow,
    FeeRow,
    LenderRow,
    LoanRow,
    NoteEvidenceRow,
    NoteRevisionRow,
    NoteRow,
    PaymentRow,
    ProposalRow,
    StatusChangeRow,
)


def now() -> datetime:
    """The current local time with its UTC offset (how every time is stored)."""
    return datetime.now().astimezone()


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
            )
            for r in row.revisions
        ],
        deleted_at=row.deleted_at,
        deleted_reason=row.deleted_reason,
    )


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
        method=row.method,
        term_count=row.term_count,
        term_unit=row.term_unit,
        first_due=row.first_due,
        currency=row.currency,
        reference=row.reference,
        fees=[Fee(name=f.name, amount=f.amount, per=f.per) for f in row.fees],
        overdue=OverdueRules(
            penalty_rate=penalty,
            penalty_base=row.penalty_base,
            late_fee=row.late_fee,
            grace_days=row.grace_days,
            accelerates_after_days=row.accelerates_after_days,
            allocation=tuple(part for part in row.allocation.split(",") if part),
        ),
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
            )
            for p in row.proposals
        ],
        notes=[note_record(n) for n in row.notes],
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
        imported_at=attachment.imported_at or now(),
        duration_ms=attachment.duration_ms,
    )
    session.add(row)
    return row


def write_loan(session: Session, store: EvidenceStore, loan: Loan, path: str = "loan") -> LoanRow:
    """Insert or update ``loan`` and replace all its children with the record's."""
    row = session.get(LoanRow, loan.id)
    if row is None:
        row = LoanRow(id=loan.id)
        session.add(row)
    else:
        # Drop the old children first, so unique (loan, id) pairs can be reused by the new ones.
        row.fees.clear()
        row.payments.clear()
        row.claims.clear()
        row.proposals.clear()
        row.notes.clear()
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
            history=[
                StatusChangeRow(position=j, at=h.at, status=h.status, note=h.note)
                for j, h in enumerate(p.history)
            ],
        )
        for i, p in enumerate(loan.proposals)
    ]
    hashes = chain(loan.id, loan.notes)
    notes: list[NoteRow] = []
    for i, (note, (prev_hash, digest)) in enumerate(zip(loan.notes, hashes, strict=True)):
        note_row = NoteRow(
            position=i,
            id=note.id,
            occurred_at=note.occurred_at,
            logged_at=note.logged_at,
            channel=note.channel,
            counterpart=note.counterpart,
            text=note.text,
            outcome=note.outcome,
            promises=note.promises,
            follow_up=note.follow_up,
            deleted_at=note.deleted_at,
            deleted_reason=note.deleted_reason,
            prev_hash=prev_hash,
            hash=digest,
            revisions=[
                NoteRevisionRow(
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
                for j, r in enumerate(note.revisions)
            ],
        )
        for j, attachment in enumerate(note.attachments):
            where = f"{path}.notes[{i}].attachments[{j}]"
            file_row = _evidence_row(session, store, attachment, where)
            note_row.attachments.append(
                NoteEvidenceRow(
                    position=j,
                    sha256=attachment.sha256,
                    name=attachment.name,
                    kind=attachment.kind,
                    file=file_row,
                )
            )
        notes.append(note_row)
    row.notes = notes
    return row


def chain_problems(row: LoanRow) -> list[str]:
    """One line per note whose stored hashes do not match its content or its predecessor.

    Each link is checked against the stored hash before it, so one changed note is named alone.
    """
    problems: list[str] = []
    expected_prev = GENESIS
    for note_row in row.notes:
        where = f"loan {row.id}: note {note_row.id}"
        if note_row.prev_hash != expected_prev:
            problems.append(f"{where}: the chain is broken before it (a note was removed or moved)")
        elif note_row.hash != note_hash(note_row.prev_hash, row.id, note_record(note_row)):
            problems.append(f"{where}: its content was changed outside Ashore (hash mismatch)")
        expected_prev = note_row.hash
    return problems


# Load a loan's children in one query per kind for all loans at once, not one per loan.
LOAN_CHILDREN = (
    selectinload(LoanRow.fees),
    selectinload(LoanRow.payments),
    selectinload(LoanRow.claims),
    selectinload(LoanRow.proposals).selectinload(ProposalRow.history),
    selectinload(LoanRow.notes).selectinload(NoteRow.revisions),
    selectinload(LoanRow.notes).selectinload(NoteRow.attachments),
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


def loan_rows_by_id(session: Session) -> list[LoanRow]:
    """Every loan with its children, ordered by id (the export's order)."""
    return list(session.scalars(select(LoanRow).order_by(LoanRow.id).options(*LOAN_CHILDREN)))
