"""Issue 15's data paths at full speed must give what the slow ones gave: the streamed export is
the old all-in-memory writer's data, in its one-record-per-line layout byte for byte, the bulk
import stores what the one-by-one import stored, the streamed ``verify`` names the same tampering
as the check over ORM rows, and progress reaches 100 % while a cancelled export leaves no file
behind."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from ashore.app.clock import Clock
from ashore.app.paths import DataDir
from ashore.app.progress import Cancelled
from ashore.exchange import book_json, read_book
from ashore.exchange.write import layout
from ashore.services import Ledger
from ashore.store import seal_read
from ashore.store.audit import chain_findings, find_problems
from ashore.store.chain import canonical, head_line, note_body
from ashore.store.mapping.notes import chain_problems
from ashore.store.models import LoanRow
from ashore.store.streams import open_streams

from .books import book_folder

ROOT = Path(__file__).resolve().parents[2]
# One instant for every import and export: chain entries and exported_at come out the same.
CLOCK = Clock.pinned(datetime(2026, 11, 28, 12, 0, tzinfo=UTC))


def _heavy_book(loans: int, notes: int) -> dict[str, Any]:
    """The benchmarks' generator (benchmarks/heavy_data.py): loans, proposals, notes."""
    spec = importlib.util.spec_from_file_location("heavy_data", ROOT / "benchmarks/heavy_data.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    book: dict[str, Any] = module.heavy_book(loans, notes)
    # a revised and a deleted note, and a collector's call, so every note shape is streamed
    first = book["loans"][0]["notes"]
    first[0]["revisions"] = [
        {
            "revised_at": "2026-06-02T10:00:00+08:00",
            "occurred_at": first[0]["occurred_at"],
            "text": "before the correction",
        }
    ]
    first[1]["deleted_at"] = "2026-06-03T10:00:00+08:00"
    first[1]["deleted_reason"] = "entered twice"
    first[2].update(kind="collection", from_number="95188", abuse=["threat"])
    return book


def _ledger(tmp: Path, name: str, source: Path | None = None) -> Ledger:
    ledger = Ledger.open(DataDir(tmp / name), CLOCK)
    if source is not None:
        ledger.import_json(source)
    return ledger


def _whole_book(ledger: Ledger, folder: Path, exported_at: datetime) -> dict[str, Any]:
    """What ``write_book`` wrote before it streamed: the JSON of the whole book at once."""
    return book_json(ledger.export_book(), ledger.db.evidence, folder, exported_at)


@pytest.mark.parametrize("kind", ["sample", "generated"])
def test_the_streamed_export_is_the_whole_books_json_in_its_layout(
    tmp_path: Path, kind: str
) -> None:
    if kind == "sample":
        source = book_folder(tmp_path / "in")  # the sample with an audio attachment
    else:
        source = tmp_path / "in.json"
        source.write_text(json.dumps(_heavy_book(7, 60), ensure_ascii=False), "utf-8")
    ledger = _ledger(tmp_path, "data", source)
    try:
        out = tmp_path / "out" / "all.json"
        summary = ledger.export_json(out, lambda _done, _total: True)
        stamp = datetime.fromisoformat(json.loads(out.read_text("utf-8"))["exported_at"])
        expected = _whole_book(ledger, out.parent, stamp)
        loans = len(ledger.export_book().loans)
    finally:
        ledger.close()
    text = out.read_text("utf-8")
    assert json.loads(text) == expected  # the same data as the all-in-memory writer's
    assert text == layout(expected)  # in the layout of the whole book, byte for byte
    lines = text.splitlines()
    # a person reads it record by record: every note (and chain entry) is one line of its own
    records = [json.loads(line.strip().rstrip(",")) for line in lines if line.startswith(" " * 8)]
    notes = [record for record in records if "logged_at" in record]
    entries = [record for record in records if "prev_hash" in record]
    assert notes == [note for loan in expected["loans"] for note in loan["notes"]]
    assert entries == [entry for loan in expected["loans"] for entry in loan["note_chain"]]
    assert (lines[0], lines[-1]) == ("{", "}")
    assert '  "loans": [' in lines
    assert summary.loans == loans == (3 if kind == "sample" else 7)
    assert summary.files == (1 if kind == "sample" else 0)


def test_a_generated_book_imported_in_bulk_exports_as_the_one_by_one_import_stored_it(
    tmp_path: Path,
) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(_heavy_book(6, 45), ensure_ascii=False), "utf-8")
    book = read_book(source)
    bulk = _ledger(tmp_path, "bulk", source)
    one_by_one = _ledger(tmp_path, "orm")
    try:
        for lender in book.lenders:
            one_by_one.save_lender(lender)
        for loan in book.loans:  # restore_loan writes a new loan through the ORM, as before
            one_by_one.restore_loan(loan)
        texts = []
        for ledger in (bulk, one_by_one):
            out = tmp_path / f"{ledger.db.data.root.name}-out" / "all.json"
            ledger.export_json(out)
            texts.append(out.read_text("utf-8"))
            assert find_problems(ledger.db)[0] == []
        # and the export reads back, imports again and exports to the same text
        again = _ledger(tmp_path, "again", tmp_path / "bulk-out" / "all.json")
        try:
            out = tmp_path / "again-out" / "all.json"
            again.export_json(out)
            assert out.read_text("utf-8") == texts[0]
        finally:
            again.close()
    finally:
        bulk.close()
        one_by_one.close()
    assert texts[0] == texts[1]
    exported = json.loads(texts[0])
    assert [loan["id"] for loan in exported["loans"]] == [loan.id for loan in book.loans]
    assert sum(len(loan["notes"]) for loan in exported["loans"]) == 45
    assert exported["loans"][0]["notes"][1]["deleted_reason"] == "entered twice"
    assert exported["loans"][0]["notes"][2]["abuse"] == ["threat"]


