"""What a loan really costs: settling it on any day (payoff), the true yearly cost by the IRR
method (APR, 年化利率) with fees included, and the reference lines it is held against.

The rules (DOMAIN.md "What a lender's own app shows" and "The true yearly cost"):

- Payoff on day D = owed as of D if nothing more is paid + the interest accrued on the principal
  not yet due since the last due date on or before D (or the start) + the prepayment fee (its
  share × that principal, rounded). Accrued interest, daily rule: round(principal × daily rate ×
  days); monthly rule: round(principal × i × days / days of the period), the period running from
  the last due date to the next.
- APR of a monthly schedule: r solves received = Σ paymentₖ / (1 + r)^tₖ, APR = 12 r, effective
  yearly rate = (1 + r)¹² − 1. tₖ is the payment's time in months from the start: for a loan, the
  first due date is t₁ (1 when the start is one calendar month before it, else whole months plus
  the remaining days as a share of the next month) and each later due date one month more; a
  proposal's payments are timed the same way from its start. A bullet loan (or a plan of one
  payment): APR = (total repaid − received) / received × 365 / days, effective = (1 + (total −
  received) / received)^(365 / days) − 1. r is found by bisection in Decimal (no float).
- Reference lines (grounds to negotiate, not verdicts): 4 × the one-year LPR in force on the
  loan's start date (the courts' ceiling for private lending), 24 % (regulators' guidance for
  licensed consumer lenders' comprehensive cost) and 36 % (the old line above which interest was
  never protected). A rate is "over" a line when it is above it (equal is not over).
- The cost of lateness: the penalty and late fee of one overdue installment as a yearly rate of
  its amount, (penalty + late fee) / amount × 365 / days overdue.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext

from dateutil.relativedelta import relativedelta

from ashore.domain.money import ZERO, round_money

from .proposals import ProposalPlan
from .schedule import schedule as build_schedule
from .state import LoanState, Owed, owed_on
from .terms import FinanceError, Installment, LoanTerms, Payment, per_day, per_month

__all__ = [
    "LINE_24",
    "LINE_36",
    "LprEntry",
    "Payoff",
    "RateLines",
    "YearlyCost",
    "lateness_cost",
    "loan_cost",
    "lpr_on",
    "month_time",
    "payoff",
    "proposal_cost",
    "rate_lines",
    "yearly_cost",
]

LINE_24 = Decimal("0.24")
LINE_36 = Decimal("0.36")
RATE_QUANTUM = Decimal("0.0001")  # rates are shown to 0.01 %
_PREC = 34
_ITERATIONS = 200
_TOLERANCE = Decimal("1e-16")


@dataclass(frozen=True, slots=True)
class Payoff:
    """What settling in full on ``as_of`` costs: ``owed`` (if nothing more is paid) + interest
    accrued since the last due date + the prepayment fee = ``total``."""

    as_of: date
    owed: Owed
    accrued_interest: Decimal
    prepayment_fee: Decimal
    total: Decimal


def payoff(
    terms: LoanTerms,
    payments: Iterable[Payment],
    as_of: date,
    rows: Sequence[Installment] | None = None,
) -> Payoff:
    """Settling the loan in full on ``as_of`` (payments up to and including that day counted)."""
    table = list(rows) if rows is not None else build_schedule(terms)
    owed = owed_on(terms, payments, as_of, table)
    return payoff_from(terms, owed, table)


def payoff_from(terms: LoanTerms, owed: Owed, rows: Sequence[Installment]) -> Payoff:
    """``payoff`` from an owed breakdown already worked out on ``owed.as_of`` over ``rows``."""
    cur = terms.currency
    principal = owed.not_yet_due
    day = owed.as_of
    accrued = round_money(ZERO, cur)
    if principal > 0:
        dues = sorted(r.due for r in rows)
        before = [d for d in dues if d <= day]
        after = [d for d in dues if d > day]
        last = before[-1] if before else terms.start_date()
        days = max((day - last).days, 0)
        if terms.interest == "daily":
            num, div = per_day(terms.rate)
            accrued = round_money(principal * num * days / div, cur)
        elif after:
            num, div = per_month(terms.rate)
            period = (after[0] - last).days
            accrued = round_money(principal * num * days / (div * period), cur)
    fee = round_money(principal * terms.prepayment_fee, cur)
    return Payoff(day, owed, accrued, fee, owed.total + accrued + fee)


@dataclass(frozen=True, slots=True)
class YearlyCost:
    """The true yearly cost of a stream of payments for money received at the start.

    ``apr`` = 12 × the monthly IRR (bullet: the simple yearly rate), ``effective`` the compounded
    yearly rate, both fractions rounded half-up to 0.0001 (0.01 %). ``received``: the money paid
    out; ``repaid``: all the payments.
    """

    apr: Decimal
    effective: Decimal
    received: Decimal
    repaid: Decimal


def month_time(start: date, due: date) -> Decimal:
    """The time from ``start`` to ``due`` in months: whole calendar months (counted from the
    start), plus the remaining days as a share of the month that follows."""
    if due <= start:
        return ZERO
    months = (due.year - start.year) * 12 + due.month - start.month
    if start + relativedelta(months=months) > due:
        months -= 1
    a: date = start + relativedelta(months=months)
    b: date = start + relativedelta(months=months + 1)
    return Decimal(months) + Decimal((due - a).days) / Decimal((b - a).days)


def _present_value(flows: Sequence[tuple[Decimal, Decimal]], r: Decimal) -> Decimal:
    base = 1 + r
    total = ZERO
    for t, amount in flows:
        total += amount / base**t
    return total


def _monthly_irr(received: Decimal, flows: Sequence[tuple[Decimal, Decimal]]) -> Decimal:
    """r with received = Σ amount / (1 + r)^t, by bisection (the present value falls as r rises)."""
    low, high = Decimal("-0.99"), Decimal("1")
    while _present_value(flows, high) > received:
        high *= 2
        if high > 10**6:
            raise FinanceError.at(
                "apr", "apr.too_large", "the payments are too large to give a yearly rate"
            )
    if _present_value(flows, low) < received:
        raise FinanceError.at(
            "apr", "apr.too_small", "the payments are too small to give a yearly rate"
        )
    for _ in range(_ITERATIONS):
        mid = (low + high) / 2
        if _present_value(flows, mid) > received:
            low = mid
        else:
            high = mid
        if high - low < _TOLERANCE:
            break
    return (low + high) / 2


def _quantize(rate: Decimal) -> Decimal:
    return rate.quantize(RATE_QUANTUM, rounding=ROUND_HALF_UP)


def yearly_cost(
    received: Decimal, flows: Sequence[tuple[Decimal, Decimal]], *, bullet_days: int | None = None
) -> YearlyCost:
    """The APR and effective yearly rate of ``flows`` ((time in months, amount) pairs) for
    ``received`` at time 0; with ``bullet_days`` the simple bullet formula over that many days."""
    if received <= 0:
        raise FinanceError.at("received", "amount.not_positive", "must be more than zero")
    repaid = sum((amount for _t, amount in flows), ZERO)
    with localcontext() as ctx:
        ctx.prec = _PREC
        if bullet_days is not None:
            days = max(bullet_days, 1)
            share = (repaid - received) / received
            apr = share * 365 / days
            effective = (1 + share) ** (Decimal(365) / days) - 1 if share > -1 else Decimal(-1)
        elif repaid == received and all(t >= 0 for t, _a in flows):
            apr = effective = ZERO
        else:
            r = _monthly_irr(received, flows)
            apr = 12 * r
            effective = (1 + r) ** 12 - 1
    return YearlyCost(_quantize(apr), _quantize(effective), received, repaid)


def loan_cost(terms: LoanTerms, rows: Sequence[Installment] | None = None) -> YearlyCost:
    """The loan's true yearly cost: the money received (principal − upfront fees) at the start
    against its scheduled payments, fees included."""
    table = list(rows) if rows is not None else build_schedule(terms)
    start = terms.start_date()
    if terms.method == "bullet":
        flows = [(month_time(start, r.due), r.payment) for r in table]
        return yearly_cost(terms.received(), flows, bullet_days=(table[-1].due - start).days)
    first = terms.first_due
    t1 = Decimal(1) if first - relativedelta(months=1) == start else month_time(start, first)
    flows = [(t1 + k, r.payment) for k, r in enumerate(sorted(table, key=lambda r: r.due))]
    return yearly_cost(terms.received(), flows)


def proposal_cost(plan: ProposalPlan) -> YearlyCost:
    """A proposal's true yearly cost: the amount it starts from, received on its start day,
    against its installments. A plan of one payment uses the bullet formula."""
    rows = sorted(plan.installments, key=lambda r: r.due)
    received = plan.base.amount
    start = plan.start
    if len(rows) == 1:
        flows = [(month_time(start, rows[0].due), rows[0].payment)]
        return yearly_cost(received, flows, bullet_days=(rows[0].due - start).days)
    first = rows[0].due
    regular = all(r.due == first + relativedelta(months=k) for k, r in enumerate(rows))
    if regular:
        t1 = Decimal(1) if first - relativedelta(months=1) == start else month_time(start, first)
        flows = [(t1 + k, r.payment) for k, r in enumerate(rows)]
    else:
        flows = [(month_time(start, r.due), r.payment) for r in rows]
    return yearly_cost(received, flows)


@dataclass(frozen=True, slots=True)
class LprEntry:
    """One value of the one-year Loan Prime Rate, in force from ``since`` (a fraction)."""

    since: date
    rate: Decimal


def lpr_on(table: Iterable[LprEntry], day: date) -> LprEntry | None:
    """The LPR value in force on ``day``: the latest published on or before it (None before the
    table begins)."""
    found: LprEntry | None = None
    for entry in sorted(table, key=lambda e: e.since):
        if entry.since <= day:
            found = entry
    return found


@dataclass(frozen=True, slots=True)
class RateLines:
    """A yearly rate held against the reference lines. ``lpr4``: 4 × the LPR in force on the
    start date (None when the table does not reach back that far), with the LPR's date."""

    rate: Decimal
    lpr4: Decimal | None
    lpr_since: date | None
    over_lpr4: bool
    over_24: bool
    over_36: bool

    @property
    def crossed(self) -> tuple[str, ...]:
        """The names of the lines crossed: "lpr4", "24", "36"."""
        names = (("lpr4", self.over_lpr4), ("24", self.over_24), ("36", self.over_36))
        return tuple(name for name, over in names if over)


