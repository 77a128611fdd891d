"""``ashore import`` and ``ashore export json``: round trips; every wrong input refused cleanly."""

from __future__ import annotations

import copy
import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ashore.app.paths import DataDir
from ashore.commands.cli import main
from store.books import AUDIO, book_folder, dump, sample_dict, without_exported_at


def _run(data: DataDir, *args: str) -> int:
    return main(["--data-dir", str(data.root), *args])


def test_import_then_export_gives_the_same_data(
    data_dir: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = book_folder(tmp_path / "in")
    assert _run(data_dir, "import", str(source)) == 0
    assert "imported 2 lender(s), 3 loan(s) and 1 file(s)" in capsys.readouterr().out
    out = tmp_path / "out" / "book.json"
    assert _run(data_dir, "export", "json", "--out", str(out)) == 0
    exported = without_exported_at(out)
    original = json.loads(source.read_text(encoding="utf-8"))

    # Every value of the input is in the export (which also spells out the defaults).
    def contained(given: Any, got: Any, where: str) -> None:
        if isinstance(given, dict):
            for key, value in given.items():
                if key == "path":
                    continue
                assert key in got, where + "." + key
                contained(value, got[key], where + "." + key)
        elif isinstance(given, list):
            assert len(given) == len(got), where
            for i, (a, b) in enumerate(zip(given, got, strict=True)):
                contained(a, b, f"{where}[{i}]")
        else:
            assert given == got, where

    by_id = {loan["id"]: loan for loan in exported["loans"]}
    for loan in original["loans"]:
        contained(loan, by_id[loan["id"]], f"loans[{loan['id']}]")
    assert exported["lenders"] == sorted(
        [{**{"hours": "", "website": ""}, **x} for x in original["lenders"]],
        key=lambda x: x["id"],
    )
    attachment = by_id["jb-2026-01"]["notes"][0]["attachments"][0]
    assert attachment["sha256"] == hashlib.sha256(AUDIO).hexdigest()
    assert (out.parent / attachment["path"]).read_bytes() == AUDIO
    assert attachment["size"] == len(AUDIO)

    # Exported again: the same bytes but for exported_at.
    again = tmp_path / "again" / "book.json"
    assert _run(data_dir, "export", "json", "--out", str(again)) == 0
    first = [line for line in out.read_text().splitlines() if "exported_at" not in line]
    second = [line for line in again.read_text().splitlines() if "exported_at" not in line]
    assert first == second

    # And the export imports into an empty data dir and exports to the same data again.
    other = DataDir(tmp_path / "other")
    assert _run(other, "import", str(out)) == 0
    third = tmp_path / "third" / "book.json"
    assert _run(other, "export", "json", "--out", str(third)) == 0
    assert without_exported_at(third) == exported


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        keys = [
            int(k) if k.isdigit() else k for k in path.replace("[", ".").replace("]", "").split(".")
        ]
        for key in keys[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value

    return change


_DELETE = object()
_FAKE = "0" * 64

WRONG: list[tuple[str, Callable[[dict[str, Any]], Any], str]] = [
    (
        "bad JSON",
        lambda d: json.dumps(d, indent=1).replace('"version": 1,', '"version": 1,,'),
        "book.json: line 3, column 15: not valid JSON",
    ),
    ("missing field", _set("loans[1].principal", _DELETE), "loans[1].principal: missing"),
    ("unknown field", _set("loans[0].colour", "red"), "loans[0].colour: unknown field"),
    ("negative amount", _set("loans[2].principal", "-5.00"), "loans[2].principal: must not be"),
    (
        "malformed amount",
        _set("loans[2].principal", "12,000"),
        'loans[2].principal: "12,000" is not a decimal amount',
    ),
    ("amount as number", _set("loans[0].principal", 12000), "loans[0].principal: 12000 is not"),
    ("impossible date", _set("loans[0].first_due", "2026-02-31"), "loans[0].first_due: "),
    ("unknown lender", _set("loans[1].lender", "nobody"), "loans[1].lender: 'nobody' is not"),
    ("duplicate loan id", _set("loans[2].id", "new-jb-2026-01"), "loans[2].id: duplicate loan"),
    ("loan id already kept", _set("loans[1].id", "jb-2026-01"), "loans[1].id: 'jb-2026-01' alr"),
    ("duplicate lender id", _set("lenders[1].id", "jb"), "lenders[1].id: duplicate lender id"),
    (
        "missing file",
        _set("loans[0].notes[0].attachments[0].path", "evidence/nope.m4a"),
        "loans[0].notes[0].attachments[0].path: evidence/nope.m4a: no such file",
    ),
    (
        "hash mismatch",
        _set("loans[0].notes[0].attachments[0].sha256", _FAKE),
        "loans[0].notes[0].attachments[0].sha256: the file",
    ),
    ("bad time", _set("loans[0].notes[0].logged_at", "2026-11-20 10:40"), "notes[0].logged_at"),
    ("bad rate unit", _set("loans[0].rate.per", "week"), "loans[0].rate.per: 'week' is not"),
    ("bad proposal", _set("loans[0].proposals[0].params.months", "24"), "params.months: '24'"),
    ("wrong format", _set("format", "other"), "format: 'other' is not"),
]


@pytest.mark.parametrize(("what", "change", "message"), WRONG, ids=[w[0] for w in WRONG])
def test_wrong_input_exits_1_and_changes_nothing(
    data_dir: DataDir,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    what: str,
    change: Callable[[dict[str, Any]], Any],
    message: str,
) -> None:
    # Data already there, so "unchanged" means something: the sample under other ids.
    assert _run(data_dir, "import", str(book_folder(tmp_path / "first", with_file=False))) == 0
    before = dump(data_dir)
    data = sample_dict()
    for loan in data["loans"]:
        loan["id"] = "new-" + loan["id"]
    path = book_folder(tmp_path / "bad", data)
    data = json.loads(path.read_text(encoding="utf-8"))
    raw = change(data)
    text = raw if isinstance(raw, str) else json.dumps(data, ensure_ascii=False, indent=1)
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert _run(data_dir, "import", str(path)) == 1
    err = capsys.readouterr().err
    assert err.startswith("ashore: "), err
    assert message in err, err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert dump(data_dir) == before


def test_hash_mismatch_on_a_later_loan_rolls_back_the_earlier_ones(
    data_dir: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = book_folder(tmp_path / "in")
    data = json.loads(path.read_text(encoding="utf-8"))
    note = copy.deepcopy(data["loans"][0]["notes"][0])
    note["attachments"][0]["sha256"] = _FAKE
    data["loans"][2]["notes"] = [note]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert _run(data_dir, "import", str(path)) == 1
    assert "loans[2].notes[0].attachments[0].sha256" in capsys.readouterr().err
    sql, files = dump(data_dir)
    assert not [line for line in sql if line.startswith('INSERT INTO "loans"')]
    assert [f for f in files if len(f) > 2] == []  # the copied file was taken out again


def test_bad_json_names_the_line(
    data_dir: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "format": "ashore",\n  "version": 1,,\n}\n', encoding="utf-8")
    assert _run(data_dir, "import", str(path)) == 1
    err = capsys.readouterr().err
    assert f"{path}: line 3, column" in err
    assert "not valid JSON" in err
    assert not data_dir.database.exists()  # a bad file never even opens the database


def test_missing_json_file(data_dir: DataDir, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(data_dir, "import", "/nonexistent/book.json") == 1
    assert "/nonexistent/book.json: no such file" in capsys.readouterr().err


def test_float_amount_is_refused_with_its_path(
    data_dir: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = sample_dict()
    path = tmp_path / "float.json"
    text = json.dumps(data, ensure_ascii=False).replace(
        '"principal": "3000.00"', '"principal": 3000.5'
    )
    path.write_text(text, encoding="utf-8")
    assert _run(data_dir, "import", str(path)) == 1
    assert "loans[1].principal: 3000.5 is not a decimal amount in quotes" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["import"], ["export"], ["export", "json"], ["frobnicate"]])
def test_wrong_usage_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.startswith("ashore")


def test_installed_command_round_trip(tmp_path: Path) -> None:
    ashore = Path(sys.executable).parent / "ashore"
    source = book_folder(tmp_path / "in")
    data = tmp_path / "data"
    done = subprocess.run(
        [str(ashore), "--data-dir", str(data), "import", str(source)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out.json"
    done = subprocess.run(
        [str(ashore), "--data-dir", str(data), "export", "json", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert [x["id"] for x in without_exported_at(out)["loans"]] == [
        "jb-2026-01",
        "jt360-2025-11",
        "jt360-bullet-0901",
    ]
    bad = subprocess.run(
        [str(ashore), "--data-dir", str(data), "import", str(tmp_path / "none.json")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode == 1
    assert "none.json: no such file" in bad.stderr
    usage = subprocess.run([str(ashore), "import"], capture_output=True, text=True, timeout=120)
    assert usage.returncode == 2
