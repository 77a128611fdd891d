"""The hash chain over a loan's call notes: an append-only list of events, chained by hash.

Every change made through Ashore (a note created, revised, deleted with a reason, a file attached)
appends one event holding the note's full state after it; earlier hashes are never rewritten. Any
change made behind the app's back (a text edited in the database, a note or event removed or
reordered) no longer matches the chain, and ``ashore verify`` names the note.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any, Protocol, TypeVar

from ashore.domain.records import CallNote, NoteEvent, NoteRevision

GENESIS = "0" * 64
# The canonical JSON of hashes (sorted keys, UTF-8 as is): the same text as
# ``json.dumps(value, sort_keys=True, ensure_ascii=False)``.
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False)
# The encoder's C core made once: ``JSONEncoder.encode`` builds it again on every call, which
# costs more than encoding a note's few fields (a verify or an import does it 20,000 times).
# (No check for cycles: what is hashed is plain, acyclic JSON data.)
_C_ENCODER: Callable[[object, int], Iterable[str]] | None = (
    None
    if c_make_encoder is None
    else c_make_encoder(
        None, _CANONICAL.default, encode_basestring, None, ": ", ", ", True, False, True
    )
)


def canonical(value: object) -> str:
    """``value`` (plain JSON data) as the canonical JSON text hashes are over."""
    if _C_ENCODER is None:  # pragma: no cover - CPython always has the C encoder
        return _CANONICAL.encode(value)
    return "".join(_C_ENCODER(value, 0))


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def collection_content(
    kind: str, direction: str, from_number: str, third_party: str, abuse: tuple[str, ...]
) -> dict[str, Any]:
    """The collection-contact fields a hash covers; nothing for an ordinary contact, so every
    note written before these fields existed keeps the body (and the hash) it had."""
    if kind == "contact" and not (direction or from_number or third_party or abuse):
        return {}
    return {
        "kind": kind,
        "direction": direction,
        "from_number": from_number,
        "third_party": third_party,
        "abuse": list(abuse),
    }


def _revision_content(r: NoteRevision) -> dict[str, Any]:
    return {
        "revised_at": _time(r.revised_at),
        "occurred_at": _time(r.occurred_at),
        "channel": r.channel,
        "counterpart": r.counterpart,
        "text": r.text,
        "outcome": r.outcome,
        "promises": r.promises,
        "follow_up": _day(r.follow_up),
        **collection_content(r.kind, r.direction, r.from_number, r.third_party, r.abuse),
    }


def note_content(loan_id: str, note: CallNote) -> dict[str, Any]:
    """Everything a note's hash covers, as plain JSON values."""
    # Written out for speed (an import works out 20,000 of them): the collection fields only when
    # the note has them (``collection_content``), no list built for what a note has none of.
    occurred, logged, deleted, follow_up = (
        note.occurred_at,
        note.logged_at,
        note.deleted_at,
        note.follow_up,
    )
    content = {
        "loan": loan_id,
        "id": note.id,
        "occurred_at": None if occurred is None else occurred.isoformat(),
        "logged_at": None if logged is None else logged.isoformat(),
        "channel": note.channel,
        "counterpart": note.counterpart,
        "text": note.text,
        "outcome": note.outcome,
        "promises": note.promises,
        "follow_up": None if follow_up is None else follow_up.isoformat(),
        "deleted_at": None if deleted is None else deleted.isoformat(),
        "deleted_reason": note.deleted_reason,
        "attachments": [[a.sha256, a.name, a.kind] for a in note.attachments]
        if note.attachments
        else [],
        "revisions": [_revision_content(r) for r in note.revisions] if note.revisions else [],
    }
    if (
        note.kind != "contact"
        or note.direction
        or note.from_number
        or note.third_party
        or note.abuse
    ):
        content.update(
            collection_content(
                note.kind, note.direction, note.from_number, note.third_party, note.abuse
            )
        )
    return content


def note_hash(prev_hash: str, loan_id: str, note: CallNote) -> str:
    """SHA-256 over the previous hash and the note's canonical JSON (sorted keys, UTF-8)."""
    body = note_body(loan_id, note)
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


EVENT_KINDS: tuple[str, ...] = ("created", "revised", "deleted", "attached")


def note_body(loan_id: str, note: CallNote) -> str:
    """The canonical JSON text of a note's full state: what an event's ``body`` holds."""
    body = _plain_body(loan_id, note)
    return canonical(note_content(loan_id, note)) if body is None else body


def _moment(value: datetime | None) -> str | None:
    """A note's time as the canonical JSON writes it; None for anything not a time or null."""
    if value is None:
        return "null"
    return encode_basestring(value.isoformat()) if type(value) is datetime else None


