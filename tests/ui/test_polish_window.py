"""The window as one product: the loan tabs' order and which one opens, the sidebar's "All loans"
row and stages, and the dashboard's "Needs attention" list (sample data, today 2026-11-28)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from .helpers import click

JB = "jb-2026-01"


def titles(window) -> list[str]:
    tabs = window.loan_page.tabs
    return [tabs.tabText(i).replace("&", "") for i in range(tabs.count())]


def current_title(window) -> str:
    tabs = window.loan_page.tabs
    return tabs.tabText(tabs.currentIndex()).replace("&", "")


def test_loan_tabs_read_in_working_order(qtbot, sample, make_window) -> None:
    window = make_window(sample)
    assert titles(window) == ["Overview", "Proposals", "Payments", "Notes", "Guide", "Details"]
    window.open_loan(JB)
    # still the same order once the workspace tabs are built, and the hookups' indexes hold
    assert titles(window) == ["Overview", "Proposals", "Payments", "Notes", "Guide", "Details"]
    assert window.loan_page.tabs.tabText(window.notes_hookup.tab_index) == "Notes"
    assert window.loan_page.tabs.tabText(window.guide.tab_index) == "Guide"
    assert window.loan_page.tabs.widget(0).findChild(type(window.overview_tab)) is (
        window.overview_tab
    )


def test_a_loan_opens_on_overview_and_a_new_loan_on_details(qtbot, sample, make_window) -> None:
    window = make_window(sample)
    window.open_loan(JB)
    assert current_title(window) == "Overview"
    click(qtbot, window.new_loan_button)
    assert current_title(window) == "Details"
    assert window.loan_page.tabs.currentWidget() is window.form
    # an unsaved loan has nothing to show on the other tabs (they would show the last loan's)
    tabs = window.loan_page.tabs
    assert [tabs.isTabEnabled(i) for i in range(tabs.count())] == [False] * 5 + [True]
    window.open_loan(JB)
    assert current_title(window) == "Overview"
    assert all(tabs.isTabEnabled(i) for i in range(tabs.count()))
    # the tab chosen on a loan is kept for the next loan in this session
    window.loan_page.tabs.setCurrentIndex(window.loan_page.tab_index("Payments"))
    other = next(loan.id for loan in sample.loans() if loan.id != JB)
    window.open_loan(other)
    assert current_title(window) == "Payments"
    window.new_loan()
    window.open_loan(JB)
    assert current_title(window) == "Payments"


def test_all_loans_row_shows_the_total_and_opens_the_dashboard(qtbot, sample, make_window) -> None:
    from decimal import Decimal

    window = make_window(sample)
    summaries = sample.summaries(window.ctx.today)
    total = sum((summary.owed_today for summary in summaries), Decimal(0))
    assert total == Decimal("32853.07")
    assert window.all_loans.label.text() == "All loans"
    assert window.all_loans.total.text() == "32,853.07 CNY"
    window.open_loan(JB)
    assert not window.all_loans.isChecked()
    click(qtbot, window.all_loans)
    assert window.pages.currentWidget() is window.nothing
    assert window.showing == ("none", "")
    assert window.all_loans.isChecked()
    assert not window.sidebar.selectionModel().hasSelection()
    window.open_loan(JB)
    assert not window.all_loans.isChecked()


def test_each_loan_shows_its_negotiation_stage_on_a_second_line(qtbot, sample, make_window) -> None:
    from ashore.services.guide import stage as guide_stage
    from ashore.ui.loan.sidebar import SidebarRole

    window = make_window(sample)
    stages = guide_stage.stages(sample, window.ctx.today)
    assert {key: stage.title for key, stage in stages.items()} == {
        "jb-2026-01": "Offer on the table",
        "jt360-2025-11": "No negotiation yet",
        "jt360-bullet-0901": "Preparing",
    }
    for loan_id, stage in stages.items():
        index = window.model.loan_index(loan_id)
        assert index.data(SidebarRole.STAGE) == stage.title
    loan_row = window.sidebar.visualRect(window.model.loan_index(JB))
    lender_row = window.sidebar.visualRect(window.model.lender_index(sample.loan(JB).lender))
    # two lines of text, not one squeezed into a one-line row
    assert loan_row.height() >= lender_row.height() + window.sidebar.fontMetrics().height() // 2


def test_needs_attention_most_urgent_first_and_a_click_opens_the_loan(
    qtbot, sample, make_window
) -> None:
    from datetime import date

    from ashore.services.guide import warnings as guide_warnings
    from ashore.services.views import dashboard as dashboard_view
    from ashore.ui.loan.dashboard import needs_attention

    window = make_window(sample)
    window.show_dashboard()
    board = window.dashboard
    expected = guide_warnings.warnings(sample, window.ctx.today)
    # every overdue loan first (all three of the sample are), then the guide's warnings
    overdue = [s for s in sample.summaries(window.ctx.today) if s.status == "overdue"]
    assert len(overdue) == 3
    assert [item.kind for item in board.items] == ["overdue"] * 3 + ["follow_up"]
    assert {item.loan_id for item in board.items[:3]} == {s.loan_id for s in overdue}
    # the guide's English, its dates in the window's style
    assert [item.text for item in board.items[3:]] == [
        w.text.replace("2026-11-27", "Nov 27, 2026") for w in expected
    ]
    assert board.attention.count() == 3 + len(expected) == 4
    assert board.attention.item(0).text().startswith("Overdue · ")
    oldest = min(overdue, key=lambda s: -s.days_overdue)
    assert f"({oldest.days_overdue} days)" in board.attention.item(0).text()
    assert board.attention.item(3).text().startswith("Follow up · 借呗 January: the follow-up")
    # the order of kinds: missed agreements, overdue loans, due soon, follow-ups, budget, credit
    fake = [
        guide_warnings.Warning("info", "c", "credit", "credit_check", date(2026, 11, 1)),
        guide_warnings.Warning("warning", "b", "budget", "budget"),
        guide_warnings.Warning("warning", "f", "follow", "follow_up", date(2026, 11, 20)),
        guide_warnings.Warning("urgent", "d", "due", "due_soon", date(2026, 11, 30)),
    ]
    late = dashboard_view.UpcomingPayment(
        "m", "M", "L", date(2026, 10, 1), Decimal("5"), "overdue", "agreement"
    )
    original = dashboard_view.UpcomingPayment(
        "o", "O", "L", date(2026, 9, 1), Decimal("5"), "overdue", "loan"
    )
    ordered = needs_attention([original, late], fake, date(2026, 11, 28))
    assert [item.kind for item in ordered] == [
        "missed",
        "overdue",
        "due_soon",
        "follow_up",
        "budget",
        "credit_check",
    ]
    assert [item.loan_id for item in ordered] == ["m", "o", "d", "f", "b", "c"]
    # a click on a line opens its loan
    rect = board.attention.visualItemRect(board.attention.item(0))
    qtbot.mouseClick(board.attention.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.showing == ("loan", board.items[0].loan_id)


def test_the_tables_show_every_column_at_1280_by_800(qtbot, sample, make_window) -> None:
    window = make_window(sample)
    window.resize(1280, 800)
    window.show_dashboard()
    qtbot.wait(20)
    view = window.dashboard.upcoming_view
    model = view.model()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Due",
        "Loan",
        "Lender",
        "Amount",
        "Status",
    ]
    assert all(not view.isColumnHidden(c) for c in range(5))
    assert not view.horizontalScrollBar().isVisible()
    needed = [view.sizeHintForColumn(c) for c in range(5)]
    shown = [view.columnWidth(c) for c in range(5)]
    assert all(s >= n for s, n in zip(shown, needed, strict=True)), (shown, needed)
    assert sum(shown) <= view.viewport().width()
    align = model.index(0, 3).data(Qt.ItemDataRole.TextAlignmentRole)
    assert int(align) & int(Qt.AlignmentFlag.AlignRight)
    # "Needs attention" beside the table, the chart across the width below both (its legend and
    # months need the width)
    board = window.dashboard
    attention = board.attention.parentWidget()
    assert attention.y() == board.lists.y()
    assert attention.x() < board.lists.x()
    assert board.chart.y() > board.lists.y() + board.lists.height() - 1
    assert board.chart.width() >= attention.width() + board.lists.width()


def columns_fit(view) -> bool:
    """Every column at least as wide as its contents and header, all inside the viewport."""
    header = view.horizontalHeader()
    count = view.model().columnCount()
    widths = [view.columnWidth(c) for c in range(count)]
    needed = [max(view.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(count)]
    return (
        all(w >= n - 1 for w, n in zip(widths, needed, strict=True))
        and sum(widths) <= view.viewport().width()
        and not view.horizontalScrollBar().isVisible()
    )


def test_payments_tab_layout_at_1280_by_800(qtbot, sample, make_window) -> None:
    window = make_window(sample)
    window.resize(1280, 800)
    window.open_loan("jt360-2025-11")
    window.loan_page.tabs.setCurrentIndex(window.loan_page.tab_index("Payments"))
    qtbot.wait(20)
    tab = window.payments_tab
    entries = tab.entries_view
    assert entries.model().rowCount() == 7
    assert columns_fit(entries)
    assert entries.viewport().height() >= 10 * entries.rowHeight(0)
    # the two forms side by side under the installments, their lists under them, each the
    # whole width (sixth walk's 2: beside the payments the claims' Source read "App …")
    record = tab.record_button.parentWidget()
    claims = tab.claims
    assert record.y() == claims.y()
    assert record.x() < claims.x()
    assert record.y() > entries.parentWidget().y()
    made = tab.payments_view.parentWidget()
    assert made.x() == record.x()
    assert made.y() > record.y()
    assert claims.list_box.x() == made.x()
    assert claims.list_box.width() == made.width()
    assert claims.list_box.y() > made.y()
    assert columns_fit(tab.payments_view)
    assert columns_fit(tab.claims.view)


def test_proposals_tab_columns_fit_and_only_the_name_stretches(qtbot, sample, make_window) -> None:
    from PySide6.QtWidgets import QHeaderView

    from ashore.ui.proposals.models import ProposalListModel

    window = make_window(sample)
    window.resize(1280, 800)
    window.open_loan(JB)
    window.loan_page.tabs.setCurrentIndex(window.loan_page.tab_index("Proposals"))
    qtbot.wait(20)
    tab = window.proposals_tab
    header = tab.list_view.horizontalHeader()
    stretched = [
        c
        for c in range(tab.list_model.columnCount())
        if header.sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch
    ]
    assert stretched == [ProposalListModel.Column.NAME]
    assert not header.stretchLastSection()
    assert tab.list_model.rowCount() >= 1
    assert columns_fit(tab.list_view)
    assert columns_fit(tab.table_view)
    # the installments share the width: no column is more than twice another
    widths = [tab.table_view.columnWidth(c) for c in range(tab.table_model.columnCount())]
    assert max(widths) <= 2 * min(widths), widths


def test_all_loans_row_waits_for_a_first_loan(qtbot, ledger, make_window) -> None:
    window = make_window(ledger)
    assert window.pages.currentWidget() is window.welcome
    assert window.all_loans.isHidden()
    window.edits.load_sample()
    assert not window.all_loans.isHidden()
    assert window.all_loans.total.text() == "32,853.07 CNY"
