"""``ashore export evidence``: a zip that ``sha256sum -c`` accepts, with every note in the PDF.

The PDF's text holds every note (Chinese and markup-looking text too); files keep bytes and names.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import wave
import zipfile
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from ashore.app.paths import DataDir
from ashore.commands.cli import main
from ashore.services import Ledger
from ashore.services.notes import Notes

LOAN = "jb-2026-01"
TEXTS = ["催收员说可以分24期，罚息减半", "<b>&amp; not bold", "plain call"]


def _run(data: DataDir, *args: str) -> int:
    return main(["--data-dir", str(data.root), *args])


def _wav(path: Path, frames: int) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x00\x10" * frames)
    return path


@pytest.fixture
def filled(data_dir: DataDir, tmp_path: Path) -> DataDir:
    ledger = Ledger.open(data_dir)
    try:
        ledger.load_sample()
        notes = Notes(ledger)
        made = [notes.add(LOAN, text=t, follow_up=date(2026, 12, 1)) for t in TEXTS]
        notes.revise(LOAN, made[0].id, outcome="they will send the plan by SMS")
        notes.delete(LOAN, made[2].id, "duplicate of the first")
        # Two different recordings with the same name, and one file on two notes.
        (tmp_path / "a").mkdir()
        (tmp_path / "b").mkdir()
        notes.attach(LOAN, made[0].id, _wav(tmp_path / "a" / "call.wav", 800))
        notes.attach(LOAN, made[1].id, _wav(tmp_path / "b" / "call.wav", 1600))
        shot = tmp_path / "shot.png"
        shot.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(200)))
        notes.attach(LOAN, made[0].id, shot)
        notes.attach(LOAN, made[1].id, shot)
    finally:
        ledger.close()
    return data_dir


def test_bundle_checks_with_sha256sum_and_holds_every_note(
    filled: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bundle" / "evidence.zip"
    assert _run(filled, "export", "evidence", "--loan", LOAN, "--out", str(out)) == 0
    assert "3 file(s)" in capsys.readouterr().out
    assert not [p for p in out.parent.iterdir() if p.name != "evidence.zip"]  # no temp left
    folder = tmp_path / "x"
    with zipfile.ZipFile(out) as zf:
        names = sorted(zf.namelist())
        zf.extractall(folder)
    assert names == [
        "SHA256SUMS",
        "call-log.pdf",
        "files/call (2).wav",
        "files/call.wav",
        "files/shot.png",
    ]
    assert (folder / "files" / "call.wav").read_bytes() == (
        tmp_path / "a" / "call.wav"
    ).read_bytes()
    assert (folder / "files" / "call (2).wav").read_bytes() == (
        tmp_path / "b" / "call.wav"
    ).read_bytes()

    lines = (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4
    for line in lines:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    if shutil.which("sha256sum") is not None:
        done = subprocess.run(
            ["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert done.stdout.count(": OK") == 4
        # And it notices a changed file.
        (folder / "files" / "shot.png").write_bytes(b"changed")
        bad = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True)
        assert bad.returncode != 0

    text = "".join(page.extract_text() or "" for page in PdfReader(folder / "call-log.pdf").pages)
    flat = "".join(text.split())
    for note_text in TEXTS:
        assert "".join(note_text.split()) in flat
    assert "theywillsendtheplanbySMS" in flat  # the revision's outcome
    assert "duplicateofthefirst" in flat  # the tombstone's reason
    ledger = Ledger.open(filled)
    try:
        chain = Notes(ledger).chain(LOAN)
    finally:
        ledger.close()
    assert chain[-1].hash in flat
    assert hashlib.sha256((tmp_path / "a" / "call.wav").read_bytes()).hexdigest() in flat


def test_unknown_loan_and_damaged_file_write_nothing(
    filled: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "e.zip"
    assert _run(filled, "export", "evidence", "--loan", "nope", "--out", str(out)) == 1
    assert "loan: 'nope' is not a known loan id" in capsys.readouterr().err
    stored = next(p for p in filled.evidence.rglob("*") if p.is_file())
    stored.chmod(0o600)
    stored.write_bytes(b"tampered")
    assert _run(filled, "export", "evidence", "--loan", LOAN, "--out", str(out)) == 1
    assert f"evidence {stored.name}: content changed" in capsys.readouterr().err
    assert not out.exists()
    assert list(tmp_path.glob(".e.zip.*")) == []
