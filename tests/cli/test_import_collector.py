"""``ashore import`` pauses Python's cycle collector while it reads and writes (a heavy file's
objects hold no cycles to free) and gives it back as it was, after an import and after a refusal;
what is imported is the same either way."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from ashore.app.paths import DataDir
from ashore.commands import exchange
from ashore.commands.cli import main
from store.books import book_folder, sample_dict


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Whether the collector ran, as the import's reading of the file saw it."""
    states: list[bool] = []
    reading = exchange.read_book

    def read_book(path: Path) -> object:
        states.append(gc.isenabled())
        return reading(path)

    monkeypatch.setattr(exchange, "read_book", read_book)
    yield states
    gc.enable()


def test_the_collector_is_paused_for_the_import_and_back_after(
    data_dir: DataDir, tmp_path: Path, seen: list[bool], capsys: pytest.CaptureFixture[str]
) -> None:
    assert gc.isenabled()
    source = book_folder(tmp_path / "in")
    assert main(["--data-dir", str(data_dir.root), "import", str(source)]) == 0
    assert "imported 2 lender(s), 3 loan(s) and 1 file(s)" in capsys.readouterr().out
    assert seen == [False]
    assert gc.isenabled()


def test_the_collector_is_back_after_a_refusal(
    data_dir: DataDir, tmp_path: Path, seen: list[bool], capsys: pytest.CaptureFixture[str]
) -> None:
    data = sample_dict()
    data["loans"][0]["principal"] = "-1"
    source = book_folder(tmp_path / "in", data)
    assert main(["--data-dir", str(data_dir.root), "import", str(source)]) == 1
    assert "loans[0].principal" in capsys.readouterr().err
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_the_caller_paused_stays_paused(
    data_dir: DataDir, tmp_path: Path, seen: list[bool], capsys: pytest.CaptureFixture[str]
) -> None:
    gc.disable()
    source = book_folder(tmp_path / "in")
    assert main(["--data-dir", str(data_dir.root), "import", str(source)]) == 0
    assert not gc.isenabled()
    assert seen == [False]
