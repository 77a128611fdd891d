"""The negotiation guide: the stage follows the data, the call card carries the engine's figures,
and warnings and reminders appear on the right days."""

from __future__ import annotations

import copy
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from ashore import finance
from ashore.app.errors import InputError
from ashore.app.resources import resource_path
from ashore.domain import guide as guide_records
from ashore.domain.records import CallNote, Loan, Payment, Proposal, Waive
from ashore.exchange import read_book
from ashore.services import Ledger, plans
from ashore.services.guide import call_card as guide_card
from ashore.services.guide import calls as guide_calls
from ashore.services.guide import checklist as guide_checklist
from ashore.services.guide import stage as guide_stage
from ashore.services.guide import storage as guide_storage
from ashore.services.guide import warnings as guide_warnings
from ashore.services.proposals import Proposals

CST = timezone(timedelta(hours=8))
D = Decimal


def sample_loan(loan_id: str = "jb-2026-01") -> Loan:
    book = read_book(resource_path("sample", "sample.json"))
    return copy.deepcopy(next(loan for loan in book.loans if loan.id == loan_id))


def note(note_id: str, day: date, follow_up: date | None = None) -> CallNote:
    at = datetime(day.year, day.month, day.day, 10, 0, tzinfo=CST)
    return CallNote(id=note_id, occurred_at=at, logged_at=at, text="called", follow_up=follow_up)


def agreed_rows(loan: Loan, proposal_id: str = "p1") -> tuple[finance.Installment, ...]:
    proposal = next(p for p in loan.proposals if p.id == proposal_id)
    return plans.work_out(loan, proposal).installments


def test_the_stage_moves_through_every_step_as_the_data_changes() -> None:
    loan = sample_loan()
    loan.proposals = []
    loan.notes = []
    guide = guide_records.LoanGuide(loan.id)
    today = date(2026, 11, 28)

    def key(day: date = today) -> str:
        return guide_stage.stage(loan, day, guide).key

    assert key() == "not_started"
    assert guide_stage.stage(loan, today, guide).next_step == guide_stage.NEXT_STEPS["not_started"]
    guide.reason = "job_loss"
    assert key() == "preparing"
    loan.notes.append(note("n1", date(2026, 11, 20), follow_up=date(2026, 11, 27)))
    assert key() == "in_contact"
    p1 = Proposal(
        "p1",
        "24 months",
        "reamortize",
        date(2026, 12, 15),
        {"months": 24, "annual_rate": D("0")},
        "draft",
        Waive(D("1"), D("1"), D("0")),
    )
    loan.proposals.append(p1)
    assert key() == "in_contact"  # a draft is not yet an offer
    p1.status = "proposed"
    assert key() == "offer"
    p1.status = "countered"
    assert key() == "offer"
    p1.status = "accepted"
    assert key() == "agreed"
    rows = agreed_rows(loan)
    loan.payments.append(Payment(rows[0].due, rows[0].payment))
    assert key(date(2027, 1, 10)) == "agreed"  # not yet made on that day
    assert key(date(2027, 1, 20)) == "repaying"
    for row in rows[1:]:
        loan.payments.append(Payment(row.due, row.payment))
    end = rows[-1].due
    assert key(end - timedelta(days=40)) == "repaying"
    assert key(end) == "settled"
    assert guide_stage.stage(loan, end, guide).step == guide_stage.STAGES.index("settled")
    guide.credit_checks.append(guide_records.CreditCheck(end + timedelta(days=30), "cleared"))
    assert key(end + timedelta(days=29)) == "settled"
    assert key(end + timedelta(days=30)) == "credit_checked"


def test_a_missed_agreed_payment_says_so_in_the_next_step() -> None:
    loan = sample_loan()
    loan.proposals[0].status = "accepted"
    found = guide_stage.stage(loan, date(2027, 1, 20))
    assert (found.key, found.next_key) == ("agreed", "missed")


def test_a_loan_paid_on_time_needs_no_negotiation() -> None:
    loan = sample_loan()
    loan.notes, loan.proposals = [], []
    found = guide_stage.stage(loan, date(2026, 3, 1))
    assert found.key == "not_started"
    assert found.next_key == "current"


def test_stages_of_the_sample(ledger: Ledger) -> None:
    found = guide_stage.stages(ledger, date(2026, 11, 28))
    assert {k: v.key for k, v in found.items()} == {
        "jb-2026-01": "offer",  # p1 proposed
        "jt360-bullet-0901": "preparing",  # a draft proposal
        "jt360-2025-11": "not_started",
    }


