"""Read once, share, re-read only what changed: the Ledger's snapshot of the loans (read without
their notes), the notes' facts by aggregate queries, and each loan's figures worked out once per
(loan, day) and kept until that loan changes (issue 15)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import event

from ashore.app.paths import DataDir
from ashore.domain.records import NoteFacts, Payment, Proposal, Waive
from ashore.services import Ledger, plans
from ashore.services.guide import stage as guide_stage
from ashore.services.guide import warnings as guide_warnings
from ashore.services.guide.storage import load_guides
from ashore.services.notes import Notes
from ashore.services.payments import Payments
from ashore.services.proposals import Proposals
from ashore.services.views import dashboard as dashboard_view
from ashore.store import plain_read
from ashore.store.models import LoanRow, NoteEventRow, NoteRow

TODAY = date(2026, 11, 28)
JB = "jb-2026-01"
BULLET = "jt360-bullet-0901"
CST = timezone(timedelta(hours=8))
LONDON = timezone(timedelta(hours=0))
NEW_YORK = timezone(timedelta(hours=-5))


class Counts:
    """What the database was asked, as it happens: SQL statements, the loan rows and note rows
    loaded (by loan id), and ``plans.standing`` calls (each loan worked out)."""

    def __init__(self) -> None:
        self.statements: list[str] = []
        self.loans: list[str] = []
        self.notes: list[str] = []
        self.standing: list[str] = []

    def clear(self) -> None:
        for kept in (self.statements, self.loans, self.notes, self.standing):
            kept.clear()


@pytest.fixture
def counted(ledger: Ledger, monkeypatch: pytest.MonkeyPatch) -> Iterator[Counts]:
    counts = Counts()
    real_standing = plans.standing

    def standing(loan, today):  # type: ignore[no-untyped-def]
        counts.standing.append(loan.id)
        return real_standing(loan, today)

    def executed(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        counts.statements.append(statement)

    def loan_loaded(target: LoanRow, _context: Any) -> None:
        counts.loans.append(target.id)

    def plain_loans(raw: Any, ids: Any = None) -> list[Any]:  # the snapshot's plain-SQL read
        found = real_plain_loans(raw, ids)
        counts.loans.extend(loan.id for loan in found)
        return found

    def note_loaded(target: Any, _context: Any) -> None:
        counts.notes.append(target.loan_id)

    real_plain_loans = plain_read.loans_without_notes
    monkeypatch.setattr(plans, "standing", standing)
    monkeypatch.setattr(plain_read, "loans_without_notes", plain_loans)
    engine = ledger.db.engine
    event.listen(engine, "before_cursor_execute", executed)
    event.listen(LoanRow, "load", loan_loaded)
    event.listen(NoteRow, "load", note_loaded)
    event.listen(NoteEventRow, "load", note_loaded)
    yield counts
    event.remove(engine, "before_cursor_execute", executed)
    event.remove(LoanRow, "load", loan_loaded)
    event.remove(NoteRow, "load", note_loaded)
    event.remove(NoteEventRow, "load", note_loaded)


def refresh(ledger: Ledger) -> None:
    """What one refresh of the window reads: sidebar, guide stages, warnings, dashboard."""
    ledger.summaries(TODAY)
    guide_stage.stages(ledger, TODAY)
    guide_warnings.warnings(ledger, TODAY)
    figures = ledger.figures(TODAY)
    dashboard_view.dashboard(
        [found.loan for found in figures],
        ledger.lenders(),
        TODAY,
        None,
        summaries=[found.summary for found in figures],
        standings={found.loan.id: found.standing for found in figures},
    )


def without_notes(ledger: Ledger) -> list[Any]:
    """``loans()`` as the snapshot holds them: no notes, no chain."""
    return [replace(loan, notes=[], note_chain=[]) for loan in ledger.loans()]


def test_one_refresh_reads_the_loans_once_and_works_each_out_once(
    ledger: Ledger, counted: Counts
) -> None:
    refresh(ledger)
    ids = [loan.id for loan in ledger.snapshot()]
    assert sorted(counted.loans) == sorted(ids)  # each loan row read once for all readers
    assert sorted(counted.standing) == sorted(ids)  # each loan worked out once, not per reader
    assert counted.notes == []  # and no note read: the facts come from aggregate queries
    counted.clear()
    refresh(ledger)  # nothing written since: nothing read or worked out again
    assert counted.loans == []
    assert counted.standing == []


def test_the_snapshot_is_what_loans_reads_without_the_notes(ledger: Ledger) -> None:
    full = ledger.loans()
    assert list(ledger.snapshot()) == without_notes(ledger)
    assert any(loan.notes for loan in full)  # the sample has notes: they are really left out
    assert ledger.note_facts() == {
        loan.id: guide_stage.facts_of(loan) for loan in full if guide_stage.facts_of(loan).live
    }
    assert ledger.summaries(TODAY) == plans.summarize_all(full, ledger.lenders(), TODAY)
    # the stages and warnings from the facts are those of the full records
    guides = load_guides(ledger)
    assert guide_stage.stages(ledger, TODAY) == {
        loan.id: guide_stage.stage(loan, TODAY, guides.get(loan.id)) for loan in full
    }
    assert guide_warnings.warnings(ledger, TODAY) == guide_warnings.find_warnings(
        full, guides, ledger.monthly_budget(), TODAY
    )


def test_an_edit_rereads_and_recomputes_only_the_edited_loan(
    ledger: Ledger, counted: Counts
) -> None:
    refresh(ledger)
    before = {loan.id: loan for loan in ledger.snapshot()}
    proposal = Proposal(
        id="p9",
        name="12 months",
        method="reamortize",
        start=TODAY,
        params={"months": 12, "annual_rate": Decimal("0.06")},
        waive=Waive(penalty=Decimal("1")),
    )
    Proposals(ledger).save_proposal(JB, proposal)
    counted.clear()  # what the save itself read is not the refresh's
    refresh(ledger)
    assert counted.loans == [JB]  # the edit re-read one loan
    assert counted.standing == [JB]  # and worked out that one only
    assert counted.notes == []
    after = {loan.id: loan for loan in ledger.snapshot()}
    assert after.keys() == before.keys()
    for loan_id, loan in after.items():
        assert (loan is before[loan_id]) is (loan_id != JB)
    assert [p.id for p in after[JB].proposals][-1] == "p9"
    # the figures are those of a fresh read
    assert list(ledger.snapshot()) == without_notes(ledger)
    assert ledger.summaries(TODAY) == plans.summarize_all(ledger.loans(), ledger.lenders(), TODAY)


def test_a_payment_on_one_loan_drops_its_figures_and_keeps_the_others(ledger: Ledger) -> None:
    before = {found.loan.id: found for found in ledger.figures(TODAY)}
    Payments(ledger).add_payment(JB, Payment(TODAY, Decimal("100.00")))
    after = {found.loan.id: found for found in ledger.figures(TODAY)}
    assert after[JB] is not before[JB]
    assert after[JB].summary.owed_today == before[JB].summary.owed_today - Decimal("100.00")
    for loan_id in before.keys() - {JB}:
        assert after[loan_id] is before[loan_id]  # the same figures, not worked out again
    assert [f.summary for f in after.values()] == plans.summarize_all(
        ledger.loans(), ledger.lenders(), TODAY
    )


def test_a_payment_changes_that_loans_summary(ledger: Ledger) -> None:
    owed = {s.loan_id: s.owed_today for s in ledger.summaries(TODAY)}
    Payments(ledger).add_payment(JB, Payment(TODAY, Decimal("100.00")))
    again = {s.loan_id: s.owed_today for s in ledger.summaries(TODAY)}
    assert again[JB] == owed[JB] - Decimal("100.00")
    assert {k: v for k, v in again.items() if k != JB} == {k: v for k, v in owed.items() if k != JB}


def test_another_day_or_a_lender_edit_works_out_again(ledger: Ledger, counted: Counts) -> None:
    ids = [loan.id for loan in ledger.snapshot()]
    ledger.summaries(TODAY)
    ledger.summaries(TODAY + timedelta(days=1))
    assert len(counted.standing) == 2 * len(ids)
    counted.clear()
    lender = ledger.lenders()[0]
    ledger.save_lender(replace(lender, name=lender.name + " (renamed)"))
    counted.clear()
    ledger.summaries(TODAY)
    # a lender is not a loan: everything is read again, in the new order
    assert sorted(counted.loans) == sorted(ids)
    assert list(ledger.snapshot()) == without_notes(ledger)
    assert [s.lender_name for s in ledger.summaries(TODAY)] == [
        s.lender_name for s in plans.summarize_all(ledger.loans(), ledger.lenders(), TODAY)
    ]


def test_a_deleted_loan_leaves_the_snapshot(ledger: Ledger) -> None:
    ledger.snapshot()
    ledger.delete_loan(JB)
    assert JB not in [loan.id for loan in ledger.snapshot()]
    assert JB not in ledger.note_facts()
    assert list(ledger.snapshot()) == without_notes(ledger)


def test_the_snapshot_asks_as_many_queries_however_many_notes(
    data_dir: DataDir, ledger: Ledger
) -> None:
    def asked(opened: Ledger) -> int:
        """The queries sent, through SQLAlchemy or in plain SQL over the driver's connection
        (each seen once, by the driver; not the transactions' BEGIN and ROLLBACK)."""
        statements: list[str] = []

        def checkout(raw: sqlite3.Connection, *_args: Any) -> None:
            raw.set_trace_callback(statements.append)

        def checkin(raw: sqlite3.Connection, *_args: Any) -> None:
            raw.set_trace_callback(None)

        event.listen(opened.db.engine, "checkout", checkout)
        event.listen(opened.db.engine, "checkin", checkin)
        try:
            opened.snapshot()
            opened.note_facts()
            opened.figures(TODAY)
        finally:
            event.remove(opened.db.engine, "checkout", checkout)
            event.remove(opened.db.engine, "checkin", checkin)
        return len([s for s in statements if s.split()[0] not in ("BEGIN", "ROLLBACK")])

    few = asked(Ledger(ledger.db))  # a fresh Ledger: nothing read yet
    notes = Notes(ledger)
    for k in range(60):
        loan_id = (JB, BULLET)[k % 2]
        notes.add(loan_id, occurred_at=datetime(2026, 10, 1, 9, tzinfo=CST) + timedelta(hours=k))
    assert asked(Ledger(ledger.db)) == few
    assert 6 <= few <= 12  # the loans and their children, the lenders, the notes' two


def test_the_notes_facts_are_those_of_the_notes(ledger: Ledger) -> None:
    """Counted, latest day and the latest follow-up as the full records give them: across
    offsets (the latest instant is not the latest text), deleted notes left out, equal times."""
    notes = Notes(ledger)
    # 2026-11-25 20:30 in New York is 2026-11-26 01:30 UTC: later than 09:00 in Beijing that
    # day (01:00 UTC), though its text sorts first; its own day is the 25th.
    notes.add(
        BULLET, occurred_at=datetime(2026, 11, 26, 9, tzinfo=CST), follow_up=date(2026, 12, 1)
    )
    notes.add(
        BULLET,
        occurred_at=datetime(2026, 11, 25, 20, 30, tzinfo=NEW_YORK),
        follow_up=date(2026, 12, 3),
    )
    later = notes.add(
        BULLET, occurred_at=datetime(2026, 11, 27, 8, tzinfo=LONDON), follow_up=date(2026, 12, 9)
    )
    notes.delete(BULLET, later.id, "typed on the wrong loan")
    # the same instant written in two offsets, the second logged later (the clock ticks): it
    # is the latest
    same = datetime(2026, 11, 20, 12, tzinfo=LONDON)
    notes.add(JB, occurred_at=same, follow_up=date(2026, 11, 30))
    notes.add(JB, occurred_at=same.astimezone(CST), follow_up=date(2026, 12, 2))
    full = {loan.id: loan for loan in ledger.loans()}
    facts = ledger.note_facts()
    assert facts[BULLET] == NoteFacts(
        live=2, last_day=date(2026, 11, 26), follow_up=date(2026, 12, 3)
    )
    assert facts[BULLET] == guide_stage.facts_of(full[BULLET])
    assert facts[JB] == guide_stage.facts_of(full[JB])
    assert facts[JB].follow_up == date(2026, 12, 2)
    assert "jt360-2025-11" not in facts  # no notes: no facts (NoteFacts() is what it stands for)
    assert guide_warnings.warnings(ledger, TODAY) == guide_warnings.find_warnings(
        list(full.values()), load_guides(ledger), ledger.monthly_budget(), TODAY
    )


def test_follow_ups_from_a_day_are_those_of_the_live_notes(ledger: Ledger) -> None:
    notes = Notes(ledger)
    kept = notes.add(BULLET, follow_up=date(2026, 12, 5))
    gone = notes.add(BULLET, follow_up=date(2026, 12, 6))
    notes.delete(BULLET, gone.id, "duplicate")
    notes.add(BULLET, follow_up=date(2026, 11, 1))  # before the day asked
    assert kept.follow_up is not None
    expected = {
        loan.id: [
            n.follow_up
            for n in loan.notes
            if n.follow_up is not None and n.deleted_at is None and n.follow_up >= TODAY
        ]
        for loan in ledger.loans()
    }
    assert ledger.follow_ups_from(TODAY) == {k: v for k, v in expected.items() if v}
    assert ledger.follow_ups_from(TODAY)[BULLET] == [date(2026, 12, 5)]


def test_a_loan_read_in_full_is_read_again_only_once_it_changed(
    ledger: Ledger, counted: Counts
) -> None:
    first = ledger.loan(JB)
    assert counted.loans == [JB]
    first.notes.clear()  # the caller's to edit: the next reader gets the loan as kept
    first.payments.append(Payment(TODAY, Decimal("1.00")))
    again = ledger.loan(JB)
    assert counted.loans == [JB]  # not read again: nothing written since
    assert again == next(loan for loan in ledger.loans() if loan.id == JB)
    assert again.notes
    counted.clear()
    Payments(ledger).add_payment(BULLET, Payment(TODAY, Decimal("5.00")))  # another loan
    counted.clear()
    ledger.loan(JB)
    assert counted.loans == []
    Payments(ledger).add_payment(JB, Payment(TODAY, Decimal("5.00")))
    counted.clear()
    changed = ledger.loan(JB)
    assert counted.loans == [JB]  # written: read again
    assert changed.payments[-1] == Payment(TODAY, Decimal("5.00"))


def test_after_an_edit_the_edited_loan_is_read_once_for_its_tab_and_the_refresh(
    ledger: Ledger, counted: Counts
) -> None:
    """After an edit the loan's tab reads it in full, then the refresh re-reads it for the
    snapshot: that one read serves both, and each gets what a fresh read gives."""
    refresh(ledger)
    Payments(ledger).add_payment(JB, Payment(TODAY, Decimal("5.00")))
    counted.clear()
    full = ledger.loan(JB)  # the tab, as the window does it (PaymentsTab, ProposalsTab)
    refresh(ledger)  # then the window's refresh
    assert counted.loans == [JB]  # read once, not once for each
    assert counted.standing == [JB]
    assert full.payments[-1] == Payment(TODAY, Decimal("5.00"))
    assert full.notes  # in full, notes and all
    fresh = next(loan for loan in ledger.loans() if loan.id == JB)
    assert full == fresh
    assert full.note_chain == fresh.note_chain
    assert list(ledger.snapshot()) == without_notes(ledger)
    shared = next(loan for loan in ledger.snapshot() if loan.id == JB)
    assert shared.notes == []
    assert shared.note_chain == []
    full.payments.append(Payment(TODAY, Decimal("1.00")))  # the caller's copy, not the shared
    assert ledger.loan(JB) == fresh
    assert ledger.summaries(TODAY) == plans.summarize_all(ledger.loans(), ledger.lenders(), TODAY)
