"""The database file as it is on disk, read without SQLAlchemy (so ``ashore verify`` need not
import it): the schema revision it holds, what an SQLite error says about it, and the data dir made
ready (a killed restore finished, the folders made, everything private) before it is opened."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from ashore.app.errors import DataError
from ashore.app.paths import DataDir, tightened_message
from ashore.store import schema
from ashore.store.journal import recover

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_log = logging.getLogger("ashore.store.database")

# The newest revision in migrations/versions (a test holds it equal to Alembic's head). A database
# already there opens without importing Alembic at all, which saves start-up about 0.4 s.
# The loans' seals (issue 14, assigned 0003) were written on 0002 while 0004 to 0006 were too;
# chained after them as 0007 so that Alembic has one line of revisions.
SCHEMA_HEAD = "0008"


def data_error(error: BaseException, path: Path) -> DataError | None:
    """The DataError saying what went wrong in the world; None when ``error`` looks like a bug."""
    message = str(getattr(error, "orig", error) or error).lower()
    where = path.parent / "backups"
    if "locked" in message or "busy" in message:
        return DataError.about(
            path,
            "database.locked",
            "the database is locked by another program (is Ashore already open?); "
            "close it and try again",
        )
    if "full" in message:
        return DataError.about(path, "disk.full", "the disk is full; free some space and try again")
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return DataError.about(
            path,
            "database.damaged",
            "the database is damaged; put a backup back with `ashore restore FILE` "
            f"(automatic copies are in {where})",
            backups=where,
        )
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        return DataError.about(
            path,
            "database.read_only",
            "the database cannot be written; check the folder's permissions",
        )
    if "disk i/o" in message:
        return DataError.about(
            path, "disk.error", "the disk reported an error; check it and try again"
        )
    return None


def inspect_file(path: Path) -> tuple[str | None, bool]:
    """The file's Alembic revision and whether it holds any table, read without changing a byte."""
    # immutable=1 opens no journal or WAL files at all; a left-over -wal (after a crash) still
    # holds data, so then read it normally but read-only.
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        con = sqlite3.connect(f"{path.absolute().as_uri()}?{mode}", uri=True)
    except sqlite3.Error as error:
        raise data_error(error, path) or DataError.about(
            path, "database.unreadable", f"cannot be opened: {error}", reason=error
        ) from None
    try:
        tables = {
            row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return revision, bool(tables)
    except sqlite3.Error as error:
        raise data_error(error, path) or DataError.about(
            path, "database.unreadable", f"cannot be read: {error}", reason=error
        ) from None
    finally:
        con.close()


def new_file(path: Path) -> None:
    """The empty database file at ``path``, private (0600) from the start; DataError when it
    cannot be made."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)
    except OSError as error:
        raise DataError.about(
            path,
            "database.not_created",
            f"cannot create the database: {error.strerror}",
            reason=error.strerror,
        ) from None
    os.chmod(path, 0o600)


def create_new(path: Path) -> None:
    """Give the empty (or new) file at ``path`` the newest schema in one transaction, from the
    statements of ``store.schema`` (what the migrations build, held equal by a test): about half
    a second less than running every migration through Alembic, which is not even imported.
    sqlite3.Error when it cannot; the file is then left without any table."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("BEGIN")
        try:
            for statement in schema.STATEMENTS:
                con.execute(statement)
            con.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (schema.REVISION,))
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
    finally:
        con.close()


def prepare(data: DataDir) -> None:
    """Finish what a killed restore left, create the folders, make everything private."""
    recovered = recover(data)
    if recovered:
        _log.warning("%s: %s", data.root, recovered)
    try:
        data.ensure()
        changed = data.tighten()
    except OSError as error:
        raise DataError.about(
            data.root,
            "folder.not_created",
            f"cannot create the data folder: {error.strerror}",
            reason=error.strerror,
        ) from None
    if changed:
        _log.warning("%s", tightened_message(data.root, changed))


def driver(session: Session) -> sqlite3.Connection:
    """The driver's own connection under ``session``, in its transaction (begun here): what
    the plain-SQL reads and writes (``store.plain_read``, ``store.bulk``, …) run over, a few
    queries turned into records without an ORM object per row."""
    raw = session.connection().connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw
