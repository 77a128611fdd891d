"""The named choices of a loan's contract, one type each, shared by the records the user keeps and
the money engine that computes with them (so a record's value is the engine's without a cast).

Pure: imports nothing of ashore, so the money engine may use it.
"""

from __future__ import annotations

from typing import Literal, TypeVar, cast

__all__ = [
    "ALLOCATION_PARTS",
    "FEE_PERS",
    "INTEREST_RULES",
    "LOAN_METHODS",
    "PENALTY_BASES",
    "TERM_UNITS",
    "FeePer",
    "InterestRule",
    "LoanMethod",
    "PenaltyBase",
    "TermUnit",
    "as_kind",
]

_K = TypeVar("_K", bound=str)

LoanMethod = Literal["equal_installment", "equal_principal", "interest_first", "bullet"]
LOAN_METHODS: tuple[LoanMethod, ...] = (
    "equal_installment",
    "equal_principal",
    "interest_first",
    "bullet",
)
TermUnit = Literal["month", "day"]
TERM_UNITS: tuple[TermUnit, ...] = ("month", "day")
FeePer = Literal["installment", "once", "upfront"]
FEE_PERS: tuple[FeePer, ...] = ("installment", "once", "upfront")
InterestRule = Literal["monthly", "daily"]
INTEREST_RULES: tuple[InterestRule, ...] = ("monthly", "daily")
PenaltyBase = Literal["overdue_amount", "overdue_principal"]
PENALTY_BASES: tuple[PenaltyBase, ...] = ("overdue_amount", "overdue_principal")

# The parts a payment settles within one installment, in the default order of DOMAIN.md.
# "fees" covers the installment's own fees and its late fee.
ALLOCATION_PARTS: tuple[str, ...] = ("fees", "penalty", "interest", "principal")


def as_kind(value: str, choices: tuple[_K, ...]) -> _K:
    """``value`` read from a row or a file, typed as one of ``choices``.

    Not checked here, on purpose: what is stored or imported is checked by validation, which
    names the field of a value that is none of them (``loans[0].method: 'x' is not one of …``).
    """
    del choices  # only its type matters
    return cast(_K, value)
