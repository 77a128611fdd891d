"""``verify``'s quick check of a loan's chain (``store.chain_check``: entries hashed over their
times as stored, note rows put together as their entries' bodies) names every change the check
over ORM rows names, word for word, and passes what that check passes: a time written in
another form of the same instant, in an entry or in a row, is no change; a column set to bytes is
named, not a crash; every text a note can hold is put together as its record's body."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from ashore.app.paths import DataDir
from ashore.services import Ledger
from ashore.store.audit import chain_findings
from ashore.store.chain import canonical
from ashore.store.chain_check import _NOTE_ROW, _NOTE_ROWS, _plain_body
from ashore.store.mapping.notes import chain_problems
from ashore.store.models import LoanRow
from ashore.store.streams import _note_content

from .test_data_streams import CLOCK, _heavy_book

PLAIN = "loan-00002"  # a loan of ordinary contacts only: the quick way checks it
TEXTS = ['say "no"', "back\\slash", "line\nbreak\ttab", "中文 é", "\x01\x1f\x7f", "\u2028 end"]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("chain")
    book = _heavy_book(5, 50)
    for note, text in zip(book["loans"][3]["notes"], TEXTS, strict=False):
        note["text"] = text
        note["counterpart"] = text
    source = tmp / "in.json"
    source.write_text(json.dumps(book, ensure_ascii=False), "utf-8")
    ledger = Ledger.open(DataDir(tmp / "data"), CLOCK)
    ledger.import_json(source)
    ledger.close()
    return tmp / "data" / "ashore.sqlite3"


@pytest.fixture
def database(imported: Path, tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    copy = tmp_path / "data" / "ashore.sqlite3"
    shutil.copyfile(imported, copy)
    return copy


def _tamper(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()


def _quick(path: Path) -> list[str]:
    raw = sqlite3.connect(path)
    try:
        return chain_findings(raw)[0]
    finally:
        raw.close()


def _over_orm_rows(path: Path) -> list[str]:
    ledger = Ledger.open(DataDir(path.parent), CLOCK)
    try:
        with ledger.db.reading() as session:
            rows = session.scalars(select(LoanRow).order_by(LoanRow.id))
            return [line for row in rows for line in chain_problems(row)]
    finally:
        ledger.close()


def _entry(position: int) -> str:
    return f"loan_id = '{PLAIN}' AND position = {position}"


CHANGED = f"loan {PLAIN}: note n2-6: its content was changed outside Ashore"
ADDED = (
    "INSERT INTO call_notes (loan_id, position, id, occurred_at, logged_at, channel, counterpart, "
    "text, outcome, promises, deleted_reason, prev_hash, hash) SELECT loan_id, 99, 'n2-new', "
    "occurred_at, logged_at, channel, counterpart, text, outcome, promises, deleted_reason, "
    "prev_hash, hash FROM call_notes WHERE id = 'n2-1'"
)
LAST = f"(SELECT max(position) FROM note_events WHERE loan_id = '{PLAIN}')"
# (the statements, a line the findings hold; None: nothing is wrong)
CASES = {
    "entry-time-otherwise": (
        [f"UPDATE note_events SET at = replace(at, 'T', ' ') WHERE {_entry(3)}"],
        None,
    ),
    "row-time-otherwise": (
        ["UPDATE call_notes SET occurred_at = replace(occurred_at, 'T', ' ') WHERE id = 'n2-4'"],
        None,
    ),
    "entry-time-changed": (
        [f"UPDATE note_events SET at = '2020-01-01T00:00:00+00:00' WHERE {_entry(3)}"],
        f"loan {PLAIN}: note n2-3: its recorded history was changed",
    ),
    "entry-body-changed": (
        [f"UPDATE note_events SET body = replace(body, 'agent', 'AGENT') WHERE {_entry(5)}"],
        f"loan {PLAIN}: note n2-5: its recorded history was changed",
    ),
    "row-text-changed": (["UPDATE call_notes SET text = 'say \"yes\"' WHERE id = 'n2-6'"], CHANGED),
    "row-follow-up-set": (
        ["UPDATE call_notes SET follow_up = '2026-07-01' WHERE id = 'n2-6'"],
        CHANGED,
    ),
    "row-made-a-collectors-call": (
        ["UPDATE call_notes SET kind = 'collection', from_number = '95188' WHERE id = 'n2-6'"],
        CHANGED,
    ),
    "entries-swapped": (
        [
            f"UPDATE note_events SET position = -1 WHERE {_entry(2)}",
            f"UPDATE note_events SET position = 2 WHERE {_entry(4)}",
            f"UPDATE note_events SET position = 4 WHERE {_entry(-1)}",
        ],
        f"loan {PLAIN}: note n2-4: an entry before it was removed, moved or changed",
    ),
    "row-removed": (
        ["DELETE FROM call_notes WHERE id = 'n2-3'"],
        f"loan {PLAIN}: note n2-4: the chain is broken before it",
    ),
    "row-added": ([ADDED], f"loan {PLAIN}: note n2-new: not in the chain (added outside Ashore)"),
    "last-entry-removed": (
        [f"DELETE FROM note_events WHERE loan_id = '{PLAIN}' AND position = {LAST}"],
        f"loan {PLAIN}: note n2-9: ",
    ),
    "odd-text-changed": (
        ["UPDATE call_notes SET text = text || '.' WHERE id = 'n3-1'"],
        "loan loan-00003: note n3-1: its content was changed outside Ashore",
    ),
}


@pytest.mark.parametrize(("statements", "line"), list(CASES.values()), ids=list(CASES))
def test_the_quick_check_names_what_the_check_over_orm_rows_names(
    database: Path, statements: list[str], line: str | None
) -> None:
    assert _quick(database) == []
    _tamper(database, *statements)
    found = _quick(database)
    assert found == _over_orm_rows(database)
    if line is None:
        assert found == []
    else:
        assert any(line in f for f in found), found


def test_a_note_column_set_to_bytes_is_named_not_a_crash(database: Path) -> None:
    _tamper(database, "UPDATE call_notes SET text = CAST(text AS BLOB) WHERE id = 'n2-6'")
    assert _quick(database) == [
        f"loan {PLAIN}: note n2-6: its content was changed outside Ashore (hash mismatch)"
    ]


def test_every_ordinary_row_is_put_together_as_its_records_body(database: Path) -> None:
    """``_plain_body`` of each ordinary contact's row is the body the exact way works out (with
    quotes, backslashes, line breaks, control characters, Chinese text); None for the others."""
    raw = sqlite3.connect(database)
    try:
        compared = 0
        for row in raw.execute(_NOTE_ROWS).fetchall():
            columns = raw.execute(_NOTE_ROW, (row[1],)).fetchone()
            revised = raw.execute("SELECT 1 FROM note_revisions WHERE note_pk = ?", (row[1],))
            plain = _plain_body(json.dumps(row[0]), row)
            if columns[13] != "contact" or columns[15]:
                assert plain is None
            elif revised.fetchone() is None:
                assert plain == canonical(_note_content(row[0], columns, [], []))
                compared += 1
        assert compared > 40
        texts = {r[0] for r in raw.execute("SELECT text FROM call_notes")}
        assert set(TEXTS) <= texts
    finally:
        raw.close()


def test_the_exact_way_runs_only_for_the_rows_the_quick_way_does_not_cover(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Untouched data: every note is checked the quick way but loan-00000's revised note and its
    collector's call (its deleted note is an ordinary contact's row, put together as such)."""
    from ashore.store import chain_check

    worked_out: list[str] = []

    def exact(loan_id: str, row: object, revisions: object, links: object) -> object:
        worked_out.append(f"{loan_id} {row[2]}")  # type: ignore[index]
        return _note_content(loan_id, row, revisions, links)  # type: ignore[arg-type]

    monkeypatch.setattr(chain_check, "_note_content", exact)
    assert _quick(database) == []
    assert worked_out == ["loan-00000 n0-0", "loan-00000 n0-2"]


def test_a_seals_digest_is_the_one_over_json_dumps_of_the_rows() -> None:
    """``seal_read._digest`` writes the rows with an encoder made once: the very text (and so
    the seal) ``json.dumps`` gave, which the seals already kept were written over."""
    from ashore.store.seal_read import _digest

    rows = [
        (0, "2026-01-01", "12.50", '引号 "q" \\ \n', None, 3.5, float("nan"), b"x"),
        (1, "", "", "\u2028", True, -0.0, 10**20, "\x00"),
    ]
    text = json.dumps([list(r) for r in rows], ensure_ascii=False, default=str)
    assert _digest(iter(rows)) == hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    assert _digest([]) == hashlib.sha256(b"[]").hexdigest()
