"""Every modal question the window and its features ask goes through here, so tests patch one
module and nothing blocks (a test never runs ``exec()`` on a real dialog): message boxes, file
choosers, the small questions of the notes, and ``run_dialog`` for the features' own dialogs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ashore.ui.widgets.fit import fit_line_edit
from ashore.ui.widgets.words import _tr

if TYPE_CHECKING:
    from ashore.ui.files.calendar import CalendarChoice


def confirm(parent: QWidget | None, title: str, text: str, action: str = "") -> bool:
    """Ask yes/no; ``action`` labels the button that says yes (e.g. "Delete")."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    yes = box.addButton(action or _tr("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def error(parent: QWidget | None, text: str, title: str = "") -> None:
    """Tell the user something went wrong and what to do about it."""
    QMessageBox.warning(parent, title or _tr("Ashore"), text)


def info(parent: QWidget | None, text: str, title: str = "") -> None:
    """Tell the user something went well (an import, a backup)."""
    QMessageBox.information(parent, title or _tr("Ashore"), text)


def report(parent: QWidget | None, title: str, text: str, details: str) -> None:
    """Tell the user what is wrong (``text``), with the exact lines under Details."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(details)
    box.exec()


def fatal_data_error(parent: QWidget | None, text: str, folder: Path) -> None:
    """The data cannot be opened: say why and offer to open its folder; the app then quits."""
    box = QMessageBox(QMessageBox.Icon.Critical, _tr("Ashore cannot open your data"), text)
    box.setInformativeText(
        _tr(
            "Your data lives in {folder}. Nothing was changed. You can open the folder, move the "
            "file aside or restore a backup, then start Ashore again."
        ).format(folder=folder)
    )
    open_button = box.addButton(_tr("Open data folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(_tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is open_button:
        open_folder(folder)


def bug(parent: QWidget | None, summary: str, log: Path | None) -> None:
    """A bug happened: one short line, and where the details were written."""
    text = _tr("Something went wrong inside Ashore: {summary}").format(summary=summary)
    if log is not None:
        text += "\n\n" + _tr("The details were written to {log}.").format(log=log)
    QMessageBox.critical(parent, _tr("Ashore"), text)


def get_open_path(
    parent: QWidget | None, title: str, filters: str, folder: str = ""
) -> Path | None:
    """Ask for an existing file; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return Path(name) if name else None


def get_save_path(
    parent: QWidget | None, title: str, filters: str, suggested: str = ""
) -> Path | None:
    """Ask where to write a file; None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return _chosen(name)


def _chosen(name: str) -> Path | None:
    """The path a save dialog returned (None when cancelled); its folder is suggested next."""
    if not name:
        return None
    from ashore.ui.files.common import remember_folder

    remember_folder(Path(name))
    return Path(name)


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the desktop's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


@dataclass(frozen=True)
class LenderDetails:
    """What the "New lender" dialog asks for."""

    name: str
    phone: str = ""
    hours: str = ""


class LenderDialog(QDialog):
    """Name, customer-service phone and hours of a new lender."""

    def __init__(self, parent: QWidget | None = None, name: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New lender"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        intro = QLabel(self.tr("The platform or bank you borrowed from."))
        intro.setObjectName("hint")
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Jiebei"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("customer service number"))
        self.hours = QLineEdit()
        self.hours.setPlaceholderText(self.tr("e.g. 9:00–21:00 every day"))
        for field in (self.name, self.phone, self.hours):
            fit_line_edit(field)  # "例如：每天 9:00-2…" was cut (sixth walk's 2)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Hours"), self.hours)
        layout.addLayout(form)
        self.name.setText(name)  # as typed in the loan form's Lender box
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()))

    def details(self) -> LenderDetails:
        return LenderDetails(
            self.name.text().strip(), self.phone.text().strip(), self.hours.text().strip()
        )


def ask_lender(parent: QWidget | None, name: str = "") -> LenderDetails | None:
    """Ask for a new lender's name (``name`` filled in), phone and hours; None when cancelled."""
    dialog = LenderDialog(parent, name)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.details()


