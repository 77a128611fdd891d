"""An ordinary note is read without a field path made per value (``read_notes._plain_note``),
and the depth of a file measured on its parsed data: the book read must be the one the
field-by-field reader makes, and every problem still named by its field, as before."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from ashore.app.errors import InputError
from ashore.domain.records import CallNote
from ashore.exchange import read_book, read_notes
from store.books import book_folder, sample_dict

NOTE = {
    "id": "n-1",
    "occurred_at": "2026-06-01T09:00:00+08:00",
    "logged_at": "2026-06-01T09:20:00+08:00",
    "channel": "sms",
    "text": '引号 "quoted" \\ line\n',
    "outcome": "",
    "follow_up": "2026-07-01",
    "attachments": [],
}


def _with_notes(tmp_path: Path, *notes: dict[str, Any]) -> Path:
    data = sample_dict()
    data["loans"][2]["notes"] = list(notes)
    return book_folder(tmp_path, data)


def _field_by_field(monkeypatch: pytest.MonkeyPatch, source: Path) -> Any:
    with monkeypatch.context() as patched:
        patched.setattr(read_notes, "_plain_note", lambda _raw: None)
        return read_book(source)


def test_ordinary_notes_read_as_the_field_by_field_reader_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    variants = [
        NOTE,
        {**NOTE, "id": "n-2", "channel": None, "follow_up": None, "attachments": None},
        {**NOTE, "id": "n-3", "deleted_at": "2026-06-03T10:00:00Z", "deleted_reason": "twice"},
        {**NOTE, "id": "n-4", "kind": "collection", "abuse": ["threat"]},  # not an ordinary one
        {
            **NOTE,
            "id": "n-5",
            "revisions": [{"revised_at": NOTE["logged_at"], "occurred_at": NOTE["occurred_at"]}],
        },
    ]
    source = _with_notes(tmp_path, *variants)
    book = read_book(source)
    assert book == _field_by_field(monkeypatch, source)
    notes = book.loans[2].notes
    assert [n.channel for n in notes[:2]] == ["sms", "phone"]
    assert notes[2].deleted_reason == "twice"
    assert notes[3].direction == "incoming"
    assert read_notes._plain_note(NOTE) == notes[0]
    assert read_notes._plain_note(variants[3]) is None


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"text": 12}, "loans[2].notes[0].text: 12 is not text"),
        ({"occurred_at": "2026-06-01 09:00"}, "loans[2].notes[0].occurred_at: '2026-06-01 09:00'"),
        ({"follow_up": "2026-02-30"}, 'loans[2].notes[0].follow_up: "2026-02-30" is not a date'),
        ({"text": "a\x00b"}, "loans[2].notes[0].text: must not hold a NUL character"),
        ({"attachments": {}}, "loans[2].notes[0].attachments: must be a list"),
        ({"colour": "red"}, "loans[2].notes[0].colour: unknown field"),
        ({"id": None}, "loans[2].notes[0].id"),
    ],
)
def test_a_wrong_value_in_an_ordinary_note_is_still_named_by_its_field(
    tmp_path: Path, change: dict[str, Any], said: str
) -> None:
    source = _with_notes(tmp_path, {**NOTE, **change})
    with pytest.raises(InputError) as caught:
        read_book(source)
    assert str(caught.value).startswith(said)


def test_a_file_too_deep_is_named_with_its_depth_whether_or_not_it_parses(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text('{"format": "ashore", "version": 1, "x": ' + "[" * 70 + "]" * 70 + "}")
    with pytest.raises(InputError, match=r"nests 71 levels deep \(an Ashore file needs at most 8"):
        read_book(deep)
    broken = tmp_path / "broken.json"
    broken.write_text("[" * 5000)  # neither valid JSON nor readable by recursion
    with pytest.raises(InputError, match=r"nests 5000 levels deep"):
        read_book(broken)
    shallow = tmp_path / "shallow.json"
    shallow.write_text("[[[1,]]]")
    with pytest.raises(InputError, match=r"line 1, column 6: not valid JSON"):
        read_book(shallow)
    assert json.loads(json.dumps(sample_dict()))  # the sample itself is well within the limit


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"counterpart": "agent \ud83d", "text": "\ude00 ok"}, "loans[2].notes[0].counterpart"),
        ({"outcome": "a\x00"}, "loans[2].notes[0].outcome: must not hold a NUL character"),
        ({"id": "n\x00"}, "loans[2].notes[0].id: must not hold a NUL character"),
        ({"channel": 3}, "loans[2].notes[0].channel: 3 is not text"),
        ({"promises": "x" * 1_000_001}, "loans[2].notes[0].promises: is 1,000,001 characters"),
    ],
)
def test_the_texts_checked_at_once_still_name_the_one_that_is_wrong(
    tmp_path: Path, change: dict[str, Any], said: str
) -> None:
    """The quick reader checks a note's texts joined (one pass, not one per text); any of them
    wrong (a surrogate half, even one that would pair with the next text's, a NUL, too long, not
    text) and the note is read field by field, which names that text."""
    assert read_notes._plain_note({**NOTE, **change}) is None
    with pytest.raises(InputError) as caught:
        read_notes._note({**NOTE, **change}, "loans[2].notes[0]", tmp_path)
    assert str(caught.value).startswith(said)
    assert read_notes._plain_note({**NOTE, "counterpart": "agent", "text": "ok"}) is not None


def test_the_quick_reader_gives_callnotes_fields_in_their_order() -> None:
    """``_plain_note`` makes a CallNote by position (by keyword cost twice as much): its fields
    must still be in the order it gives them, and each value where it belongs."""
    assert tuple(f.name for f in dataclasses.fields(CallNote)) == read_notes.PLAIN_NOTE_FIELDS
    raw = {
        **NOTE,
        "counterpart": "agent",
        "promises": "pay on the 5th",
        "outcome": "will call",
        "deleted_at": "2026-06-03T10:00:00Z",
        "deleted_reason": "twice",
    }
    note = read_notes._plain_note(raw)
    assert note is not None
    assert (note.counterpart, note.text, note.outcome, note.promises) == (
        "agent",
        NOTE["text"],
        "will call",
        "pay on the 5th",
    )
    assert note.follow_up is not None
    assert (note.channel, note.follow_up.isoformat(), note.deleted_reason) == (
        "sms",
        "2026-07-01",
        "twice",
    )
    assert note.deleted_at is not None
    assert note.deleted_at.isoformat() == "2026-06-03T10:00:00+00:00"
    assert note.occurred_at.isoformat() == NOTE["occurred_at"]
    assert note.logged_at.isoformat() == NOTE["logged_at"]
    assert (note.kind, note.direction, note.abuse, note.attachments, note.revisions) == (
        "contact",
        "",
        (),
        [],
        [],
    )
