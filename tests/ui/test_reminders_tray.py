"""The tray and its reminders: a tray icon with the next payment when the platform has one, the
app still working (reminders in the status bar) where it has none, a timer tick that shows the
reminders whose time came, the missed agreed payment, and the start-at-login option."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from ashore.app import autostart
from ashore.services import Ledger
from ashore.ui.tray import ReminderTray

CST = timezone(timedelta(hours=8))
LOAN = "jb-2026-01"


def _agree(ledger: Ledger) -> None:
    loan = ledger.loan(LOAN)
    loan.proposals[0].status = "accepted"  # 24 × 366.04 from 2027-01-15
    ledger.save_loan(loan)


class Clock:
    def __init__(self, start: datetime) -> None:
        self.at = start

    def __call__(self) -> datetime:
        return self.at


def test_without_a_tray_the_app_works_and_reminders_go_to_the_status_bar(
    qtbot: Any, ledger: Ledger, make_window: Any
) -> None:
    ledger.load_sample()
    _agree(ledger)
    window = make_window(ledger)
    clock = Clock(datetime(2027, 1, 14, 8, 59, tzinfo=CST))
    tray = ReminderTray(window, available=lambda: False, now=clock)
    assert tray.tray is None
    clock.at = datetime(2027, 1, 14, 9, 1, tzinfo=CST)
    tray.tick()
    assert tray.shown[-1] == (
        "Agreed payment: 借呗 January",
        "Pay 366.04 CNY tomorrow (Jan 15, 2027).",
    )
    assert "Pay 366.04 CNY tomorrow" in window.statusBar().currentMessage()
    count = len(tray.shown)
    tray.tick()  # nothing new came due
    assert len(tray.shown) == count
    clock.at = datetime(2027, 1, 15, 9, 0, tzinfo=CST)
    tray.tick()
    assert tray.shown[-1][1].startswith("Pay 366.04 CNY today.")
    window.open_loan(LOAN)  # the window still works
    assert window.showing == ("loan", LOAN)
    tray.shutdown()


def test_with_a_tray_the_icon_shows_the_next_payment(
    qtbot: Any, qtlog: Any, ledger: Ledger, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger.load_sample()
    _agree(ledger)
    window = make_window(ledger)
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QSystemTrayIcon,
        "showMessage",
        lambda _self, title, body, *_a: messages.append((title, body)),
    )
    # The offscreen platform has no tray: Qt says so when one is made there anyway.
    with qtlog.disabled():
        tray = ReminderTray(
            window, available=lambda: True, now=Clock(datetime(2026, 11, 28, 10, 0, tzinfo=CST))
        )
    assert tray.tray is not None
    assert tray.tray.isVisible()
    tray.refresh()
    assert tray.tray.toolTip().startswith("Ashore — next payment")
    assert tray.tray.contextMenu() is not None
    tray.notify("title", "body")
    assert messages == [("title", "body")]
    tray.shutdown()


def test_a_missed_agreed_payment_is_said_once_a_day_with_what_to_do(
    qtbot: Any, ledger: Ledger, make_window: Any
) -> None:
    ledger.load_sample()
    _agree(ledger)
    window = make_window(ledger)
    clock = Clock(datetime(2027, 1, 20, 10, 0, tzinfo=CST))
    window.ctx = type(window.ctx)(data=window.ctx.data, today=clock.at.date(), lang="en")
    tray = ReminderTray(window, available=lambda: False, now=clock)
    tray.refresh()
    tray.refresh()
    missed = [m for m in tray.shown if m[0].startswith("Missed agreed payment")]
    assert len(missed) == 1
    assert "366.04 CNY was due on Jan 15, 2027 (5 days ago)" in missed[0][1]
    assert "call the lender before they call you" in missed[0][1]
    tray.shutdown()


def test_the_start_at_login_option(qtbot: Any, ledger: Ledger, make_window: Any) -> None:
    window = make_window(ledger)
    action = window.reminders.autostart_action
    assert not action.isChecked()  # off by default
    assert not autostart.is_enabled()
    action.setChecked(True)
    assert autostart.is_enabled()
    assert "--tray" in autostart.entry_path().read_text(encoding="utf-8")
    action.setChecked(False)
    assert not autostart.entry_path().exists()
