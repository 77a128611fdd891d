"""Everything Ashore writes under the data dir, and every export, is the owner's alone (files 0600
or read-only 0400, folders 0700) whatever the umask; a data dir found readable by others is
tightened on start, and the user is told."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from ashore.app.resources import resource_path
from ashore.commands.cli import main


@pytest.fixture
def loose_umask() -> Iterator[None]:
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def _book_with_a_file(folder: Path) -> Path:
    folder.mkdir()
    book = json.loads(resource_path("sample", "sample.json").read_text("utf-8"))
    (folder / "proof.png").write_bytes(b"\x89PNG a screenshot")
    book["loans"][0]["notes"][0]["attachments"] = [{"path": "proof.png", "kind": "image"}]
    source = folder / "book.json"
    source.write_text(json.dumps(book, ensure_ascii=False), "utf-8")
    return source


def _loose(root: Path) -> list[str]:
    """Every path under ``root`` that others could read (or a folder not exactly 0700)."""
    found = []
    for path in (root, *root.rglob("*")):
        mode = stat.S_IMODE(path.lstat().st_mode)
        if (path.is_dir() and mode != 0o700) or mode & 0o077:
            found.append(f"{path.relative_to(root)}: {oct(mode)}")
    return found


@pytest.mark.usefixtures("loose_umask")
def test_under_umask_000_every_file_written_is_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    home = ["--data-dir", str(data)]
    assert main([*home, "import", str(_book_with_a_file(tmp_path / "in"))]) == 0
    assert main([*home, "backup", "--out", str(data / "backups" / "b.zip")]) == 0
    exported = tmp_path / "export" / "book.json"
    assert main([*home, "export", "json", "--out", str(exported)]) == 0
    bundle = tmp_path / "bundle" / "evidence.zip"
    assert main([*home, "export", "evidence", "--loan", "jb-2026-01", "--out", str(bundle)]) == 0

    # a bug's traceback goes to logs/errors.log
    import ashore.commands.verify as verify_command

    def broken(*_args: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(verify_command, "run_verify", broken)
    assert main([*home, "verify"]) == 1
    assert "internal error" in capsys.readouterr().err
    assert (data / "logs" / "errors.log").is_file()

    assert _loose(data) == []
    assert _loose(tmp_path / "export") == []
    assert (tmp_path / "export" / "evidence").is_dir()
    assert _loose(tmp_path / "bundle") == []
    assert os.umask(0) == 0  # the caller's umask is given back


def test_an_existing_loose_data_dir_is_tightened_on_start_and_the_user_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    home = ["--data-dir", str(data)]
    assert main([*home, "import", str(_book_with_a_file(tmp_path / "in"))]) == 0
    for path in (data, *data.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)
    capsys.readouterr()
    assert main([*home, "verify"]) == 0
    err = capsys.readouterr().err
    assert "could be read by other users; made them private" in err
    assert _loose(data) == []
    stored = next((data / "evidence").glob("*/*"))
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600  # 0644 lost its group and other bits
    assert main([*home, "verify"]) == 0
    assert "private" not in capsys.readouterr().err  # told once, when it was changed