def timed_body(loan_id: str, note: CallNote, occurred: str, logged: str) -> str:
    """``note_body(loan_id, note)`` of a note whose ``occurred_at`` and ``logged_at`` are times
    whose ``isoformat()`` texts are ``occurred`` and ``logged``: the caller has them already (an
    import writes them into the note's row too)."""
    body = _plain_body(loan_id, note, f'"{occurred}"', f'"{logged}"')
    return canonical(note_content(loan_id, note)) if body is None else body


def _plain_body(
    loan_id: str, note: CallNote, occurred_text: str | None = None, logged_text: str | None = None
) -> str | None:
    """``canonical(note_content(...))`` of an ordinary note (no files, no revisions, no collection
    fields), written out in its sorted key order with the encoder's own string writer: the very
    text, without the dict and the encoder's walk over it (an import hashes 20,000 notes). None
    for any other note, or any value not of its usual type: ``canonical`` then writes it."""
    if note.attachments or note.revisions or note.abuse:
        return None
    if note.kind != "contact" or note.direction or note.from_number or note.third_party:
        return None
    channel, counterpart, reason, ident = (
        note.channel,
        note.counterpart,
        note.deleted_reason,
        note.id,
    )
    outcome, promises, text = note.outcome, note.promises, note.text
    # (each type asked in turn: a generator over them cost a fifth of the body)
    if not (
        type(channel) is str
        and type(counterpart) is str
        and type(reason) is str
        and type(ident) is str
        and type(loan_id) is str
        and type(outcome) is str
        and type(promises) is str
        and type(text) is str
    ):
        return None
    escape = encode_basestring
    channel, counterpart, reason, ident = (
        escape(channel),
        escape(counterpart),
        escape(reason),
        escape(ident),
    )
    loan, outcome, promises, text = escape(loan_id), escape(outcome), escape(promises), escape(text)
    # (an isoformat() text needs no escaping: quoted, it is what the encoder writes)
    deleted = _moment(note.deleted_at)
    logged = _moment(note.logged_at) if logged_text is None else logged_text
    occurred = _moment(note.occurred_at) if occurred_text is None else occurred_text
    follow_up = note.follow_up
    if type(follow_up) is date:
        day = encode_basestring(follow_up.isoformat())
    elif follow_up is None:
        day = "null"
    else:
        return None
    if deleted is None or logged is None or occurred is None:
        return None
    return (
        f'{{"attachments": [], "channel": {channel}, "counterpart": {counterpart}, '
        f'"deleted_at": {deleted}, "deleted_reason": {reason}, "follow_up": {day}, '
        f'"id": {ident}, "loan": {loan}, "logged_at": {logged}, "occurred_at": {occurred}, '
        f'"outcome": {outcome}, "promises": {promises}, "revisions": [], "text": {text}}}'
    )


def head_line(loan_id: str, position: int, note_id: str, kind: str, at: str) -> str:
    """The canonical JSON of an event's head ``{"at", "kind", "loan", "note", "position"}``,
    written out in its sorted order: the very text ``canonical`` gives of that dict, at a tenth
    of the cost."""
    text = encode_basestring
    return (
        f'{{"at": {text(at)}, "kind": {text(kind)}, "loan": {text(loan_id)}, '
        f'"note": {text(note_id)}, "position": {int(position)}}}'
    )


def event_hash(
    prev_hash: str, loan_id: str, position: int, note_id: str, kind: str, at: datetime, body: str
) -> str:
    """SHA-256 over the previous hash, the event's head and the note's state after it."""
    line = head_line(loan_id, position, note_id, kind, at.isoformat())
    return hashlib.sha256(f"{prev_hash}\n{line}\n{body}".encode()).hexdigest()


def append_event(
    events: list[NoteEvent], loan_id: str, note: CallNote, kind: str, at: datetime
) -> NoteEvent:
    """Append to ``events`` the event ``kind`` leaving ``note`` as it is now; returns it."""
    prev = events[-1].hash if events else GENESIS
    body = note_body(loan_id, note)
    digest = event_hash(prev, loan_id, len(events), note.id, kind, at, body)
    event = NoteEvent(note=note.id, kind=kind, at=at, body=body, prev_hash=prev, hash=digest)
    events.append(event)
    return event


def append_created(
    events: list[NoteEvent], loan_id: str, notes: Iterable[CallNote], at: datetime
) -> dict[str, NoteEvent]:
    """``append_event(events, loan_id, note, "created", at)`` for each of ``notes`` in turn, the
    very entries, with what every entry of the run shares (the time, the loan) written out once
    (an import creates 20,000 of them); returns the entries made, by note id."""
    made: dict[str, NoteEvent] = {}
    prev = events[-1].hash if events else GENESIS
    head = f'{{"at": {encode_basestring(at.isoformat())}, "kind": "created", '
    loan = f'"loan": {encode_basestring(loan_id)}, "note": '
    sha256, position = hashlib.sha256, len(events)
    for note in notes:
        ident = note.id
        body = note_body(loan_id, note)
        line = f'{head}{loan}{encode_basestring(ident)}, "position": {position}}}'
        digest = sha256(f"{prev}\n{line}\n{body}".encode()).hexdigest()
        event = NoteEvent(note=ident, kind="created", at=at, body=body, prev_hash=prev, hash=digest)
        events.append(event)
        made[ident] = event
        prev, position = digest, position + 1
    return made


