"""A proposal's parameters: one typed schema per negotiation method (INTERFACES.md ``params``).

Each method's ``MethodSchema`` lists its fields in the exchange file's order, with each field's
kind (what type its parsed value has), whether it must be given, its bounds, and the value the
money engine takes when it is left out. The store and the exchange read and write parameters
through it (``ashore.store.codec``), validation checks them with it, the money engine builds its
plan from it (``ashore.finance.plan_from_params``) and the proposal form lays out its fields by it.

Pure: imports nothing of ashore, so the money engine may use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

__all__ = [
    "INTEREST_DURING",
    "MAX_TERM_DAYS",
    "MAX_TERM_MONTHS",
    "PROPOSAL_METHODS",
    "SCHEMAS",
    "InterestDuring",
    "MethodSchema",
    "ParamField",
    "ParamKind",
    "ProposalMethod",
    "schema_of",
]

ProposalMethod = Literal[
    "reamortize", "reduced_installment", "fee_waiver", "lump_sum", "deferral", "custom"
]
PROPOSAL_METHODS: tuple[ProposalMethod, ...] = (
    "reamortize",
    "reduced_installment",
    "fee_waiver",
    "lump_sum",
    "deferral",
    "custom",
)
InterestDuring = Literal["accrue", "freeze"]
INTEREST_DURING: tuple[InterestDuring, ...] = ("accrue", "freeze")

# Longer than any consumer loan or plan; stops a typing slip from building a 10,000-row table.
MAX_TERM_MONTHS = 600
MAX_TERM_DAYS = 3660

# What a parsed value is: "months" an int; "rate" a yearly fraction, "amount" money, "share" a
# fraction 0-1 (all three Decimal); "date" a date; "choice" one of ``choices`` (text);
# "installments" a list of (due date, amount) pairs.
ParamKind = Literal["months", "rate", "amount", "share", "date", "choice", "installments"]

# The Python type of each kind's parsed value (a custom plan's installments: a list of pairs).
PARSED_TYPES: dict[ParamKind, type] = {
    "months": int,
    "rate": Decimal,
    "amount": Decimal,
    "share": Decimal,
    "date": date,
    "choice": str,
    "installments": list,
}


@dataclass(frozen=True, slots=True)
class ParamField:
    """One parameter of a method.

    ``minimum``/``maximum`` bound a whole number (months); ``choices`` are a choice's values;
    ``default`` is what the money engine takes when the field is left out (None: nothing).
    """

    name: str
    kind: ParamKind
    required: bool = True
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    default: Decimal | str | None = None


@dataclass(frozen=True, slots=True)
class MethodSchema:
    """The parameters of one method; ``one_of``: exactly one of these names must be given."""

    method: ProposalMethod
    fields: tuple[ParamField, ...]
    one_of: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> ParamField | None:
        """The field called ``name``, None when the method has none."""
        return next((f for f in self.fields if f.name == name), None)


_ZERO = Decimal(0)
_RATE = ParamField("annual_rate", "rate", default=_ZERO)
_FIRST_DUE = ParamField("first_due", "date", required=False)

SCHEMAS: dict[str, MethodSchema] = {
    schema.method: schema
    for schema in (
        MethodSchema(
            "reamortize",
            (ParamField("months", "months", minimum=1, maximum=MAX_TERM_MONTHS), _RATE, _FIRST_DUE),
        ),
        MethodSchema("reduced_installment", (ParamField("amount", "amount"), _RATE, _FIRST_DUE)),
        MethodSchema("fee_waiver", (ParamField("pay_by", "date"),)),
        MethodSchema(
            "lump_sum",
            (
                ParamField("amount", "amount", required=False),
                ParamField("discount", "share", required=False),
                ParamField("pay_by", "date"),
            ),
            one_of=("amount", "discount"),
        ),
        MethodSchema(
            "deferral",
            (
                ParamField("holiday_months", "months", minimum=0, maximum=MAX_TERM_MONTHS),
                ParamField("interest_during", "choice", choices=INTEREST_DURING, default="freeze"),
                ParamField("months_after", "months", minimum=1, maximum=MAX_TERM_MONTHS),
                _RATE,
                _FIRST_DUE,
            ),
        ),
        MethodSchema("custom", (ParamField("installments", "installments"),)),
    )
}


def schema_of(method: str) -> MethodSchema | None:
    """The schema of ``method``, None when it is not a proposal method."""
    return SCHEMAS.get(method)
