"""Ledger: lenders and loans saved, read, deleted and restored; every save all or nothing."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ashore.app.errors import InputError
from ashore.app.paths import DataDir
from ashore.domain.records import Attachment, Book, Payment
from ashore.services import Ledger
from store.books import AUDIO, dump, lender, loan


@pytest.fixture
def ledger(data_dir: DataDir) -> Iterator[Ledger]:
    ledger = Ledger.open(data_dir)
    yield ledger
    ledger.close()


def test_lender_crud(ledger: Ledger) -> None:
    assert ledger.is_empty()
    ledger.save_lender(lender("jb", "借呗"))
    ledger.save_lender(lender("360", "360借条"))
    assert not ledger.is_empty()
    assert [x.id for x in ledger.lenders()] == ["360", "jb"]  # by name
    changed = replace(ledger.lender("jb"), phone="95188-2", hours="9-21")
    ledger.save_lender(changed)
    assert ledger.lender("jb") == changed
    ledger.delete_lender("360")
    assert [x.id for x in ledger.lenders()] == ["jb"]
    with pytest.raises(InputError, match="'360' is not a known lender id"):
        ledger.lender("360")


def test_lender_with_loans_cannot_be_deleted(ledger: Ledger) -> None:
    ledger.save_lender(lender())
    ledger.save_loan(loan())
    with pytest.raises(InputError, match="still has 1 loan"):
        ledger.delete_lender("jb")
    assert ledger.lender("jb").name == "借呗"


def test_loan_round_trip_is_identical(ledger: Ledger) -> None:
    ledger.save_lender(lender())
    record = loan()
    ledger.save_loan(record)
    assert ledger.loan("loan-1") == record
    assert ledger.loans() == [record]


def test_loans_ordered_by_lender_then_name(ledger: Ledger) -> None:
    ledger.save_lender(lender("b", "Beta"))
    ledger.save_lender(lender("a", "Alpha"))
    ledger.save_loan(replace(loan("l1", "b"), name="A loan"))
    ledger.save_loan(replace(loan("l2", "a"), name="Z loan"))
    ledger.save_loan(replace(loan("l3", "a"), name="B loan"))
    assert [x.id for x in ledger.loans()] == ["l3", "l2", "l1"]


def test_update_replaces_children(ledger: Ledger) -> None:
    ledger.save_lender(lender())
    ledger.save_loan(loan())
    edited = ledger.loan("loan-1")
    edited.payments.append(Payment(date(2026, 3, 15), Decimal("1100.16")))
    edited.proposals[0].status = "accepted"
    edited.claims = []
    ledger.save_loan(edited)
    back = ledger.loan("loan-1")
    assert back == edited
    assert [p.amount for p in back.payments] == [Decimal("1100.16")] * 2
    assert back.claims == []


def test_delete_and_restore_give_back_the_same_record(ledger: Ledger, tmp_path: Path) -> None:
    ledger.save_lender(lender())
    source = tmp_path / "call.m4a"
    source.write_bytes(AUDIO)
    sha = ledger.db.evidence.put_file(source)
    record = loan()
    record.notes[0].attachments = [Attachment(sha256=sha, name="call.m4a", kind="audio")]
    ledger.save_loan(record)
    before = ledger.loan("loan-1")
    assert before.notes[0].attachments[0].size == len(AUDIO)
    removed = ledger.delete_loan("loan-1")
    assert removed == before
    assert ledger.loans() == []
    with pytest.raises(InputError):
        ledger.loan("loan-1")
    ledger.restore_loan(removed)
    assert ledger.loan("loan-1") == before
    with pytest.raises(InputError, match="already exists"):
        ledger.restore_loan(removed)


def test_failing_save_changes_nothing(ledger: Ledger, data_dir: DataDir) -> None:
    ledger.save_lender(lender())
    ledger.save_loan(loan())
    before = dump(data_dir)
    bad = ledger.loan("loan-1")
    bad.principal = Decimal("-1.00")
    with pytest.raises(InputError, match=r"^loan\.principal: must not be negative"):
        ledger.save_loan(bad)
    # This one passes validation and fails half-way through the write (unknown file hash),
    # after the old children were already dropped inside the transaction.
    half = ledger.loan("loan-1")
    half.payments = []
    half.notes[0].attachments = [Attachment(sha256="ab" * 32, name="gone.wav", kind="audio")]
    with pytest.raises(InputError, match=r"notes\[0\]\.attachments\[0\]\.sha256"):
        ledger.save_loan(half)
    assert dump(data_dir) == before
    assert ledger.loan("loan-1") == loan()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda x: setattr(x, "term_count", 0), r"loan\.term\.count: must be at least 1"),
        (lambda x: setattr(x, "term_unit", "day"), r"loan\.term\.unit: days are only for a bullet"),
        (lambda x: setattr(x, "method", "magic"), r"loan\.method: 'magic' is not one of"),
        (lambda x: setattr(x, "lender", "nobody"), r"loan\.lender: 'nobody' is not a known"),
        (lambda x: setattr(x, "currency", "yuan"), r"loan\.currency: 'yuan' is not a 3-letter"),
        (lambda x: setattr(x.fees[0], "amount", Decimal("-1")), r"loan\.fees\[0\]\.amount"),
        (lambda x: setattr(x.overdue, "grace_days", -1), r"loan\.overdue\.grace_days"),
        (lambda x: setattr(x.overdue, "penalty_base", "x"), r"loan\.overdue\.penalty_base"),
        (lambda x: setattr(x.proposals[0], "status", "maybe"), r"proposals\[0\]\.status"),
        (
            lambda x: setattr(x.proposals[0].waive, "penalty", Decimal("1.5")),
            r"proposals\[0\]\.waive\.penalty: 1\.5 must be between 0 and 1",
        ),
        (
            lambda x: x.proposals[0].params.pop("months"),
            r"proposals\[0\]\.params\.months: missing",
        ),
        (
            lambda x: x.proposals[0].params.update(colour="red"),
            r"proposals\[0\]\.params\.colour: unknown field",
        ),
        (lambda x: setattr(x.notes[0], "channel", "telepathy"), r"notes\[0\]\.channel"),
        (lambda x: x.notes.append(copy.deepcopy(x.notes[0])), r"notes\[1\]\.id: duplicate"),
        (lambda x: setattr(x, "principal", Decimal("1.001")), r"more decimals than CNY"),
    ],
)
def test_validation_names_the_field(ledger: Ledger, change: object, message: str) -> None:
    ledger.save_lender(lender())
    record = loan()
    change(record)  # type: ignore[operator]
    with pytest.raises(InputError, match=message):
        ledger.save_loan(record)
    assert ledger.loans() == []


def test_new_id_is_unused(ledger: Ledger) -> None:
    ledger.save_lender(lender("loan-1", "odd but allowed"))
    ledger.save_loan(loan("loan-2", "loan-1"))
    assert ledger.new_id("loan") == "loan-3"
    assert ledger.new_id("p") == "p-1"
    with pytest.raises(InputError):
        ledger.new_id("bad prefix")


def test_monthly_budget(ledger: Ledger) -> None:
    assert ledger.monthly_budget() is None
    ledger.set_monthly_budget(Decimal("3000.50"))
    assert ledger.monthly_budget() == Decimal("3000.50")
    with pytest.raises(InputError, match="monthly_budget: must not be negative"):
        ledger.set_monthly_budget(Decimal("-1"))
    assert ledger.monthly_budget() == Decimal("3000.50")
    ledger.set_monthly_budget(None)
    assert ledger.monthly_budget() is None


def test_load_sample_holds_the_worked_example(ledger: Ledger) -> None:
    ledger.load_sample()
    loans = ledger.loans()
    assert len(loans) == 3
    assert len(ledger.lenders()) == 2
    worked = ledger.loan("jb-2026-01")
    assert worked.principal == Decimal("12000.00")
    assert worked.rate.value == Decimal("0.18")
    assert worked.rate.per == "year"
    assert (worked.method, worked.term_count, worked.first_due) == (
        "equal_installment",
        12,
        date(2026, 2, 15),
    )
    assert [p.date.month for p in worked.payments] == [2, 3, 4, 5]
    assert worked.overdue.late_fee == Decimal("50.00")
    assert {x.method for x in loans} == {"equal_installment", "bullet", "equal_principal"}
    assert {p.method for x in loans for p in x.proposals} == {"reamortize", "lump_sum"}


def test_import_book_is_all_or_nothing(ledger: Ledger, data_dir: DataDir) -> None:
    ledger.save_lender(lender())
    before = dump(data_dir)
    good = replace(loan("new-1"), notes=[])
    clash = loan("loan-x")
    clash.lender = "other"
    book = Book(lenders=[lender("other", "Other")], loans=[good, clash, good])
    with pytest.raises(InputError, match=r"^loans\[2\]\.id: duplicate loan id 'new-1'"):
        ledger.import_book(book)
    changed = Book(lenders=[lender("jb", "a different name")], loans=[good])
    with pytest.raises(InputError, match=r"^lenders\[0\]\.id: 'jb' already exists with other"):
        ledger.import_book(changed)
    assert dump(data_dir) == before
    ledger.import_book(Book(lenders=[lender()], loans=[good], monthly_budget=Decimal("2000")))
    assert ledger.loan("new-1") == good
    assert ledger.monthly_budget() == Decimal("2000")
    exported = ledger.export_book()
    assert exported.loans == [good]
    assert exported.lenders == [lender()]
