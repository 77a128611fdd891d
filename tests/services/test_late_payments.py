"""An agreed installment paid after its due date leaves a trace: which one, when, how late."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from ashore.domain.records import Payment
from ashore.services import plans
from ashore.services.views import payments as payments_view

from .workspace_book import JB, reamortize

START = date(2026, 11, 20)
FIRST = date(2026, 12, 20)  # the agreement's first installment (reamortize: a month on)


def _agreed(ledger, proposals):
    proposals.save_proposal(JB, reamortize("p9", start=START))
    proposals.change_status(JB, "p9", "proposed")
    proposals.change_status(JB, "p9", "accepted")
    return ledger.loan(JB)


def test_an_installment_paid_ten_days_late_is_a_late_payment(ledger, proposals, payments) -> None:
    loan = _agreed(ledger, proposals)
    rows = plans.agreement(loan)[1].installments
    assert rows[0].due == FIRST
    late_day = FIRST + timedelta(days=10)
    payments.add_payment(JB, Payment(late_day, rows[0].payment))
    loan = ledger.loan(JB)
    # the calendar reads it as paid: nothing else would tell it was late
    [first] = [e for e in payments_view.in_force_entries(loan, late_day) if e.number == 1]
    assert first.status == "paid"
    late = payments_view.late_payments(loan, late_day)
    assert late == [payments_view.LatePayment(1, FIRST, late_day, 10)]
    # still one the next month, when the second is paid on time (split in two payments)
    second_day = rows[1].due
    half = rows[1].payment / 2
    payments.add_payment(JB, Payment(second_day - timedelta(days=3), half))
    payments.add_payment(JB, Payment(second_day, rows[1].payment - half))
    assert payments_view.late_payments(ledger.loan(JB), second_day) == late


def test_paid_on_time_or_not_paid_yet_is_no_late_payment(ledger, proposals, payments) -> None:
    loan = _agreed(ledger, proposals)
    rows = plans.agreement(loan)[1].installments
    # unpaid and overdue: a missed installment (the warnings say so), not a late payment
    assert payments_view.late_payments(loan, FIRST + timedelta(days=5)) == []
    payments.add_payment(JB, Payment(FIRST, rows[0].payment))
    assert payments_view.late_payments(ledger.loan(JB), FIRST + timedelta(days=5)) == []


def test_a_partial_payment_on_time_completed_late_counts_from_the_last_one(
    ledger, proposals, payments
) -> None:
    loan = _agreed(ledger, proposals)
    rows = plans.agreement(loan)[1].installments
    payments.add_payment(JB, Payment(FIRST, Decimal("100.00")))
    payments.add_payment(JB, Payment(FIRST + timedelta(days=3), rows[0].payment - 100))
    later = FIRST + timedelta(days=4)
    assert payments_view.late_payments(ledger.loan(JB), later) == [
        payments_view.LatePayment(1, FIRST, FIRST + timedelta(days=3), 3)
    ]