def test_the_call_card_carries_the_worked_example(ledger: Ledger) -> None:
    guide = guide_storage.load_guide(ledger, "jb-2026-01")
    guide.reason, guide.reason_text, guide.ask = "job_loss", "Laid off in May.", "p1"
    guide_storage.save_guide(ledger, guide)
    ledger.set_monthly_budget(D("1500.00"))
    card = guide_card.call_card(ledger, "jb-2026-01", date(2026, 11, 28))
    # DOMAIN.md's worked example, figure by figure
    assert (card.owed, card.overdue, card.penalty, card.late_fees, card.not_yet_due) == (
        D("9348.71"),
        D("6600.96"),
        D("295.94"),
        D("300.00"),
        D("2151.81"),
    )
    assert card.overdue_count == 6
    assert card.days_overdue == (date(2026, 11, 28) - date(2026, 6, 15)).days
    loan = ledger.loan("jb-2026-01")
    rows = agreed_rows(loan)
    assert card.ask is not None
    assert (card.ask.count, card.ask.amount, card.ask.first_due, card.ask.last_due) == (
        24,
        rows[0].payment,
        date(2027, 1, 15),
        date(2028, 12, 15),
    )
    assert card.ask.total == sum(r.payment for r in rows)
    assert card.affordable == D("1500.00")
    assert card.reason_text == "Laid off in May."
    assert card.lender_phone == "95188"


def test_the_guide_refuses_what_does_not_fit_the_loan(ledger: Ledger) -> None:
    with pytest.raises(InputError, match=r"^guide\.ask: 'p9'"):
        guide_storage.save_guide(ledger, guide_records.LoanGuide("jb-2026-01", ask="p9"))
    with pytest.raises(InputError, match=r"^guide\.reason: 'bored'"):
        guide_storage.save_guide(ledger, guide_records.LoanGuide("jb-2026-01", reason="bored"))
    with pytest.raises(InputError, match=r"^loan: 'nope'"):
        guide_storage.save_guide(ledger, guide_records.LoanGuide("nope"))


def test_checklist_ticks(ledger: Ledger, tmp_path: Path) -> None:
    loan = ledger.loan("jb-2026-01")
    lender = ledger.lender("jb")
    empty = guide_checklist.checklist(loan, lender, guide_records.LoanGuide(loan.id), None)
    assert [(i.key, i.done) for i in empty] == [
        ("reason", False),
        ("budget", False),
        ("ask", False),
        ("documents", False),
        ("contact", True),  # the sample lender has a phone and hours
    ]
    proof = tmp_path / "unemployment.pdf"
    proof.write_bytes(b"%PDF-1.4 proof of unemployment")
    doc = guide_storage.attach_document(ledger, loan.id, proof, "unemployment_proof")
    assert ledger.db.evidence.has(doc.sha256)
    import hashlib

    assert doc.sha256 == hashlib.sha256(proof.read_bytes()).hexdigest()
    guide = guide_storage.load_guide(ledger, loan.id)
    guide.reason, guide.reason_text, guide.ask = "illness", "In hospital since June.", "p1"
    guide_storage.save_guide(ledger, guide)
    ticked = guide_checklist.checklist(
        ledger.loan(loan.id), lender, guide_storage.load_guide(ledger, loan.id), D("900")
    )
    assert all(item.done for item in ticked)
    assert guide_storage.load_guide(ledger, loan.id).documents == [doc]


def test_borrower_profile_is_kept_once(ledger: Ledger) -> None:
    assert guide_storage.load_borrower(ledger) == guide_records.Borrower()
    guide_storage.save_borrower(
        ledger, guide_records.Borrower("王小明", "138 0000 0000", "北京市\n朝阳区 1 号")
    )
    assert guide_storage.load_borrower(ledger).address == "北京市\n朝阳区 1 号"


# ----------------------------------------------------------------------------- warnings


def kinds(
    ledger: Ledger, day: date, loan_id: str = "jb-2026-01", only: str = ""
) -> list[tuple[str, str]]:
    return [
        (w.kind, w.level)
        for w in guide_warnings.warnings(ledger, day)
        if w.loan_id == loan_id and (not only or w.kind == only)
    ]


def test_follow_up_reminder_then_warning_until_a_note_is_written(ledger: Ledger) -> None:
    # the sample's note of 2026-11-20 asks for a follow-up on 2026-11-27
    assert kinds(ledger, date(2026, 11, 26)) == []
    assert kinds(ledger, date(2026, 11, 27)) == [("follow_up", "info")]
    assert kinds(ledger, date(2026, 11, 28)) == [("follow_up", "warning")]
    text = next(w.text for w in guide_warnings.warnings(ledger, date(2026, 11, 30)))
    assert "2026-11-27" in text
    assert "3 days" in text
    loan = ledger.loan("jb-2026-01")
    loan.notes.append(note("n2", date(2026, 11, 29)))
    ledger.save_loan(loan)
    assert kinds(ledger, date(2026, 11, 30)) == []


