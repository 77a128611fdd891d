"""The notes in the main window: the loan's Notes tab follows the open loan, Ctrl+N there writes a
note (not a loan), a lender's page lists its loans' notes, and File ▸ Export ▸ Evidence bundle…
writes the zip for the open loan."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from ashore.services import Ledger
from ashore.services.notes import Notes
from ashore.ui import dialogs
from ashore.ui.audio.common import QTMULTIMEDIA_ENVIRONMENT_WARNINGS

# Ctrl+Shift+N writes a new note; Ctrl+N is the window's New loan everywhere.
NOTE_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

LOAN = "jb-2026-01"
noise = pytest.mark.qt_log_ignore(
    *QTMULTIMEDIA_ENVIRONMENT_WARNINGS, "does not support propagateSizeHints"
)


@noise
def test_notes_tab_follows_the_open_loan_and_ctrl_shift_n_writes_a_note(
    qtbot: Any, ledger: Ledger, make_window: Any
) -> None:
    ledger.load_sample()
    Notes(ledger).add(LOAN, text="first call about January")
    window = make_window(ledger)
    hookup = window.notes_hookup
    window.open_loan(LOAN)
    tabs = window.loan_page.tabs
    assert tabs.tabText(hookup.tab_index) == "Notes"
    tabs.setCurrentIndex(hookup.tab_index)
    pane = hookup.pane
    assert pane.loan_id == LOAN
    assert pane.cards[0].note.text == "first call about January"  # newest first
    assert {c.loan_id for c in pane.cards} == {LOAN}

    other = next(loan.id for loan in ledger.loans() if loan.id != LOAN)
    window.open_loan(other)
    assert pane.loan_id == other
    assert [c.note.id for c in pane.cards] == [
        n.id for n in sorted(ledger.loan(other).notes, key=lambda n: n.occurred_at, reverse=True)
    ]

    loans_before = len(ledger.loans())

    # The key goes through the shortcut machinery, which hears keys in the active window only.
    # (offscreen, showing the Notes tab leaves no window active for a while, so ask again)
    def active() -> bool:
        window.windowHandle().requestActivate()
        qtbot.wait(50)
        return window.isActiveWindow()

    qtbot.waitUntil(active, timeout=5000)
    qtbot.keyClick(pane.new_button, Qt.Key.Key_N, NOTE_MODIFIERS)
    assert pane.editor.isVisible()
    assert window.showing == ("loan", other)  # not the empty new-loan form
    qtbot.keyClicks(pane.editor.text, "called about the bullet loan")
    qtbot.mouseClick(pane.editor.save_button, Qt.MouseButton.LeftButton)
    assert Notes(ledger).notes(other)[-1].text == "called about the bullet loan"
    assert len(ledger.loans()) == loans_before

    # Ctrl+N is New loan in the whole window, the notes pane included (it was "new note" there)
    qtbot.keyClick(pane.new_button, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.showing == ("new", "")
    window.open_loan(other)

    window.new_loan()  # an unsaved loan has no notes: the tab shows none of the last loan's
    tabs.setCurrentIndex(hookup.tab_index)
    assert pane.loan_id is None
    assert pane.cards == []
    assert pane.new_button.isHidden()


@noise
def test_lender_page_lists_its_loans_notes(qtbot: Any, ledger: Ledger, make_window: Any) -> None:
    ledger.load_sample()
    note = Notes(ledger).add(LOAN, text="lender-wide view")
    window = make_window(ledger)
    lender = ledger.loan(LOAN).lender
    window.open_lender(lender)
    pane = window.notes_hookup.lender_pane
    assert pane.lender_id == lender
    assert note.id in [c.note.id for c in pane.cards]


@noise
def test_export_evidence_bundle_from_the_menu(
    qtbot: Any, ledger: Ledger, make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger.load_sample()
    Notes(ledger).add(LOAN, text="for the bundle")
    window = make_window(ledger)
    action = window.notes_hookup.export_action
    window.open_loan(LOAN)
    assert action.isEnabled()
    target = tmp_path / "bundle.zip"
    monkeypatch.setattr(dialogs, "get_bundle_path", lambda _parent, _name: target)
    action.trigger()
    with zipfile.ZipFile(target) as zf:
        assert {"call-log.pdf", "SHA256SUMS"} <= set(zf.namelist())
    assert "bundle.zip" in window.statusBar().currentMessage()
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    assert any(action in sub.actions() for m in menus for sub in _submenus(m))


def _submenus(menu: Any) -> list[Any]:
    return [a.menu() for a in menu.actions() if a.menu() is not None]


@noise
def test_export_complaint_from_the_menu(
    qtbot: Any, ledger: Ledger, make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader

    from .helpers import record_night_call

    ledger.load_sample()
    record_night_call(ledger, LOAN)
    window = make_window(ledger)
    action = window.notes_hookup.complaint_action
    window.open_loan(LOAN)
    assert action.isEnabled()
    target = tmp_path / "complaint.pdf"
    monkeypatch.setattr(
        dialogs, "ask_complaint", lambda _parent, _name, lang: ("12363", lang, target)
    )
    action.trigger()
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(target).pages)
    assert "12363" in text  # the chosen hotline
    # One contact, so one offset: named once in the table's heading, as the note carries it.
    assert "时间（UTC+08:00）" in text
    assert "2026-11-2123:10" in text
    assert "在22:00至次日08:00之间催收" in text  # a CNY loan: in Chinese
    assert "complaint.pdf" in window.statusBar().currentMessage()
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    assert any(action in sub.actions() for m in menus for sub in _submenus(m))
    monkeypatch.setattr(dialogs, "ask_complaint", lambda _parent, _name, _lang: None)
    target.unlink()
    action.trigger()  # cancelled: nothing written
    assert not target.exists()


@noise
def test_no_complaint_without_a_broken_rule(
    qtbot: Any, ledger: Ledger, make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime, timedelta, timezone

    ledger.load_sample()
    # a daytime call: a collection contact, but no rule broken
    Notes(ledger).add(
        LOAN,
        occurred_at=datetime(2026, 11, 21, 10, 10, tzinfo=timezone(timedelta(hours=8))),
        kind="collection",
        direction="incoming",
        text="pay now",
    )
    window = make_window(ledger)
    window.open_loan(LOAN)
    said: list[tuple[str, str]] = []
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "info", lambda _p, text, title="": said.append((title, text)))
    monkeypatch.setattr(
        dialogs, "ask_complaint", lambda _p, name, _lang: asked.append(name) or None
    )
    window.notes_hookup.complaint_action.trigger()
    assert asked == []  # not even asked where to write it
    [(title, text)] = said
    assert title == "Nothing to complain of"
    assert "no complaint is written" in text
    assert "Collector calling" in text
    assert "22:00 and 08:00" in text
    assert list(tmp_path.glob("*.pdf")) == []


@noise
def test_the_notes_tab_opened_again_shows_its_cards_as_they_were_until_something_is_written(
    qtbot: Any, ledger: Ledger, make_window: Any
) -> None:
    """Opening the Notes tab rebuilt its timeline each time (a second's freeze on a heavy
    loan): with nothing written since, the cards shown are kept; a note written meanwhile (or a
    restore) reads the timeline again."""
    from datetime import UTC, datetime

    ledger.load_sample()
    window = make_window(ledger)
    window.open_loan(LOAN)
    tabs = window.loan_page.tabs
    notes_tab = window.loan_page.tab_index("Notes")
    pane = window.notes_hookup.pane
    tabs.setCurrentIndex(notes_tab)
    first = list(pane.cards)
    assert first
    tabs.setCurrentIndex(0)
    tabs.setCurrentIndex(notes_tab)
    assert pane.cards == first  # the same cards: nothing was read or built again
    Notes(ledger).add(
        LOAN, occurred_at=datetime(2026, 11, 28, 9, 30, tzinfo=UTC), text="written meanwhile"
    )
    tabs.setCurrentIndex(0)
    tabs.setCurrentIndex(notes_tab)
    assert len(pane.cards) == len(first) + 1
    assert not set(pane.cards) & set(first)  # read again
