"""Ninth walk's 1: "New loan" a second time opened the form where the last one was left
scrolled (at Fees) instead of at its top: a new form opens at its top, its first field focused.
The lender stays chosen (adding a second loan of the same lender is the common case)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QScrollArea


def _in(field: Any) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is field or field.isAncestorOf(focused))


def _scroll(window: Any) -> QScrollArea:
    return window.form.findChild(QScrollArea)


def _scrolled_down(qtbot: Any, window: Any) -> None:
    bar = _scroll(window).verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    assert bar.value() > 0


def test_new_loan_again_opens_at_the_top_with_the_first_field_focused(
    qtbot, sample, make_window
) -> None:
    window = make_window(sample)
    window.resize(1000, 600)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.ask_new_loan()
    lender = window.form.lender.currentText()
    _scrolled_down(qtbot, window)
    window.ask_new_loan()  # nothing typed: no question, the form again
    qtbot.wait(10)
    assert _scroll(window).verticalScrollBar().value() == 0
    assert _in(window.form.lender), QApplication.focusWidget()
    assert window.form.lender.currentText() == lender  # kept, as before


def test_after_cancel_and_opening_a_loan_new_loan_opens_at_the_top(
    qtbot, sample, make_window
) -> None:
    window = make_window(sample)
    window.resize(1000, 600)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.ask_new_loan()
    _scrolled_down(qtbot, window)
    window.open_loan(sample.loans()[0].id)
    window.ask_new_loan()
    qtbot.wait(10)
    assert _scroll(window).verticalScrollBar().value() == 0
    assert _in(window.form.lender), QApplication.focusWidget()
