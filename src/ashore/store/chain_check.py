"""``ashore verify``'s check of every note chain, over the rows as SQLite hands them out.

The findings are ``chain.loan_chain_problems``'s, word for word, with less work per note:

- a loan is first checked the quick way (``_loan_holds``): every entry linked to the one before
  it, of a known kind, its hash worked out over its time as stored (the text Ashore wrote); every
  note row linked to the note before it, holding its latest entry's hash, and its columns put
  together as that entry's body (``_plain_body``, not a dict encoded again); every note in the
  chain with its row. Only a loan where any of that does not hold is checked the full way
  (``chain.problems_of``, over ``RawEntry`` and ``RowNote``), which names what is wrong: there an
  entry's time is read back as ``chain_breaks`` reads it, and a row ``_plain_body`` does not cover
  (a collector's call, revisions, files, a column that is not text) or that does not match is
  worked out the exact way (``streams._note_content``) before it is called changed;
- the rows come grouped by loan in C (``itertools.groupby``), one loan in memory at a time,
  without a record built per entry or note.

So a changed body, a changed, removed or moved entry or note row is named as before. The one
thing taken as it is: a time that both an entry's body and its row hold in the same text is
compared as that text (Ashore writes both from one value, in its one form).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import datetime
from itertools import groupby
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any, NamedTuple

from ashore.store.chain import (
    EVENT_KINDS,
    GENESIS,
    breaks_of,
    canonical,
    event_hash,
    problems_of,
)
from ashore.store.streams import _LINKS, _LOANS, _NOTES, _REVISIONS, _note_content
from ashore.store.streams import _revision_content as revision_content

_ENTRIES = (
    "SELECT loan_id, note_id, kind, at, body, prev_hash, hash FROM note_events "
    "ORDER BY loan_id, position, pk"
)
# Each note row's link hashes, whether it is an ordinary contact (no collector's fields), and the
# columns its body holds then.
_NOTE_ROWS = (
    "SELECT loan_id, pk, id, prev_hash, hash, kind = 'contact' AND direction = '' AND "
    "from_number = '' AND third_party = '' AND abuse = '', channel, counterpart, deleted_at, "
    "deleted_reason, follow_up, logged_at, occurred_at, outcome, promises, text "
    "FROM call_notes ORDER BY loan_id, position, pk"
)
# One note row's columns as ``streams`` reads them, for the exact way.
_NOTE_ROW = _NOTES.partition(" ORDER BY ")[0] + " WHERE pk = ?"


class RawEntry(NamedTuple):
    """A chain entry's row as stored (``at`` the text of its time)."""

    loan: Any
    note: str
    kind: str
    at: str
    body: str
    prev_hash: str
    hash: str


def _entry_holds(loan_id: str, position: int, entry: Sequence[Any], loan: str = "") -> bool:
    """Whether the entry's hash (a ``_ENTRIES`` row) is the one over its head and body; ``loan``:
    the loan id as JSON text, when the caller has it already."""
    _loan, note, kind, at, body, prev_hash, digest = entry
    text = encode_basestring
    try:  # ``chain.head_line``, written out here: this runs once per entry
        line = (
            f'{{"at": {text(at)}, "kind": {text(kind)}, "loan": {loan or text(loan_id)}, '
            f'"note": {text(note)}, "position": {position}}}'
        )
        if hashlib.sha256(f"{prev_hash}\n{line}\n{body}".encode()).hexdigest() == digest:
            return True
    except TypeError:  # a column that is not text (set behind Ashore's back): the exact way
        pass
    # Its time written otherwise than Ashore writes it: hashed as it reads back, as before.
    moment = datetime.fromisoformat(str(at))
    again = event_hash(str(prev_hash), loan_id, position, str(note), str(kind), moment, str(body))
    return bool(digest == again)


def _plain_body(loan: str, r: Sequence[Any]) -> str | None:
    """The canonical body of an ordinary contact's row (``_NOTE_ROWS``) without revisions or
    files, each time as its column holds it (``loan``: the loan id as JSON text):
    ``canonical(_note_content(...))`` of a row whose times are in Ashore's own form. None for a
    row with anything else in it."""
    if not r[5]:
        return None
    text = encode_basestring
    try:
        deleted = "null" if r[8] is None else text(r[8])
        follow_up = "null" if r[10] is None else text(r[10])
        return (
            f'{{"attachments": [], "channel": {text(r[6])}, "counterpart": {text(r[7])}, '
            f'"deleted_at": {deleted}, "deleted_reason": {text(r[9])}, '
            f'"follow_up": {follow_up}, "id": {text(r[2])}, "loan": {loan}, '
            f'"logged_at": {text(r[11])}, "occurred_at": {text(r[12])}, "outcome": {text(r[13])}, '
            f'"promises": {text(r[14])}, "revisions": [], "text": {text(r[15])}}}'
        )
    except TypeError:  # a column that is not text (set behind Ashore's back): the exact way
        return None


