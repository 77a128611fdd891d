"""Reminders that reach the user with the window closed: a tray icon showing the next payment,
desktop notifications (the tray's own messages) 3 days, 1 day and on the day of each agreed
installment and follow-up, the loudest one for a missed agreed installment, and the opt-in
"start at login in the tray". Where the platform has no tray the app works as before and the
reminders go to the status bar.

A QTimer checks every minute which reminders' times have come (``services.reminders``), on the
clock the window runs with (the context's clock).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from ashore.app import autostart
from ashore.app.errors import AshoreError
from ashore.domain.money import format_amount
from ashore.services.reminders import Missed, Reminder, due_between, missed, reminders
from ashore.ui import dialogs
from ashore.ui.widgets.fields import user_message
from ashore.ui.widgets.words import day_text

if TYPE_CHECKING:
    from ashore.ui.window_services import WindowServices

TICK_MS = 60_000


class ReminderTray(QObject):
    """The tray icon, the reminder timer and the autostart option of one window."""

    def __init__(
        self,
        window: WindowServices,
        *,
        available: Callable[[], bool] | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(window.widget())
        self.window = window
        self.parent_widget = window.widget()
        self._now = now or self._window_now
        self.shown: list[tuple[str, str]] = []  # every message shown (title, text), in order
        self._missed_day: date | None = None
        self._last = self._now()
        self.tray: QSystemTrayIcon | None = None
        if (available or QSystemTrayIcon.isSystemTrayAvailable)():
            self.tray = self._make_tray()
        self.autostart_action = QAction(self.tr("Start at login in the tray"), self.parent_widget)
        self.autostart_action.setCheckable(True)
        self.autostart_action.setToolTip(
            self.tr("Payment reminders come even when the window is closed")
        )
        self.autostart_action.setEnabled(autostart.supported())
        self.autostart_action.setChecked(autostart.supported() and autostart.is_enabled())
        self.autostart_action.toggled.connect(self.set_autostart)
        window.add_to_file_menu(self.autostart_action)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        QTimer.singleShot(0, self.refresh)  # after the window has filled

    # ----- the tray --------------------------------------------------------------------------
    def _make_tray(self) -> QSystemTrayIcon:
        from ashore.ui.app import app_icon

        tray = QSystemTrayIcon(app_icon(), self)
        menu = QMenu(self.parent_widget)
        show = menu.addAction(self.tr("Open Ashore"))
        show.triggered.connect(self.show_window)
        menu.addSeparator()
        leave = menu.addAction(self.tr("Quit"))
        leave.triggered.connect(self.quit)
        self._menu = menu
        tray.setContextMenu(menu)
        tray.activated.connect(self._on_activated)
        tray.setToolTip(self.tr("Ashore"))
        tray.show()
        return tray

    def quit(self) -> None:
        """Quit through the window's close, which asks about unsaved edits and notes first."""
        if self.parent_widget.close():
            QApplication.quit()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_window()

    def show_window(self) -> None:
        self.window.bring_to_front()

    # ----- the clock and the data ------------------------------------------------------------
    def _window_now(self) -> datetime:
        return self.window.ctx.clock.now()  # --today: that day, at the machine's time of day

    def _money(self, amount: object, currency: str) -> str:
        locale = "zh_CN" if self.window.ctx.lang == "zh_CN" else "en"
        return f"{format_amount(amount, currency, locale)} {currency}"  # type: ignore[arg-type]

    def next_payment_text(self) -> str:
        """The tray's tooltip: the next payment of any loan, or that none is due."""
        summaries = [
            s
            for s in self.window.ledger.summaries(self.window.ctx.today)
            if s.next_due is not None and s.next_amount is not None
        ]
        if not summaries:
            return self.tr("Ashore — no payment due")
        first = min(summaries, key=lambda s: (s.next_due, s.loan_id))
        assert first.next_due is not None
        return self.tr("Ashore — next payment {amount} on {day} ({loan})").format(
            amount=self._money(first.next_amount, first.currency),
            day=day_text(first.next_due),
            loan=first.loan_name,
        )

    def refresh(self) -> None:
        """The tooltip again, and the missed installments once a day."""
        try:
            tooltip = self.next_payment_text()
            late = missed(self.window.ledger.snapshot(), self.window.ctx.today)
        except AshoreError as error:
            tooltip, late = user_message(error), []
        if self.tray is not None:
            self.tray.setToolTip(tooltip)
        today = self._now().date()
        if late and self._missed_day != today:
            self._missed_day = today
            self.notify_missed(late)

    def tick(self) -> None:
        """Show every reminder whose time came since the last tick."""
        now = self._now()
        try:
            loans = self.window.ledger.snapshot()  # read without notes: their follow-ups
            day = min(self._last.date(), now.date())
            zone = now.tzinfo or now.astimezone().tzinfo
            assert zone is not None
            items = reminders(loans, day, zone, self.window.ledger.follow_ups_from(day))
        except AshoreError:
            items = []
        for item in due_between(items, self._last, now):
            self.notify_reminder(item)
        self._last = now
        self.refresh()

    # ----- the messages ----------------------------------------------------------------------
    def reminder_text(self, item: Reminder) -> tuple[str, str]:
        if item.kind == "follow_up":
            title = self.tr("Follow up: {loan}").format(loan=item.loan_name)
            body = (
                self.tr("Today you planned to follow up with the lender.")
                if item.days_before == 0
                else self.tr(
                    "In %n day(s), on {day}, you planned to follow up.", "", item.days_before
                ).format(day=day_text(item.due))
            )
            return title, body
        amount = self._money(item.amount, item.currency) if item.amount is not None else ""
        title = self.tr("Agreed payment: {loan}").format(loan=item.loan_name)
        if item.days_before == 0:
            body = self.tr(
                "Pay {amount} today. The agreement holds only if every payment is on time."
            )
        elif item.days_before == 1:
            body = self.tr("Pay {amount} tomorrow ({day}).")
        else:
            body = self.tr("Pay {amount} in {n} days, on {day}.")
        return title, body.format(amount=amount, day=day_text(item.due), n=item.days_before)

    def notify_reminder(self, item: Reminder) -> None:
        title, body = self.reminder_text(item)
        self.notify(title, body, critical=item.days_before == 0 and item.kind == "installment")

    def notify_missed(self, late: list[Missed]) -> None:
        first = late[0]
        title = self.tr("Missed agreed payment: {loan}").format(loan=first.loan_name)
        body = self.tr(
            "{amount} was due on {day} (%n day(s) ago). Today: pay it, call the lender before "
            "they call you, and note the call in Ashore.",
            "",
            first.days_late,
        ).format(amount=self._money(first.remaining, first.currency), day=day_text(first.due))
        if len(late) > 1:
            body += " " + self.tr("({n} agreed payments are late.)").format(n=len(late))
        self.notify(title, body, critical=True)

    def notify(self, title: str, body: str, *, critical: bool = False) -> None:
        """A desktop notification through the tray; the status bar where there is no tray."""
        self.shown.append((title, body))
        if self.tray is not None:
            icon = (
                QSystemTrayIcon.MessageIcon.Critical
                if critical
                else QSystemTrayIcon.MessageIcon.Information
            )
            self.tray.showMessage(title, body, icon, 20_000)
        else:
            self.window.show_status(f"{title} — {body}", 20_000)

    # ----- autostart -------------------------------------------------------------------------
    def set_autostart(self, on: bool) -> None:
        try:
            if on:
                autostart.enable()
            else:
                autostart.disable()
        except AshoreError as error:
            dialogs.error(self.parent_widget, user_message(error))
            self.autostart_action.blockSignals(True)
            self.autostart_action.setChecked(autostart.is_enabled())
            self.autostart_action.blockSignals(False)

    def shutdown(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()


def install_reminders(window: WindowServices) -> ReminderTray:
    """Add the tray, the reminders and the autostart option to ``window``."""
    return ReminderTray(window)
