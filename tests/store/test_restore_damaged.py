"""``ashore restore`` is the way out of a damaged database: it keeps the damaged files, byte for
byte, and puts the backup back."""

from __future__ import annotations

from pathlib import Path

import pytest

from ashore.cli import main
from ashore.resources import resource_path


def test_restore_replaces_a_damaged_database_and_keeps_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    home = ["--data-dir", str(data)]
    assert main([*home, "import", str(resource_path("sample", "sample.json"))]) == 0
    saved = tmp_path / "saved.zip"
    assert main([*home, "backup", "--out", str(saved)]) == 0
    garbage = bytes(range(256)) * 32
    (data / "ashore.sqlite3").write_bytes(garbage)
    capsys.readouterr()
    assert main([*home, "verify"]) == 1
    assert "damaged" in capsys.readouterr().err

    assert main([*home, "restore", str(saved)]) == 0
    assert "ashore-unreadable-" in capsys.readouterr().out
    assert main([*home, "verify"]) == 0
    kept = list((data / "backups").glob("ashore-unreadable-*/ashore.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == garbage
    out = tmp_path / "after.json"
    assert main([*home, "export", "json", "--out", str(out)]) == 0
    assert '"jb-2026-01"' in out.read_text("utf-8")
