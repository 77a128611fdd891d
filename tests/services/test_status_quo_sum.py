"""The dashboard's "if nothing is paid" total, added up in whole minor units over all loans
(services.views.status_quo), is the sum of each loan's ``status_quo_totals`` to the cent, for
every kind of loan: the sample's, each penalty base, grace, late fees, payments made in part,
acceleration, a charges cap and the contract's interest kept running (issue 15)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from ashore import finance
from ashore.app.paths import DataDir
from ashore.domain.money import Rate
from ashore.domain.records import Loan, Payment
from ashore.exchange.read import read_book
from ashore.services import Ledger, plans
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


def _runs_equal_segments(loans: list[Loan], end: date) -> int:
    """Each loan's units read from ``finance.status_quo_runs`` equal those read from its
    segments (the way before it), day by day; how many loans the runs said themselves."""
    told = 0
    for loan in loans:
        terms, payments = plans.loan_terms(loan), plans.loan_payments(loan)
        if finance.status_quo_runs(terms, payments, TODAY, end) is not None:
            told += 1
        fast = loan_units(loan, TODAY, end)
        old = loan_units(loan, TODAY, end, by_segments=True)
        assert (fast is None) == (old is None), loan.id
        if fast is not None and old is not None:
            assert fast.tolist() == old.tolist(), loan.id
    return told


def test_the_runs_say_what_the_segments_say_to_the_cent(loans: list[Loan]) -> None:
    for end in (chart_horizon(TODAY, []), TODAY + timedelta(days=3 * 365)):
        told = _runs_equal_segments(loans, end)
        # All but the loans whose charges are not straight lines (a cap, the contract's interest)
        assert told == len([x for x in loans if not x.id.endswith("-contract")])


def test_the_runs_say_what_the_segments_say_on_the_heavy_book(
    tmp_path: Path, heavy_source: Path
) -> None:
    heavy = Ledger.open(DataDir(tmp_path / "heavy"))
    try:
        heavy.import_book(read_book(heavy_source))
        loans = list(heavy.snapshot())
        assert len(loans) == 60
        end = chart_horizon(TODAY, [])
        assert _runs_equal_segments(loans, end) == len(loans)
        sums, _ = status_quo_lines(loans, TODAY, end)
        each = [status_quo_totals(loan, TODAY, end) for loan in loans]
        assert sums == [sum(day, Decimal(0)) for day in zip(*each, strict=True)]
    finally:
        heavy.close()


def test_the_memo_works_out_again_only_the_loan_a_write_touched(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dashboard keeping a ``UnitsMemo`` gets the same lines as one without, and after a
    payment on one loan only that loan's line is worked out again (the others' records are the
    snapshot's same objects); a loan gone from the book is forgotten."""
    from ashore.services.payments import Payments
    from ashore.services.views import status_quo

    worked: list[str] = []
    real = status_quo.loan_units

    def counted(loan: Loan, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        worked.append(loan.id)
        return real(loan, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(status_quo, "loan_units", counted)
    memo = status_quo.UnitsMemo()
    end = chart_horizon(TODAY, [])
    first = list(ledger.snapshot())
    ids = [loan.id for loan in first]
    assert len(ids) >= 2
    kept = status_quo_lines(first, TODAY, end, keep=ids, memo=memo)
    assert sorted(worked) == sorted(ids)
    assert kept == status_quo_lines(first, TODAY, end, keep=ids)
    worked.clear()
    assert status_quo_lines(first, TODAY, end, keep=ids, memo=memo) == kept
    assert worked == []  # nothing changed: nothing worked out

    paid = ids[0]
    Payments(ledger).add_payment(paid, Payment(date=TODAY, amount=Decimal("300.00")))
    after = list(ledger.snapshot())
    assert [a is b for a, b in zip(first, after, strict=True)].count(False) == 1
    worked.clear()
    again = status_quo_lines(after, TODAY, end, keep=ids, memo=memo)
    assert worked == [paid]
    assert again == status_quo_lines(after, TODAY, end, keep=ids)
    assert again[1][paid] != kept[1][paid]  # the payment shows
    assert again[1][ids[1]] == kept[1][ids[1]]

    worked.clear()
    status_quo_lines(after, TODAY + timedelta(days=1), end, memo=memo)
    assert sorted(worked) == sorted(ids)  # another day: every line again
    status_quo_lines(after[1:], TODAY + timedelta(days=1), end, memo=memo)
    assert paid not in memo._kept
