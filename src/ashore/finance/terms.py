"""The plain values the money engine reads and writes: loan terms, payments, installments.

All amounts are ``decimal.Decimal`` in the loan's currency; rates are ``money.Rate`` as quoted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from ashore.app.errors import Fault
from ashore.domain.kinds import (
    ALLOCATION_PARTS,
    LOAN_METHODS,
    FeePer,
    InterestRule,
    LoanMethod,
    PenaltyBase,
    TermUnit,
)
from ashore.domain.money import ZERO, Rate, minor_unit
from ashore.domain.params import MAX_TERM_DAYS, MAX_TERM_MONTHS

__all__ = [
    "ALLOCATION_PARTS",
    "LOAN_METHODS",
    "Fee",
    "FinanceError",
    "Installment",
    "InterestRule",
    "LoanMethod",
    "LoanTerms",
    "OverdueRules",
    "Payment",
]


MAX_PENALTY_TIMES = Decimal("10")


def per_day(rate: Rate) -> tuple[Decimal, int]:
    """The daily rate as (numerator, divisor): multiply amounts by the numerator and divide last,
    so that a result that is exact in decimals (37.50 × 0.0016 / 12 = 0.005) stays exact and
    rounds the way a person rounds it, instead of losing the half cent to 0.000133… digits."""
    if rate.per == "day":
        return rate.value, 1
    if rate.per == "year":
        return rate.value, rate.day_count
    return rate.value * 12, rate.day_count


def per_month(rate: Rate) -> tuple[Decimal, int]:
    """The monthly rate i = annual / 12 as (numerator, divisor), as ``per_day``."""
    if rate.per == "month":
        return rate.value, 1
    return rate.annual(), 12


class FinanceError(Fault, ValueError):
    """Input the engine cannot compute with: a code, the parameter it is about (``field``) and
    the values its message names; the message starts with the parameter's name."""


@dataclass(frozen=True, slots=True)
class Fee:
    """A fee of the loan: ``amount`` with each installment (``per="installment"``), once,
    charged with the first installment (``per="once"``), or kept back from the money paid out
    (``per="upfront"``, 砍头息: the borrower receives principal − upfront fees, while the schedule
    stays the contract's; such a fee is in no installment)."""

    name: str
    amount: Decimal
    per: FeePer = "installment"

    def __post_init__(self) -> None:
        if self.per not in ("installment", "once", "upfront"):
            raise FinanceError.at(
                "fees.per", "fee.per_unknown", f"{self.per!r} is not installment, once or upfront"
            )
        if self.amount < 0:
            raise FinanceError.at("fees.amount", "amount.negative", "must not be negative")


@dataclass(frozen=True, slots=True)
class OverdueRules:
    """What lateness costs (DOMAIN.md "Conventions").

    ``penalty_rate``: penalty interest (usually quoted per day; ``Rate.daily()`` is used), or None.
    ``penalty_base``: the unpaid installment (``overdue_amount``: principal + interest + fees) or
    only its unpaid principal (``overdue_principal``). ``late_fee``: charged once per installment
    still unpaid when its grace has passed. ``grace_days``: days after the due date during which
    paying counts as on time. ``accelerates_after_days``: once the oldest unpaid installment is more
    than this many days past its due date, all remaining principal is due at once.
    ``charges_cap``: an optional legal ceiling on penalty plus late fee, as a yearly rate: for one
    installment, penalty + late fee as of a day never exceed round(installment amount × cap daily
    rate × days since due), the days stopping when the installment is fully paid (some laws cap
    the yearly cost of lateness). The late fee gives way first: the penalty up to the ceiling, then
    the late fee in what is left. For an accelerated installment the amount is its principal and
    the days count from the acceleration.
    ``penalty_times_contract``: when set (罚息 at 1.5 times: ``Decimal("1.5")``), the daily
    rate is the contract's daily rate × this multiple, and ``penalty_rate`` is ignored.
    ``contract_interest_continues``: the contract's own daily interest keeps running on the unpaid
    principal of each missed installment from its due date (accelerated: from the acceleration),
    round(unpaid principal × contract daily rate × days), on top of the penalty. It is charged,
    paid and waived as part of the penalty (the lender's app shows it among the overdue charges).
    """

    penalty_rate: Rate | None = None
    penalty_base: PenaltyBase = "overdue_amount"
    late_fee: Decimal = ZERO
    grace_days: int = 0
    accelerates_after_days: int | None = None
    charges_cap: Rate | None = None
    penalty_times_contract: Decimal | None = None
    contract_interest_continues: bool = False

    def __post_init__(self) -> None:
        if self.penalty_times_contract is not None and not (
            ZERO < self.penalty_times_contract <= MAX_PENALTY_TIMES
        ):
            raise FinanceError.at(
                "penalty_rate.times_contract",
                "penalty.times_out_of_range",
                f"must be more than 0 and at most {MAX_PENALTY_TIMES}",
            )
        if self.penalty_base not in ("overdue_amount", "overdue_principal"):
            raise FinanceError.at(
                "penalty_base",
                "penalty.base_unknown",
                f"{self.penalty_base!r} is not overdue_amount or overdue_principal",
            )
        if self.late_fee < 0:
            raise FinanceError.at("late_fee", "amount.negative", "must not be negative")
        if self.grace_days < 0:
            raise FinanceError.at("grace_days", "amount.negative", "must not be negative")
        if self.accelerates_after_days is not None and self.accelerates_after_days < 0:
            raise FinanceError.at(
                "accelerates_after_days", "amount.negative", "must not be negative"
            )


