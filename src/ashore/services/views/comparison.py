"""The comparison table of one loan's proposals (``finance.compare``), with those being edited."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from ashore import finance
from ashore.domain.records import (
    Loan,
    Proposal,
)
from ashore.services import plans
from ashore.services.views.chart import HORIZON_MONTHS, worked_out


def comparison(
    loan: Loan,
    today: date,
    budget: Decimal | None,
    extra: Sequence[tuple[Proposal, finance.ProposalPlan]] = (),
) -> tuple[finance.Comparison, list[Proposal]]:
    """finance.compare over the loan's workable proposals (and ``extra`` ones being edited);
    the proposals come back in the comparison's order."""
    replaced = {p.id for p, _ in extra}
    found = [
        (p, plan) for p, plan, _ in worked_out(loan) if plan is not None and p.id not in replaced
    ]
    found.extend(extra)
    ends = [plan.end_date for _, plan in found]
    horizon = max([today + relativedelta(months=HORIZON_MONTHS), *ends])
    result = finance.compare(
        plans.loan_terms(loan),
        plans.loan_payments(loan),
        today,
        horizon,
        [(p.id, plan) for p, plan in found],
        monthly_budget=budget,
        claims=[(c.date, c.amount) for c in loan.claims],
    )
    return result, [p for p, _ in found]
