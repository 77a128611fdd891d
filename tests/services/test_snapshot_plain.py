"""The snapshot's plain-SQL read (``store.plain_read.loans_without_notes`` and ``note_facts``)
gives the same records, facts and sidebar lines as the ORM's read of the same loans, on the
benchmarks' heavy data and on the walker's book (settlements, certificates, claims, agreed and
rejected proposals, deleted and revised notes, follow-ups)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from ashore.exchange import read_book
from ashore.services import Ledger, plans
from ashore.services.guide.stage import facts_of
from ashore.services.notes import Notes
from ashore.store.mapping.loans import all_loan_rows, loan_record

TODAY = date(2026, 11, 28)
CST = timezone(timedelta(hours=8))
LONDON = timezone(timedelta(hours=0))
NEW_YORK = timezone(timedelta(hours=-5))


@pytest.fixture(params=["heavy", "book"])
def kept(request: pytest.FixtureRequest) -> Ledger:
    if request.param == "heavy":
        ledger: Ledger = request.getfixturevalue("ledger")
        ledger.import_book(read_book(request.getfixturevalue("heavy_source")))
    else:
        ledger = request.getfixturevalue("book")
    _follow_ups(ledger)
    return ledger


def _follow_ups(ledger: Ledger) -> None:
    """Notes with follow-ups on the first two loans, in other offsets, one of them deleted: the
    latest live note with a follow-up decides, by its time, not by its text."""
    notes = Notes(ledger)
    first, second = (loan.id for loan in ledger.loans()[:2])
    at = datetime(2026, 11, 20, 9, tzinfo=CST)
    notes.add(first, occurred_at=at, follow_up=date(2026, 12, 1))
    # earlier in time though later as text (08:30 in London is 16:30 in Beijing)
    notes.add(first, occurred_at=datetime(2026, 11, 20, 8, 30, tzinfo=LONDON), follow_up=None)
    notes.add(first, occurred_at=at.astimezone(NEW_YORK), follow_up=date(2026, 12, 5))
    gone = notes.add(second, occurred_at=at + timedelta(days=1), follow_up=date(2026, 12, 9))
    notes.add(second, occurred_at=at, follow_up=date(2026, 12, 7))
    notes.delete(second, gone.id, "logged twice")


def test_the_plain_read_gives_the_orms_records(kept: Ledger) -> None:
    with kept.db.reading() as session:
        orm = [loan_record(row, notes=False) for row in all_loan_rows(session, False)]
    assert len(orm) >= 2
    assert list(Ledger(kept.db).snapshot()) == orm  # a fresh Ledger: read from scratch


def test_the_plain_facts_are_those_of_the_notes(kept: Ledger) -> None:
    full = kept.loans()
    expected = {loan.id: facts_of(loan) for loan in full if facts_of(loan).live}
    assert expected[first_two(kept)[1]].follow_up == date(2026, 12, 7)  # not the deleted one
    assert Ledger(kept.db).note_facts() == expected


def test_the_summaries_are_those_of_the_full_read(kept: Ledger) -> None:
    expected = plans.summarize_all(kept.loans(), kept.lenders(), TODAY)
    assert Ledger(kept.db).summaries(TODAY) == expected


def test_a_reread_after_a_payment_gives_the_orms_records(kept: Ledger) -> None:
    from ashore.domain.records import Payment
    from ashore.services.payments import Payments

    kept.snapshot()
    first = kept.loans()[0]
    Payments(kept).add_payment(first.id, Payment(date=TODAY, amount=Decimal("100.00")))
    with kept.db.reading() as session:
        orm = [loan_record(row, notes=False) for row in all_loan_rows(session, False)]
    assert list(kept.snapshot()) == orm
    assert kept.summaries(TODAY) == plans.summarize_all(kept.loans(), kept.lenders(), TODAY)


def first_two(ledger: Ledger) -> list[str]:
    return [loan.id for loan in ledger.loans()[:2]]


def test_every_loan_in_full_is_the_orms_read_with_its_notes(kept: Ledger, tmp_path) -> None:
    """``Ledger.loans()`` reads in plain SQL: the same records as the ORM's full read, notes,
    revisions, links and chain included, in the same order."""
    notes = Notes(kept)
    loan_id = first_two(kept)[0]
    note = next(n for n in notes.notes(loan_id) if n.deleted_at is None)
    notes.revise(loan_id, note.id, text="what was said, put right", follow_up=date(2027, 1, 4))
    proof = tmp_path / "screenshot.png"
    proof.write_bytes(b"\x89PNG\r\n\x1a\n proof")
    notes.attach(loan_id, note.id, proof)
    with kept.db.reading() as session:
        orm = [loan_record(row) for row in all_loan_rows(session)]
    assert sum(len(loan.notes) for loan in orm) >= 5
    assert any(note.deleted_at for loan in orm for note in loan.notes)
    assert any(note.revisions for loan in orm for note in loan.notes)
    assert any(note.attachments for loan in orm for note in loan.notes)
    assert all(loan.note_chain for loan in orm if loan.notes)
    assert kept.loans() == orm
