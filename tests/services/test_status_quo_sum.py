"""The dashboard's "if nothing is paid" total, added up in whole minor units over all loans
(services.views.status_quo), is the sum of each loan's ``status_quo_totals`` to the cent, for
every kind of loan: the sample's, each penalty base, grace, late fees, payments made in part,
acceleration, a charges cap and the contract's interest kept running (issue 15)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from ashore.domain.money import Rate
from ashore.domain.records import Loan, Payment
from ashore.services import Ledger
from ashore.services.views.chart import chart_horizon, status_quo_totals
from ashore.services.views.status_quo import loan_units, status_quo_lines

TODAY = date(2026, 11, 28)


def variants(loans: list[Loan]) -> list[Loan]:
    """The sample's loans and each with other overdue rules and payments."""
    out = list(loans)
    for k, loan in enumerate(loans):
        rules = loan.overdue
        out.append(
            replace(
                loan,
                id=f"{loan.id}-principal",
                overdue=replace(
                    rules,
                    penalty_base="overdue_principal",
                    penalty_rate=Rate(Decimal("0.00047"), "day"),
                ),
            )
        )
        out.append(
            replace(
                loan,
                id=f"{loan.id}-grace",
                overdue=replace(rules, grace_days=3 + k, late_fee=Decimal("33.33")),
                payments=[*loan.payments, Payment(loan.first_due, Decimal("0.01"))],
            )
        )
        out.append(
            replace(
                loan,
                id=f"{loan.id}-accelerates",
                overdue=replace(rules, accelerates_after_days=90),
                payments=[
                    *loan.payments,
                    Payment(loan.first_due + timedelta(days=40), Decimal("123.45")),
                ],
            )
        )
        out.append(
            replace(
                loan,
                id=f"{loan.id}-yearly",
                overdue=replace(rules, penalty_rate=Rate(Decimal("0.1825"), "year", 365)),
            )
        )
        out.append(
            replace(
                loan,
                id=f"{loan.id}-contract",
                overdue=replace(rules, contract_interest_continues=True),
            )
        )
    return out


@pytest.fixture
def loans(ledger: Ledger) -> list[Loan]:
    return variants(list(ledger.snapshot()))


def test_the_total_is_the_sum_of_each_loans_curve_to_the_cent(loans: list[Loan]) -> None:
    for end in (chart_horizon(TODAY, []), TODAY + timedelta(days=3 * 365)):
        each = {loan.id: status_quo_totals(loan, TODAY, end) for loan in loans}
        keep = [loan.id for loan in loans[::3]]
        sums, kept = status_quo_lines(loans, TODAY, end, keep=keep)
        assert sums == [sum(day, Decimal(0)) for day in zip(*each.values(), strict=True)]
        assert kept == {key: each[key] for key in keep}
        assert len(sums) == (end - TODAY).days + 1


def test_each_loans_units_are_its_totals_in_cents(loans: list[Loan]) -> None:
    end = chart_horizon(TODAY, [])
    worked = 0
    for loan in loans:
        units = loan_units(loan, TODAY, end)
        totals = status_quo_totals(loan, TODAY, end)
        if units is None:  # not straight lines (a cap, the contract's interest): the Decimal way
            continue
        worked += 1
        assert [Decimal(int(u)) / 100 for u in units] == totals
    assert worked >= len(loans) // 2  # the fast way is the usual way


def test_no_loans_owe_nothing_each_day() -> None:
    sums, kept = status_quo_lines([], TODAY, TODAY + timedelta(days=9))
    assert sums == [Decimal(0)] * 10
    assert kept == {}
