"""Migrations run from the package; a newer database is refused untouched; an older one copied."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import inspect

from ashore.app.errors import DataError
from ashore.app.paths import DataDir
from ashore.services import Ledger
from ashore.store import database as database_module
from ashore.store.database import Database, downgrade, head_revision, make_engine, upgrade

from .books import lender, loan

TABLES = {
    "lenders",
    "loans",
    "fees",
    "payments",
    "claims",
    "proposals",
    "proposal_status_changes",
    "call_notes",
    "note_revisions",
    "evidence_files",
    "note_evidence",
    "settings",
}


def _tables(path: Path) -> set[str]:
    engine = make_engine(path)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _set_revision(path: Path, revision: str) -> None:
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    con.close()


def test_upgrade_downgrade_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    engine = make_engine(path)
    upgrade(engine, "head")
    assert TABLES <= set(inspect(engine).get_table_names())
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    upgrade(engine, "head")
    assert TABLES <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_schema_head_is_alembics_head() -> None:
    assert database_module.SCHEMA_HEAD == head_revision()


def test_open_creates_private_dir_and_file(data_dir: DataDir) -> None:
    db = Database.open(data_dir)
    try:
        assert db.revision() == head_revision()
    finally:
        db.close()
    assert stat.S_IMODE(data_dir.root.stat().st_mode) == 0o700
    assert stat.S_IMODE(data_dir.database.stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.evidence.stat().st_mode) == 0o700


def test_pragmas_on_every_connection(data_dir: DataDir) -> None:
    db = Database.open(data_dir)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        db.close()


def test_newer_database_is_refused_and_left_untouched(data_dir: DataDir) -> None:
    Database.open(data_dir).close()
    _set_revision(data_dir.database, "9999_from_the_future")
    before = _sha(data_dir.database)
    listing = sorted(p.name for p in data_dir.root.iterdir())
    with pytest.raises(DataError, match="newer version of Ashore"):
        Database.open(data_dir)
    assert _sha(data_dir.database) == before
    assert sorted(p.name for p in data_dir.root.iterdir()) == listing
    assert not (data_dir.root / "ashore.sqlite3-wal").exists()
    assert list(data_dir.backups.iterdir()) == []


def test_foreign_database_is_refused(data_dir: DataDir) -> None:
    data_dir.ensure()
    con = sqlite3.connect(data_dir.database)
    con.execute("CREATE TABLE other (x)")
    con.close()
    with pytest.raises(DataError, match="not an Ashore database"):
        Database.open(data_dir)


def test_damaged_file_is_a_data_error_with_a_way_out(data_dir: DataDir) -> None:
    data_dir.ensure()
    data_dir.database.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(DataError, match=r"damaged.*ashore restore"):
        Database.open(data_dir)


def test_locked_database_is_a_data_error(data_dir: DataDir) -> None:
    Database.open(data_dir).close()
    holder = sqlite3.connect(data_dir.database, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    engine = make_engine(data_dir.database, busy_timeout_ms=50)
    db = Database(engine, data_dir)
    from ashore.store.models import SettingRow

    def write() -> None:
        with db.transaction() as session:
            session.add(SettingRow(key="k", value="v"))

    try:
        with pytest.raises(DataError, match="locked"):
            write()
    finally:
        db.close()
        holder.execute("ROLLBACK")
        holder.close()


def test_older_database_is_copied_before_migrating(
    data_dir: DataDir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A second revision in a copy of the migrations stands for the next release's schema.
    scripts = tmp_path / "migrations"
    shutil.copytree(database_module.MIGRATIONS, scripts)
    head = database_module.SCHEMA_HEAD
    later = f"{int(head) + 1:04d}"
    (scripts / "versions" / f"{later}_test_next.py").write_text(
        '"""A later schema for this test."""\n'
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f'revision = "{later}"\ndown_revision = "{head}"\n'
        "branch_labels = None\ndepends_on = None\n\n"
        "def upgrade():\n"
        '    op.create_table("later", sa.Column("x", sa.Integer, primary_key=True))\n'
        # Batch mode rebuilds the table on SQLite: with foreign keys on, dropping the old
        # table would cascade into every loan's payments.
        '    with op.batch_alter_table("loans", recreate="always") as batch:\n'
        '        batch.add_column(sa.Column("colour", sa.String, nullable=True))\n\n'
        "def downgrade():\n"
        '    op.drop_table("later")\n',
        encoding="utf-8",
    )
    ledger = Ledger.open(data_dir)  # at today's head
    ledger.save_lender(lender())
    ledger.save_loan(loan())
    ledger.close()
    before = _sha(data_dir.database)
    monkeypatch.setattr(database_module, "MIGRATIONS", scripts)
    monkeypatch.setattr(database_module, "SCHEMA_HEAD", later)
    db = Database.open(data_dir)
    try:
        assert db.revision() == later
    finally:
        db.close()
    copies = list(data_dir.backups.iterdir())
    assert len(copies) == 1
    assert stat.S_IMODE(copies[0].stat().st_mode) == 0o600
    con = sqlite3.connect(copies[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
    con.close()
    assert "later" in _tables(data_dir.database)
    ledger = Ledger.open(data_dir)
    try:
        assert ledger.loan("loan-1") == loan()
    finally:
        ledger.close()
    assert _sha(data_dir.database) != before


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("database is locked", "locked by another program"),
        ("database or disk is full", "the disk is full"),
        ("file is not a database", "damaged"),
        ("database disk image is malformed", "damaged"),
        ("attempt to write a readonly database", "cannot be written"),
        ("disk I/O error", "the disk reported an error"),
    ],
)
def test_world_errors_become_data_errors(tmp_path: Path, message: str, expected: str) -> None:
    from ashore.store.database import data_error

    error = data_error(sqlite3.OperationalError(message), tmp_path / "ashore.sqlite3")
    assert isinstance(error, DataError)
    assert str(error).startswith(str(tmp_path / "ashore.sqlite3"))
    assert expected in str(error)


def test_a_bug_is_not_a_data_error(tmp_path: Path) -> None:
    from ashore.store.database import data_error

    assert data_error(sqlite3.OperationalError("no such column: colour"), tmp_path) is None
