"""Read-only commands read while the window holds the data dir's lock (issue 13, item 22):
``export summary`` and ``export json`` answer beside an open window (SQLite gives a reader a
consistent snapshot while the one writer writes); writing commands are still refused, and the
reader's connection cannot write."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from ashore.app.errors import DataError
from ashore.app.paths import DataDir
from ashore.commands.cli import main
from ashore.services import Ledger
from ashore.store import lock
from ashore.store.database import Database

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
