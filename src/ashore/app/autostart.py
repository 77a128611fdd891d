"""Start Ashore at login, minimised to the tray, so reminders come without opening the window.

On Linux (and other XDG desktops) this is a ``.desktop`` entry under
``$XDG_CONFIG_HOME/autostart`` (``~/.config/autostart`` when unset), written only when the user
turns it on and removed when they turn it off. Elsewhere it is not offered (``supported()``).
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from ashore.app.errors import DataError
from ashore.app.paths import APP_ID

TRAY_OPTION = "--tray"


def supported() -> bool:
    """XDG autostart: Linux and the BSDs."""
    return sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def entry_path() -> Path:
    """Where the autostart entry lives."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart" / f"{APP_ID}.desktop"


def launch_command() -> list[str]:
    """How this Ashore is started: the frozen bundle's program, or this Python with -m ashore."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "ashore"]


def entry_text(command: Sequence[str]) -> str:
    exec_line = " ".join(shlex.quote(part) for part in [*command, TRAY_OPTION])
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Ashore\n"
        "Comment=Payment reminders in the tray\n"
        "Comment[zh_CN]=托盘中的还款提醒\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def is_enabled() -> bool:
    return entry_path().is_file()


def enable(command: Sequence[str] | None = None) -> Path:
    """Write the autostart entry (replacing an earlier one); returns its path."""
    path = entry_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.tmp")
        temp.write_text(entry_text(command or launch_command()), encoding="utf-8")
        os.replace(temp, path)
    except OSError as error:
        raise DataError.about(
            path,
            "autostart.not_written",
            f"cannot write the autostart entry: {error.strerror}",
            reason=error.strerror,
        ) from None
    return path


def disable() -> None:
    """Remove the autostart entry (nothing happens when there is none)."""
    try:
        entry_path().unlink(missing_ok=True)
    except OSError as error:
        raise DataError.about(
            entry_path(),
            "autostart.not_removed",
            f"cannot remove it: {error.strerror}",
            reason=error.strerror,
        ) from None
