"""The plain values a repayment calendar is made from: one line per installment, one per loan.

The reports only lay these out; they do no money arithmetic beyond summing already-rounded amounts.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from ashore.app.errors import InputError

Status = Literal["paid", "partly_paid", "due", "overdue"]
STATUSES: tuple[Status, ...] = ("paid", "partly_paid", "due", "overdue")
Paper = Literal["A4", "Letter"]
PAPERS: tuple[Paper, ...] = ("A4", "Letter")
Lang = Literal["en", "zh_CN"]
LANGS: tuple[Lang, ...] = ("en", "zh_CN")


def _check_amount(value: object, where: str, *, allow_none: bool = False) -> None:
    if value is None and allow_none:
        return
    if not isinstance(value, Decimal) or not value.is_finite():
        raise InputError(f"{where}: {value!r} is not a Decimal amount")


@dataclass(frozen=True)
class CalendarEntry:
    """One installment to pay: when, to whom, for which loan, how much, and how it stands today.

    ``paid`` is what has been paid of ``amount`` so far; ``plan_id`` names the schedule it belongs
    to (the original schedule or an agreement), so a calendar app can tell the two apart.
    """

    due: date
    lender: str
    loan: str
    loan_id: str
    amount: Decimal
    status: Status
    paid: Decimal = Decimal("0")
    plan_id: str = ""
    # What is still owed on it today, its penalty and late fee included (an overdue installment
    # of an original schedule); None: what is unpaid of ``amount``.
    owed: Decimal | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.due, date) or isinstance(self.due, datetime):
            raise InputError(f"entry.due: {self.due!r} is not a date")
        _check_amount(self.amount, "entry.amount")
        _check_amount(self.paid, "entry.paid")
        _check_amount(self.owed, "entry.owed", allow_none=True)
        if self.status not in STATUSES:
            raise InputError(f"entry.status: {self.status!r} is not one of {', '.join(STATUSES)}")

    @property
    def unpaid(self) -> Decimal:
        """What is still to pay of this installment (never below zero)."""
        return max(self.amount - self.paid, Decimal("0"))

    @property
    def to_pay(self) -> Decimal:
        """What it takes to clear it today: the unpaid part with its penalty and late fee."""
        return self.unpaid if self.owed is None else max(self.owed, self.unpaid)

    @property
    def charges(self) -> Decimal:
        """The penalty and late fee it has run up so far (0 unless overdue)."""
        return self.to_pay - self.unpaid


@dataclass(frozen=True)
class CalendarLoan:
    """One loan on the summary page: the plan in force, what is left to pay and when it ends."""

    lender: str
    loan: str
    plan: str
    left_to_pay: Decimal
    end_date: date | None = None
    loan_id: str = ""
    # Under an agreement: when it began, and the payments made before (date, amount); they are
    # counted in what it starts from, not against its installments.
    plan_start: date | None = None
    paid_before_plan: tuple[tuple[date, Decimal], ...] = ()
    # What the loan still owes once each month shown is over, by (year, month): what is left of
    # ``left_to_pay`` once its installments due by then are paid (their penalty and late fees as
    # of today included), never more than ``left_to_pay``.
    left_after: tuple[tuple[tuple[int, int], Decimal], ...] = ()
    # True for an overdue loan without an agreement: its penalty grows every day its overdue
    # installments stay unpaid, so what is left after a month counts them as paid on the day
    # the calendar was made.
    unplanned: bool = False
    # The one "owed today" (services.plans.Figures.owed_today: the window's and ``export
    # summary``'s); None in data made by hand (the column is left out).
    owed_today: Decimal | None = None

    def __post_init__(self) -> None:
        _check_amount(self.left_to_pay, "loan.left_to_pay")
        _check_amount(self.owed_today, "loan.owed_today", allow_none=True)
        for _month, amount in self.left_after:
            _check_amount(amount, "loan.left_after")
        for _day, amount in self.paid_before_plan:
            _check_amount(amount, "loan.paid_before_plan")


@dataclass(frozen=True)
class CalendarData:
    """Everything the PDF calendar shows; ``months``: (year, month) pairs in the order printed."""

    entries: Sequence[CalendarEntry]
    loans: Sequence[CalendarLoan]
    months: Sequence[tuple[int, int]]
    today: date
    generated_at: datetime
    budget: Decimal | None = None
    currency: str = "CNY"
    lang: Lang = "en"
    paper: Paper = "A4"
    week_starts_monday: bool = True
    # Whose public holidays are shaded (ISO code, "CN" for CNY loans); "" shades none.
    country: str = ""

    # Complexity over 10 on purpose: one check per field of the calendar input, in field order.
    def __post_init__(self) -> None:  # noqa: C901
        if self.lang not in LANGS:
            raise InputError(f"lang: {self.lang!r} is not one of {', '.join(LANGS)}")
        if self.paper not in PAPERS:
            raise InputError(f"paper: {self.paper!r} is not one of {', '.join(PAPERS)}")
        if not self.months:
            raise InputError("months: at least one month is needed")
        for i, ym in enumerate(self.months):
            if (
                not isinstance(ym, tuple)
                or len(ym) != 2
                or not all(isinstance(v, int) for v in ym)
                or not 1 <= ym[1] <= 12
                or not 1 <= ym[0] <= 9999
            ):
                raise InputError(f"months[{i}]: {ym!r} is not a (year, month) pair")
        for i, entry in enumerate(self.entries):
            if not isinstance(entry, CalendarEntry):
                raise InputError(f"entries[{i}]: {entry!r} is not a CalendarEntry")
        for i, loan in enumerate(self.loans):
            if not isinstance(loan, CalendarLoan):
                raise InputError(f"loans[{i}]: {loan!r} is not a CalendarLoan")
        _check_amount(self.budget, "budget", allow_none=True)
        if self.budget is not None and self.budget < 0:
            raise InputError.at("budget", "amount.negative", "must not be negative")


def month_entries(entries: Sequence[CalendarEntry], year: int, month: int) -> list[CalendarEntry]:
    """The entries due in one month, by date, then lender and loan (a stable, readable order)."""
    chosen = [e for e in entries if e.due.year == year and e.due.month == month]
    return sorted(chosen, key=lambda e: (e.due, e.lender, e.loan, e.loan_id))


def entries_after(
    entries: Sequence[CalendarEntry], months: Sequence[tuple[int, int]]
) -> list[CalendarEntry]:
    """The entries due after the last of ``months``, by date: what a calendar of those months
    leaves out (its PDF and .ics say how many; the command, which ``--months`` shows them)."""
    if not months:
        return []
    last = months[-1]
    end = date(*last, monthrange(*last)[1])
    return sorted((e for e in entries if e.due > end), key=lambda e: e.due)


def sum_amounts(values: Sequence[Decimal] | list[Decimal]) -> Decimal:
    """The exact sum of already-rounded amounts (Decimal("0") for none)."""
    total = Decimal("0")
    for value in values:
        total += value
    return total
