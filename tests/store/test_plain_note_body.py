"""The body an ordinary note is hashed over is written out in its sorted key order
(``chain._plain_body``) rather than by the JSON encoder over a dict: it must be the very text
``canonical(note_content(...))`` gives, for every note, or every chain would break."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from ashore.app.resources import resource_path
from ashore.domain.records import Attachment, CallNote
from ashore.exchange import read_book
from ashore.store import chain

EAST = timezone(timedelta(hours=8))
NOTE = CallNote(
    id="n-1",
    occurred_at=datetime(2026, 6, 1, 9, 0, tzinfo=EAST),
    logged_at=datetime(2026, 6, 1, 9, 20, 5, 123456, tzinfo=EAST),
    channel="app_chat",
    counterpart="客服 Li",
    text='引号 "quoted" \\ back\nline\ttab \x01 \u2028 😀 </script>',
    outcome="é",
    promises="pay on the 5th",
    follow_up=date(2026, 7, 1),
)
PLAIN: list[dict[str, Any]] = [
    {},
    {"follow_up": None},
    {"deleted_at": datetime(2026, 6, 2, tzinfo=timezone(timedelta(hours=-5, minutes=-30)))},
    {"deleted_at": datetime(2026, 6, 2, tzinfo=UTC), "deleted_reason": "typo"},
    {"id": "", "text": "", "counterpart": "", "outcome": "", "promises": ""},
]
OTHER: list[dict[str, Any]] = [
    {"attachments": [Attachment(sha256="0" * 64, name="call.m4a", kind="recording")]},
    {"kind": "collection", "direction": "incoming", "abuse": ("threat",)},
    {"from_number": "95188"},
    {"third_party": "mother"},
    {"direction": "outgoing"},
]


def _same(loan_id: str, note: CallNote) -> None:
    assert chain.note_body(loan_id, note) == chain.canonical(chain.note_content(loan_id, note))


@pytest.mark.parametrize("change", PLAIN)
def test_an_ordinary_notes_body_is_written_out_as_the_encoder_writes_it(
    change: dict[str, Any],
) -> None:
    note = dataclasses.replace(NOTE, **change)
    assert chain._plain_body('loan-"1"', note) is not None  # the quick way is taken
    _same('loan-"1"', note)


@pytest.mark.parametrize("change", OTHER)
def test_any_other_note_is_left_to_the_encoder(change: dict[str, Any]) -> None:
    note = dataclasses.replace(NOTE, **change)
    assert chain._plain_body("L1", note) is None
    _same("L1", note)


def test_every_note_of_the_sample_and_of_a_heavy_book_has_the_encoders_body(
    heavy_source: Path,
) -> None:
    notes = [
        (loan.id, note)
        for source in (Path(resource_path("sample/sample.json")), heavy_source)
        for loan in read_book(source).loans
        for note in loan.notes
    ]
    assert len(notes) > 120
    for loan_id, note in notes:
        _same(loan_id, note)
