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
