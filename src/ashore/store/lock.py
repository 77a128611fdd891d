"""One writer at a time: an exclusive lock on the data dir's ``ashore.lock``.

``Database.open`` takes it and ``Database.close`` gives it back; a second window or command on the
same data dir waits up to ``WAIT_SECONDS`` for it, then is refused with a message saying what to
do. Commands that only read (``export summary``, ``export json``…) open the database read-only
beside a window that holds the lock (``busy``; ``Database.open(read_only=True)``): SQLite's WAL
gives each reader a consistent snapshot while the one writer writes, and a read-only connection
cannot change a byte. The lock is the kernel's (``fcntl.flock``): a killed process holds it no
longer. Within one process it is counted, so code that opens the same data dir twice (a restore
reopening, tests) shares it.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ashore.app.errors import DataError

LOCK_NAME = "ashore.lock"
WAIT_SECONDS = 2.0

# root -> (descriptor of the locked file, how many holders in this process)
_HELD: dict[Path, tuple[int, int]] = {}


def _flock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no second-process guard there yet
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            return False
        raise
    return True


def _holder(path: Path) -> str:
    """The process id the lock file names, "" when it names none."""
    try:
        pid = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return pid if pid.isdigit() else ""


def _held(key: Path, path: Path) -> DataError:
    pid = _holder(path)
    close = "close it first (one window or command at a time keeps the data whole)"
    if not pid:
        return DataError.about(key, "lock.held", f"Ashore is open on this data dir: {close}")
    return DataError.about(
        key,
        "lock.held_by",
        f"Ashore is open on this data dir (process {pid}): {close}",
        process=pid,
    )


def busy(root: Path) -> bool:
    """True when another process holds the data dir's lock (the window is open on it): a
    read-only command then reads beside it (SQLite gives a reader a consistent snapshot while
    one writer writes) instead of waiting for it to close."""
    key = Path(os.path.abspath(root))
    path = key / LOCK_NAME
    if key in _HELD or not path.exists():
        return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        if not _flock(fd):
            return True
        return False
    finally:
        os.close(fd)  # a lock taken just to look is dropped with the descriptor


def acquire(root: Path, wait: float | None = None) -> None:
    """Take the data dir's lock (or one more hold on it); DataError when another process keeps it
    longer than ``wait`` seconds."""
    key = Path(os.path.abspath(root))
    held = _HELD.get(key)
    if held is not None:
        _HELD[key] = (held[0], held[1] + 1)
        return
    path = key / LOCK_NAME
    try:
        key.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        raise DataError.about(
            key,
            "lock.not_created",
            f"cannot create the lock file: {error.strerror}",
            reason=error.strerror,
        ) from None
    deadline = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
    try:
        while not _flock(fd):
            if time.monotonic() >= deadline:
                raise _held(key, path)
            time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
    except BaseException:
        os.close(fd)
        raise
    _HELD[key] = (fd, 1)


def release(root: Path) -> None:
    key = Path(os.path.abspath(root))
    held = _HELD.get(key)
    if held is None:
        return
    fd, count = held
    if count > 1:
        _HELD[key] = (fd, count - 1)
        return
    del _HELD[key]
    os.close(fd)  # closing the descriptor drops the flock


@contextmanager
def holding(root: Path, wait: float | None = None) -> Iterator[None]:
    acquire(root, wait)
    try:
        yield
    finally:
        release(root)
