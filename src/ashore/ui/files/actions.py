"""File menu actions that move data in and out: Import…, Export ▸ All data (JSON)…, Backup…,
Restore from backup…, and Check Data… (``files.check``).

Each asks for a path through ``ashore.ui.dialogs`` and hands the work to the Ledger (the window
never touches the store); errors come back as one message naming the file or field path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QProgressDialog, QWidget

from ashore.app.context import Context
from ashore.app.errors import DataError, InputError
from ashore.app.progress import Cancelled
from ashore.domain.money import AmountError
from ashore.ui import dialogs
from ashore.ui.files.common import (
    file_word,
    menu_action,
    remember_in,
    report_exported,
    suggested_path,
)
from ashore.ui.messages import error_detail, error_text

if TYPE_CHECKING:
    from ashore.services import Ledger


class FileActions(QObject):
    """The actions and what they do. ``reloaded`` is called after an import or a restore changed
    the data, ``may_leave`` before a restore (unsaved edits would be lost), ``show_status`` with
    what an export wrote."""

    def __init__(
        self,
        window: QWidget,
        ledger: Ledger,
        ctx: Context,
        reloaded: Callable[[], None],
        *,
        may_leave: Callable[[], bool],
        show_status: Callable[[str, int], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        remember_in(ctx.data)  # the folder last saved to is suggested for the next save
        self.ledger = ledger
        self.ctx = ctx
        self.reloaded = reloaded
        self.may_leave = may_leave
        self.show_status = show_status
        self.import_action = menu_action(window, self.tr("&Import…"), self.import_file)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.export_json_action = menu_action(
            window,
            self.tr("&All data (JSON)…"),
            self.export_json,
            self.tr("Everything, in the Ashore exchange format"),
        )
        self.backup_action = menu_action(
            window,
            self.tr("&Backup…"),
            self.backup,
            self.tr("A copy of everything (database and evidence files) in one zip file"),
        )
        self.restore_action = menu_action(
            window,
            self.tr("&Restore from Backup…"),
            self.restore,
            self.tr("Replace everything with a backup; what is here now is backed up first"),
        )
        from ashore.ui.files.calendar import CalendarExport
        from ashore.ui.files.check import DataCheck

        self.data_check = DataCheck(window, ledger, show_status)

        self.calendar = CalendarExport(window, ledger, ctx, show_status)
        self.export_menu = QMenu(self.tr("&Export"), window)
        self.export_menu.addAction(self.export_json_action)
        self.export_menu.addAction(self.calendar.pdf_action)
        self.export_menu.addAction(self.calendar.ics_action)

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.import_action)
        menu.addMenu(self.export_menu)
        menu.addSeparator()
        menu.addAction(self.backup_action)
        menu.addAction(self.restore_action)
        menu.addAction(self.data_check.action)

    def import_file(self) -> Path | None:
        """Ask for an exchange file and add its contents, all or nothing."""
        path = dialogs.get_open_path(
            self.window,
            self.tr("Import"),
            self.tr("Ashore exchange files (*.json);;All files (*)"),
        )
        if path is None:
            return None
        try:
            book = self.ledger.import_json(path)
        except (InputError, AmountError, DataError) as problem:
            dialogs.error(
                self.window,
                self.tr("Nothing was imported from %1:\n\n%2")
                .replace("%1", path.name)
                .replace("%2", error_text(problem)),
                self.tr("Import failed"),
            )
            return None
        self.reloaded()
        dialogs.info(
            self.window,
            self.tr("Imported %1 lenders and %2 loans from %3.")
            .replace("%1", str(len(book.lenders)))
            .replace("%2", str(len(book.loans)))
            .replace("%3", path.name),
            self.tr("Import"),
        )
        return path

    def export_json(self) -> Path | None:
        """Write everything, losslessly, with the evidence files beside the JSON."""
        suggested = suggested_path("Ashore", day=self.ctx.today, suffix=".json")
        path = dialogs.get_save_path(
            self.window,
            self.tr("Export as JSON"),
            self.tr("Ashore exchange files (*.json)"),
            suggested,
        )
        if path is None:
            return None
        if path.suffix == "":
            path = path.with_suffix(".json")
        progress = QProgressDialog(
            self.tr("Exporting every loan…"), self.tr("Cancel"), 0, 0, self.window
        )
        progress.setObjectName("exportProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)  # a small book is done before the bar would show

        def step(done: int, total: int) -> bool:
            progress.setMaximum(total)
            progress.setValue(done)  # a modal progress dialog repaints and hears Cancel here
            return not progress.wasCanceled()

        try:
            self.ledger.export_json(path, step)
        except Cancelled:
            return None  # nothing was written: the file appears only once it is complete
        except (InputError, DataError) as problem:
            dialogs.error(self.window, error_detail(problem), self.tr("Export failed"))
            return None
        finally:
            progress.close()
            progress.deleteLater()
        report_exported(self.show_status, self.ctx.clock, path)
        return path

    def backup(self) -> Path | None:
        """Write a consistent copy of the database and the evidence files to a zip."""
        suggested = suggested_path("Ashore", file_word("backup"), day=self.ctx.today, suffix=".zip")
        path = dialogs.get_save_path(
            self.window,
            self.tr("Back up everything"),
            self.tr("Ashore backups (*.zip)"),
            suggested,
        )
        if path is None:
            return None
        if path.suffix == "":
            path = path.with_suffix(".zip")
        try:
            summary = self.ledger.backup(path)
        except (InputError, DataError) as problem:
            dialogs.error(self.window, error_detail(problem), self.tr("Backup failed"))
            return None
        dialogs.info(
            self.window,
            self.tr(
                "Backed up the database and %1 evidence files to %2.\n\n"
                "Keep it somewhere safe, away from this computer."
            )
            .replace("%1", str(summary.files))
            .replace("%2", str(summary.path)),
            self.tr("Backup"),
        )
        return summary.path

    def restore(self) -> Path | None:
        """Replace all the data with a backup, after asking; the data replaced is backed up first.

        The Ledger closes its database, the backup is put in place all or nothing, the database
        opens again and the window reloads. A refused backup changes nothing."""
        if not self.may_leave():  # unsaved edits would be lost
            return None
        path = dialogs.get_open_path(
            self.window, self.tr("Restore from backup"), self.tr("Ashore backups (*.zip)")
        )
        if path is None:
            return None
        if not dialogs.confirm(
            self.window,
            self.tr("Restore from backup"),
            self.tr(
                "Replace everything in Ashore with the backup %1?\n\n"
                "What is here now is saved as a backup first, so nothing is lost."
            ).replace("%1", path.name),
            self.tr("Restore"),
        ):
            return None
        try:
            safety = self.ledger.restore(path)
        except (InputError, AmountError, DataError) as problem:
            self.reloaded()  # the data is as it was; the window reads it again all the same
            dialogs.error(
                self.window,
                self.tr("Nothing was restored from %1:\n\n%2")
                .replace("%1", path.name)
                .replace("%2", error_text(problem)),
                self.tr("Restore failed"),
            )
            return None
        self.reloaded()
        kept = (
            self.tr("\n\nWhat was here before is saved in %1.").replace("%1", str(safety))
            if safety is not None
            else ""
        )
        dialogs.info(
            self.window,
            self.tr("Restored from %1.").replace("%1", path.name) + kept,
            self.tr("Restore"),
        )
        return path