def _driver(session: Session) -> sqlite3.Connection:
    return cast(sqlite3.Connection, session.connection().connection.driver_connection)


def _tamper(root: Path, *statements: str) -> None:
    con = sqlite3.connect(root / "ashore.sqlite3")
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()


def test_the_streamed_verify_names_what_the_check_over_orm_rows_names(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(_heavy_book(5, 40), ensure_ascii=False), "utf-8")
    ledger = _ledger(tmp_path, "data", source)
    ledger.close()
    _tamper(
        tmp_path / "data",
        "UPDATE call_notes SET text = 'nothing was said' WHERE id = 'n0-3'",
        "DELETE FROM call_notes WHERE id = 'n1-2'",
        "UPDATE note_events SET body = replace(body, 'agent', 'AGENT') WHERE note_id = 'n2-1'",
        "DELETE FROM note_events WHERE loan_id = 'loan-00003' AND position = "
        "(SELECT max(position) FROM note_events WHERE loan_id = 'loan-00003')",
        "UPDATE note_revisions SET text = 'rewritten' WHERE position = 0",
        "UPDATE payments SET amount = '5.00' WHERE loan_id = 'loan-00004' AND position = 0",
    )
    ledger = _ledger(tmp_path, "data")
    try:
        with ledger.db.reading() as session:
            rows = session.scalars(select(LoanRow).order_by(LoanRow.id))
            by_orm = [line for row in rows for line in chain_problems(row)]
            by_orm += seal_read.problems(_driver(session))
        with ledger.db.reading() as session:
            streamed, notes = chain_findings(_driver(session))
        problems, _files, counted = find_problems(ledger.db)
    finally:
        ledger.close()
    assert streamed == by_orm[: len(streamed)]
    assert problems == by_orm
    assert notes == counted == 39
    named = "\n".join(problems)
    for where in (
        "loan loan-00000: note n0-0: its content was changed outside Ashore",
        "loan loan-00000: note n0-3: its content was changed outside Ashore",
        "loan loan-00001: note n1-3: the chain is broken before it",
        "loan loan-00002: note n2-1: its recorded history was changed",
        "loan loan-00003: the last 1 of its 8 note chain entries were removed outside Ashore",
        "loan loan-00004: its payments were changed outside Ashore",
    ):
        assert where in named


def test_export_progress_reaches_every_loan_and_a_cancel_leaves_no_file(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path, "data", book_folder(tmp_path / "in"))
    try:
        heard: list[tuple[int, int]] = []
        out = tmp_path / "out" / "all.json"
        ledger.export_json(out, lambda done, total: heard.append((done, total)) is None)
        assert heard == [(0, 3), (1, 3), (2, 3), (3, 3)]
        assert out.is_file()

        cancelled = tmp_path / "cancelled" / "all.json"
        with pytest.raises(Cancelled):
            ledger.export_json(cancelled, lambda done, _total: done < 2)
        # the folder it made, the evidence it copied and the temporary file are all gone
        assert not cancelled.parent.exists()

        kept = tmp_path / "kept"
        kept.mkdir()
        (kept / "mine.txt").write_text("the user's", "utf-8")
        with pytest.raises(Cancelled):
            ledger.export_json(kept / "all.json", lambda done, _total: done < 3)
        assert sorted(p.name for p in kept.iterdir()) == ["mine.txt"]
    finally:
        ledger.close()