def save_step_buttons(dialog: QDialog) -> QDialogButtonBox:
    """Cancel and the button that goes on to the save dialog, worded alike in every export
    dialog that asks something first ("Choose where to save…"; the calendar's said "OK")."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Choose where to save…"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def ask_calendar(
    parent: QWidget | None,
    title: str,
    loans: Sequence[tuple[str, str]],
    first: date,
    months: int,
) -> CalendarChoice | None:
    """Ask for the months and the loans (id, name) of a calendar export; None when cancelled."""
    from ashore.ui.files.calendar import CalendarDialog

    dialog = CalendarDialog(title, loans, first, months, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice()


def about(parent: QWidget | None, version: str, folder: Path) -> None:
    """Version, where the data lives, and a button that opens that folder."""
    box = QMessageBox(parent)
    box.setWindowTitle(_tr("About Ashore"))
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64) if parent is not None else QPixmap())
    box.setText(_tr("<b>Ashore {version}</b>").format(version=version))
    box.setInformativeText(
        _tr(
            "Negotiate overdue online loans, keep the evidence, and pay the new plan on time.\n\n"
            "Your data lives in:\n{folder}"
        ).format(folder=folder)
    )
    open_button = box.addButton(_tr("Open data folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is open_button:
        open_folder(folder)


def run_dialog(dialog: QDialog) -> bool:
    """Show one of the features' own modal dialogs (the after-call dialog, the letter editor);
    True when it was accepted."""
    return dialog.exec() == QDialog.DialogCode.Accepted


# ----- the notes ------------------------------------------------------------------------------
def ask_delete_reason(parent: QWidget | None, what: str) -> str | None:
    """Why the note ``what`` is deleted; None when cancelled (an empty reason is asked again)."""
    while True:
        reason, ok = QInputDialog.getMultiLineText(
            parent,
            _tr("Delete note"),
            _tr(
                "The note stays in the record, marked deleted with your reason.\nWhy delete {what}?"
            ).format(what=what),
        )
        if not ok:
            return None
        if reason.strip():
            return reason.strip()


def ask_unsaved_note(parent: QWidget | None, count: int = 1) -> str:
    """A note being written would be lost: "save", "discard" or "cancel" (keep writing)."""
    text = (
        _tr("Save the call note you are writing?")
        if count == 1
        else _tr("Save the {n} call notes you are writing?").format(n=count)
    )
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _tr("Unsaved note"),
        text,
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setInformativeText(_tr("If you discard it, what you typed and the files you picked go."))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


_RECORDINGS = "*.wav *.mp3 *.m4a *.aac *.amr *.ogg *.opus *.flac"
_PROOF = "*.png *.jpg *.jpeg *.gif *.webp *.bmp *.pdf"


def attach_filters(kind: str = "any") -> str:
    """The file dialog's filters for attaching ``kind`` ("recording", "proof": screenshots and
    documents, or "any"), the one asked for first, "All files" always offered last."""
    recordings = _tr("Recordings (%1)").replace("%1", _RECORDINGS)
    proof = _tr("Screenshots and documents (%1)").replace("%1", _PROOF)
    everything = _tr("All files (*)")
    if kind == "recording":
        return ";;".join((recordings, everything))
    if kind == "proof":
        return ";;".join((proof, everything))
    evidence = _tr("Evidence (%1)").replace("%1", f"{_RECORDINGS} {_PROOF}")
    return ";;".join((evidence, recordings, proof, everything))


def get_attach_paths(parent: QWidget | None, kind: str = "any") -> list[Path]:
    """Files to attach as evidence (``kind`` as ``attach_filters``); empty when cancelled."""
    titles = {
        "recording": _tr("Attach a recording"),
        "proof": _tr("Attach screenshots or documents"),
    }
    names, _ = QFileDialog.getOpenFileNames(
        parent, titles.get(kind, _tr("Attach evidence")), "", attach_filters(kind)
    )
    return [Path(name) for name in names]


def get_bundle_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to write an evidence bundle; None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(
        parent, _tr("Export evidence bundle"), suggested, _tr("Zip archive (*.zip)")
    )
    return _chosen(name)


class ComplaintDialog(QDialog):
    """Where the complaint goes (12378 or 12363) and the language it is written in, with why
    that language is offered first: the hotlines read Chinese."""

    def __init__(self, parent: QWidget | None, lang: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Complaint"))
        self.hotline = QComboBox()
        self.hotline.addItem(
            _tr("12378 — the financial regulator (NFRA), for lenders and their collectors"),
            "12378",
        )
        self.hotline.addItem(
            _tr("12363 — the central bank (PBOC), for credit reporting and payments"), "12363"
        )
        # the long hotline names are shown in the list; the box itself leaves its label whole
        self.hotline.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.hotline.setMinimumContentsLength(36)
        self.language = QComboBox()
        self.language.addItem(_tr("Chinese (简体中文)"), "zh_CN")
        self.language.addItem(_tr("English"), "en")
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        self.why = QLabel()
        self.why.setObjectName("hint")
        self.why.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_tr("Send the complaint to"), self.hotline)
        form.addRow(_tr("Write it in"), self.language)
        buttons = save_step_buttons(self)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.why)
        column.addWidget(buttons)
        self.language.currentIndexChanged.connect(lambda _index: self._explain())
        self._explain()
        self.setMinimumWidth(680)

    def _explain(self) -> None:
        if self.language.currentData() == "zh_CN":
            text = _tr(
                "The regulator's hotlines read complaints in Chinese, so it is written in "
                "Chinese. Choose English for a copy you can read yourself."
            )
        else:
            text = _tr(
                "Written in English, for you to read. The regulator's hotlines read complaints "
                "in Chinese: send them the Chinese one."
            )
        self.why.setText(text)

    def choice(self) -> tuple[str, str]:
        return str(self.hotline.currentData()), str(self.language.currentData())


def ask_complaint(
    parent: QWidget | None, suggested: str, lang: str = "zh_CN"
) -> tuple[str, str, Path] | None:
    """Which hotline the complaint goes to, its language (``lang`` offered first) and where to
    write it: (hotline, language, path); None when cancelled."""
    dialog = ComplaintDialog(parent, lang)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    to, chosen = dialog.choice()
    name, _ = QFileDialog.getSaveFileName(
        parent, _tr("Export complaint"), suggested, _tr("PDF files (*.pdf)")
    )
    path = _chosen(name)
    if path is None:
        return None
    return to, chosen, path


def open_file(path: Path) -> bool:
    """Open a stored file with the desktop's own program (a PDF, a full-size screenshot)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def qt_catalogue_gaps() -> tuple[str, ...]:
    """Texts of Qt's own file dialog missing from Qt's Chinese catalogue (qtbase_zh_CN.qm), in the
    interface's language.

    That catalogue is installed before the first dialog and is found both in a venv and in the
    bundle, but it was written for Qt 5: Qt 6 spells two of the dialog's labels with an
    accelerator ("&Look in:", "Files of &type:"; the catalogue has "Look in:" and "Files of
    type:") and names the kinds of files in a context it lacks (QAbstractFileIconProvider: the
    "Folder" of the list's Type column), so those stayed English. Written here, ``make
    translations`` files them in Ashore's own catalogue under Qt's contexts, and Ashore's
    translator, installed last, is asked first. Nothing calls this but the tests.
    """
    return (
        QCoreApplication.translate("QFileDialog", "&Look in:"),
        QCoreApplication.translate("QFileDialog", "Files of &type:"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Folder"),
        QCoreApplication.translate("QAbstractFileIconProvider", "File Folder"),
        QCoreApplication.translate("QAbstractFileIconProvider", "File"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Drive"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Shortcut"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Alias"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Unknown"),
    )
