"""Play a call recording kept as evidence (AudioPlayer) and record a new call (CallRecorder).

QtMultimedia is imported when the first file is loaded, never at import, so the window's start-up
does not pay for it; where it cannot work the widget says why and offers the system's own player.

Every call that drives the media player (play, pause, stop, seek, speed, source) is queued and
made by Qt's event loop, not from Python. FFmpeg's audio-renderer thread destroys its objects
whenever playback stops or the source changes; while it does, it holds a signal lock and asks for
Python's GIL (the audio output it was connected to is a Python-made object). A call made from
Python holds the GIL and, inside the backend, waits for that lock: the window froze for good
(seen here as `QObject::disconnect` in the main thread against `Sbk_GetPyOverride` in
`QFFmpeg::AudioRenderer`). Queued, the call runs in C++ while Python waits in the event loop
without the GIL, so the renderer finishes and lets go.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Q_ARG, QLocale, QMetaObject, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ashore.app.errors import InputError
from ashore.ui.audio.common import (
    MultimediaUnavailable,
    ProblemRow,
    format_ms,
    load_multimedia,
    open_in_system_player,
    tabular,
)
from ashore.ui.audio.recorder import CallRecorder

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

__all__ = ["SPEEDS", "AudioPlayer", "CallRecorder", "format_ms"]

# Playback rates offered; a ratio, not money, so float is the right type.
SPEEDS: tuple[float, ...] = (0.75, 1.0, 1.25, 1.5, 2.0)


def has_audio_output() -> bool:
    """Whether the machine has a device to play sound on (QtMultimedia imported by now)."""
    return bool(load_multimedia().QMediaDevices.audioOutputs())


class AudioPlayer(QWidget):
    """Play / pause, a seek bar with position and duration, speed and volume for one file."""

    durationKnown = Signal(int)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._player: QMediaPlayer | None = None
        self._output: QAudioOutput | None = None
        self._duration = 0
        self._syncing = False  # True while the slider follows the player, not the user
        # True from the end of the recording until it plays or seeks again: the button reads
        # Play and the bar stays at the end, whatever the backend says after (one kept its
        # state at Playing and sent a last position short of the length).
        self._ended = False

        style = self.style()
        self._play_icon = style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay)
        self._pause_icon = style.standardIcon(QStyle.StandardPixmap.SP_MediaPause)
        self.play_button = QPushButton(self._play_icon, self.tr("Play"), self)
        self.play_button.setObjectName("audioPlay")
        # As wide as its widest label, so the row does not move when Play turns into Pause.
        widest = max(
            self.play_button.fontMetrics().horizontalAdvance(text)
            for text in (self.tr("Play"), self.tr("Pause"))
        )
        self.play_button.setMinimumWidth(widest + self.play_button.iconSize().width() + 32)
        self.play_button.clicked.connect(self.toggle)

        self.position_label = QLabel(format_ms(0), self)
        self.duration_label = QLabel(format_ms(0), self)
        for label in (self.position_label, self.duration_label):
            label.setFont(tabular(label.font()))
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._fit_time_labels(0)
        self.duration_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.position_label.setToolTip(self.tr("Position"))
        self.duration_label.setToolTip(self.tr("Length of the recording"))

        self.seek_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.seek_slider.setObjectName("audioSeek")
        self.seek_slider.setRange(0, 0)
        self.seek_slider.setSingleStep(1000)
        self.seek_slider.setPageStep(10_000)
        self.seek_slider.setAccessibleName(self.tr("Seek"))
        self.seek_slider.valueChanged.connect(self._on_slider_value)
        self.seek_slider.sliderReleased.connect(self._on_slider_released)

        self.speed_box = QComboBox(self)
        self.speed_box.setToolTip(self.tr("Playback speed"))
        self.speed_box.setAccessibleName(self.tr("Playback speed"))
        locale = QLocale()
        for rate in SPEEDS:
            self.speed_box.addItem(self.tr("{rate}×").format(rate=locale.toString(rate)), rate)
        self.speed_box.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_box.currentIndexChanged.connect(self._on_speed_index)

        volume_icon = QLabel(self)
        icon_size = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        volume_icon.setPixmap(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaVolume).pixmap(icon_size, icon_size)
        )
        self.volume_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setValue(100)
        self.volume_slider.setFixedWidth(56)
        self.volume_slider.setToolTip(self.tr("Volume"))
        self.volume_slider.setAccessibleName(self.tr("Volume"))
        self.volume_slider.valueChanged.connect(self._on_volume)

        # Said once, quietly, where the machine has no audio output: the file loads and the
        # controls work, but nothing is heard (a server, a machine without sound card).
        self.silent_note = QLabel(
            self.tr("No audio output device here: the recording loads, but plays silently."),
            self,
        )
        self.silent_note.setObjectName("hint")
        self.silent_note.setWordWrap(True)
        self.silent_note.hide()

        self.problem = ProblemRow(self.tr("Open in system player"), self)
        self.problem.actionClicked.connect(self.open_externally)

        self.controls = QWidget(self)
        controls = QHBoxLayout(self.controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.play_button)
        controls.addWidget(self.position_label)
        controls.addWidget(self.seek_slider, 1)
        controls.addWidget(self.duration_label)
        controls.addSpacing(6)
        controls.addWidget(self.speed_box)
        controls.addSpacing(6)
        controls.addWidget(volume_icon)
        controls.addWidget(self.volume_slider)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.controls)
        layout.addWidget(self.silent_note)
        layout.addWidget(self.problem)
        self._set_controls_enabled(False)

    # -- public API ---------------------------------------------------------------------------

    def load(self, path: Path) -> None:
        """Open ``path`` for playing; ``durationKnown`` or ``failed`` follows, never blocking."""
        self._path = Path(path)
        self._duration = 0
        self._ended = False
        self.problem.clear()
        self.controls.show()
        self.setToolTip(self._path.name)
        self._show_position(0)
        self.duration_label.setText(format_ms(0))
        self._set_slider_range(0)
        self._set_controls_enabled(False)
        if not self._path.is_file():
            self._fail(self.tr("Cannot play: {name} is missing.").format(name=self._path.name))
            return
        try:
            player = self._ensure_player()
        except MultimediaUnavailable as exc:
            self._fail(self.tr("No audio playback here: {reason}.").format(reason=exc))
            return
        if not player.isAvailable():
            self._fail(self.tr("No audio playback here: no audio backend."))
            return
        self.silent_note.setVisible(not has_audio_output())
        # Clear first: the same file loaded again (after a failure, say) must be read again.
        self._later("setSource", Q_ARG("QUrl", QUrl()))
        self._later("setSource", Q_ARG("QUrl", QUrl.fromLocalFile(str(self._path.resolve()))))

    def path(self) -> Path | None:
        return self._path

    def duration_ms(self) -> int:
        """The length of the loaded file in ms; 0 until the backend has read it."""
        return self._duration

    def position_ms(self) -> int:
        return self._player.position() if self._player is not None else 0

    def is_playing(self) -> bool:
        if self._player is None or self._ended:
            return False
        return self._player.playbackState() == type(self._player).PlaybackState.PlayingState

    def playback_rate(self) -> float:
        return self._player.playbackRate() if self._player is not None else 1.0

    def play(self) -> None:
        """Play from where it is; at the end of the recording, again from the start."""
        if self._player is None or self._path is None:
            return
        if self._ended:
            self._ended = False
            self._later("stop")  # a backend still "playing" at the end would not start again
            self._later("setPosition", Q_ARG("qint64", 0))
            self._show_position(0)
        self._later("play")

    def pause(self) -> None:
        self._later("pause")

    def toggle(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def seek(self, ms: int) -> None:
        """Move to ``ms`` (clamped to the recording); the position label follows at once."""
        ms = max(0, min(ms, self._duration)) if self._duration else max(ms, 0)
        self._ended = False
        self._later("setPosition", Q_ARG("qint64", ms))
        self._show_position(ms)

    def set_speed(self, rate: float) -> None:
        """Play at ``rate`` (one of SPEEDS)."""
        index = self.speed_box.findData(rate)
        if index < 0:
            offered = ", ".join(f"{speed:g}" for speed in SPEEDS)
            raise InputError(f"speed: {rate:g} is not one of {offered}")
        self.speed_box.setCurrentIndex(index)

    def open_externally(self) -> None:
        """Hand the loaded file to the desktop's own player."""
        if self._path is not None:
            open_in_system_player(self._path)

    def release(self) -> None:
        """Stop the media player and let the event loop destroy it (its decoder threads end
        with it). Nothing here calls into the backend from Python (see the module's docstring):
        stop and the cleared source are queued, then the player and its output are deleted by
        the event loop in that order, after them."""
        player, output = self._player, self._output
        if player is not None:
            self._later("stop")
            self._later("setSource", Q_ARG("QUrl", QUrl()))
        self._player = self._output = None
        for owned in (player, output):
            if owned is not None:
                owned.setParent(None)
                owned.deleteLater()

    # -- the player ---------------------------------------------------------------------------

    def _ensure_player(self) -> QMediaPlayer:
        if self._player is not None:
            return self._player
        multimedia = load_multimedia()
        player: QMediaPlayer = multimedia.QMediaPlayer(self)
        output: QAudioOutput = multimedia.QAudioOutput(self)
        output.setVolume(self.volume_slider.value() / 100)
        player.setAudioOutput(output)
        player.setPlaybackRate(self.speed_box.currentData())
        player.durationChanged.connect(self._on_duration)
        player.positionChanged.connect(self._on_position)
        player.playbackStateChanged.connect(self._on_state)
        player.mediaStatusChanged.connect(self._on_status)
        player.errorOccurred.connect(self._on_error)
        self._player, self._output = player, output
        return player

    def _on_duration(self, ms: int) -> None:
        if ms <= 0 or ms == self._duration:
            return
        self._duration = ms
        self._fit_time_labels(ms)
        self.duration_label.setText(format_ms(ms))
        self._set_slider_range(ms)
        self._set_controls_enabled(True)
        self.durationKnown.emit(ms)

    def _on_position(self, ms: int) -> None:
        if self.seek_slider.isSliderDown() or self._ended:
            return  # the user is dragging (the label shows where to), or the end is shown
        self._show_position(ms)

    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        self._show_playing(state == type(state).PlayingState and not self._ended)

    def _show_playing(self, playing: bool) -> None:
        self.play_button.setIcon(self._pause_icon if playing else self._play_icon)
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        kind = type(status)
        if status in (kind.LoadedMedia, kind.BufferedMedia):
            self._set_controls_enabled(True)
        elif status == kind.EndOfMedia:
            # The end: Play (pressed, it plays again from the start) and the bar at its end.
            self._ended = True
            self._show_playing(False)
            self._show_position(self._duration)

    def _on_error(self, error: QMediaPlayer.Error, text: str) -> None:
        name = self._path.name if self._path is not None else ""
        kind = type(error)
        if error == kind.FormatError:
            message = self.tr("Cannot play this format here ({suffix}).")
        elif error == kind.ResourceError:
            message = self.tr("Cannot open {name}.")
        else:
            message = self.tr("Cannot play {name}: {reason}.")
        suffix = self._path.suffix.lower() if self._path is not None else ""
        self._fail(message.format(name=name, suffix=suffix or name, reason=text.rstrip(".")))

    def _fail(self, message: str) -> None:
        # The controls can do nothing for this file: the one line and its way out take the row.
        self.controls.hide()
        self.silent_note.hide()
        self._set_controls_enabled(False)
        self.problem.show_problem(message, with_action=self._path is not None)
        self.failed.emit(message)

    # -- the controls -------------------------------------------------------------------------

    def _fit_time_labels(self, duration: int) -> None:
        # Wide enough for the longest time this file can show, so the slider never jumps.
        sample = format_ms(duration).translate(str.maketrans("0123456789", "8888888888"))
        for label in (self.position_label, self.duration_label):
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance(sample) + 2)

    def _set_controls_enabled(self, enabled: bool) -> None:
        for widget in (self.play_button, self.seek_slider):
            widget.setEnabled(enabled)

    def _set_slider_range(self, ms: int) -> None:
        self._syncing = True
        try:
            self.seek_slider.setRange(0, ms)
        finally:
            self._syncing = False

    def _show_position(self, ms: int) -> None:
        self.position_label.setText(format_ms(ms))
        self._syncing = True
        try:
            self.seek_slider.setValue(ms)
        finally:
            self._syncing = False

    def _on_slider_value(self, value: int) -> None:
        if self._syncing:
            return
        self._ended = False  # the user moved the bar: it plays from there
        self.position_label.setText(format_ms(value))
        if not self.seek_slider.isSliderDown():
            self._later("setPosition", Q_ARG("qint64", value))  # a click or a key on the bar

    def _on_slider_released(self) -> None:
        self._later("setPosition", Q_ARG("qint64", self.seek_slider.value()))

    def _on_speed_index(self, index: int) -> None:
        self._later("setPlaybackRate", Q_ARG("double", self.speed_box.itemData(index)))

    def _later(self, slot: str, *args: object) -> None:
        """Queue a call of the player's ``slot``: the event loop makes it, in C++, without the
        GIL (see the module's docstring); calls run in the order they were queued."""
        if self._player is not None:
            QMetaObject.invokeMethod(self._player, slot, Qt.ConnectionType.QueuedConnection, *args)

    def _on_volume(self, value: int) -> None:
        if self._output is not None:
            self._output.setVolume(value / 100)
