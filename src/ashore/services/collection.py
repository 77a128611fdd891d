"""The rules a collector must keep (GB/T 45251-2025, as INTERFACES.md words them), checked against
the collection contacts in the notes. Pure functions over records: no Qt, no database.

Only incoming collection contacts are judged (a call the borrower made is never the collector's
breach), and deleted notes are left out. Times are read in the offset each note carries: a call
at 23:10+08:00 is a night call wherever the computer is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from ashore.domain.records import CallNote, Loan

RULES: tuple[str, ...] = ("night_call", "too_many_calls", "third_party", "abuse")

NIGHT_STARTS = time(22, 0)  # no contact from 22:00 …
NIGHT_ENDS = time(8, 0)  # … to 08:00
CALLS_A_DAY = 3  # at most three effective contacts a day


@dataclass(frozen=True)
class Breach:
    """One rule broken by one collection contact."""

    loan: str  # the loan's id
    note: str  # the note's id
    rule: str  # one of RULES


def is_collection_contact(note: CallNote) -> bool:
    """An incoming collection contact that still stands (not deleted)."""
    return note.kind == "collection" and note.direction == "incoming" and note.deleted_at is None


def is_night(at: datetime) -> bool:
    """22:00 up to 08:00 (exclusive), in the time's own offset."""
    clock = at.timetz().replace(tzinfo=None)
    return clock >= NIGHT_STARTS or clock < NIGHT_ENDS


def _local_day(note: CallNote) -> date:
    return note.occurred_at.date()  # the date in the note's own offset


def _past_the_limit(contacts: Sequence[tuple[str, CallNote]]) -> set[tuple[str, str]]:
    """(loan, note) of every contact past the third on its day, in the order they happened."""
    by_day: dict[date, list[tuple[str, CallNote]]] = defaultdict(list)
    for loan_id, note in contacts:
        by_day[_local_day(note)].append((loan_id, note))
    out: set[tuple[str, str]] = set()
    for day_contacts in by_day.values():
        day_contacts.sort(key=lambda pair: (pair[1].occurred_at, pair[1].logged_at, pair[1].id))
        out.update((loan_id, note.id) for loan_id, note in day_contacts[CALLS_A_DAY:])
    return out


def note_rules(note: CallNote, too_many: bool = False) -> list[str]:
    """The rules one contact breaks, in the order of ``RULES``; ``too_many`` when it was past
    the day's third (which only the lender's other contacts can tell)."""
    if not is_collection_contact(note):
        return []
    rules = []
    if is_night(note.occurred_at):
        rules.append("night_call")
    if too_many:
        rules.append("too_many_calls")
    if note.third_party.strip():
        rules.append("third_party")
    if note.abuse:
        rules.append("abuse")
    return rules


def lender_breaches(loans: Iterable[Loan]) -> list[Breach]:
    """Every breach on one lender's loans (contacts from one lender count together per day),
    in the order the contacts happened."""
    contacts = [
        (loan.id, note) for loan in loans for note in loan.notes if is_collection_contact(note)
    ]
    too_many = _past_the_limit(contacts)
    contacts.sort(key=lambda pair: (pair[1].occurred_at, pair[1].logged_at, pair[1].id))
    return [
        Breach(loan_id, note.id, rule)
        for loan_id, note in contacts
        for rule in note_rules(note, (loan_id, note.id) in too_many)
    ]


def breaches_by_note(loans: Iterable[Loan]) -> dict[tuple[str, str], list[str]]:
    """(loan id, note id) → the rules that contact broke, for loans of any lenders."""
    by_lender: dict[str, list[Loan]] = defaultdict(list)
    for loan in loans:
        by_lender[loan.lender].append(loan)
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for lender_loans in by_lender.values():
        for breach in lender_breaches(lender_loans):
            out[(breach.loan, breach.note)].append(breach.rule)
    return dict(out)


def count_by_lender(loans: Iterable[Loan]) -> dict[str, int]:
    """How many rules each lender's collectors broke (a contact breaking two counts two)."""
    by_lender: dict[str, list[Loan]] = defaultdict(list)
    for loan in loans:
        by_lender[loan.lender].append(loan)
    return {lender: len(lender_breaches(group)) for lender, group in by_lender.items()}


def collection_breaches(loan: Loan, others: Sequence[Loan] = ()) -> list[dict[str, str]]:
    """The loan's breaches in ``export summary``'s shape: ``[{"note": id, "rule": rule}]``.

    ``others`` are the same lender's other loans: their contacts count towards a day's three
    (``too_many_calls`` is per lender), but only this loan's breaches are listed.
    """
    group = [loan, *(o for o in others if o.id != loan.id and o.lender == loan.lender)]
    return [
        {"note": breach.note, "rule": breach.rule}
        for breach in lender_breaches(group)
        if breach.loan == loan.id
    ]
