"""Eighth walk's 2: a new lender's name typed in the loan form's Lender box was added by Enter
only: Tab left it in the box with its red hint, and after OK in the new-lender dialog the focus
stayed in the box, so the next typing ("18" meant for Principal) replaced the lender's name.
Leaving the box (Tab, a click elsewhere) asks as Enter does; after OK the focus is on the next
field, and a field the user went to already keeps it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ashore.services import Ledger
from ashore.ui import dialogs
from ashore.ui.dialogs import LenderDetails

# the completion popup on the offscreen test platform (a real screen raises it, grabs the keys)
popup = pytest.mark.qt_log_ignore(
    "does not support raise",
    "does not support grabbing the keyboard",
    "does not support propagateSizeHints",
)


def _in(field: Any) -> bool:
    """Whether the keyboard's focus is in ``field`` (a checked field's own line edit)."""
    focused = QApplication.focusWidget()
    return focused is not None and (focused is field or field.isAncestorOf(focused))


def _typing_a_new_lender(qtbot: Any, ledger: Ledger, make_window: Any, monkeypatch: Any):
    asked: list[str] = []

    def ask(_parent: object, name: str = "") -> LenderDetails:
        asked.append(name)
        return LenderDetails(name, "")

    monkeypatch.setattr(dialogs, "ask_lender", ask)
    window = make_window(ledger)
    window.new_loan()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    box = window.form.lender
    box.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(box.hasFocus)
    box.edit.clear()
    qtbot.keyClicks(box.edit, "Pine Bank")
    return window, box, asked


@popup
def test_tab_on_a_new_name_adds_the_lender(qtbot, ledger, make_window, monkeypatch) -> None:
    window, box, asked = _typing_a_new_lender(qtbot, ledger, make_window, monkeypatch)
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: asked == ["Pine Bank"])
    assert box.currentText() == "Pine Bank (new, saved with the loan)"
    assert window.form.pending_lender is not None
    assert window.form.pending_lender.name == "Pine Bank"
    assert "lender" not in window.form.problems()
    assert _in(window.form.name)  # where Tab went, kept


@popup
def test_after_ok_the_focus_is_on_the_next_field(qtbot, ledger, make_window, monkeypatch) -> None:
    window, box, asked = _typing_a_new_lender(qtbot, ledger, make_window, monkeypatch)
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    assert asked == ["Pine Bank"]
    assert window.form.pending_lender is not None
    assert _in(window.form.name), QApplication.focusWidget()
    assert not _in(box)
    qtbot.keyClicks(QApplication.focusWidget(), "18")  # typed after OK: not into the Lender box
    assert box.currentText() == "Pine Bank (new, saved with the loan)"
    qtbot.wait(10)
    assert asked == ["Pine Bank"]  # asked once


@popup
def test_a_click_elsewhere_asks_and_keeps_the_field_clicked(
    qtbot, ledger, make_window, monkeypatch
) -> None:
    window, box, asked = _typing_a_new_lender(qtbot, ledger, make_window, monkeypatch)
    window.form.principal.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(lambda: asked == ["Pine Bank"])
    assert box.currentText() == "Pine Bank (new, saved with the loan)"
    assert _in(window.form.principal)
