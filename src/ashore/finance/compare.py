"""Side by side: doing nothing, keeping the original schedule, and each proposal; and claim checks.

Every option is reduced to dated payments from the comparison's start on (today, or the day the
plan in force began), then summed per calendar month. Every option counts the same payments: those
made before the start are made in each of them (they lower what each starts from); from the start
on, each option pays what it asks, so a payment made under a plan changes no option's saving.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ashore.domain.money import ZERO, round_money

from .proposals import ProposalPlan
from .schedule import schedule as build_schedule
from .state import _Ledger
from .terms import FinanceError, Installment, LoanTerms, Payment

__all__ = [
    "ClaimCheck",
    "Comparison",
    "OptionSummary",
    "check_claim",
    "compare",
    "summarize",
    "typical_installment",
]


@dataclass(frozen=True, slots=True)
class OptionSummary:
    """One option of a comparison, from today on.

    ``monthly``: ((year, month), total) for each month with a payment, in order. ``largest_monthly``
    and ``median_monthly`` are over those months (the median of an even count is the mean of the
    two middle months, rounded). ``typical_payment``: the installment as every other screen shows
    it (``typical_installment`` over the option's own table: for the original schedule its
    regular payment, not a month of arrears or the last row's rounding). ``saving``: the status
    quo's total_paid − this total_paid. ``months_over_budget``: months whose total is above the
    budget (0 when no budget is given). ``payment_count``: how many dated payments it makes (1: a
    one-off payment, not a month of installments).
    """

    label: str
    total_paid: Decimal
    saving: Decimal
    largest_monthly: Decimal
    median_monthly: Decimal
    end_date: date
    months_over_budget: int
    monthly: tuple[tuple[tuple[int, int], Decimal], ...]
    typical_payment: Decimal = ZERO
    payment_count: int = 0


def typical_installment(amounts: Sequence[Decimal], currency: str = "CNY") -> Decimal:
    """The installment of a table as a person names it: the amount paid most often (an annuity's
    regular payment, whatever its last row's rounding); where no amount is paid more often than
    another (falling payments), the median, rounded."""
    if not amounts:
        raise FinanceError("typical installment: no amounts")
    counts: dict[Decimal, int] = {}
    for amount in amounts:
        counts[amount] = counts.get(amount, 0) + 1
    most = max(counts.values())
    common = [amount for amount, count in counts.items() if count == most]
    if len(common) == 1:
        return common[0]
    return round_money(statistics.median(amounts), currency)


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    """A lender's claimed balance against ours on the same day: difference = claimed − ours
    (positive: the lender asks for more than we compute)."""

    on: date
    claimed: Decimal
    ours: Decimal
    difference: Decimal


@dataclass(frozen=True, slots=True)
class Comparison:
    """The options of one loan: status quo, original schedule, then each proposal in order;
    ``start``: the day they count from (``today`` unless the plan in force began earlier)."""

    today: date
    horizon: date
    status_quo: OptionSummary
    original: OptionSummary
    proposals: tuple[OptionSummary, ...]
    claims: tuple[ClaimCheck, ...]
    start: date | None = None

    @property
    def counted_from(self) -> date:
        """The day every option counts from."""
        return self.start if self.start is not None else self.today

    @property
    def options(self) -> tuple[OptionSummary, ...]:
        """All options, status quo first."""
        return (self.status_quo, self.original, *self.proposals)


def summarize(
    label: str,
    payments: Iterable[tuple[date, Decimal]],
    *,
    baseline: Decimal | None = None,
    monthly_budget: Decimal | None = None,
    currency: str = "CNY",
    installments: Sequence[Decimal] = (),
) -> OptionSummary:
    """Summarise dated payments: totals, per-month figures, months over budget, saving;
    ``installments``: the option's table, for ``typical_payment`` (the months' totals without)."""
    months: dict[tuple[int, int], Decimal] = {}
    end: date | None = None
    count = 0
    for day, amount in payments:
        if amount <= 0:
            continue
        count += 1
        key = (day.year, day.month)
        months[key] = months.get(key, ZERO) + amount
        end = day if end is None or day > end else end
    if end is None:
        raise FinanceError.at(f"{label}", "compare.no_payment", "has no payment to compare")
    monthly = tuple(sorted(months.items()))
    values = [v for _k, v in monthly]
    total = sum(values, ZERO)
    over = sum(1 for v in values if monthly_budget is not None and v > monthly_budget)
    return OptionSummary(
        label,
        total,
        (baseline - total) if baseline is not None else ZERO,
        max(values),
        round_money(statistics.median(values), currency),
        end,
        over,
        monthly,
        typical_installment(list(installments) or values, currency),
        count,
    )


def _keep_original(ledger: _Ledger, today: date) -> list[tuple[date, Decimal]]:
    """Catch up today on all that is due (with charges), then pay each later installment."""
    owed = ledger.owed(today)
    flows = [(today, owed.total - owed.not_yet_due)]
    for item in ledger.items:
        if item.due > today and item.unpaid() > 0:
            flows.append((item.due, item.unpaid()))
    return flows


def plan_flows(
    plan: ProposalPlan, payments: Iterable[Payment], start: date
) -> list[tuple[date, Decimal]]:
    """What a plan pays from ``start`` on, counting the same payments as the other options.

    A plan starting on or after ``start``: the payments made from ``start`` to its start (they
    lowered what it starts from), then its table. A plan that began before: the payments made
    since it began paid its installments, oldest first; what is left of those due before
    ``start`` is paid on ``start``, the rest as due.
    """
    made = sorted(payments, key=lambda p: p.date)
    if plan.start >= start:
        before = [(p.date, p.amount) for p in made if start <= p.date < plan.start]
        return before + [(r.due, r.payment) for r in plan.installments]
    paid = sum((p.amount for p in made if plan.start <= p.date < start), ZERO)
    late = ZERO
    flows: list[tuple[date, Decimal]] = []
    for row in sorted(plan.installments, key=lambda r: (r.due, r.number)):
        covered = min(paid, row.payment)
        paid -= covered
        if row.due < start:
            late += row.payment - covered
        else:
            flows.append((row.due, row.payment - covered))
    return [(start, late), *flows] if late > 0 else flows


def compare(
    terms: LoanTerms,
    payments: Iterable[Payment],
    today: date,
    horizon: date,
    proposals: Sequence[tuple[str, ProposalPlan]] = (),
    *,
    monthly_budget: Decimal | None = None,
    claims: Sequence[tuple[date, Decimal]] = (),
    rows: Sequence[Installment] | None = None,
    start: date | None = None,
) -> Comparison:
    """Compare the options for one loan from ``start`` on (default: ``today``; the plan in
    force's start once it has begun, so that paying it changes no option's saving).

    Every option counts the payments made before ``start`` (they lower what it starts from) and
    pays its own way from then on. Status quo: pay nothing until ``horizon``, then everything
    owed then, in one go. Original: pay all that is due on ``start`` (with its penalty and late
    fees), then each later installment as scheduled. Proposals: their installment tables as
    worked out (label, plan; ``plan_flows``). Claims: (date, claimed amount) pairs checked
    against our owed figure on that date.
    """
    begin = start if start is not None else today
    if horizon < begin:
        raise FinanceError.at("horizon", "date.before_today", "must not be before today")
    payments = list(payments)
    schedule_rows = list(rows) if rows is not None else build_schedule(terms)
    kept = [p for p in payments if p.date < begin]
    ledger = _Ledger(terms, schedule_rows, kept)
    ledger.advance(begin)
    original_flows = _keep_original(ledger, begin)
    ledger.advance(horizon)
    quo_total = ledger.owed(horizon).total
    cur = terms.currency
    status_quo = summarize(
        "status_quo",
        [(horizon, quo_total)],
        baseline=quo_total,
        monthly_budget=monthly_budget,
        currency=cur,
    )
    original = summarize(
        "original",
        original_flows,
        baseline=quo_total,
        monthly_budget=monthly_budget,
        currency=cur,
        # the contract's installment while some are still ahead; all due now: that one sum
        installments=[r.payment for r in schedule_rows] if len(original_flows) > 1 else (),
    )
    summaries = tuple(
        summarize(
            label,
            plan_flows(plan, payments, begin),
            baseline=quo_total,
            monthly_budget=monthly_budget,
            currency=cur,
            installments=[r.payment for r in plan.installments],
        )
        for label, plan in proposals
    )
    checks = tuple(
        check_claim(terms, payments, on, claimed, schedule_rows) for on, claimed in claims
    )
    return Comparison(today, horizon, status_quo, original, summaries, checks, begin)


def check_claim(
    terms: LoanTerms,
    payments: Iterable[Payment],
    on: date,
    claimed: Decimal,
    rows: Sequence[Installment] | None = None,
) -> ClaimCheck:
    """The lender's claimed amount on ``on`` against what we compute owed that day."""
    kept = [p for p in payments if p.date <= on]
    ledger = _Ledger(terms, rows if rows is not None else build_schedule(terms), kept)
    ledger.advance(on)
    ours = ledger.owed(on).total
    return ClaimCheck(on, claimed, ours, claimed - ours)
