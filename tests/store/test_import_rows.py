"""An import makes each note's "created" entry beside the note's row (``rows.Rows._notes``), its
times written out once for both, rather than as entry objects first (``rows.checked_chain``):
the rows must be the very rows the entries ``checked_chain`` makes would give, for notes the
record's own chain covers, notes it does not, notes with revisions or files, and one time."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from ashore.app.resources import resource_path
from ashore.domain.records import Attachment, CallNote, Loan, NoteRevision
from ashore.exchange import read_book
from ashore.store.chain import anchors, chain_breaks, heads
from ashore.store.rows import Rows, checked_chain, checked_chains, moment

EAST = timezone(timedelta(hours=8))
AT = datetime(2026, 11, 28, 9, 30, 0, 123456, tzinfo=UTC)


class _NoRows:
    """The connection ``Rows`` asks for the next keys: every table empty."""

    def execute(self, _sql: str) -> Any:
        return self

    def fetchone(self) -> tuple[None]:
        return (None,)


def _note(k: int, **change: Any) -> CallNote:
    at = datetime(2026, 6, 1, 9, 0, tzinfo=EAST) + timedelta(hours=k, seconds=k % 3)
    note = CallNote(id=f"n-{k}", occurred_at=at, logged_at=at + timedelta(minutes=5), text=f"{k}")
    return dataclasses.replace(note, **change)


def _loan() -> Loan:
    loan = read_book(resource_path("sample", "sample.json")).loans[0]
    revision = NoteRevision(
        revised_at=datetime(2026, 6, 3, tzinfo=EAST),
        occurred_at=datetime(2026, 6, 1, 8, 0, tzinfo=EAST),
        channel="phone",
        counterpart="agent",
        text="before",
        outcome="",
        promises="",
        follow_up=None,
    )
    notes = [
        _note(0),
        _note(1, revisions=[revision]),
        _note(2, attachments=[Attachment(sha256="a" * 64, name="call.m4a", kind="audio")]),
        _note(3, deleted_at=datetime(2026, 6, 4, tzinfo=UTC), deleted_reason="typo"),
        _note(4, kind="collection", direction="incoming", abuse=("threat",)),
        _note(5, follow_up=datetime(2026, 7, 1).date()),
        _note(6),
    ]
    # The record's own chain covers the first three notes (as an exported file's would).
    given = checked_chain(dataclasses.replace(loan, notes=notes[:3], note_chain=[]), "x", AT)
    return dataclasses.replace(loan, notes=notes, note_chain=given)


def test_the_rows_hold_the_entries_checked_chain_makes() -> None:
    loan = _loan()
    events = checked_chain(loan, "loans[0]", AT + timedelta(days=1))
    assert len(events) == len(loan.note_chain) + 4  # the four notes it does not cover
    assert chain_breaks(loan.id, events) == []  # each entry's hash as verify works it out

    rows = Rows(_NoRows())  # type: ignore[arg-type]
    (chain,) = checked_chains([(loan, "loans[0]")], AT + timedelta(days=1))
    rows.loan(loan, chain)

    assert rows.rows["note_events"] == [
        (1 + i, loan.id, i, e.note, e.kind, moment(e.at), e.body, e.prev_hash, e.hash)
        for i, e in enumerate(events)
    ]
    latest, first = heads(events), anchors(events)
    links = [(row[3], row[7], row[8]) for row in rows.rows["call_notes"]]
    previous = [first[n.id] for n in loan.notes[:-1]]
    assert links == [
        (n.id, prev, latest[n.id].hash)
        for n, prev in zip(loan.notes, ["0" * 64, *previous], strict=True)
    ]
    times = [(row[4], row[5], row[9]) for row in rows.rows["call_notes"]]
    assert times == [
        (moment(n.logged_at), moment(n.deleted_at), moment(n.occurred_at)) for n in loan.notes
    ]
    assert [row[2] for row in rows.rows["note_revisions"]] == [0]
    assert [row[3] for row in rows.rows["note_evidence"]] == ["a" * 64]
