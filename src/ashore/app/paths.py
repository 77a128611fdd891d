"""Where Ashore keeps its data, and the overrides for tests and development.

Nothing here touches the disk on import. ``DataDir.ensure()`` creates the folders (mode 0700) when a
command actually needs them.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from ashore.app.errors import InputError
from ashore.app.frozen import Frozen

APP_NAME = "Ashore"
APP_ID = "io.github.ashore.Ashore"
ENV_DATA_DIR = "ASHORE_DATA_DIR"
ENV_TODAY = "ASHORE_TODAY"


def default_data_dir() -> Path:
    """The platform's user data dir for Ashore (e.g. ~/.local/share/Ashore)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resolve_data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """The data dir from ``--data-dir``, else ``$ASHORE_DATA_DIR``, else the platform default."""
    if option:
        return Path(option).expanduser().absolute()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().absolute()
    return default_data_dir()


def resolve_today(option: str | None = None) -> date | None:
    """The date the app takes as today: ``--today``, else ``$ASHORE_TODAY``; None: the clock's.

    Raises InputError with a readable message for a malformed or impossible date.
    """
    text = option or os.environ.get(ENV_TODAY)
    if not text:
        return None
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"--today: {text!r} is not a date (YYYY-MM-DD)") from None
    if not 1970 <= day.year <= 2200:
        raise InputError(f"--today: {day.isoformat()} is not between 1970 and 2200")
    return day


class DataDir(Frozen):
    """The layout of one data dir: the database, the evidence store, backups and logs."""

    FIELDS = ("root",)
    root: Path

    def __init__(self, root: Path) -> None:
        self._set(root)

    @property
    def database(self) -> Path:
        return self.root / "ashore.sqlite3"

    @property
    def evidence(self) -> Path:
        return self.root / "evidence"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def settings(self) -> Path:
        return self.root / "settings.ini"

    def ensure(self) -> DataDir:
        """Create the folders that are missing, readable by the owner only (0700)."""
        for folder in (self.root, self.evidence, self.backups, self.logs):
            if not folder.exists():
                folder.mkdir(parents=True, exist_ok=True)
                os.chmod(folder, 0o700)
        return self

    def tighten(self) -> list[Path]:
        """Make everything under the data dir private: folders 0700, files without any group or
        other bits (evidence stays read-only). Returns what was changed; links are not followed.

        A data dir made by hand, copied in, or written under a loose umask may be readable by
        every user of the machine; its call notes and recordings must not be."""
        changed: list[Path] = []
        if not self.root.is_dir():
            return changed
        for path in (self.root, *self.root.rglob("*")):
            try:
                info = path.lstat()
            except OSError:
                continue
            if stat.S_ISLNK(info.st_mode):
                continue
            mode = stat.S_IMODE(info.st_mode)
            wanted = 0o700 if stat.S_ISDIR(info.st_mode) else mode & 0o700
            if mode != wanted and (mode & 0o077 or stat.S_ISDIR(info.st_mode)):
                try:
                    os.chmod(path, wanted)
                except OSError:
                    continue
                changed.append(path)
        return changed


@contextmanager
def private_umask() -> Iterator[None]:
    """While the block runs, new files are 0600 and new folders 0700 whatever the umask was."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def tightened_message(root: Path, changed: list[Path]) -> str:
    return (
        f"{root}: {len(changed)} file(s) or folder(s) could be read by other users; "
        "made them private (owner only)"
    )
