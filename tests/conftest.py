"""Every test runs offscreen, on its own temporary data dir, and never sees the real user's data."""

from __future__ import annotations

import os

# Before anything imports Qt: no screen needed, and no real settings or data dir.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ASHORE_TESTING"] = "1"

import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import time_machine

from ashore.app.clock import Clock
from ashore.app.context import Context
from ashore.app.paths import DataDir

if TYPE_CHECKING:
    from ashore.services import Ledger

pytest_plugins = ["pytester"]

# The moment every test starts at, whatever the machine's clock says: the worked example's day,
# 2026-11-28, at 12:00 UTC (that day in every zone from UTC-11 to UTC+11). The clock ticks on from
# there, so waits and timeouts still work.
PINNED = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
# How long a thread a test started may take to end after the test, before it counts as left over
# (tests/test_stray_threads.py shortens it to see the check fail quickly).
THREAD_GRACE_S = float(os.environ.get("ASHORE_TEST_THREAD_GRACE_S", "5"))


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point HOME, XDG dirs and ASHORE_DATA_DIR at fresh folders so nothing real is touched."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("ASHORE_DATA_DIR", str(home / "ashore-data"))
    monkeypatch.delenv("ASHORE_TODAY", raising=False)


@pytest.fixture(autouse=True)
def _pinned_clock() -> Iterator[None]:
    """The machine's clock reads PINNED for every test: a test that passes today passes on any
    day (the app takes its time from the context's clock; this catches what slips past it)."""
    with time_machine.travel(PINNED, tick=True):
        yield


@pytest.fixture(autouse=True)
def _no_stray_threads(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that leaves a Python thread or a QThread it started still running.

    Python threads are compared with those alive before the test; QThreads are caught as they
    start (``QThread.start`` recorded). Each gets a few seconds to finish on its own first."""
    from PySide6.QtCore import QThread

    before = set(threading.enumerate())
    started: list[QThread] = []
    original = QThread.start

    def start(self: QThread, *args: object) -> None:
        started.append(self)
        original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(QThread, "start", start)
    yield
    monkeypatch.setattr(QThread, "start", original)
    stray: list[str] = []
    for qthread in started:
        try:
            if qthread.isRunning() and not qthread.wait(int(THREAD_GRACE_S * 1000)):
                stray.append(f"QThread {type(qthread).__name__}")
        except RuntimeError:  # its C++ object is gone, so it is not running
            continue
    for thread in set(threading.enumerate()) - before:
        if thread.is_alive() and not thread.name.startswith("pytest_timeout"):
            thread.join(THREAD_GRACE_S)
            if thread.is_alive():
                stray.append(f"thread {thread.name}")
    assert not stray, f"the test left threads running: {', '.join(stray)}"


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    """A fresh, empty data dir (not yet created on disk)."""
    return DataDir(tmp_path / "data")


@pytest.fixture
def ctx(data_dir: DataDir) -> Context:
    """A command context on the fresh data dir, with today fixed to the worked example's date (as
    ``--today 2026-11-28`` gives: the pinned machine clock's time of day on that date)."""
    return Context(data=data_dir, clock=Clock.on(date(2026, 11, 28)), lang="en")


@pytest.fixture
def book(data_dir: DataDir, tmp_path: Path) -> Iterator[Ledger]:
    """The walker's book (tests/reports/walk_book.py) open in a Ledger, for the report and the
    window tests alike. A module that needs the book as a data dir on disk defines its own
    ``book``."""
    from ashore.services import Ledger
    from reports.walk_book import build

    opened = Ledger.open(data_dir)
    build(opened, tmp_path)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def heavy_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An exchange file of the benchmarks' heavy generator (benchmarks/heavy_data.py): 60 loans
    from 3 lenders, 2–3 proposals each, 120 notes (``ashore import`` takes it)."""
    import importlib.util
    import json

    generator = Path(__file__).resolve().parent.parent / "benchmarks" / "heavy_data.py"
    spec = importlib.util.spec_from_file_location("heavy_data", generator)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    source = tmp_path_factory.mktemp("heavy") / "heavy.json"
    source.write_text(json.dumps(module.heavy_book(60, 120), ensure_ascii=False), "utf-8")
    return source
