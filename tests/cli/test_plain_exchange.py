"""``ashore import`` and ``ashore export json`` go over the driver's own SQLite connection
(``services.exchange``) on a database at the newest schema: they must write exactly the rows the
ORM's import wrote (every table, dumped), export exactly the file the ORM's export wrote (byte for
byte), refuse a bad book with the same message leaving everything as it was, and never import
SQLAlchemy (asked in a fresh process, as a user runs the command)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from ashore.app.clock import Clock
from ashore.app.errors import InputError
from ashore.app.paths import DataDir
from ashore.exchange import read_book
from ashore.services import Ledger
from ashore.services.exchange import export_plain, import_plain
from ashore.store import dbfile, plain
from ashore.store.incoming import store_attachments
from ashore.store.rows import COLUMNS
from store.books import book_folder, sample_dict

CLOCK = Clock.pinned(datetime(2026, 11, 28, 12, 0, tzinfo=UTC))
CERT = b"%PDF-1.4 settlement certificate"
PROOF = b"%PDF-1.4 hospital letter"
HEAVY = ("sqlalchemy", "alembic", "matplotlib", "reportlab", "PySide6", "shiboken6")


def _rich_book(folder: Path) -> Path:
    """The sample with every part an import writes: a note's audio file, a settlement with its
    certificate, a guide with a document and a credit check, the borrower, the budget, a revised,
    a deleted and a collector's note, a proposal's status history (the sample's)."""
    data = sample_dict()
    folder.mkdir(parents=True)
    (folder / "cert.pdf").write_bytes(CERT)
    (folder / "proof.pdf").write_bytes(PROOF)
    loans = data["loans"]
    loans[1]["settlement"] = {
        "settled_on": "2027-01-15",
        "certificate": {"path": "cert.pdf", "sha256": hashlib.sha256(CERT).hexdigest()},
        "credit_report_checked_on": "2027-02-20",
        "credit_report_clean": False,
    }
    loans[0]["guide"] = {
        "reason": "illness",
        "reason_text": "在医院",
        "ask": loans[0]["proposals"][0]["id"],
        "documents": [{"path": "proof.pdf", "kind": "medical_records", "name": "诊断书.pdf"}],
        "credit_checks": [{"checked_on": "2026-10-01", "result": "still_overdue", "note": "n"}],
    }
    # a claim as the window records it: with our own figure of that moment (migration 0008)
    loans[0].setdefault("claims", []).append(
        {"date": "2026-11-21", "amount": "9850.00", "source": "App", "ours": "9361.91"}
    )
    data["borrower"] = {"name": "王芳", "phone": "138", "address": "北京", "email": ""}
    data["monthly_budget"] = "3000.00"
    notes = loans[2]["notes"]
    notes.append(
        {
            "id": "extra-1",
            "occurred_at": "2026-11-02T09:00:00+08:00",
            "logged_at": "2026-11-02T09:30:00+08:00",
            "text": "a collector called at night",
            "kind": "collection",
            "from_number": "95188",
            "abuse": ["threat", "insult"],
            "revisions": [
                {
                    "revised_at": "2026-11-02T10:00:00+08:00",
                    "occurred_at": "2026-11-02T09:00:00+08:00",
                }
            ],
            "deleted_at": "2026-11-03T10:00:00+08:00",
            "deleted_reason": "entered twice",
        }
    )
    return book_folder(folder, data)


def _dump(root: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, each table in the order of all its columns."""
    con = sqlite3.connect(root / "ashore.sqlite3")
    try:
        tables = [
            str(r[0])
            for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        dump = {}
        for table in tables:
            count = len(con.execute(f'SELECT * FROM "{table}" LIMIT 0').description)
            order = ", ".join(str(i) for i in range(1, count + 1))
            dump[table] = con.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()
        return dump
    finally:
        con.close()


def _stored_files(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "evidence").rglob("*") if p.is_file())


def _orm_import(root: Path, source: Path) -> None:
    ledger = Ledger.open(DataDir(root), CLOCK)
    try:
        ledger.import_book(read_book(source))
    finally:
        ledger.close()


def test_the_plain_import_writes_every_row_the_orm_import_wrote(tmp_path: Path) -> None:
    source = _rich_book(tmp_path / "in")
    _orm_import(tmp_path / "orm", source)
    import_plain(DataDir(tmp_path / "plain"), CLOCK.now(), read_book(source))
    by_orm, by_plain = _dump(tmp_path / "orm"), _dump(tmp_path / "plain")
    assert by_plain == by_orm
    # the rows that are there (not two empty dumps): files, guide, borrower, budget, seals
    assert len(by_plain["evidence_files"]) == 3
    assert len(by_plain["loans"]) == len(by_plain["chain_heads"]) == 3
    keys = {row[0] for row in by_plain["settings"]}
    assert {"borrower", "monthly_budget", "currency", "guide:jb-2026-01"} <= keys
    assert by_plain["note_revisions"]
    assert by_plain["proposal_status_changes"]
    assert any(row[-1] == "9361.91" for row in by_plain["claims"])  # ours, stored as text
    assert _stored_files(tmp_path / "plain") == _stored_files(tmp_path / "orm")
    # a second book on top of the first: new primary keys continue where the rows left off
    second = sample_dict()
    for loan in second["loans"]:
        loan["id"] += "-b"
    again = book_folder(tmp_path / "again", second)
    _orm_import(tmp_path / "orm", again)
    import_plain(DataDir(tmp_path / "plain"), CLOCK.now(), read_book(again))
    assert _dump(tmp_path / "plain") == _dump(tmp_path / "orm")


_LOAN_TABLES = tuple(COLUMNS)  # every table a new loan's rows go to


def _loan_rows(root: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The loans' rows without the keys SQLite handed out (which differ by the order of
    writing), each value as stored (text, integer or null: ``typeof`` tells them apart)."""
    con = sqlite3.connect(root / "ashore.sqlite3")
    try:
        dump = {}
        for table in _LOAN_TABLES:
            names = [d[0] for d in con.execute(f"SELECT * FROM {table} LIMIT 0").description]
            kept = [n for n in names if n not in ("pk", "note_pk", "proposal_pk")]
            columns = ", ".join(f"typeof({n}), {n}" for n in kept)
            dump[table] = sorted(con.execute(f"SELECT {columns} FROM {table}").fetchall(), key=repr)
        return dump
    finally:
        con.close()


def test_the_plain_import_stores_each_value_as_the_orms_one_by_one_write_does(
    tmp_path: Path,
) -> None:
    """The rows of ``store.rows`` (the plain import's, and the window's bulk import's) against
    ``mapping.write_loan``'s, the ORM writing each loan on its own with its column types."""
    source = _rich_book(tmp_path / "in")
    book = read_book(source)
    import_plain(DataDir(tmp_path / "plain"), CLOCK.now(), book)
    ledger = Ledger.open(DataDir(tmp_path / "orm"), CLOCK)
    try:
        for lender in book.lenders:
            ledger.save_lender(lender)
        for i, loan in enumerate(book.loans):
            ledger.restore_loan(store_attachments(ledger.db.evidence, loan, f"loans[{i}]", []))
    finally:
        ledger.close()
    by_plain = _loan_rows(tmp_path / "plain")
    assert by_plain == _loan_rows(tmp_path / "orm")
    assert sum(len(rows) for rows in by_plain.values()) > 20


def test_the_plain_export_is_the_orm_exports_file_byte_for_byte(tmp_path: Path) -> None:
    source = _rich_book(tmp_path / "in")
    _orm_import(tmp_path / "data", source)
    data = DataDir(tmp_path / "data")
    summary = export_plain(data, CLOCK.now(), tmp_path / "plain" / "all.json")
    ledger = Ledger.open(data, CLOCK, read_only=True)
    try:
        expected = ledger.export_json(tmp_path / "orm" / "all.json")
    finally:
        ledger.close()
    text = (tmp_path / "plain" / "all.json").read_text("utf-8")
    assert text == (tmp_path / "orm" / "all.json").read_text("utf-8")
    assert summary == expected
    assert (summary.lenders, summary.loans, summary.files) == (2, 3, 1)
    written = {loan["id"]: loan for loan in json.loads(text)["loans"]}
    assert written["jb-2026-01"]["guide"]["documents"][0]["name"] == "诊断书.pdf"
    assert written["jt360-bullet-0901"]["settlement"]["credit_report_clean"] is False
    assert sorted(p.name for p in (tmp_path / "plain" / "evidence").iterdir()) == sorted(
        p.name for p in (tmp_path / "orm" / "evidence").iterdir()
    )


def _refusal(import_: Any, root: Path, book: Any) -> str:
    with pytest.raises(InputError) as caught:
        import_(root, book)
    return str(caught.value)


@pytest.mark.parametrize("bad", ["lender", "loan", "chain", "file"])
def test_a_refused_book_says_the_same_and_changes_nothing(tmp_path: Path, bad: str) -> None:
    source = _rich_book(tmp_path / "in")
    roots = {"orm": tmp_path / "orm", "plain": tmp_path / "plain"}
    _orm_import(roots["orm"], source)
    import_plain(DataDir(roots["plain"]), CLOCK.now(), read_book(source))
    data = json.loads(source.read_text("utf-8"))
    data["loans"] = data["loans"][:1]
    data["loans"][0]["id"] = "new-loan"
    (source.parent / "new.m4a").write_bytes(b"a recording never kept")
    data["loans"][0]["notes"][0]["attachments"].append({"path": "new.m4a"})
    if bad == "lender":
        data["lenders"][0]["phone"] = "000"
    elif bad == "loan":
        data["loans"].append({**data["loans"][0], "id": "jb-2026-01", "guide": None})
    elif bad == "chain":
        note = data["loans"][0]["notes"][0]
        data["loans"][0]["note_chain"] = [
            {"note": note["id"], "kind": "created", "at": note["logged_at"], "body": "{}"}
            | {"prev_hash": "0" * 64, "hash": "f" * 64}
        ]
    else:
        data["loans"][0]["notes"][0]["attachments"][1]["sha256"] = "a" * 64
    changed = source.parent / "changed.json"
    changed.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    book = read_book(changed)
    before = {name: (_dump(root), _stored_files(root)) for name, root in roots.items()}

    def orm(root: Path, book: Any) -> None:
        ledger = Ledger.open(DataDir(root), CLOCK)
        try:
            ledger.import_book(book)
        finally:
            ledger.close()

    def plain_import(root: Path, book: Any) -> None:
        import_plain(DataDir(root), CLOCK.now(), book)

    said = _refusal(orm, roots["orm"], book)
    assert _refusal(plain_import, roots["plain"], book) == said
    assert {"lender": "lenders[0].id", "loan": "loans[1].id", "chain": "loans[0].note_chain"}.get(
        bad, "loans[0].notes[0].attachments[1].sha256"
    ) in said
    for name, root in roots.items():  # all or nothing: no row, and the new file removed again
        assert (_dump(root), _stored_files(root)) == before[name]


_RUN = """
import json, sys
from ashore.commands.cli import main
code = main(["--data-dir", sys.argv[1], "--today", "2026-11-28", *json.loads(sys.argv[3])])
loaded = sorted({name.split(".")[0] for name in sys.modules} & set(json.loads(sys.argv[2])))
print(json.dumps({"code": code, "loaded": loaded}))
"""


def _fresh(root: Path, *args: str) -> dict[str, Any]:
    """The command run in a fresh process: its exit code, what it printed, what it imported."""
    command = [sys.executable, "-c", _RUN, str(root), json.dumps(HEAVY), json.dumps(args)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120).stdout
    *printed, last = out.strip().splitlines()
    return {**json.loads(last), "out": "\n".join(printed)}


def test_import_and_export_json_import_no_sqlalchemy_qt_matplotlib_or_reportlab(
    tmp_path: Path,
) -> None:
    source = _rich_book(tmp_path / "in")
    root = tmp_path / "data"
    imported = _fresh(root, "import", str(source))
    assert (imported["code"], imported["loaded"]) == (0, [])
    assert "imported 2 lender(s), 3 loan(s) and 1 file(s)" in imported["out"]
    out = tmp_path / "out" / "all.json"
    exported = _fresh(root, "export", "json", "--out", str(out))
    assert (exported["code"], exported["loaded"]) == (0, [])
    assert f"wrote {out}: 2 lender(s), 3 loan(s), 1 file(s)" in exported["out"]
    assert [loan["id"] for loan in json.loads(out.read_text("utf-8"))["loans"]] == [
        "jb-2026-01",
        "jt360-2025-11",
        "jt360-bullet-0901",
    ]
    refused = _fresh(root, "import", str(source))  # the same loans again: refused, as before
    assert refused["code"] != 0
    assert refused["loaded"] == []


def test_a_database_behind_the_newest_schema_is_migrated_and_imported_through_the_ledger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _rich_book(tmp_path / "in")
    data = DataDir(tmp_path / "data")
    monkeypatch.setattr(dbfile, "SCHEMA_HEAD", "9999")  # as if this database were behind
    with pytest.raises(plain.NotNewest):
        import_plain(data, CLOCK.now(), read_book(source))
    from ashore.commands.cli import main

    assert main(["--data-dir", str(data.root), "import", str(source)]) == 0
    out = tmp_path / "out" / "all.json"
    assert main(["--data-dir", str(data.root), "export", "json", "--out", str(out)]) == 0
    assert len(json.loads(out.read_text("utf-8"))["loans"]) == 3
