"""The collection rules (GB/T 45251 as INTERFACES.md words them) and the credit record dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from ashore.domain.records import ABUSE_KINDS, CallNote, Loan, Settlement
from ashore.services.collection import (
    breaches_by_note,
    collection_breaches,
    count_by_lender,
    is_night,
    note_rules,
)
from ashore.services.credit import check_report_on, clears_on, credit_record, dispute_answer_by
from store.books import loan

CST = timezone(timedelta(hours=8))
BERLIN = timezone(timedelta(hours=1))


def _call(
    note_id: str,
    at: datetime,
    *,
    direction: str = "incoming",
    third_party: str = "",
    abuse: tuple[str, ...] = (),
    kind: str = "collection",
) -> CallNote:
    return CallNote(
        id=note_id,
        occurred_at=at,
        logged_at=at + timedelta(minutes=5),
        kind=kind,
        direction=direction,
        from_number="+86 171 0000 1111",
        third_party=third_party,
        abuse=abuse,
        text="collector called",
    )


def _loan_with(*notes: CallNote, loan_id: str = "loan-1", lender: str = "jb") -> Loan:
    return replace(loan(loan_id, lender, notes=False), notes=list(notes))


@pytest.mark.parametrize(
    ("hour", "minute", "night"),
    [(21, 59, False), (22, 0, True), (7, 59, True), (8, 0, False), (23, 10, True), (3, 0, True)],
)
def test_night_call_edges_in_the_notes_own_offset(hour: int, minute: int, night: bool) -> None:
    at = datetime(2026, 11, 20, hour, minute, tzinfo=CST)
    note = _call("n1", at)
    assert is_night(at) is night
    assert ("night_call" in note_rules(note)) is night
    # The same instant in another zone is read in that zone's clock, not this computer's.
    assert breaches_by_note([_loan_with(note)]).get(("loan-1", "n1"), []) == (
        ["night_call"] if night else []
    )


def test_the_offset_decides_not_the_instant() -> None:
    # 23:10 in Beijing is 16:10 in Berlin: one instant, two notes, two answers.
    beijing = datetime(2026, 11, 20, 23, 10, tzinfo=CST)
    berlin = beijing.astimezone(BERLIN)
    assert berlin.hour == 16
    assert is_night(beijing)
    assert not is_night(berlin)


def test_fourth_incoming_call_of_a_day_breaks_the_limit_outgoing_do_not_count() -> None:
    day = datetime(2026, 11, 20, 9, 0, tzinfo=CST)
    calls = [_call(f"in{i}", day + timedelta(hours=i)) for i in range(5)]
    # Two calls the borrower made that day, between them: never counted.
    outgoing = [
        _call("out1", day + timedelta(minutes=30), direction="outgoing"),
        _call("out2", day + timedelta(hours=1, minutes=30), direction="outgoing"),
    ]
    next_day = _call("next", day + timedelta(days=1))
    found = breaches_by_note([_loan_with(*calls, *outgoing, next_day)])
    assert found == {("loan-1", "in3"): ["too_many_calls"], ("loan-1", "in4"): ["too_many_calls"]}


def test_three_incoming_calls_are_within_the_limit() -> None:
    day = datetime(2026, 11, 20, 9, 0, tzinfo=CST)
    calls = [_call(f"in{i}", day + timedelta(hours=i)) for i in range(3)]
    assert breaches_by_note([_loan_with(*calls)]) == {}


def test_calls_from_one_lender_count_together_across_its_loans() -> None:
    day = datetime(2026, 11, 20, 9, 0, tzinfo=CST)
    first = _loan_with(*[_call(f"a{i}", day + timedelta(hours=i)) for i in range(3)])
    second = _loan_with(_call("b0", day + timedelta(hours=5)), loan_id="loan-2")
    other_lender = _loan_with(_call("c0", day + timedelta(hours=6)), loan_id="x", lender="wd")
    assert collection_breaches(second, [first, other_lender]) == [
        {"note": "b0", "rule": "too_many_calls"}
    ]
    assert collection_breaches(second) == []  # alone it is the day's first
    assert collection_breaches(other_lender, [first, second]) == []
    assert count_by_lender([first, second, other_lender]) == {"jb": 1, "wd": 0}


def test_a_deleted_note_and_an_ordinary_contact_break_nothing() -> None:
    at = datetime(2026, 11, 20, 23, 0, tzinfo=CST)
    deleted = replace(_call("d", at), deleted_at=at + timedelta(hours=1), deleted_reason="typo")
    contact = _call("c", at, kind="contact", direction="")
    assert breaches_by_note([_loan_with(deleted, contact)]) == {}


def test_third_party_contact_is_a_breach() -> None:
    at = datetime(2026, 11, 20, 10, 0, tzinfo=CST)
    noted = _loan_with(_call("t", at, third_party="my mother, 138…"), _call("none", at))
    assert collection_breaches(noted) == [{"note": "t", "rule": "third_party"}]


@pytest.mark.parametrize("kind", ABUSE_KINDS)
def test_each_abuse_kind_is_a_breach(kind: str) -> None:
    at = datetime(2026, 11, 20, 10, 0, tzinfo=CST)
    assert collection_breaches(_loan_with(_call("a", at, abuse=(kind,)))) == [
        {"note": "a", "rule": "abuse"}
    ]


def test_an_outgoing_call_at_night_is_no_breach() -> None:
    at = datetime(2026, 11, 20, 23, 0, tzinfo=CST)
    assert collection_breaches(_loan_with(_call("o", at, direction="outgoing"))) == []


def test_one_contact_breaking_several_rules_lists_each_in_order() -> None:
    at = datetime(2026, 11, 20, 23, 30, tzinfo=CST)
    note = _call("all", at, third_party="employer", abuse=("threat", "insult"))
    assert collection_breaches(_loan_with(note)) == [
        {"note": "all", "rule": "night_call"},
        {"note": "all", "rule": "third_party"},
        {"note": "all", "rule": "abuse"},
    ]


@pytest.mark.parametrize(
    ("settled", "clears"),
    [
        (date(2026, 12, 15), date(2031, 12, 15)),
        (date(2028, 2, 29), date(2033, 2, 28)),  # a leap day: no 29 Feb in 2033
        (date(2027, 2, 28), date(2032, 2, 28)),
        (date(2031, 3, 1), date(2036, 3, 1)),
    ],
)
def test_clears_five_years_after_settlement(settled: date, clears: date) -> None:
    assert clears_on(settled) == clears
    record = credit_record(replace(loan(notes=False), settlement=Settlement(settled_on=settled)))
    assert record == {"settled_on": settled.isoformat(), "clears_on": clears.isoformat()}


def test_credit_record_of_a_running_loan_is_empty() -> None:
    assert credit_record(loan(notes=False)) == {"settled_on": None, "clears_on": None}


def test_report_check_a_month_after_and_dispute_answer_in_20_days() -> None:
    assert check_report_on(date(2027, 1, 31)) == date(2027, 2, 28)
    assert dispute_answer_by(date(2027, 3, 1)) == date(2027, 3, 21)
