"""Walk 7: a lender's claim under an agreement is held against the one "owed today" of its day
(not "if the agreement fails"), and on a due day the Overview's parts still add up to owed today
(the installment due today is its own part, not lost between "missed" and "not yet due")."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from ashore.domain.money import ZERO
from ashore.domain.records import Claim, Payment
from ashore.services import plans
from ashore.services.views import overview as overview_view
from ashore.services.views import payments as payments_view

from .workspace_book import JB, TODAY, reamortize

START = date(2026, 11, 20)


def _accept(proposals) -> None:
    proposals.save_proposal(JB, reamortize("p9", start=START))
    proposals.change_status(JB, "p9", "proposed")
    proposals.change_status(JB, "p9", "accepted")


def _agreed_owed(loan, day: date) -> Decimal:
    """DOMAIN.md: the agreement's unpaid installments due by ``day`` + its principal not yet due
    (no payments are made after its start here)."""
    _record, plan = plans.agreement(loan) or (None, None)
    assert plan is not None
    return sum((r.payment if r.due <= day else r.principal for r in plan.installments), ZERO)


def test_a_claim_under_an_agreement_is_held_against_owed_today_not_if_it_fails(
    ledger, proposals, payments
) -> None:
    _accept(proposals)
    day = date(2027, 2, 12)
    loan = ledger.loan(JB)
    ours = _agreed_owed(loan, day)
    fails = plans.figures(loan, day).if_agreement_fails
    assert fails is not None
    assert ours != fails
    claimed = ours + Decimal("76.63")
    payments.add_claim(JB, Claim(day, claimed, "app"))
    loan = ledger.loan(JB)
    stored = loan.claims[-1]
    assert stored.ours == ours  # recorded with the claim
    [line] = [x for x in payments_view.claim_lines(loan) if x.claim.date == day]
    assert (line.check.ours, line.check.difference) == (ours, Decimal("76.63"))
    assert overview_view.overview(loan, None, day).claim == line.check
    # a claim kept without "ours" (imported) reads the same, and a payment dated after its day
    # does not count in it
    payments.add_payment(JB, Payment(day + timedelta(days=3), Decimal("500.00")))
    loan = ledger.loan(JB)
    legacy = plans.claim_check(loan, Claim(day, claimed))
    assert (legacy.ours, legacy.difference) == (ours, Decimal("76.63"))


def _parts_add_up(fig: plans.Figures) -> None:
    parts = fig.overdue + fig.due_today + fig.penalty + fig.late_fees + fig.not_yet_due
    assert parts == fig.owed_today


def test_on_an_agreed_due_day_the_parts_add_up(ledger, proposals) -> None:
    _accept(proposals)
    loan = ledger.loan(JB)
    _record, plan = plans.agreement(loan) or (None, None)
    assert plan is not None
    first = plan.installments[0]
    before, due, after = (first.due + timedelta(days=d) for d in (-1, 0, 1))
    fig = plans.figures(loan, due)
    assert fig.owed_today == _agreed_owed(loan, due)
    assert fig.due_today == first.payment
    assert fig.overdue == ZERO
    _parts_add_up(fig)
    fig = plans.figures(loan, before)
    assert fig.due_today == ZERO
    _parts_add_up(fig)
    fig = plans.figures(loan, after)
    assert (fig.due_today, fig.overdue) == (ZERO, first.payment)
    _parts_add_up(fig)
    data = overview_view.overview(loan, None, due)
    assert (data.next_due, data.next_amount) == (due, first.payment)


@pytest.mark.parametrize("shift", [-1, 0, 1])
def test_on_a_contract_due_day_the_parts_add_up(ledger, shift: int) -> None:
    loan = ledger.loan(JB)
    rows = [r for r in plans.standing(loan, TODAY).entries if r.due > TODAY]
    day = rows[0].due + timedelta(days=shift)
    fig = plans.figures(loan, day)
    _parts_add_up(fig)
    owed = plans.standing(loan, day).owed
    assert owed is not None
    assert fig.due_today == owed.due
