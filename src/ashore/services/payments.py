"""Payments made and what the lender claims is owed: add or delete one, each in one transaction
that touches only its own rows (call notes are append-only evidence and stay as they are)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from ashore.app.errors import InputError
from ashore.domain.records import (
    Claim,
    Payment,
)
from ashore.domain.validation import check_amount
from ashore.services import plans
from ashore.services.ledger import Ledger
from ashore.store.database import Database
from ashore.store.mapping.loans import (
    append_claim,
    append_payment,
    claim_record,
    loan_record,
    loan_row,
    payment_record,
)


class Payments:
    """A loan's payments and lender claims over the Ledger's database, one transaction each."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    @property
    def db(self) -> Database:
        return self.ledger.db

    def add_payment(self, loan_id: str, payment: Payment) -> int:
        """Record a payment made (date, amount, method, reference); returns its index."""
        with self.db.transaction() as session:
            row = loan_row(session, loan_id)
            _check_day(payment.date, "payment.date")
            check_amount(payment.amount, "payment.amount", row.currency, positive=True)
            for name in ("note", "method", "reference"):
                if not isinstance(getattr(payment, name), str):
                    raise InputError(f"payment.{name}: must be text")
            kept = replace(
                payment,
                note=payment.note.strip(),
                method=payment.method.strip(),
                reference=payment.reference.strip(),
            )
            return append_payment(row, kept)

    def delete_payment(self, loan_id: str, index: int) -> Payment:
        """Delete the payment at ``index`` in the loan's list; returns it."""
        with self.db.transaction() as session:
            row = loan_row(session, loan_id)
            if not 0 <= index < len(row.payments):
                raise InputError(f"payment: there is no payment number {index + 1}")
            prow = row.payments[index]
            record = payment_record(prow)
            row.payments.remove(prow)
            return record

    def add_claim(self, loan_id: str, claim: Claim) -> int:
        """Record what the lender says is owed on a date; returns its index."""
        with self.db.transaction() as session:
            row = loan_row(session, loan_id)
            _check_day(claim.date, "claim.date")
            check_amount(claim.amount, "claim.amount", row.currency)
            for name in ("source", "note"):
                if not isinstance(getattr(claim, name), str):
                    raise InputError(f"claim.{name}: must be text")
            # The comparison is a record of this moment: our one "owed today" as of its day (the
            # agreement's, under one in force), kept with it.
            ours = plans.claim_check(loan_record(row, notes=False), replace(claim, ours=None)).ours
            kept = replace(claim, source=claim.source.strip(), note=claim.note.strip(), ours=ours)
            return append_claim(row, kept)

    def delete_claim(self, loan_id: str, index: int) -> Claim:
        """Delete the claim at ``index`` in the loan's list; returns it."""
        with self.db.transaction() as session:
            row = loan_row(session, loan_id)
            if not 0 <= index < len(row.claims):
                raise InputError(f"claim: there is no claim number {index + 1}")
            crow = row.claims[index]
            record = claim_record(crow)
            row.claims.remove(crow)
            return record


def _check_day(value: object, path: str) -> None:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InputError.at(path, "date.invalid", f"{value!r} is not a date", value=repr(value))
