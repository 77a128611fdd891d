"""Reading a call note of an exchange file (with its revisions and attached files): an ordinary
note by the same readers without a field path made per value (``_plain_note``), any other, or one
a reader refuses, field by field, naming the field of what is wrong."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ashore.app.errors import InputError
from ashore.domain.records import Attachment, CallNote, NoteRevision
from ashore.exchange.codec import (
    MAX_TEXT,
    _collection,
    _list,
    _object,
    _opt,
    _str,
    _time,
    contained_file,
    kind_of,
)
from ashore.store.codec import read_date as _date
from ashore.store.codec import read_int as _int


def _attachment(raw: object, path: str, base: Path) -> Attachment:
    data = _object(
        raw, path, ("path",), ("sha256", "name", "kind", "size", "imported_at", "duration_ms")
    )
    source = contained_file(_str(data["path"], f"{path}.path"), base, f"{path}.path")
    sha = _opt(data, "sha256", path, _str, "")
    if sha and not re.fullmatch(r"[0-9a-f]{64}", sha):
        raise InputError(f"{path}.sha256: {sha!r} is not a SHA-256 (64 lowercase hex digits)")
    name = _opt(data, "name", path, _str, "") or source.name
    return Attachment(
        sha256=sha,
        name=name,
        kind=_opt(data, "kind", path, _str, kind_of(name)),
        size=source.stat().st_size,
        imported_at=_opt(data, "imported_at", path, _time, None),
        duration_ms=_opt(data, "duration_ms", path, _int, None),
        path=str(source),
    )


_NOTE_TEXTS = ("counterpart", "text", "outcome", "promises")
_COLLECTION_FIELDS = ("kind", "direction", "from_number", "third_party", "abuse")


def _note_words(data: dict[str, Any], path: str) -> dict[str, Any]:
    """What a note and each of its revisions say, with the same defaults for both."""
    return {
        "channel": _opt(data, "channel", path, _str, "phone"),
        "counterpart": _opt(data, "counterpart", path, _str, ""),
        "text": _opt(data, "text", path, _str, ""),
        "outcome": _opt(data, "outcome", path, _str, ""),
        "promises": _opt(data, "promises", path, _str, ""),
        "follow_up": _opt(data, "follow_up", path, _date, None),
    }


def _revision(raw: object, path: str) -> NoteRevision:
    data = _object(
        raw,
        path,
        ("revised_at", "occurred_at"),
        ("channel", "follow_up", *_NOTE_TEXTS, *_COLLECTION_FIELDS),
    )
    return NoteRevision(
        revised_at=_time(data["revised_at"], f"{path}.revised_at"),
        occurred_at=_time(data["occurred_at"], f"{path}.occurred_at"),
        **_note_words(data, path),
        **_collection(data, path),
    )


_NOTE_REQUIRED = ("id", "occurred_at", "logged_at")
_NOTE_OPTIONAL = (
    "channel",
    "follow_up",
    "attachments",
    "revisions",
    "deleted_at",
    "deleted_reason",
    *_NOTE_TEXTS,
    *_COLLECTION_FIELDS,
)
_PLAIN_NOTE_KEYS = frozenset((*_NOTE_REQUIRED, *_NOTE_OPTIONAL))
_COLLECTION_KEYS = frozenset(_COLLECTION_FIELDS)
_NOTE_WORDS = ("counterpart", "text", "outcome", "promises", "deleted_reason")


def _empty_or_none(value: object) -> bool:
    return value is None or (type(value) is list and not value)


def _plain_words(raw: dict[str, Any], ident: object, channel: object) -> dict[str, str] | None:
    """The note's texts (``_NOTE_WORDS``, "" for each not given) when the id, the channel and
    every text is one ``_str`` takes, checked at once (not one call per text: most of reading a
    note): one pass over them joined, as joining never pairs two lone surrogate halves into a
    character that encodes and a text too long makes the whole too long; else None."""
    if type(ident) is not str or type(channel) is not str:
        return None
    words = {}
    for key in _NOTE_WORDS:
        value = raw.get(key)
        if value is None:
            value = ""
        elif type(value) is not str:
            return None
        words[key] = value
    joined = ident + channel + "".join(words.values())
    if len(joined) > MAX_TEXT or "\x00" in joined:
        return None
    try:
        joined.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return words


def _plain_note(raw: object) -> CallNote | None:
    """The note of an ordinary record (no files, no revisions, no collection fields), read by the
    same readers as ``_note`` but without a field path made for every value (most of reading a
    file of 20,000 notes); None for any other record, or for anything a reader refuses: ``_note``
    then reads it again and names the field of what is wrong."""
    if type(raw) is not dict or not _PLAIN_NOTE_KEYS.issuperset(raw):
        return None
    get = raw.get
    if not (_empty_or_none(get("attachments")) and _empty_or_none(get("revisions"))):
        return None
    if not _COLLECTION_KEYS.isdisjoint(raw) and any(
        get(key) is not None for key in _COLLECTION_FIELDS
    ):  # (most notes have none of these keys: asked of the dict's keys at once)
        return None
    ident, occurred, logged = get("id"), get("occurred_at"), get("logged_at")
    if ident is None or occurred is None or logged is None:
        return None
    channel, follow_up, deleted = get("channel"), get("follow_up"), get("deleted_at")
    if channel is None:
        channel = "phone"
    words = _plain_words(raw, ident, channel)
    if words is None:
        return None
    try:
        # By position, in the order of CallNote's fields (PLAIN_NOTE_FIELDS, held by a test):
        # a call by keyword cost twice as much, 20,000 times.
        return CallNote(
            ident,
            _time(occurred, ""),
            _time(logged, ""),
            channel,
            words["counterpart"],
            words["text"],
            words["outcome"],
            words["promises"],
            None if follow_up is None else _date(follow_up, ""),
            [],
            [],
            None if deleted is None else _time(deleted, ""),
            words["deleted_reason"],
            "contact",
            "",
            "",
            "",
            (),
        )
    except InputError:
        return None


# CallNote's fields in the order ``_plain_note`` gives them.
PLAIN_NOTE_FIELDS = (
    "id",
    "occurred_at",
    "logged_at",
    "channel",
    "counterpart",
    "text",
    "outcome",
    "promises",
    "follow_up",
    "attachments",
    "revisions",
    "deleted_at",
    "deleted_reason",
    "kind",
    "direction",
    "from_number",
    "third_party",
    "abuse",
)


def _note(raw: object, path: str, base: Path) -> CallNote:
    plain = _plain_note(raw)
    if plain is not None:
        return plain
    data = _object(raw, path, _NOTE_REQUIRED, _NOTE_OPTIONAL)
    return CallNote(
        id=_str(data["id"], f"{path}.id"),
        occurred_at=_time(data["occurred_at"], f"{path}.occurred_at"),
        logged_at=_time(data["logged_at"], f"{path}.logged_at"),
        **_note_words(data, path),
        attachments=[
            _attachment(item, f"{path}.attachments[{i}]", base)
            for i, item in enumerate(_opt(data, "attachments", path, _list, []))
        ],
        revisions=[
            _revision(item, f"{path}.revisions[{i}]")
            for i, item in enumerate(_opt(data, "revisions", path, _list, []))
        ],
        deleted_at=_opt(data, "deleted_at", path, _time, None),
        deleted_reason=_opt(data, "deleted_reason", path, _str, ""),
        **_collection(data, path),
    )
