"""The hardship letter cites the lines a loan's true yearly cost crosses, and only those."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ashore import finance
from ashore.reports.letter import cost_sentence
from finance.test_cost import TABLE

D = Decimal
START = date(2026, 1, 15)


def test_above_36_and_4_lpr() -> None:
    lines = finance.rate_lines(D("0.3880"), START, TABLE)
    assert cost_sentence(lines) == (
        "By the IRR method, fees included, the yearly cost of this loan is 38.80 %, above the "
        "36 % line, beyond which interest has never been protected and above 12.00 %, four times "
        "the one-year LPR when the loan began, the most that courts uphold."
    )
    assert cost_sentence(lines, "zh_CN") == (
        "按 IRR 方法并计入各项费用，这笔借款的年化成本为 38.80 %，超过了 36 % 这条从未受法律保护的"
        "利率红线，也超过了借款时一年期 LPR 四倍（12.00 %）这一法院支持的上限。"
    )


def test_only_the_lines_crossed_are_cited() -> None:
    only_lpr = cost_sentence(finance.rate_lines(D("0.1800"), START, TABLE))
    assert "18.00 %" in only_lpr
    assert "12.00 %" in only_lpr
    assert "36 %" not in only_lpr
    assert "24 %" not in only_lpr
    over_24 = cost_sentence(finance.rate_lines(D("0.3000"), START, TABLE))
    assert "above the 24 %" in over_24
    assert "36 %" not in over_24
    assert cost_sentence(finance.rate_lines(D("0.1000"), START, TABLE)) == ""
    assert cost_sentence(None) == ""