class RowNote:
    """A note row (``_NOTE_ROWS``) as ``chain.problems_of`` checks it: its link hashes, and its
    columns, revisions and file links to compare with its latest entry's body."""

    __slots__ = ("hash", "id", "links", "prev_hash", "raw", "revisions", "row")

    def __init__(
        self,
        raw: sqlite3.Connection,
        row: Sequence[Any],
        revisions: list[dict[str, Any]],
        links: list[list[str]],
    ) -> None:
        self.id, self.prev_hash, self.hash = str(row[2]), str(row[3]), str(row[4])
        self.raw, self.row, self.revisions, self.links = raw, row, revisions, links

    def holds(self, loan_id: str, body: str) -> bool:
        plain = not self.revisions and not self.links
        if plain and _plain_body(encode_basestring(loan_id), self.row) == body:
            return True
        columns = self.raw.execute(_NOTE_ROW, (self.row[1],)).fetchone()
        return canonical(_note_content(loan_id, columns, self.revisions, self.links)) == body


class _Groups:
    """Rows ordered by loan id (column 0), one loan's rows at a time (loans asked in id order;
    rows of a loan not asked for, no longer in ``loans``, are passed over)."""

    def __init__(self, rows: Iterator[Sequence[Any]]) -> None:
        self._groups = groupby(rows, itemgetter(0))
        self._ahead: tuple[str, Iterator[Sequence[Any]]] | None = None

    def take(self, loan_id: str) -> list[Sequence[Any]]:
        while True:
            if self._ahead is None:
                group = next(self._groups, None)
                if group is None:
                    return []
                self._ahead = (str(group[0]), group[1])
            key, rows = self._ahead
            if key > loan_id:
                return []
            self._ahead = None
            if key == loan_id:
                return list(rows)


def _loan_holds(loan_id: str, entries: list[Sequence[Any]], notes: list[Sequence[Any]]) -> bool:
    """Whether ``chain.problems_of`` would find nothing in a loan without revisions or files:
    the quick way, over the rows as they come (any doubt: False, and the full way names it)."""
    loan = encode_basestring(loan_id)
    prev = GENESIS
    latest: dict[Any, Sequence[Any]] = {}
    first: dict[Any, Any] = {}
    for position, entry in enumerate(entries):
        if entry[5] != prev or entry[2] not in EVENT_KINDS:
            return False
        if not _entry_holds(loan_id, position, entry, loan):
            return False
        prev = entry[6]
        latest[entry[1]] = entry
        first.setdefault(entry[1], prev)
    expected = GENESIS
    for note in notes:
        head = latest.get(note[2])
        if head is None or note[3] != expected or note[4] != head[6]:
            return False
        if _plain_body(loan, note) != head[4]:
            return False
        expected = first[note[2]]
    return latest.keys() <= {note[2] for note in notes}


class ChainRows:
    """The chain entries, notes, revisions and file links of every loan, read side by side in
    loan id order; ``problems(loan_id)`` is the next loan's ``loan_chain_problems``."""

    def __init__(self, raw: sqlite3.Connection) -> None:
        self.loans = [str(r[0]) for r in raw.execute(_LOANS)]
        self._raw = raw
        self._entries = _Groups(iter(raw.execute(_ENTRIES)))
        self._notes = _Groups(iter(raw.execute(_NOTE_ROWS)))
        self._revisions = _Groups(iter(raw.execute(_REVISIONS)))
        self._links = _Groups(iter(raw.execute(_LINKS)))
        self.notes_seen = 0

    def problems(self, loan_id: str) -> list[str]:
        entries = self._entries.take(loan_id)
        notes = self._notes.take(loan_id)
        revision_rows = self._revisions.take(loan_id)
        link_rows = self._links.take(loan_id)
        self.notes_seen += len(notes)
        if not revision_rows and not link_rows and _loan_holds(loan_id, entries, notes):
            return []
        revisions: dict[int, list[dict[str, Any]]] = {}
        for r in revision_rows:
            revisions.setdefault(int(r[1]), []).append(revision_content(r))
        links: dict[int, list[list[str]]] = {}
        for r in link_rows:
            links.setdefault(int(r[1]), []).append([str(r[2]), str(r[3]), str(r[4])])
        raw = [RawEntry._make(r) for r in entries]
        stored = [
            RowNote(self._raw, r, revisions.get(int(r[1]), []), links.get(int(r[1]), []))
            for r in notes
        ]
        return problems_of(loan_id, raw, breaks_of(loan_id, raw, _entry_holds), stored)
