"""The dashboard over all loans: totals, what to pay in the next days, this month's total, and the
chart of everything owed doing nothing against the agreements in force."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from ashore import finance
from ashore.domain.money import ZERO, round_money
from ashore.domain.records import (
    Lender,
    Loan,
    LoanSummary,
)
from ashore.services import plans
from ashore.services.views.chart import (
    ChartData,
    Line,
    MonthlyLine,
    Point,
    agreement_points,
    balance_points,
    chart_horizon,
    monthly_totals,
)
from ashore.services.views.status_quo import UnitsMemo, status_quo_lines


@dataclass(frozen=True)
class UpcomingPayment:
    """What to pay soon on one loan: one installment due in the next days, or all of the loan's
    overdue installments together (``due``: the oldest, ``count``: how many)."""

    loan_id: str
    loan_name: str
    lender_name: str
    due: date
    remaining: Decimal
    status: str
    source: str
    count: int = 1
    # Of ``remaining`` on overdue original installments: the penalty interest and late fees
    # (the rest is what Overview calls "due and unpaid").
    penalty: Decimal = ZERO
    late_fees: Decimal = ZERO

    @property
    def due_unpaid(self) -> Decimal:
        """What was due and is unpaid, without the penalty interest and late fees."""
        return self.remaining - self.penalty - self.late_fees


@dataclass(frozen=True)
class Dashboard:
    """All loans on ``today``: totals, what to pay in the next 30 days, and the chart."""

    today: date
    currency: str
    summaries: tuple[LoanSummary, ...]
    total_owed: Decimal
    per_day: Decimal
    upcoming: tuple[UpcomingPayment, ...]
    chart: ChartData
    budget: Decimal | None
    this_month: Decimal  # to pay by the end of this month across lenders, arrears included


class _Steps:
    """A step line read at any day: the value of the last point on or before it (0 before)."""

    def __init__(self, points: Sequence[Point]) -> None:
        self.days = [day for day, _ in points]
        self.amounts = [amount for _, amount in points]

    def at(self, day: date) -> Decimal:
        index = bisect_right(self.days, day) - 1
        return self.amounts[index] if index >= 0 else ZERO


# Complexity over 10 on purpose: gathers every figure of the dashboard in one pass over the loans.
def dashboard(  # noqa: C901
    loans: Sequence[Loan],
    lenders: Sequence[Lender],
    today: date,
    budget: Decimal | None,
    currency: str = "CNY",
    days_ahead: int = 30,
    summaries: Sequence[LoanSummary] | None = None,
    standings: Mapping[str, plans.Standing] | None = None,
    memo: UnitsMemo | None = None,
) -> Dashboard:
    """The dashboard's figures over the loans kept in ``currency`` (others are listed only).
    ``summaries``: the loans' summaries on ``today``, and ``standings`` (by loan id) where they
    stand on ``today``, when the caller has them already (``Ledger.figures``); ``memo``: the
    loans' "if nothing is paid" lines kept from the caller's last call (``UnitsMemo``)."""
    names = {lender.id: lender.name for lender in lenders}
    if summaries is None:
        summaries = plans.summarize_all(loans, lenders, today)
    summaries = tuple(summaries)
    counted = [loan for loan in loans if loan.currency == currency]
    total = sum((s.owed_today for s in summaries if s.currency == currency), ZERO)
    per_day = sum((s.growth_per_day for s in summaries if s.currency == currency), ZERO)
    upcoming: list[UpcomingPayment] = []
    until = today + timedelta(days=days_ahead)
    in_force: list[tuple[date, Decimal]] = []
    agreements: dict[str, finance.ProposalPlan] = {}
    ends: list[date] = []
    # This month across lenders: what falls due by its end and is unpaid, arrears included.
    month_end = today.replace(day=1) + relativedelta(months=1)
    to_pay = ZERO
    worked: dict[str, plans.Standing] = {}
    for loan in counted:
        known = standings.get(loan.id) if standings is not None else None
        st = worked[loan.id] = known if known is not None else plans.standing(loan, today)
        if st.plan is not None:  # the agreement in force (plans.agreement)
            agreements[loan.id] = st.plan
            ends.append(st.plan.end_date)
        lender_name = names.get(loan.lender, loan.lender)
        entries = st.entries
        late = [e for e in entries if e.remaining > 0 and e.status == "overdue"]
        if late:
            owed = st.owed  # None under an agreement: its installments carry no penalty
            # Months of arrears would crowd out what is due next: one line per loan says it all.
            upcoming.append(
                UpcomingPayment(
                    loan.id,
                    loan.name,
                    lender_name,
                    min(e.due for e in late),
                    sum((e.remaining for e in late), ZERO),
                    "overdue",
                    late[-1].source,
                    len(late),
                    owed.penalty if owed is not None else ZERO,
                    owed.late_fees if owed is not None else ZERO,
                )
            )
        for e in entries:
            if e.remaining > 0 and e.status != "overdue" and today <= e.due <= until:
                upcoming.append(
                    UpcomingPayment(
                        loan.id, loan.name, lender_name, e.due, e.remaining, e.status, e.source
                    )
                )
            if e.due >= today.replace(day=1) and e.status != "replaced":
                in_force.append((e.due, e.amount))
            if e.due < month_end and e.status != "replaced":
                to_pay += e.remaining
    end = chart_horizon(today, ends)
    # One total per day from today, over every loan and for each loan with an agreement: the
    # day's index reads it directly.
    schedules = {key: st.rows for key, st in worked.items()}
    quo_sums, quo_by_loan = status_quo_lines(
        counted, today, end, keep=agreements.keys(), schedules=schedules, memo=memo
    )
    agreed_by_loan = {key: _Steps(balance_points(plan)) for key, plan in agreements.items()}
    for loan in counted:
        if loan.id in agreements and agreements[loan.id].start <= today:
            agreed_by_loan[loan.id] = _Steps(agreement_points(worked[loan.id], today))
    days = [today + timedelta(days=k) for k in range((end - today).days + 1)]
    # Where an agreement is in force its line replaces the loan's in the day's sum.
    agreed_sums = list(quo_sums)
    for loan_id, plan in agreements.items():
        steps, quo_line = agreed_by_loan[loan_id], quo_by_loan[loan_id]
        for index, day in enumerate(days):
            if plan.start <= day:
                agreed_sums[index] += steps.at(day) - quo_line[index]
    quo_total = list(zip(days, quo_sums, strict=True))
    agreed_total = list(zip(days, agreed_sums, strict=True))
    lines = [Line("status_quo", "", "status_quo", tuple(quo_total))]
    if agreements:
        lines.append(Line("agreements", "", "agreement", tuple(agreed_total)))
    monthly_points = monthly_totals(in_force)
    monthly = (MonthlyLine("plans", "", monthly_points),) if monthly_points else ()
    this_month = round_money(to_pay, currency)
    chart = ChartData(today, tuple(lines), monthly, (), (), budget)
    upcoming.sort(key=lambda u: (u.due, u.loan_name))
    return Dashboard(
        today,
        currency,
        summaries,
        round_money(total, currency),
        round_money(per_day, currency),
        tuple(upcoming),
        chart,
        budget,
        this_month,
    )
