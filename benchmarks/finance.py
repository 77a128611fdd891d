"""Time the money engine on a heavy but realistic load and compare it with plain Decimal work.

50 loans × 6 proposals (one per method, 60 months where the method has months) plus one year of
daily "if nothing more is paid" projections per loan, against as many plain Decimal
multiplications as the engine produced figures (table rows + projection days), in the same run.
Run: ``.venv/bin/python benchmarks/finance.py``. A script that prints, not a test.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from ashore.domain.money import Rate
from ashore.finance import (
    Custom,
    Deferral,
    FeeWaiver,
    LoanTerms,
    LumpSum,
    OverdueRules,
    Payment,
    ProposalTerms,
    Reamortize,
    ReducedInstallment,
    Waivers,
    owed_on,
    plan_proposal,
    projection,
    schedule,
)

LOANS = 50
MONTHS = 60
TODAY = date(2026, 11, 28)


def make_loans() -> list[tuple[LoanTerms, list[Payment]]]:
    """50 different 60-month loans, each paid for a few months and then left overdue."""
    loans = []
    for k in range(LOANS):
        terms = LoanTerms(
            Decimal(5000 + 731 * k) + Decimal(k) / 100,
            Rate(Decimal("0.12") + Decimal(k) / 1000),
            "equal_installment" if k % 2 else "equal_principal",
            MONTHS,
            date(2025, 1 + k % 12, 1 + k % 28),
            overdue=OverdueRules(
                penalty_rate=Rate(Decimal("0.0005"), "day"),
                late_fee=Decimal("30.00"),
                grace_days=k % 4,
            ),
        )
        rows = schedule(terms)
        paid = [Payment(r.due, r.payment) for r in rows[: 6 + k % 5]]
        loans.append((terms, paid))
    return loans


def proposals(start: date, owed_total: Decimal) -> list[ProposalTerms]:
    """One proposal per method; 60 months wherever the method is a monthly plan."""
    first = start + relativedelta(months=1)
    monthly = (owed_total / 50).quantize(Decimal("0.01"))
    waive = Waivers(Decimal("1"), Decimal("1"))
    custom = tuple((first + relativedelta(months=m), monthly) for m in range(MONTHS))
    return [
        ProposalTerms(start, Reamortize(MONTHS, Decimal("0.06")), waive),
        ProposalTerms(start, ReducedInstallment(monthly, Decimal("0.06")), waive),
        ProposalTerms(start, FeeWaiver(start + timedelta(days=30)), waive),
        ProposalTerms(start, LumpSum(start + timedelta(days=30), discount=Decimal("0.3"))),
        ProposalTerms(start, Deferral(6, MONTHS - 6, "accrue", Decimal("0.06")), waive),
        ProposalTerms(start, Custom(custom)),
    ]


def run_engine(loans: list[tuple[LoanTerms, list[Payment]]]) -> int:
    """All the engine work; returns how many figures (rows and days) it produced."""
    figures = 0
    for terms, paid in loans:
        rows = schedule(terms)
        figures += len(rows)
        owed = owed_on(terms, paid, TODAY, rows)
        for proposal in proposals(TODAY, owed.total):
            figures += len(plan_proposal(owed, proposal, terms.currency).installments)
        figures += len(projection(terms, paid, TODAY, TODAY + timedelta(days=364), rows))
    return figures


def run_baseline(count: int) -> Decimal:
    """``count`` plain Decimal multiplications (balance × rate), the floor of any money work."""
    balance = Decimal("12345.67")
    rate = Decimal("0.015")
    total = Decimal(0)
    for _ in range(count):
        total += balance * rate
    return total


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings: the least disturbed by whatever else the machine does."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    loans = make_loans()
    figures = run_engine(loans)
    engine = best_of(3, lambda: run_engine(loans))
    baseline = best_of(3, lambda: run_baseline(figures))
    print(f"loans: {LOANS}, proposals per loan: 6, months: {MONTHS}, projection days per loan: 365")
    print(f"figures produced (table rows + projection days): {figures}")
    print("best of 3 runs each")
    print(f"engine:   {engine * 1000:9.1f} ms  ({engine * 1000 / LOANS:.2f} ms per loan)")
    print(f"baseline: {baseline * 1000:9.1f} ms  ({figures} plain Decimal multiplications)")
    print(f"ratio engine / baseline: {engine / baseline:.0f}×")
    per_engine, per_base = engine / figures * 1e6, baseline / figures * 1e6
    print(f"per figure: {per_engine:.1f} µs engine, {per_base:.3f} µs baseline")


if __name__ == "__main__":
    main()
