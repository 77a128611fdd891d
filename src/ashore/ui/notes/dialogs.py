"""The modal questions of the notes pane (why delete, which files), in one module tests patch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files these under ""


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


def get_attach_paths(parent: QWidget | None) -> list[Path]:
    """Files to attach as evidence; empty when cancelled."""
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        _tr("Attach evidence"),
        "",
        _tr(
            "Evidence (*.wav *.mp3 *.m4a *.aac *.amr *.ogg *.opus *.flac *.png *.jpg *.jpeg "
            "*.gif *.webp *.bmp *.pdf);;All files (*)"
        ),
    )
    return [Path(name) for name in names]


def get_bundle_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to write an evidence bundle; None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(
        parent, _tr("Export evidence bundle"), suggested, _tr("Zip archive (*.zip)")
    )
    return Path(name) if name else None


def ask_complaint(parent: QWidget | None, suggested: str) -> tuple[str, Path] | None:
    """Which hotline the complaint goes to and where to write it; None when cancelled."""
    choices = [
        _tr("12378 — the financial regulator (NFRA), for lenders and their collectors"),
        _tr("12363 — the central bank (PBOC), for credit reporting and payments"),
    ]
    choice, ok = QInputDialog.getItem(
        parent, _tr("Complaint"), _tr("Send the complaint to:"), choices, 0, False
    )
    if not ok:
        return None
    name, _ = QFileDialog.getSaveFileName(
        parent, _tr("Export complaint"), suggested, _tr("PDF document (*.pdf)")
    )
    if not name:
        return None
    return ("12363" if choice == choices[1] else "12378"), Path(name)


def open_file(path: Path) -> bool:
    """Open a stored file with the desktop's own program (a PDF, a full-size screenshot)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
