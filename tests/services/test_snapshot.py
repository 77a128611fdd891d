"""Read once, share, re-read only what changed: the Ledger's snapshot of the loans and the
summaries worked out once per (loan, day) (issue 15)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from ashore.app.paths import DataDir
from ashore.domain.records import Payment, Proposal, Waive
from ashore.services import Ledger, plans
from ashore.services.guide import stage as guide_stage
from ashore.services.guide import warnings as guide_warnings
from ashore.services.payments import Payments
from ashore.services.proposals import Proposals
from ashore.services.views import dashboard as dashboard_view

TODAY = date(2026, 11, 28)
JB = "jb-2026-01"


@pytest.fixture
def ledger(data_dir: DataDir) -> Iterator[Ledger]:
    opened = Ledger.open(data_dir)
    opened.load_sample()
    yield opened
    opened.close()


@pytest.fixture
def counted(ledger: Ledger, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Calls of Ledger.loans (full reads) and plans.summarize (per loan), as they happen."""
    calls: dict[str, list[str]] = {"loans": [], "summarize": []}
    real_loans = Ledger.loans
    real_summarize = plans.summarize

    def loans(self: Ledger) -> list:  # type: ignore[type-arg]
        calls["loans"].append("all")
        return real_loans(self)

    def summarize(loan, lender, today):  # type: ignore[no-untyped-def]
        calls["summarize"].append(loan.id)
        return real_summarize(loan, lender, today)

    monkeypatch.setattr(Ledger, "loans", loans)
    monkeypatch.setattr(plans, "summarize", summarize)
    return calls


def refresh(ledger: Ledger) -> None:
    """What one refresh of the window reads: sidebar, guide stages, warnings, dashboard."""
    ledger.summaries(TODAY)
    guide_stage.stages(ledger, TODAY)
    guide_warnings.warnings(ledger, TODAY)
    dashboard_view.dashboard(
        ledger.snapshot(),
        ledger.lenders(),
        TODAY,
        None,
        summaries=ledger.summaries(TODAY),
    )


def test_one_refresh_reads_the_loans_once_and_works_each_out_once(
    ledger: Ledger, counted: dict[str, list[str]]
) -> None:
    refresh(ledger)
    assert counted["loans"] == ["all"]
    ids = [loan.id for loan in ledger.snapshot()]
    assert sorted(counted["summarize"]) == sorted(ids)  # each loan once, not once per reader
    refresh(ledger)  # nothing written since: nothing read or worked out again
    assert counted["loans"] == ["all"]
    assert len(counted["summarize"]) == len(ids)


def test_the_snapshot_is_what_loans_reads(ledger: Ledger) -> None:
    assert list(ledger.snapshot()) == ledger.loans()
    assert ledger.summaries(TODAY) == plans.summarize_all(ledger.loans(), ledger.lenders(), TODAY)


def test_an_edit_rereads_and_recomputes_only_the_edited_loan(
    ledger: Ledger, counted: dict[str, list[str]]
) -> None:
    refresh(ledger)
    before = {loan.id: loan for loan in ledger.snapshot()}
    counted["summarize"].clear()
    proposal = Proposal(
        id="p9",
        name="12 months",
        method="reamortize",
        start=TODAY,
        params={"months": 12, "annual_rate": Decimal("0.06")},
        waive=Waive(penalty=Decimal("1")),
    )
    Proposals(ledger).save_proposal(JB, proposal)
    refresh(ledger)
    assert counted["loans"] == ["all"]  # the first read only: the edit re-read one loan
    assert counted["summarize"] == [JB]
    after = {loan.id: loan for loan in ledger.snapshot()}
    assert after.keys() == before.keys()
    for loan_id, loan in after.items():
        assert (loan is before[loan_id]) is (loan_id != JB)
    assert [p.id for p in after[JB].proposals][-1] == "p9"
    # the figures are those of a fresh read
    assert list(ledger.snapshot()) == ledger.loans()
    assert ledger.summaries(TODAY) == plans.summarize_all(ledger.loans(), ledger.lenders(), TODAY)


def test_a_payment_changes_that_loans_summary(ledger: Ledger) -> None:
    owed = {s.loan_id: s.owed_today for s in ledger.summaries(TODAY)}
    Payments(ledger).add_payment(JB, Payment(TODAY, Decimal("100.00")))
    again = {s.loan_id: s.owed_today for s in ledger.summaries(TODAY)}
    assert again[JB] == owed[JB] - Decimal("100.00")
    assert {k: v for k, v in again.items() if k != JB} == {k: v for k, v in owed.items() if k != JB}


def test_another_day_or_a_lender_edit_works_out_again(
    ledger: Ledger, counted: dict[str, list[str]]
) -> None:
    ids = [loan.id for loan in ledger.snapshot()]
    ledger.summaries(TODAY)
    ledger.summaries(TODAY + timedelta(days=1))
    assert len(counted["summarize"]) == 2 * len(ids)
    lender = ledger.lenders()[0]
    ledger.save_lender(replace(lender, name=lender.name + " (renamed)"))
    ledger.summaries(TODAY)
    # a lender is not a loan: everything is read again, in the new order
    assert counted["loans"] == ["all", "all"]
    assert list(ledger.snapshot()) == ledger.loans()


def test_a_deleted_loan_leaves_the_snapshot(ledger: Ledger) -> None:
    ledger.snapshot()
    ledger.delete_loan(JB)
    assert JB not in [loan.id for loan in ledger.snapshot()]
    assert list(ledger.snapshot()) == ledger.loans()
