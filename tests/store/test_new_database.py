"""A new database is created from ``store.schema`` (the newest schema's statements) instead of by
running every migration; these tests hold that snapshot equal to what the migrations build, so the
two can never drift: the same tables, columns (order, types, nullability, defaults), indexes,
foreign keys and schema revision, down to the text SQLite keeps of each statement.

When a migration is added this fails: rewrite the snapshot with
``.venv/bin/python tests/store/test_new_database.py && .venv/bin/ruff format src/ashore/store/
schema.py`` (and bump ``SCHEMA_HEAD``).
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

import pytest

from ashore.app.paths import DataDir
from ashore.store import schema
from ashore.store.database import Database, head_revision, make_engine, upgrade
from ashore.store.dbfile import SCHEMA_HEAD, create_new

MODULE = Path(schema.__file__)


def _migrated(path: Path) -> Path:
    engine = make_engine(path)
    try:
        upgrade(engine, "head")
    finally:
        engine.dispose()
    return path


def _statements(path: Path) -> list[str]:
    """Every statement SQLite keeps of the schema, in the order it was created (what a new
    database runs to stand the same)."""
    con = sqlite3.connect(path)
    try:
        return [
            str(sql)
            for (sql,) in con.execute(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
            )
        ]
    finally:
        con.close()


def _described(path: Path) -> dict[str, object]:
    """The schema as SQLite describes it: per table its columns (order, type, not null, default,
    primary key), indexes (with their columns, unique, origin) and foreign keys; the revision."""
    con = sqlite3.connect(path)
    try:
        found: dict[str, object] = {}
        tables = [
            str(row[0])
            for row in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for table in tables:
            indexes = [
                (
                    row[1],
                    row[2],
                    row[3],
                    row[4],
                    con.execute(f"PRAGMA index_xinfo('{row[1]}')").fetchall(),
                )
                for row in con.execute(f"PRAGMA index_list('{table}')")
            ]
            found[table] = {
                "columns": con.execute(f"PRAGMA table_xinfo('{table}')").fetchall(),
                "indexes": sorted(indexes),
                "foreign keys": sorted(con.execute(f"PRAGMA foreign_key_list('{table}')")),
            }
        found["sqlite_master"] = sorted(
            con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"), key=str
        )
        found["revision"] = con.execute("SELECT version_num FROM alembic_version").fetchall()
        return found
    finally:
        con.close()


def snapshot_text() -> str:
    """The text of ``store/schema.py`` for the migrations as they are."""
    with tempfile.TemporaryDirectory() as folder:
        statements = _statements(_migrated(Path(folder) / "head.sqlite3"))
    lines = [
        '"""The newest schema as statements: what a new database runs instead of every migration.',
        "",
        "Written by ``tests/store/test_new_database.py`` from what the migrations build (the text",
        "SQLite keeps of each statement, each kept whole on its line), which also holds the two",
        "equal: do not edit by hand.",
        '"""',
        "",
        "# ruff: noqa: E501",
        "",
        "from __future__ import annotations",
        "",
        f"REVISION = {head_revision()!r}",
        "",
        "STATEMENTS: tuple[str, ...] = (",
        *(f"    {statement!r}," for statement in statements),
        ")",
        "",
    ]
    return "\n".join(lines)


def test_the_snapshot_is_what_the_migrations_build(tmp_path: Path) -> None:
    behind = (
        "store/schema.py is behind the migrations: run .venv/bin/python "
        "tests/store/test_new_database.py"
    )
    assert schema.STATEMENTS == tuple(_statements(_migrated(tmp_path / "head.sqlite3"))), behind
    assert schema.REVISION == SCHEMA_HEAD == head_revision(), behind


def test_a_new_database_has_the_migrated_schema(tmp_path: Path) -> None:
    migrated = _migrated(tmp_path / "migrated.sqlite3")
    created = tmp_path / "created.sqlite3"
    create_new(created)
    assert _statements(created) == _statements(migrated)
    assert _described(created) == _described(migrated)
    assert _described(created)["revision"] == [(SCHEMA_HEAD,)]


def test_open_creates_a_new_database_without_alembic(tmp_path: Path) -> None:
    """``Database.open`` on a new data dir: the snapshot's schema, and Alembic never imported
    (what made creating a database cost half a second)."""
    import subprocess

    data = tmp_path / "data"
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from ashore.app.paths import DataDir\n"
        "from ashore.store.database import Database\n"
        f"Database.open(DataDir(Path({str(data)!r}))).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    migrated = _migrated(tmp_path / "migrated.sqlite3")
    assert _described(DataDir(data).database) == _described(migrated)


def test_open_then_migrates_nothing(data_dir: DataDir) -> None:
    db = Database.open(data_dir)
    try:
        assert db.revision() == SCHEMA_HEAD
    finally:
        db.close()
    assert data_dir.backups.exists()
    assert list(data_dir.backups.iterdir()) == []  # a new database is not "older": no copy


def test_a_failed_creation_leaves_no_half_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.sqlite3"
    monkeypatch.setattr(schema, "STATEMENTS", (*schema.STATEMENTS, "CREATE TABLE broken ("))
    with pytest.raises(sqlite3.Error):
        create_new(path)
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
    finally:
        con.close()


if __name__ == "__main__":
    MODULE.write_text(snapshot_text(), encoding="utf-8")
    print(f"wrote {MODULE}")
