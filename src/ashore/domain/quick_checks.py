"""A quick pass over an ordinary call note: whether ``validation.check_note`` would find nothing
wrong with it, without building a field path for every value (a heavy import checks 20,000
notes, and building the paths was most of that). It only ever answers "fine" for a note the full
check passes; for any other note (or any note it is not sure of) it answers "not sure" and the
full check runs, which names the field of what is wrong, word for word as before.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ashore.domain.records import CHANNELS, CallNote

__all__ = ["FIRST_YEAR", "LAST_YEAR", "plain_note_fine"]

# Dates outside these years are typing slips, and date arithmetic near year 9999 overflows.
FIRST_YEAR, LAST_YEAR = 1970, 2200

_ID_REFUSED = ("\n", "\r", "\t", "/", "\\")


def _aware(value: object) -> bool:
    return isinstance(value, datetime) and value.utcoffset() is not None


def _day(value: object) -> bool:
    return (
        isinstance(value, date)
        and not isinstance(value, datetime)
        and FIRST_YEAR <= value.year <= LAST_YEAR
    )


# The same characters as one class: one search in C rather than a generator over them.
_ID_REFUSED_ANY = re.compile("[" + re.escape("".join(_ID_REFUSED)) + "]")


def _usable_id(ident: str) -> bool:
    """Not empty, at most 200 characters, no spaces around, no line breaks, tabs or slashes."""
    if not ident or len(ident) > 200 or ident != ident.strip():
        return False
    return _ID_REFUSED_ANY.search(ident) is None


def plain_note_fine(note: CallNote) -> bool:
    """True when ``note`` is an ordinary contact (no files, no revisions, no collection fields)
    that ``check_note`` passes; False when ``check_note`` must look (it may still pass)."""
    if note.attachments or note.revisions or note.abuse != ():
        return False
    if note.kind != "contact" or not (note.direction == note.from_number == note.third_party == ""):
        return False
    ident, counterpart, text = note.id, note.counterpart, note.text
    outcome, promises, reason = note.outcome, note.promises, note.deleted_reason
    # (each type asked in turn: a generator over them cost more than the rest of the check)
    if not (
        type(ident) is str
        and type(counterpart) is str
        and type(text) is str
        and type(outcome) is str
        and type(promises) is str
        and type(reason) is str
    ) or not _usable_id(ident):
        return False
    # One pass over all the texts: no NUL, nothing UTF-8 cannot encode (joining never pairs two
    # lone surrogate halves into one character, so a lone half still fails).
    joined = "".join((ident, counterpart, text, outcome, promises, reason))
    if "\x00" in joined:
        return False
    try:
        joined.encode("utf-8")
    except UnicodeEncodeError:
        return False
    if not (_aware(note.occurred_at) and _aware(note.logged_at)):
        return False
    if note.channel not in CHANNELS:
        return False
    if note.follow_up is not None and not _day(note.follow_up):
        return False
    return note.deleted_at is None or _aware(note.deleted_at)
