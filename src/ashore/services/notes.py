"""Call notes: write, revise, delete with a reason, attach evidence files, list follow-ups.

Every change appends one event to the loan's note chain (``ashore.store.chain``), so a legitimate
edit never rewrites an earlier hash while a change behind the app's back shows up in ``verify``.
Files are hashed and copied in chunks with a progress callback and a cancel check, so a worker
thread can run the copy of a 300 MB recording and stop it cleanly.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ashore.app.errors import InputError
from ashore.domain.records import Attachment, CallNote, Loan, NoteEvent, NoteRevision
from ashore.domain.validation import check_note
from ashore.services.ledger import Ledger
from ashore.store.database import Database
from ashore.store.evidence import Progress
from ashore.store.mapping.files import discard_unreferenced
from ashore.store.mapping.loans import LOAN_CHILDREN, loan_record, loan_row, loan_rows_by_id
from ashore.store.mapping.notes import chain_problems, event_record, note_record, write_note
from ashore.store.media import wav_duration_ms
from ashore.store.models import EvidenceFileRow, LoanRow, NoteRow

AUDIO_SUFFIXES = frozenset({".wav", ".mp3", ".m4a", ".aac", ".amr", ".ogg", ".opus", ".flac"})
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp"})
DOCUMENT_SUFFIXES = frozenset({".pdf"})
ATTACHABLE = AUDIO_SUFFIXES | IMAGE_SUFFIXES | DOCUMENT_SUFFIXES

# How long a recording lasts in ms (None when unknown); the window hands in one that also reads
# non-WAV formats through QtMultimedia (``ashore.ui.audio.probe.probe_duration_ms``).
DurationProbe = Callable[[Path], int | None]


@dataclass(frozen=True)
class FollowUp:
    """A follow-up date promised on a note that is not deleted."""

    loan_id: str
    note_id: str
    due: date
    text: str
    overdue: bool


@dataclass(frozen=True)
class StoredFile:
    """A file copied into the evidence store, not linked to a note yet."""

    sha256: str
    name: str
    kind: str
    size: int
    duration_ms: int | None
    new: bool  # the store did not hold this content before


def evidence_kind(name: str) -> str:
    """audio, image or document by the file's suffix; ``other`` for anything else."""
    suffix = Path(name).suffix.lower()
    if suffix in AUDIO_SUFFIXES:
        return "audio"
    if suffix in IMAGE_SUFFIXES:
        return "image"
    if suffix in DOCUMENT_SUFFIXES:
        return "document"
    return "other"


def _database(source: Ledger | Database) -> Database:
    return source.db if isinstance(source, Ledger) else source


def follow_ups(source: Ledger | Database, today: date) -> list[FollowUp]:
    """Every follow-up of a live note (not deleted), soonest first; ``overdue`` when before today.

    Only a note's latest follow-up counts; one on a later note of the same loan does not cancel it.
    """
    db = _database(source)
    with db.reading() as session:
        rows = session.scalars(
            select(NoteRow)
            .where(NoteRow.follow_up.is_not(None), NoteRow.deleted_at.is_(None))
            .order_by(NoteRow.follow_up, NoteRow.loan_id, NoteRow.position)
        )
        out = []
        for row in rows:
            assert row.follow_up is not None
            text = row.promises or row.outcome or row.text
            out.append(
                FollowUp(
                    loan_id=row.loan_id,
                    note_id=row.id,
                    due=row.follow_up,
                    text=text.strip().splitlines()[0] if text.strip() else "",
                    overdue=row.follow_up < today,
                )
            )
        return out


