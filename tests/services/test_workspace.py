"""services.workspace: the narrow writes (proposal, status, payment, claim, budget), each alone in
its transaction and leaving call notes untouched, and the figures the workspace screens show."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from ashore import finance
from ashore.app.errors import InputError
from ashore.app.paths import DataDir
from ashore.domain.records import Claim, Payment, Proposal, Waive
from ashore.services import Ledger, plans
from ashore.services import workspace as ws
from ashore.store.mapping import loan_rows_by_id

TODAY = date(2026, 11, 28)
JB = "jb-2026-01"
CST = timezone(timedelta(hours=8))


@pytest.fixture
def ledger(data_dir: DataDir) -> Iterator[Ledger]:
    opened = Ledger.open(data_dir)
    opened.load_sample()
    yield opened
    opened.close()


@pytest.fixture
def space(ledger: Ledger) -> ws.Workspace:
    return ws.Workspace(ledger)


def reamortize(pid: str = "p9", start: date = TODAY, months: int = 12) -> Proposal:
    return Proposal(
        id=pid,
        name=f"{months} months",
        method="reamortize",
        start=start,
        params={"months": months, "annual_rate": Decimal("0.06")},
        waive=Waive(penalty=Decimal("1")),
    )


def note_hashes(ledger: Ledger) -> list[tuple[str, str]]:
    with ledger.db.reading() as session:
        return [(n.id, n.hash) for row in loan_rows_by_id(session) for n in row.notes]


# ----- writes ----------------------------------------------------------------------------------


def test_save_proposal_adds_a_draft_with_a_timestamped_history(ledger, space) -> None:
    hashes = note_hashes(ledger)
    saved = space.save_proposal(JB, reamortize())
    stored = next(p for p in ledger.loan(JB).proposals if p.id == "p9")
    assert stored.status == "draft"
    assert [h.status for h in stored.history] == ["draft"]
    assert stored.history[0].at.tzinfo is not None
    assert stored.params == {"months": 12, "annual_rate": Decimal("0.06")}
    assert stored.waive.penalty == Decimal("1")
    assert saved.history[0].status == "draft"
    assert note_hashes(ledger) == hashes  # the call notes (evidence) were not rewritten


def test_save_proposal_updates_fields_but_keeps_status_and_history(ledger, space) -> None:
    space.save_proposal(JB, reamortize())
    space.change_status(JB, "p9", "proposed", "agent 0231")
    changed = reamortize(months=18)
    changed.status = "draft"  # the form's copy may be stale: the stored status wins
    space.save_proposal(JB, changed)
    stored = next(p for p in ledger.loan(JB).proposals if p.id == "p9")
    assert stored.params["months"] == 18
    assert stored.status == "proposed"
    assert [(h.status, h.note) for h in stored.history] == [
        ("draft", ""),
        ("proposed", "agent 0231"),
    ]


def test_a_plan_that_cannot_be_worked_out_is_refused_naming_the_field(ledger, space) -> None:
    low = Proposal(
        "p9",
        "tiny",
        "reduced_installment",
        TODAY,
        {"amount": Decimal("10.00"), "annual_rate": Decimal("0.24")},
    )
    with pytest.raises(InputError, match=r"params\.amount: must be at least .* monthly interest"):
        space.save_proposal(JB, low)
    bad = reamortize()
    bad.params["months"] = 0
    with pytest.raises(InputError, match=r"^proposal\.params\.months: must be at least 1"):
        space.save_proposal(JB, bad)
    assert [p.id for p in ledger.loan(JB).proposals] == ["p1"]


def test_duplicate_and_delete(ledger, space) -> None:
    copy = space.duplicate_proposal(JB, "p1", "copy of p1")
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
    removed = space.delete_proposal(JB, "p1")
    assert removed.id == "p1"
    assert [p.id for p in ledger.loan(JB).proposals] == [copy.id]
    with pytest.raises(InputError, match="'p1' is not a proposal"):
        space.delete_proposal(JB, "p1")


def test_status_workflow_and_one_agreement_at_a_time(ledger, space) -> None:
    space.save_proposal(JB, reamortize("p9"))
    at = datetime(2026, 11, 28, 10, 15, tzinfo=CST)
    with pytest.raises(InputError, match=r"^status: a draft proposal cannot become countered"):
        space.change_status(JB, "p9", "countered", at=at)
    assert space.change_status(JB, "p9", "proposed", "to agent 0231", at=at) == []
    assert space.change_status(JB, "p9", "accepted", at=at) == []
    # p1 was proposed; accepting it supersedes p9, the agreement so far.
    assert space.change_status(JB, "p1", "accepted", at=at) == ["p9"]
    loan = ledger.loan(JB)
    by_id = {p.id: p for p in loan.proposals}
    assert by_id["p1"].status == "accepted"
    assert by_id["p9"].status == "withdrawn"
    assert by_id["p9"].history[-1].note == "superseded by 24 months, penalty waived"
    assert [h.status for h in by_id["p9"].history] == ["draft", "proposed", "accepted", "withdrawn"]
    assert by_id["p9"].history[1].at == at
    assert sum(1 for p in loan.proposals if p.status == "accepted") == 1


def test_an_accepted_proposal_becomes_the_plan_everywhere(ledger, space) -> None:
    space.save_proposal(JB, reamortize("p9", start=date(2026, 11, 20)))
    space.change_status(JB, "p9", "proposed")
    space.change_status(JB, "p9", "accepted")
    loan = ledger.loan(JB)
    summary = plans.summarize(loan, None, TODAY)
    assert summary.status == "agreement"
    plan = plans.work_out(loan, next(p for p in loan.proposals if p.id == "p9"))
    entries = ws.plan_entries(loan, TODAY)
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


def test_payments_and_claims_are_added_and_deleted_alone(ledger, space) -> None:
    hashes = note_hashes(ledger)
    before = ledger.loan(JB)
    index = space.add_payment(
        JB, Payment(date(2026, 11, 25), Decimal("500.00"), method="Alipay", reference="T-1")
    )
    loan = ledger.loan(JB)
    assert index == len(before.payments)
    assert loan.payments[index] == Payment(
        date(2026, 11, 25), Decimal("500.00"), "", "Alipay", "T-1"
    )
    assert loan.proposals == before.proposals
    assert loan.claims == before.claims
    with pytest.raises(InputError, match=r"^payment\.amount: must be more than zero"):
        space.add_payment(JB, Payment(TODAY, Decimal("0")))
    with pytest.raises(InputError, match=r"^payment\.amount: 1\.005 has more decimals"):
        space.add_payment(JB, Payment(TODAY, Decimal("1.005")))
    assert space.delete_payment(JB, index).amount == Decimal("500.00")
    assert ledger.loan(JB).payments == before.payments
    claim = space.add_claim(JB, Claim(TODAY, Decimal("9999.00"), "app"))
    assert ledger.loan(JB).claims[claim] == Claim(TODAY, Decimal("9999.00"), "app")
    space.delete_claim(JB, 0)
    assert [c.amount for c in ledger.loan(JB).claims] == [Decimal("9999.00")]
    with pytest.raises(InputError, match="there is no claim number 5"):
        space.delete_claim(JB, 4)
    assert note_hashes(ledger) == hashes


def test_monthly_budget(ledger, space) -> None:
    space.set_monthly_budget(Decimal("3000.00"))
    assert space.monthly_budget() == Decimal("3000.00")
    space.set_monthly_budget(None)
    assert space.monthly_budget() is None


# ----- reads -----------------------------------------------------------------------------------


def test_overview_of_the_worked_example(ledger) -> None:
    loan = ledger.loan(JB)
    data = ws.overview(loan, None, TODAY)
    assert data.owed is not None
    assert data.total == Decimal("9348.71")
    assert (data.owed.overdue + data.owed.due, data.owed.penalty, data.owed.late_fees) == (
        Decimal("6600.96"),
        Decimal("295.94"),
        Decimal("300.00"),
    )
    assert data.owed.not_yet_due == Decimal("2151.81")
    growth = finance.growth(plans.loan_terms(loan), plans.loan_payments(loan), TODAY)
    assert (data.per_day, data.per_month) == (growth.per_day, growth.per_month)
    assert data.claim is not None
    expected = finance.check_claim(
        plans.loan_terms(loan), plans.loan_payments(loan), date(2026, 11, 20), Decimal("9830.55")
    )
    assert data.claim == expected
    assert data.claim.difference == Decimal("9830.55") - expected.ours
    assert data.claim_source == "SMS"


def test_claim_lines_are_newest_first_with_our_figure(ledger, space) -> None:
    space.add_claim(JB, Claim(date(2026, 11, 27), Decimal("9400.00"), "call"))
    lines = ws.claim_lines(ledger.loan(JB))
    assert [line.claim.date for line in lines] == [date(2026, 11, 27), date(2026, 11, 20)]
    owed = finance.owed_on(
        plans.loan_terms(ledger.loan(JB)), plans.loan_payments(ledger.loan(JB)), date(2026, 11, 27)
    )
    assert lines[0].check.ours == owed.total
    assert lines[0].check.difference == Decimal("9400.00") - owed.total


def test_a_missed_agreed_installment_is_the_loudest_warning(ledger, space) -> None:
    space.save_proposal(JB, reamortize("p9", start=date(2026, 11, 20)))
    space.change_status(JB, "p9", "proposed")
    space.change_status(JB, "p9", "accepted")
    loan = ledger.loan(JB)
    first_due = date(2026, 12, 20)
    soon = ws.payment_warnings(
        ws.plan_entries(loan, first_due - timedelta(days=3)), first_due - timedelta(days=3)
    )
    assert [(w.kind, w.due, w.days) for w in soon] == [("soon", first_due, 3)]
    assert (
        ws.payment_warnings(
            ws.plan_entries(loan, first_due - timedelta(days=4)), first_due - timedelta(days=4)
        )
        == []
    )
    later = first_due + timedelta(days=2)
    missed = ws.payment_warnings(ws.plan_entries(loan, later), later)
    assert missed[0].kind == "missed"
    assert missed[0].due == first_due
    assert missed[0].days == 2
    assert plans.summarize(loan, None, later).status == "agreement_missed"


def test_chart_lines_follow_the_money_engine(ledger) -> None:
    loan = ledger.loan(JB)
    data = ws.loan_chart(loan, TODAY, Decimal("2000.00"))
    lines = {line.key: line for line in data.lines}
    assert lines["status_quo"].points[0] == (TODAY, Decimal("9348.71"))
    projection = finance.projection(
        plans.loan_terms(loan), plans.loan_payments(loan), TODAY, lines["status_quo"].points[-1][0]
    )
    assert [p for _, p in lines["status_quo"].points] == [o.total for o in projection]
    plan = plans.work_out(loan, loan.proposals[0])
    assert lines["p1"].kind == "proposal"
    assert lines["p1"].points[0] == (date(2026, 12, 15), plan.base.amount)
    assert lines["p1"].points[1:] == tuple((r.due, r.balance_after) for r in plan.installments)
    assert lines["original"].points[0] == (TODAY, Decimal("9348.71"))
    assert lines["original"].points[1] == (TODAY + timedelta(days=1), Decimal("2151.81"))
    assert lines["original"].points[-1][1] == Decimal("0.00")
    monthly = {bar.key: bar for bar in data.monthly}
    assert monthly["p1"].months[0] == (date(2027, 1, 1), plan.installments[0].payment)
    assert data.claims == ((date(2026, 11, 20), Decimal("9830.55"), "SMS"),)
    assert len(data.payments) == 4
    assert data.budget == Decimal("2000.00")


def test_comparison_takes_plans_being_edited(ledger) -> None:
    loan = ledger.loan(JB)
    editing = reamortize("p1", months=6)  # the form's unsaved version of p1
    plan = plans.work_out(loan, editing)
    result, order = ws.comparison(loan, TODAY, None, [(editing, plan)])
    assert [p.id for p in order] == ["p1"]
    assert result.proposals[0].total_paid == plan.total_paid
    assert result.proposals[0].largest_monthly == max(r.payment for r in plan.installments)


def test_dashboard_totals_and_the_next_thirty_days(ledger, space) -> None:
    loans = ledger.loans()
    board = ws.dashboard(loans, ledger.lenders(), TODAY, Decimal("3000.00"))
    summaries = ledger.summaries(TODAY)
    assert board.total_owed == sum((s.owed_today for s in summaries), Decimal(0))
    assert board.per_day == sum((s.growth_per_day for s in summaries), Decimal(0))
    assert board.chart.lines[0].points[0] == (TODAY, board.total_owed)
    assert all(
        u.status == "overdue" or TODAY <= u.due <= TODAY + timedelta(days=30)
        for u in board.upcoming
    )
    assert [u.due for u in board.upcoming] == sorted(u.due for u in board.upcoming)
    # Each loan's arrears are one line: its oldest due date, all of it, how many installments.
    late = {u.loan_id: u for u in board.upcoming if u.status == "overdue"}
    assert set(late) == {JB, "jt360-2025-11", "jt360-bullet-0901"}
    jb_late = [e for e in ws.plan_entries(ledger.loan(JB), TODAY) if e.status == "overdue"]
    assert (late[JB].due, late[JB].count) == (date(2026, 6, 15), 6)
    assert late[JB].remaining == sum((e.remaining for e in jb_late), Decimal(0))
    assert [(u.loan_id, u.due, u.remaining) for u in board.upcoming if u.status == "due"] == [
        (JB, date(2026, 12, 15), Decimal("1100.16"))
    ]
    assert len(board.chart.lines) == 1  # no agreement yet
    space.change_status(JB, "p1", "accepted")
    board = ws.dashboard(ledger.loans(), ledger.lenders(), TODAY, None)
    keys = [line.key for line in board.chart.lines]
    assert keys == ["status_quo", "agreements"]
    agreed = dict(board.chart.lines[1].points)
    quo = dict(board.chart.lines[0].points)
    plan = plans.work_out(ledger.loan(JB), ledger.loan(JB).proposals[0])
    day = date(2027, 1, 20)
    jb_quo = finance.owed_on(
        plans.loan_terms(ledger.loan(JB)), plans.loan_payments(ledger.loan(JB)), day
    )
    jb_agreed = plan.installments[0].balance_after
    assert agreed[day] == quo[day] - jb_quo.total + jb_agreed


def test_original_schedule_line_after_acceleration_never_goes_below_zero(ledger) -> None:
    # The 24-month loan accelerated after 90 days overdue: everything is due now, so keeping the
    # original schedule means paying it all today, and the line drops to zero, never below.
    loan = ledger.loan("jt360-2025-11")
    chart = ws.loan_chart(loan, TODAY, None)
    original = next(line for line in chart.lines if line.key == "original")
    owed = plans.standing(loan, TODAY).owed
    assert owed is not None
    assert owed.not_yet_due == Decimal("0.00")
    assert original.points[0] == (TODAY, owed.total)
    assert original.points[-1] == (TODAY + timedelta(days=1), Decimal("0.00"))
    assert min(amount for _, amount in original.points) == Decimal("0.00")
