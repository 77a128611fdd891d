"""The negotiation chart of one loan as plain exact values: owed over time doing nothing, on the
original schedule, under each proposal and the agreement; payments, claims, monthly payments."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TypeVar

from dateutil.relativedelta import relativedelta

from ashore import finance
from ashore.app.errors import InputError
from ashore.domain.money import ZERO
from ashore.domain.records import (
    Claim,
    Loan,
    Payment,
    Proposal,
)
from ashore.services import plans

# The chart looks this far ahead at least, and at most this far when a plan runs longer.
HORIZON_MONTHS = 18

MAX_HORIZON_MONTHS = 36

Point = tuple[date, Decimal]


# Proposals still in play: drawn on the chart (rejected and withdrawn ones are history).
_LIVE = ("draft", "proposed", "countered", "accepted")


@dataclass(frozen=True)
class Line:
    """One line of owed-over-time: ``kind`` is the chart's (status_quo, original, proposal,
    agreement); ``key`` a proposal's id for proposals. ``label`` is a proposal's name; the
    window names the other lines itself (in the user's language)."""

    key: str
    label: str
    kind: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class MonthlyLine:
    """A plan's payment per calendar month (the first of the month, the month's total)."""

    key: str
    label: str
    months: tuple[Point, ...]


@dataclass(frozen=True)
class ChartData:
    """Everything the negotiation chart draws, as plain exact values."""

    today: date
    lines: tuple[Line, ...]
    monthly: tuple[MonthlyLine, ...]
    payments: tuple[tuple[date, Decimal, str], ...]
    claims: tuple[tuple[date, Decimal, str], ...]
    budget: Decimal | None


def balance_points(plan: finance.ProposalPlan) -> tuple[Point, ...]:
    """The plan's remaining balance as it is paid down: its base on the start day, then the
    balance after each installment (one point a day, the day's last balance). A plan paid to its
    end owes nothing: what a settlement forgives is not owed, so the line ends at zero."""
    by_day: dict[date, Decimal] = {plan.start: plan.base.amount}
    rows = sorted(plan.installments, key=lambda r: (r.due, r.number))
    for row in rows:
        by_day[row.due] = row.balance_after - plan.forgiven
    if rows:
        by_day[rows[-1].due] = ZERO
    return tuple(sorted(by_day.items()))


def agreement_points(st: plans.Standing, today: date) -> tuple[Point, ...]:
    """The agreement in force kept from today: owed today (its figure, as every screen shows
    it), then its principal not yet due, lowered by each installment's unpaid principal on its
    due date, down to zero."""
    fig = st.figures
    points: list[Point] = [(today, fig.owed_today)]
    balance = fig.not_yet_due
    if balance != fig.owed_today:
        points.append((today + timedelta(days=1), balance))
    rows = {r.number: r for r in st.plan.installments} if st.plan is not None else {}
    for e in sorted(st.entries, key=lambda e: e.due):
        if e.source != "agreement" or e.due <= today or e.remaining <= 0:
            continue
        balance -= min(rows[e.number].principal, e.remaining) if e.number in rows else ZERO
        if e.due > points[-1][0]:
            points.append((e.due, max(balance, ZERO)))
        else:
            points[-1] = (points[-1][0], max(balance, ZERO))
    return tuple(points)


def monthly_totals(rows: Iterable[tuple[date, Decimal]]) -> tuple[Point, ...]:
    months: dict[date, Decimal] = {}
    for day, amount in rows:
        key = day.replace(day=1)
        months[key] = months.get(key, ZERO) + amount
    return tuple(sorted(months.items()))


def monthly_points(plan: finance.ProposalPlan) -> tuple[Point, ...]:
    """The plan's payments per calendar month (first of the month, total)."""
    return monthly_totals((r.due, r.payment) for r in plan.installments)


def _original_points(loan: Loan, today: date, end: date) -> tuple[Point, ...]:
    """Keeping the original schedule: everything due is paid today, then each installment on its
    date; the line is the principal still owed."""
    terms = plans.loan_terms(loan)
    rows = finance.schedule(terms)
    state = finance.loan_state(terms, plans.loan_payments(loan), today, rows)
    points: list[Point] = [(today, state.owed.total)]
    balance = state.owed.not_yet_due
    if balance != state.owed.total:
        points.append((today + timedelta(days=1), balance))
    for item in sorted(state.installments, key=lambda s: s.due):
        # An accelerated installment is already due (inside ``owed.overdue``), whatever its date.
        if item.due <= today or item.due > end or item.unpaid_principal == 0 or item.accelerated:
            continue
        balance -= item.unpaid_principal
        if item.due > points[-1][0]:
            points.append((item.due, balance))
        else:
            points[-1] = (points[-1][0], balance)
    return tuple(points)


def status_quo_totals(loan: Loan, today: date, end: date) -> list[Decimal]:
    """Owed on each day from ``today`` to ``end`` if nothing is paid (from the breakpoints)."""
    terms = plans.loan_terms(loan)
    return finance.status_quo_totals(terms, plans.loan_payments(loan), today, end)


def status_quo_points(loan: Loan, today: date, end: date) -> tuple[Point, ...]:
    totals = status_quo_totals(loan, today, end)
    return tuple((today + timedelta(days=k), total) for k, total in enumerate(totals))


def chart_horizon(today: date, plans_end: Iterable[date]) -> date:
    """At least HORIZON_MONTHS ahead; longer to show the end of a plan, up to the maximum."""
    end = today + relativedelta(months=HORIZON_MONTHS)
    latest = max(plans_end, default=end)
    cap = today + relativedelta(months=MAX_HORIZON_MONTHS)
    result: date = min(max(end, latest + relativedelta(months=1)), cap)
    return result


def worked_out(loan: Loan) -> list[tuple[Proposal, finance.ProposalPlan | None, str]]:
    """Each proposal with its plan, or None and the reason it cannot be worked out."""
    out: list[tuple[Proposal, finance.ProposalPlan | None, str]] = []
    for proposal in loan.proposals:
        try:
            out.append((proposal, plans.plan_in_force(loan, proposal), ""))
        except InputError as error:
            out.append((proposal, None, str(error)))
    return out


def proposals_drawn(loan: Loan, today: date, st: plans.Standing | None = None) -> bool:
    """Whether the loan's chart draws its proposals other than the agreement: not while an
    agreement is in force (only it, and a proposal being edited, are drawn then)."""
    return (st or plans.standing(loan, today)).agreement is None


def loan_chart(
    loan: Loan,
    today: date,
    budget: Decimal | None,
    extra: Sequence[tuple[Proposal, finance.ProposalPlan]] = (),
) -> ChartData:
    """The chart of one loan: doing nothing, the original schedule, each proposal (the accepted
    one as the agreement), payments, claims, and each plan's monthly payment. ``extra``: plans
    being edited, drawn beside (or instead of, by id) the saved ones."""
    replaced = {p.id for p, _ in extra}
    found: list[tuple[Proposal, finance.ProposalPlan]] = [
        (p, plan)
        for p, plan, _ in worked_out(loan)
        if plan is not None and p.id not in replaced and p.status in _LIVE
    ]
    found.extend(extra)
    st = plans.standing(loan, today)
    if not proposals_drawn(loan, today, st):
        # Once agreed, the agreement is the plan: open drafts no longer compete with it.
        found = [(p, plan) for p, plan in found if p.status == "accepted" or p.id in replaced]
    end = chart_horizon(today, (plan.end_date for _, plan in found))
    lines = [Line("status_quo", "", "status_quo", status_quo_points(loan, today, end))]
    if st.agreement is None or st.agreement.start > today:
        # Under an agreement the original schedule is no longer a plan anyone pays.
        lines.append(Line("original", "", "original", _original_points(loan, today, end)))
    monthly: list[MonthlyLine] = []
    for proposal, plan in found:
        kind = "agreement" if proposal.status == "accepted" else "proposal"
        label = proposal.name or proposal.id
        points = balance_points(plan)
        if kind == "agreement" and st.plan is not None and plan.start <= today:
            points = agreement_points(st, today)  # the payments made count
        lines.append(Line(proposal.id, label, kind, points))
        monthly.append(MonthlyLine(proposal.id, label, monthly_points(plan)))
    payments = tuple(
        (p.date, p.amount, p.method or p.reference) for p in sorted(loan.payments, key=_by_date)
    )
    claims = tuple((c.date, c.amount, c.source) for c in sorted(loan.claims, key=_by_date))
    return ChartData(today, tuple(lines), tuple(monthly), payments, claims, budget)


def _by_date(item: Payment | Claim) -> date:
    return item.date


_Keyed = TypeVar("_Keyed", Line, MonthlyLine)


def in_place(
    items: list[_Keyed | None], key: str, new: _Keyed | None, order: Sequence[str] = ()
) -> tuple[_Keyed, ...]:
    """``items`` with the one keyed ``key`` replaced by ``new`` where it stands (dropped when
    ``new`` is None); when none was there, ``new`` goes where ``order`` (the proposals' ids in
    the order they were made) puts it among the others, else last."""
    at = next((i for i, item in enumerate(items) if item is not None and item.key == key), -1)
    if at >= 0:
        items[at] = new
    elif key in order:
        rank = order.index(key)
        later = (
            i
            for i, item in enumerate(items)
            if item is not None and item.key in order and order.index(item.key) > rank
        )
        items.insert(next(later, len(items)), new)
    else:
        items.append(new)
    return tuple(item for item in items if item is not None)
