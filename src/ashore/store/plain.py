"""The data dir's database over the driver's own SQLite connection, for ``ashore import`` and
``ashore export json``: no SQLAlchemy imported, the same lock, pragmas, transaction and error
words as ``Database.open`` and ``Database.transaction``, and the few rows an import writes besides
the loans' (lenders, evidence files, settings, seals) as the ORM writes them.

Only a database at the newest schema (or a new one, given it at once) is opened so; an older one
raises ``NotNewest`` and is opened (and migrated) by ``Database.open`` instead.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from ashore.app.errors import DataError, InputError
from ashore.app.paths import DataDir
from ashore.domain.records import Attachment, Lender
from ashore.store import dbfile, lock, schema
from ashore.store.audit import NotNewest
from ashore.store.dbfile import data_error
from ashore.store.evidence import EvidenceStore
from ashore.store.rows import moment
from ashore.store.seal_read import CHUNK, write_seals

__all__ = ["NotNewest", "reading", "write_seals", "writing"]


def _connect(target: str, path: Path, *, uri: bool = False) -> sqlite3.Connection:
    """A connection with ``Database``'s pragmas; transactions are begun by hand."""
    try:
        raw = sqlite3.connect(target, isolation_level=None, uri=uri)
        raw.execute("PRAGMA foreign_keys=ON")
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA busy_timeout=5000")
        raw.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.Error as error:
        raise data_error(error, path) or DataError.about(
            path, "database.unreadable", f"cannot be opened: {error}", reason=error
        ) from None
    return raw


def _open_newest(data: DataDir) -> sqlite3.Connection:
    """The database at the newest schema, created so when it is new (as ``Database.open``
    creates it); NotNewest when it is older (or this Ashore's schema statements are behind)."""
    path = data.database
    if path.exists() and path.stat().st_size > 0:
        if dbfile.inspect_file(path)[0] != dbfile.SCHEMA_HEAD:
            raise NotNewest(path)
        os.chmod(path, 0o600)
    else:
        dbfile.new_file(path)
        if schema.REVISION != dbfile.SCHEMA_HEAD:  # (a test may stand a later head in)
            raise NotNewest(path)
        try:
            dbfile.create_new(path)
        except sqlite3.Error as error:
            raise data_error(error, path) or DataError.about(
                path, "database.not_created", f"cannot create: {error}", reason=error
            ) from None
    return _connect(str(path), path)


@contextmanager
def _transaction(
    raw: sqlite3.Connection, path: Path, *, commit: bool = True
) -> Iterator[sqlite3.Connection]:
    """One transaction: committed when the block ends (rolled back for a reader), rolled back on
    any error; an SQLite error that says what went wrong in the world (locked, full, damaged) as
    DataError, as ``Database.transaction`` words it."""
    try:
        raw.execute("BEGIN")
        try:
            yield raw
        except BaseException:
            raw.execute("ROLLBACK")
            raise
        raw.execute("COMMIT" if commit else "ROLLBACK")
    except sqlite3.Error as error:
        known = data_error(error, path)
        if known is not None:
            raise known from error
        raise


@contextmanager
def _locked(data: DataDir) -> Iterator[sqlite3.Connection]:
    """The database at the newest schema under the data dir's lock, as ``Database.open`` takes
    it (a killed restore finished, the folders made first)."""
    lock.acquire(data.root)
    try:
        dbfile.prepare(data)
        raw = _open_newest(data)
        try:
            yield raw
        finally:
            raw.close()
    finally:
        lock.release(data.root)


@contextmanager
def writing(data: DataDir) -> Iterator[sqlite3.Connection]:
    """The data dir's database in one transaction, holding its lock as ``Database.open`` does:
    committed when the block ends, rolled back on error. NotNewest for an older database."""
    with _locked(data) as raw, _transaction(raw, data.database):
        yield raw


@contextmanager
def reading(data: DataDir) -> Iterator[sqlite3.Connection]:
    """The data dir's database for reads only, as ``Database.open(read_only=True)`` opens it:
    beside a window that holds the lock through a connection that cannot write, else under the
    lock. One transaction (one consistent snapshot), rolled back at the end."""
    path = data.database
    if not lock.busy(data.root):
        with _locked(data) as raw, _transaction(raw, path, commit=False):
            yield raw
        return
    if not path.exists() or dbfile.inspect_file(path)[0] != dbfile.SCHEMA_HEAD:
        raise DataError.about(
            data.root,
            "lock.held_older",
            "Ashore is open on this data dir and the database is not at this "
            "version's schema: close it first",
        )
    raw = _connect(f"file:{path.absolute()}?mode=ro", path, uri=True)
    try:
        with _transaction(raw, path, commit=False):
            yield raw
    finally:
        raw.close()


