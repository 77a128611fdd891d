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
