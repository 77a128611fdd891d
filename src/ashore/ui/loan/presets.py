"""The usual rules of common platforms, for the loan form to start from: the user picks one, then
adjusts what their own contract says. Each preset sets only rules, never the amount or dates."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class LoanPreset:
    """Rules to fill in: rate unit, method, term, interest rule, penalty; None leaves a field."""

    key: str
    rate_per: str
    method: str
    term_count: int
    term_unit: str = "month"
    interest: str = "monthly"
    rate: Decimal | None = None  # a fraction per ``rate_per``
    penalty_times_contract: Decimal | None = None
    penalty_rate_per_day: Decimal | None = None
    penalty_base: str = "overdue_amount"
    contract_interest_continues: bool = False
    monthly_fee_share: Decimal | None = None  # a fee per installment: this share of the principal


PRESETS: tuple[LoanPreset, ...] = (
    # Alipay Jiebei: a daily rate, interest "daily rate × 30" a month, penalty 1.5 × the contract
    # rate on the overdue principal, whose normal interest keeps running.
    LoanPreset(
        "jiebei",
        "day",
        "equal_principal",
        12,
        rate=Decimal("0.0004"),
        penalty_times_contract=Decimal("1.5"),
        penalty_base="overdue_principal",
        contract_interest_continues=True,
    ),
    # WeBank Weilidai: interest by actual days, otherwise as Jiebei.
    LoanPreset(
        "weilidai",
        "day",
        "equal_principal",
        5,
        interest="daily",
        rate=Decimal("0.0005"),
        penalty_times_contract=Decimal("1.5"),
        penalty_base="overdue_principal",
        contract_interest_continues=True,
    ),
    # A credit-card installment: no interest, a fee each month of 0.6 % of the amount.
    LoanPreset(
        "card",
        "month",
        "equal_principal",
        12,
        rate=Decimal("0"),
        penalty_rate_per_day=Decimal("0.0005"),
        monthly_fee_share=Decimal("0.006"),
    ),
    # A short bullet loan: everything back in one go after some days, interest by the day.
    LoanPreset(
        "bullet",
        "day",
        "bullet",
        14,
        term_unit="day",
        interest="daily",
        penalty_rate_per_day=Decimal("0.0005"),
    ),
)


def preset_label(key: str) -> str:
    """The name a user knows a preset by."""
    labels = {
        "jiebei": QCoreApplication.translate("LoanForm", "Alipay Jiebei (借呗)"),
        "weilidai": QCoreApplication.translate("LoanForm", "WeBank Weilidai (微粒贷)"),
        "card": QCoreApplication.translate("LoanForm", "Credit-card installment"),
        "bullet": QCoreApplication.translate("LoanForm", "Short loan paid back in one go"),
    }
    return labels.get(key, key)