# --- the rows an import writes besides the loans' ---------------------------------------------


def lenders(raw: sqlite3.Connection) -> dict[str, Lender]:
    """Every kept lender by id."""
    rows = raw.execute("SELECT id, name, phone, notes, hours, website FROM lenders ORDER BY id")
    return {str(r[0]): Lender(*(str(v) for v in r)) for r in rows}


def add_lender(raw: sqlite3.Connection, lender: Lender) -> None:
    raw.execute(
        "INSERT INTO lenders (id, name, phone, notes, hours, website) VALUES (?, ?, ?, ?, ?, ?)",
        (lender.id, lender.name, lender.phone, lender.notes, lender.hours, lender.website),
    )


def existing_loan_ids(raw: sqlite3.Connection, ids: list[str]) -> set[str]:
    """Which of ``ids`` are loans already kept (asked ``CHUNK`` at a time)."""
    found: set[str] = set()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        found.update(
            str(r[0]) for r in raw.execute(f"SELECT id FROM loans WHERE id IN ({marks})", chunk)
        )
    return found


def _has_file_row(raw: sqlite3.Connection, sha256: str) -> bool:
    row = raw.execute("SELECT 1 FROM evidence_files WHERE sha256 = ?", (sha256,)).fetchone()
    return row is not None


def _add_file_row(
    raw: sqlite3.Connection,
    sha256: str,
    name: str,
    size: int,
    kind: str,
    imported_at: datetime,
    duration_ms: int | None,
) -> None:
    raw.execute(
        "INSERT INTO evidence_files (sha256, original_name, size, kind, imported_at, duration_ms) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (sha256, name, size, kind, moment(imported_at), duration_ms),
    )


def keep_file(
    raw: sqlite3.Connection, sha256: str, name: str, size: int, kind: str, at: datetime
) -> None:
    """The evidence row of a file already in the store, made now when it has none yet
    (``mapping.files.keep_evidence_file``)."""
    if not _has_file_row(raw, sha256):
        _add_file_row(raw, sha256, name, size, kind, at, None)


def attachment_file(
    raw: sqlite3.Connection, store: EvidenceStore, attachment: Attachment, path: str, at: datetime
) -> None:
    """The evidence row of an attachment, made from the stored file when first linked
    (``mapping.files.evidence_row``)."""
    if _has_file_row(raw, attachment.sha256):
        return
    if not store.has(attachment.sha256):
        raise InputError(f"{path}.sha256: no file with this hash is in the evidence store")
    size = store.path_for(attachment.sha256).stat().st_size
    imported = attachment.imported_at or at
    _add_file_row(
        raw,
        attachment.sha256,
        attachment.name,
        size,
        attachment.kind,
        imported,
        attachment.duration_ms,
    )


def get_setting(raw: sqlite3.Connection, key: str) -> str | None:
    row = raw.execute('SELECT value FROM settings WHERE "key" = ?', (key,)).fetchone()
    return None if row is None else str(row[0])


def set_setting(raw: sqlite3.Connection, key: str, value: str) -> None:
    raw.execute('INSERT OR REPLACE INTO settings ("key", value) VALUES (?, ?)', (key, value))


def discard_unreferenced(data: DataDir, store: EvidenceStore, added: list[str]) -> None:
    """Undo a failed import's new evidence files, but only those no committed row refers to
    (``mapping.files.discard_unreferenced``); when the database cannot say, every file stays."""
    if not added:
        return
    try:
        raw = sqlite3.connect(data.database)
        try:
            marks = ", ".join("?" * len(added))
            rows = raw.execute(
                f"SELECT sha256 FROM evidence_files WHERE sha256 IN ({marks})", added
            )
            used = {str(r[0]) for r in rows}
        finally:
            raw.close()
    except sqlite3.Error:
        return
    for sha in added:
        if sha not in used:
            store.discard(sha)
