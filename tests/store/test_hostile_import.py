"""The hostile corpus: exchange files made to break in or to crash the import.

Each must be refused with one line naming the field (exit 1), never "internal error", and leave the
data dir without a single loan or evidence file. Paths must stay inside the JSON file's folder:
an import must never copy ``/etc/passwd`` or ``/proc/self/environ`` into the evidence store.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ashore.app.resources import resource_path
from ashore.commands.cli import main

Book = dict[str, Any]
# Changes the sample book (and may create files in the folder given) before it is written.
Change = Callable[[Book, Path], None]

BIG = "1" + "0" * 26  # 10^26: overflowed Decimal's quantize


def _sample() -> Book:
    data: Book = json.loads(resource_path("sample", "sample.json").read_text("utf-8"))
    return data


def _attach(book: Book, path: str) -> None:
    book["loans"][0]["notes"][0]["attachments"] = [{"path": path, "kind": "document"}]


def _link(name: str, target: str) -> Change:
    def change(book: Book, folder: Path) -> None:
        os.symlink(target, folder / name)
        _attach(book, name)

    return change


def _outside(book: Book, folder: Path) -> None:
    (folder.parent / "secret.txt").write_text("not for the evidence store", "utf-8")
    _attach(book, "../secret.txt")


def _link_outside(book: Book, folder: Path) -> None:
    (folder.parent / "secret.txt").write_text("not for the evidence store", "utf-8")
    os.symlink(folder.parent / "secret.txt", folder / "innocent.txt")
    _attach(book, "innocent.txt")


def _fifo(book: Book, folder: Path) -> None:
    os.mkfifo(folder / "pipe.m4a")
    _attach(book, "pipe.m4a")


def _folder(book: Book, folder: Path) -> None:
    (folder / "sub").mkdir()
    _attach(book, "sub")


def _guide_outside(book: Book, folder: Path) -> None:
    book["loans"][0]["guide"] = {"documents": [{"path": "../../etc/passwd", "kind": "contract"}]}


def _set(path: str, value: object) -> Change:
    """Set the value at a dotted path like ``loans.0.principal``."""

    def change(book: Book, _folder: Path) -> None:
        *parents, last = path.split(".")
        node: Any = book
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return change


def _custom(book: Book, _folder: Path) -> None:
    book["loans"][0]["proposals"][0].update(
        method="custom", params={"installments": [{"due": "2027-01-15", "amount": BIG}]}
    )


def _lump(book: Book, _folder: Path) -> None:
    book["loans"][1]["proposals"][0]["params"] = {"amount": BIG, "pay_by": "2027-01-15"}


# (name, change, raw JSON replacement or None, the message's start)
CASES: list[tuple[str, Change, str | None, str]] = [
    ("dot-dot", _outside, None, "loans[0].notes[0].attachments[0].path: '../secret.txt' leads out"),
    (
        "etc-passwd",
        _set("loans.0.notes.0.attachments", [{"path": "../../../../../../etc/passwd"}]),
        None,
        "loans[0].notes[0].attachments[0].path: '../../../../../../etc/passwd' leads outside",
    ),
    (
        "absolute",
        _set("loans.0.notes.0.attachments", [{"path": "/etc/passwd"}]),
        None,
        "loans[0].notes[0].attachments[0].path: '/etc/passwd' must be relative",
    ),
    ("link-shadow", _link("s.txt", "/etc/shadow"), None, "attachments[0].path: 's.txt' leads out"),
    (
        "link-environ",
        _link("e.txt", "/proc/self/environ"),
        None,
        "loans[0].notes[0].attachments[0].path: 'e.txt' leads outside",
    ),
    ("link-dev", _link("z.m4a", "/dev/zero"), None, "attachments[0].path: 'z.m4a' leads outside"),
    ("link-out", _link_outside, None, "attachments[0].path: 'innocent.txt' leads outside"),
    ("fifo", _fifo, None, "attachments[0].path: 'pipe.m4a' is not a plain file"),
    ("folder", _folder, None, "loans[0].notes[0].attachments[0].path: 'sub' is not a plain file"),
    (
        "nul-path",
        _set("loans.0.notes.0.attachments", [{"path": "a\x00b"}]),
        None,
        "loans[0].notes[0].attachments[0].path: must not hold a NUL",
    ),
    ("guide-doc", _guide_outside, None, "loans[0].guide.documents[0].path: '../../etc/passwd'"),
    ("principal-1e26", _set("loans.0.principal", BIG), None, "loans[0].principal: "),
    ("principal-1e12", _set("loans.0.principal", "1000000000000"), None, "loans[0].principal: "),
    (
        "payment-1e26",
        _set("loans.0.payments.0.amount", BIG),
        None,
        "loans[0].payments[0].amount: ",
    ),
    (
        "fee-1e26",
        _set("loans.1.fees.0.amount", BIG + ".00"),
        None,
        "loans[1].fees[0].amount: ",
    ),
    ("custom-1e26", _custom, None, "loans[0].proposals[0].params.installments[0].amount: "),
    ("lump-1e26", _lump, None, "loans[1].proposals[0].params.amount: "),
    ("budget-1e26", _set("monthly_budget", BIG), None, "monthly_budget: "),
    ("arabic-digits", _set("loans.0.principal", "١٢٠٠٠"), None, "loans[0].principal: "),
    ("arabic-date", _set("loans.0.first_due", "٢٠٢٦-٠١-١٥"), None, "loans[0].first_due: "),
    ("fraction-digits", _set("loans.0.principal", "1." + "0" * 50), None, "loans[0].principal: "),
    (
        "5000-digits",
        _set("loans.0.term.count", 0),
        '"count": ' + "9" * 5000,
        "loans[0].term.count: 9999999999",
    ),
    ("deep", _set("lenders.0.notes", "@@"), None, "levels deep (an Ashore file needs at most 8)"),
    ("surrogate-note", _set("loans.0.notes.0.text", "\ud800"), None, "loans[0].notes[0].text: "),
    ("surrogate-id", _set("loans.0.id", "x\udfff"), None, "loans[0].id: holds a character"),
    ("nul-note", _set("loans.0.notes.0.text", "a\x00b"), None, "loans[0].notes[0].text: must not"),
    (
        "grace-1e20",
        _set("loans.0.overdue.grace_days", 10**20),
        None,
        "loans[0].overdue.grace_days: ",
    ),
    (
        "grace-1e6",
        _set("loans.0.overdue.grace_days", 10**6),
        None,
        "loans[0].overdue.grace_days: must be at most 36500",
    ),
    (
        "accelerates-1e18",
        _set("loans.0.overdue.accelerates_after_days", 10**18),
        None,
        "loans[0].overdue.accelerates_after_days: ",
    ),
    (
        "months-1e18",
        _set("loans.0.proposals.0.params.months", 10**18),
        None,
        "loans[0].proposals[0].params.months: ",
    ),
    (
        "months-1e6",
        _set("loans.0.proposals.0.params.months", 10**6),
        None,
        "loans[0].proposals[0].params.months: must be at most 600",
    ),
    (
        "duration-1e20",
        _set("loans.0.notes.0.attachments", [{"path": "ok.txt", "duration_ms": 10**20}]),
        None,
        "loans[0].notes[0].attachments[0].duration_ms: ",
    ),
    ("huge-id", _set("loans.0.id", "x" * 5000), None, "loans[0].id: an id must be at most 200"),
]


def _write(tmp_path: Path, change: Change, raw: str | None) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text("a plain file inside the folder", "utf-8")
    book = _sample()
    change(book, folder)
    text = json.dumps(book, ensure_ascii=True)
    if raw is not None:
        text = text.replace('"count": 0', raw, 1)
    text = text.replace('"@@"', "[" * 2000 + "]" * 2000)
    source = folder / "book.json"
    source.write_text(text, encoding="utf-8")
    return source


@pytest.mark.parametrize(
    ("change", "raw", "message"),
    [pytest.param(change, raw, message, id=name) for name, change, raw, message in CASES],
)
def test_a_hostile_file_is_refused_naming_the_field_and_nothing_changes(
    tmp_path: Path,
    change: Change,
    raw: str | None,
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = _write(tmp_path, change, raw)
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(source)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ashore: "), err
    assert err.count("\n") == 1, err
    assert message in err, err
    assert "internal error" not in err
    assert not [p for p in (data / "evidence").rglob("*") if p.is_file()]
    out = tmp_path / "after" / "book.json"
    assert main(["--data-dir", str(data), "export", "json", "--out", str(out)]) == 0
    assert json.loads(out.read_text("utf-8"))["loans"] == []


def test_a_link_that_stays_inside_the_folder_is_followed(tmp_path: Path) -> None:
    """Links are refused only when they lead out: one to a file beside it is taken, its content."""
    source = _write(tmp_path, _link("alias.txt", "ok.txt"), None)
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(source)]) == 0
    stored = [p for p in (data / "evidence").rglob("*") if p.is_file()]
    assert [p.read_bytes() for p in stored] == [b"a plain file inside the folder"]


def test_amounts_just_under_the_bound_and_ascii_digits_are_still_taken(tmp_path: Path) -> None:
    source = _write(tmp_path, _set("loans.2.principal", "999999999.99"), None)
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(source)]) == 0
    out = tmp_path / "after" / "book.json"
    assert main(["--data-dir", str(data), "export", "json", "--out", str(out)]) == 0
    loans = {loan["id"]: loan for loan in json.loads(out.read_text("utf-8"))["loans"]}
    assert loans["jt360-2025-11"]["principal"] == "999999999.99"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ashore.exchange import read  # the module whose read_book checks the limit

    monkeypatch.setattr(read, "MAX_FILE_BYTES", 1000)
    source = _write(tmp_path, _set("lenders.0.notes", "x" * 2000), None)
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(source)]) == 1
    assert "is larger than" in capsys.readouterr().err
