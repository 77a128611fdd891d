"""Collection contacts and the settlement through the store, the chain, the exchange file and the
migration: every new field round-trips, the chain covers them, old notes and files stay as they
were."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from ashore.app.errors import InputError
from ashore.app.paths import DataDir
from ashore.domain.records import Settlement
from ashore.exchange import read_book, write_book
from ashore.services import Ledger
from ashore.services.notes import Notes
from ashore.store.audit import find_problems
from ashore.store.database import downgrade, upgrade

CST = timezone(timedelta(hours=8))
LOAN = "jb-2026-01"
CERT = b"%PDF-1.4 settlement certificate \x00\xff" * 20


def _collector_call(notes: Notes) -> str:
    note = notes.add(
        LOAN,
        occurred_at=datetime(2026, 11, 20, 23, 10, tzinfo=CST),
        text="said they would visit my employer",
        kind="collection",
        direction="incoming",
        from_number="+86 171 0000 1111",
        third_party="my employer's front desk",
        abuse=("threat", "impersonation"),
    )
    return note.id


def _export(ledger: Ledger, out: Path) -> Path:
    write_book(ledger.export_book(), out, ledger.db.evidence)
    return out


def test_collection_fields_are_stored_and_round_trip(ledger: Ledger, tmp_path: Path) -> None:
    notes = Notes(ledger)
    note_id = _collector_call(notes)
    notes.revise(LOAN, note_id, abuse=("threat",), third_party="")
    stored = next(n for n in notes.notes(LOAN) if n.id == note_id)
    assert (stored.kind, stored.direction, stored.from_number) == (
        "collection",
        "incoming",
        "+86 171 0000 1111",
    )
    assert stored.abuse == ("threat",)
    assert stored.third_party == ""
    # The earlier version keeps what it said.
    assert stored.revisions[0].abuse == ("threat", "impersonation")
    assert stored.revisions[0].third_party == "my employer's front desk"

    out = _export(ledger, tmp_path / "out" / "book.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    written = next(n for n in data["loans"][0]["notes"] if n["id"] == note_id)
    assert written["kind"] == "collection"
    assert written["abuse"] == ["threat"]
    assert written["revisions"][0]["abuse"] == ["threat", "impersonation"]
    other = Ledger.open(DataDir(tmp_path / "other"))
    try:
        other.import_book(read_book(out))
        assert other.loan(LOAN).notes == ledger.loan(LOAN).notes
        assert find_problems(other.db)[0] == []
        again = _export(other, tmp_path / "again" / "book.json")
    finally:
        other.close()
    strip = [line for line in out.read_text().splitlines() if '"exported_at"' not in line]
    assert [line for line in again.read_text().splitlines() if '"exported_at"' not in line] == strip


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("kind", "contact"),
        ("direction", "outgoing"),
        ("from_number", "95188"),
        ("third_party", ""),
        ("abuse", ""),
    ],
)
def test_the_chain_covers_every_collection_field(
    ledger: Ledger, data_dir: DataDir, column: str, value: str
) -> None:
    note_id = _collector_call(Notes(ledger))
    assert find_problems(ledger.db)[0] == []
    con = sqlite3.connect(data_dir.database)
    with con:
        con.execute(f"UPDATE call_notes SET {column} = ? WHERE id = ?", (value, note_id))
    con.close()
    assert find_problems(ledger.db)[0] == [
        f"loan {LOAN}: note {note_id}: its content was changed outside Ashore (hash mismatch)"
    ]


def test_old_notes_keep_their_hashes_and_old_files_their_bytes(
    ledger: Ledger, tmp_path: Path
) -> None:
    notes = Notes(ledger)
    plain = notes.add(LOAN, text="an ordinary call", occurred_at=datetime(2026, 11, 2, tzinfo=CST))
    chain = notes.chain(LOAN)
    body = json.loads(chain[-1].body)
    # An ordinary contact's hashed body has no trace of the new fields: as written before them.
    assert not {"kind", "direction", "from_number", "third_party", "abuse"} & set(body)
    assert plain.kind == "contact"
    out = _export(ledger, tmp_path / "out" / "book.json")
    text = out.read_text(encoding="utf-8")
    for key in ('"kind": "collection"', '"direction"', '"from_number"', '"abuse"', "settlement"):
        assert key not in text


def test_migration_keeps_existing_notes_verified(ledger: Ledger) -> None:
    Notes(ledger).add(LOAN, text="before the upgrade")
    before = [e.hash for e in Notes(ledger).chain(LOAN)]
    downgrade(ledger.db.engine, "0002")
    upgrade(ledger.db.engine, "head")
    assert find_problems(ledger.db)[0] == []
    assert [e.hash for e in Notes(ledger).chain(LOAN)] == before
    assert all(n.kind == "contact" for n in Notes(ledger).notes(LOAN))


def test_settlement_round_trips_with_its_certificate(ledger: Ledger, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "结清证明.pdf").write_bytes(CERT)
    data = json.loads(_export(ledger, folder / "plain.json").read_text(encoding="utf-8"))
    data["loans"][0]["settlement"] = {
        "settled_on": "2027-01-15",
        "certificate": {"path": "结清证明.pdf", "sha256": hashlib.sha256(CERT).hexdigest()},
        "credit_report_checked_on": "2027-02-20",
        "credit_report_clean": False,
    }
    source = folder / "book.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    other = Ledger.open(DataDir(tmp_path / "other"))
    try:
        other.import_book(read_book(source))
        settlement = other.loan(LOAN).settlement
        assert settlement is not None
        assert settlement.settled_on == date(2027, 1, 15)
        assert settlement.credit_report_checked_on == date(2027, 2, 20)
        assert settlement.credit_report_clean is False
        assert settlement.certificate is not None
        assert settlement.certificate.sha256 == hashlib.sha256(CERT).hexdigest()
        assert settlement.certificate.name == "结清证明.pdf"
        assert settlement.certificate.size == len(CERT)
        assert find_problems(other.db)[0] == []
        out = _export(other, tmp_path / "out" / "book.json")
        third = Ledger.open(DataDir(tmp_path / "third"))
        try:
            third.import_book(read_book(out))
            assert third.loan(LOAN).settlement == settlement
        finally:
            third.close()
    finally:
        other.close()
    written = json.loads(out.read_text(encoding="utf-8"))["loans"][0]["settlement"]
    assert written["credit_report_clean"] is False
    assert (out.parent / written["certificate"]["path"]).read_bytes() == CERT


def test_a_settlement_without_a_certificate_saves_and_clears(ledger: Ledger) -> None:
    loan = ledger.loan(LOAN)
    loan.settlement = Settlement(settled_on=date(2027, 1, 15))
    ledger.save_loan(loan)
    assert ledger.loan(LOAN).settlement == Settlement(settled_on=date(2027, 1, 15))
    loan.settlement = None
    ledger.save_loan(loan)
    assert ledger.loan(LOAN).settlement is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "visit"}, r"notes\[0\]\.kind: 'visit' is not one of contact, collection"),
        (
            {"kind": "collection", "direction": "sideways"},
            r"notes\[0\]\.direction: 'sideways' is not one of incoming, outgoing",
        ),
        ({"kind": "collection", "abuse": ["shouting"]}, r"notes\[0\]\.abuse\[0\]: 'shouting'"),
        ({"kind": "collection", "abuse": ["threat", "threat"]}, r"abuse: lists a kind twice"),
        ({"abuse": "threat"}, r"notes\[0\]\.abuse: must be a list"),
    ],
)
def test_bad_collection_fields_are_refused_naming_the_field(
    ledger: Ledger, tmp_path: Path, change: dict[str, object], message: str
) -> None:
    data = json.loads(_export(ledger, tmp_path / "a" / "book.json").read_text(encoding="utf-8"))
    data["loans"][0]["notes"][0].update(change)
    data["loans"][0].pop("note_chain")
    source = tmp_path / "book.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    other = Ledger.open(DataDir(tmp_path / "other"))
    try:
        with pytest.raises(InputError, match=message):
            other.import_book(read_book(source))
        assert other.is_empty()
    finally:
        other.close()


@pytest.mark.parametrize(
    ("settlement", "message"),
    [
        ({"settled_on": "2027-02-30"}, r"settlement\.settled_on"),
        (
            {"settled_on": "2027-02-01", "credit_report_checked_on": "2027-01-01"},
            r"settlement\.credit_report_checked_on: is before settled_on",
        ),
        (
            {"settled_on": "2027-02-01", "credit_report_clean": True},
            r"settlement\.credit_report_checked_on: say when",
        ),
        ({"settled_on": "2027-02-01", "credit_report_clean": "yes"}, r"credit_report_clean"),
    ],
)
def test_bad_settlement_is_refused_naming_the_field(
    ledger: Ledger, tmp_path: Path, settlement: dict[str, object], message: str
) -> None:
    data = json.loads(_export(ledger, tmp_path / "a" / "book.json").read_text(encoding="utf-8"))
    data["loans"][0]["settlement"] = settlement
    source = tmp_path / "book.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    other = Ledger.open(DataDir(tmp_path / "other"))
    try:
        with pytest.raises(InputError, match=message):
            other.import_book(read_book(source))
    finally:
        other.close()
