"""Open the database: create or migrate it (after a backup), refuse a newer one, set the pragmas.

``Database.open(data)`` is the one way in. It tells "the world went wrong" (a newer, damaged, locked
or unwritable database, a full disk) apart from bugs by raising ``DataError`` with a way out.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ashore.app.clock import Clock
from ashore.app.errors import DataError
from ashore.app.paths import DataDir
from ashore.store import lock, schema
from ashore.store.changes import ChangeLog, keep_log
from ashore.store.dbfile import (
    SCHEMA_HEAD,
    create_new,
    data_error,
    inspect_file,
    new_file,
    prepare,
)
from ashore.store.evidence import EvidenceStore
from ashore.store.seal import keep_seals

if TYPE_CHECKING:
    from alembic.config import Config

_log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Any = None, url: str | None = None) -> Config:
    """An Alembic config built in code: no alembic.ini is needed at run time (or in the bundle)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships its revisions
        raise RuntimeError("no migrations found in the package")
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def _pragmas(busy_timeout_ms: int) -> Any:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transactions into our own hands (see _on_begin): BEGIN covers DDL and DML alike.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return on_connect


def _on_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(path: Path, busy_timeout_ms: int = 5000) -> Engine:
    """An engine on one SQLite file: foreign keys on, WAL and a busy timeout on every connection."""
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _pragmas(busy_timeout_ms))
    event.listen(engine, "begin", _on_begin)
    return engine


def _migrate(engine: Engine, run: Callable[[Config], None]) -> None:
    """Run ``run(config)`` with foreign keys off, then check them (SQLite's way to change schemas).

    Batch mode rebuilds a table by copying it and dropping the old one; with foreign keys on, that
    drop would cascade into every child row (a loan's payments, notes, …). The pragma only takes
    effect outside a transaction, so it is set on the raw connection before BEGIN.
    """
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                run(alembic_config(connection))
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    # Raising rolls the whole migration back.
                    raise DataError.about(
                        "",
                        "migration.dangling",
                        f"the migration would leave {len(broken)} row(s) pointing at nothing "
                        f"(first in table {broken[0][0]}); the database was left as it was",
                        count=len(broken),
                        table=broken[0][0],
                    )
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    _migrate(engine, lambda cfg: command.upgrade(cfg, target))


def downgrade(engine: Engine, target: str = "base") -> None:
    from alembic import command

    _migrate(engine, lambda cfg: command.downgrade(cfg, target))