class Notes:
    """The call notes of every loan, as the notes pane and the commands see them."""

    def __init__(
        self, source: Ledger | Database, duration_probe: DurationProbe | None = None
    ) -> None:
        self.db = _database(source)
        # Without a probe handed in, only WAV recordings are measured (from their header).
        self.duration_probe: DurationProbe = duration_probe or wav_duration_ms

    # --- reading -----------------------------------------------------------------------------

    def notes(self, loan_id: str) -> list[CallNote]:
        """The loan's notes in the order they were written (deleted ones as tombstones)."""
        return self.loan(loan_id).notes

    def loan(self, loan_id: str) -> Loan:
        with self.db.reading() as session:
            return loan_record(_full_row(session, loan_id))

    def lender_notes(self, lender_id: str) -> list[tuple[Loan, CallNote]]:
        """Every note on the lender's loans, newest contact first."""
        return newest_first(self.lender_loans(lender_id))

    def lender_loans(self, lender_id: str) -> list[Loan]:
        """Every loan of the lender, by id (what the collection rules count together); their
        children read in one query per kind, as ``Ledger.loan`` reads them (not per note: a
        lender's 1,300 notes were some 8,000 queries)."""
        return self.lender_read(lender_id)[0]

    def read(self, loan_id: str) -> tuple[Loan, list[NoteEvent], list[str]]:
        """``loan``, ``chain`` and ``problems`` of the loan from one read (what the notes pane
        shows of it)."""
        with self.db.reading() as session:
            row = _full_row(session, loan_id)
            return loan_record(row), [event_record(e) for e in row.note_events], chain_problems(row)

    def lender_read(self, lender_id: str) -> tuple[list[Loan], list[str]]:
        """``lender_loans`` and the ``problems`` of those with notes, from one read."""
        with self.db.reading() as session:
            rows = list(
                session.scalars(
                    select(LoanRow)
                    .where(LoanRow.lender_id == lender_id)
                    .order_by(LoanRow.id)
                    .options(*LOAN_CHILDREN)
                )
            )
            problems = [line for row in rows if row.notes for line in chain_problems(row)]
            return [loan_record(row) for row in rows], problems

    def chain(self, loan_id: str) -> list[NoteEvent]:
        with self.db.reading() as session:
            return [event_record(e) for e in _full_row(session, loan_id).note_events]

    def problems(self, loan_id: str) -> list[str]:
        """What ``ashore verify`` would say about this loan's notes; empty when they hold."""
        with self.db.reading() as session:
            return chain_problems(_full_row(session, loan_id))

    # --- writing -----------------------------------------------------------------------------

    def add(
        self,
        loan_id: str,
        *,
        occurred_at: datetime | None = None,
        channel: str = "phone",
        counterpart: str = "",
        text: str = "",
        outcome: str = "",
        promises: str = "",
        follow_up: date | None = None,
        note_id: str | None = None,
        kind: str = "contact",
        direction: str = "",
        from_number: str = "",
        third_party: str = "",
        abuse: tuple[str, ...] = (),
    ) -> CallNote:
        """A new note; ``logged_at`` is now, set here and never editable.

        A collection contact (``kind="collection"``) says who called whom (``direction``), from
        which number, who else the collector contacted and the abuse heard.
        """
        logged = self.db.clock.now()
        note = CallNote(
            id=note_id or self._new_note_id(),
            occurred_at=occurred_at or logged,
            logged_at=logged,
            channel=channel,
            counterpart=counterpart.strip(),
            text=text.strip(),
            outcome=outcome.strip(),
            promises=promises.strip(),
            follow_up=follow_up,
            kind=kind,
            direction=direction,
            from_number=from_number.strip(),
            third_party=third_party.strip(),
            abuse=tuple(abuse),
        )
        _check(note)
        with self.db.transaction() as session:
            row = loan_row(session, loan_id)
            if any(n.id == note.id for n in row.notes):
                raise InputError(f"note.id: {note.id!r} already exists on loan {loan_id}")
            write_note(session, self.db.evidence, row, note, "created", logged)
        return note

    def revise(
        self,
        loan_id: str,
        note_id: str,
        *,
        occurred_at: datetime | None = None,
        channel: str | None = None,
        counterpart: str | None = None,
        text: str | None = None,
        outcome: str | None = None,
        promises: str | None = None,
        follow_up: date | str | None = "keep",
        kind: str | None = None,
        direction: str | None = None,
        from_number: str | None = None,
        third_party: str | None = None,
        abuse: tuple[str, ...] | None = None,
    ) -> CallNote:
        """Change a note's content; the version it had is kept as a revision with the time."""
        with self.db.transaction() as session:
            row = loan_row(session, loan_id)
            old = self._note(row, note_id)
            if old.deleted_at is not None:
                raise InputError(
                    f"note {note_id}: is deleted; a deleted note cannot be edited",
                    code="note.deleted",
                )
            at = self.db.clock.now()
            new = replace(
                old,
                occurred_at=occurred_at if occurred_at is not None else old.occurred_at,
                channel=channel if channel is not None else old.channel,
                counterpart=counterpart.strip() if counterpart is not None else old.counterpart,
                text=text.strip() if text is not None else old.text,
                outcome=outcome.strip() if outcome is not None else old.outcome,
                promises=promises.strip() if promises is not None else old.promises,
                follow_up=old.follow_up if isinstance(follow_up, str) else follow_up,
                kind=kind if kind is not None else old.kind,
                direction=direction if direction is not None else old.direction,
                from_number=from_number.strip() if from_number is not None else old.from_number,
                third_party=third_party.strip() if third_party is not None else old.third_party,
                abuse=tuple(abuse) if abuse is not None else old.abuse,
            )
            if _content(new) == _content(old):
                return old  # nothing changed: no revision, no event
            new.revisions = [
                *old.revisions,
                NoteRevision(
                    revised_at=at,
                    occurred_at=old.occurred_at,
                    channel=old.channel,
                    counterpart=old.counterpart,
                    text=old.text,
                    outcome=old.outcome,
                    promises=old.promises,
                    follow_up=old.follow_up,
                    kind=old.kind,
                    direction=old.direction,
                    from_number=old.from_number,
                    third_party=old.third_party,
                    abuse=old.abuse,
                ),
            ]
            _check(new)
            write_note(session, self.db.evidence, row, new, "revised", at)
            return new

    def delete(self, loan_id: str, note_id: str, reason: str) -> CallNote:
        """Leave a tombstone: the note stays, marked deleted with the time and ``reason``."""
        if not reason.strip():
            raise InputError.at("reason", "note.reason_missing", "say why the note is deleted")
        with self.db.transaction() as session:
            row = loan_row(session, loan_id)
            old = self._note(row, note_id)
            if old.deleted_at is not None:
                raise InputError(f"note {note_id}: is already deleted", code="note.already_deleted")
            at = self.db.clock.now()
            new = replace(old, deleted_at=at, deleted_reason=reason.strip())
            write_note(session, self.db.evidence, row, new, "deleted", at)
            return new

    def store(
        self,
        source: Path,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> StoredFile:
        """Copy a file into the evidence store (the slow part; safe in a worker thread)."""
        source = Path(source)
        sha, new = self.db.evidence.add(source, progress, cancelled, field="file")
        kind = evidence_kind(source.name)
        duration = None
        if kind == "audio":
            try:
                duration = self.duration_probe(self.db.evidence.path_for(sha))
            except (OSError, ValueError, RuntimeError, ImportError, struct.error):
                duration = None  # an unreadable recording is still evidence; length unknown
        return StoredFile(
            sha256=sha,
            name=source.name,
            kind=kind,
            size=source.stat().st_size,
            duration_ms=duration,
            new=new,
        )

    def link(self, loan_id: str, note_id: str, stored: StoredFile) -> Attachment:
        """Attach a stored file to a note (an ``attached`` event); the same file once per note."""
        try:
            with self.db.transaction() as session:
                row = loan_row(session, loan_id)
                old = self._note(row, note_id)
                if old.deleted_at is not None:
                    raise InputError(
                        f"note {note_id}: is deleted; nothing can be attached",
                        code="note.deleted",
                    )
                if any(a.sha256 == stored.sha256 for a in old.attachments):
                    raise InputError.at(
                        "file",
                        "note.already_attached",
                        f"{stored.name} is already attached to note {note_id}",
                        name=stored.name,
                    )
                file_row = session.get(EvidenceFileRow, stored.sha256)
                at = self.db.clock.now()
                attachment = Attachment(
                    sha256=stored.sha256,
                    name=stored.name,
                    kind=stored.kind,
                    size=stored.size,
                    imported_at=file_row.imported_at if file_row is not None else at,
                    duration_ms=(
                        file_row.duration_ms if file_row is not None else stored.duration_ms
                    ),
                )
                new = replace(old, attachments=[*old.attachments, attachment])
                write_note(session, self.db.evidence, row, new, "attached", at)
                return attachment
        except BaseException:
            if stored.new:  # no committed row points at it: leave no file
                discard_unreferenced(self.db, [stored.sha256])
            raise

    def attach(
        self,
        loan_id: str,
        note_id: str,
        source: Path,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Attachment:
        """Copy ``source`` into the store and attach it to the note, all or nothing."""
        with self.db.reading() as session:
            self._note(loan_row(session, loan_id), note_id)  # fail before the copy
        return self.link(loan_id, note_id, self.store(source, progress, cancelled))

    def file_path(self, sha256: str) -> Path:
        return self.db.evidence.path_for(sha256)

    # --- helpers -----------------------------------------------------------------------------

    def _note(self, row: LoanRow, note_id: str) -> CallNote:
        for note_row in row.notes:
            if note_row.id == note_id:
                return note_record(note_row)
        raise InputError(f"note: {note_id!r} is not a note of loan {row.id}")

    def _new_note_id(self) -> str:
        return Ledger(self.db).new_id("note")


def _content(note: CallNote) -> tuple[object, ...]:
    return (
        note.occurred_at,
        note.channel,
        note.counterpart,
        note.text,
        note.outcome,
        note.promises,
        note.follow_up,
        note.kind,
        note.direction,
        note.from_number,
        note.third_party,
        note.abuse,
    )


def _check(note: CallNote) -> None:
    check_note(note, "note")
    # A minute's slack for clocks; a call noted before it happened is a typo in the time.
    if (note.occurred_at - note.logged_at).total_seconds() > 60:
        raise InputError.at(
            "note.occurred_at",
            "note.occurred_after_logged",
            "is after the note was written; pick the call's time",
        )


def _full_row(session: Session, loan_id: str) -> LoanRow:
    """The loan's row with its children read in one query per kind (``loan_row`` else)."""
    rows = loan_rows_by_id(session, [loan_id])
    return rows[0] if rows else loan_row(session, loan_id)  # (none: its InputError)


def newest_first(loans: list[Loan]) -> list[tuple[Loan, CallNote]]:
    """Every note of ``loans`` with its loan, newest contact first (the timeline's order)."""
    pairs = [(loan, note) for loan in loans for note in loan.notes]
    pairs.sort(key=lambda pair: (pair[1].occurred_at, pair[1].logged_at), reverse=True)
    return pairs
