"""At 800x600 every date and amount in the Payments, Proposals and Comparison tables reads whole
(ninth walk: "202…", "Oct 15,…", "7,0…" beside a 365-pixel sidebar), and the Notes tab's buttons
are in sight, not behind a sideways scroll bar. English and Chinese, the sample book with its
first proposal accepted."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QTableView, QWidget

from ashore.services.proposals import Proposals
from ashore.ui.audio.common import QTMULTIMEDIA_ENVIRONMENT_WARNINGS

JB = "jb-2026-01"
noise = pytest.mark.qt_log_ignore(
    *QTMULTIMEDIA_ENVIRONMENT_WARNINGS, "does not support propagateSizeHints"
)
# a date ("Oct 15, 2026", "2026年10月15日") or an amount ("7,005.00", "533.83")
FIGURE = re.compile(r"^(\d[\d,]*\.\d\d|[A-Z][a-z]{2} \d{1,2}, \d{4}|\d{4}年\d{1,2}月\d{1,2}日)$")
ROOM = 3  # px: a cell's text margin either side (the style's focus frame margin + 1)


def _window(qtbot, ctx, ledger):
    from ashore.ui.app import open_settings
    from ashore.ui.main_window import MainWindow

    window = MainWindow(ledger, ctx, open_settings(ctx.data))
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    window.load()
    qtbot.wait(20)
    return window


def cut_figures(view: QTableView) -> list[str]:
    """The dates and amounts of ``view`` wider than their column."""
    model = view.model()
    metrics = view.fontMetrics()
    cut = []
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        width = view.columnWidth(column)
        for row in range(model.rowCount()):
            index = model.index(row, column)
            text = str(model.data(index, Qt.ItemDataRole.DisplayRole) or "")
            if not FIGURE.match(text):
                continue
            font = model.data(index, Qt.ItemDataRole.FontRole)
            if font is not None:
                from PySide6.QtGui import QFontMetrics

                needed = QFontMetrics(font).horizontalAdvance(text)
            else:
                needed = metrics.horizontalAdvance(text)
            if needed + 2 * ROOM > width:
                cut.append(f"{view.objectName()} [{row},{column}] {text!r}: {needed} > {width}")
    return cut


def beyond(widget: QWidget, page: QWidget) -> list[str]:
    """The buttons on ``widget`` whose right edge runs past ``page``'s."""
    out = []
    for button in widget.findChildren(QAbstractButton):
        if not button.isVisibleTo(widget) or not button.text():
            continue
        right = button.mapTo(page, QPoint(button.width(), 0)).x()
        if right > page.width():
            out.append(f"{button.text()!r}: {right} > {page.width()}")
    return out


def _show_tab(qtbot, window, widget: QWidget) -> None:
    tabs = window.loan_page.tabs
    tabs.setCurrentIndex(
        next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(widget))
    )
    qtbot.wait(60)


@noise
def test_dates_and_money_read_whole_at_800_by_600(qtbot, ctx, sample, lang) -> None:
    loan = sample.loan(JB)
    Proposals(sample).change_status(JB, loan.proposals[0].id, "accepted")
    window = _window(qtbot, ctx, sample)
    window.open_loan(JB)
    qtbot.wait(30)
    page = window.loan_page
    payments = window.payments_tab
    _show_tab(qtbot, window, payments)
    assert payments.entries_view.model().rowCount() > 0
    assert payments.payments_view.model().rowCount() > 0
    assert cut_figures(payments.entries_view) == []
    assert cut_figures(payments.payments_view) == []

    proposals = window.proposals_tab
    _show_tab(qtbot, window, proposals)
    assert proposals.list_view.model().rowCount() > 0
    assert cut_figures(proposals.list_view) == []
    assert beyond(proposals, page) == []
    proposals.views.setCurrentIndex(1)  # the comparison
    qtbot.wait(60)
    comparison = proposals.comparison_view
    assert comparison.model().rowCount() > 0
    assert cut_figures(comparison) == []


@noise
def test_the_notes_buttons_are_in_sight_at_800_by_600(qtbot, ctx, sample, lang) -> None:
    window = _window(qtbot, ctx, sample)
    window.open_loan(JB)
    qtbot.wait(30)
    notes = window.loan_page.tabs.widget(window.loan_page.tabs.count() - 3)
    _show_tab(qtbot, window, notes)
    assert beyond(notes, window.loan_page) == []
