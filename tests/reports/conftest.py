"""Fixtures for the report tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ashore.app.paths import DataDir
from ashore.services import Ledger

from .walk_book import build


@pytest.fixture
def book(data_dir: DataDir, tmp_path: Path) -> Iterator[Ledger]:
    """The walker's book (reports/walk_book.py) open in a Ledger. A module that needs the book
    as a data dir on disk defines its own ``book``."""
    opened = Ledger.open(data_dir)
    build(opened, tmp_path)
    yield opened
    opened.close()
