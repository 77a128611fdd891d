"""What the call-recording player and recorder share: loading QtMultimedia on first use, m:ss
times, and the one-line "this cannot work here" row with its way out."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QStyle, QWidget

from ashore.ui.audio.probe import import_failure_reason

# What QtMultimedia prints about the machine rather than about our code, as regexes for pytest-qt's
# qt_log_ignore (tests run with qt_log_level_fail=WARNING). Any test that builds these widgets on a
# machine without a sound server (CI, offscreen) sees them:
QTMULTIMEDIA_ENVIRONMENT_WARNINGS: tuple[str, ...] = (
    # On first load the symbol resolver looks for optional PipeWire and VA-API (GPU decoding)
    # libraries; without them it uses PulseAudio and software decoding, which is all we need.
    r"^Couldn't (load|resolve) [\w.()\- ]+ (library|symbols)$",
    # No sound server running: no output or input devices; files still load, playback is silent.
    r"^PulseAudioService: pa_context_connect\(\) failed$",
    r"^No audio device detected$",
)


class MultimediaUnavailable(Exception):
    """QtMultimedia cannot be loaded here; ``str()`` says why in one line."""


def load_multimedia() -> ModuleType:
    """PySide6.QtMultimedia, imported now and not at start-up (it costs 0.1-0.2 s and needs
    libpulse on Linux)."""
    try:
        from PySide6 import QtMultimedia
    except ImportError as exc:
        raise MultimediaUnavailable(import_failure_reason(exc)) from exc
    return QtMultimedia


def format_ms(ms: int) -> str:
    """``m:ss`` (``h:mm:ss`` from one hour on), whole seconds cut, never negative."""
    seconds = max(ms, 0) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def tabular(font: QFont) -> QFont:
    """The same font with equal-width digits, so a running time does not make its row jitter."""
    result = QFont(font)
    result.setFeature(QFont.Tag("tnum"), 1)
    return result


def open_in_system_player(path: Path) -> bool:
    """Hand the file to the desktop's own player (the way out when Qt cannot play it)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when too narrow; the full text stays in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.contentsRect().width(), 0)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))


class ProblemRow(QWidget):
    """A warning icon, one plain line saying what is wrong, and an optional action button."""

    actionClicked = Signal()

    def __init__(self, action_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        pixmap = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(pixmap.pixmap(QSize(size, size)))
        self.message = ElidedLabel(self)
        self.message.setObjectName("audioProblem")
        self.button = QPushButton(action_text, self)
        self.button.clicked.connect(self.actionClicked)
        layout.addWidget(icon)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.button)
        self.hide()

    def show_problem(self, text: str, with_action: bool = True) -> None:
        self.message.set_full_text(text)
        self.button.setVisible(with_action)
        self.show()

    def clear(self) -> None:
        self.message.set_full_text("")
        self.hide()
