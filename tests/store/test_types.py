"""Money and rates go in and out of the database exactly, as text, never as floats."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from ashore.app.paths import DataDir
from ashore.domain.records import Payment
from ashore.services import Ledger
from ashore.store.types import DecimalText

from .books import lender, loan


def test_cents_sum_exactly_after_a_round_trip(data_dir: DataDir) -> None:
    ledger = Ledger.open(data_dir)
    try:
        ledger.save_lender(lender())
        payments = [Payment(date(2026, 3, 1), Decimal("0.01")) for _ in range(1000)]
        ledger.save_loan(replace(loan(), payments=payments, principal=Decimal("0.10")))
        back = ledger.loan("loan-1")
    finally:
        ledger.close()
    total = sum((p.amount for p in back.payments), Decimal(0))
    assert total == Decimal("10.00")
    assert str(total) == "10.00"
    assert back.principal == Decimal("0.10")
    assert str(back.principal) == "0.10"
    assert back.overdue.penalty_rate is not None
    assert str(back.overdue.penalty_rate.value) == "0.0005"


def test_amounts_are_text_columns(data_dir: DataDir) -> None:
    ledger = Ledger.open(data_dir)
    try:
        ledger.save_lender(lender())
        ledger.save_loan(loan())
    finally:
        ledger.close()
    con = sqlite3.connect(data_dir.database)
    rows = con.execute(
        "SELECT typeof(principal), principal, typeof(rate_value) FROM loans"
    ).fetchall()
    con.close()
    assert rows == [("text", "12000.00", "text")]


def test_a_float_is_refused() -> None:
    with pytest.raises(TypeError):
        DecimalText().process_bind_param(0.1, None)  # type: ignore[arg-type]
    assert DecimalText().process_bind_param(Decimal("1E-7"), None) == "0.0000001"
