"""The evidence file store: each file kept byte for byte under its SHA-256, read-only, stored once.

Layout: ``<root>/<sha256[:2]>/<sha256>``. A file is hashed while it is copied to a temporary file
beside its final place, then renamed, so a crash never leaves a half-written file under a real hash.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ashore.app.errors import DataError, InputError
from ashore.app.progress import Cancelled  # one Cancelled for every stopped task
from ashore.domain.validation import is_sha256 as is_sha256  # the one check, kept here too

CHUNK = 1024 * 1024
Progress = Callable[[int, int], None]  # (bytes done, bytes in all)


def sha256_of(path: Path) -> str:
    """The SHA-256 (hex) of a file, read in chunks so a 300 MB recording never sits in memory."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def regular_file(path: Path) -> bool:
    """Whether ``path`` is a plain file (links followed): not a folder, device, FIFO or socket."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading only if it is a plain file, checked on the open descriptor (a
    FIFO swapped in after a check neither blocks nor is read)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(errno.EISDIR, "not a plain file", str(path))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


class EvidenceStore:
    """The files under ``root`` (the data dir's ``evidence/``)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise InputError(f"sha256: {sha256!r} is not a SHA-256 (64 lowercase hex digits)")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_file(self, source: Path) -> str:
        """Copy ``source`` into the store (once per content) and return its SHA-256."""
        return self.add(source)[0]

    # Complexity over 10 on purpose: one copy loop with its cancel points, and the one place
    # that turns every way a copy can fail into a message naming the file.
    def add(  # noqa: C901
        self,
        source: Path,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        field: str = "",
    ) -> tuple[str, bool]:
        """Hash and copy ``source`` into the store in chunks: (SHA-256, newly stored).

        Only a plain file is read (not a folder, device, FIFO or socket). ``progress(done,
        total)`` follows each chunk; when ``cancelled()`` turns true the temporary copy is
        removed and ``Cancelled`` raised, so nothing half-written is ever left behind. ``field``
        names what the file was given as, before the message of a file that cannot be read.
        """
        named = f"{field}: {source}" if field else f"{source}"
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            os.chmod(self.root, 0o700)
            digest = hashlib.sha256()
            fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
            tmp = Path(tmp_name)
            try:
                with os.fdopen(fd, "wb") as dst, open_regular(source) as src:
                    total = os.fstat(src.fileno()).st_size
                    done = 0
                    while chunk := src.read(CHUNK):
                        if cancelled is not None and cancelled():
                            raise Cancelled(str(source))
                        digest.update(chunk)
                        dst.write(chunk)
                        done += len(chunk)
                        if progress is not None:
                            progress(done, total)
                    dst.flush()
                    os.fsync(dst.fileno())
                if cancelled is not None and cancelled():
                    raise Cancelled(str(source))
                sha = digest.hexdigest()
                final = self.path_for(sha)
                if final.is_file() and sha256_of(final) == sha:
                    return sha, False
                existed = final.exists()
                final.parent.mkdir(exist_ok=True)
                os.chmod(final.parent, 0o700)
                os.chmod(tmp, 0o400)  # kept read-only: the app never changes an original
                # A damaged earlier copy (read-only) is replaced by the good one.
                os.replace(tmp, final)
                return sha, not existed
            finally:
                tmp.unlink(missing_ok=True)
        except FileNotFoundError:
            raise InputError.about(named, "file.missing", "no such file") from None
        except IsADirectoryError:
            raise InputError.about(named, "file.not_plain", "is not a plain file") from None
        except ValueError:  # a NUL character in the path
            shown = f"{field}: {source!r}" if field else f"{source!r}"
            raise InputError.about(shown, "file.bad_name", "is not a usable file name") from None
        except PermissionError as error:
            raise DataError.about(
                error.filename or source, "file.permission_denied", "permission denied"
            ) from None
        except OSError as error:
            raise DataError.about(
                "",
                "evidence.not_stored",
                f"cannot store {source} in {self.root}: {error.strerror}",
                file=source,
                reason=error.strerror,
            ) from None

    def discard(self, sha256: str) -> None:
        """Remove a stored file (and its folder when empty): only for undoing a failed import."""
        path = self.path_for(sha256)
        path.unlink(missing_ok=True)
        try:
            path.parent.rmdir()
        except OSError:
            pass  # other files share the folder, or it was never made

    def open(self, sha256: str) -> BinaryIO:
        """The stored file for reading; DataError when it is missing."""
        path = self.path_for(sha256)
        try:
            return path.open("rb")
        except FileNotFoundError:
            raise DataError.about(
                f"evidence {sha256}", "evidence.missing", "the stored file is missing"
            ) from None

    def verify(self, sha256: str) -> str | None:
        """None when the stored file matches its hash, else what is wrong with it."""
        path = self.path_for(sha256)
        if not path.is_file():
            return "the stored file is missing"
        try:
            actual = sha256_of(path)
        except OSError as error:
            return f"cannot be read: {error.strerror}"
        if actual != sha256:
            return f"content changed (now hashes to {actual})"
        return None

    def stored(self) -> list[str]:
        """Every hash that has a file in the store, sorted."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.glob("??/*") if p.is_file() and is_sha256(p.name))
