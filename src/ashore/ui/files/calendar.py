"""File ▸ Export ▸ Repayment calendar (PDF)… and Calendar file (.ics)…: the months and the loans
to include, then the same files as ``ashore export calendar`` / ``ashore export ics``
(``services.calendars``), a long PDF written in a worker thread behind a progress bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ashore.app.context import Context
from ashore.app.errors import DataError, InputError
from ashore.app.progress import Cancelled, Progress
from ashore.finance.calendar import MAX_CALENDAR_MONTHS
from ashore.services import calendars as cal
from ashore.ui import dialogs
from ashore.ui.files.common import (
    ProgressBar,
    file_word,
    menu_action,
    report_exported,
    suggested_path,
)
from ashore.ui.messages import error_detail
from ashore.ui.widgets.fields import guard_wheel

if TYPE_CHECKING:
    from ashore.services import Ledger

# A PDF of more months than this is written behind a progress bar (about 0.1 s a page).
LONG_CALENDAR_MONTHS = 3


@dataclass(frozen=True)
class CalendarChoice:
    """What to put in a calendar: from which month, for how many months, which loans."""

    first: date
    months: int
    loan_ids: tuple[str, ...]


class CalendarDialog(QDialog):
    """The months and the loans of a calendar export (every loan ticked at first)."""

    def __init__(
        self,
        title: str,
        loans: Sequence[tuple[str, str]],
        first: date,
        months: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        form = QFormLayout()
        self.first = QDateEdit(QDate(first.year, first.month, 1))
        self.first.setDisplayFormat("yyyy-MM")
        self.first.setCalendarPopup(True)
        self.months = QSpinBox()
        self.months.setRange(1, MAX_CALENDAR_MONTHS)
        self.months.setValue(months)
        self.months.setSuffix(self.tr(" months"))
        form.addRow(self.tr("From"), self.first)
        form.addRow(self.tr("For"), self.months)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Loans to include")))
        self.loans = QListWidget()
        for loan_id, name in loans:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, loan_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.loans.addItem(item)
        layout.addWidget(self.loans)
        self.buttons = dialogs.save_step_buttons(self)
        layout.addWidget(self.buttons)
        self.loans.itemChanged.connect(self._update)
        self._update()
        guard_wheel(self)

    def chosen_ids(self) -> tuple[str, ...]:
        items = (self.loans.item(i) for i in range(self.loans.count()))
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.chosen_ids()))

    def choice(self) -> CalendarChoice:
        picked = self.first.date()
        return CalendarChoice(
            date(picked.year(), picked.month(), 1), self.months.value(), self.chosen_ids()
        )


class _Writer(QThread):
    """Runs one file write off the window's thread; ``problem`` says what went wrong. The write
    reports its pages through ``stepped`` and stops at the next page once ``cancel`` is called."""

    stepped = Signal(int, int)

    def __init__(self, write: Callable[[Progress], None]) -> None:
        super().__init__()
        self.write = write
        self.problem = ""
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def _progress(self, done: int, total: int) -> bool:
        self.stepped.emit(done, total)
        return not self.cancelled

    def run(self) -> None:
        try:
            self.write(self._progress)
        except Cancelled:
            self.cancelled = True
        except (InputError, DataError, OSError) as error:
            self.problem = error_detail(error)


class CalendarExport(QObject):
    """The two Export actions and what they do."""

    def __init__(
        self,
        window: QWidget,
        ledger: Ledger,
        ctx: Context,
        show_status: Callable[[str, int], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ledger = ledger
        self.ctx = ctx
        self.show_status = show_status
        self.pdf_action = menu_action(
            window,
            self.tr("&Repayment calendar (PDF)…"),
            self.export_pdf,
            self.tr("A printable calendar of what to pay on which day"),
        )
        self.ics_action = menu_action(
            window,
            self.tr("Calendar &file (.ics)…"),
            self.export_ics,
            self.tr("The due dates for a calendar app (phone, Outlook, Google Calendar)"),
        )

    def _ask(self, title: str, suffix: str, filters: str) -> tuple[CalendarChoice, Path] | None:
        today = self.ctx.today
        # the shared read and figures the dashboard and sidebar already worked out for today:
        # no loan is read in full or worked out again to open the dialog (300 loans took 0.7 s)
        figures = self.ledger.figures(today)
        loans = [(found.loan.id, found.loan.name) for found in figures]
        if not loans:
            dialogs.info(self.window, self.tr("There is no loan to put in a calendar yet."), title)
            return None
        # every plan in force to its last installment (a 12-month default cut a 24-month
        # agreement in half, its totals silently short: seventh walk), and never fewer months
        # than the command line's default (10 months here, 12 there: two different files)
        last = cal.last_in_force(found.standing for found in figures)
        months = cal.default_months(today, last)
        choice = dialogs.ask_calendar(self.window, title, loans, today, months)
        if choice is None:
            return None
        suggested = suggested_path(
            file_word("calendar"), choice.first.strftime("%Y-%m"), suffix=suffix
        )
        path = dialogs.get_save_path(self.window, title, filters, suggested)
        if path is None:
            return None
        return choice, path if path.suffix else path.with_suffix(suffix)

    def _book(self, choice: CalendarChoice) -> cal.CalendarBook:
        months = cal.months_from(choice.first, choice.months, "months")
        return cal.collect(
            self.ledger, self.ctx.today, months, choice.loan_ids, self.ctx.lang, "loans"
        )

    def export_pdf(self) -> Path | None:
        """Ask for the months, the loans and a file; write the PDF calendar there."""
        title = self.tr("Export the repayment calendar")
        asked = self._ask(title, ".pdf", self.tr("PDF files (*.pdf)"))
        if asked is None:
            return None
        choice, path = asked
        try:
            book = self._book(choice)
        except InputError as error:
            return self._done(path, error_detail(error))
        data = cal.calendar_data(book, self.ctx.today, self.ctx.clock.now(), self.ctx.lang)
        problem = self._run(lambda step: cal.write_pdf(data, path, "file", step), choice.months)
        return None if problem is None else self._done(path, problem)

    def export_ics(self) -> Path | None:
        """Ask for the months, the loans and a file; write the .ics events there."""
        title = self.tr("Export a calendar file")
        asked = self._ask(title, ".ics", self.tr("Calendar files (*.ics)"))
        if asked is None:
            return None
        choice, path = asked
        try:
            book = self._book(choice)
            cal.write_ics_file(book, path, self.ctx.clock.now(), self.ctx.lang, "file")
        except InputError as error:
            return self._done(path, error_detail(error))
        return self._done(path, "")

    def _run(self, write: Callable[[Progress], None], months: int) -> str | None:
        """Write in a worker thread, behind a progress bar (page by page, with Cancel) for a
        long calendar; the window waits (and repaints) until it is done. None when cancelled:
        the file is then not written (an earlier one at the path is kept)."""
        worker = _Writer(write)
        progress: QProgressDialog | None = None
        if months > LONG_CALENDAR_MONTHS:
            progress = QProgressDialog(
                self.tr("Writing the calendar of %1 months…").replace("%1", str(months)),
                self.tr("Cancel"),
                0,
                0,
                self.window,
            )
            progress.setObjectName("calendarProgress")
            progress.setAutoClose(False)
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumDuration(0)
            progress.canceled.connect(worker.cancel)
            bar = ProgressBar(progress)
            worker.stepped.connect(bar.show)
            progress.show()
        loop = QEventLoop()
        worker.finished.connect(loop.quit)
        worker.start()
        if worker.isRunning():
            loop.exec()
        worker.wait()
        if progress is not None:
            progress.canceled.disconnect(worker.cancel)  # closing it below is no Cancel
            progress.close()
            progress.deleteLater()
        return None if worker.cancelled else worker.problem

    def _done(self, path: Path, problem: str) -> Path | None:
        if problem:
            dialogs.error(self.window, problem, self.tr("Export failed"))
            return None
        report_exported(self.show_status, self.ctx.clock, path)
        return path
