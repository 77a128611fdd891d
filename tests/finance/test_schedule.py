"""Original schedules: each method, edge cases, due dates across month ends."""

from __future__ import annotations

import re
from datetime import date

import pytest

from ashore.domain.money import Rate
from ashore.finance import (
    Fee,
    FinanceError,
    LoanTerms,
    annuity_payment,
    borrowed_on,
    due_dates,
    schedule,
    schedule_csv_rows,
)

from .helpers import D


def table(terms: LoanTerms) -> list[tuple[str, str, str, str, str]]:
    return [
        (str(r.payment), str(r.principal), str(r.interest), str(r.fees), str(r.balance_after))
        for r in schedule(terms)
    ]


def test_zero_rate_equal_installment_last_takes_the_remainder() -> None:
    terms = LoanTerms(D("1000.00"), Rate(D("0")), "equal_installment", 3, date(2026, 1, 10))
    assert table(terms) == [
        ("333.33", "333.33", "0.00", "0.00", "666.67"),
        ("333.33", "333.33", "0.00", "0.00", "333.34"),
        ("333.34", "333.34", "0.00", "0.00", "0.00"),
    ]


def test_one_period() -> None:
    terms = LoanTerms(D("1000.00"), Rate(D("0.12")), "equal_installment", 1, date(2026, 1, 10))
    assert table(terms) == [("1010.00", "1000.00", "10.00", "0.00", "0.00")]
    assert annuity_payment(D("1000.00"), D("0.12"), 1, "CNY") == D("1010.00")


def test_equal_principal() -> None:
    terms = LoanTerms(D("1000.00"), Rate(D("0.12")), "equal_principal", 3, date(2026, 1, 10))
    assert table(terms) == [
        ("343.33", "333.33", "10.00", "0.00", "666.67"),
        ("340.00", "333.33", "6.67", "0.00", "333.34"),
        ("336.67", "333.34", "3.33", "0.00", "0.00"),
    ]


def test_interest_first() -> None:
    terms = LoanTerms(
        D("1000.00"), Rate(D("0.01"), "month"), "interest_first", 3, date(2026, 1, 10)
    )
    assert table(terms) == [
        ("10.00", "0.00", "10.00", "0.00", "1000.00"),
        ("10.00", "0.00", "10.00", "0.00", "1000.00"),
        ("1010.00", "1000.00", "10.00", "0.00", "0.00"),
    ]


def test_bullet_of_14_days_at_a_daily_rate() -> None:
    terms = LoanTerms(
        D("1234.56"), Rate(D("0.0005"), "day"), "bullet", 14, date(2026, 3, 15), term_unit="day"
    )
    # 1234.56 × 0.0005 × 14 = 8.64192
    assert table(terms) == [("1243.20", "1234.56", "8.64", "0.00", "0.00")]
    assert schedule(terms)[0].due == date(2026, 3, 15)
    assert borrowed_on(terms) == date(2026, 3, 1)


def test_fees_per_installment_and_once() -> None:
    fees = (Fee("service", D("20.00")), Fee("opening", D("50.00"), "once"))
    terms = LoanTerms(
        D("1000.00"), Rate(D("0")), "equal_principal", 2, date(2026, 1, 10), fees=fees
    )
    assert table(terms) == [
        ("570.00", "500.00", "0.00", "70.00", "500.00"),
        ("520.00", "500.00", "0.00", "20.00", "0.00"),
    ]


def test_due_on_the_31st_across_february_in_a_leap_year() -> None:
    assert due_dates(date(2028, 1, 31), 4) == [
        date(2028, 1, 31),
        date(2028, 2, 29),
        date(2028, 3, 31),
        date(2028, 4, 30),
    ]


def test_due_on_the_31st_across_february_in_a_common_year() -> None:
    terms = LoanTerms(D("1000.00"), Rate(D("0")), "equal_installment", 4, date(2027, 1, 31))
    assert [r.due for r in schedule(terms)] == [
        date(2027, 1, 31),
        date(2027, 2, 28),
        date(2027, 3, 31),
        date(2027, 4, 30),
    ]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"principal": D("0")}, "principal: must be more than zero"),
        ({"principal": D("10.005")}, "principal:"),
        ({"term_count": 0}, "term.count:"),
        ({"term_unit": "day"}, "term.unit: only a bullet loan"),
        ({"allocation": ("fees", "fees", "interest", "principal")}, "allocation:"),
    ],
)
def test_bad_terms_are_refused(kwargs: dict[str, object], message: str) -> None:
    base: dict[str, object] = {
        "principal": D("100.00"),
        "rate": Rate(D("0.1")),
        "method": "equal_installment",
        "term_count": 3,
        "first_due": date(2026, 1, 1),
    }
    base.update(kwargs)
    with pytest.raises(FinanceError, match="^" + re.escape(message)):
        LoanTerms(**base)  # type: ignore[arg-type]


def test_schedule_csv_rows() -> None:
    terms = LoanTerms(D("1000.00"), Rate(D("0")), "equal_installment", 3, date(2026, 1, 31))
    assert schedule_csv_rows(schedule(terms))[1] == [
        "2026-02-28",
        "333.33",
        "333.33",
        "0.00",
        "0.00",
        "333.34",
    ]


def test_the_due_dates_are_first_due_plus_k_calendar_months_as_relativedelta_counts_them() -> None:
    """Every first due day of four years (the 29th–31st, February of a leap year, December) and
    terms up to 10 years: the month arithmetic worked out directly is ``relativedelta``'s."""
    from datetime import timedelta

    from dateutil.relativedelta import relativedelta

    first = date(2026, 1, 1)
    while first < date(2030, 1, 1):
        expected = [first + relativedelta(months=k) for k in range(121)]
        assert due_dates(first, 121) == expected
        first += timedelta(days=1)
    assert due_dates(date(9999, 11, 30), 2) == [date(9999, 11, 30), date(9999, 12, 30)]
    with pytest.raises(ValueError, match="year"):
        date(9999, 12, 31) + relativedelta(months=1)  # as the library says, so do we
    with pytest.raises(ValueError, match="year"):
        due_dates(date(9999, 12, 31), 2)
