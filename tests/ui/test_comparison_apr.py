"""The Proposals comparison's "True yearly cost (APR)" row: the loan's and each proposal's."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ashore import finance
from ashore.ui.proposals.models import ComparisonModel
from finance.helpers import worked_payments, worked_terms

D = Decimal


def test_apr_row(qtbot) -> None:
    terms, payments = worked_terms(), worked_payments()
    today = date(2026, 11, 28)
    plans = [
        finance.propose(
            terms,
            payments,
            finance.ProposalTerms(date(2026, 12, 15), finance.Reamortize(24, rate)),
        )
        for rate in (D("0"), D("0.06"))
    ]
    comparison = finance.compare(
        terms, payments, today, date(2029, 1, 1), [("p0", plans[0]), ("p6", plans[1])]
    )
    aprs = [None, finance.loan_cost(terms).apr, *(finance.proposal_cost(p).apr for p in plans)]
    model = ComparisonModel("CNY", "en")
    model.set_comparison(comparison, ["0 %", "6 %"], aprs)
    row = ComparisonModel.Column.APR
    assert model.text(row, 0) == "True yearly cost (APR)"
    assert [model.text(row, c) for c in range(1, 5)] == ["—", "18.00 %", "★ 0.00 %", "6.00 %"]
    assert model.is_best(row, 3)
    assert not model.is_best(row, 1)


def _walkers_loan(data_dir, tmp_path):
    """The walker's book's worked-example loan, read from a data dir built for the test."""
    from ashore.services import Ledger
    from reports.walk_book import JB, build

    ledger = Ledger.open(data_dir)
    try:
        build(ledger, tmp_path)
        return ledger.loan(JB)
    finally:
        ledger.close()


def test_the_walkers_comparison_after_the_agreement(qtbot, data_dir, tmp_path) -> None:
    """Issue 13 on the walker's book: the 70 % settlement pays back 6,544.10 of the 9,348.71 it
    starts from, so it has no yearly cost ("—", never a starred −497.73 %); the plan in force's
    total says what was paid and what is left, as the Overview does."""
    from ashore.services import plans as loan_plans
    from ashore.services.views import comparison as comparison_view
    from reports.walk_book import TODAY

    loan = _walkers_loan(data_dir, tmp_path)
    result, order = comparison_view.comparison(loan, TODAY, None)
    aprs = comparison_view.option_aprs(loan, order, [])
    by_id = dict(zip([p.id for p in order], aprs[2:], strict=True))
    assert by_id == {"p-24": D("0"), "p-400": D("0"), "p-70": None}
    settle = loan_plans.plan_in_force(loan, next(p for p in order if p.id == "p-70"))
    assert (settle.base.amount, settle.total_paid) == (D("9348.71"), D("6544.10"))
    current = comparison_view.in_force(loan, TODAY)
    assert current is not None
    figures = loan_plans.figures(loan, TODAY)
    assert (current.paid, current.left) == (D("400.00"), figures.left_to_pay_plan)
    model = ComparisonModel("CNY", "en")
    model.set_comparison(result, [p.name for p in order], aprs, current, order)
    row = ComparisonModel.Column.APR
    column = {p.id: i + 3 for i, p in enumerate(order)}
    assert model.text(row, column["p-70"]) == "—"
    assert not model.is_best(row, column["p-70"])
    assert "no yearly cost" in str(model.tooltip(row, column["p-70"]))
    total = model.text(ComparisonModel.Column.TOTAL, column["p-24"])
    assert total.endswith("8,752.77 (paid 400.00, left 8,352.77)")


def test_export_summary_and_the_comparison_give_one_apr(data_dir, tmp_path) -> None:
    """Walk 6's 5: ``export summary`` gave the 70 % settlement "apr": "-5.1159" where the
    Comparison shows "—"; both follow one rule (services.costs.plan_cost): null, "—"."""
    from ashore.services import costs
    from ashore.services.views import comparison as comparison_view
    from reports.walk_book import TODAY

    loan = _walkers_loan(data_dir, tmp_path)
    _result, order = comparison_view.comparison(loan, TODAY, None)
    aprs = comparison_view.option_aprs(loan, order, [])[2:]
    window = dict(zip([p.id for p in order], aprs, strict=True))
    summary = costs.summary_json([costs.loan_figures(loan, TODAY)], TODAY)
    written = {p["id"]: p["apr"] for p in summary["loans"][0]["proposals"]}
    assert written["p-70"] is None
    assert written == {key: costs.rate_text(apr) for key, apr in window.items()}
    assert written["p-24"] == "0.0000"


def _walkers_model(tmp_path, budget: Decimal | None) -> tuple[ComparisonModel, dict]:
    from ashore.app.paths import DataDir
    from ashore.services import Ledger
    from ashore.services.views import comparison as comparison_view
    from reports.walk_book import JB, TODAY, build

    folder = tmp_path / str(budget)
    ledger = Ledger.open(DataDir(folder / "data"))
    try:
        build(ledger, folder)
        loan = ledger.loan(JB)
    finally:
        ledger.close()
    result, order = comparison_view.comparison(loan, TODAY, budget)
    model = ComparisonModel("CNY", "en")
    model.set_comparison(
        result,
        [p.name for p in order],
        comparison_view.option_aprs(loan, order, []),
        comparison_view.in_force(loan, TODAY),
        order,
        due_now=comparison_view.due_now(loan, TODAY),
        has_budget=budget is not None,
    )
    return model, {p.id: i + 3 for i, p in enumerate(order)}


def test_the_original_schedules_largest_month_is_the_arrears_due_now(qtbot, tmp_path) -> None:
    """Issue 13: keeping to the original schedule means paying all that is overdue now (the
    worked example's 7,196.90: the 400.00 paid on the agreement's first day is counted in the
    agreement's column, as every column counts from its start), said so, not a "monthly
    payment"; without a budget no month is "over" it: "—", the row saying where one is set."""
    model, column = _walkers_model(tmp_path, None)
    largest = ComparisonModel.Column.LARGEST
    assert model.text(largest, 2) == "7,196.90 (overdue, due now)"
    assert "everything overdue now, 7,196.90" in str(model.tooltip(largest, 2))
    assert model.text(largest, column["p-400"]) == "400.00"  # a plan's month is a month
    over = ComparisonModel.Column.OVER
    # where the budget is set, not only that none is (sixth walk's 6)
    assert model.text(over, 0) == "Months over budget (set a budget in the Guide tab)"
    assert [model.text(over, c) for c in range(1, 6)] == ["—"] * 5
    assert not any(model.is_best(over, c) for c in range(1, 6))
    # with a budget of 500.00: the original's three months (the arrears now, December's
    # 1,100.16 and January's 1,100.19) and the 70 % settlement's one payment are over it
    model, column = _walkers_model(tmp_path, Decimal("500.00"))
    assert model.text(over, 0) == "Months over budget"
    assert model.text(over, 2) == "3"
    assert model.text(over, column["p-70"]) == "1"
    assert model.text(over, column["p-400"]) == "★ 0"  # the best of the row


def test_due_now_is_the_overviews_arrears_when_an_installment_shares_the_month(
    qtbot, sample
) -> None:
    """Seventh walk's 1: on Dec 2 the original schedule pays the arrears now and December's
    installment on Dec 15, one calendar month: its 8,310.26 is the month, and what it says is
    "overdue, due now" is the Overview's 6,600.96 + 309.14 + 300.00 = 7,210.10, never the
    Dec 15 installment (1,100.16) with it."""
    from ashore.domain.records import Payment
    from ashore.services import plans
    from ashore.services.payments import Payments
    from ashore.services.views import comparison as comparison_view

    today = date(2026, 12, 2)
    loan = sample.loan("jb-2026-01")
    fig = plans.figures(loan, today)
    overview = fig.overdue + fig.penalty + fig.late_fees
    assert overview == D("7210.10")
    assert comparison_view.due_now(loan, today) == overview
    result, order = comparison_view.comparison(loan, today, None)
    assert result.original.monthly[0] == ((2026, 12), overview + D("1100.16"))
    model = ComparisonModel("CNY", "en")
    model.set_comparison(
        result, [p.name for p in order], due_now=comparison_view.due_now(loan, today)
    )
    largest = ComparisonModel.Column.LARGEST
    assert model.text(largest, 2) == "8,310.26 (7,210.10 of it overdue, due now)"
    assert "everything overdue now, 7,210.10" in str(model.tooltip(largest, 2))
    # 1,000.00 paid today, no agreement: it paid the contract, the Overview's 6,210.10 is left
    Payments(sample).add_payment(loan.id, Payment(date=today, amount=D("1000.00")))
    loan = sample.loan(loan.id)
    fig = plans.figures(loan, today)
    assert fig.overdue + fig.penalty + fig.late_fees == D("6210.10")
    assert comparison_view.due_now(loan, today) == D("6210.10")
    result, order = comparison_view.comparison(loan, today, None)
    model.set_comparison(
        result, [p.name for p in order], due_now=comparison_view.due_now(loan, today)
    )
    # the month still pays 8,310.26 (today's 1,000.00 counted in it, as in every column)
    assert model.text(largest, 2) == "8,310.26 (6,210.10 of it overdue, due now)"


def test_long_names_head_their_columns_on_two_lines(qtbot) -> None:
    from ashore.ui.proposals.models import header_lines

    assert header_lines("24 months, penalty waived") == "24 months,\npenalty waived"
    assert header_lines("400 a month") == "400 a month"
    assert header_lines("Original schedule") == "Original\nschedule"
    assert header_lines("一次性结清七成方案") == "一次性结清七成方案"  # no space: whole
    long = header_lines("Settle once for the lowest sum the lender offered us")
    assert all(len(line) <= 20 for line in long.split("\n"))


APR_WHY = {
    "en": (
        "The yearly cost of these payments on their dates (IRR method). It can differ from the "
        "quoted rate: fees count, and a first period shorter or longer than a month still "
        "carries a full month's interest."
    ),
    "zh_CN": (
        "按各笔还款的实际日期算出的年化成本（IRR 法）。它可能与报价利率不同：费用计入在内；"
        "首期即使短于或长于一个月，也按整月计息。"
    ),
}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_apr_says_why_it_differs_from_the_quoted_rate(
    qtbot, qapp, sample, ctx, lang: str
) -> None:
    """The tester's "500 a month at 6 %" showed 6.38 %: its first payment, 13 days after the
    start, carries a full month's interest. The figure is right; where the APR shows (the
    comparison's row, the Overview's cost), its tooltip says what it is and why it may differ."""
    from PySide6.QtCore import QLocale

    from ashore.ui.app import install_translations
    from ashore.ui.loan.overview import OverviewTab

    before = QLocale()
    installed = install_translations(qapp, lang)
    try:
        terms, payments = worked_terms(), worked_payments()
        plan = finance.propose(
            terms,
            payments,
            finance.ProposalTerms(date(2026, 12, 15), finance.Reamortize(24, D("0.06"))),
        )
        comparison = finance.compare(
            terms, payments, date(2026, 11, 28), date(2029, 1, 1), [("p6", plan)]
        )
        aprs = [None, finance.loan_cost(terms).apr, finance.proposal_cost(plan).apr]
        model = ComparisonModel("CNY", "en")
        model.set_comparison(comparison, ["6 %"], aprs)
        row = ComparisonModel.Column.APR
        why = APR_WHY[lang]
        assert model.tooltip(row, 0) == why  # the row's name
        assert model.tooltip(row, 2) == why  # the loan's own
        assert str(model.tooltip(row, 3)).endswith(why)  # the proposal's (the best: said too)
        assert model.tooltip(row, 1) is None  # doing nothing has none: "—"

        overview = OverviewTab(sample, ctx, lang)
        qtbot.addWidget(overview)
        loan = sample.loan("jb-2026-01")
        overview.set_loan(loan, next(x for x in sample.lenders() if x.id == loan.lender))
        assert overview.cost_text.toolTip() == why
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)
