"""Every test runs offscreen, on its own temporary data dir, and never sees the real user's data."""

from __future__ import annotations

import os

# Before anything imports Qt: no screen needed, and no real settings or data dir.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ASHORE_TESTING"] = "1"

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from ashore.context import Context
from ashore.paths import DataDir


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Point HOME, XDG dirs and ASHORE_DATA_DIR at fresh folders so nothing real is touched."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("ASHORE_DATA_DIR", str(home / "ashore-data"))
    monkeypatch.delenv("ASHORE_TODAY", raising=False)
    yield


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    """A fresh, empty data dir (not yet created on disk)."""
    return DataDir(tmp_path / "data")


@pytest.fixture
def ctx(data_dir: DataDir) -> Context:
    """A command context on the fresh data dir, with today fixed to the worked example's date."""
    return Context(data=data_dir, today=date(2026, 11, 28), lang="en")
