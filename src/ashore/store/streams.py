"""Every loan's notes and note chain, streamed in loan id order from the driver's own cursors.

Four ordered queries (chain entries, notes, their revisions, their file links) are read side by
side, one loan's group at a time, so memory holds one loan however many there are and rows come
in C, a few hundred at a time, instead of one ORM object each: ``ashore verify`` checks the chains
from them and ``ashore export json`` writes the notes from them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ashore.domain.records import Attachment, CallNote, NoteEvent, NoteRevision
from ashore.store.chain import StoredNote, collection_content

_LOANS = "SELECT id FROM loans ORDER BY id"
_EVENTS = (
    "SELECT loan_id, note_id, kind, at, body, prev_hash, hash FROM note_events "
    "ORDER BY loan_id, position, pk"
)
_NOTES = (
    "SELECT loan_id, pk, id, occurred_at, logged_at, channel, counterpart, text, outcome, "
    "promises, follow_up, deleted_at, deleted_reason, kind, direction, from_number, third_party, "
    "abuse, prev_hash, hash FROM call_notes ORDER BY loan_id, position, pk"
)
_REVISIONS = (
    "SELECT n.loan_id, r.note_pk, r.revised_at, r.occurred_at, r.channel, r.counterpart, r.text, "
    "r.outcome, r.promises, r.follow_up, r.kind, r.direction, r.from_number, r.third_party, "
    "r.abuse FROM note_revisions r JOIN call_notes n ON n.pk = r.note_pk "
    "ORDER BY n.loan_id, r.note_pk, r.position, r.pk"
)
_LINKS = (
    "SELECT n.loan_id, e.note_pk, e.sha256, e.name, e.kind, f.size, f.imported_at, "
    "f.duration_ms FROM note_evidence e JOIN call_notes n ON n.pk = e.note_pk "
    "LEFT JOIN evidence_files f ON f.sha256 = e.sha256 "
    "ORDER BY n.loan_id, e.note_pk, e.position, e.pk"
)


def _time(value: object) -> datetime:
    return datetime.fromisoformat(str(value))


def _maybe_time(value: object) -> datetime | None:
    return None if value is None else _time(value)


def _maybe_day(value: object) -> date | None:
    return None if value is None else date.fromisoformat(str(value))


def _abuse(value: object) -> tuple[str, ...]:
    return tuple(part for part in str(value or "").split(",") if part)


@dataclass
class ByLoan:
    """Rows ordered by loan id (column 0), handed out one loan's group at a time."""

    rows: Iterator[Sequence[Any]]
    ahead: Sequence[Any] | None = None
    done: bool = False

    def take(self, loan_id: str) -> list[Sequence[Any]]:
        """The rows of ``loan_id``; rows of loans before it (no longer in ``loans``) are skipped."""
        group: list[Sequence[Any]] = []
        while not self.done:
            if self.ahead is None:
                self.ahead = next(self.rows, None)
                if self.ahead is None:
                    self.done = True
                    break
            key = str(self.ahead[0])
            if key > loan_id:
                break
            if key == loan_id:
                group.append(self.ahead)
            self.ahead = None
        return group


@dataclass
class Streams:
    """The four streams; ``loan(id)`` is the next loan's chain and notes (ids asked in order)."""

    events: ByLoan
    notes: ByLoan
    revisions: ByLoan
    links: ByLoan
    notes_seen: int = field(default=0)

    def _events(self, loan_id: str) -> list[NoteEvent]:
        """The next loan's chain entries, as they are stored."""
        return [
            NoteEvent(
                note=str(r[1]),
                kind=str(r[2]),
                at=_time(r[3]),
                body=str(r[4]),
                prev_hash=str(r[5]),
                hash=str(r[6]),
            )
            for r in self.events.take(loan_id)
        ]

    def loan(self, loan_id: str) -> tuple[list[NoteEvent], list[StoredNote]]:
        events = self._events(loan_id)
        revisions: dict[int, list[NoteRevision]] = {}
        for r in self.revisions.take(loan_id):
            revisions.setdefault(int(r[1]), []).append(_revision(r))
        links: dict[int, list[Attachment]] = {}
        for r in self.links.take(loan_id):
            links.setdefault(int(r[1]), []).append(
                Attachment(
                    sha256=str(r[2]),
                    name=str(r[3]),
                    kind=str(r[4]),
                    size=int(r[5] or 0),
                    imported_at=_maybe_time(r[6]),
                    duration_ms=None if r[7] is None else int(r[7]),
                )
            )
        notes = [
            StoredNote(
                str(r[2]),
                str(r[18]),
                str(r[19]),
                _note(r, revisions.get(int(r[1]), []), links.get(int(r[1]), [])),
            )
            for r in self.notes.take(loan_id)
        ]
        self.notes_seen += len(notes)
        return events, notes


