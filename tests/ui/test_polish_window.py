"""The window as one product: the loan tabs' order and which one opens, the sidebar's "All loans"
row and stages, and the dashboard's "Needs attention" list (sample data, today 2026-11-28)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ashore.context import Context
from ashore.services import Ledger

from .helpers import click

JB = "jb-2026-01"


@pytest.fixture
def sample(ctx: Context) -> Iterator[Ledger]:
    ledger = Ledger.open(ctx.data)
    ledger.load_sample()
    yield ledger
    ledger.close()


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
    window.open_loan(JB)
    assert current_title(window) == "Overview"
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
    from ashore.services import guide
    from ashore.ui.sidebar import STAGE_ROLE

    window = make_window(sample)
    stages = guide.stages(sample, window.ctx.today)
    assert {key: stage.title for key, stage in stages.items()} == {
        "jb-2026-01": "Offer on the table",
        "jt360-2025-11": "Not started",
        "jt360-bullet-0901": "Preparing",
    }
    for loan_id, stage in stages.items():
        index = window.model.loan_index(loan_id)
        assert index.data(STAGE_ROLE) == stage.title
    loan_row = window.sidebar.visualRect(window.model.loan_index(JB))
    lender_row = window.sidebar.visualRect(window.model.lender_index(sample.loan(JB).lender))
    # two lines of text, not one squeezed into a one-line row
    assert loan_row.height() >= lender_row.height() + window.sidebar.fontMetrics().height() // 2
