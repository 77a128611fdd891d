"""services.proposals: save, copy, delete a proposal and move it through its statuses, each alone
in its transaction and leaving call notes untouched; one agreement in force at a time."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from ashore.app.errors import InputError
from ashore.domain.records import Proposal
from ashore.services import plans
from ashore.services.views import payments as payments_view

from .workspace_book import CST, JB, TODAY, note_hashes, reamortize


def test_save_proposal_adds_a_draft_with_a_timestamped_history(ledger, proposals) -> None:
    hashes = note_hashes(ledger)
    saved = proposals.save_proposal(JB, reamortize())
    stored = next(p for p in ledger.loan(JB).proposals if p.id == "p9")
    assert stored.status == "draft"
    assert [h.status for h in stored.history] == ["draft"]
    assert stored.history[0].at.tzinfo is not None
    assert stored.params == {"months": 12, "annual_rate": Decimal("0.06")}
    assert stored.waive.penalty == Decimal("1")
    assert saved.history[0].status == "draft"
    assert note_hashes(ledger) == hashes  # the call notes (evidence) were not rewritten


def test_save_proposal_updates_fields_but_keeps_status_and_history(ledger, proposals) -> None:
    proposals.save_proposal(JB, reamortize())
    proposals.change_status(JB, "p9", "proposed", "agent 0231")
    changed = reamortize(months=18)
    changed.status = "draft"  # the form's copy may be stale: the stored status wins
    proposals.save_proposal(JB, changed)
    stored = next(p for p in ledger.loan(JB).proposals if p.id == "p9")
    assert stored.params["months"] == 18
    assert stored.status == "proposed"
    assert [(h.status, h.note) for h in stored.history] == [
        ("draft", ""),
        ("proposed", "agent 0231"),
    ]


def test_a_plan_that_cannot_be_worked_out_is_refused_naming_the_field(ledger, proposals) -> None:
    low = Proposal(
        "p9",
        "tiny",
        "reduced_installment",
        TODAY,
        {"amount": Decimal("10.00"), "annual_rate": Decimal("0.24")},
    )
    with pytest.raises(InputError, match=r"params\.amount: must be at least .* monthly interest"):
        proposals.save_proposal(JB, low)
    bad = reamortize()
    bad.params["months"] = 0
    with pytest.raises(InputError, match=r"^proposal\.params\.months: must be at least 1"):
        proposals.save_proposal(JB, bad)
    assert [p.id for p in ledger.loan(JB).proposals] == ["p1"]


def test_duplicate_and_delete(ledger, proposals) -> None:
    copy = proposals.duplicate_proposal(JB, "p1", "copy of p1")
    loan = ledger.loan(JB)
    assert [p.id for p in loan.proposals] == ["p1", copy.id]
    original = loan.proposals[0]
    again = loan.proposals[1]
    assert (again.method, again.params, again.start) == (
        original.method,
        original.params,
        original.start,
    )
    assert again.status == "draft"
    assert again.name == "copy of p1"
    removed = proposals.delete_proposal(JB, "p1")
    assert removed.id == "p1"
    assert [p.id for p in ledger.loan(JB).proposals] == [copy.id]
    with pytest.raises(InputError, match="'p1' is not a proposal"):
        proposals.delete_proposal(JB, "p1")


def test_status_workflow_and_one_agreement_at_a_time(ledger, proposals) -> None:
    proposals.save_proposal(JB, reamortize("p9"))
    at = datetime(2026, 11, 28, 10, 15, tzinfo=CST)
    with pytest.raises(InputError, match=r"^status: a draft proposal cannot become countered"):
        proposals.change_status(JB, "p9", "countered", at=at)
    assert proposals.change_status(JB, "p9", "proposed", "to agent 0231", at=at) == []
    assert proposals.change_status(JB, "p9", "accepted", at=at) == []
    # p1 was proposed; accepting it supersedes p9, the agreement so far.
    assert proposals.change_status(JB, "p1", "accepted", at=at) == ["p9"]
    loan = ledger.loan(JB)
    by_id = {p.id: p for p in loan.proposals}
    assert by_id["p1"].status == "accepted"
    assert by_id["p9"].status == "withdrawn"
    assert by_id["p9"].history[-1].note == "superseded by 24 months, penalty waived"
    assert [h.status for h in by_id["p9"].history] == ["draft", "proposed", "accepted", "withdrawn"]
    assert by_id["p9"].history[1].at == at
    assert sum(1 for p in loan.proposals if p.status == "accepted") == 1


def test_an_accepted_proposal_becomes_the_plan_everywhere(ledger, proposals) -> None:
    proposals.save_proposal(JB, reamortize("p9", start=date(2026, 11, 20)))
    proposals.change_status(JB, "p9", "proposed")
    proposals.change_status(JB, "p9", "accepted")
    loan = ledger.loan(JB)
    summary = plans.summarize(loan, None, TODAY)
    assert summary.status == "agreement"
    plan = plans.work_out(loan, next(p for p in loan.proposals if p.id == "p9"))
    entries = payments_view.plan_entries(loan, TODAY)
    agreed = [e for e in entries if e.source == "agreement"]
    assert [e.due for e in agreed] == [r.due for r in plan.installments]
    assert [e.amount for e in agreed] == [r.payment for r in plan.installments]
    # Owed today under an agreement: nothing of it is due yet, so its principal (no future
    # interest); all of it with its interest is what is left to pay under the plan.
    assert summary.owed_today == plan.base.amount == Decimal("9052.77")
    assert summary.left_to_pay_plan == plan.total_paid
    assert summary.if_agreement_fails == Decimal("9348.71")
    assert summary.next_due == plan.installments[0].due == date(2026, 12, 20)
    # Unpaid original installments before the start moved into the agreement.
    assert {e.status for e in entries if e.source == "original" and e.paid == 0} == {"replaced"}
