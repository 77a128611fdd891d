"""The usual rules of common platforms, for the loan form to start from: the user picks one, then
adjusts what their own contract says. Each preset sets only rules, never the amount or dates."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from ashore.domain.records import Loan


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
        CUSTOM: QCoreApplication.translate("LoanForm", "Custom rules (none of these)"),
    }
    return labels.get(key, key)


# The picker's entry for a loan whose rules match none of the presets (edited after one, or
# entered by hand): "custom", never the prompt a new loan starts from.
CUSTOM = "custom"


def matching_preset(loan: Loan) -> str:
    """The key of the preset whose rules ``loan`` still follows, else ``CUSTOM``.

    The rules are what a preset sets and a contract does not change: the rate's unit, the
    method, the term's unit, the interest rule and the penalty (its multiple or daily rate, its
    base, whether contract interest continues), and a fee each month when the preset adds one.
    The rate's value and the number of terms are the contract's own, so they may differ."""
    rules = loan.overdue
    daily_penalty = rules.penalty_rate.daily() if rules.penalty_rate is not None else None
    for preset in PRESETS:
        if (
            loan.rate.per == preset.rate_per
            and loan.method == preset.method
            and (loan.method != "bullet" or loan.term_unit == preset.term_unit)
            and loan.interest == preset.interest
            and rules.penalty_times_contract == preset.penalty_times_contract
            and (
                rules.penalty_times_contract is not None
                or daily_penalty == preset.penalty_rate_per_day
            )
            and rules.penalty_base == preset.penalty_base
            and rules.contract_interest_continues == preset.contract_interest_continues
            and (preset.monthly_fee_share is None or bool(loan.fees))
        ):
            return preset.key
    return CUSTOM
