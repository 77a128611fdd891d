"""The Overview's true-yearly-cost card: APR beside the quoted rate, settling today, the lines."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from ashore.app.context import Context
from ashore.app.paths import DataDir
from ashore.exchange import read_book
from ashore.services import Ledger
from ashore.ui.loan.overview import OverviewTab
from cli.test_summary_cli import WORKED, _book


def test_cost_card_of_the_worked_example(qtbot: QtBot, data_dir: DataDir, tmp_path: Path) -> None:
    upfront = dict(
        WORKED, id="kept", fees=[{"name": "kept", "amount": "1000.00", "per": "upfront"}]
    )
    source = tmp_path / "book.json"
    source.write_text(json.dumps(_book(WORKED, upfront), ensure_ascii=False), encoding="utf-8")
    ledger = Ledger.open(data_dir)
    try:
        ledger.import_book(read_book(source))
        tab = OverviewTab(ledger, Context(data_dir, date(2026, 11, 28)), "en")
        qtbot.addWidget(tab)
        loans = {loan.id: loan for loan in ledger.loans()}
        tab.set_loan(loans["jb-2026-01"], None)
        text = tab.cost_text.text()
        assert "<b>18.00 %</b> a year by the IRR method" in text
        assert "quoted: 18 % a year" in text
        assert "To settle in full today: <b>9,362.70</b>" in text
        assert "Above 12.00 %, four times the LPR" in text
        assert "Above 24 %" not in text
        # On the whole overdue amount (issue 13): (295.94 + 300.00) / (1,100.16 × 538 days) × 365.
        assert "Being late costs 36.75 % a year on the whole overdue amount" in text
        assert "145.85" not in text
        tab.set_loan(loans["kept"], None)
        text = tab.cost_text.text()
        assert "1,000.00 was kept back when the money was paid out: you received 11,000.00" in text
        # 11,000 received against twelve payments of 1,100.16: above 24 %, not above 36 %.
        assert "<b>35.10 %</b>" in text
        assert "Above 24 %" in text
        assert "Above 36 %" not in text
    finally:
        ledger.close()


def test_a_settlement_at_a_discount_has_no_yearly_cost_on_the_overview(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Issue 13, one rule on every screen (services.views.comparison.plan_apr): the walker's 70 %
    settlement pays back 6,544.10 of the 9,348.71 it starts from, so, as agreed, the Overview
    states no yearly cost for it (its IRR is negative), as the comparison shows "—"."""
    from decimal import Decimal

    from ashore import finance
    from ashore.services import plans
    from reports.walk_book import JB, TODAY, build

    data = DataDir(tmp_path / "data")
    ledger = Ledger.open(data)
    try:
        build(ledger, tmp_path)
        loan = ledger.loan(JB)
        tab = OverviewTab(ledger, Context(data, TODAY), "en")
        qtbot.addWidget(tab)
        record = next(p for p in loan.proposals if p.id == "p-70")
        plan = plans.plan_in_force(loan, record)
        assert finance.proposal_cost(plan).apr < 0  # what the screen must not show
        text = tab._agreement_cost(loan, (record, plan), Decimal("9362.70"))
        assert "a year by the IRR method" not in text
        assert "%" not in text
        assert "To settle in full today: <b>9,362.70</b>" in text
        accepted = next(p for p in loan.proposals if p.id == "p-24")
        text = tab._agreement_cost(
            loan, (accepted, plans.plan_in_force(loan, accepted)), Decimal(0)
        )
        assert "<b>0.00 %</b> a year by the IRR method" in text
    finally:
        ledger.close()
