"""When to remind the user: three days, one day and on the day of every agreed installment and
every follow-up, and the agreed installments already missed. Pure functions over records (the
money engine says what is unpaid); the tray and the .ics show what these give.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from decimal import Decimal

from ashore.domain.records import Loan
from ashore.services import plans

LEAD_DAYS: tuple[int, ...] = (3, 1, 0)  # days before the due day a reminder goes out
REMIND_AT = time(9, 0)  # in the morning, in the user's zone


def notification_times(due: date, zone: tzinfo, at: time = REMIND_AT) -> list[datetime]:
    """The reminders for something due on ``due``: 3 days, 1 day before and on the day."""
    return [datetime.combine(due - timedelta(days=days), at, tzinfo=zone) for days in LEAD_DAYS]


@dataclass(frozen=True)
class Reminder:
    """One reminder: ``kind`` "installment" (an agreed payment) or "follow_up" (a note's)."""

    loan_id: str
    loan_name: str
    kind: str
    due: date
    days_before: int
    at: datetime
    amount: Decimal | None = None
    currency: str = ""


@dataclass(frozen=True)
class Missed:
    """An agreed installment past its day and not fully paid: the loudest thing there is."""

    loan_id: str
    loan_name: str
    due: date
    remaining: Decimal
    currency: str
    days_late: int


def _agreed_entries(loan: Loan, today: date) -> list[tuple[date, Decimal, str]]:
    """(due, unpaid, status) of the agreement's installments, oldest first; none without one."""
    if not any(p.status == "accepted" for p in loan.proposals):
        return []
    entries = plans.standing(loan, today).entries
    return [
        (e.due, e.remaining, e.status)
        for e in sorted(entries, key=lambda e: e.due)
        if e.source == "agreement" and e.remaining > 0
    ]


def reminders(
    loans: Iterable[Loan],
    today: date,
    zone: tzinfo,
    follow_ups: Mapping[str, Sequence[date]] | None = None,
) -> list[Reminder]:
    """Every reminder for what is due from ``today`` on (agreed installments still unpaid, the
    follow-ups of notes not deleted), in time order. ``follow_ups``: those follow-ups by loan id
    for loans read without their notes (``Ledger.snapshot``, ``Ledger.follow_ups_from``)."""
    out: list[Reminder] = []
    for loan in loans:
        items: list[tuple[str, date, Decimal | None]] = [
            ("installment", due, remaining)
            for due, remaining, _status in _agreed_entries(loan, today)
            if due >= today
        ]
        if follow_ups is not None:
            promised = [day for day in follow_ups.get(loan.id, ()) if day >= today]
        else:
            promised = [
                note.follow_up
                for note in loan.notes
                if note.follow_up is not None
                and note.deleted_at is None
                and note.follow_up >= today
            ]
        items += [("follow_up", day, None) for day in promised]
        for kind, due, amount in items:
            for days, at in zip(LEAD_DAYS, notification_times(due, zone), strict=True):
                out.append(Reminder(loan.id, loan.name, kind, due, days, at, amount, loan.currency))
    out.sort(key=lambda r: (r.at, r.loan_id, r.kind))
    return out


def due_between(items: Sequence[Reminder], after: datetime, until: datetime) -> list[Reminder]:
    """The reminders whose time came in (``after``, ``until``]: what a timer tick shows."""
    return [r for r in items if after < r.at <= until]


def missed(loans: Iterable[Loan], today: date) -> list[Missed]:
    """Agreed installments past their day and unpaid, the oldest first."""
    out = [
        Missed(loan.id, loan.name, due, remaining, loan.currency, (today - due).days)
        for loan in loans
        for due, remaining, status in _agreed_entries(loan, today)
        if status == "overdue" and due < today
    ]
    return sorted(out, key=lambda m: (m.due, m.loan_id))
