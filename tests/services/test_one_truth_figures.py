"""Issue 13, "one truth on every screen", the figures: what the dashboard's "to pay" line of a
loan in arrears adds up is the Overview's parts (``export summary``'s overdue + penalty + late
fees) and the calendar's "to pay today" of its overdue installments; the comparison's rule for a
yearly cost is the one every screen uses."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ashore.services import Ledger, plans
from ashore.services import calendars as cal
from ashore.services.views import comparison as comparison_view
from ashore.services.views import dashboard as dashboard_view

TODAY = date(2026, 11, 28)


def test_the_arrears_line_adds_up_the_overviews_parts(ledger: Ledger) -> None:
    loans = [ledger.loan(loan.id) for loan in ledger.loans()]
    board = dashboard_view.dashboard(loans, ledger.lenders(), TODAY, None)
    late = {u.loan_id: u for u in board.upcoming if u.status == "overdue"}
    months = cal.months_from(TODAY, 12)
    book = cal.collect(ledger, TODAY, months)
    assert set(late) == {"jb-2026-01", "jt360-2025-11", "jt360-bullet-0901"}
    for loan in loans:
        fig = plans.figures(loan, TODAY)
        line = late[loan.id]
        # the parts as the Overview and `export summary` name them
        assert line.penalty == fig.penalty
        assert line.late_fees == fig.late_fees
        assert line.due_unpaid == fig.overdue
        assert line.remaining == fig.overdue + fig.penalty + fig.late_fees
        # the calendar's "to pay today" of the same installments
        entries = [e for e in book.entries if e.loan_id == loan.id and e.status == "overdue"]
        assert len(entries) == line.count
        assert sum((e.to_pay for e in entries), Decimal(0)) == line.remaining
    # DOMAIN.md's worked example: 6,600.96 due and unpaid + 295.94 + 300.00
    worked = late["jb-2026-01"]
    assert (worked.due_unpaid, worked.penalty, worked.late_fees, worked.remaining) == (
        Decimal("6600.96"),
        Decimal("295.94"),
        Decimal("300.00"),
        Decimal("7196.90"),
    )


def test_the_calendar_loans_carry_the_summarys_owed_today(ledger: Ledger) -> None:
    book = cal.collect(ledger, TODAY, cal.months_from(TODAY, 12))
    for line in book.loans:
        fig = plans.figures(ledger.loan(line.loan_id), TODAY)
        assert (line.owed_today, line.left_to_pay) == (fig.owed_today, fig.left_to_pay_plan)
        # what is left after each month never exceeds what is left today, and only falls
        lefts = [amount for _month, amount in line.left_after]
        assert lefts == sorted(lefts, reverse=True)
        assert lefts[0] <= line.left_to_pay
    worked = next(line for line in book.loans if line.loan_id == "jb-2026-01")
    assert (worked.owed_today, worked.left_to_pay) == (Decimal("9348.71"), Decimal("9397.25"))
    # after November: everything due by then paid, December's and January's 1,100.16 + 1,100.19
    assert dict(worked.left_after)[(2026, 11)] == Decimal("2200.35")
    assert dict(worked.left_after)[(2027, 1)] == Decimal("0.00")


def test_the_arrears_are_due_now_in_the_original_schedule(ledger: Ledger) -> None:
    loan = ledger.loan("jb-2026-01")
    # 6,600.96 + 295.94 + 300.00: what the comparison's original schedule pays today
    assert comparison_view.due_now(loan, TODAY) == Decimal("7196.90")
    result, _order = comparison_view.comparison(loan, TODAY, None)
    assert result.original.monthly[0] == ((2026, 11), Decimal("7196.90"))
    assert result.original.largest_monthly == Decimal("7196.90")
