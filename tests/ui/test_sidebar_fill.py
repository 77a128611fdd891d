"""The sidebar's first fill on the heavy generator's loans lays the tree out once: each status badge
and each owed figure is measured for its column once, not once per layout (the expansion, the
columns' fit, the guide's stages and the window's reload each laid every row out again), and the
columns are as wide as Qt itself measures them, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTreeView

from ashore.exchange.read import read_book
from ashore.services import Ledger
from ashore.ui.loan.sidebar import BadgeDelegate, SidebarColumn, SidebarModel, SidebarRole
from ashore.ui.loan.sidebar_view import SidebarView


def rows(model: SidebarModel) -> int:
    return model.rowCount() + model.loan_count()


def qt_widths(view: QTreeView) -> list[int]:
    return [QTreeView.sizeHintForColumn(view, c) for c in range(view.model().columnCount())]


def widths(view: QTreeView) -> list[int]:
    return [view.sizeHintForColumn(c) for c in range(view.model().columnCount())]


def test_the_heavy_first_fill_measures_each_row_once(
    qtbot, make_window, ledger: Ledger, heavy_source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger.import_book(read_book(heavy_source))
    asked: list[str] = []
    badge_hint = BadgeDelegate.sizeHint
    model_data = SidebarModel.data

    def counted_hint(self: BadgeDelegate, option: object, index: QModelIndex) -> object:
        asked.append("badge")
        return badge_hint(self, option, index)  # type: ignore[arg-type]

    def counted_data(self: SidebarModel, index: QModelIndex, role: int = 0) -> object:
        if index.isValid() and index.column() == SidebarColumn.OWED:
            asked.append("owed")
        return model_data(self, index, role)

    monkeypatch.setattr(BadgeDelegate, "sizeHint", counted_hint)
    monkeypatch.setattr(SidebarModel, "data", counted_data)
    window = make_window(ledger)
    model = window.model
    assert model.loan_count() == 60
    # the guide's stages are in (the second lines), every lender open, the rows in their order
    first = model.index(0, 0, model.index(0, 0))
    assert first.data(SidebarRole.STAGE)
    assert all(window.sidebar.isExpanded(model.index(r, 0)) for r in range(model.rowCount()))
    # Before: every badge was measured 4 times and every owed cell asked ~50 times per fill.
    assert asked.count("badge") < rows(model)
    assert asked.count("owed") < 6 * rows(model)


@pytest.mark.parametrize("heavy", [True, False])
def test_the_sidebars_columns_are_as_wide_as_qt_measures_them(
    qtbot, make_window, ledger: Ledger, heavy_source: Path, lang: str, heavy: bool
) -> None:
    if heavy:
        ledger.import_book(read_book(heavy_source))
    else:
        ledger.load_sample()
    window = make_window(ledger)
    view: SidebarView = window.sidebar
    qtbot.waitUntil(lambda: bool(window.model.stages), timeout=5000)
    assert widths(view) == qt_widths(view)
    # A lender closed: its rows no longer count, as Qt counts them.
    model = window.model
    for row in range(model.rowCount()):
        view.collapse(model.index(row, 0))
        assert widths(view) == qt_widths(view)
    view.expandAll()
    assert widths(view) == qt_widths(view)
