"""What the File menu's actions share: a menu action with its tooltip and what it runs, the
status line an export leaves, and the one rule for the file name every save suggests.

Suggested names (``suggested_path``): in the folder the user last saved to (remembered in the data
dir's settings), else their Documents folder, else home; a name a person reads (the lender, the
loan's reference or name, what it is, the day: ``Jiebei-HT-2026-0115-letter-2026-11-28.pdf``,
``借呗 Jiebei-借呗 January-投诉-2026-12-02.pdf``), never an internal id, with only characters every
file system takes. A name keeps its spaces: "借呗-January" read as two names joined."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QStandardPaths, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressDialog, QWidget

from ashore.app.clock import Clock
from ashore.app.paths import DataDir
from ashore.domain.records import Loan

if TYPE_CHECKING:  # a type only: the File menu builds before the data (and SQLAlchemy) opens
    from ashore.services import Ledger

LAST_FOLDER_KEY = "files/last_folder"
_remembered: list[QSettings] = []  # the open data dir's settings, once the window has its data


def remember_in(data: DataDir) -> None:
    """Keep the last folder saved to in ``data``'s settings (the window calls this once)."""
    _remembered[:] = [QSettings(str(data.settings), QSettings.Format.IniFormat)]


def remember_folder(path: Path) -> None:
    """The user chose to save ``path``: its folder is suggested next time."""
    if _remembered:
        _remembered[0].setValue(LAST_FOLDER_KEY, str(path.parent))
        _remembered[0].sync()


def save_folder() -> Path:
    """Where a save dialog opens: the folder last saved to, else Documents, else home.

    A home without its Documents folder (a fresh account the desktop has not set up) gets it, as
    the desktop's own first start would make it: a first save goes where a person keeps their
    papers, not among the home folder's settings."""
    if _remembered:
        last = str(_remembered[0].value(LAST_FOLDER_KEY, "") or "")
        if last and Path(last).is_dir():
            return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents:
        folder = Path(documents)
        if not folder.is_dir() and folder.parent.is_dir() and folder != Path.home():
            try:
                folder.mkdir()
            except OSError:
                return Path.home()
        if folder.is_dir():
            return folder
    return Path.home()


_UNSAFE = re.compile(r"[\\/:*?\"<>|\x00-\x1f\x7f]+")
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"-{2,}")


def safe_name(text: str) -> str:
    """``text`` as a piece of a file name, whole as the user wrote it: letters (Chinese too),
    digits, spaces, '.', '_' and '-' kept; what file systems refuse as '-'; a run of blanks (a
    tab, two spaces) as one space."""
    text = unicodedata.normalize("NFKC", text)
    text = _DASHES.sub("-", _UNSAFE.sub("-", _SPACES.sub(" ", text)))
    return text.strip(" -.")[:60].strip(" -.")


def suggested_path(*parts: str, day: date | None = None, suffix: str) -> str:
    """The path a save dialog suggests: ``parts`` (lender, loan, what) and ``day`` joined by '-'
    in ``save_folder()``; empty parts are left out."""
    pieces = [safe_name(part) for part in parts]
    if day is not None:
        pieces.append(day.isoformat())
    name = "-".join(piece for piece in pieces if piece) or "ashore"
    return str(save_folder() / f"{name}{suffix}")


def loan_words(lender_name: str, reference: str, loan_name: str) -> tuple[str, str]:
    """The lender and the loan as a file name names them: the loan's reference, else its name
    (without the lender's name again)."""
    loan = reference.strip() or loan_name.strip()
    lender = lender_name.strip()
    if lender and loan.startswith(lender) and loan[len(lender) :].strip():
        loan = loan[len(lender) :].strip()  # "Kaka Loan 30-day" by "Kaka Loan": "30-day"
    return lender, loan


def menu_action(parent: QWidget, text: str, run: Callable[[], object], tip: str = "") -> QAction:
    """An action labelled ``text`` (translated already) that calls ``run``; ``tip`` its tooltip."""
    action = QAction(text, parent)
    if tip:
        action.setToolTip(tip)
    action.triggered.connect(run)
    return action


def report_exported(show_status: Callable[[str, int], None], clock: Clock, path: Path) -> None:
    """ "Exported to PATH at HH:MM." in the status bar for six seconds."""
    stamp = clock.now().strftime("%H:%M")
    message = QCoreApplication.translate("FileActions", "Exported to %1 at %2.")
    show_status(message.replace("%1", str(path)).replace("%2", stamp), 6000)


def file_word(kind: str) -> str:
    """What a saved file is, in the interface's language, for its suggested name."""
    translate = QCoreApplication.translate
    words = {
        "calendar": translate("FileName", "repayment-calendar"),
        "letter": translate("FileName", "letter"),
        "complaint": translate("FileName", "complaint"),
        "evidence": translate("FileName", "evidence"),
        "dispute": translate("FileName", "dispute-letter"),
        "chart": translate("FileName", "chart"),
        "all": translate("FileName", "all-loans"),
        "backup": translate("FileName", "backup"),
        "export": translate("FileName", "export"),
    }
    return words.get(kind, kind)


def loan_file(lender_name: str, loan: Loan, kind: str, day: date, suffix: str) -> str:
    """The suggested path of a file about one loan: lender, reference or name, what, day."""
    lender, name = loan_words(lender_name, loan.reference, loan.name)
    return suggested_path(lender, name, file_word(kind), day=day, suffix=suffix)


def chart_file(ledger: Ledger, loan: Loan | None, day: date) -> str:
    """The suggested path of a chart: of one loan (lender, reference or name), else of all."""
    if loan is None:
        return suggested_path(file_word("all"), file_word("chart"), day=day, suffix=".png")
    return loan_file(ledger.lender(loan.lender).name, loan, "chart", day, ".png")


class ProgressBar(QObject):
    """Moves a progress dialog's bar on the window's thread as a worker reports its steps (the
    worker's signal, queued to this object), until the user cancels."""

    def __init__(self, progress: QProgressDialog) -> None:
        super().__init__(progress)
        self.progress = progress

    @Slot(int, int)
    def show(self, done: int, total: int) -> None:
        if not self.progress.wasCanceled():
            self.progress.setMaximum(total)
            self.progress.setValue(done)
