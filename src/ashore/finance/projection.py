"""The "if nothing more is paid" curve: what is owed on every day of a range, and how fast it grows.

One replay of the payments, then the ledger is moved forward a day at a time; each day's figure
reads the running account instead of replaying the loan from its start.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from ashore.domain.money import format_plain

from .schedule import schedule as build_schedule
from .state import LoanState, Owed, _Ledger
from .terms import FinanceError, Installment, LoanTerms, Payment

__all__ = [
    "PROJECTION_CSV_HEADER",
    "Growth",
    "growth",
    "projection",
    "projection_csv_rows",
    "state_and_growth",
]

PROJECTION_CSV_HEADER: tuple[str, ...] = (
    "date",
    "owed",
    "overdue",
    "penalty",
    "late_fees",
    "not_yet_due",
)

# A projection longer than this is a typing slip (and would be a very large CSV).
MAX_PROJECTION_DAYS = 366 * 30


@dataclass(frozen=True, slots=True)
class Growth:
    """How fast the debt grows from ``as_of`` if nothing is paid: owed(D+1) − owed(D) and
    owed(D+30) − owed(D). Both include installments falling due meanwhile."""

    as_of: date
    owed: Decimal
    per_day: Decimal
    per_month: Decimal


def projection(
    terms: LoanTerms,
    payments: Iterable[Payment],
    start: date,
    end: date,
    rows: Sequence[Installment] | None = None,
) -> list[Owed]:
    """One ``Owed`` per day from ``start`` to ``end`` inclusive, if nothing is paid after ``start``.

    Payments dated after ``start`` are ignored: this is the curve of doing nothing from then on.
    """
    if end < start:
        raise FinanceError.at("until", "date.before_start", "must not be before the start date")
    if (end - start).days > MAX_PROJECTION_DAYS:
        raise FinanceError.at(
            "until", "projection.too_long", "a projection can cover at most 30 years"
        )
    kept = [p for p in payments if p.date <= start]
    ledger = _Ledger(terms, rows if rows is not None else build_schedule(terms), kept)
    out = []
    day = start
    while day <= end:
        ledger.advance(day)
        out.append(ledger.owed(day))
        day += timedelta(days=1)
    return out


def growth(
    terms: LoanTerms,
    payments: Iterable[Payment],
    as_of: date,
    rows: Sequence[Installment] | None = None,
) -> Growth:
    """Growth per day and per 30 days from ``as_of``, if nothing more is paid."""
    kept = [p for p in payments if p.date <= as_of]
    ledger = _Ledger(terms, rows if rows is not None else build_schedule(terms), kept)
    ledger.advance(as_of)
    return _growth_on(ledger, as_of)


def state_and_growth(
    terms: LoanTerms,
    payments: Iterable[Payment],
    as_of: date,
    rows: Sequence[Installment] | None = None,
) -> tuple[LoanState, Growth]:
    """``loan_state(...)`` and ``growth(...)`` of the same arguments from one replay of the
    ledger up to ``as_of`` (the payments after it count in neither)."""
    kept = [p for p in payments if p.date <= as_of]
    ledger = _Ledger(terms, rows if rows is not None else build_schedule(terms), kept)
    ledger.advance(as_of)
    return ledger.snapshot(as_of), _growth_on(ledger, as_of)


def _growth_on(ledger: _Ledger, as_of: date) -> Growth:
    """Growth from ``as_of`` of a ledger advanced to it, moving it on 30 days."""
    today = ledger.owed(as_of).total
    ledger.advance(as_of + timedelta(days=1))
    tomorrow = ledger.owed(as_of + timedelta(days=1)).total
    ledger.advance(as_of + timedelta(days=30))
    month = ledger.owed(as_of + timedelta(days=30)).total
    return Growth(as_of, today, tomorrow - today, month - today)


def projection_csv_rows(rows: Iterable[Owed], currency: str = "CNY") -> list[list[str]]:
    """The rows of ``ashore export projection`` (header ``PROJECTION_CSV_HEADER`` not included).

    The CSV's ``overdue`` column is every unpaid installment part due by the date (``Owed.overdue``
    + ``Owed.due``), so that owed = overdue + penalty + late_fees + not_yet_due on every line.
    """
    return [
        [
            r.as_of.isoformat(),
            format_plain(r.total, currency),
            format_plain(r.overdue + r.due, currency),
            format_plain(r.penalty, currency),
            format_plain(r.late_fees, currency),
            format_plain(r.not_yet_due, currency),
        ]
        for r in rows
    ]
