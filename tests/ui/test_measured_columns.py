"""The tables' columns measured once per change of their rows, reading each cell's text once and
asking the delegate of the widest few (ui.widgets.workspace.MeasuredTableView): the widths are
Qt's own, every cell asked, on the heavy generator's loans and the sample, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTableView

from ashore.app.context import Context
from ashore.exchange.read import read_book
from ashore.services import Ledger
from ashore.ui.loan.dashboard import Dashboard
from ashore.ui.widgets.workspace import MeasuredTableView


def qt_widths(view: QTableView) -> list[int]:
    return [QTableView.sizeHintForColumn(view, c) for c in range(view.model().columnCount())]


def widths(view: QTableView) -> list[int]:
    return [view.sizeHintForColumn(c) for c in range(view.model().columnCount())]


@pytest.mark.parametrize("heavy", [True, False])
def test_the_dashboards_columns_are_as_wide_as_qt_measures_them(
    qtbot, ledger: Ledger, ctx: Context, heavy_source: Path, lang: str, heavy: bool
) -> None:
    if heavy:
        ledger.import_book(read_book(heavy_source))
    else:
        ledger.load_sample()
    board = Dashboard(ledger, ctx, lang)
    qtbot.addWidget(board)
    board.resize(1000, 720)
    board.show()
    board.refresh()
    views = [board.upcoming_view, board.follow_view]
    assert all(isinstance(view, MeasuredTableView) for view in views)
    assert board.upcoming_model.rowCount() > (40 if heavy else 2)
    for view in views:
        assert widths(view) == qt_widths(view)
    # Fewer rows (the widest gone): measured again, not the widths kept from before.
    model = board.upcoming_model
    before = widths(board.upcoming_view)
    rows = [model.row_at(r) for r in range(model.rowCount())]
    widest = max(rows, key=lambda row: len(model.text(row, 1)))
    model.set_rows([row for row in rows if row.loan_name != widest.loan_name][:3])
    assert widths(board.upcoming_view) == qt_widths(board.upcoming_view)
    assert widths(board.upcoming_view) != before
    board.upcoming_view.setFont(QFont("Sans", 19))  # a font change: measured again
    assert widths(board.upcoming_view) == qt_widths(board.upcoming_view)
