"""What the File menu's actions share: a menu action with its tooltip and what it runs, and the
status line an export leaves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ashore.app.clock import Clock


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
