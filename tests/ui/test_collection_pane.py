"""The notes pane for a collector's contacts: the quick entry (Ctrl+Shift+N, the time filled in,
a recording attached on save), the red chips for each broken rule and the count per lender."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from ashore.app.context import Context
from ashore.services import Ledger
from ashore.services.notes import Notes
from ashore.ui import dialogs
from ashore.ui.notes.pane import NotesPane

from .test_notes_pane import noise, write_wav

LOAN = "jb-2026-01"
CST = timezone(timedelta(hours=8))


@pytest.fixture
def pane(qtbot: Any, ledger: Ledger, ctx: Context) -> Iterator[NotesPane]:
    ledger.load_sample()
    widget = NotesPane(ledger, ctx.today)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.set_loan(LOAN)
    widget.show()
    yield widget
    widget.shutdown()


def _chips(card: Any) -> list[str]:
    return [
        str(label.property("rule"))
        for label in card.findChildren(QLabel)
        if label.objectName() == "breachChip"
    ]


@noise
def test_quick_entry_of_a_collectors_call_with_its_recording(
    qtbot: Any, pane: NotesPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow, timeout=3000)
    qtbot.keyClick(
        pane,
        Qt.Key.Key_C,  # Ctrl+Shift+C: a collector calling
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    editor = pane.editor
    assert editor.isVisible()
    assert editor.collection_check.isChecked()
    assert editor.collection.isVisible()
    assert editor.collection.direction.currentData() == "incoming"
    assert abs((editor.occurred_at() - datetime.now().astimezone()).total_seconds()) < 120
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() is editor.collection.from_number, timeout=3000
    )
    qtbot.keyClicks(editor.collection.from_number, "171 0000 1111")
    qtbot.keyClicks(editor.collection.third_party, "my sister")
    editor.collection.abuse["threat"].setChecked(True)
    recording = write_wav(tmp_path / "collector.wav")
    monkeypatch.setattr(dialogs, "get_attach_paths", lambda _parent, _kind: [recording])
    qtbot.mouseClick(editor.attach_button, Qt.MouseButton.LeftButton)
    assert "collector.wav" in editor.pending_label.text()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # no text needed
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=10_000)
    note = next(n for n in pane.notes.notes(LOAN) if n.kind == "collection")
    assert (note.direction, note.from_number, note.third_party, note.abuse) == (
        "incoming",
        "171 0000 1111",
        "my sister",
        ("threat",),
    )
    assert [a.name for a in note.attachments] == ["collector.wav"]
    card = next(c for c in pane.cards if c.note.id == note.id)
    assert "third_party" in _chips(card)
    assert "abuse" in _chips(card)
    assert "171 0000 1111" in card.collection_line.text()


@noise
def test_breaches_are_flagged_and_counted_per_lender(qtbot: Any, pane: NotesPane) -> None:
    notes = Notes(pane.ledger)
    day = datetime(2026, 11, 20, 9, 0, tzinfo=CST)
    ids = [
        notes.add(
            LOAN,
            occurred_at=day + timedelta(hours=i),
            kind="collection",
            direction="incoming",
            text=f"call {i}",
        ).id
        for i in range(4)
    ]
    night = notes.add(
        LOAN,
        occurred_at=datetime(2026, 11, 21, 23, 10, tzinfo=CST),
        kind="collection",
        direction="incoming",
        text="<b>pay now</b> or we come",
    ).id
    mine = notes.add(
        LOAN,
        occurred_at=datetime(2026, 11, 21, 23, 30, tzinfo=CST),
        kind="collection",
        direction="outgoing",
        text="I called back",
    ).id
    pane.refresh()
    by_id = {card.note.id: card for card in pane.cards}
    assert [_chips(by_id[i]) for i in ids] == [[], [], [], ["too_many_calls"]]
    assert _chips(by_id[night]) == ["night_call"]
    assert _chips(by_id[mine]) == []
    assert by_id[ids[3]].property("breach") is True
    assert by_id[night].text.text() == "<b>pay now</b> or we come"  # plain text, not markup
    assert pane.breach_count.isVisible()
    assert "2 times in 2 contacts" in pane.breach_count.text()
    # The lender view counts the same.
    pane.set_lender("jb")
    assert "2 times" in pane.breach_count.text()


@noise
def test_no_count_without_breaches(qtbot: Any, pane: NotesPane) -> None:
    assert pane.breach_count.isHidden()
    assert not pane.editor.collection_check.isChecked()