# What ``chain.note_content`` holds of a note read by ``_note``, from the same columns (the exact
# way ``chain_check`` puts a row together): each time and day as its value read back writes it
# (``isoformat`` of what ``fromisoformat`` makes of it).


def _iso(value: object) -> str:
    return datetime.fromisoformat(str(value)).isoformat()


def _maybe_iso(value: object) -> str | None:
    return None if value is None else _iso(value)


def _maybe_iso_day(value: object) -> str | None:
    return None if value is None else date.fromisoformat(str(value)).isoformat()


def _revision_content(r: Sequence[Any]) -> dict[str, Any]:
    return {
        "revised_at": _iso(r[2]),
        "occurred_at": _iso(r[3]),
        "channel": str(r[4]),
        "counterpart": str(r[5]),
        "text": str(r[6]),
        "outcome": str(r[7]),
        "promises": str(r[8]),
        "follow_up": _maybe_iso_day(r[9]),
        **collection_content(str(r[10]), str(r[11]), str(r[12]), str(r[13]), _abuse(r[14])),
    }


def _note_content(
    loan_id: str, r: Sequence[Any], revisions: list[dict[str, Any]], links: list[list[str]]
) -> dict[str, Any]:
    return {
        **collection_content(str(r[13]), str(r[14]), str(r[15]), str(r[16]), _abuse(r[17])),
        "loan": loan_id,
        "id": str(r[2]),
        "occurred_at": _iso(r[3]),
        "logged_at": _iso(r[4]),
        "channel": str(r[5]),
        "counterpart": str(r[6]),
        "text": str(r[7]),
        "outcome": str(r[8]),
        "promises": str(r[9]),
        "follow_up": _maybe_iso_day(r[10]),
        "deleted_at": _maybe_iso(r[11]),
        "deleted_reason": str(r[12]),
        "attachments": links,
        "revisions": revisions,
    }


def _revision(r: Sequence[Any]) -> NoteRevision:
    return NoteRevision(
        revised_at=_time(r[2]),
        occurred_at=_time(r[3]),
        channel=str(r[4]),
        counterpart=str(r[5]),
        text=str(r[6]),
        outcome=str(r[7]),
        promises=str(r[8]),
        follow_up=_maybe_day(r[9]),
        kind=str(r[10]),
        direction=str(r[11]),
        from_number=str(r[12]),
        third_party=str(r[13]),
        abuse=_abuse(r[14]),
    )


def _note(r: Sequence[Any], revisions: list[NoteRevision], links: list[Attachment]) -> CallNote:
    return CallNote(
        id=str(r[2]),
        occurred_at=_time(r[3]),
        logged_at=_time(r[4]),
        channel=str(r[5]),
        counterpart=str(r[6]),
        text=str(r[7]),
        outcome=str(r[8]),
        promises=str(r[9]),
        follow_up=_maybe_day(r[10]),
        deleted_at=_maybe_time(r[11]),
        deleted_reason=str(r[12]),
        kind=str(r[13]),
        direction=str(r[14]),
        from_number=str(r[15]),
        third_party=str(r[16]),
        abuse=_abuse(r[17]),
        attachments=links,
        revisions=revisions,
    )


def open_streams(raw: sqlite3.Connection) -> Streams:
    """The streams over ``raw``, each from its first row."""
    return Streams(
        ByLoan(iter(raw.execute(_EVENTS))),
        ByLoan(iter(raw.execute(_NOTES))),
        ByLoan(iter(raw.execute(_REVISIONS))),
        ByLoan(iter(raw.execute(_LINKS))),
    )


def loan_ids(raw: sqlite3.Connection) -> list[str]:
    """Every loan's id, in the order the streams hand them out."""
    return [str(r[0]) for r in raw.execute(_LOANS)]
