"""Record a negotiation call from the microphone into a file that then becomes evidence.

QtMultimedia is loaded when the recorder is built (it has to ask which microphones exist), not when
this module is imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

from ashore.app.clock import Clock
from ashore.ui.audio.common import (
    ElidedLabel,
    MultimediaUnavailable,
    format_ms,
    load_multimedia,
    tabular,
)

if TYPE_CHECKING:
    from PySide6.QtMultimedia import (
        QAudioDevice,
        QAudioInput,
        QMediaCaptureSession,
        QMediaFormat,
        QMediaRecorder,
    )

RECORDING_RED = "#c62828"


class RecordingFormat(NamedTuple):
    """A container and codec the backend can write, and the file suffix that goes with them."""

    file_format: Any  # QMediaFormat.FileFormat (QtMultimedia is not imported at module level)
    audio_codec: Any  # QMediaFormat.AudioCodec
    suffix: str
    label: str


def audio_inputs() -> list[QAudioDevice]:
    """The microphones Qt sees now, the system's default first (one place, so tests can pretend
    there are none or some)."""
    devices = load_multimedia().QMediaDevices
    inputs = list(devices.audioInputs())
    default_id = devices.defaultAudioInput().id()
    return sorted(inputs, key=lambda device: device.id() != default_id)


def recording_format() -> RecordingFormat | None:
    """The best format for speech this backend can encode: m4a/AAC, then ogg/Opus, then WAV."""
    multimedia = load_multimedia()
    media_format = multimedia.QMediaFormat
    encode = media_format.ConversionMode.Encode
    preferred = (
        (media_format.FileFormat.Mpeg4Audio, media_format.AudioCodec.AAC, "m4a", "m4a (AAC)"),
        (media_format.FileFormat.Ogg, media_format.AudioCodec.Opus, "ogg", "ogg (Opus)"),
        (media_format.FileFormat.Wave, media_format.AudioCodec.Wave, "wav", "WAV"),
    )
    files = media_format().supportedFileFormats(encode)
    for file_format, codec, suffix, label in preferred:
        if file_format in files and codec in media_format(file_format).supportedAudioCodecs(encode):
            return RecordingFormat(file_format, codec, suffix, label)
    return None


def _red_dot(diameter: int, canvas: int = 0) -> QPixmap:
    """A red disc of ``diameter`` px, centred on a transparent square of ``canvas`` px."""
    size = max(canvas, diameter)
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(RECORDING_RED))
    offset = (size - diameter) / 2
    painter.drawEllipse(QRectF(offset, offset, diameter, diameter))
    painter.end()
    return pixmap


class CallRecorder(QWidget):
    """Record / Stop, a red dot and the time while recording; ``recorded`` gives the file."""

    recorded = Signal(Path)
    failed = Signal(str)

    def __init__(
        self,
        folder: Path,
        parent: QWidget | None = None,
        prefix: str = "call",
        clock: Clock | None = None,
    ) -> None:
        """Recordings go to ``folder`` as ``<prefix>-YYYYMMDD-HHMMSS.<suffix>``, stamped by
        ``clock`` (the context's)."""
        super().__init__(parent)
        self._clock = clock if clock is not None else Clock()
        self._folder = Path(folder)
        self._prefix = prefix
        self._format: RecordingFormat | None = None
        self._session: QMediaCaptureSession | None = None
        self._input: QAudioInput | None = None
        self._recorder: QMediaRecorder | None = None
        self._devices: QObject | None = None
        self._target: Path | None = None

        style = self.style()
        dot = _red_dot(self.fontMetrics().height() * 2 // 3)
        self.record_button = QPushButton(self.tr("Record"), self)
        # The icon's own square leaves the same gap before the text as the media icons do.
        icon_size = self.record_button.iconSize().width()
        self.record_button.setIcon(QIcon(_red_dot(icon_size * 5 // 8, icon_size)))
        self.record_button.clicked.connect(self.start)
        self.stop_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaStop), self.tr("Stop"), self
        )
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)

        self.indicator = QLabel(self)
        self.indicator.setPixmap(dot)
        self.indicator.setToolTip(self.tr("Recording"))
        self.indicator.setAccessibleName(self.tr("Recording"))
        self.indicator.setVisible(False)
        self.elapsed_label = QLabel(format_ms(0), self)
        self.elapsed_label.setFont(tabular(self.elapsed_label.font()))
        self.elapsed_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0:00:00") + 2)
        self.elapsed_label.setToolTip(self.tr("Time recorded"))
        self.status_label = ElidedLabel(self)
        self.status_label.setObjectName("hint")

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.record_button)
        row.addWidget(self.stop_button)
        row.addSpacing(8)
        row.addWidget(self.indicator)
        row.addWidget(self.elapsed_label)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status_label)

        try:
            multimedia = load_multimedia()
        except MultimediaUnavailable as exc:
            self._set_unavailable(
                self.tr("Recording is not possible here: {reason}.").format(reason=exc)
            )
            return
        self._format = recording_format()
        # Follow microphones being plugged in or out while the pane is open.
        devices = multimedia.QMediaDevices(self)
        devices.audioInputsChanged.connect(self.refresh_devices)
        self._devices = devices
        self.refresh_devices()

    # -- public API ---------------------------------------------------------------------------

    def output_folder(self) -> Path:
        return self._folder

    def is_recording(self) -> bool:
        return self._recorder is not None and self._target is not None

    def refresh_devices(self) -> None:
        """Enable Record when a microphone and an encoder exist; else say why it is off."""
        if self.is_recording():
            return
        if self._format is None:
            self._set_unavailable(self.tr("Recording is not possible here: no audio encoder."))
            return
        try:
            inputs = audio_inputs()
        except MultimediaUnavailable as exc:
            self._set_unavailable(
                self.tr("Recording is not possible here: {reason}.").format(reason=exc)
            )
            return
        if not inputs:
            self._set_unavailable(self.tr("No microphone found"))
            return
        self.record_button.setEnabled(True)
        self.record_button.setToolTip(
            self.tr("Record the call from {device}").format(device=inputs[0].description())
        )
        self.status_label.set_full_text(
            self.tr("Microphone: {device}; saves {format}").format(
                device=inputs[0].description(), format=self._format.label
            )
        )

    def start(self) -> None:
        """Start recording from the default microphone into a new file in the folder."""
        if self.is_recording() or self._format is None:
            return
        inputs = audio_inputs()
        if not inputs:
            self._set_unavailable(self.tr("No microphone found"))
            return
        multimedia = load_multimedia()
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._report(
                self.tr("Cannot record into {folder}: {reason}").format(
                    folder=self._folder, reason=exc.strerror or exc
                )
            )
            return
        stamp = self._clock.now().strftime("%Y%m%d-%H%M%S")
        target = self._folder / f"{self._prefix}-{stamp}.{self._format.suffix}"
        counter = 1
        while target.exists():  # two recordings in one second must not overwrite each other
            counter += 1
            target = self._folder / f"{self._prefix}-{stamp}-{counter}.{self._format.suffix}"

        media_format: QMediaFormat = multimedia.QMediaFormat(self._format.file_format)
        media_format.setAudioCodec(self._format.audio_codec)
        recorder = multimedia.QMediaRecorder(self)
        recorder.setMediaFormat(media_format)
        recorder.setQuality(multimedia.QMediaRecorder.Quality.HighQuality)
        recorder.setOutputLocation(QUrl.fromLocalFile(str(target)))
        audio_input = multimedia.QAudioInput(inputs[0], self)
        session = multimedia.QMediaCaptureSession(self)
        session.setAudioInput(audio_input)
        session.setRecorder(recorder)
        recorder.durationChanged.connect(self._on_duration)
        recorder.recorderStateChanged.connect(self._on_state)
        recorder.errorOccurred.connect(self._on_error)
        self._recorder, self._input, self._session, self._target = (
            recorder,
            audio_input,
            session,
            target,
        )
        self.elapsed_label.setText(format_ms(0))
        self.status_label.set_full_text(self.tr("Recording to {name}").format(name=target.name))
        self.record_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        recorder.record()

    def stop(self) -> None:
        """Finish the file; ``recorded`` follows once the backend has written it."""
        if self._recorder is not None:
            self._recorder.stop()

    # -- the recorder -------------------------------------------------------------------------

    def _on_duration(self, ms: int) -> None:
        self.elapsed_label.setText(format_ms(ms))

    def _on_state(self, state: QMediaRecorder.RecorderState) -> None:
        self.indicator.setVisible(state == type(state).RecordingState)
        if state == type(state).StoppedState:
            self._finish()

    def _on_error(self, error: object, text: str) -> None:
        message = self.tr("Recording failed: {reason}").format(reason=text)
        recorder = self._recorder
        if (
            recorder is not None
            and recorder.recorderState() == type(recorder).RecorderState.StoppedState
        ):
            self._finish()
        # After _finish, so the reason stays on screen instead of the ready line.
        self._report(message)

    def _finish(self) -> None:
        """The recorder has stopped: hand over what it wrote (even a cut-short call is evidence)."""
        if self._recorder is None:
            return
        target = self._actual_location() or self._target
        self._teardown()
        if target is None or not target.is_file():
            return
        if target.stat().st_size == 0:
            # The backend made the file but never wrote to it: nothing to keep as evidence.
            target.unlink(missing_ok=True)
            return
        self.status_label.set_full_text(self.tr("Saved {name}").format(name=target.name))
        self.recorded.emit(target)

    def _actual_location(self) -> Path | None:
        if self._recorder is None:
            return None
        url = self._recorder.actualLocation()
        return Path(url.toLocalFile()) if url.isLocalFile() else None

    def _teardown(self) -> None:
        recorder, audio_input, session = self._recorder, self._input, self._session
        self._recorder = self._input = self._session = None
        self._target = None
        if recorder is not None:
            recorder.durationChanged.disconnect(self._on_duration)
            recorder.recorderStateChanged.disconnect(self._on_state)
            recorder.errorOccurred.disconnect(self._on_error)
        for obj in (session, recorder, audio_input):
            if obj is not None:
                obj.deleteLater()
        self.indicator.setVisible(False)
        self.stop_button.setEnabled(False)
        self.refresh_devices()

    def _report(self, message: str) -> None:
        self.status_label.set_full_text(message)
        self.failed.emit(message)

    def _set_unavailable(self, reason: str) -> None:
        self.record_button.setEnabled(False)
        self.record_button.setToolTip(reason)
        self.status_label.set_full_text(reason)
