"""An ordinary note is checked by a quick pass (``quick_checks.plain_note_fine``) rather than by
``check_note`` with a field path for every value: the quick pass may only ever let through a
note the full check passes, so every refusal keeps its words, naming the note's field."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from ashore.app.errors import InputError
from ashore.app.resources import resource_path
from ashore.domain import validation
from ashore.domain.quick_checks import plain_note_fine
from ashore.domain.records import Attachment, Book, CallNote, NoteRevision
from ashore.exchange import read_book

CST = timezone(timedelta(hours=8))
NOTE = CallNote(
    id="n-1",
    occurred_at=datetime(2026, 6, 1, 9, 0, tzinfo=CST),
    logged_at=datetime(2026, 6, 1, 9, 20, tzinfo=CST),
    channel="sms",
    counterpart="客服 Li",
    text='引号 "quoted" \\ line\n',
    follow_up=date(2026, 7, 1),
)
# An earlier version: when revised, when it happened, channel, counterpart, text, outcome,
# promises, follow-up.
REVISION = NoteRevision(NOTE.logged_at, NOTE.occurred_at, "sms", "", "earlier", "", "", None)
FINE: list[dict[str, Any]] = [
    {},
    {"follow_up": None, "channel": "phone", "text": ""},
    {"deleted_at": datetime(2026, 6, 2, tzinfo=UTC), "deleted_reason": "typo"},
    {"id": "x" * 200, "follow_up": date(1970, 1, 1)},
    {"follow_up": date(2200, 12, 31), "promises": " pay on the 5th "},
]
# Every way a note can be wrong (and the ordinary ones the quick pass leaves to the full check).
OTHER: list[dict[str, Any]] = [
    {"id": ""},
    {"id": " n-1"},
    {"id": "n/1"},
    {"id": "n\t1"},
    {"id": "x" * 201},
    {"id": "n\x00"},
    {"id": 7},
    {"text": "a\x00b"},
    {"counterpart": "\ud800"},
    {"outcome": "\udc00", "promises": "\ud800"},
    {"deleted_reason": None},
    {"occurred_at": datetime(2026, 6, 1, 9, 0)},
    {"logged_at": date(2026, 6, 1)},
    {"logged_at": "2026-06-01T09:20:00+08:00"},
    {"channel": "fax"},
    {"follow_up": date(1969, 12, 31)},
    {"follow_up": date(2201, 1, 1)},
    {"follow_up": datetime(2026, 7, 1, tzinfo=CST)},
    {"deleted_at": datetime(2026, 6, 2)},
    {"kind": "collection", "direction": "incoming"},
    {"kind": "collection"},
    {"kind": "visit"},
    {"direction": "outgoing"},
    {"direction": "sideways"},
    {"from_number": "95188"},
    {"third_party": "\x00"},
    {"abuse": ("threat",)},
    {"abuse": ("threat", "threat"), "kind": "collection", "direction": "incoming"},
    {"attachments": [Attachment(sha256="0" * 64, name="call.m4a", kind="recording")]},
    {"attachments": [Attachment(sha256="nope", name="call.m4a", kind="recording")]},
    {"revisions": [dataclasses.replace(REVISION)]},
    {"revisions": [dataclasses.replace(REVISION, occurred_at=datetime(2026, 6, 1))]},
]


def _book(note: CallNote) -> Book:
    book = read_book(Path(resource_path("sample/sample.json")))
    loan = book.loans[2]
    loan.notes = [*loan.notes, note]
    return book


def _outcome(note: CallNote, monkeypatch: pytest.MonkeyPatch, *, quick: bool) -> str:
    """What ``check_book`` says of the sample book with ``note`` added: "" or its refusal."""
    book = _book(note)
    with monkeypatch.context() as patched:
        if not quick:
            patched.setattr(validation, "plain_note_fine", lambda _note: False)
        try:
            validation.check_book(book)
        except InputError as error:
            return str(error)
    return ""


@pytest.mark.parametrize("change", FINE)
def test_an_ordinary_note_takes_the_quick_pass_and_the_full_check_agrees(
    change: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    note = dataclasses.replace(NOTE, **change)
    assert plain_note_fine(note)
    validation.check_note(note, "note")  # raises if the quick pass let through a bad note
    assert _outcome(note, monkeypatch, quick=True) == ""


@pytest.mark.parametrize("change", OTHER)
def test_any_other_note_gets_the_full_check_with_the_same_words(
    change: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    note = dataclasses.replace(NOTE, **change)
    assert not plain_note_fine(note)
    said = _outcome(note, monkeypatch, quick=True)
    assert said == _outcome(note, monkeypatch, quick=False)


def test_the_refusals_still_name_the_notes_field(monkeypatch: pytest.MonkeyPatch) -> None:
    position = len(_book(NOTE).loans[2].notes) - 1
    where = f"loans[2].notes[{position}]"
    cases = {
        "id": (" n-1", f"{where}.id: ' n-1' is not a usable id"),
        "text": ("a\x00b", f"{where}.text: must not hold a NUL character"),
        "channel": ("fax", f"{where}.channel: 'fax' is not one of phone"),
        "logged_at": (datetime(2026, 6, 1), f"{where}.logged_at: needs a UTC offset"),
        "follow_up": (date(1969, 12, 31), f"{where}.follow_up: 1969-12-31 is not between 1970"),
    }
    for field, (value, said) in cases.items():
        note = dataclasses.replace(NOTE, **{field: value})
        assert _outcome(note, monkeypatch, quick=True).startswith(said), field
