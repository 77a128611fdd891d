"""The comparison table of one loan's proposals (``finance.compare``), with those being edited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from ashore import finance
from ashore.app.errors import InputError
from ashore.domain.money import ZERO
from ashore.domain.records import (
    Loan,
    Proposal,
)
from ashore.services import plans
from ashore.services.costs import plan_cost
from ashore.services.views.chart import HORIZON_MONTHS, worked_out


def comparison(
    loan: Loan,
    today: date,
    budget: Decimal | None,
    extra: Sequence[tuple[Proposal, finance.ProposalPlan]] = (),
) -> tuple[finance.Comparison, list[Proposal]]:
    """finance.compare over the loan's workable proposals (and ``extra`` ones being edited, each
    in its saved proposal's place, a new one last): the proposals come back in the comparison's
    order, the loan's own (the order they were made in), whichever is being edited.

    The options count from today, or from the day the agreement in force began once it has
    (``counted_from``): a payment made under the plan then changes no option's saving."""
    edited = {p.id: (p, plan) for p, plan in extra}
    found: list[tuple[Proposal, finance.ProposalPlan]] = []
    for p, plan, _ in worked_out(loan):
        if p.id in edited:
            found.append(edited.pop(p.id))
        elif plan is not None:
            found.append((p, plan))
    found.extend(edited.values())
    start = counted_from(loan, today)
    ends = [plan.end_date for _, plan in found]
    horizon = max([start + relativedelta(months=HORIZON_MONTHS), today, *ends])
    result = finance.compare(
        plans.loan_terms(loan),
        plans.loan_payments(loan),
        today,
        horizon,
        [(p.id, plan) for p, plan in found],
        monthly_budget=budget,
        claims=[(c.date, c.amount) for c in loan.claims],
        start=start,
    )
    return result, [p for p, _ in found]


def counted_from(loan: Loan, today: date) -> date:
    """The day the comparison counts from: the start of the agreement in force once it has
    begun (its table counts every payment made under it), else today."""
    found = plans.agreement(loan)
    if found is not None and found[0].start <= today:
        return found[0].start
    return today


def due_now(loan: Loan, on: date) -> Decimal:
    """What the original schedule asks on ``on``, the day the comparison counts from
    (``finance.compare``'s first flow of the original option): everything due by then with its
    penalty and late fees, by the contract, counting the payments made before that day; one made
    that day is counted in the column of the plan it pays, so only while no agreement has begun
    (it pays the contract: what is left due now is the Overview's arrears + charges)."""
    contract = not any(p.status == "accepted" and p.start <= on for p in loan.proposals)
    before = [p for p in plans.loan_payments(loan) if p.date < on or (contract and p.date == on)]
    owed = finance.loan_state(plans.loan_terms(loan), before, on).owed
    return owed.total - owed.not_yet_due


def plan_apr(plan: finance.ProposalPlan) -> Decimal | None:
    """A plan's true yearly cost as every screen shows it (``costs.plan_cost``, the rule
    ``export summary`` follows too), or None where it has none or cannot be found."""
    try:
        cost = plan_cost(plan)
    except finance.FinanceError:
        return None
    return cost.apr if cost is not None else None


def option_aprs(
    loan: Loan, order: Sequence[Proposal], extra: Sequence[tuple[Proposal, finance.ProposalPlan]]
) -> list[Decimal | None]:
    """The true yearly cost of each option of the comparison, in its order: none for doing
    nothing, the loan's own, then each proposal's (``plan_apr``)."""
    edited = {record.id: plan for record, plan in extra}
    result: list[Decimal | None] = [None]
    try:
        result.append(finance.loan_cost(plans.loan_terms(loan)).apr)
    except finance.FinanceError:
        result.append(None)
    for proposal in order:
        try:
            plan = edited.get(proposal.id) or plans.plan_in_force(loan, proposal)
        except InputError:
            result.append(None)
            continue
        result.append(plan_apr(plan))
    return result


@dataclass(frozen=True)
class InForce:
    """The plan in force among the options: its proposal id, what was paid of it so far and
    what is left to pay under it (the Overview's "left to pay under the plan")."""

    proposal_id: str
    paid: Decimal
    left: Decimal


def in_force(loan: Loan, today: date) -> InForce | None:
    """The agreement in force with what is paid and left of it, or None (none, or not begun)."""
    found = plans.agreement(loan)
    if found is None or found[0].start > today:
        return None
    left = plans.figures(loan, today).left_to_pay_plan
    return InForce(found[0].id, max(found[1].total_paid - left, ZERO), left)
