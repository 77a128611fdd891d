"""What ``ashore verify`` checks, read in a few streamed queries instead of object by object.

Every note chain is checked loan by loan from five queries read side by side (loans, chain
entries, notes, their revisions, their file links, each ordered by loan), so memory holds one
loan at a time however many there are; the seals are compared in a few queries per 500 loans.
The findings and their wording are those of ``chain.loan_chain_problems`` and ``seal.problems``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Connection, func, select

from ashore.app.errors import DataError
from ashore.app.progress import Progress, report
from ashore.domain.records import Attachment, CallNote, NoteEvent, NoteRevision
from ashore.store import seal
from ashore.store.chain import StoredNote, loan_chain_problems
from ashore.store.database import Database
from ashore.store.models import EvidenceFileRow, NoteRow

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
    "SELECT n.loan_id, e.note_pk, e.sha256, e.name, e.kind FROM note_evidence e "
    "JOIN call_notes n ON n.pk = e.note_pk ORDER BY n.loan_id, e.note_pk, e.position, e.pk"
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
class _ByLoan:
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
class _Streams:
    events: _ByLoan
    notes: _ByLoan
    revisions: _ByLoan
    links: _ByLoan
    notes_seen: int = field(default=0)

    def loan(self, loan_id: str) -> tuple[list[NoteEvent], list[StoredNote]]:
        events = [
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
        revisions: dict[int, list[NoteRevision]] = {}
        for r in self.revisions.take(loan_id):
            revisions.setdefault(int(r[1]), []).append(_revision(r))
        links: dict[int, list[Attachment]] = {}
        for r in self.links.take(loan_id):
            links.setdefault(int(r[1]), []).append(
                Attachment(sha256=str(r[2]), name=str(r[3]), kind=str(r[4]))
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


def chain_findings(con: Connection, progress: Progress | None = None) -> tuple[list[str], int]:
    """Every note chain's problems, loan by loan in id order, and the number of notes read."""
    # The driver's own cursors, read side by side: rows come in C, a few hundred at a time.
    raw = cast(sqlite3.Connection, con.connection.driver_connection)
    loans = [str(r[0]) for r in raw.execute(_LOANS)]
    streams = _Streams(
        _ByLoan(iter(raw.execute(_EVENTS))),
        _ByLoan(iter(raw.execute(_NOTES))),
        _ByLoan(iter(raw.execute(_REVISIONS))),
        _ByLoan(iter(raw.execute(_LINKS))),
    )
    found: list[str] = []
    for done, loan_id in enumerate(loans, start=1):
        events, notes = streams.loan(loan_id)
        found.extend(loan_chain_problems(loan_id, events, notes))
        report(progress, done, len(loans))
    return found, streams.notes_seen


def _file_problems(db: Database, con: Connection) -> tuple[list[str], int]:
    problems: list[str] = []
    files = 0
    rows = con.execute(
        select(
            EvidenceFileRow.sha256, EvidenceFileRow.original_name, EvidenceFileRow.size
        ).order_by(EvidenceFileRow.sha256)
    ).all()
    for sha, name, size in rows:
        files += 1
        problem = db.evidence.verify(sha)
        if problem is None and db.evidence.path_for(sha).stat().st_size != size:
            problem = f"size is not the recorded {size} bytes"
        if problem is not None:
            problems.append(f"evidence {sha} ({name}): {problem}")
    return problems, files


def record_problems(db: Database, progress: Progress | None = None) -> tuple[list[str], int, int]:
    """Problems of the stored files, the note chains and the seals; files and notes checked."""
    with db.reading() as session:
        con = session.connection()
        problems, files = _file_problems(db, con)
        found, notes = chain_findings(con, progress)
        problems.extend(found)
        problems.extend(seal.problems(con))
        counted = session.scalar(select(func.count()).select_from(NoteRow)) or 0
    del notes  # every note row counts, as before, also one whose loan is gone
    return problems, files, counted


def find_problems(db: Database, progress: Progress | None = None) -> tuple[list[str], int, int]:
    """Every problem found (one line each), the number of files and of notes checked."""
    problems = db.integrity_problems()
    try:
        found, files, notes = record_problems(db, progress)
    except DataError as error:
        # A damaged page the rows run into: integrity_check has named it; say where it stopped.
        return [*problems, f"database: cannot be read further: {error}"], 0, 0
    return problems + found, files, notes
