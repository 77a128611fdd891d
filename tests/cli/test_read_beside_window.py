"""Read-only commands read while the window holds the data dir's lock (issue 13, item 22):
every export that only reads (summary, json, calendar, ics, letter, schedule, projection, evidence,
complaint) answers beside an open window (SQLite gives a reader a consistent snapshot while the
one writer writes); writing commands are still refused, and the reader's connection cannot write."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from ashore.app.errors import DataError
from ashore.app.paths import DataDir
from ashore.commands.cli import main
from ashore.services import Ledger
from ashore.store import lock
from ashore.store.database import Database
from reports.walk_book import night_call

HOLDER = """
import sys, time
from pathlib import Path
from ashore.store import lock
lock.acquire(Path(sys.argv[1]))
print("holding", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def window_open(data_dir: DataDir) -> Iterator[subprocess.Popen[str]]:
    """The sample book in ``data_dir``, and another process (the window) holding its lock."""
    ledger = Ledger.open(data_dir)
    ledger.load_sample()
    ledger.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir.root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdin is not None
    assert holder.stdout.readline().strip() == "holding"
    yield holder
    holder.stdin.close()
    holder.wait(timeout=10)


def test_export_summary_and_json_read_while_the_window_is_open(
    data_dir: DataDir,
    window_open: subprocess.Popen[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert lock.busy(data_dir.root)
    home = ["--data-dir", str(data_dir.root), "--today", "2026-11-28"]
    assert main([*home, "export", "summary"]) == 0
    summary = json.loads(capsys.readouterr().out)
    ids = sorted(loan["id"] for loan in summary["loans"])
    assert ids == sorted(
        loan["id"]
        for loan in json.loads(
            (Path(__file__).parents[2] / "resources" / "sample" / "sample.json").read_text("utf-8")
        )["loans"]
    )
    out = tmp_path / "book.json"
    assert main([*home, "export", "json", "--out", str(out)]) == 0
    assert len(json.loads(out.read_text("utf-8"))["loans"]) == len(ids)


def test_writing_commands_are_still_refused_while_the_window_is_open(
    data_dir: DataDir,
    window_open: subprocess.Popen[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = tmp_path / "in.json"
    source.write_text(
        (Path(__file__).parents[2] / "resources" / "sample" / "sample.json").read_text("utf-8"),
        encoding="utf-8",
    )
    assert main(["--data-dir", str(data_dir.root), "import", str(source)]) == 1
    assert "Ashore is open on this data dir" in capsys.readouterr().err


def test_the_reader_beside_the_window_cannot_write(
    data_dir: DataDir, window_open: subprocess.Popen[str]
) -> None:
    db = Database.open(data_dir, read_only=True)
    try:
        ledger = Ledger(db)
        assert len(ledger.loans()) == 3
        with pytest.raises((DataError, DBAPIError)), db.transaction() as session:
            session.execute(text("CREATE TABLE scribble (a)"))
    finally:
        db.close()
    assert lock.busy(data_dir.root)  # closing the reader took nothing from the window


def test_without_a_window_a_read_only_open_takes_the_lock_as_before(data_dir: DataDir) -> None:
    db = Database.open(data_dir, read_only=True)  # creates the database: it must write
    try:
        assert db.revision() is not None
    finally:
        db.close()


# Every export that only reads, as (arguments, the file it writes): each answers beside the window
# and writes byte for byte what it writes with the window closed (tester's walk: calendar, ics and
# letter were refused "close it first" while summary answered).
READ_ONLY_EXPORTS = {
    "calendar": ["calendar", "--months", "3"],
    "ics": ["ics"],
    "letter": ["letter", "--loan", "jb-2026-01", "--proposal", "p1"],
    "schedule": ["schedule", "--loan", "jb-2026-01"],
    "projection": ["projection", "--loan", "jb-2026-01", "--until", "2026-12-31"],
    "evidence": ["evidence", "--loan", "jb-2026-01"],
    "complaint": ["complaint", "--loan", "jb-2026-01"],
    "summary": ["summary"],
    "json": ["json"],
}
SUFFIX = {"calendar": "pdf", "letter": "pdf", "complaint": "pdf", "evidence": "zip"}


def _export(data_dir: DataDir, kind: str, out: Path) -> int:
    home = ["--data-dir", str(data_dir.root), "--today", "2026-11-28"]
    return main([*home, "export", *READ_ONLY_EXPORTS[kind], "--out", str(out)])


@pytest.mark.parametrize("kind", sorted(READ_ONLY_EXPORTS))
def test_each_read_only_export_writes_the_same_file_beside_the_window(
    data_dir: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    suffix = SUFFIX.get(kind, "json" if kind in ("summary", "json") else "csv")
    suffix = "ics" if kind == "ics" else suffix
    closed, beside = tmp_path / f"closed.{suffix}", tmp_path / f"beside.{suffix}"
    with time_machine.travel(datetime(2026, 11, 28, 12, 0, tzinfo=UTC), tick=False):
        ledger = Ledger.open(data_dir)
        ledger.load_sample()
        night_call(ledger, "jb-2026-01")  # a rule broken, so the complaint has something to say
        ledger.close()
        assert _export(data_dir, kind, closed) == 0
        with _holding(data_dir):
            assert lock.busy(data_dir.root)
            assert _export(data_dir, kind, beside) == 0, capsys.readouterr().err
            assert lock.busy(data_dir.root)  # the reader took nothing from the window
    assert "Ashore is open" not in capsys.readouterr().err
    assert closed.read_bytes() == beside.read_bytes()


@contextmanager
def _holding(data_dir: DataDir) -> Iterator[None]:
    """Another process holds the data dir's lock as the open window does."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir.root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "holding"
        yield
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)


def test_restore_is_still_refused_while_the_window_is_open(
    data_dir: DataDir,
    window_open: subprocess.Popen[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = data_dir.database.read_bytes()
    backup = tmp_path / "copy.sqlite3"
    backup.write_bytes(before)
    assert main(["--data-dir", str(data_dir.root), "restore", str(backup)]) == 1
    assert "Ashore is open on this data dir" in capsys.readouterr().err
    assert data_dir.database.read_bytes() == before
