"""Whether this machine can play and record call recordings, and how long a recording lasts.

Qt-free at import: QtMultimedia is loaded inside the functions that need it, so the command line
and the window's start-up pay nothing for it until audio is really wanted. WAV is measured from
its header below the ui (``ashore.store.media``); other formats ask QtMultimedia here.
"""

from __future__ import annotations

import os
import tempfile
import wave
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ashore.store.media import ms_half_up, wav_duration_ms

# How long the Qt fallback of probe_duration_ms waits for the backend to read a file's header.
QT_PROBE_TIMEOUT_MS = 5000


# The silent WAV audio_backend_status asks the player to open: a quarter second at 8 kHz.
PROBE_RATE = 8000

PROBE_FRAMES = 2000


def probe_duration_ms(path: Path | str) -> int | None:
    """The length of the recording at ``path`` in whole milliseconds (half-up), or None if unknown.

    WAV is measured from its header alone (no Qt, exact to the sample). Other formats ask
    QtMultimedia; that waits up to ``QT_PROBE_TIMEOUT_MS`` in a local event loop, so call it from
    the command line or a worker, not from a widget (a widget has AudioPlayer.durationKnown).
    """
    path = Path(path)
    if not path.is_file():
        return None
    ms = wav_duration_ms(path)
    if ms is not None:
        return ms
    return _qt_duration_ms(path)


def audio_backend_status() -> tuple[bool, str]:
    """``(True, what works)`` when QMediaPlayer can open files here, else ``(False, why not)``.

    It asks QMediaPlayer to read a short silent WAV (a fraction of a second; at most
    ``QT_PROBE_TIMEOUT_MS`` in a local event loop) and lists the audio devices. Never raises.
    Needs no QApplication: without any Qt application it makes a QCoreApplication for the look
    and shuts it down again, so a QApplication can still be created afterwards.
    """
    try:
        from PySide6 import QtMultimedia  # noqa: F401  (the import is the first check)
    except ImportError as exc:
        return False, import_failure_reason(exc)
    try:
        with _core_application():
            return _backend_report()
    # A broken backend must not take the caller down with it: whatever a native plugin raises
    # becomes the reason shown, which is this function's whole job.
    except Exception as exc:  # noqa: BLE001
        return False, f"QtMultimedia failed while probing: {exc}"


def import_failure_reason(exc: ImportError) -> str:
    text = str(exc)
    if isinstance(exc, ModuleNotFoundError) and "QtMultimedia" in text:
        return "QtMultimedia is not installed (package PySide6-Addons)"
    if "libpulse" in text:
        return "QtMultimedia needs libpulse0, which is not installed"
    return f"QtMultimedia cannot load ({text})"


@contextmanager
def _core_application() -> Iterator[None]:
    """Make sure a Qt application exists while QtMultimedia is asked (it refuses otherwise)."""
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        yield
        return
    app = QCoreApplication([])
    try:
        yield
    finally:
        # shutdown() destroys the instance now, so the caller may still make its QApplication.
        app.shutdown()


def _backend_names() -> list[str]:
    from PySide6.QtCore import QLibraryInfo

    chosen = os.environ.get("QT_MEDIA_BACKEND", "").strip()
    if chosen:
        return [chosen]
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "multimedia"
    names = []
    for plugin in sorted(folder.glob("*mediaplugin*")):
        stem = plugin.name.split(".")[0]
        names.append(stem.removeprefix("lib").removesuffix("mediaplugin"))
    return names


def _backend_report() -> tuple[bool, str]:
    from PySide6.QtMultimedia import QMediaDevices

    backend = "/".join(_backend_names()) or "default"
    # Ask the player itself: QMediaFormat's list of decodable codecs is not the truth (with the
    # FFmpeg backend it leaves out MP3 and Opus, which play), so a real file is the only sure test.
    with tempfile.TemporaryDirectory(prefix="ashore-audio-probe-") as folder:
        sample = Path(folder) / "probe.wav"
        with wave.open(str(sample), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(PROBE_RATE)
            wav.writeframes(b"\0\0" * PROBE_FRAMES)
        measured = _qt_duration_ms(sample)
    expected = ms_half_up(PROBE_FRAMES, PROBE_RATE)
    if measured is None or abs(measured - expected) > 50:
        seen = "nothing" if measured is None else f"{measured} ms"
        return False, (
            f"QMediaPlayer ({backend} backend) could not read a {expected} ms test WAV "
            f"(it reported {seen})"
        )
    parts = [f"{backend} backend read a {expected} ms test WAV as {measured} ms"]
    outputs = QMediaDevices.audioOutputs()
    if outputs:
        parts.append(f"plays to {outputs[0].description()}")
    else:
        parts.append("no audio output device (files load, playback is silent)")
    inputs = QMediaDevices.audioInputs()
    if inputs:
        parts.append(f"records from {inputs[0].description()}")
    else:
        parts.append("no microphone found (recording is off)")
    return True, "; ".join(parts)


def _qt_duration_ms(path: Path) -> int | None:
    """The duration QMediaPlayer reads from the file's header, or None (no backend, unreadable)."""
    try:
        from PySide6.QtCore import QUrl
        from PySide6.QtMultimedia import QMediaPlayer
    except ImportError:
        return None
    with _core_application():
        player = QMediaPlayer()
        try:
            player.setSource(QUrl.fromLocalFile(str(path.resolve())))
            ms = _wait_for_duration(player)
        finally:
            player.setSource(QUrl())
            # Destroy it while its application still exists; its decoder threads end with it.
            del player
    return ms if ms > 0 else None


def _wait_for_duration(player: Any) -> int:
    """Handle Qt events until ``player`` has read its source (or failed, or timed out)."""
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QTimer
    from PySide6.QtMultimedia import QMediaPlayer

    status = QMediaPlayer.MediaStatus
    done = (status.LoadedMedia, status.BufferedMedia, status.InvalidMedia)
    deadline = QDeadlineTimer(QT_PROBE_TIMEOUT_MS)
    # processEvents, not a QEventLoop: a nested loop returns at once when the application has been
    # told to quit outside exec() (a window closed after its loop ended), and the load would be
    # cancelled; processEvents runs regardless. The ticking timer wakes the wait to check the time.
    ticker = QTimer(interval=50)
    ticker.start()
    try:
        while player.mediaStatus() not in done and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        ticker.stop()
    return int(player.duration())
