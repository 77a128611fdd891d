"""The "if nothing more is paid" curve and growth."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ashore.finance import (
    PROJECTION_CSV_HEADER,
    FinanceError,
    Payment,
    growth,
    owed_on,
    projection,
    projection_csv_rows,
)

from .helpers import D, worked_payments, worked_terms


def test_projection_rows_match_a_fresh_replay_every_day() -> None:
    terms, payments = worked_terms(), worked_payments()
    rows = projection(terms, payments, date(2026, 11, 28), date(2027, 11, 28))
    assert len(rows) == 366
    assert rows[0].total == D("9348.71")
    assert rows[17].as_of == date(2026, 12, 15)
    assert rows[17].total == D("9437.09")
    for row in rows[::7]:
        assert row == owed_on(terms, payments, row.as_of)
    for row in rows:
        assert row.total == row.overdue + row.due + row.penalty + row.late_fees + row.not_yet_due
    # After the last due date only penalties grow: all 8 installments overdue.
    last = rows[-1]
    assert last.overdue == D("8801.31")
    assert last.penalty == D("1866.43")
    assert last.late_fees == D("400.00")
    assert last.total == D("11067.74")


def test_projection_ignores_payments_after_its_start() -> None:
    terms = worked_terms()
    later = [*worked_payments(), Payment(date(2026, 12, 1), D("5000.00"))]
    rows = projection(terms, later, date(2026, 11, 28), date(2026, 12, 2))
    assert rows[-1] == owed_on(terms, worked_payments(), date(2026, 12, 2))


def test_projection_csv_rows_add_up() -> None:
    rows = projection(worked_terms(), worked_payments(), date(2026, 11, 28), date(2026, 11, 29))
    assert PROJECTION_CSV_HEADER == (
        "date",
        "owed",
        "overdue",
        "penalty",
        "late_fees",
        "not_yet_due",
    )
    assert projection_csv_rows(rows) == [
        ["2026-11-28", "9348.71", "6600.96", "295.94", "300.00", "2151.81"],
        ["2026-11-29", "9352.01", "6600.96", "299.24", "300.00", "2151.81"],
    ]


def test_growth_per_day_and_per_month() -> None:
    g = growth(worked_terms(), worked_payments(), date(2026, 11, 28))
    assert g.owed == D("9348.71")
    # Six penalties each grow by 0.55008 a day: 295.94 → 299.24.
    assert g.per_day == D("3.30")
    # 2026-12-28: the 12-15 installment is overdue too (7701.12), penalties 402.11, late fees
    # 350.00, principal not yet due 1083.93: 9537.16.
    assert g.per_month == D("188.45")


def test_projection_range_is_checked() -> None:
    with pytest.raises(FinanceError, match=r"^until:"):
        projection(worked_terms(), [], date(2026, 2, 1), date(2026, 1, 1))
    with pytest.raises(FinanceError, match=r"^until:"):
        projection(worked_terms(), [], date(2026, 1, 1), date(2026, 1, 1) + timedelta(days=40000))