@dataclass(frozen=True, slots=True)
class LoanTerms:
    """One loan as agreed.

    ``term_count`` periods of ``term_unit``: months, or days for a ``bullet`` loan (which is due
    once, on ``first_due``, and was borrowed ``term_count`` days before it). ``allocation`` is the
    order in which a payment settles the parts of one installment. ``currency`` gives the minor
    unit every amount is rounded to (half-up).

    ``start``: the day the money was paid out; None means the default of DOMAIN.md (one month
    before ``first_due``; a bullet loan: ``term_count`` days, or months, before it), see
    ``start_date``. ``interest``: ``monthly`` (each period round(balance × i)) or ``daily``
    (按日计息: round(balance × daily rate × days of the period), see ``schedule``).
    ``prepayment_fee``: the share of the principal not yet due a lender charges to settle early.
    """

    principal: Decimal
    rate: Rate
    method: LoanMethod
    term_count: int
    first_due: date
    term_unit: TermUnit = "month"
    fees: tuple[Fee, ...] = ()
    overdue: OverdueRules = field(default_factory=OverdueRules)
    allocation: tuple[str, ...] = ALLOCATION_PARTS
    currency: str = "CNY"
    start: date | None = None
    interest: InterestRule = "monthly"
    prepayment_fee: Decimal = ZERO

    def __post_init__(self) -> None:
        self._check_conventions()
        if self.method not in LOAN_METHODS:
            raise FinanceError.at(
                "method",
                "choice.unknown",
                f"{self.method!r} is not one of {', '.join(LOAN_METHODS)}",
            )
        if self.principal <= 0:
            raise FinanceError.at("principal", "amount.not_positive", "must be more than zero")
        if self.principal != self.principal.quantize(minor_unit(self.currency)):
            raise FinanceError.at(
                "principal",
                "amount.fewer_decimals",
                f"{self.currency} amounts have fewer decimals",
                currency=self.currency,
            )
        if self.term_unit not in ("month", "day"):
            raise FinanceError.at(
                "term.unit", "term.unit_unknown", f"{self.term_unit!r} is not month or day"
            )
        if self.term_unit == "day" and self.method != "bullet":
            raise FinanceError.at(
                "term.unit",
                "term.days_only_bullet",
                "only a bullet loan can run for a number of days",
            )
        limit = MAX_TERM_DAYS if self.term_unit == "day" else MAX_TERM_MONTHS
        if not 1 <= self.term_count <= limit:
            raise FinanceError.at(
                "term.count", "number.out_of_range", f"must be a whole number from 1 to {limit}"
            )
        if sorted(self.allocation) != sorted(ALLOCATION_PARTS):
            raise FinanceError.at(
                "allocation",
                "allocation.not_each_once",
                "must name each of fees, penalty, interest, principal once",
            )
        if self.upfront_fees() >= self.principal:
            raise FinanceError.at(
                "fees",
                "fees.upfront_leave_nothing",
                "the upfront fees must leave some money paid out",
            )

    def _check_conventions(self) -> None:
        if self.interest not in ("monthly", "daily"):
            raise FinanceError.at(
                "interest", "interest.rule_unknown", f"{self.interest!r} is not monthly or daily"
            )
        if not ZERO <= self.prepayment_fee <= 1:
            raise FinanceError.at(
                "prepayment_fee", "share.not_share", "must be a share between 0 and 1"
            )
        if self.start is not None and self.start >= self.first_due:
            raise FinanceError.at(
                "start", "start.not_before_first_due", "must be before the first due date"
            )

    def start_date(self) -> date:
        """The day the money was paid out: ``start``, or one month before ``first_due`` (a bullet
        loan: its term before it, in days or months)."""
        if self.start is not None:
            return self.start
        if self.method == "bullet":
            if self.term_unit == "day":
                return self.first_due - timedelta(days=self.term_count)
            months = self.term_count
        else:
            months = 1
        earlier: date = self.first_due - relativedelta(months=months)
        return earlier

    def upfront_fees(self) -> Decimal:
        """The fees kept back from the money paid out (``per="upfront"``)."""
        return sum((f.amount for f in self.fees if f.per == "upfront"), ZERO)

    def received(self) -> Decimal:
        """The money the borrower actually received: principal − upfront fees (Chinese law, Civil
        Code art. 670, counts the loan as this amount)."""
        return self.principal - self.upfront_fees()


@dataclass(frozen=True, slots=True)
class Payment:
    """Money the borrower paid on ``date`` (more than zero)."""

    date: date
    amount: Decimal

    def __post_init__(self) -> None:
        if self.amount <= 0:
            raise FinanceError.at("payment.amount", "amount.not_positive", "must be more than zero")


@dataclass(frozen=True, slots=True)
class Installment:
    """One row of a repayment table; every amount is rounded to the minor unit.

    ``payment`` = ``principal`` + ``interest`` + ``fees`` exactly; ``balance_after`` is the
    principal still owed once this row is paid.
    """

    number: int
    due: date
    principal: Decimal
    interest: Decimal
    fees: Decimal
    payment: Decimal
    balance_after: Decimal
