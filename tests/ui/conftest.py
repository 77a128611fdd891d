"""Fixtures for the window tests: a Ledger on the test's own data dir, and a window over it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest

from ashore.context import Context
from ashore.records import LoanSummary
from ashore.services import Ledger


def _principal_summaries(self: Ledger, today: date) -> list[LoanSummary]:
    """Stand-in for ``Ledger.summaries`` until the services provide it: the stored values only."""
    names = {lender.id: lender.name for lender in self.lenders()}
    return [
        LoanSummary(
            loan_id=loan.id,
            lender_id=loan.lender,
            lender_name=names.get(loan.lender, loan.lender),
            loan_name=loan.name,
            currency=loan.currency,
            principal=loan.principal,
            owed_today=loan.principal,
            overdue_amount=loan.principal * 0,
            days_overdue=0,
            growth_per_day=loan.principal * 0,
            status="current",
        )
        for loan in self.loans()
    ]


@pytest.fixture(autouse=True)
def _summaries_available(monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(Ledger, "summaries"):
        monkeypatch.setattr(Ledger, "summaries", _principal_summaries, raising=False)


@pytest.fixture
def ledger(ctx: Context) -> Iterator[Ledger]:
    opened = Ledger.open(ctx.data)
    yield opened
    opened.close()


@pytest.fixture
def make_window(qtbot, ctx: Context) -> Iterator[Callable[[Ledger], object]]:
    """Build (and at the end close) main windows over a Ledger, as the app does at start."""
    from ashore.ui.app import open_settings
    from ashore.ui.main_window import MainWindow

    built: list[MainWindow] = []

    def make(ledger: Ledger) -> MainWindow:
        window = MainWindow(ledger, ctx, open_settings(ctx.data))
        qtbot.addWidget(window)
        window.show()
        window.load()
        built.append(window)
        return window

    yield make
    for window in built:
        window.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns that it cannot resize a shown top-level window to its size
    # hints; that says nothing about our code, every other Qt warning still fails a test.
    here = __file__.rsplit("/", 1)[0]
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))
