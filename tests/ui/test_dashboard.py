"""The dashboard: totals of all loans, the next 30 days, the monthly budget set in place, the chart
of the status quo against the agreements, and how the window shows it (no loan selected, Ctrl+D)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ashore.domain.dates import date_text
from ashore.services.proposals import Proposals
from ashore.ui.loan.dashboard import FollowUpModel, UpcomingModel

from .helpers import click, type_into

TODAY = date(2026, 11, 28)


def test_totals_and_the_next_thirty_days(qtbot, board, sample) -> None:
    summaries = sample.summaries(TODAY)
    total = sum((s.owed_today for s in summaries), Decimal(0))
    per_day = sum((s.growth_per_day for s in summaries), Decimal(0))
    assert board.total.text() == f"{total:,} CNY"
    assert board.growth.text() == f"Grows by {per_day:,} a day while nothing is paid."
    model = board.upcoming_model
    rows = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert ["Dec 15, 2026", "借呗 January", "借呗 Jiebei", "1,100.16", "Due"] in rows
    # Arrears are one line per loan: the accelerated 24-month loan is all overdue now.
    late = [row for row in rows if row[1] == "360借条 24 months"]
    # labelled: the Due column says "since" the oldest, the status how many are overdue
    # ... and that the amount is what clears them today, charges included (issue 13)
    assert late == [
        [
            "since Mar 10, 2026",
            "360借条 24 months",
            "360借条 Jietiao",
            "20,197.16",
            "4 overdue + charges",
        ]
    ]
    # the order and the window are the dates' (the text reads "Dec 15, 2026")
    due = [model.index(r, 0).data(model.SORT_ROLE) for r in range(model.rowCount())]
    assert all(
        "overdue" in row[4].lower()
        or date(2026, 11, 28).toordinal() <= day <= date(2026, 12, 28).toordinal()
        for row, day in zip(rows, due, strict=True)
    )
    assert due == sorted(due)
    assert len(rows) == 4  # three loans in arrears, one installment due in the next 30 days
    qtbot.waitUntil(lambda: "status_quo" in board.chart._exact, timeout=2000)
    assert board.chart.line_data("status_quo")[0, 1] == float(total)


def test_the_budget_is_set_here(qtbot, board, sample) -> None:
    assert board.budget_line.text() == "Set a budget to see which months are too heavy."
    type_into(qtbot, board.budget, "1,500")
    click(qtbot, board.save_budget)
    assert sample.monthly_budget() == Decimal("1500.00")
    assert board.budget.text() == "1500.00"
    this_month = board.data.this_month if board.data else Decimal(0)
    if this_month > Decimal("1500"):
        assert board.budget_line.text() == (
            f"{this_month - Decimal('1500.00'):,} over the budget of 1,500.00."
        )
    else:
        assert board.budget_line.text() == "Within the budget of 1,500.00."
    type_into(qtbot, board.budget, "-3")
    click(qtbot, board.save_budget)
    assert board.budget_error.text() != ""
    assert sample.monthly_budget() == Decimal("1500.00")
    type_into(qtbot, board.budget, "")
    click(qtbot, board.save_budget)
    assert sample.monthly_budget() is None


def test_the_agreements_line_appears_once_one_is_accepted(qtbot, board, sample) -> None:
    Proposals(sample).change_status("jb-2026-01", "p1", "accepted")
    board.refresh()
    qtbot.waitUntil(lambda: "agreements" in board.chart._exact, timeout=2000)
    agreed = board.chart.line_data("agreements")
    quo = board.chart.line_data("status_quo")
    assert agreed.shape == quo.shape
    assert agreed[-1, 1] < quo[-1, 1]


def test_follow_ups_from_call_notes(board, sample) -> None:
    from ashore.services.notes import follow_ups

    expected = follow_ups(sample, TODAY)
    model = board.follow_model
    assert model.rowCount() == len(expected) > 0
    first = expected[0]
    assert model.index(0, FollowUpModel.Column.DUE).data() == (
        f"{date_text(first.due, 'en')}{' (late)' if first.overdue else ''}"
    )
    assert model.index(0, FollowUpModel.Column.LOAN).data() == "借呗 January"


def test_models_pass_the_model_tester(qtmodeltester, board) -> None:
    for model in (board.upcoming_model, board.follow_model):
        qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(UpcomingModel("CNY", "en"), force_py=True)


def test_the_window_shows_the_dashboard_when_no_loan_is_open(qtbot, sample, make_window) -> None:
    window = make_window(sample)
    window.open_loan("jb-2026-01")
    window.dashboard_action.trigger()
    assert window.pages.currentWidget() is window.nothing
    assert window.dashboard.isVisible()
    total = sum((s.owed_today for s in sample.summaries(TODAY)), Decimal(0))
    assert window.dashboard.total.text() == f"{total:,} CNY"
    assert window.dashboard_action.shortcut().toString() == "Ctrl+D"
    window.dashboard.openLoan.emit("jt360-2025-11")
    assert window.showing == ("loan", "jt360-2025-11")


def test_the_subtitle_counts_one_loan_in_the_singular(qtbot, board, sample) -> None:
    assert board.subtitle.text() == "3 loans · today Nov 28, 2026"
    for loan_id in ("jt360-bullet-0901", "jt360-2025-11"):
        sample.delete_loan(loan_id)
    board.refresh()
    assert board.subtitle.text() == "1 loan · today Nov 28, 2026"


def test_filling_the_window_builds_the_dashboard_and_no_loan_tab(
    qtbot, sample, make_window
) -> None:
    """Issue 15: the filled window (sidebar + dashboard) builds no Overview/Proposals/Payments
    tab; they come when a loan is first opened, and the dashboard stays built."""
    window = make_window(sample)
    qtbot.waitUntil(lambda: getattr(window, "dashboard_built", False))
    assert window.dashboard.isVisible()
    assert not getattr(window, "workspace_built", False)
    assert not hasattr(window, "overview_tab")
    window.open_loan("jb-2026-01")
    assert window.workspace_built
    assert window.overview_tab.isVisibleTo(window.loan_page)
    window.dashboard_action.trigger()
    assert window.dashboard.isVisible()


def test_the_upcoming_table_says_each_refreshs_own_rows(qtbot, board, sample) -> None:
    """Each cell's text is kept per row until the rows change: new rows say their own amounts,
    not the kept ones, and a refresh measures the columns again."""
    from dataclasses import replace

    model = board.upcoming_model
    column = UpcomingModel.Column

    def amounts() -> list[str]:
        return [model.index(r, column.AMOUNT).data() for r in range(model.rowCount())]

    rows = list(board.data.upcoming)
    before = amounts()
    assert "1,100.16" in before
    changed = [replace(row, remaining=row.remaining + Decimal("1000")) for row in rows]
    model.set_rows(changed)
    assert amounts() == [f"{row.remaining:,}" for row in changed]
    assert amounts() != before
    measured = board._measured
    assert measured is not None
    board.refresh()
    assert amounts() == before
    assert board._measured is not None
    assert board._measured[0] != measured[0]


def test_all_loans_again_shows_the_figures_read_until_something_is_written(
    qtbot, board, sample, monkeypatch
) -> None:
    """Coming back to "All loans" with nothing written since shows the figures already there
    (not worked out and laid out again); a payment, or another day, works them out again."""
    from ashore.app.context import Context
    from ashore.domain.records import Payment
    from ashore.services.payments import Payments
    from ashore.services.views import dashboard as dashboard_view

    worked: list[int] = []
    real = dashboard_view.dashboard

    def counted(*args, **kwargs):
        worked.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(dashboard_view, "dashboard", counted)
    before = board.total.text()
    type_into(qtbot, board.budget, "999")  # typed, never set
    board.refresh_if_changed()
    assert worked == []
    assert board.total.text() == before
    assert board.budget.text() == ""  # back to the budget kept (none), as a refresh shows it

    loan_id = "jb-2026-01"
    Payments(sample).add_payment(loan_id, Payment(date=board.ctx.today, amount=Decimal("500.00")))
    board.refresh_if_changed()
    assert worked == [1]
    paid = board.total.text()
    assert paid != before
    board.refresh_if_changed()
    assert worked == [1]

    board.ctx = Context(
        data=board.ctx.data, today=date.fromordinal(board.ctx.today.toordinal() + 40)
    )
    board.refresh_if_changed()
    assert worked == [1, 1]
    assert board.total.text() != paid  # forty days more of interest and penalty
