"""The heavy user's loans (the benchmarks' generator, benchmarks/heavy_data.py) worked out the fast
way are, to the cent, what the slower independent ways give (issue 15): the "if nothing is paid"
curve added up from penalty lines carried over many segments at once against each loan's curve
worked out day by day, and each standing's calendar entries and growth, from the one replay of
the ledger that says its state, against the calendar and the growth replaying it themselves."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from ashore import finance
from ashore.app.paths import DataDir
from ashore.domain.records import Loan
from ashore.exchange.read import read_book
from ashore.services import Ledger, plans
from ashore.services.views import dashboard as dashboard_view
from ashore.services.views import status_quo
from ashore.services.views.chart import chart_horizon, status_quo_totals

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def heavy(tmp_path_factory: pytest.TempPathFactory, heavy_source: Path) -> Iterator[Ledger]:
    opened = Ledger.open(DataDir(tmp_path_factory.mktemp("heavy-data") / "data"))
    opened.import_book(read_book(heavy_source))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def loans(heavy: Ledger) -> list[Loan]:
    return list(heavy.snapshot())


def test_each_heavy_loans_curve_is_its_day_by_day_curve_in_cents(loans: list[Loan]) -> None:
    end = chart_horizon(TODAY, [])
    lines = runs_seen = 0  # the segments' lines, and the runs they were carried on in
    for loan in loans:
        units = status_quo.loan_units(loan, TODAY, end)
        assert units is not None  # the generator's loans are all straight lines
        assert [Decimal(int(u)) / 100 for u in units] == status_quo_totals(loan, TODAY, end)
        terms, payments = plans.loan_terms(loan), plans.loan_payments(loan)
        segments = finance.status_quo_segments(terms, payments, TODAY, end)
        assert segments is not None
        found = status_quo._runs(segments, Decimal("0.01"))
        assert found is not None
        lines += sum(len(segment.lines) for segment in segments)
        runs_seen += len(found[0])
    assert runs_seen * 5 < lines  # most lines go on over many segments: worked out once each


def test_the_penalty_runs_add_up_on_their_own_days_only() -> None:
    """Runs that start and end inside the days (first day's index, days, value, step, divisor,
    paid), against the formula day by day."""
    runs = [(0, 10, 7, 3, 4, 1), (3, 4, -20, 9, 2, 0), (9, 1, 5, 0, 1, 2), (6, 4, 1, 1, 1, 5)]
    expected = [0] * 10
    for first, days, value, step, twice, paid in runs:
        for t in range(days):
            expected[first + t] += max((value + step * t) // twice - paid, 0)
    assert status_quo._penalties(runs, 10).tolist() == expected


def test_a_heavy_loans_curve_is_what_the_ledger_says_day_by_day(loans: list[Loan]) -> None:
    """The independent way: the ledger moved a day at a time (``finance.projection``)."""
    end = TODAY + timedelta(days=200)
    for loan in loans[::6]:
        terms, payments = plans.loan_terms(loan), plans.loan_payments(loan)
        units = status_quo.loan_units(loan, TODAY, end)
        assert units is not None
        days = finance.projection(terms, payments, TODAY, end)
        assert [Decimal(int(u)) / 100 for u in units] == [owed.total for owed in days]


def test_the_dashboards_curve_is_the_sum_of_the_heavy_loans_curves(heavy: Ledger) -> None:
    figures = heavy.figures(TODAY)
    loans = [found.loan for found in figures]
    worked = {found.loan.id: found.standing for found in figures}
    summaries = [found.summary for found in figures]
    data = dashboard_view.dashboard(
        loans, heavy.lenders(), TODAY, None, summaries=summaries, standings=worked
    )
    line = next(line for line in data.chart.lines if line.key == "status_quo")
    end = line.points[-1][0]
    each = [status_quo_totals(found.loan, TODAY, end) for found in figures]
    totals = [sum(day, Decimal(0)) for day in zip(*each, strict=True)]
    assert [amount for _day, amount in line.points] == totals


def standings_checked(loans: list[Loan]) -> int:
    """Each loan's standing against the independent ways; how many were under an agreement."""
    agreed = 0
    for loan in loans:
        st = plans.standing(loan, TODAY)
        found = plans.agreement(loan)
        cal = finance.CalendarLoan(
            loan_id=loan.id,
            name=loan.name,
            terms=plans.loan_terms(loan),
            payments=plans.loan_payments(loan),
            agreement=found[1] if found else None,
        )
        assert st.entries == tuple(finance.loan_calendar_entries(cal, TODAY))
        assert st.state == finance.loan_state(cal.terms, cal.payments, TODAY)
        in_force = found is not None and found[0].start <= TODAY
        grown = None if in_force else finance.growth(cal.terms, cal.payments, TODAY)
        assert st.growth == grown
        agreed += in_force
    return agreed


def test_each_heavy_standings_entries_are_the_calendars_own(loans: list[Loan]) -> None:
    """And its state and growth those of their own replays of the ledger."""
    assert standings_checked(loans) < len(loans)


def test_the_samples_standings_are_the_calendars_own_under_an_agreement_too(
    ledger: Ledger,
) -> None:
    loans = list(ledger.snapshot())
    # each proposal accepted, one started before today, one after (the originals read then)
    starts = [TODAY - timedelta(days=40), TODAY + timedelta(days=3)]
    offered = [loan for loan in loans if loan.proposals]
    agreed = [
        replace(loan, proposals=[replace(loan.proposals[0], status="accepted", start=start)])
        for loan, start in zip(offered, starts, strict=False)
    ]
    assert len(agreed) == 2
    assert standings_checked([*loans, *agreed]) == 1
