"""services.views: the figures the overview, payments, chart, comparison and dashboard screens show,
from the money engine through services.plans."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

from ashore import finance
from ashore.domain.records import Claim
from ashore.services import plans
from ashore.services.views import chart as chart_view
from ashore.services.views import comparison as comparison_view
from ashore.services.views import dashboard as dashboard_view
from ashore.services.views import overview as overview_view
from ashore.services.views import payments as payments_view

from .workspace_book import JB, TODAY, reamortize


def test_overview_of_the_worked_example(ledger) -> None:
    loan = ledger.loan(JB)
    data = overview_view.overview(loan, None, TODAY)
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


def test_claim_lines_are_newest_first_with_our_figure(ledger, payments) -> None:
    payments.add_claim(JB, Claim(date(2026, 11, 27), Decimal("9400.00"), "call"))
    lines = payments_view.claim_lines(ledger.loan(JB))
    assert [line.claim.date for line in lines] == [date(2026, 11, 27), date(2026, 11, 20)]
    owed = finance.owed_on(
        plans.loan_terms(ledger.loan(JB)), plans.loan_payments(ledger.loan(JB)), date(2026, 11, 27)
    )
    assert lines[0].check.ours == owed.total
    assert lines[0].check.difference == Decimal("9400.00") - owed.total


def test_a_claims_comparison_is_a_record_of_the_moment_it_was_recorded(
    ledger, payments, tmp_path
) -> None:
    """Walk 6's 14/61: a claim recorded on a day, then a payment dated that same day: the claim
    still reads against what we computed when it was recorded, on Payments and the Overview."""
    from ashore.app.paths import DataDir
    from ashore.domain.records import Payment
    from ashore.services import Ledger

    before = ledger.loan(JB)
    ours = finance.owed_on(plans.loan_terms(before), plans.loan_payments(before), TODAY).total
    assert ours == Decimal("9348.71")  # DOMAIN.md's worked example on 2026-11-28
    payments.add_claim(JB, Claim(TODAY, Decimal("9850.00"), "app"))
    payments.add_payment(JB, Payment(TODAY, Decimal("500.00")))
    loan = ledger.loan(JB)
    # what the payments give now: less (the payment counts on its day)
    now = finance.owed_on(plans.loan_terms(loan), plans.loan_payments(loan), TODAY).total
    assert now < ours
    [line] = [x for x in payments_view.claim_lines(loan) if x.claim.date == TODAY]
    assert (line.check.ours, line.check.difference) == (ours, Decimal("501.29"))
    overview = overview_view.overview(loan, None, TODAY)
    assert overview.claim == line.check
    # kept through the exchange file ("ours", a decimal string) and back into a new data dir
    out = tmp_path / "out.json"
    ledger.export_json(out)
    claims = json.loads(out.read_text(encoding="utf-8"))["loans"][0]["claims"]
    assert claims[-1]["ours"] == "9348.71"
    assert "ours" not in claims[0]  # the sample's claim, imported without it: computed now
    again = Ledger.open(DataDir(tmp_path / "again"))
    try:
        again.import_json(out)
        back = again.loan(JB)
        assert plans.claim_check(back, back.claims[-1]) == line.check
    finally:
        again.close()


def test_a_missed_agreed_installment_is_the_loudest_warning(ledger, proposals) -> None:
    proposals.save_proposal(JB, reamortize("p9", start=date(2026, 11, 20)))
    proposals.change_status(JB, "p9", "proposed")
    proposals.change_status(JB, "p9", "accepted")
    loan = ledger.loan(JB)
    first_due = date(2026, 12, 20)
    soon = payments_view.payment_warnings(
        payments_view.plan_entries(loan, first_due - timedelta(days=3)),
        first_due - timedelta(days=3),
    )
    assert [(w.kind, w.due, w.days) for w in soon] == [("soon", first_due, 3)]
    assert (
        payments_view.payment_warnings(
            payments_view.plan_entries(loan, first_due - timedelta(days=4)),
            first_due - timedelta(days=4),
        )
        == []
    )
    later = first_due + timedelta(days=2)
    missed = payments_view.payment_warnings(payments_view.plan_entries(loan, later), later)
    assert missed[0].kind == "missed"
    assert missed[0].due == first_due
    assert missed[0].days == 2
    assert plans.summarize(loan, None, later).status == "agreement_missed"


def test_chart_lines_follow_the_money_engine(ledger) -> None:
    loan = ledger.loan(JB)
    data = chart_view.loan_chart(loan, TODAY, Decimal("2000.00"))
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
    result, order = comparison_view.comparison(loan, TODAY, None, [(editing, plan)])
    assert [p.id for p in order] == ["p1"]
    assert result.proposals[0].total_paid == plan.total_paid
    assert result.proposals[0].largest_monthly == max(r.payment for r in plan.installments)


def test_dashboard_totals_and_the_next_thirty_days(ledger, proposals) -> None:
    loans = ledger.loans()
    board = dashboard_view.dashboard(loans, ledger.lenders(), TODAY, Decimal("3000.00"))
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
    jb_late = [
        e for e in payments_view.plan_entries(ledger.loan(JB), TODAY) if e.status == "overdue"
    ]
    assert (late[JB].due, late[JB].count) == (date(2026, 6, 15), 6)
    assert late[JB].remaining == sum((e.remaining for e in jb_late), Decimal(0))
    assert [(u.loan_id, u.due, u.remaining) for u in board.upcoming if u.status == "due"] == [
        (JB, date(2026, 12, 15), Decimal("1100.16"))
    ]
    assert len(board.chart.lines) == 1  # no agreement yet
    proposals.change_status(JB, "p1", "accepted")
    board = dashboard_view.dashboard(ledger.loans(), ledger.lenders(), TODAY, None)
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
    chart = chart_view.loan_chart(loan, TODAY, None)
    original = next(line for line in chart.lines if line.key == "original")
    owed = plans.standing(loan, TODAY).owed
    assert owed is not None
    assert owed.not_yet_due == Decimal("0.00")
    assert original.points[0] == (TODAY, owed.total)
    assert original.points[-1] == (TODAY + timedelta(days=1), Decimal("0.00"))
    assert min(amount for _, amount in original.points) == Decimal("0.00")