def test_budget_warning_counts_the_agreements_on_other_loans(ledger: Ledger) -> None:
    need = agreed_rows(ledger.loan("jb-2026-01"))[0].payment  # 366.04 a month
    day = date(2026, 11, 26)
    ledger.set_monthly_budget(need - D("0.01"))
    assert kinds(ledger, day) == [("budget", "warning")]
    ledger.set_monthly_budget(need)
    assert kinds(ledger, day) == []
    other = ledger.loan("jt360-2025-11")
    other.proposals.append(
        Proposal(
            "p3",
            "12 months",
            "reamortize",
            date(2026, 12, 10),
            {"months": 12, "annual_rate": D("0")},
            "accepted",
        )
    )
    ledger.save_loan(other)
    elsewhere = agreed_rows(other, "p3")[0].payment
    ledger.set_monthly_budget(need + elsewhere)
    assert kinds(ledger, day) == []
    ledger.set_monthly_budget(need + elsewhere - D("0.01"))
    [warning] = [
        w
        for w in guide_warnings.warnings(ledger, day)
        if w.kind == "budget" and w.loan_id == "jb-2026-01"
    ]
    assert f"{need + elsewhere:,.2f}" in warning.text
    assert "0.01 over" in warning.text


def test_due_soon_warning_three_days_ahead_until_paid(ledger: Ledger) -> None:
    loan = ledger.loan("jb-2026-01")
    loan.proposals[0].status = "accepted"
    ledger.save_loan(loan)
    first = agreed_rows(loan)[0]
    assert first.due == date(2027, 1, 15)

    def due_soon(day: date) -> list[tuple[str, str]]:
        return kinds(ledger, day, only="due_soon")

    assert due_soon(date(2027, 1, 11)) == []
    assert due_soon(date(2027, 1, 12)) == [("due_soon", "urgent")]
    [today] = [
        w for w in guide_warnings.warnings(ledger, date(2027, 1, 15)) if w.kind == "due_soon"
    ]
    assert "today" in today.text
    assert "366.04" in today.text
    assert due_soon(date(2027, 1, 16)) == []  # past due: the sidebar says "missed"
    loan.payments.append(Payment(date(2027, 1, 13), first.payment))
    ledger.save_loan(loan)
    assert due_soon(date(2027, 1, 14)) == []


def test_credit_check_reminder_after_the_last_agreed_payment(ledger: Ledger) -> None:
    loan = ledger.loan("jb-2026-01")
    loan.proposals[0].status = "accepted"
    rows = agreed_rows(loan)
    loan.payments += [Payment(r.due, r.payment) for r in rows[:-1]]
    ledger.save_loan(loan)
    last = rows[-1].due

    def credit(day: date) -> list[tuple[str, str]]:
        return kinds(ledger, day, only="credit_check")

    assert credit(last + timedelta(days=5)) == []
    loan.payments.append(Payment(last, rows[-1].payment))
    ledger.save_loan(loan)
    assert credit(last - timedelta(days=1)) == []
    assert credit(last) == [("credit_check", "info")]
    guide_storage.record_credit_check(
        ledger, loan.id, last + timedelta(days=20), "cleared", "all clear"
    )
    assert credit(last + timedelta(days=19)) == [("credit_check", "info")]
    assert credit(last + timedelta(days=20)) == []
    assert guide_stage.stages(ledger, last + timedelta(days=20))[loan.id].key == "credit_checked"


def test_a_status_answer_after_the_follow_up_date_counts_as_contact(ledger: Ledger) -> None:

    assert kinds(ledger, date(2026, 11, 28), only="follow_up") == [("follow_up", "warning")]
    at = datetime(2026, 11, 28, 9, 0, tzinfo=CST)
    Proposals(ledger).change_status("jb-2026-01", "p1", "countered", "they offer 18 months", at)
    assert kinds(ledger, date(2026, 11, 29), only="follow_up") == []


