"""An import is refused, naming the field, when the money engine could not work a loan out:
stored, such a loan would break every screen and export that adds the loans up."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest

from ashore.app.resources import resource_path
from ashore.commands.cli import main


def _sample() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path("sample", "sample.json").read_text("utf-8"))
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["loans"][0]["term"].update(count=601),
            "loans[0].term.count: must be at most 600 months",
        ),
        (lambda d: d["loans"][0].update(first_due="9999-06-15"), "loans[0].first_due: 9999-06-15"),
        (
            lambda d: d["loans"][0]["proposals"][0].update(
                method="reduced_installment", params={"amount": "10.00", "annual_rate": "0.5"}
            ),
            "loans[0].proposals[0].params.amount: must be at least",
        ),
    ],
)
def test_uncomputable_loans_are_refused_and_nothing_changes(
    tmp_path: Path, change: Any, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _sample()
    change(data)
    source = tmp_path / "book.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    home = ["--data-dir", str(tmp_path / "data")]
    assert main([*home, "import", str(source)]) == 1
    err = capsys.readouterr().err
    assert message in err, err
    out = tmp_path / "after.json"
    assert main([*home, "export", "json", "--out", str(out)]) == 0
    assert json.loads(out.read_text("utf-8"))["loans"] == []


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["--today", "9999-12-31", "verify"],
            1,
            "--today: 9999-12-31 is not between 1970 and 2200",
        ),
        (
            ["export", "ics", "--out", "x.ics", "--from", "9999-12"],
            2,
            "'9999-12' is not between 1970 and 2200",
        ),
    ],
)
def test_far_dates_are_refused_not_crashed_on(
    tmp_path: Path, args: list[str], code: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) if code == 2 else contextlib.nullcontext() as exited:
        result = main(["--data-dir", str(tmp_path / "data"), *args])
    if code == 2:
        assert exited.value.code == 2
    else:
        assert result == 1
    err = capsys.readouterr().err
    assert message in err
    assert "internal error" not in err


def test_an_attachment_given_by_path_alone_is_hashed_on_import(tmp_path: Path) -> None:
    import hashlib

    data = _sample()
    (tmp_path / "evidence").mkdir()
    recording = tmp_path / "evidence" / "call.m4a"
    recording.write_bytes(b"\x00\x01 a recording \xff" * 100)
    note_loan = next(loan for loan in data["loans"] if loan["notes"])
    note_loan["notes"][0].setdefault("attachments", []).append(
        {"path": "evidence/call.m4a", "kind": "audio", "name": "call.m4a"}
    )
    source = tmp_path / "book.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    home = ["--data-dir", str(tmp_path / "data")]
    assert main([*home, "import", str(source)]) == 0
    out = tmp_path / "out" / "book.json"
    out.parent.mkdir()
    assert main([*home, "export", "json", "--out", str(out)]) == 0
    exported = json.loads(out.read_text("utf-8"))
    loan = next(loan for loan in exported["loans"] if loan["id"] == note_loan["id"])
    attachment = loan["notes"][0]["attachments"][-1]
    assert attachment["sha256"] == hashlib.sha256(recording.read_bytes()).hexdigest()
    assert (out.parent / attachment["path"]).read_bytes() == recording.read_bytes()


def test_a_failed_export_json_leaves_no_copied_files(tmp_path: Path) -> None:
    data = _sample()
    note_loan = next(loan for loan in data["loans"] if loan["notes"])
    attachments = note_loan["notes"][0].setdefault("attachments", [])
    for name, content in (("a.png", b"first file"), ("b.png", b"second file")):
        (tmp_path / name).write_bytes(content)
        attachments.append({"path": name, "kind": "image", "name": name})
    source = tmp_path / "book.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    home = ["--data-dir", str(tmp_path / "data")]
    assert main([*home, "import", str(source)]) == 0
    import hashlib

    lost = hashlib.sha256(b"second file").hexdigest()
    stored = tmp_path / "data" / "evidence" / lost[:2] / lost
    stored.parent.chmod(0o700)
    stored.unlink()
    existing = tmp_path / "out-existing"
    existing.mkdir()
    for out in (tmp_path / "out-new" / "book.json", existing / "book.json"):
        assert main([*home, "export", "json", "--out", str(out)]) == 1
        assert not out.exists()
        assert not (out.parent / "evidence").exists()
    assert not (tmp_path / "out-new").exists()
    assert list(existing.iterdir()) == []
