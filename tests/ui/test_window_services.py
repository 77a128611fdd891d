"""Feature packages get the window through ``WindowServices``: the notes and the reminders are
built here over a stand-in with no main window at all, and the main window offers every member
the protocol names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTabWidget, QVBoxLayout, QWidget

from ashore.app.context import Context
from ashore.services import Ledger
from ashore.services.notes import Notes
from ashore.ui.audio.common import QTMULTIMEDIA_ENVIRONMENT_WARNINGS
from ashore.ui.window_services import WindowServices

LOAN = "jb-2026-01"
noise = pytest.mark.qt_log_ignore(*QTMULTIMEDIA_ENVIRONMENT_WARNINGS)


class StandIn:
    """The least a window can be for the features: plain widgets, callbacks kept in lists."""

    def __init__(self, ledger: Ledger, ctx: Context) -> None:
        self.ledger = ledger
        self.ctx = ctx
        self.money_locale = "en"
        self.showing: tuple[str, str] = ("none", "")
        self.window = QWidget()
        self.tabs = QTabWidget(self.window)
        self.lender_box = QVBoxLayout()
        self.lender_on_top = False
        self.exports = QMenu("Export", self.window)
        self.file_actions: list[QAction] = []
        self.menus: list[QMenu] = []
        self.stages: dict[str, tuple[str, str]] = {}
        self.status: list[str] = []
        self.reloads = 0
        self.unsaved = False
        self.tab_hooks: list[Callable[[int], None]] = []
        self.view_hooks: list[Callable[[], None]] = []
        self.reload_hooks: list[Callable[[], None]] = []

    def widget(self) -> QWidget:
        return self.window

    def bring_to_front(self) -> None:
        self.window.show()

    def show_status(self, text: str, ms: int) -> None:
        self.status.append(text)

    def open_loan(self, loan_id: str) -> None:
        self.showing = ("loan", loan_id)
        for hook in self.view_hooks:
            hook()

    def reload(self) -> None:
        self.reloads += 1
        for hook in self.reload_hooks:
            hook()

    def may_leave_page(self) -> bool:
        return not self.unsaved

    def has_unsaved_edits(self) -> bool:
        return self.unsaved

    def add_loan_tab(self, widget: QWidget, title: str) -> int:
        return self.tabs.addTab(widget, title)

    def loan_tab_index(self) -> int:
        return self.tabs.currentIndex()

    def set_loan_tab_index(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        for hook in self.tab_hooks:
            hook(index)

    def add_to_lender_page(self, widget: QWidget) -> None:
        self.lender_box.addWidget(widget)

    def lender_page_shown(self) -> bool:
        return self.lender_on_top

    def set_loan_stages(self, stages: dict[str, tuple[str, str]]) -> None:
        self.stages = stages

    def export_menu(self) -> QMenu:
        return self.exports

    def add_to_file_menu(self, action: QAction) -> None:
        self.file_actions.append(action)

    def add_menu(self, menu: QMenu) -> None:
        self.menus.append(menu)

    def on_loan_tab_changed(self, callback: Callable[[int], None]) -> None:
        self.tab_hooks.append(callback)

    def on_page_changed(self, callback: Callable[[], None]) -> None:
        self.view_hooks.append(callback)

    def on_selection_changed(self, callback: Callable[[], None]) -> None:
        self.view_hooks.append(callback)

    def on_loans_reloaded(self, callback: Callable[[], None]) -> None:
        self.reload_hooks.append(callback)


def _members() -> set[str]:
    names = {n for n in vars(WindowServices) if not n.startswith("_")}
    return names | set(WindowServices.__annotations__)


def test_the_stand_in_and_the_main_window_offer_every_member(
    ledger: Ledger, ctx: Context, make_window: Any
) -> None:
    members = _members()
    assert {"ledger", "showing", "export_menu", "on_loans_reloaded"} <= members
    stand_in = StandIn(ledger, ctx)
    assert [name for name in sorted(members) if not hasattr(stand_in, name)] == []
    window = make_window(ledger)
    assert [name for name in sorted(members) if not hasattr(window, name)] == []
    assert window.export_menu().title() == "&Export"
    assert window.loan_tab_index() == window.loan_page.tabs.currentIndex()


@noise
def test_the_notes_work_over_a_stand_in_window(qtbot: Any, ledger: Ledger, ctx: Context) -> None:
    from ashore.ui.notes.window import install_notes

    ledger.load_sample()
    Notes(ledger).add(LOAN, text="first call about January")
    stand_in = StandIn(ledger, ctx)
    hookup = install_notes(stand_in)
    try:
        assert stand_in.tabs.tabText(hookup.tab_index) == "Notes"
        assert stand_in.lender_box.indexOf(hookup.lender_pane) == 0
        assert [a.text() for a in stand_in.exports.actions()] == [
            "&Evidence bundle…",
            "&Complaint…",
        ]
        stand_in.set_loan_tab_index(hookup.tab_index)
        stand_in.open_loan(LOAN)
        assert hookup.pane.loan_id == LOAN
        assert hookup.pane.cards[0].note.text == "first call about January"  # newest first
        assert hookup.export_action.isEnabled()
        stand_in.showing = ("welcome", "")
        hookup.sync()
        assert not hookup.export_action.isEnabled()
    finally:
        hookup.shutdown()


def test_the_reminders_work_over_a_stand_in_window(ledger: Ledger, ctx: Context) -> None:
    from ashore.ui.tray import ReminderTray

    stand_in = StandIn(ledger, ctx)
    tray = ReminderTray(stand_in, available=lambda: False)
    try:
        assert tray.tray is None
        assert stand_in.file_actions == [tray.autostart_action]
    finally:
        tray.timer.stop()
