"""Across loans: every installment due in a range of months, with its status today and day and
month totals (the data behind the PDF calendar, the .ics file and the dashboard).

An accepted proposal (the agreement) replaces the original schedule from its start date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from dateutil.relativedelta import relativedelta

from ashore.domain.money import ZERO, round_money

from .proposals import ProposalPlan
from .schedule import schedule as build_schedule
from .state import LoanState, loan_state
from .terms import FinanceError, Installment, LoanTerms, Payment

__all__ = [
    "CalendarEntry",
    "CalendarLoan",
    "CalendarStatus",
    "PlanInstallment",
    "RepaymentCalendar",
    "effective_plan",
    "loan_calendar_entries",
    "repayment_calendar",
]

CalendarStatus = Literal["paid", "partly_paid", "due", "overdue", "replaced"]
MAX_CALENDAR_MONTHS = 120


@dataclass(frozen=True, slots=True)
class PlanInstallment:
    """One installment of the plan in force: from the original schedule or from the agreement."""

    source: Literal["original", "agreement"]
    installment: Installment

    @property
    def due(self) -> date:
        """The due date."""
        return self.installment.due

    @property
    def amount(self) -> Decimal:
        """The scheduled payment."""
        return self.installment.payment


def effective_plan(
    original: Sequence[Installment], agreement: ProposalPlan | None
) -> tuple[PlanInstallment, ...]:
    """The plan in force: original installments due before the agreement's start, then the
    agreement's installments (all of the original when there is no agreement)."""
    if agreement is None:
        return tuple(PlanInstallment("original", r) for r in original)
    kept = [PlanInstallment("original", r) for r in original if r.due < agreement.start]
    return (*kept, *(PlanInstallment("agreement", r) for r in agreement.installments))