def test_after_the_call_outcome_and_status_in_one_step(ledger: Ledger) -> None:
    at = datetime(2026, 11, 28, 9, 30, tzinfo=CST)
    note_id = guide_calls.start_call_note(ledger, "jb-2026-01", at)
    loan = ledger.loan("jb-2026-01")
    assert next(n for n in loan.notes if n.id == note_id).occurred_at == at
    guide_calls.record_outcome(
        ledger,
        "jb-2026-01",
        guide_calls.Outcome(
            note_id,
            at,
            "agent 0815",
            "asked again",
            "they accept 24 months",
            "SMS confirmation by Monday",
            date(2026, 11, 30),
            "p1",
            "accepted",
        ),
    )
    loan = ledger.loan("jb-2026-01")
    written = next(n for n in loan.notes if n.id == note_id)
    assert (written.outcome, written.follow_up) == ("they accept 24 months", date(2026, 11, 30))
    assert loan.proposals[0].status == "accepted"
    assert loan.proposals[0].history[-1].status == "accepted"
    assert guide_stage.stages(ledger, date(2026, 11, 28))["jb-2026-01"].key == "agreed"
    # the follow-up is now a reminder on its day
    assert kinds(ledger, date(2026, 11, 30)) == [("follow_up", "info")]
    with pytest.raises(InputError, match=r"^proposal: 'p9'"):
        guide_calls.record_outcome(
            ledger,
            "jb-2026-01",
            guide_calls.Outcome("", at, "", "", "", "", None, "p9", "accepted"),
        )


# ----------------------------------------------------------------------------- the exchange file


def test_export_json_carries_the_guide_and_the_borrower(ledger: Ledger, tmp_path: Path) -> None:
    import json

    from ashore.app.paths import DataDir
    from ashore.exchange import write_book

    proof = tmp_path / "病历.pdf"
    proof.write_bytes(b"%PDF hospital papers")
    doc = guide_storage.attach_document(ledger, "jb-2026-01", proof, "medical_records")
    guide = guide_storage.load_guide(ledger, "jb-2026-01")
    guide.reason, guide.reason_text, guide.ask = "illness", "In hospital <b>since</b> June.", "p1"
    guide.credit_checks.append(guide_records.CreditCheck(date(2029, 1, 20), "cleared", "all clear"))
    guide_storage.save_guide(ledger, guide)
    guide_storage.save_borrower(
        ledger, guide_records.Borrower("王小明", "138", "北京\n朝阳", "w@example.org")
    )

    out = tmp_path / "out" / "book.json"
    write_book(ledger.export_book(), out, ledger.db.evidence)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["borrower"]["address"] == "北京\n朝阳"
    written = data["loans"][0]["guide"]
    assert written["documents"][0]["sha256"] == doc.sha256
    assert (out.parent / written["documents"][0]["path"]).read_bytes() == proof.read_bytes()
    assert "guide" not in data["loans"][1]  # a loan without a checklist has no guide object

    other = Ledger.open(DataDir(tmp_path / "other"))
    try:
        other.import_book(read_book(out))
        assert guide_storage.load_guide(other, "jb-2026-01") == guide_storage.load_guide(
            ledger, "jb-2026-01"
        )
        assert guide_storage.load_borrower(other) == guide_storage.load_borrower(ledger)
        assert other.db.evidence.has(doc.sha256)
        again = tmp_path / "again" / "book.json"
        write_book(other.export_book(), again, other.db.evidence)
        first, second = json.loads(out.read_text()), json.loads(again.read_text())
        first.pop("exported_at"), second.pop("exported_at")
        assert first == second
    finally:
        other.close()


def test_a_wrong_guide_in_the_file_is_refused_with_its_path(ledger: Ledger, tmp_path: Path) -> None:
    import json

    from ashore.app.paths import DataDir
    from ashore.exchange import write_book

    guide = guide_storage.load_guide(ledger, "jb-2026-01")
    guide.ask = "p1"
    guide_storage.save_guide(ledger, guide)
    out = tmp_path / "book.json"
    write_book(ledger.export_book(), out, ledger.db.evidence)
    data = json.loads(out.read_text(encoding="utf-8"))
    index = next(i for i, loan in enumerate(data["loans"]) if loan["id"] == "jb-2026-01")
    data["loans"][index]["guide"]["ask"] = "p404"
    out.write_text(json.dumps(data), encoding="utf-8")
    other = Ledger.open(DataDir(tmp_path / "other"))
    try:
        with pytest.raises(InputError, match=rf"^loans\[{index}\]\.guide\.ask: 'p404'"):
            other.import_book(read_book(out))
        assert other.is_empty()  # all or nothing
        data["loans"][index]["guide"]["colour"] = "red"
        out.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(InputError, match=rf"^loans\[{index}\]\.guide\.colour: unknown field"):
            read_book(out)
    finally:
        other.close()


def test_a_one_off_settlement_over_budget_says_at_once(ledger: Ledger) -> None:
    ledger.set_monthly_budget(D("1000.00"))
    [warning] = [
        w
        for w in guide_warnings.warnings(ledger, date(2026, 11, 28))
        if w.loan_id == "jt360-bullet-0901"
    ]
    assert warning.kind == "budget"
    assert "needs 2,800.00 at once by 2026-12-10" in warning.text
    assert "1,800.00 over your monthly budget of 1,000.00" in warning.text
