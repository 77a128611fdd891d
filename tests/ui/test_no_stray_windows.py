"""No widget of the window is ever shown as a window of its own.

A widget shown before it has a parent becomes a top-level window: the system makes one (an X
window, a few milliseconds each) and drops it again when a layout takes the widget in. Nobody
sees it offscreen, but under X a notes timeline of 30 cards made 90 of them, a second's wait on
the Notes tab. Every window shown while the user walks the loans, their notes and the lender
pages is one we meant to open.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget

from ashore.services import Ledger
from ashore.services.notes import Notes
from ashore.ui.audio.common import QTMULTIMEDIA_ENVIRONMENT_WARNINGS

noise = pytest.mark.qt_log_ignore(
    *QTMULTIMEDIA_ENVIRONMENT_WARNINGS, "does not support propagateSizeHints"
)


class _ShownWindows(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and not isinstance(watched, (QMainWindow, QMenu))
            and type(watched).__name__ != "QTipLabel"
        ):
            self.shown.append(f"{type(watched).__name__} {watched.objectName()!r}")
        return False


@noise
def test_walking_loans_notes_and_lenders_shows_no_stray_window(
    qtbot: Any, ledger: Ledger, make_window: Any
) -> None:
    ledger.load_sample()
    notes = Notes(ledger)
    loans = [loan.id for loan in ledger.loans()]
    for n in range(12):
        notes.add(loans[n % len(loans)], text=f"call {n}", outcome="said they would call back")
    deleted = notes.add(loans[0], text="a note written on the wrong loan")
    notes.delete(loans[0], deleted.id, reason="wrong loan")
    watcher = _ShownWindows()
    app = QApplication.instance()
    app.installEventFilter(watcher)
    try:
        window = make_window(ledger)
        hookup = window.notes_hookup
        for loan_id in loans:
            window.open_loan(loan_id)
            window.loan_page.tabs.setCurrentIndex(hookup.tab_index)
            qtbot.wait(5)
            assert hookup.pane.cards, loan_id  # the cards were built and shown
            for index in range(window.loan_page.tabs.count()):
                window.loan_page.tabs.setCurrentIndex(index)
                qtbot.wait(5)
        for lender in {loan.lender for loan in ledger.loans()}:
            window.open_lender(lender)
            qtbot.wait(5)
    finally:
        app.removeEventFilter(watcher)
    assert watcher.shown == []
