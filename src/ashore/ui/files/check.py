"""File ▸ Check Data…: what ``ashore verify`` checks (the database, every stored file against its
hash, every note chain and every loan's seal), run in a worker thread behind a progress bar with
Cancel, and the result in the window's language: all good, or what is wrong and where (the loan,
the file), with the command's own lines under Details.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ashore.app.errors import AshoreError
from ashore.app.progress import Cancelled
from ashore.services.checkup import Checkup, Finding, check_data
from ashore.ui import dialogs
from ashore.ui.files.common import ProgressBar, menu_action
from ashore.ui.messages import error_detail

if TYPE_CHECKING:
    from ashore.services import Ledger


class _Checker(QThread):
    """Runs the check off the window's thread; ``stepped`` says how far (loans done, loans);
    stops at the next loan once ``cancel`` is called. Ends with ``result`` or ``problem`` set,
    or ``cancelled``."""

    stepped = Signal(int, int)

    def __init__(self, ledger: Ledger) -> None:
        super().__init__()
        self.ledger = ledger
        self.result: Checkup | None = None
        self.problem = ""
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def _progress(self, done: int, total: int) -> bool:
        self.stepped.emit(done, total)
        return not self.cancelled

    def run(self) -> None:
        try:
            self.result = check_data(self.ledger.db, self._progress)
        except Cancelled:
            self.cancelled = True
        except (AshoreError, OSError) as error:
            self.problem = error_detail(error)


class DataCheck(QObject):
    """The action and what it does; ``show_status`` says when a check was stopped."""

    def __init__(
        self, window: QWidget, ledger: Ledger, show_status: Callable[[str, int], None]
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ledger = ledger
        self.show_status = show_status
        self.action = menu_action(
            window,
            self.tr("&Check Data…"),
            self.check,
            self.tr(
                "Check the database, every stored file and every call note's record "
                "for damage or changes made outside Ashore"
            ),
        )

    def check(self) -> Checkup | None:
        """Run the check and show what it found; the Checkup, or None when stopped or failed."""
        worker = _Checker(self.ledger)
        progress = QProgressDialog(
            self.tr("Checking your data…"), self.tr("Cancel"), 0, 0, self.window
        )
        progress.setObjectName("checkProgress")
        progress.setAutoClose(False)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)  # a small book is checked before the bar would show
        progress.canceled.connect(worker.cancel)
        bar = ProgressBar(progress)
        worker.stepped.connect(bar.show)
        loop = QEventLoop()
        worker.finished.connect(loop.quit)
        worker.start()
        if worker.isRunning():
            loop.exec()
        worker.wait()
        progress.canceled.disconnect(worker.cancel)  # closing it below is no Cancel
        progress.close()
        progress.deleteLater()
        title = self.tr("Check data")
        if worker.cancelled:
            self.show_status(self.tr("The check was stopped; nothing was changed."), 6000)
            return None
        if worker.result is None:
            dialogs.error(
                self.window,
                self.tr("The check could not be finished: %1").replace("%1", worker.problem),
                title,
            )
            return None
        result = worker.result
        if result.ok:
            dialogs.info(self.window, self.all_good(result), title)
        else:
            dialogs.report(
                self.window,
                title,
                self.found(result),
                "\n".join(item.line for item in result.findings),
            )
        return result

    def all_good(self, result: Checkup) -> str:
        text = (
            self.tr(
                "All good: the database is intact, %1 stored files match their fingerprints "
                "and %2 call notes are in their unbroken record."
            )
            .replace("%1", str(result.files))
            .replace("%2", str(result.notes))
        )
        if result.orphans:
            text += "\n\n" + self.tr(
                "%1 stored files are not used by any note or document (left by an interrupted "
                "import); they do no harm."
            ).replace("%1", str(len(result.orphans)))
        return text

    def found(self, result: Checkup) -> str:
        """What is wrong and where, one line per finding (the same line once), and what to do."""
        lines: list[str] = []
        for item in result.findings:
            line = "• " + self.finding_text(item)
            if line not in lines:
                lines.append(line)
        head = self.tr("The check found %1 problems:").replace("%1", str(len(result.findings)))
        advice = self.tr(
            "Something changed your data outside Ashore, or the disk damaged it. If you did not "
            "expect this, restore a backup (File ▸ Restore from Backup…); keep this data aside "
            "first. The exact findings are under Details."
        )
        return "\n".join([head, "", *lines, "", advice])

    def finding_text(self, item: Finding) -> str:
        """One finding in the window's language: what is wrong, and where."""
        texts = {
            "database": self.tr("The database file is damaged."),
            "file": self.tr("The stored file “%1” is missing, unreadable or changed."),
            "notes": self.tr("“%1”: call notes were changed, added or removed outside Ashore."),
            "payments": self.tr("“%1”: its payments were changed outside Ashore."),
            "claims": self.tr("“%1”: what the lender claims was changed outside Ashore."),
            "proposals": self.tr("“%1”: its proposals were changed outside Ashore."),
            "loan_removed": self.tr("The loan %1 was removed outside Ashore."),
        }
        text = texts.get(item.kind, self.tr("“%1”: its records were changed outside Ashore."))
        return text.replace("%1", item.subject)
