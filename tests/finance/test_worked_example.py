"""DOMAIN.md's worked example, every figure."""

from __future__ import annotations

from datetime import date

from ashore.finance import loan_state, owed_on, schedule

from .helpers import D, worked_payments, worked_terms


def test_schedule_figures() -> None:
    rows = schedule(worked_terms())
    assert len(rows) == 12
    assert [r.payment for r in rows[:11]] == [D("1100.16")] * 11
    first = rows[0]
    assert (first.due, first.interest, first.principal) == (
        date(2026, 2, 15),
        D("180.00"),
        D("920.16"),
    )
    assert first.balance_after == D("11079.84")
    last = rows[-1]
    assert last.due == date(2027, 1, 15)
    assert (last.payment, last.principal, last.interest) == (D("1100.19"), D("1083.93"), D("16.26"))
    assert last.balance_after == D("0.00")
    assert sum(r.principal for r in rows) == D("12000.00")


def test_state_on_2026_11_28() -> None:
    state = loan_state(worked_terms(), worked_payments(), date(2026, 11, 28))
    statuses = [s.status for s in state.installments]
    assert statuses == ["paid"] * 4 + ["overdue"] * 6 + ["due"] * 2
    overdue = [s for s in state.installments if s.status == "overdue"]
    assert sum(s.unpaid_principal + s.unpaid_interest for s in overdue) == D("6600.96")
    assert [s.penalty for s in overdue] == [
        D("91.31"),
        D("74.81"),
        D("57.76"),
        D("40.71"),
        D("24.20"),
        D("7.15"),
    ]
    assert [s.late_fee for s in overdue] == [D("50.00")] * 6
    assert [s.days_overdue for s in overdue] == [166, 136, 105, 74, 44, 13]
    assert state.overdue_count == 6
    assert state.days_overdue == 166
    assert state.surplus == D("0.00")
    assert state.paid_total == D("4400.64")
    upcoming = state.next_installment
    assert upcoming is not None
    assert (upcoming.number, upcoming.due, upcoming.owed) == (11, date(2026, 12, 15), D("1100.16"))

    owed = state.owed
    assert owed.overdue == D("6600.96")
    assert owed.due == D("0.00")
    assert owed.penalty == D("295.94")
    assert owed.late_fees == D("300.00")
    assert owed.not_yet_due == D("2151.81")
    assert owed.total == D("9348.71")
    # The unpaid interest inside the six overdue installments (what an interest waiver uses).
    assert owed.interest == D("517.05")
    assert owed_on(worked_terms(), worked_payments(), date(2026, 11, 28)) == owed
