"""The Proposals comparison's "True yearly cost (APR)" row: the loan's and each proposal's."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

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


def test_the_walkers_comparison_after_the_agreement(qtbot, data_dir, tmp_path) -> None:
    """Issue 13 on the walker's book: the 70 % settlement pays back 6,544.10 of the 9,348.71 it
    starts from, so it has no yearly cost ("—", never a starred −497.73 %); the plan in force's
    total says what was paid and what is left, as the Overview does."""
    from ashore.services import Ledger
    from ashore.services import plans as loan_plans
    from ashore.services.views import comparison as comparison_view
    from reports.walk_book import JB, TODAY, build

    ledger = Ledger.open(data_dir)
    try:
        build(ledger, tmp_path)
        loan = ledger.loan(JB)
    finally:
        ledger.close()
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
