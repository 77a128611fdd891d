"""The hash chain over a loan's call notes: each hash covers its note and the previous hash.

Any change made behind the app's back (a text edited in the database, a note removed or reordered)
breaks the chain at that note, and ``ashore verify`` names it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from ashore.records import CallNote

GENESIS = "0" * 64


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def note_content(loan_id: str, note: CallNote) -> dict[str, Any]:
    """Everything a note's hash covers, as plain JSON values."""
    return {
        "loan": loan_id,
        "id": note.id,
        "occurred_at": _time(note.occurred_at),
        "logged_at": _time(note.logged_at),
        "channel": note.channel,
        "counterpart": note.counterpart,
        "text": note.text,
        "outcome": note.outcome,
        "promises": note.promises,
        "follow_up": _day(note.follow_up),
        "deleted_at": _time(note.deleted_at),
        "deleted_reason": note.deleted_reason,
        "attachments": [[a.sha256, a.name, a.kind] for a in note.attachments],
        "revisions": [
            {
                "revised_at": _time(r.revised_at),
                "occurred_at": _time(r.occurred_at),
                "channel": r.channel,
                "counterpart": r.counterpart,
                "text": r.text,
                "outcome": r.outcome,
                "promises": r.promises,
                "follow_up": _day(r.follow_up),
            }
            for r in note.revisions
        ],
    }


def note_hash(prev_hash: str, loan_id: str, note: CallNote) -> str:
    """SHA-256 over the previous hash and the note's canonical JSON (sorted keys, UTF-8)."""
    body = json.dumps(note_content(loan_id, note), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


def chain(loan_id: str, notes: list[CallNote]) -> list[tuple[str, str]]:
    """(prev_hash, hash) for each note in order, starting from the all-zero hash."""
    out: list[tuple[str, str]] = []
    prev = GENESIS
    for note in notes:
        digest = note_hash(prev, loan_id, note)
        out.append((prev, digest))
        prev = digest
    return out