class Linked(Protocol):
    """What links a chain entry or a note row to the one before it."""

    @property
    def prev_hash(self) -> str: ...

    @property
    def hash(self) -> str: ...


class Entry(Linked, Protocol):
    """A chain entry as the checks read it: a ``NoteEvent``, or a row as stored
    (``chain_check.RawEntry``)."""

    @property
    def note(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def body(self) -> str: ...


E = TypeVar("E", bound=Entry)


def _event_holds(loan_id: str, position: int, event: NoteEvent) -> bool:
    return event.hash == event_hash(
        event.prev_hash, loan_id, position, event.note, event.kind, event.at, event.body
    )


def chain_breaks(loan_id: str, events: Sequence[NoteEvent]) -> list[tuple[int, str]]:
    """(position, what is wrong) for every event that does not hold in the chain."""
    return breaks_of(loan_id, events, _event_holds)


def breaks_of(
    loan_id: str, events: Sequence[E], holds: Callable[[str, int, E], bool]
) -> list[tuple[int, str]]:
    """``chain_breaks`` with each entry's own hash checked by ``holds(loan_id, position, entry)``
    (called only for an entry that links to the one before it and has a known kind)."""
    problems: list[tuple[int, str]] = []
    prev = GENESIS
    for position, event in enumerate(events):
        if event.prev_hash != prev:
            problems.append((position, "an entry before it was removed, moved or changed"))
        elif event.kind not in EVENT_KINDS:
            problems.append((position, f"unknown event kind {event.kind!r}"))
        elif not holds(loan_id, position, event):
            problems.append((position, "its recorded history was changed (hash mismatch)"))
        prev = event.hash
    return problems


def heads(events: Sequence[E]) -> dict[str, E]:
    """Each note's latest event."""
    return {event.note: event for event in events}


def anchors(events: Sequence[Entry]) -> dict[str, str]:
    """Each note's first event's hash: what the next note row links to."""
    out: dict[str, str] = {}
    for event in events:
        out.setdefault(event.note, event.hash)
    return out


@dataclass(frozen=True)
class StoredNote:
    """A note row as the chain sees it: its link hashes and the note it holds now."""

    id: str
    prev_hash: str
    hash: str
    note: CallNote

    def holds(self, loan_id: str, body: str) -> bool:
        """Whether the note it holds is the one ``body`` (its latest entry's) records."""
        return note_body(loan_id, self.note) == body


class NoteLinks(Linked, Protocol):
    """A note row as the chain sees it: its link hashes, and whether it holds what an entry's
    body records (``StoredNote``, ``chain_check.RowNote``)."""

    @property
    def id(self) -> str: ...

    def holds(self, loan_id: str, body: str) -> bool: ...


def loan_chain_problems(
    loan_id: str, events: Sequence[NoteEvent], notes: Sequence[NoteLinks]
) -> list[str]:
    """One line per note whose chain does not hold: an event changed, removed or moved, a note
    row that no longer matches its latest event, or a note row removed or moved.

    Each link is checked against the stored hash before it, so one changed note is named alone.
    """
    return problems_of(loan_id, events, chain_breaks(loan_id, events), notes)


def problems_of(
    loan_id: str,
    events: Sequence[Entry],
    breaks: list[tuple[int, str]],
    notes: Sequence[NoteLinks],
) -> list[str]:
    """``loan_chain_problems`` of entries whose breaks are ``breaks`` (``breaks_of``)."""
    where = f"loan {loan_id}"
    problems = [f"{where}: note {events[position].note}: {what}" for position, what in breaks]
    latest = heads(events)
    first = anchors(events)
    expected_prev = GENESIS
    moved = False
    for stored in notes:
        head = latest.get(stored.id)
        if head is None:
            problems.append(f"{where}: note {stored.id}: not in the chain (added outside Ashore)")
        elif stored.prev_hash != expected_prev:
            moved = True
            problems.append(
                f"{where}: note {stored.id}: the chain is broken before it "
                "(a note was removed or moved)"
            )
        elif stored.hash != head.hash or not stored.holds(loan_id, head.body):
            problems.append(
                f"{where}: note {stored.id}: its content was changed outside Ashore (hash mismatch)"
            )
        expected_prev = first.get(stored.id, stored.prev_hash)
    present = {n.id for n in notes}
    if not moved:  # a removed note in the middle is already named by the break after it
        for note_id in latest:
            if note_id not in present:
                problems.append(
                    f"{where}: note {note_id}: removed outside Ashore (its entries are still "
                    "in the chain)"
                )
    return problems
