"""services.payments: payments and claims added and deleted alone in their transaction, leaving call
notes untouched; and the monthly budget kept by the ledger."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ashore.app.errors import InputError
from ashore.domain.records import Claim, Payment

from .workspace_book import JB, TODAY, note_hashes


def test_payments_and_claims_are_added_and_deleted_alone(ledger, payments) -> None:
    hashes = note_hashes(ledger)
    before = ledger.loan(JB)
    index = payments.add_payment(
        JB, Payment(date(2026, 11, 25), Decimal("500.00"), method="Alipay", reference="T-1")
    )
    loan = ledger.loan(JB)
    assert index == len(before.payments)
    assert loan.payments[index] == Payment(
        date(2026, 11, 25), Decimal("500.00"), "", "Alipay", "T-1"
    )
    assert loan.proposals == before.proposals
    assert loan.claims == before.claims
    with pytest.raises(InputError, match=r"^payment\.amount: must be more than zero"):
        payments.add_payment(JB, Payment(TODAY, Decimal("0")))
    with pytest.raises(InputError, match=r"^payment\.amount: 1\.005 has more decimals"):
        payments.add_payment(JB, Payment(TODAY, Decimal("1.005")))
    assert payments.delete_payment(JB, index).amount == Decimal("500.00")
    assert ledger.loan(JB).payments == before.payments
    claim = payments.add_claim(JB, Claim(TODAY, Decimal("9999.00"), "app"))
    kept = ledger.loan(JB).claims[claim]
    assert (kept.date, kept.amount, kept.source) == (TODAY, Decimal("9999.00"), "app")
    payments.delete_claim(JB, 0)
    assert [c.amount for c in ledger.loan(JB).claims] == [Decimal("9999.00")]
    with pytest.raises(InputError, match="there is no claim number 5"):
        payments.delete_claim(JB, 4)
    assert note_hashes(ledger) == hashes


def test_monthly_budget(ledger) -> None:
    ledger.set_monthly_budget(Decimal("3000.00"))
    assert ledger.monthly_budget() == Decimal("3000.00")
    ledger.set_monthly_budget(None)
    assert ledger.monthly_budget() is None


# ----- reads -----------------------------------------------------------------------------------
