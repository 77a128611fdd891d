"""Call note rows and records, with their revisions, attachment links and the note chain.

Notes are append-only: ``write_note`` stores a note as it is now and appends one event to the
loan's chain; earlier events are never touched, and ``chain_problems`` says where one was.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ashore.app.errors import InputError
from ashore.domain.records import (
    Attachment,
    CallNote,
    Loan,
    NoteEvent,
    NoteRevision,
)
from ashore.store.chain import (
    GENESIS,
    StoredNote,
    anchors,
    append_event,
    loan_chain_problems,
)
from ashore.store.evidence import EvidenceStore
from ashore.store.mapping import now
from ashore.store.mapping.files import evidence_row
from ashore.store.models import (
    LoanRow,
    NoteEventRow,
    NoteEvidenceRow,
    NoteRevisionRow,
    NoteRow,
)
from ashore.store.rows import given_chain


def note_record(row: NoteRow) -> CallNote:
    return CallNote(
        id=row.id,
        occurred_at=row.occurred_at,
        logged_at=row.logged_at,
        channel=row.channel,
        counterpart=row.counterpart,
        text=row.text,
        outcome=row.outcome,
        promises=row.promises,
        follow_up=row.follow_up,
        attachments=[
            Attachment(
                sha256=link.sha256,
                name=link.name,
                kind=link.kind,
                size=link.file.size,
                imported_at=link.file.imported_at,
                duration_ms=link.file.duration_ms,
            )
            for link in row.attachments
        ],
        revisions=[
            NoteRevision(
                revised_at=r.revised_at,
                occurred_at=r.occurred_at,
                channel=r.channel,
                counterpart=r.counterpart,
                text=r.text,
                outcome=r.outcome,
                promises=r.promises,
                follow_up=r.follow_up,
                **_collection(r),
            )
            for r in row.revisions
        ],
        deleted_at=row.deleted_at,
        deleted_reason=row.deleted_reason,
        **_collection(row),
    )


def _collection(row: NoteRow | NoteRevisionRow) -> dict[str, Any]:
    return {
        "kind": row.kind,
        "direction": row.direction,
        "from_number": row.from_number,
        "third_party": row.third_party,
        "abuse": tuple(part for part in row.abuse.split(",") if part),
    }


def _fill_collection(row: NoteRow | NoteRevisionRow, note: CallNote | NoteRevision) -> None:
    row.kind = note.kind
    row.direction = note.direction
    row.from_number = note.from_number
    row.third_party = note.third_party
    row.abuse = ",".join(note.abuse)


def event_record(row: NoteEventRow) -> NoteEvent:
    return NoteEvent(
        note=row.note_id,
        kind=row.kind,
        at=row.at,
        body=row.body,
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


def change_kind(old: CallNote, new: CallNote) -> str:
    """The event that turns ``old`` into ``new``: deleted, attached or revised."""
    if new.deleted_at is not None and old.deleted_at is None:
        return "deleted"
    same_content = (
        old.occurred_at,
        old.channel,
        old.counterpart,
        old.text,
        old.outcome,
        old.promises,
        old.follow_up,
        old.revisions,
        old.kind,
        old.direction,
        old.from_number,
        old.third_party,
        old.abuse,
    ) == (
        new.occurred_at,
        new.channel,
        new.counterpart,
        new.text,
        new.outcome,
        new.promises,
        new.follow_up,
        new.revisions,
        new.kind,
        new.direction,
        new.from_number,
        new.third_party,
        new.abuse,
    )
    return "attached" if same_content and old.attachments != new.attachments else "revised"


def _fill_note(
    session: Session, store: EvidenceStore, note_row: NoteRow, note: CallNote, path: str
) -> None:
    """Make ``note_row`` hold ``note`` (its revisions and attachment links included)."""
    note_row.occurred_at = note.occurred_at
    note_row.logged_at = note.logged_at
    note_row.channel = note.channel
    note_row.counterpart = note.counterpart
    note_row.text = note.text
    note_row.outcome = note.outcome
    note_row.promises = note.promises
    note_row.follow_up = note.follow_up
    note_row.deleted_at = note.deleted_at
    note_row.deleted_reason = note.deleted_reason
    _fill_collection(note_row, note)
    revisions = []
    for j, r in enumerate(note.revisions):
        revision_row = NoteRevisionRow(
            position=j,
            revised_at=r.revised_at,
            occurred_at=r.occurred_at,
            channel=r.channel,
            counterpart=r.counterpart,
            text=r.text,
            outcome=r.outcome,
            promises=r.promises,
            follow_up=r.follow_up,
        )
        _fill_collection(revision_row, r)
        revisions.append(revision_row)
    note_row.revisions = revisions
    links: list[NoteEvidenceRow] = []
    for j, attachment in enumerate(note.attachments):
        file_row = evidence_row(session, store, attachment, f"{path}.attachments[{j}]")
        links.append(
            NoteEvidenceRow(
                position=j,
                sha256=attachment.sha256,
                name=attachment.name,
                kind=attachment.kind,
                file=file_row,
            )
        )
    note_row.attachments = links


def _add_event(row: LoanRow, event: NoteEvent) -> None:
    row.note_events.append(
        NoteEventRow(
            position=len(row.note_events),
            note_id=event.note,
            kind=event.kind,
            at=event.at,
            body=event.body,
            prev_hash=event.prev_hash,
            hash=event.hash,
        )
    )


def write_note(
    session: Session,
    store: EvidenceStore,
    row: LoanRow,
    note: CallNote,
    kind: str,
    at: datetime,
    path: str = "note",
) -> NoteEvent:
    """Store ``note`` on the loan ``row`` as it is now and append the event ``kind`` for it.

    A note not yet on the loan is added after the others; an existing one is updated in place.
    Earlier events are never touched.
    """
    events = [event_record(e) for e in row.note_events]
    first_event = {e.note for e in events}
    note_row = next((n for n in row.notes if n.id == note.id), None)
    if note_row is None:
        previous = anchors(events).get(row.notes[-1].id, GENESIS) if row.notes else GENESIS
        note_row = NoteRow(id=note.id, position=len(row.notes), prev_hash=previous, hash=GENESIS)
        row.notes.append(note_row)
    elif note.id not in first_event:  # pragma: no cover - every stored note has its events
        raise InputError(f"{path}: note {note.id!r} has no entry in the chain")
    _fill_note(session, store, note_row, note, path)
    event = append_event(events, row.id, note, kind, at)
    _add_event(row, event)
    note_row.hash = event.hash
    return event


def write_new_notes(
    session: Session, store: EvidenceStore, row: LoanRow, loan: Loan, path: str
) -> None:
    """A new loan's notes: the record's chain as given (checked first), then events for notes
    the chain does not cover yet (a hand-written exchange file has no chain)."""
    events, latest = given_chain(loan, path)
    first = anchors(events)
    note_rows: list[NoteRow] = []
    previous = GENESIS
    for i, note in enumerate(loan.notes):
        note_row = NoteRow(id=note.id, position=i, prev_hash=previous, hash=GENESIS)
        _fill_note(session, store, note_row, note, f"{path}.notes[{i}]")
        if note.id not in latest:
            event = append_event(events, loan.id, note, "created", now(session))
            first[note.id] = event.hash
            latest[note.id] = event
        note_row.hash = latest[note.id].hash
        previous = first[note.id]
        note_rows.append(note_row)
    row.notes = note_rows
    row.note_events = []
    for event in events:
        _add_event(row, event)


def chain_problems(row: LoanRow) -> list[str]:
    """One line per note whose chain does not hold (``chain.loan_chain_problems``)."""
    notes = [StoredNote(n.id, n.prev_hash, n.hash, note_record(n)) for n in row.notes]
    return loan_chain_problems(row.id, [event_record(e) for e in row.note_events], notes)
