"""A proposal's plan in a few figures, and what the agreements in force take each month: the
figures the call card, the letter, the warnings and the complaint state."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from ashore.domain.money import ZERO
from ashore.domain.records import Loan, Proposal
from ashore.reports.letter import PlanSummary
from ashore.services import plans
from ashore.services.guide.stage import accepted


def plan_summary(loan: Loan, proposal: Proposal, today: date | None = None) -> PlanSummary:
    """The proposal's plan for this loan in a few figures (InputError if it cannot be made);
    with ``today``, the agreement in force also says what was paid of it and what is left."""
    plan = plans.plan_in_force(loan, proposal)
    rows = plan.installments
    paid, left = ZERO, None
    found = plans.agreement(loan)
    if (
        today is not None
        and found is not None
        and found[0].id == proposal.id
        and proposal.start <= today
    ):
        # The plan in force: what is left of it is the Overview's "left to pay under the plan".
        left = plans.figures(loan, today).left_to_pay_plan
        paid = max(plan.total_paid - left, ZERO)
    amount = rows[0].payment if len(rows) == 1 else max(r.payment for r in rows[:-1])
    return PlanSummary(
        proposal_id=proposal.id,
        name=proposal.name,
        method=proposal.method,
        status=proposal.status,
        start=proposal.start,
        count=len(rows),
        amount=amount,
        last_amount=rows[-1].payment,
        first_due=rows[0].due,
        last_due=rows[-1].due,
        total=plan.total_paid,
        owed_at_start=plan.base.owed.total,
        forgiven=plan.base.waived_total,
        waive_penalty=proposal.waive.penalty > 0,
        waive_late_fees=proposal.waive.late_fees > 0,
        waive_interest=proposal.waive.interest > 0,
        paid=paid,
        left=left,
        payments=tuple(r.payment for r in rows),
    )


def monthly_need(summary: PlanSummary) -> Decimal:
    """What a plan takes in a month: its usual installment (a one-off payment counts whole)."""
    return summary.amount


def committed_monthly(loans: Iterable[Loan], today: date, exclude: str = "") -> Decimal:
    """What the agreements in force on the other loans take each month (not yet paid off)."""
    total = ZERO
    for loan in loans:
        if loan.id == exclude:
            continue
        found = accepted(loan)
        if found is None:
            continue
        summary = plans.summarize(loan, None, today)
        if summary.status == "settled":
            continue
        total += plan_summary(loan, found).amount
    return total
