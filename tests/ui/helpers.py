"""Helpers for driving the widgets the way a person does: click, select, type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QWidget

from ashore.ui.widgets.fields import CheckedLineEdit


def type_into(qtbot, widget: QWidget, text: str) -> None:
    """Replace the text of a line edit, checked field or spin box by typing ``text``."""
    target: QWidget = widget.line if isinstance(widget, CheckedLineEdit) else widget
    if isinstance(target, QLineEdit):
        target.selectAll()
        qtbot.keyClick(target, Qt.Key.Key_Backspace)
    elif isinstance(target, QAbstractSpinBox):
        target.selectAll()
    qtbot.keyClicks(target, text)


def choose(combo: QComboBox, data: object) -> None:
    """Pick the entry holding ``data`` as a person does (``activated`` fires, as from the popup)."""
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not in the list"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def click(qtbot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def record_night_call(ledger, loan_id: str) -> None:
    """A collector's call at 23:10 (+08:00): a night call, a rule broken, so a complaint is due
    (the report tests' ``walk_book.night_call``, one call for both)."""
    from reports.walk_book import night_call

    night_call(ledger, loan_id)


def open_tab(qtbot, window, widget: QWidget) -> None:
    """Open the loan's tab that holds ``widget``, as a click on its tab does (a tab not open
    fills when it is opened: its figures are read after this)."""
    tabs = window.loan_page.tabs
    tabs.setCurrentIndex(
        next(
            i
            for i in range(tabs.count())
            if tabs.widget(i) is widget or tabs.widget(i).isAncestorOf(widget)
        )
    )
    qtbot.wait(5)
