"""Loan rows and records, with their fees, payments, claims, proposals and settlement.

Writing a loan replaces its children (fees, payments, claims, proposals) with the record's. Notes
are append-only: a new loan takes the record's notes with their chain; on an existing loan a note
that differs from every state it ever had is written through ``write_note``, which appends an event
to the chain; notes missing from the record, or in an earlier state, are kept as stored.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ashore.app.errors import InputError
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
    Claim,
    Fee,
    Loan,
    OverdueRules,
    Payment,
    Settlement,
)
from ashore.store.chain import (
    note_body,
)
from ashore.store.evidence import EvidenceStore
from ashore.store.mapping import now
from ashore.store.mapping.files import evidence_row
from ashore.store.mapping.notes import (
    change_kind,
    event_record,
    note_record,
    write_new_notes,
    write_note,
)
from ashore.store.mapping.proposals import proposal_record, proposal_row
from ashore.store.models import (
    ClaimRow,
    FeeRow,
    LenderRow,
    LoanRow,
    NoteRow,
    PaymentRow,
    ProposalRow,
)


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
    row.certificate_file = evidence_row(session, store, certificate, where)
    row.certificate_sha256 = certificate.sha256
    row.certificate_name = certificate.name


def loan_record(row: LoanRow, notes: bool = True) -> Loan:
    """The loan's record; without ``notes`` its notes and their chain are left empty (and not
    loaded), as ``store.plain_read.loans_without_notes`` reads it for the screens over all loans."""
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
        payments=[payment_record(p) for p in row.payments],
        claims=[claim_record(c) for c in row.claims],
        proposals=[proposal_record(p) for p in row.proposals],
        notes=[note_record(n) for n in row.notes] if notes else [],
        settlement=settlement_record(row),
        note_chain=[event_record(e) for e in row.note_events] if notes else [],
    )


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
    row.payments = [payment_row(i, p) for i, p in enumerate(loan.payments)]
    row.claims = [claim_row(i, c) for i, c in enumerate(loan.claims)]
    row.proposals = [proposal_row(i, p) for i, p in enumerate(loan.proposals)]
    _write_settlement(session, store, row, loan, path)
    if fresh:
        write_new_notes(session, store, row, loan, path)
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


def loan_row(session: Session, loan_id: str) -> LoanRow:
    """The loan's row; InputError naming ``loan`` when there is none."""
    row = session.get(LoanRow, loan_id)
    if row is None:
        raise InputError(f"loan: {loan_id!r} is not a known loan id")
    return row


def append_payment(row: LoanRow, payment: Payment) -> int:
    """Add ``payment`` after the loan's others; returns its index in the loan's list."""
    position = max((p.position for p in row.payments), default=-1) + 1
    row.payments.append(payment_row(position, payment))
    return len(row.payments) - 1


def append_claim(row: LoanRow, claim: Claim) -> int:
    """Add ``claim`` after the loan's others; returns its index in the loan's list."""
    position = max((c.position for c in row.claims), default=-1) + 1
    row.claims.append(claim_row(position, claim))
    return len(row.claims) - 1


def payment_record(row: PaymentRow) -> Payment:
    return Payment(
        date=row.date, amount=row.amount, note=row.note, method=row.method, reference=row.reference
    )


def payment_row(position: int, payment: Payment) -> PaymentRow:
    return PaymentRow(
        position=position,
        date=payment.date,
        amount=payment.amount,
        note=payment.note,
        method=payment.method,
        reference=payment.reference,
    )


def claim_record(row: ClaimRow) -> Claim:
    return Claim(date=row.date, amount=row.amount, source=row.source, note=row.note, ours=row.ours)


def claim_row(position: int, claim: Claim) -> ClaimRow:
    return ClaimRow(
        position=position,
        date=claim.date,
        amount=claim.amount,
        source=claim.source,
        note=claim.note,
        ours=claim.ours,
    )


# Load a loan's children in one query per kind for all loans at once, not one per loan.
LOAN_FIGURE_CHILDREN = (
    selectinload(LoanRow.fees),
    selectinload(LoanRow.payments),
    selectinload(LoanRow.claims),
    selectinload(LoanRow.proposals).selectinload(ProposalRow.history),
)
LOAN_CHILDREN = (
    *LOAN_FIGURE_CHILDREN,
    selectinload(LoanRow.notes).selectinload(NoteRow.revisions),
    selectinload(LoanRow.notes).selectinload(NoteRow.attachments),
    selectinload(LoanRow.note_events),
)


def all_loan_rows(session: Session, notes: bool = True) -> list[LoanRow]:
    """Every loan with its children, ordered by lender name, then loan name, then id; without
    ``notes``, its notes and their chain are not loaded (``loan_record(row, notes=False)``)."""
    stmt = (
        select(LoanRow)
        .join(LenderRow, LoanRow.lender_id == LenderRow.id)
        .order_by(LenderRow.name, LoanRow.name, LoanRow.id)
        .options(*(LOAN_CHILDREN if notes else LOAN_FIGURE_CHILDREN))
    )
    return list(session.scalars(stmt))


def loan_rows_by_id(
    session: Session, ids: Collection[str] | None = None, notes: bool = True
) -> list[LoanRow]:
    """Every loan (or those of ``ids``) with its children, ordered by id (the export's order)."""
    stmt = (
        select(LoanRow)
        .order_by(LoanRow.id)
        .options(*(LOAN_CHILDREN if notes else LOAN_FIGURE_CHILDREN))
    )
    if ids is not None:
        stmt = stmt.where(LoanRow.id.in_(ids))
    return list(session.scalars(stmt))


def follow_up_days(session: Session, since: date) -> dict[str, list[date]]:
    """The follow-ups of live notes on or after ``since``, by loan id, in each loan's note order
    (one query, reading only those notes' loan and day)."""
    stmt = (
        select(NoteRow.loan_id, NoteRow.follow_up)
        .where(
            NoteRow.deleted_at.is_(None),
            NoteRow.follow_up.is_not(None),
            NoteRow.follow_up >= since,
        )
        .order_by(NoteRow.loan_id, NoteRow.position)
    )
    out: dict[str, list[date]] = {}
    for loan_id, day in session.execute(stmt):
        if day is not None:  # never (the query asks for a day): for the type checker
            out.setdefault(loan_id, []).append(day)
    return out