def test_verify_progress_reaches_every_loan(tmp_path: Path) -> None:
    ledger = _ledger(tmp_path, "data", book_folder(tmp_path / "in"))
    try:
        heard: list[tuple[int, int]] = []
        problems, files, notes = find_problems(
            ledger.db, lambda done, total: heard.append((done, total)) is None
        )
    finally:
        ledger.close()
    assert problems == []
    assert (files, notes) == (1, 1)
    assert heard == [(1, 3), (2, 3), (3, 3)]


def test_a_notes_body_worked_out_from_its_columns_is_the_body_of_its_record(
    tmp_path: Path,
) -> None:
    """``verify`` checks a note row it cannot put together the quick way against its chain with
    the body worked out from the row's columns (``chain_check``'s exact way, ``_note_content``):
    the very text ``note_body`` gives of the note record read from the same row, for every shape
    of note (revised, deleted, a collector's call, with a file), and also for a time written
    differently behind Ashore's back."""
    from ashore.store.chain_check import _NOTE_ROW
    from ashore.store.streams import _LINKS, _NOTES, _REVISIONS, _note_content, _revision_content

    source = tmp_path / "in.json"
    source.write_text(json.dumps(_heavy_book(4, 30), ensure_ascii=False), "utf-8")
    ledger = _ledger(tmp_path, "data", source)
    ledger.import_json(book_folder(tmp_path / "files"))  # the sample: a note with an audio file
    ledger.close()
    _tamper(
        tmp_path / "data",
        "UPDATE call_notes SET occurred_at = replace(occurred_at, 'T', ' ') WHERE id = 'n0-4'",
        "UPDATE call_notes SET follow_up = '2026-07-01' WHERE id = 'n1-1'",
        "UPDATE call_notes SET text = 'a \"quoted\" 引号 \\ line' || char(10) WHERE id = 'n2-2'",
    )
    raw = sqlite3.connect(tmp_path / "data" / "ashore.sqlite3")
    try:
        ids = [str(r[0]) for r in raw.execute("SELECT id FROM loans ORDER BY id")]
        revisions: dict[int, list[dict[str, Any]]] = {}
        for r in raw.execute(_REVISIONS):
            revisions.setdefault(int(r[1]), []).append(_revision_content(r))
        links: dict[int, list[list[str]]] = {}
        for r in raw.execute(_LINKS):
            links.setdefault(int(r[1]), []).append([str(r[2]), str(r[3]), str(r[4])])
        pks = {(str(r[0]), str(r[2])): int(r[1]) for r in raw.execute(_NOTES)}
        records = open_streams(raw)
        compared = files = 0
        for loan_id in ids:
            _events, notes = records.loan(loan_id)
            for n in notes:
                pk = pks[(loan_id, n.id)]
                columns = raw.execute(_NOTE_ROW, (pk,)).fetchone()
                worked_out = _note_content(
                    loan_id, columns, revisions.get(pk, []), links.get(pk, [])
                )
                assert canonical(worked_out) == note_body(loan_id, n.note), n.id
            compared += len(notes)
            files += sum(len(n.note.attachments) for n in notes)
            shapes = [n.note for n in notes]
            if loan_id == "loan-00000":
                assert shapes[0].revisions
                assert shapes[1].deleted_at is not None
                assert shapes[2].kind == "collection"
        assert compared == raw.execute("SELECT count(*) FROM call_notes").fetchone()[0] > 30
        assert files == 1
    finally:
        raw.close()


@pytest.mark.parametrize(
    "text", ["plain", 'a "quote"', "back\\slash", "line\nbreak\t", "中文 é", "\x00\x1f", "\u2028"]
)
def test_an_entrys_head_line_is_the_canonical_json_of_its_head(text: str) -> None:
    head = {"loan": f"l-{text}", "position": 12, "note": text, "kind": text, "at": text}
    expected = json.dumps(head, sort_keys=True, ensure_ascii=False)
    assert head_line(f"l-{text}", 12, text, text, text) == expected
    assert canonical(head) == expected
    nested = {"b": [1, {"z": None, "a": True}], "a": text, "revisions": []}
    assert canonical(nested) == json.dumps(nested, sort_keys=True, ensure_ascii=False)
