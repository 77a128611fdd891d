"""One "owed today" on every screen (DOMAIN.md "A plan in force is a contract"): the sidebar,
the "All loans" row, the dashboard (its figure and its chart at today) and each loan's overview
show the same figure, for the sample and the worked example, under the contract and under an
agreement."""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from ashore.app.context import Context
from ashore.commands.costs import run_export_summary
from ashore.domain.money import format_amount
from ashore.domain.records import Proposal, Waive
from ashore.services import Ledger, plans
from ashore.services.proposals import Proposals
from ashore.ui.loan.sidebar import SidebarColumn

JB = "jb-2026-01"  # the worked example, owing 9,348.71 on 2026-11-28
CST = timezone(timedelta(hours=8))


def accept_24_months(ledger: Ledger, ctx: Context) -> None:
    space = Proposals(ledger)
    space.save_proposal(
        JB,
        Proposal(
            "p24",
            "24 months, penalty waived",
            "reamortize",
            ctx.today,
            {"months": 24, "annual_rate": Decimal("0.18")},
            waive=Waive(penalty=Decimal(1)),
        ),
    )
    space.change_status(JB, "p24", "accepted", at=datetime(2026, 11, 28, 9, tzinfo=CST))


def shown_everywhere(window, ledger: Ledger, ctx: Context) -> dict[str, Decimal]:
    """Each loan's owed today as every place shows it, checked to agree; returns them."""
    figures = {loan.id: plans.figures(loan, ctx.today).owed_today for loan in ledger.loans()}
    total = sum(figures.values(), Decimal(0))
    window.show_dashboard()
    board = window.dashboard
    assert board.total.text() == f"{format_amount(total, 'CNY')} CNY"
    assert window.all_loans.total.text() == f"{format_amount(total, 'CNY')} CNY"
    assert board.data is not None
    lines = {line.key: line for line in board.data.chart.lines}
    key = "agreements" if "agreements" in lines else "status_quo"
    assert lines[key].points[0] == (ctx.today, total)
    for loan_id, owed in figures.items():
        index = window.model.loan_index(loan_id)
        assert index.siblingAtColumn(SidebarColumn.OWED).data() == format_amount(owed, "CNY")
        window.open_loan(loan_id)
        assert window.overview_tab.owed_value.text() == f"{format_amount(owed, 'CNY')} CNY"
        chart = window.overview_tab.chart_data
        assert chart is not None
        agreement = [line for line in chart.lines if line.kind == "agreement"]
        drawn = agreement[0] if agreement else next(x for x in chart.lines if x.key == "original")
        assert drawn.points[0] == (ctx.today, owed)
        assert drawn.points[-1][1] == 0 or not agreement  # a plan kept to its end owes nothing
    # and `ashore export summary` writes the same figures
    out = ctx.data.root.parent / "summary.json"
    args = argparse.Namespace(loans=[], out=out)
    assert run_export_summary(args, ctx) == 0
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert {s["id"]: Decimal(s["owed_today"]) for s in summary["loans"]} == figures
    for line in summary["loans"]:
        fig = plans.figures(ledger.loan(line["id"]), ctx.today)
        assert line["plan"] == fig.plan
        assert Decimal(line["payoff_today"]) == fig.payoff_today
        assert Decimal(line["left_to_pay_plan"]) == fig.left_to_pay_plan
    return figures


def test_the_sample_under_its_contracts(qtbot, sample, ctx, make_window) -> None:
    window = make_window(sample)
    shown = shown_everywhere(window, sample, ctx)
    assert shown[JB] == Decimal("9348.71")  # DOMAIN.md worked example


def test_the_sample_with_an_agreement(qtbot, sample, ctx, make_window) -> None:
    accept_24_months(sample, ctx)
    window = make_window(sample)
    shown = shown_everywhere(window, sample, ctx)
    # under the agreement: what it starts from (9,348.71 less the 295.94 penalty waived), no
    # future interest; what the contract says stays beside it, labelled
    assert shown[JB] == Decimal("9052.77")
    fig = plans.figures(sample.loan(JB), ctx.today)
    assert fig.plan == "agreement:p24"
    assert fig.if_agreement_fails == Decimal("9348.71")
    assert fig.left_to_pay_plan > fig.owed_today
    window.open_loan(JB)
    tab = window.overview_tab
    assert tab.parts["if_fails"].value.text() == "9,348.71"
    assert tab.parts["left_to_pay"].value.text() == format_amount(fig.left_to_pay_plan, "CNY")
    assert tab.parts["payoff"].value.text() == format_amount(fig.payoff_today, "CNY")


def test_the_settle_today_figure_of_the_worked_example(sample, ctx) -> None:
    # DOMAIN.md "payoff": 9,348.71 + round(2,151.81 × 0.015 × 13 / 30) = 9,362.70
    assert plans.figures(sample.loan(JB), ctx.today).payoff_today == Decimal("9362.70")
