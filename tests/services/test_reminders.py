"""Reminders: 3 days, 1 day and on the day of each agreed installment and follow-up; missed
agreed installments."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

from ashore.domain.records import Loan, Payment
from ashore.services import Ledger
from ashore.services.notes import Notes
from ashore.services.reminders import due_between, missed, notification_times, reminders

CST = timezone(timedelta(hours=8))
LOAN = "jb-2026-01"


def _agreed(ledger: Ledger) -> Loan:
    loan = ledger.loan(LOAN)
    loan.proposals[0].status = "accepted"  # p1: 24 months from 2026-12-15
    return loan


def test_notification_times_three_days_one_day_and_the_day() -> None:
    assert notification_times(date(2027, 1, 15), CST) == [
        datetime(2027, 1, 12, 9, 0, tzinfo=CST),
        datetime(2027, 1, 14, 9, 0, tzinfo=CST),
        datetime(2027, 1, 15, 9, 0, tzinfo=CST),
    ]
    # Across a month and a year end, at another hour.
    assert notification_times(date(2027, 3, 1), CST, time(20, 30)) == [
        datetime(2027, 2, 26, 20, 30, tzinfo=CST),
        datetime(2027, 2, 28, 20, 30, tzinfo=CST),
        datetime(2027, 3, 1, 20, 30, tzinfo=CST),
    ]


def test_an_agreement_gives_three_reminders_per_installment(ledger: Ledger) -> None:
    loan = _agreed(ledger)
    found = [r for r in reminders([loan], date(2026, 11, 28), CST) if r.kind == "installment"]
    assert len(found) == 24 * 3
    first = found[:3]
    assert [r.at for r in first] == [
        datetime(2027, 1, 12, 9, 0, tzinfo=CST),
        datetime(2027, 1, 14, 9, 0, tzinfo=CST),
        datetime(2027, 1, 15, 9, 0, tzinfo=CST),
    ]
    assert [r.days_before for r in first] == [3, 1, 0]
    assert first[0].amount == Decimal("366.04")
    # Without an accepted plan there is nothing to remind of.
    assert [r for r in reminders([ledger.loan(LOAN)], date(2026, 11, 28), CST)] == []


def test_a_paid_installment_is_not_reminded(ledger: Ledger) -> None:
    loan = _agreed(ledger)
    paid = replace(loan, payments=[*loan.payments, Payment(date(2027, 1, 10), Decimal("366.04"))])
    found = [r for r in reminders([paid], date(2027, 1, 11), CST) if r.kind == "installment"]
    assert found[0].due == date(2027, 2, 15)


def test_follow_ups_are_reminded_and_deleted_notes_are_not(ledger: Ledger) -> None:
    notes = Notes(ledger)
    kept = notes.add(LOAN, text="call back", follow_up=date(2026, 12, 4))
    gone = notes.add(LOAN, text="mistake", follow_up=date(2026, 12, 5))
    notes.delete(LOAN, gone.id, "typo")
    found = [r for r in reminders([ledger.loan(LOAN)], date(2026, 11, 28), CST)]
    assert [(r.kind, r.due, r.at.date()) for r in found] == [
        ("follow_up", date(2026, 12, 4), date(2026, 12, 1)),
        ("follow_up", date(2026, 12, 4), date(2026, 12, 3)),
        ("follow_up", date(2026, 12, 4), date(2026, 12, 4)),
    ]
    assert kept.follow_up == date(2026, 12, 4)


def test_due_between_gives_what_a_timer_tick_shows(ledger: Ledger) -> None:
    found = reminders([_agreed(ledger)], date(2026, 11, 28), CST)
    tick = due_between(
        found,
        datetime(2027, 1, 14, 8, 59, tzinfo=CST),
        datetime(2027, 1, 14, 9, 0, tzinfo=CST),
    )
    assert [(r.due, r.days_before) for r in tick] == [(date(2027, 1, 15), 1)]
    assert due_between(found, tick[0].at, tick[0].at) == []


def test_a_missed_agreed_installment(ledger: Ledger) -> None:
    loan = _agreed(ledger)
    assert missed([loan], date(2027, 1, 15)) == []
    (late,) = missed([loan], date(2027, 1, 20))
    assert (late.due, late.remaining, late.days_late) == (date(2027, 1, 15), Decimal("366.04"), 5)
