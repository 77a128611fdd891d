"""``ashore verify``, ``backup``, ``restore``: damage found and named; backups come back whole."""

from __future__ import annotations

import hashlib
import sqlite3
import zipfile
from pathlib import Path

import pytest

from ashore.app.paths import DataDir
from ashore.commands.cli import main
from ashore.services import Ledger
from store.books import book_folder, without_exported_at


def _run(data: DataDir, *args: str) -> int:
    return main(["--data-dir", str(data.root), *args])


@pytest.fixture
def filled(data_dir: DataDir, tmp_path: Path) -> DataDir:
    assert _run(data_dir, "import", str(book_folder(tmp_path / "in"))) == 0
    return data_dir


def _stored_file(data: DataDir) -> Path:
    files = [p for p in data.evidence.rglob("*") if p.is_file()]
    assert len(files) == 1
    return files[0]


def test_verify_passes_on_untouched_data(
    filled: DataDir, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert _run(filled, "verify") == 0
    assert "all good" in capsys.readouterr().out


def test_verify_finds_a_flipped_byte(filled: DataDir, capsys: pytest.CaptureFixture[str]) -> None:
    stored = _stored_file(filled)
    stored.chmod(0o600)
    content = bytearray(stored.read_bytes())
    content[10] ^= 0x01
    stored.write_bytes(bytes(content))
    capsys.readouterr()
    assert _run(filled, "verify") == 1
    now = hashlib.sha256(content).hexdigest()
    assert capsys.readouterr().out == (
        f"evidence {stored.name} (call-1120.m4a): content changed (now hashes to {now})\n"
    )


def test_verify_finds_a_missing_file(filled: DataDir, capsys: pytest.CaptureFixture[str]) -> None:
    stored = _stored_file(filled)
    stored.unlink()
    capsys.readouterr()
    assert _run(filled, "verify") == 1
    assert capsys.readouterr().out == (
        f"evidence {stored.name} (call-1120.m4a): the stored file is missing\n"
    )


def test_verify_finds_a_note_edited_in_the_database(
    filled: DataDir, capsys: pytest.CaptureFixture[str]
) -> None:
    con = sqlite3.connect(filled.database)
    with con:
        con.execute("UPDATE call_notes SET text = 'they promised nothing' WHERE id = 'n1'")
    con.close()
    capsys.readouterr()
    assert _run(filled, "verify") == 1
    assert capsys.readouterr().out == (
        "loan jb-2026-01: note n1: its content was changed outside Ashore (hash mismatch)\n"
    )


def test_verify_finds_a_removed_note(data_dir: DataDir, capsys: pytest.CaptureFixture[str]) -> None:
    from store.books import lender, loan

    ledger = Ledger.open(data_dir)
    record = loan()
    second = type(record.notes[0])(**{**record.notes[0].__dict__, "id": "n2", "text": "again"})
    third = type(record.notes[0])(**{**record.notes[0].__dict__, "id": "n3", "text": "thrice"})
    record.notes += [second, third]
    ledger.save_lender(lender())
    ledger.save_loan(record)
    ledger.close()
    con = sqlite3.connect(data_dir.database)
    with con:
        con.execute("DELETE FROM call_notes WHERE id = 'n2'")
    con.close()
    capsys.readouterr()
    assert _run(data_dir, "verify") == 1
    assert capsys.readouterr().out == (
        "loan loan-1: note n3: the chain is broken before it (a note was removed or moved)\n"
    )


def test_backup_then_restore_gives_back_the_data(
    filled: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tmp_path / "before.json"
    assert _run(filled, "export", "json", "--out", str(before)) == 0
    archive = tmp_path / "backup.zip"
    assert _run(filled, "backup", "--out", str(archive)) == 0
    assert "backed up the database and 1 file(s)" in capsys.readouterr().out
    with zipfile.ZipFile(archive) as zf:
        names = set(zf.namelist())
    assert {"ashore.sqlite3", "MANIFEST.json"} <= names
    assert any(name.startswith("evidence/") for name in names)

    # Change everything: a loan gone, a stored file gone.
    ledger = Ledger.open(filled)
    ledger.delete_loan("jb-2026-01")
    ledger.close()
    stored = _stored_file(filled)
    stored.unlink()

    assert _run(filled, "restore", str(archive)) == 0
    assert "restored" in capsys.readouterr().out
    after = tmp_path / "after.json"
    assert _run(filled, "export", "json", "--out", str(after)) == 0
    assert without_exported_at(after) == without_exported_at(before)
    assert stored.is_file()
    assert _run(filled, "verify") == 0
    # The data that was replaced is kept as a backup of its own.
    saved = list(filled.backups.glob("ashore-before-restore-*.zip"))
    assert len(saved) == 1


def test_restore_of_a_damaged_backup_changes_nothing(
    filled: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from store.books import dump

    archive = tmp_path / "backup.zip"
    assert _run(filled, "backup", "--out", str(archive)) == 0
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename.startswith("evidence/"):
                content = content[:-1] + bytes([content[-1] ^ 1])
            dst.writestr(item, content)
    before = dump(filled)
    capsys.readouterr()
    assert _run(filled, "restore", str(broken)) == 1
    assert "is damaged (hash mismatch)" in capsys.readouterr().err
    assert dump(filled) == before
    assert not list(filled.root.glob(".restore-*"))
    (tmp_path / "not.zip").write_text("hello")
    assert _run(filled, "restore", str(tmp_path / "not.zip")) == 1
    assert "not an Ashore backup" in capsys.readouterr().err
    assert dump(filled) == before


def test_a_damaged_file_is_backed_up_as_it_is_and_comes_back_named(
    filled: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stored = _stored_file(filled)
    stored.chmod(0o600)
    stored.write_bytes(b"overwritten by something")
    archive = tmp_path / "backup.zip"
    capsys.readouterr()
    assert _run(filled, "backup", "--out", str(archive)) == 0
    assert f"warning: evidence {stored.name} does not match its hash" in capsys.readouterr().out
    stored.unlink()
    assert _run(filled, "restore", str(archive)) == 0
    assert stored.read_bytes() == b"overwritten by something"
    capsys.readouterr()
    assert _run(filled, "verify") == 1
    assert f"evidence {stored.name} (call-1120.m4a): content changed" in capsys.readouterr().out
