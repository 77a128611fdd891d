"""``ashore restore`` is the way out of a damaged database: it keeps the damaged files, byte for
byte, and puts the backup back."""

from __future__ import annotations

from pathlib import Path

import pytest

from ashore.app.resources import resource_path
from ashore.commands.cli import main


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
    assert len(kept) == 1
    assert kept[0].read_bytes() == garbage
    out = tmp_path / "after.json"
    assert main([*home, "export", "json", "--out", str(out)]) == 0
    assert '"jb-2026-01"' in out.read_text("utf-8")


def test_backup_names_evidence_missing_from_the_store_and_stays_out_of_the_data_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    data = tmp_path / "data"
    home = ["--data-dir", str(data)]
    book = json.loads(resource_path("sample", "sample.json").read_text("utf-8"))
    (tmp_path / "proof.png").write_bytes(b"\x89PNG fake screenshot")
    loan = next(loan for loan in book["loans"] if loan["notes"])
    loan["notes"][0]["attachments"] = [{"path": "proof.png", "kind": "image", "name": "proof.png"}]
    (tmp_path / "book.json").write_text(json.dumps(book, ensure_ascii=False), "utf-8")
    assert main([*home, "import", str(tmp_path / "book.json")]) == 0
    stored = next((data / "evidence").glob("*/*"))
    stored.parent.chmod(0o700)
    stored.unlink()
    capsys.readouterr()
    assert main([*home, "backup", "--out", str(tmp_path / "b.zip")]) == 0
    out = capsys.readouterr().out
    assert f"warning: evidence {stored.name} is missing from the store" in out
    live = (data / "ashore.sqlite3").read_bytes()
    assert main([*home, "backup", "--out", str(data / "ashore.sqlite3")]) == 1
    assert "inside the data dir" in capsys.readouterr().err
    assert (data / "ashore.sqlite3").read_bytes() == live