def rate_lines(rate: Decimal, start: date, table: Iterable[LprEntry]) -> RateLines:
    """``rate`` (a yearly fraction) against 4 × LPR on ``start``, 24 % and 36 %."""
    entry = lpr_on(table, start)
    lpr4 = entry.rate * 4 if entry is not None else None
    return RateLines(
        rate,
        lpr4,
        entry.since if entry is not None else None,
        lpr4 is not None and rate > lpr4,
        rate > LINE_24,
        rate > LINE_36,
    )


def lateness_cost(state: LoanState) -> Decimal | None:
    """What being late costs a year on the whole overdue amount (DOMAIN.md: penalty + late fees
    as a yearly rate of the amount they run on): the penalties and late fees of every overdue
    installment over Σ scheduled amount × days overdue, × 365, rounded to 0.0001; None when
    none is overdue. Weighted by amount and days, so one installment a few days late, whose
    fixed fee over few days would read as a huge yearly rate, does not make the figure."""
    charges = ZERO
    exposure = ZERO
    with localcontext() as ctx:
        ctx.prec = _PREC
        for item in state.installments:
            if item.status != "overdue" or item.days_overdue <= 0 or item.scheduled <= 0:
                continue
            charges += item.penalty + item.late_fee + item.late_interest
            exposure += item.scheduled * item.days_overdue
        if exposure <= 0:
            return None
        return _quantize(charges / exposure * 365)
