"""``ashore verify``'s check of every note chain, over the rows as SQLite hands them out.

The findings are ``chain.loan_chain_problems``'s, word for word, with less work per note:

- an entry's own hash is worked out over its time as stored, the text Ashore wrote (the time
  read back and written out again, as ``chain_breaks`` hashes it, only when that does not match);
- a note row is compared with its latest entry's body as text put together straight from the
  row's columns (``_plain_body``), not as a dict encoded again; a row it does not cover (a
  collector's call, a time written otherwise than Ashore writes it, or any row that does not
  match) is worked out the exact way (``streams._note_content``) before it is called changed;
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
from operator import itemgetter
from typing import Any, NamedTuple

from ashore.store.chain import breaks_of, canonical, event_hash, head_line, problems_of
from ashore.store.streams import _LINKS, _LOANS, _NOTES, _REVISIONS, _note_content
from ashore.store.streams import _revision_content as revision_content

_ENTRIES = (
    "SELECT loan_id, note_id, kind, at, body, prev_hash, hash FROM note_events "
    "ORDER BY loan_id, position, pk"
)


class RawEntry(NamedTuple):
    """A chain entry's row as stored (``at`` the text of its time)."""

    loan: Any
    note: str
    kind: str
    at: str
    body: str
    prev_hash: str
    hash: str


def _entry_holds(loan_id: str, position: int, entry: RawEntry) -> bool:
    """Whether the entry's hash is the one over its head and body (``chain.event_hash``)."""
    try:
        line = head_line(loan_id, position, entry.note, entry.kind, entry.at)
        text = f"{entry.prev_hash}\n{line}\n{entry.body}"
        if hashlib.sha256(text.encode()).hexdigest() == entry.hash:
            return True
    except TypeError:  # a column that is not text (set behind Ashore's back): the exact way
        pass
    # Its time written otherwise than Ashore writes it: hashed as it reads back, as before.
    at = datetime.fromisoformat(str(entry.at))
    note, kind, body = str(entry.note), str(entry.kind), str(entry.body)
    digest = event_hash(str(entry.prev_hash), loan_id, position, note, kind, at, body)
    return bool(entry.hash == digest)


# Each note row with the canonical body of an ordinary contact's row, put together by SQLite
# (``json_quote`` writes a JSON string as Python's encoder does: the same escapes, UTF-8 as is):
# ``canonical(_note_content(...))`` of a row whose times are in Ashore's own form. NULL for a row
# with anything else in it (a collector's call, a column that is not text), worked out the exact
# way; a row with revisions or files is too (``RowNote.holds``).
_TEXT_COLUMNS = (
    "id",
    "occurred_at",
    "logged_at",
    "channel",
    "counterpart",
    "text",
    "outcome",
    "promises",
    "deleted_reason",
)
_NOTE_BODIES = (
    "SELECT loan_id, pk, id, prev_hash, hash, CASE WHEN kind = 'contact' AND direction = '' "
    "AND from_number = '' AND third_party = '' AND abuse = '' AND "
    + " AND ".join(f"typeof({c}) = 'text'" for c in _TEXT_COLUMNS)
    + " AND typeof(deleted_at) IN ('text', 'null') AND typeof(follow_up) IN ('text', 'null') "
    'THEN \'{"attachments": [], "channel": \' || json_quote(channel) || '
    "', \"counterpart\": ' || json_quote(counterpart) || "
    "', \"deleted_at\": ' || json_quote(deleted_at) || "
    "', \"deleted_reason\": ' || json_quote(deleted_reason) || "
    "', \"follow_up\": ' || json_quote(follow_up) || ', \"id\": ' || json_quote(id) || "
    "', \"loan\": ' || json_quote(loan_id) || ', \"logged_at\": ' || json_quote(logged_at) || "
    "', \"occurred_at\": ' || json_quote(occurred_at) || "
    "', \"outcome\": ' || json_quote(outcome) || ', \"promises\": ' || json_quote(promises) || "
    "', \"revisions\": [], \"text\": ' || json_quote(text) || '}' END "
    "FROM call_notes ORDER BY loan_id, position, pk"
)
# One note row's columns as ``streams`` reads them, for the exact way.
_NOTE_ROW = _NOTES.partition(" ORDER BY ")[0] + " WHERE pk = ?"


class RowNote:
    """A note row as ``chain.problems_of`` checks it: its link hashes and the body SQLite put
    together of it (``_NOTE_BODIES``), with its revisions and file links for the exact way."""

    __slots__ = ("hash", "id", "links", "pk", "plain", "prev_hash", "raw", "revisions")

    def __init__(
        self,
        raw: sqlite3.Connection,
        row: Sequence[Any],
        revisions: list[dict[str, Any]],
        links: list[list[str]],
    ) -> None:
        self.id, self.prev_hash, self.hash = str(row[2]), str(row[3]), str(row[4])
        self.pk, self.plain = row[1], row[5]
        self.raw, self.revisions, self.links = raw, revisions, links

    def holds(self, loan_id: str, body: str) -> bool:
        if not self.revisions and not self.links and self.plain == body:
            return True
        row = self.raw.execute(_NOTE_ROW, (self.pk,)).fetchone()
        return canonical(_note_content(loan_id, row, self.revisions, self.links)) == body


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


class ChainRows:
    """The chain entries, notes, revisions and file links of every loan, read side by side in
    loan id order; ``problems(loan_id)`` is the next loan's ``loan_chain_problems``."""

    def __init__(self, raw: sqlite3.Connection) -> None:
        self.loans = [str(r[0]) for r in raw.execute(_LOANS)]
        self._entries = _Groups(iter(raw.execute(_ENTRIES)))
        self._raw = raw
        self._notes = _Groups(iter(raw.execute(_NOTE_BODIES)))
        self._revisions = _Groups(iter(raw.execute(_REVISIONS)))
        self._links = _Groups(iter(raw.execute(_LINKS)))
        self.notes_seen = 0

    def problems(self, loan_id: str) -> list[str]:
        entries = [RawEntry._make(r) for r in self._entries.take(loan_id)]
        revisions: dict[int, list[dict[str, Any]]] = {}
        for r in self._revisions.take(loan_id):
            revisions.setdefault(int(r[1]), []).append(revision_content(r))
        links: dict[int, list[list[str]]] = {}
        for r in self._links.take(loan_id):
            links.setdefault(int(r[1]), []).append([str(r[2]), str(r[3]), str(r[4])])
        notes = [
            RowNote(self._raw, r, revisions.get(int(r[1]), []), links.get(int(r[1]), []))
            for r in self._notes.take(loan_id)
        ]
        self.notes_seen += len(notes)
        return problems_of(loan_id, entries, breaks_of(loan_id, entries, _entry_holds), notes)