def backup_file(source: Path, target: Path) -> None:
    """A consistent copy of the database ``source`` at ``target`` (sqlite3 backup), mode 0600."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            # The copy is a plain single file: no -wal beside it to lose.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    os.chmod(target, 0o600)


class Database:
    """An open database of one data dir, with its evidence store."""

    def __init__(self, engine: Engine, data: DataDir, clock: Clock | None = None) -> None:
        self.engine = engine
        self.data = data
        #: what every time written through this database is stamped with (the context's clock)
        self.clock = clock if clock is not None else Clock()
        self.path = data.database
        self.evidence = EvidenceStore(data.evidence)
        self._sessions = sessionmaker(engine, expire_on_commit=False, info={"clock": self.clock})
        keep_seals(self._sessions)
        #: which loans each committed write touched (readers re-read only those)
        self.changes = ChangeLog()
        keep_log(self._sessions, self.changes)
        self._locked = False

    @classmethod
    def open(
        cls, data: DataDir, clock: Clock | None = None, *, read_only: bool = False
    ) -> Database:
        """Open the data dir's database, creating it or migrating it to the newest schema.

        ``read_only`` (a command that only reads): while another process (the window) holds the
        lock, open a connection that cannot write, without the lock, instead of being refused.

        ``clock`` (the context's) stamps every time written; without one, the machine's.

        A database behind the newest schema is copied to ``data.backups`` first. One written by a
        newer Ashore (an unknown revision) is refused with DataError and left exactly as it is.
        """
        if read_only and lock.busy(data.root):
            return cls(_reader_engine(data), data, clock)  # the window writes; read beside it
        lock.acquire(data.root)  # one writer at a time; given back by close()
        try:
            prepare(data)
            db = cls(_open_engine(data, clock), data, clock)
        except BaseException:
            lock.release(data.root)
            raise
        db._locked = True
        return db

    def revision(self) -> str | None:
        with self.engine.connect() as conn:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).fetchone()
            return str(row[0]) if row else None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session inside one transaction: committed when the block ends, rolled back on error."""
        session = self._sessions()
        try:
            with session.begin():
                yield session
        except DBAPIError as error:
            known = data_error(error, self.path)
            if known is not None:
                raise known from error
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only (rolled back at the end)."""
        session = self._sessions()
        try:
            yield session
        except DBAPIError as error:
            known = data_error(error, self.path)
            if known is not None:
                raise known from error
            raise
        finally:
            session.rollback()
            session.close()

    def integrity_problems(self) -> list[str]:
        """What ``integrity_check`` and ``foreign_key_check`` find; empty when all is well."""
        problems: list[str] = []
        try:
            with self.engine.connect() as conn:
                for (line,) in conn.exec_driver_sql("PRAGMA integrity_check"):
                    if line != "ok":
                        problems.append(f"database: {line}")
                for row in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                    problems.append(
                        f"database: table {row[0]} row {row[1]} points at a missing {row[2]}"
                    )
        except DBAPIError as error:
            known = data_error(error, self.path)
            problems.append(f"database: {known or error.orig}")
        return problems

    def backup_to(self, target: Path) -> None:
        """A consistent snapshot of the database at ``target`` while it stays open."""
        backup_file(self.path, target)

    def close(self) -> None:
        self.engine.dispose()
        if self._locked:
            self._locked = False
            lock.release(self.data.root)


def ready(data: DataDir, clock: Clock | None = None) -> None:
    """What ``Database.open`` does to the file before anything reads it: a killed restore
    finished, the database created, or checked, backed up and migrated to the newest schema; on
    an engine of its own, closed again. So it may run on a worker thread (an SQLite connection
    stays on the thread that made it) while the window keeps painting; ``Database.open`` on the
    main thread then finds the file at the newest schema and only opens it. The caller holds the
    data dir's lock (``lock.acquire``) across both."""
    prepare(data)
    _open_engine(data, clock).dispose()


def _check_revision(path: Path, data: DataDir, clock: Clock | None) -> None:
    """Refuse a foreign or newer database; copy an older one to the backups before migrating."""
    revision, has_tables = inspect_file(path)
    head = head_revision()
    if revision is None and has_tables:
        raise DataError.about(
            path,
            "database.foreign",
            "this is not an Ashore database (no schema version); "
            "move it away or use another --data-dir",
        )
    if revision is not None and revision not in known_revisions():
        raise DataError.about(
            path,
            "database.newer",
            "the database was written by a newer version of Ashore "
            f"(schema {revision}); update Ashore to open it. It was left unchanged",
            schema=revision,
        )
    if revision is not None and revision != head:
        stamp = (clock or Clock()).stamp()
        backup_file(path, data.backups / f"ashore-{stamp}-before-{head}.sqlite3")


def _reader_engine(data: DataDir) -> Engine:
    """An engine that only reads the database at the newest schema (another process has it open
    and migrated it); writing through it fails."""
    path = data.database
    if not path.exists() or inspect_file(path)[0] != SCHEMA_HEAD:
        raise DataError.about(
            data.root,
            "lock.held_older",
            "Ashore is open on this data dir and the database is not at this "
            "version's schema: close it first",
        )
    engine = create_engine(f"sqlite:///file:{path.absolute()}?mode=ro&uri=true")
    event.listen(engine, "connect", _pragmas(5000))
    event.listen(engine, "begin", _on_begin)
    return engine


def _created_engine(path: Path) -> Engine:
    """An engine on the new, empty file at ``path`` given the newest schema at once (the
    statements the migrations end with), not by running every migration."""
    try:
        create_new(path)
    except sqlite3.Error as error:
        raise data_error(error, path) or DataError.about(
            path, "database.not_created", f"cannot create: {error}", reason=error
        ) from None
    return make_engine(path)


def _open_engine(data: DataDir, clock: Clock | None) -> Engine:
    """An engine on the data dir's database, created or migrated to the newest schema."""
    path = data.database
    if path.exists() and path.stat().st_size > 0:
        if inspect_file(path)[0] == SCHEMA_HEAD:
            os.chmod(path, 0o600)
            return make_engine(path)
        _check_revision(path, data, clock)
    else:
        new_file(path)
        if schema.REVISION == SCHEMA_HEAD:  # (a test may stand a later head in)
            return _created_engine(path)
    os.chmod(path, 0o600)
    engine = make_engine(path)
    try:
        upgrade(engine, "head")
    except DBAPIError as error:
        engine.dispose()
        raise data_error(error, path) or DataError.about(
            path, "migration.failed", f"cannot migrate: {error}", reason=error
        ) from None
    except BaseException:
        engine.dispose()
        raise
    return engine
