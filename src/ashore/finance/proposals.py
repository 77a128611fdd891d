"""Negotiated repayment plans: what a proposal starts from, and its installment table.

A proposal starts from what is owed on its start date if nothing more is paid, less its waivers
(each share × that part, rounded half-up). Installments are monthly from ``first_due`` (default:
one month after the start); each period's interest is round(balance × annual_rate / 12).

Over 500 lines on purpose: the six methods share what a plan starts from, the annuity rows and
the checks of their parameters; split apart, each would need the others' private helpers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from dateutil.relativedelta import relativedelta

from ashore.domain.money import ZERO, minor_unit, round_money
from ashore.domain.params import (
    MAX_TERM_MONTHS,
    PROPOSAL_METHODS,
    SCHEMAS,
    InterestDuring,
    ParamField,
)

from .schedule import annuity_rows
from .state import Owed, owed_on
from .terms import FinanceError, Installment, LoanTerms, Payment

__all__ = [
    "PROPOSAL_METHODS",
    "Custom",
    "Deferral",
    "FeeWaiver",
    "LumpSum",
    "Plan",
    "ProposalBase",
    "ProposalPlan",
    "ProposalTerms",
    "Reamortize",
    "ReducedInstallment",
    "Waivers",
    "agreed_plan",
    "plan_from_params",
    "plan_proposal",
    "proposal_base",
    "propose",
]

MAX_MONTHS = MAX_TERM_MONTHS
_MAX_RATE = Decimal("100")  # a yearly rate above 10,000 % is a typing slip


def _share(value: Decimal, name: str) -> None:
    if not ZERO <= value <= 1:
        raise FinanceError.at(f"{name}", "share.not_share", "must be a share between 0 and 1")


def _months(value: int, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_MONTHS:
        raise FinanceError.at(
            f"{name}",
            "months.out_of_range",
            f"must be a whole number of months from 1 to {MAX_MONTHS}",
            maximum=MAX_MONTHS,
        )


def _rate(value: Decimal, name: str = "annual_rate") -> None:
    if not ZERO <= value <= _MAX_RATE:
        raise FinanceError.at(
            f"{name}", "rate.out_of_range", "must be a yearly rate from 0 (a fraction, 0.18 = 18 %)"
        )


@dataclass(frozen=True, slots=True)
class Waivers:
    """Shares (0–1) forgiven of the penalty, the late fees and the unpaid interest owed."""

    penalty: Decimal = ZERO
    late_fees: Decimal = ZERO
    interest: Decimal = ZERO

    def __post_init__(self) -> None:
        _share(self.penalty, "waive.penalty")
        _share(self.late_fees, "waive.late_fees")
        _share(self.interest, "waive.interest")


@dataclass(frozen=True, slots=True)
class Reamortize:
    """Spread what is owed over ``months`` equal installments at ``annual_rate`` (a fraction)."""

    months: int
    annual_rate: Decimal = ZERO
    first_due: date | None = None

    def __post_init__(self) -> None:
        _months(self.months, "months")
        _rate(self.annual_rate)


@dataclass(frozen=True, slots=True)
class ReducedInstallment:
    """Pay ``amount`` a month at ``annual_rate`` until it is paid; the last payment is smaller."""

    amount: Decimal
    annual_rate: Decimal = ZERO
    first_due: date | None = None

    def __post_init__(self) -> None:
        if self.amount <= 0:
            raise FinanceError.at("amount", "amount.not_positive", "must be more than zero")
        _rate(self.annual_rate)


@dataclass(frozen=True, slots=True)
class FeeWaiver:
    """Pay what is owed (less the waivers) in one payment by ``pay_by``."""

    pay_by: date


@dataclass(frozen=True, slots=True)
class LumpSum:
    """Settle with one payment by ``pay_by``: ``amount``, or what is owed less a ``discount``."""

    pay_by: date
    amount: Decimal | None = None
    discount: Decimal | None = None

    def __post_init__(self) -> None:
        if (self.amount is None) == (self.discount is None):
            raise FinanceError.at(
                "amount",
                "lump_sum.amount_or_discount",
                "give either an amount or a discount, not both",
            )
        if self.amount is not None and self.amount <= 0:
            raise FinanceError.at("amount", "amount.not_positive", "must be more than zero")
        if self.discount is not None and not ZERO <= self.discount < 1:
            raise FinanceError.at(
                "discount",
                "discount.out_of_range",
                "must be a share from 0 up to (not including) 1",
            )


@dataclass(frozen=True, slots=True)
class Deferral:
    """``holiday_months`` without payments, then ``months_after`` equal installments.

    During the holiday interest either accrues (each month round(balance × annual_rate / 12) is
    added to the balance) or is frozen. The first installment falls ``holiday_months`` months after
    ``first_due`` (default: one month after the start).
    """

    holiday_months: int
    months_after: int
    interest_during: Literal["accrue", "freeze"] = "freeze"
    annual_rate: Decimal = ZERO
    first_due: date | None = None

    def __post_init__(self) -> None:
        _months(self.holiday_months, "holiday_months")
        _months(self.months_after, "months_after")
        if self.interest_during not in ("accrue", "freeze"):
            raise FinanceError.at(
                "interest_during", "choice.not_one_of", "must be accrue or freeze"
            )
        _rate(self.annual_rate)


@dataclass(frozen=True, slots=True)
class Custom:
    """The dated amounts a lender offered, as they are."""

    installments: tuple[tuple[date, Decimal], ...]

    def __post_init__(self) -> None:
        if not self.installments:
            raise FinanceError.at(
                "installments", "installments.none_given", "at least one is needed"
            )
        for k, (_due, amount) in enumerate(self.installments):
            if amount <= 0:
                raise FinanceError.at(
                    f"installments[{k}].amount", "amount.not_positive", "must be more than zero"
                )


Plan = Reamortize | ReducedInstallment | FeeWaiver | LumpSum | Deferral | Custom


@dataclass(frozen=True, slots=True)
class ProposalTerms:
    """A proposal for one loan: the day it takes effect, its plan, and its waivers."""

    start: date
    plan: Plan
    waive: Waivers = field(default_factory=Waivers)

    @property
    def method(self) -> str:
        """The method name of INTERFACES.md ("reamortize", "lump_sum", ...)."""
        return _METHOD_NAMES[type(self.plan)]


_METHOD_NAMES: dict[type, str] = {
    Reamortize: "reamortize",
    ReducedInstallment: "reduced_installment",
    FeeWaiver: "fee_waiver",
    LumpSum: "lump_sum",
    Deferral: "deferral",
    Custom: "custom",
}


@dataclass(frozen=True, slots=True)
class ProposalBase:
    """What a proposal starts from: the owed breakdown on its start day and what is waived.

    ``amount`` = ``owed.total`` − ``waived_total``.
    """

    owed: Owed
    waived_penalty: Decimal
    waived_late_fees: Decimal
    waived_interest: Decimal
    amount: Decimal

    @property
    def waived_total(self) -> Decimal:
        """All that the waivers forgive."""
        return self.waived_penalty + self.waived_late_fees + self.waived_interest


@dataclass(frozen=True, slots=True)
class ProposalPlan:
    """A proposal worked out: its base, its installments and its totals.

    ``installments`` have fees 0; their principal parts repay the base amount (plus, for a
    deferral with accruing interest, ``capitalized_interest``). ``forgiven``: what of the base a
    lump sum or custom plan leaves unpaid. ``total_interest``: interest parts +
    capitalized_interest. Always total_paid = base.amount − forgiven + total_interest.
    """

    method: str
    start: date
    base: ProposalBase
    installments: tuple[Installment, ...]
    total_paid: Decimal
    total_interest: Decimal
    capitalized_interest: Decimal
    forgiven: Decimal
    end_date: date


def proposal_base(owed: Owed, waive: Waivers, currency: str = "CNY") -> ProposalBase:
    """The starting amount: ``owed`` less each waived share of its part, rounded half-up."""
    pen = round_money(owed.penalty * waive.penalty, currency)
    late = round_money(owed.late_fees * waive.late_fees, currency)
    interest = round_money(owed.interest * waive.interest, currency)
    return ProposalBase(owed, pen, late, interest, owed.total - pen - late - interest)


def propose(
    terms: LoanTerms,
    payments: Iterable[Payment],
    proposal: ProposalTerms,
    rows: Sequence[Installment] | None = None,
) -> ProposalPlan:
    """Work out ``proposal`` for a loan: its base is owed on the start day (payments up to then)."""
    owed = owed_on(terms, payments, proposal.start, rows)
    return plan_proposal(owed, proposal, terms.currency)


# Complexity over 10 on purpose: one branch per negotiation method; the per-method schema of issue
# 16 splits it.
def plan_proposal(owed: Owed, proposal: ProposalTerms, currency: str = "CNY") -> ProposalPlan:  # noqa: C901
    """Work out ``proposal`` from an owed breakdown already computed (its ``as_of`` is ignored)."""
    base = proposal_base(owed, proposal.waive, currency)
    plan = proposal.plan
    start = proposal.start
    p = base.amount
    if p <= 0:
        raise FinanceError.at(
            "start", "plan.nothing_owed", "nothing is owed on that day, there is nothing to plan"
        )
    capitalized = ZERO
    rows: list[Installment]
    if isinstance(plan, (FeeWaiver, LumpSum)):
        if plan.pay_by < start:
            raise FinanceError.at(
                "pay_by", "date.before_start", "must not be before the start date"
            )
        pay = p
        if isinstance(plan, LumpSum):
            pay = plan.amount if plan.amount is not None else p * (1 - (plan.discount or ZERO))
            pay = round_money(pay, currency)
            if pay > p:
                raise FinanceError.at(
                    "amount", "amount.over_owed", f"is more than the {p:f} owed", owed=f"{p:f}"
                )
        zero = round_money(ZERO, currency)
        rows = [Installment(1, plan.pay_by, pay, zero, zero, pay, p - pay)]
    elif isinstance(plan, Custom):
        rows = _custom_rows(p, plan, start, currency)
    else:
        first = plan.first_due or start + relativedelta(months=1)
        if first <= start:
            raise FinanceError.at(
                "first_due", "date.not_after_start", "must be after the start date"
            )
        rate = plan.annual_rate
        if isinstance(plan, Reamortize):
            rows = annuity_rows(p, rate, plan.months, first, currency)
        elif isinstance(plan, ReducedInstallment):
            rows = _fixed_amount_rows(p, rate, plan.amount, first, currency)
        else:
            balance = p
            if plan.interest_during == "accrue":
                for _ in range(plan.holiday_months):
                    balance += round_money(balance * rate / 12, currency)
            capitalized = balance - p
            after = first + relativedelta(months=plan.holiday_months)
            rows = annuity_rows(balance, rate, plan.months_after, after, currency)
    total = sum((r.payment for r in rows), ZERO)
    interest = sum((r.interest for r in rows), ZERO) + capitalized
    forgiven = rows[-1].balance_after
    return ProposalPlan(
        _METHOD_NAMES[type(plan)],
        start,
        base,
        tuple(rows),
        total,
        interest,
        capitalized,
        forgiven,
        rows[-1].due,
    )


def agreed_plan(
    base: ProposalBase,
    method: str,
    start: date,
    table: Sequence[tuple[date, Decimal, Decimal | None]],
    currency: str = "CNY",
) -> ProposalPlan:
    """A plan as it was agreed: the (due, amount, principal) table kept as it is, never re-spread.

    ``base`` is what the plan starts from; a missing principal part is the amount up to what is
    left of the base, the rest interest (as for a custom plan). What the table leaves of the base
    unpaid is ``forgiven`` (a settlement for less).
    """
    if not table:
        raise FinanceError.at("installments", "installments.none_given", "at least one is needed")
    ordered = sorted(table, key=lambda row: row[0])
    balance = base.amount
    zero = round_money(ZERO, currency)
    rows: list[Installment] = []
    for k, (due, raw, given) in enumerate(ordered):
        pay = round_money(raw, currency)
        part = min(pay, max(balance, ZERO)) if given is None else round_money(given, currency)
        balance -= part
        rows.append(Installment(k + 1, due, part, pay - part, zero, pay, max(balance, zero)))
    return ProposalPlan(
        method,
        start,
        base,
        tuple(rows),
        sum((r.payment for r in rows), ZERO),
        sum((r.interest for r in rows), ZERO),
        ZERO,
        max(balance, zero),
        rows[-1].due,
    )


def _fixed_amount_rows(
    principal: Decimal, rate: Decimal, amount: Decimal, first: date, currency: str
) -> list[Installment]:
    first_interest = round_money(principal * rate / 12, currency)
    if amount <= first_interest and principal > 0:
        minimum = first_interest + minor_unit(currency)
        raise FinanceError.at(
            "amount",
            "amount.below_interest",
            f"must be at least {minimum:f} to cover the monthly interest",
            minimum=f"{minimum:f}",
        )
    rows = []
    balance = principal
    zero = round_money(ZERO, currency)
    k = 0
    while balance > 0 or k == 0:
        if k >= MAX_MONTHS:
            raise FinanceError.at(
                "amount",
                "plan.too_long",
                f"too small, the plan would run over {MAX_MONTHS} months",
                maximum=MAX_MONTHS,
            )
        due = first + relativedelta(months=k)
        interest = round_money(balance * rate / 12, currency)
        part = min(amount - interest, balance)
        balance -= part
        k += 1
        rows.append(Installment(k, due, part, interest, zero, part + interest, balance))
    return rows


def _custom_rows(principal: Decimal, plan: Custom, start: date, currency: str) -> list[Installment]:
    for k, (due, _amount) in enumerate(plan.installments):
        if due < start:
            raise FinanceError.at(
                f"installments[{k}].due", "date.before_start", "must not be before the start date"
            )
    rows = []
    balance = principal
    zero = round_money(ZERO, currency)
    ordered = sorted(plan.installments, key=lambda pair: pair[0])
    for k, (due, raw) in enumerate(ordered):
        amount = round_money(raw, currency)
        part = min(amount, balance)
        balance -= part
        # What a lender asks beyond the base is the plan's cost: shown as interest.
        rows.append(Installment(k + 1, due, part, amount - part, zero, amount, balance))
    return rows


def _missing(name: str) -> FinanceError:
    return FinanceError.at(name, "param.required", "is required")


def _decimal(params: Mapping[str, Any], name: str, default: Decimal | None = None) -> Decimal:
    if name not in params or params[name] is None:
        if default is None:
            raise _missing(name)
        return default
    value = params[name]
    if isinstance(value, bool) or isinstance(value, float):
        raise FinanceError.at(
            name,
            "decimal.not_decimal",
            f"must be a decimal (text or Decimal), not {value!r}",
            value=repr(value),
        )
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise FinanceError.at(
            name, "decimal.invalid_number", f"{value!r} is not a decimal number", value=repr(value)
        ) from None


def _date(params: Mapping[str, Any], name: str, required: bool = True) -> date | None:
    value = params.get(name)
    if value is None:
        if required:
            raise _missing(name)
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise FinanceError.at(
        name, "date.not_iso", f"{value!r} is not a date (YYYY-MM-DD)", value=repr(value)
    )


def _int(params: Mapping[str, Any], name: str) -> int:
    value = params.get(name)
    if value is None:
        raise _missing(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise FinanceError.at(
            name,
            "number.not_whole_value",
            f"must be a whole number, not {value!r}",
            value=repr(value),
        )
    return value


def _value(spec: ParamField, params: Mapping[str, Any]) -> object:
    """One parameter read by its field in the schema: parsed or exchange text, its default (or
    None) when left out and optional."""
    name = spec.name
    if spec.kind == "installments":
        return _installments(params.get(name))
    if params.get(name) is None and spec.kind != "choice":
        if isinstance(spec.default, Decimal):
            return spec.default
        if not spec.required:
            return None
    if spec.kind == "months":
        return _int(params, name)
    if spec.kind in ("rate", "amount", "share"):
        return _decimal(params, name)
    if spec.kind == "date":
        return _date(params, name, required=spec.required)
    value = params.get(name, spec.default)
    if value not in spec.choices:
        choices = " or ".join(spec.choices)
        raise FinanceError.at(name, "choice.not_one_of", f"must be {choices}", choices=choices)
    return value


def _installments(items: object) -> tuple[tuple[date, Decimal], ...]:
    if not isinstance(items, (list, tuple)):
        raise FinanceError.at(
            "installments", "installments.not_list", "must be a list of (due, amount)"
        )
    pairs = []
    for k, item in enumerate(items):
        if isinstance(item, Mapping):
            entry: Mapping[str, Any] = item
        elif isinstance(item, (list, tuple)) and len(item) == 2:
            entry = {"due": item[0], "amount": item[1]}
        else:
            raise FinanceError.at(
                f"installments[{k}]",
                "installment.not_due_and_amount",
                "must be a due date and an amount",
            )
        try:
            pairs.append((_date(entry, "due") or date.min, _decimal(entry, "amount")))
        except FinanceError as error:
            raise error.within(f"installments[{k}]") from None
    return tuple(pairs)


def _deferral(v: dict[str, Any]) -> Plan:
    during: InterestDuring = "accrue" if v["interest_during"] == "accrue" else "freeze"
    return Deferral(
        v["holiday_months"], v["months_after"], during, v["annual_rate"], v["first_due"]
    )


# How each method's values (read by its schema) make its plan.
_BUILDERS: dict[str, Callable[[dict[str, Any]], Plan]] = {
    "reamortize": lambda v: Reamortize(v["months"], v["annual_rate"], v["first_due"]),
    "reduced_installment": lambda v: ReducedInstallment(
        v["amount"], v["annual_rate"], v["first_due"]
    ),
    "fee_waiver": lambda v: FeeWaiver(v["pay_by"] or date.min),
    "lump_sum": lambda v: LumpSum(v["pay_by"] or date.min, v["amount"], v["discount"]),
    "deferral": _deferral,
    "custom": lambda v: Custom(v["installments"]),
}


def plan_from_params(method: str, params: Mapping[str, Any]) -> Plan:
    """The typed plan of a proposal from its method name and ``params`` (INTERFACES.md), read
    through the method's schema (``ashore.domain.params``).

    Values may be parsed (Decimal, int, date) or exchange text ("0.18", "2026-12-15"); custom
    installments are (due, amount) pairs or {"due", "amount"} mappings. Raises FinanceError whose
    field is the parameter's name.
    """
    schema = SCHEMAS.get(method)
    if schema is None:
        choices = ", ".join(PROPOSAL_METHODS)
        raise FinanceError.at(
            "method",
            "choice.unknown",
            f"{method!r} is not one of {choices}",
            value=repr(method),
            choices=choices,
        )
    for name in params:
        if schema.field(name) is None:
            raise FinanceError.at(
                name, "param.not_of_method", f"is not a parameter of {method}", method=method
            )
    values = {spec.name: _value(spec, params) for spec in _reading_order(schema.fields)}
    return _BUILDERS[method](values)


def _reading_order(fields: tuple[ParamField, ...]) -> list[ParamField]:
    """The fields in the order the engine checks them: a choice first (a deferral's
    ``interest_during``), then the others as the schema lists them."""
    return sorted(fields, key=lambda spec: spec.kind != "choice")
