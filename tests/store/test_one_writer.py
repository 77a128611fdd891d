"""One writer at a time: a second process on an open data dir is told to close the first, and
the clean-up of a failed import never removes a file that a committed note refers to."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ashore.app.errors import DataError, InputError
from ashore.app.paths import DataDir
from ashore.app.resources import resource_path
from ashore.commands.cli import main
from ashore.exchange import read_book
from ashore.services import Ledger


def _ashore(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from ashore.commands.cli import main; sys.exit(main())",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _book(folder: Path, loan_ids: tuple[str, ...], content: bytes = b"proof") -> Path:
    folder.mkdir()
    book: dict[str, Any] = json.loads(resource_path("sample", "sample.json").read_text("utf-8"))
    book["loans"] = [loan for loan in book["loans"] if loan["id"] in loan_ids]
    (folder / "proof.png").write_bytes(content)
    book["loans"][0]["notes"] = [
        {
            "id": f"note-{loan_ids[0]}",
            "occurred_at": "2026-11-20T10:15:00+08:00",
            "logged_at": "2026-11-20T10:30:00+08:00",
            "attachments": [{"path": "proof.png", "kind": "image"}],
        }
    ]
    source = folder / "book.json"
    source.write_text(json.dumps(book, ensure_ascii=False), "utf-8")
    return source


def test_a_second_process_is_told_the_data_dir_is_open(tmp_path: Path) -> None:
    data = tmp_path / "data"
    source = _book(tmp_path / "in", ("jb-2026-01",))
    assert main(["--data-dir", str(data), "backup", "--out", str(tmp_path / "empty.zip")]) == 0
    window = Ledger.open(DataDir(data))  # what an open window holds
    try:
        for args in (["import", str(source)], ["restore", str(tmp_path / "empty.zip")]):
            child = _ashore("--data-dir", str(data), *args)
            assert child.returncode == 1, child.stderr
            assert "Ashore is open on this data dir" in child.stderr
            assert "close it first" in child.stderr
            assert "internal error" not in child.stderr
        assert window.loans() == []  # the window still works on its own database
    finally:
        window.close()
    child = _ashore("--data-dir", str(data), "import", str(source))
    assert child.returncode == 0, child.stderr


def test_two_imports_at_once_never_fail_with_database_is_locked(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = _book(tmp_path / "a", ("jb-2026-01",), b"first")
    second = _book(tmp_path / "b", ("jt360-2025-11",), b"second")
    command = "import sys; from ashore.commands.cli import main; sys.exit(main())"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", command, "--data-dir", str(data), "import", str(book)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for book in (first, second)
    ]
    results = [(proc.wait(timeout=120), proc.communicate()[1]) for proc in procs]
    for code, err in results:
        assert code == 0 or "Ashore is open on this data dir" in err, err
        assert "locked" not in err
        assert "internal error" not in err
    out = tmp_path / "out" / "book.json"
    assert main(["--data-dir", str(data), "export", "json", "--out", str(out)]) == 0
    kept = {loan["id"] for loan in json.loads(out.read_text("utf-8"))["loans"]}
    expected = {
        loan_id
        for (code, _err), loan_id in zip(results, ("jb-2026-01", "jt360-2025-11"), strict=True)
        if code == 0
    }
    assert kept == expected
    assert kept


def test_a_failed_import_keeps_a_file_another_import_committed_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = DataDir(tmp_path / "data")
    ledger = Ledger.open(data)
    # B: the same file on a new loan, then a loan id that already exists, so B fails at its end
    b_source = _book(tmp_path / "b", ("jb-2026-01", "jt360-2025-11"), b"shared")
    b_book = read_book(b_source)
    a_book = read_book(_book(tmp_path / "a", ("jt360-bullet-0901",), b"shared"))
    ledger.import_book(read_book(_book(tmp_path / "c", ("jt360-2025-11",), b"other")))

    original = Ledger._store_attachments
    other = Ledger.open(data)  # another window of this process (the lock is shared within it)
    ran: list[bool] = []

    def store_then_let_a_commit(self: Ledger, loan: Any, path: str, added: list[str]) -> Any:
        stored = original(self, loan, path, added)
        if not ran:
            ran.append(True)
            other.import_book(a_book)  # A commits a note on the very file B just stored
        return stored

    monkeypatch.setattr(Ledger, "_store_attachments", store_then_let_a_commit)
    with pytest.raises((InputError, DataError), match=r"already exists|locked"):
        ledger.import_book(b_book)
    monkeypatch.undo()
    other.close()
    ledger.close()
    assert main(["--data-dir", str(data.root), "verify"]) == 0  # A's note still finds its file
