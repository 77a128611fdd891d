"""A restore killed at any rename or removal leaves, at the next start, the old data or the new,
whole; and a hostile backup (damaged page, foreign trigger or view, a referenced file left out) is
refused before anything goes live."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ashore.app.resources import resource_path
from ashore.commands.cli import main

# A child process that SIGKILLs itself at the Nth call of os.replace, os.rename, os.unlink or
# os.rmdir (0: never), runs ``ashore restore`` and prints how many such calls it made.
CHILD = """
import os, signal, sys
import ashore.commands.cli, ashore.store.backup, ashore.store.journal, ashore.store.database, shutil
n, calls = int(sys.argv[1]), [0]
def wrap(fn):
    def inner(*args, **kwargs):
        calls[0] += 1
        if calls[0] == n:
            os.kill(os.getpid(), signal.SIGKILL)
        return fn(*args, **kwargs)
    return inner
for name in ("replace", "rename", "unlink", "rmdir"):
    setattr(os, name, wrap(getattr(os, name)))
code = ashore.commands.cli.main(["--data-dir", sys.argv[2], "restore", sys.argv[3]])
sys.stdout.write(f"CALLS {calls[0]}\\n")
sys.exit(code)
"""


def _book(folder: Path, loan_ids: tuple[str, ...], content: bytes) -> Path:
    folder.mkdir()
    book = json.loads(resource_path("sample", "sample.json").read_text("utf-8"))
    book["loans"] = [loan for loan in book["loans"] if loan["id"] in loan_ids]
    (folder / "proof.png").write_bytes(content)
    book["loans"][0]["notes"] = [
        {
            "id": f"note-{loan_ids[0]}",
            "occurred_at": "2026-11-20T10:15:00+08:00",
            "logged_at": "2026-11-20T10:30:00+08:00",
            "text": "called",
            "attachments": [{"path": "proof.png", "kind": "image"}],
        }
    ]
    source = folder / "book.json"
    source.write_text(json.dumps(book, ensure_ascii=False), "utf-8")
    return source


def _state(data: Path, out: Path) -> tuple[set[str], set[str]]:
    """The loan ids and stored evidence hashes the data dir holds (``ashore verify`` passing)."""
    assert main(["--data-dir", str(data), "verify"]) == 0
    assert main(["--data-dir", str(data), "export", "json", "--out", str(out)]) == 0
    loans = json.loads(out.read_text("utf-8"))["loans"]
    shas = {a["sha256"] for loan in loans for note in loan["notes"] for a in note["attachments"]}
    return {loan["id"] for loan in loans}, shas


@pytest.fixture
def worlds(tmp_path: Path) -> tuple[Path, Path]:
    """A data dir holding the old data, and a backup of other (new) data."""
    old = tmp_path / "old"
    assert (
        main(["--data-dir", str(old), "import", str(_book(tmp_path / "a", ("jb-2026-01",), b"A"))])
        == 0
    )
    new = tmp_path / "new"
    two = ("jt360-bullet-0901", "jt360-2025-11")
    assert main(["--data-dir", str(new), "import", str(_book(tmp_path / "b", two, b"B"))]) == 0
    backup = tmp_path / "new.zip"
    assert main(["--data-dir", str(new), "backup", "--out", str(backup)]) == 0
    return old, backup


def _run_child(n: int, data: Path, backup: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(n), str(data), str(backup)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_restore_killed_at_any_rename_leaves_old_or_new_data_whole(
    tmp_path: Path, worlds: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, backup = worlds
    old_state = _state(old, tmp_path / "o.json")
    new_state = _state(tmp_path / "new", tmp_path / "n.json")
    assert old_state != new_state

    clean = tmp_path / "clean"
    shutil.copytree(old, clean)
    done = _run_child(0, clean, backup)
    assert done.returncode == 0, done.stderr
    calls = int(done.stdout.split("CALLS ")[1])
    assert calls >= 6  # the safety backup's, the journal's, the swap's and the clean-up's

    outcomes: dict[int, str] = {}
    for n in range(1, calls + 1):
        data = tmp_path / f"kill-{n}"
        shutil.copytree(old, data)
        child = _run_child(n, data, backup)
        assert child.returncode == -9, (n, child.returncode, child.stderr)
        state = _state(data, tmp_path / f"kill-{n}.json")
        assert state in (old_state, new_state), n
        outcomes[n] = "old" if state == old_state else "new"
        leftovers = [p.name for p in data.iterdir() if p.name.startswith((".restore", ".replaced"))]
        assert leftovers == [], (n, leftovers)
        assert not (data / "restore-journal.json").exists(), n
    capsys.readouterr()
    kept_old = sorted(n for n, seen in outcomes.items() if seen == "old")
    print(f"kill points: {calls}, old data kept at {kept_old}")
    # Killed before the journal is written the old data stays; after it, the new one is finished.
    assert set(outcomes.values()) == {"old", "new"}
    first_new = min(n for n, seen in outcomes.items() if seen == "new")
    assert all(seen == "new" for n, seen in outcomes.items() if n >= first_new)


def _rewrite_database(
    backup: Path, out: Path, sql: str | None = None, damage: bool = False
) -> None:
    """A copy of ``backup`` whose database is changed by ``sql`` (or a page overwritten), with a
    manifest made to match: the manifest is no defence against a forged backup."""
    import hashlib

    work = out.parent / (out.stem + "-work")
    work.mkdir()
    with zipfile.ZipFile(backup) as archive:
        archive.extractall(work)
    db = work / "ashore.sqlite3"
    if sql is not None:
        con = sqlite3.connect(db)
        con.executescript(sql)
        con.close()
    if damage:
        raw = bytearray(db.read_bytes())
        page = 4096
        raw[2 * page : 2 * page + 8] = b"\x0d" + b"\xff" * 7  # page 3's b-tree header
        db.write_bytes(bytes(raw))
    manifest = json.loads((work / "MANIFEST.json").read_text("utf-8"))
    manifest["members"]["ashore.sqlite3"] = hashlib.sha256(db.read_bytes()).hexdigest()
    (work / "MANIFEST.json").write_text(json.dumps(manifest), "utf-8")
    with zipfile.ZipFile(out, "w") as archive:
        for path in sorted(work.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(work).as_posix())


def _drop_evidence(backup: Path, out: Path) -> None:
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(out, "w") as dst:
        manifest = json.loads(src.read("MANIFEST.json"))
        manifest["members"] = {
            k: v for k, v in manifest["members"].items() if not k.startswith("evidence/")
        }
        for name in src.namelist():
            if name == "MANIFEST.json":
                dst.writestr(name, json.dumps(manifest))
            elif not name.startswith("evidence/"):
                dst.writestr(name, src.read(name))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda b, o: _rewrite_database(
                b,
                o,
                "CREATE TRIGGER wipe AFTER INSERT ON payments BEGIN DELETE FROM call_notes; END;",
            ),
            "holds a trigger 'wipe' that Ashore's schema does not define",
        ),
        (
            lambda b, o: _rewrite_database(b, o, "CREATE VIEW peek AS SELECT * FROM loans;"),
            "holds a view 'peek'",
        ),
        (
            lambda b, o: _rewrite_database(b, o, "CREATE TABLE extra (x);"),
            "holds a table 'extra'",
        ),
        (lambda b, o: _rewrite_database(b, o, damage=True), "the backup's database is damaged"),
        (_drop_evidence, "is referred to by the backup's database but is not in the backup"),
    ],
    ids=["trigger", "view", "table", "corrupt-page", "missing-evidence"],
)
def test_a_hostile_backup_is_refused_and_nothing_changes(
    tmp_path: Path,
    worlds: tuple[Path, Path],
    make: object,
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    old, backup = worlds
    before = _state(old, tmp_path / "before.json")
    hostile = tmp_path / "hostile.zip"
    make(backup, hostile)  # type: ignore[operator]
    capsys.readouterr()
    assert main(["--data-dir", str(old), "restore", str(hostile)]) == 1
    err = capsys.readouterr().err
    assert message in err, err
    assert "internal error" not in err
    assert _state(old, tmp_path / "after.json") == before
    assert not list((old / "backups").glob("ashore-before-restore-*"))