@dataclass(frozen=True, slots=True)
class CalendarLoan:
    """A loan as the calendar needs it; ``rows`` overrides ``schedule(terms)`` when given."""

    loan_id: str
    name: str
    terms: LoanTerms
    payments: tuple[Payment, ...] = ()
    agreement: ProposalPlan | None = None
    rows: tuple[Installment, ...] | None = None


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One installment on the calendar, as of ``today``.

    ``amount``: scheduled payment; ``paid``: paid toward it (charges included for an original
    installment); ``remaining``: still owed on it, with penalty and late fee for an original
    installment. ``replaced``: an original installment left unpaid when the agreement started
    (its debt moved into the agreement; remaining 0).
    """

    loan_id: str
    loan_name: str
    source: Literal["original", "agreement"]
    number: int
    due: date
    amount: Decimal
    paid: Decimal
    remaining: Decimal
    status: CalendarStatus


@dataclass(frozen=True, slots=True)
class RepaymentCalendar:
    """The installments of several loans due from ``first_month`` for ``months`` months.

    ``per_day``/``per_month`` total the scheduled amounts; ``remaining_per_day``/
    ``remaining_per_month`` what is still owed on them. Days and months without installments are
    left out; all are in date order.
    """

    first_month: date
    months: int
    today: date
    entries: tuple[CalendarEntry, ...]
    per_day: tuple[tuple[date, Decimal], ...]
    per_month: tuple[tuple[tuple[int, int], Decimal], ...]
    remaining_per_day: tuple[tuple[date, Decimal], ...]
    remaining_per_month: tuple[tuple[tuple[int, int], Decimal], ...]
    total: Decimal
    remaining: Decimal


# Complexity over 10 on purpose: one branch per installment state (paid, due, overdue, accelerated,
# replaced by an agreement).
def loan_calendar_entries(  # noqa: C901
    loan: CalendarLoan, today: date, state: LoanState | None = None
) -> list[CalendarEntry]:
    """Every installment of the plan in force for ``loan``, with its status on ``today``.

    Original installments take their status from the loan's state (payments up to the day before
    the agreement starts, when there is one). Agreement installments take the payments from its
    start on, oldest installment first, and are overdue the day after their due date unpaid.

    ``state``: ``loan_state(loan.terms, loan.payments, today, rows)`` when the caller has it
    (``plans.standing``); used when the originals are read on ``today`` (no agreement started).
    """
    rows = list(loan.rows) if loan.rows is not None else build_schedule(loan.terms)
    agreement = loan.agreement
    entries: list[CalendarEntry] = []
    cutoff = agreement.start if agreement is not None else None
    originals = [r for r in rows if cutoff is None or r.due < cutoff]
    if originals:
        as_of = today if cutoff is None else min(today, cutoff - timedelta(days=1))
        before = [p for p in loan.payments if cutoff is None or p.date < cutoff]
        if state is None or state.as_of != as_of:  # payments after as_of do not count
            state = loan_state(loan.terms, before, as_of, rows)
        by_number = {s.number: s for s in state.installments}
        accelerated: CalendarEntry | None = None  # the one entry that collects the demand
        for row in originals:
            s = by_number[row.number]
            status: CalendarStatus = s.status
            remaining = s.owed
            if cutoff is not None and today >= cutoff and s.status != "paid":
                status, remaining = "replaced", round_money(ZERO, loan.terms.currency)
            # After acceleration the rest of the principal is one demand, due on the acceleration
            # day: the calendar shows it there once, not on dates that no longer hold.
            due, amount = row.due, row.payment
            if s.accelerated and state.accelerated_on is not None:
                due, amount = state.accelerated_on, row.principal
                # Joined with the entry already on that day (the demand so far, or an installment
                # that fell due the same day), so a loan has at most one entry a day.
                if entries and entries[-1].loan_id == loan.loan_id and entries[-1].due == due:
                    accelerated = entries[-1]
                if accelerated is not None:
                    accelerated = replace(
                        accelerated,
                        amount=accelerated.amount + amount,
                        paid=accelerated.paid + s.paid,
                        remaining=accelerated.remaining + remaining,
                        # accelerated principal is overdue at once; a paid demand stays paid
                        status="overdue" if accelerated.remaining + remaining > 0 else status,
                    )
                    entries[-1] = accelerated
                    continue
            entries.append(
                CalendarEntry(
                    loan.loan_id,
                    loan.name,
                    "original",
                    row.number,
                    due,
                    amount,
                    s.paid,
                    remaining,
                    status,
                )
            )
            if s.accelerated and state.accelerated_on is not None:
                accelerated = entries[-1]
    if agreement is not None:
        pool = sum((p.amount for p in loan.payments if agreement.start <= p.date <= today), ZERO)
        for row in agreement.installments:
            paid = min(pool, row.payment)
            pool -= paid
            left = row.payment - paid
            if left == 0:
                status = "paid"
            elif today > row.due:
                status = "overdue"
            elif paid > 0:
                status = "partly_paid"
            else:
                status = "due"
            entries.append(
                CalendarEntry(
                    loan.loan_id,
                    loan.name,
                    "agreement",
                    row.number,
                    row.due,
                    row.payment,
                    paid,
                    left,
                    status,
                )
            )
    return entries


def repayment_calendar(
    loans: Sequence[CalendarLoan], first_month: date, months: int, today: date
) -> RepaymentCalendar:
    """Every installment of ``loans`` due from the first day of ``first_month``'s month for
    ``months`` calendar months, sorted by due date then loan id, with day and month totals."""
    if not 1 <= months <= MAX_CALENDAR_MONTHS:
        raise FinanceError.at(
            "months",
            "number.out_of_range",
            f"must be a whole number from 1 to {MAX_CALENDAR_MONTHS}",
        )
    begin = first_month.replace(day=1)
    end = begin + relativedelta(months=months)
    entries = [
        e for loan in loans for e in loan_calendar_entries(loan, today) if begin <= e.due < end
    ]
    entries.sort(key=lambda e: (e.due, e.loan_id, e.source, e.number))
    day_total: dict[date, Decimal] = {}
    day_left: dict[date, Decimal] = {}
    month_total: dict[tuple[int, int], Decimal] = {}
    month_left: dict[tuple[int, int], Decimal] = {}
    for e in entries:
        key = (e.due.year, e.due.month)
        day_total[e.due] = day_total.get(e.due, ZERO) + e.amount
        day_left[e.due] = day_left.get(e.due, ZERO) + e.remaining
        month_total[key] = month_total.get(key, ZERO) + e.amount
        month_left[key] = month_left.get(key, ZERO) + e.remaining
    return RepaymentCalendar(
        begin,
        months,
        today,
        tuple(entries),
        tuple(sorted(day_total.items())),
        tuple(sorted(month_total.items())),
        tuple(sorted(day_left.items())),
        tuple(sorted(month_left.items())),
        sum((e.amount for e in entries), ZERO),
        sum((e.remaining for e in entries), ZERO),
    )
