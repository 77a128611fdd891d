"""A call note being written is never thrown away (issue 13, item 1): a refused save keeps it, a
new note or "Collector calling" asks Save / Discard / Cancel, switching loan, lender page or tab
puts it aside and gives it back, closing the window asks; a saved note says so in the status bar;
the editor's Save and Cancel sit in a button box, Cancel as wide as its own text."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ashore.services import Ledger
from ashore.services.notes import Notes
from ashore.ui import dialogs
from ashore.ui.audio.common import QTMULTIMEDIA_ENVIRONMENT_WARNINGS

LOAN = "jb-2026-01"
noise = pytest.mark.qt_log_ignore(
    *QTMULTIMEDIA_ENVIRONMENT_WARNINGS, "does not support propagateSizeHints"
)


def _notes_tab(window: Any) -> Any:
    hookup = window.notes_hookup
    window.open_loan(LOAN)
    window.loan_page.tabs.setCurrentIndex(hookup.tab_index)
    return hookup.pane


def _write_refused_draft(qtbot: Any, pane: Any, tmp_path: Path) -> Path:
    """A collector's note with text, a number, a file picked, and a call time in the future (so
    the save is refused)."""
    pane.new_collector_call()
    qtbot.keyClicks(pane.editor.collection.from_number, "171 0000 1111")
    qtbot.keyClicks(pane.editor.text, "threatened to call my employer")
    picked = tmp_path / "sms-screenshot.pdf"
    picked.write_bytes(b"%PDF-1.4\n% the collector's message\n")
    pane.editor.add_pending([picked])
    pane.editor.occurred.setDateTime(pane.editor.occurred.dateTime().addDays(1))
    qtbot.mouseClick(pane.editor.save_button, Qt.MouseButton.LeftButton)
    return picked


def _assert_draft_intact(pane: Any, picked: Path, shown_at: Any) -> None:
    editor = pane.editor
    assert editor.is_open()
    assert editor.text.toPlainText() == "threatened to call my employer"
    assert editor.collection.from_number.text() == "171 0000 1111"
    assert editor.collection_check.isChecked()
    assert editor.pending == [picked]
    assert picked.name in editor.pending_label.text()
    assert editor.occurred.dateTime() == shown_at


@noise
def test_a_refused_save_keeps_everything_and_says_why_in_a_whole_sentence(
    qtbot: Any, ledger: Ledger, make_window: Any, tmp_path: Path
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    pane = _notes_tab(window)
    before = len(Notes(ledger).notes(LOAN))
    picked = _write_refused_draft(qtbot, pane, tmp_path)
    assert len(Notes(ledger).notes(LOAN)) == before  # nothing stored
    _assert_draft_intact(pane, picked, pane.editor.occurred.dateTime())
    message = pane.editor.error.text()
    assert message == (
        "The “Call at” time is later than now, when the note is written: "
        "set it to when the call happened."
    )
    assert not pane.editor.error.isHidden()


@noise
@pytest.mark.parametrize("action", ["new_collector_call", "new_note"])
def test_a_new_note_asks_and_cancel_keeps_the_draft(
    qtbot: Any,
    ledger: Ledger,
    make_window: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    action: str,
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    pane = _notes_tab(window)
    picked = _write_refused_draft(qtbot, pane, tmp_path)
    shown_at = pane.editor.occurred.dateTime()
    asked: list[int] = []

    def answer(_parent: object, count: int = 1) -> str:
        asked.append(count)
        return "cancel"

    monkeypatch.setattr(dialogs, "ask_unsaved_note", answer)
    getattr(pane, action)()
    assert asked == [1]
    _assert_draft_intact(pane, picked, shown_at)

    monkeypatch.setattr(dialogs, "ask_unsaved_note", lambda *_a, **_k: "discard")
    getattr(pane, action)()
    assert pane.editor.text.toPlainText() == ""
    assert pane.editor.pending == []
    # a blank new note is nothing to lose: the next one is not asked about
    monkeypatch.setattr(dialogs, "ask_unsaved_note", answer)
    pane.new_note()
    assert asked == [1]


@noise
def test_save_on_a_new_note_saves_the_draft_first_or_stays_when_it_is_refused(
    qtbot: Any, ledger: Ledger, make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    pane = _notes_tab(window)
    picked = _write_refused_draft(qtbot, pane, tmp_path)
    shown_at = pane.editor.occurred.dateTime()
    monkeypatch.setattr(dialogs, "ask_unsaved_note", lambda *_a, **_k: "save")
    pane.new_collector_call()  # the save is refused again: the draft stays, no blank form
    _assert_draft_intact(pane, picked, shown_at)

    pane.editor.occurred.setDateTime(shown_at.addDays(-1))  # a time that can be saved
    before = {n.id for n in Notes(ledger).notes(LOAN)}
    pane.new_note()
    (saved,) = [n for n in Notes(ledger).notes(LOAN) if n.id not in before]
    assert saved.text == "threatened to call my employer"
    assert saved.from_number == "171 0000 1111"
    assert pane.editor.title.text() == "New note"  # and the new note is open, blank
    assert pane.editor.text.toPlainText() == ""
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=5000)  # the picked file was copied
    (stored,) = [n for n in Notes(ledger).notes(LOAN) if n.id == saved.id]
    assert [a.name for a in stored.attachments] == [picked.name]


@noise
def test_switching_loan_or_lender_and_back_gives_the_draft_back(
    qtbot: Any, ledger: Ledger, make_window: Any, tmp_path: Path
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    pane = _notes_tab(window)
    picked = _write_refused_draft(qtbot, pane, tmp_path)
    shown_at = pane.editor.occurred.dateTime()
    other = next(loan.id for loan in ledger.loans() if loan.id != LOAN)
    window.open_loan(other)
    assert pane.loan_id == other
    assert not pane.editor.is_open()  # the other loan's notes show no foreign draft
    window.open_lender(ledger.loan(LOAN).lender)
    window.open_loan(LOAN)
    window.loan_page.tabs.setCurrentIndex(window.notes_hookup.tab_index)
    _assert_draft_intact(pane, picked, shown_at)
    assert pane.editor.error.isHidden()  # the old error went with the old attempt


@noise
def test_switching_tab_and_back_keeps_the_draft(
    qtbot: Any, ledger: Ledger, make_window: Any, tmp_path: Path
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    pane = _notes_tab(window)
    picked = _write_refused_draft(qtbot, pane, tmp_path)
    shown_at = pane.editor.occurred.dateTime()
    tabs = window.loan_page.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
    tabs.setCurrentIndex(window.notes_hookup.tab_index)
    _assert_draft_intact(pane, picked, shown_at)


@noise
def test_cancel_in_the_editor_asks_before_dropping_what_was_typed(
    qtbot: Any, ledger: Ledger, make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    pane = _notes_tab(window)
    picked = _write_refused_draft(qtbot, pane, tmp_path)
    shown_at = pane.editor.occurred.dateTime()
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: False)
    qtbot.mouseClick(pane.editor.cancel_button, Qt.MouseButton.LeftButton)
    _assert_draft_intact(pane, picked, shown_at)
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)
    qtbot.mouseClick(pane.editor.cancel_button, Qt.MouseButton.LeftButton)
    assert not pane.editor.is_open()


@noise
def test_closing_the_window_with_drafts_asks(
    qtbot: Any, ledger: Ledger, make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    pane = _notes_tab(window)
    picked = _write_refused_draft(qtbot, pane, tmp_path)
    shown_at = pane.editor.occurred.dateTime()
    pane.editor.occurred.setDateTime(shown_at.addDays(-1))
    other = next(loan.id for loan in ledger.loans() if loan.id != LOAN)
    window.open_loan(other)  # the draft is put aside, out of sight
    asked: list[int] = []

    def answer(result: str) -> Any:
        def ask(_parent: object, count: int = 1) -> str:
            asked.append(count)
            return result

        return ask

    monkeypatch.setattr(dialogs, "ask_unsaved_note", answer("cancel"))
    assert window.close() is False
    assert window.isVisible()
    assert asked == [1]
    window.open_loan(LOAN)
    window.loan_page.tabs.setCurrentIndex(window.notes_hookup.tab_index)
    _assert_draft_intact(pane, picked, shown_at.addDays(-1))

    window.open_loan(other)
    before = len(Notes(ledger).notes(LOAN))
    monkeypatch.setattr(dialogs, "ask_unsaved_note", answer("save"))
    assert window.close() is True
    assert asked == [1, 1]
    notes = Notes(ledger).notes(LOAN)
    assert len(notes) == before + 1
    assert [n.text for n in notes].count("threatened to call my employer") == 1
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=5000)


@noise
def test_closing_with_a_draft_that_cannot_be_saved_stays_open(
    qtbot: Any, ledger: Ledger, make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    pane = _notes_tab(window)
    picked = _write_refused_draft(qtbot, pane, tmp_path)
    monkeypatch.setattr(dialogs, "ask_unsaved_note", lambda *_a, **_k: "save")
    assert window.close() is False  # the future time is refused: nothing lost, window stays
    _assert_draft_intact(pane, picked, pane.editor.occurred.dateTime())
    monkeypatch.setattr(dialogs, "ask_unsaved_note", lambda *_a, **_k: "discard")
    assert window.close() is True


@noise
def test_a_saved_note_says_so_in_the_status_bar(
    qtbot: Any, ledger: Ledger, make_window: Any
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    pane = _notes_tab(window)
    window.statusBar().showMessage("Payment recorded")
    pane.new_note()
    qtbot.keyClicks(pane.editor.text, "asked for a plan")
    qtbot.mouseClick(pane.editor.save_button, Qt.MouseButton.LeftButton)
    saved = Notes(ledger).notes(LOAN)[-1]
    local = window.ctx.clock.now().astimezone()
    assert saved.text == "asked for a plan"
    assert abs(saved.logged_at - local) < timedelta(minutes=1)
    assert window.statusBar().currentMessage() == f"Note saved at {local:%H:%M}."


@noise
def test_save_and_cancel_sit_in_a_button_box_cancel_not_stretched(
    qtbot: Any, ledger: Ledger, make_window: Any
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    pane = _notes_tab(window)
    pane.new_collector_call()
    editor = pane.editor
    box = editor.button_box
    assert box.buttonRole(editor.save_button) == QDialogButtonBox.ButtonRole.AcceptRole
    assert box.buttonRole(editor.cancel_button) == QDialogButtonBox.ButtonRole.RejectRole
    qtbot.waitUntil(lambda: editor.cancel_button.width() > 0)
    assert editor.cancel_button.width() <= editor.cancel_button.sizeHint().width() + 2
    assert box.width() < editor.width() / 2  # the error line, not the buttons, takes the room
