"""The frozen app's entry point: run ``ashore.commands.cli.main``, and never fail silently when
started by a double-click (no terminal): write why to ``<data dir>/logs/startup.log``, stderr and, if Qt can
still draw, a message box."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections import deque
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

# The lines a user can act on when Qt itself cannot load (the bundle carries Qt, not the system's
# X11/Wayland/GL libraries).
_LINUX_HINT = (
    "Qt needs some system libraries. On Debian or Ubuntu: sudo apt-get install libegl1 libgl1 "
    "libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 libxcb-cursor0 "
    "libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 "
    "libxcb-render-util0 libxcb-image0 libxcb-xkb1 libpulse0"
)
_COMMAND_WORDS = {"self-test", "import", "export", "verify", "backup", "restore"}
_QUIET_FLAGS = {"-h", "--help", "--version"}


def _ensure_streams() -> None:
    # A windowed Windows executable starts with sys.stdout/sys.stderr set to None; argparse and
    # print would then crash or vanish. Point them at the null device instead.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")


def opens_window(argv: Sequence[str]) -> bool:
    """Whether these arguments open the main window (no command, no --help/--version).

    Told from the words alone, so it works even when ``ashore`` itself cannot be imported.
    """
    skip_value = False
    for arg in argv:
        if skip_value:
            skip_value = False
            continue
        if arg in _QUIET_FLAGS or arg in _COMMAND_WORDS:
            return False
        if arg in ("--data-dir", "--today", "--lang"):
            skip_value = True
    return True


def data_dir_option(argv: Sequence[str]) -> str | None:
    """The value of ``--data-dir DIR`` or ``--data-dir=DIR`` in argv, if given."""
    for index, arg in enumerate(argv):
        if arg == "--data-dir" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--data-dir="):
            return arg.partition("=")[2]
    return None


def startup_log_path(argv: Sequence[str]) -> Path:
    """``<data dir>/logs/startup.log`` for these arguments (the temp dir if ashore cannot load)."""
    try:
        from ashore.app.paths import DataDir, resolve_data_dir

        return DataDir(resolve_data_dir(data_dir_option(argv))).logs / "startup.log"
    except Exception:  # the package itself is broken: still leave a trace somewhere findable
        return Path(tempfile.gettempdir()) / "Ashore-startup.log"


def _version() -> str:
    try:
        from ashore import __version__

        return __version__
    except Exception:
        return "(unknown version)"


def write_startup_log(argv: Sequence[str], summary: str, details: str) -> Path | None:
    """Append one dated entry to the startup log; return its path, or None if nothing could be
    written anywhere: the caller still prints the message."""
    fallback = Path(tempfile.gettempdir()) / "Ashore-startup.log"
    for path in (startup_log_path(argv), fallback):  # the temp dir when the data dir is unusable
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as log:
                stamp = datetime.now().isoformat(timespec="seconds")
                log.write(f"--- {stamp} Ashore {_version()} on {sys.platform}\n")
                log.write(f"arguments: {list(argv)!r}\n{summary}\n")
                if details:
                    log.write(details.rstrip("\n") + "\n")
            return path
        except OSError:
            continue
    return None


def report_startup_failure(
    argv: Sequence[str],
    summary: str,
    details: str = "",
    dialog: bool = False,
    echo: bool = True,
) -> Path | None:
    """Tell the user why Ashore did not start: the log file, stderr (unless ``echo`` is False
    because it was printed already), and a message box if asked for and Qt can show one. Returns
    the log file written, if any."""
    log = write_startup_log(argv, summary, details)
    if echo:
        where = f" (details in {log})" if log else ""
        print(f"ashore: {summary}{where}", file=sys.stderr)
    if dialog:
        _show_dialog(summary, log)
    return log


def _show_dialog(summary: str, log: Path | None) -> None:
    try:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QApplication, QMessageBox
    except Exception:
        return  # no Qt: the log and stderr are all we can do
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "Ashore"])
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return  # no screen anybody could click on (tests, CI)
    text = QCoreApplication.translate("Launcher", "Ashore could not start.")
    box = QMessageBox(QMessageBox.Icon.Critical, "Ashore", text)
    more = summary
    if log is not None:
        more += "\n\n" + QCoreApplication.translate("Launcher", "Details are in {0}").format(log)
    box.setInformativeText(more)
    box.exec()
    del app


class _Tee:
    """A text stream that passes writes on and keeps a copy, so a failed start can be shown."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner
        # the tail only: a long session's warnings must not pile up in memory
        self.text: deque[str] = deque(maxlen=200)

    def write(self, data: str) -> int:
        self.text.append(data)
        return self._inner.write(data)

    def flush(self) -> None:
        self._inner.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _install_fatal_handler(argv: Sequence[str]) -> None:
    """Log Qt's fatal messages (e.g. no platform plugin could load) before Qt aborts.

    Qt calls the message handler with the reason and then aborts the process, so this is the only
    moment the reason can be kept. Other messages are printed as Qt would; the last few are kept
    because they name the missing library ("libxcb-cursor0 is needed ...").
    """
    from PySide6.QtCore import (
        QMessageLogContext,
        QtMsgType,
        qFormatLogMessage,
        qInstallMessageHandler,
    )

    recent: deque[str] = deque(maxlen=8)

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if mode != QtMsgType.QtFatalMsg:
            line = qFormatLogMessage(mode, context, message)  # as Qt's own handler prints it
            recent.append(line)
            sys.stderr.write(line + "\n")
            return
        details = "\n".join([*recent, message])
        if sys.platform.startswith("linux"):
            details += "\n" + _LINUX_HINT
        summary = "Qt could not start: " + message.strip().splitlines()[0]
        report_startup_failure(argv, summary, details)
        sys.stderr.flush()
        os._exit(1)  # what Qt would do next is abort(); exit plainly instead of dumping core

    qInstallMessageHandler(handler)


def main(argv: Sequence[str] | None = None) -> int:
    _ensure_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    if not opens_window(args):
        # Commands run in a terminal or a script: cli already reports errors on stderr.
        from ashore.commands.cli import main as cli_main

        return cli_main(args)

    try:
        import PySide6.QtWidgets  # noqa: F401 - the probe: fails when a system library is missing
    except Exception as error:  # ImportError, or OSError from a broken shared library
        details = traceback.format_exc()
        if sys.platform.startswith("linux"):
            details += _LINUX_HINT + "\n"
        report_startup_failure(args, f"Qt could not be loaded: {error}", details)
        return 1

    try:
        from ashore.commands.cli import main as cli_main
    except Exception as error:
        report_startup_failure(
            args, f"the app is incomplete: {error}", traceback.format_exc(), dialog=True
        )
        return 1

    _install_fatal_handler(args)
    tee = _Tee(sys.stderr)
    sys.stderr = tee
    try:
        code = cli_main(args)
    finally:
        sys.stderr = tee._inner
    if code != 0:
        said = "".join(tee.text).strip()
        errors = [line for line in said.splitlines() if line.startswith("ashore: ")]
        if errors:
            # cli reported an error on stderr only, which nobody sees after a double-click
            summary = errors[-1].removeprefix("ashore: ")
            report_startup_failure(args, summary, said, dialog=True, echo=False)
        else:
            # the window itself already told the user (e.g. the data cannot be opened)
            write_startup_log(args, f"the app stopped with exit code {code}", said)
    return code


if __name__ == "__main__":
    sys.exit(main())
