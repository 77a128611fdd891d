"""``ashore verify`` catches what is changed behind Ashore's back: a removed chain tail, every note
of a loan removed, the last note edited with its hashes worked out again, payments, claims and
proposal statuses edited, a loan removed, a damaged page; stored files nothing refers to are named.
Changes made through Ashore keep verifying."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from ashore.app.paths import DataDir
from ashore.app.resources import resource_path
from ashore.commands.cli import main
from ashore.store.chain import event_hash
from ashore.store.database import Database
from ashore.store.models import NoteEventRow

LOAN = "jb-2026-01"


def _note(note_id: str, text: str, minute: int) -> dict[str, Any]:
    return {
        "id": note_id,
        "occurred_at": f"2026-11-2{minute}T10:15:00+08:00",
        "logged_at": f"2026-11-2{minute}T10:30:00+08:00",
        "text": text,
    }


@pytest.fixture
def data(tmp_path: Path) -> Path:
    book = json.loads(resource_path("sample", "sample.json").read_text("utf-8"))
    loan = next(loan for loan in book["loans"] if loan["id"] == LOAN)
    loan["notes"] = [_note("n1", "they agreed to wait", 1), _note("n2", "they called again", 2)]
    loan["claims"] = [{"date": "2026-11-20", "amount": "12500.00", "source": "app"}]
    source = tmp_path / "book.json"
    source.write_text(json.dumps(book, ensure_ascii=False), "utf-8")
    root = tmp_path / "data"
    assert main(["--data-dir", str(root), "import", str(source)]) == 0
    assert main(["--data-dir", str(root), "verify"]) == 0
    return root


def _sql(*statements: str) -> Callable[[Path], None]:
    def tamper(root: Path) -> None:
        con = sqlite3.connect(root / "ashore.sqlite3")
        for statement in statements:
            con.execute(statement)
        con.commit()
        con.close()

    return tamper


def _rewrite_last_note(root: Path) -> None:
    """Edit the last note and its last chain entry, and work every hash out again."""
    db = Database.open(DataDir(root))
    with db.reading() as session:
        event = session.scalars(
            select(NoteEventRow)
            .where(NoteEventRow.loan_id == LOAN)
            .order_by(NoteEventRow.position.desc())
        ).first()
        assert event is not None
        body = json.loads(event.body)
        body["text"] = "they never called"
        new_body = json.dumps(body, sort_keys=True, ensure_ascii=False)
        new_hash = event_hash(
            event.prev_hash, LOAN, event.position, event.note_id, event.kind, event.at, new_body
        )
        pk, note_id = event.pk, event.note_id
    db.close()
    _sql(
        f"UPDATE note_events SET body = '{new_body.replace(chr(39), chr(39) * 2)}', "
        f"hash = '{new_hash}' WHERE pk = {pk}",
        f"UPDATE call_notes SET text = 'they never called', hash = '{new_hash}' "
        f"WHERE loan_id = '{LOAN}' AND id = '{note_id}'",
    )(root)


def _damage_page(root: Path) -> None:
    path = root / "ashore.sqlite3"
    raw = bytearray(path.read_bytes())
    raw[4 * 4096 : 4 * 4096 + 8] = b"\x0d" + b"\xff" * 7
    path.write_bytes(bytes(raw))


CASES: list[tuple[str, Callable[[Path], None], str]] = [
    (
        "tail-removed",
        _sql(
            f"DELETE FROM note_events WHERE loan_id = '{LOAN}' AND note_id = 'n2'",
            f"DELETE FROM call_notes WHERE loan_id = '{LOAN}' AND id = 'n2'",
        ),
        f"loan {LOAN}: the last 1 of its 2 note chain entries were removed outside Ashore",
    ),
    (
        "all-notes-removed",
        _sql(
            f"DELETE FROM note_events WHERE loan_id = '{LOAN}'",
            f"DELETE FROM call_notes WHERE loan_id = '{LOAN}'",
        ),
        f"loan {LOAN}: the last 2 of its 2 note chain entries were removed outside Ashore",
    ),
    (
        "last-note-rehashed",
        _rewrite_last_note,
        f"loan {LOAN}: the latest note chain entry was changed outside Ashore",
    ),
    (
        "payment-edited",
        _sql(f"UPDATE payments SET amount = '1.00' WHERE loan_id = '{LOAN}' AND position = 0"),
        f"loan {LOAN}: its payments were changed outside Ashore",
    ),
    (
        "payment-removed",
        _sql(f"DELETE FROM payments WHERE loan_id = '{LOAN}' AND position = 3"),
        f"loan {LOAN}: its payments were changed outside Ashore",
    ),
    (
        "claim-edited",
        _sql(f"UPDATE claims SET amount = '99999.00' WHERE loan_id = '{LOAN}'"),
        f"loan {LOAN}: its claims were changed outside Ashore",
    ),
    (
        "proposal-status-edited",
        _sql(f"UPDATE proposals SET status = 'accepted' WHERE loan_id = '{LOAN}'"),
        f"loan {LOAN}: its proposals were changed outside Ashore",
    ),
    (
        "status-history-removed",
        _sql("DELETE FROM proposal_status_changes"),
        "its proposals were changed outside Ashore",
    ),
    (
        "loan-removed",
        _sql("PRAGMA foreign_keys=ON", f"DELETE FROM loans WHERE id = '{LOAN}'"),
        f"loan {LOAN}: removed outside Ashore (its seal is still kept)",
    ),
    (
        "seal-removed",
        _sql(f"DELETE FROM chain_heads WHERE loan_id = '{LOAN}'"),
        f"loan {LOAN}: has no seal in chain_heads",
    ),
    ("damaged-page", _damage_page, "database: "),
]


@pytest.mark.parametrize(
    ("tamper", "message"),
    [pytest.param(tamper, message, id=name) for name, tamper, message in CASES],
)
def test_verify_names_what_was_changed_behind_ashores_back(
    data: Path, tamper: Callable[[Path], None], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    tamper(data)
    capsys.readouterr()
    assert main(["--data-dir", str(data), "verify"]) == 1
    captured = capsys.readouterr()
    assert message in captured.out + captured.err, captured
    assert "internal error" not in captured.err


def test_verify_names_a_stored_file_nothing_refers_to(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ashore.store.evidence import EvidenceStore

    orphan = tmp = data.parent / "left.bin"
    tmp.write_bytes(b"left by a killed import")
    sha = EvidenceStore(data / "evidence").put_file(orphan)
    capsys.readouterr()
    assert main(["--data-dir", str(data), "verify"]) == 0
    assert f"note: evidence {sha} is stored but no note or document refers to it" in (
        capsys.readouterr().out
    )


def test_changes_made_through_ashore_keep_verifying(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dataclasses import replace
    from datetime import date
    from decimal import Decimal

    from ashore.domain.records import Payment
    from ashore.services import Ledger

    ledger = Ledger.open(DataDir(data))
    try:
        loan = ledger.loan(LOAN)
        payments = [*loan.payments, Payment(date=date(2026, 11, 25), amount=Decimal("100.00"))]
        proposals = [replace(loan.proposals[0], status="proposed")]
        ledger.save_loan(replace(loan, payments=payments, proposals=proposals))
        deleted = ledger.delete_loan("jt360-2025-11")
        ledger.restore_loan(deleted)
        ledger.delete_loan("jt360-bullet-0901")
    finally:
        ledger.close()
    capsys.readouterr()
    assert main(["--data-dir", str(data), "verify"]) == 0, capsys.readouterr()


def test_an_export_with_its_chain_tail_cut_is_refused_on_import(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "export" / "book.json"
    assert main(["--data-dir", str(data), "export", "json", "--out", str(out)]) == 0
    book = json.loads(out.read_text("utf-8"))
    loan = next(loan for loan in book["loans"] if loan["id"] == LOAN)
    assert loan["chain_head"] == {"events": 2, "hash": loan["note_chain"][-1]["hash"]}
    again = tmp_path / "again"
    assert main(["--data-dir", str(again), "import", str(out)]) == 0  # whole, it goes back in
    loan["notes"] = loan["notes"][:-1]
    loan["note_chain"] = loan["note_chain"][:-1]
    out.write_text(json.dumps(book, ensure_ascii=False), "utf-8")
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "cut"), "import", str(out)]) == 1
    err = capsys.readouterr().err
    assert "note_chain: holds 1 entries but chain_head says 2" in err, err
