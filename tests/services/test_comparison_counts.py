"""Issue 13 (the fifth walk): the comparison's columns count the same payments, so a payment made
under the agreement changes no option's saving against doing nothing; and the Guide ticks
"Preparing" only once its checklist is done, not because a proposal was written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ashore.app.paths import DataDir
from ashore.domain.guide import GuideDocument, LoanGuide
from ashore.domain.records import Payment
from ashore.services import Ledger
from ashore.services.guide import stage as guide_stage
from ashore.services.payments import Payments
from ashore.services.views import comparison as comparison_view
from reports.walk_book import JB, TODAY, build

D = Decimal


@pytest.fixture
def unpaid(data_dir: DataDir, tmp_path: Path) -> Ledger:
    """The walker's book with "24 months, penalty waived" accepted on 2026-11-28, nothing paid."""
    opened = Ledger.open(data_dir)
    build(opened, tmp_path, pay=False)
    return opened


def columns(ledger: Ledger, today: date) -> dict[str, tuple[Decimal, Decimal]]:
    """(total paid, saving against doing nothing) of each column, by its label."""
    result, _order = comparison_view.comparison(ledger.loan(JB), today, None)
    return {o.label: (o.total_paid, o.saving) for o in result.options}


def test_a_payment_under_the_agreement_changes_no_saving(unpaid: Ledger) -> None:
    before = columns(unpaid, TODAY)
    # the agreement: 24 × 364.70 (8,752.77 in all, 0 %), from the 9,348.71 owed less the waivers
    total, saving = before["p-24"]
    assert total == D("8752.77")
    quo_total = before["status_quo"][0]
    assert saving == quo_total - total
    # the 400.00 the walker paid on its first day, then December's 364.70 on its due date
    Payments(unpaid).add_payment(JB, Payment(date=TODAY, amount=D("400.00")))
    assert columns(unpaid, TODAY) == before
    Payments(unpaid).add_payment(JB, Payment(date=date(2026, 12, 28), amount=D("364.70")))
    assert columns(unpaid, date(2026, 12, 29)) == before
    result, _ = comparison_view.comparison(unpaid.loan(JB), date(2026, 12, 29), None)
    assert result.counted_from == TODAY  # the agreement's start, not the day it is looked at
    unpaid.close()


def test_without_an_agreement_the_columns_count_from_today(
    data_dir: DataDir, tmp_path: Path
) -> None:
    """No agreement: the options count from today; a payment made today pays the plans that
    start today (DOMAIN.md: what a plan starts from counts the payments made before its start),
    so it is in their columns, not in what doing nothing starts from: no saving moves."""
    ledger = Ledger.open(data_dir)
    build(ledger, tmp_path, accept=False, pay=False)
    before = columns(ledger, TODAY)
    assert before["p-24"][0] == D("8752.77")
    Payments(ledger).add_payment(JB, Payment(date=TODAY, amount=D("400.00")))
    assert columns(ledger, TODAY) == before
    result, order = comparison_view.comparison(ledger.loan(JB), TODAY, None)
    assert result.counted_from == TODAY
    assert [p.id for p in order] == ["p-24", "p-400", "p-70"]
    ledger.close()


def test_preparing_is_ticked_only_when_the_checklist_is_done(unpaid: Ledger) -> None:
    loan = unpaid.loan(JB)
    lender = next(x for x in unpaid.lenders() if x.id == loan.lender)
    assert loan.proposals  # three proposals written, the checklist empty
    assert "preparing" not in guide_stage.milestones(loan, TODAY, LoanGuide(JB), lender, D("500"))
    ready = LoanGuide(
        JB,
        reason="job_loss",
        reason_text="Lost my job in October",
        ask="p-24",
        documents=[GuideDocument("unemployment_proof", "ab" * 32, "certificate.pdf")],
    )
    assert "preparing" in guide_stage.milestones(loan, TODAY, ready, lender, D("500"))
    # one item short (no monthly budget set): not done
    assert "preparing" not in guide_stage.milestones(loan, TODAY, ready, lender, None)
    unpaid.close()
