"""File ▸ Backup… and File ▸ Restore from Backup… through the window: the data comes back, what
it replaced is kept, a refused backup changes nothing, and the window reads the data again."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

import pytest

from ashore.ui import dialogs
from ashore.ui.audio.common import QTMULTIMEDIA_ENVIRONMENT_WARNINGS


def test_backup_then_restore_through_the_window(
    qtbot, sample, make_window, dialog_log, monkeypatch, tmp_path: Path
) -> None:
    window = make_window(sample)
    titles = [action.text() for action in window.menuBar().actions()[0].menu().actions()]
    assert "&Restore from Backup…" in titles
    before = sample.export_book()
    zip_path = tmp_path / "saved.zip"
    monkeypatch.setattr(dialogs, "get_save_path", lambda *args, **kw: zip_path)
    assert window.file_actions.backup() == zip_path
    window.open_loan("jb-2026-01")
    window.edits.delete_loan("jb-2026-01")
    assert window.model.loan_count() == 2
    assert window.undo_stack.count() == 1

    monkeypatch.setattr(dialogs, "get_open_path", lambda *args, **kw: zip_path)
    assert window.file_actions.restore() == zip_path
    assert sample.export_book() == before
    assert window.model.loan_count() == 3
    assert window.undo_stack.count() == 0  # the undo history was about the data replaced
    assert window.showing == ("none", "")
    name, args = dialog_log[-1]
    assert name == "info"
    assert "Restored from saved.zip." in str(args[0])
    assert "ashore-before-restore-" in str(args[0])  # what it replaced is kept


def test_a_refused_or_cancelled_restore_changes_nothing(
    qtbot, sample, make_window, dialog_log, monkeypatch, tmp_path: Path
) -> None:
    window = make_window(sample)
    before = sample.export_book()
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    monkeypatch.setattr(dialogs, "get_open_path", lambda *args, **kw: bad)
    assert window.file_actions.restore() is None
    name, args = dialog_log[-1]
    assert name == "error"
    assert str(args[0]).startswith("Nothing was restored from bad.zip:")
    assert "is not a backup Ashore can read" in str(args[0])  # the window's words, by code
    assert sample.export_book() == before
    assert window.model.loan_count() == 3
    # the user says no: not even the file is read
    monkeypatch.setattr(dialogs, "confirm", lambda *args, **kw: False)
    assert window.file_actions.restore() is None
    assert dialog_log[-1][0] == "error"


@pytest.mark.qt_log_ignore(
    *QTMULTIMEDIA_ENVIRONMENT_WARNINGS, "does not support propagateSizeHints"
)
def test_notes_tab_shows_the_restored_notes_not_the_ones_before(
    qtbot, sample, make_window, dialog_log, monkeypatch, tmp_path: Path
) -> None:
    from datetime import datetime

    from ashore.services.notes import Notes

    window = make_window(sample)
    zip_path = tmp_path / "saved.zip"
    monkeypatch.setattr(dialogs, "get_save_path", lambda *args, **kw: zip_path)
    assert window.file_actions.backup() == zip_path
    notes = Notes(sample)
    before = len(notes.notes("jb-2026-01"))
    notes.add(
        "jb-2026-01",
        occurred_at=datetime(2026, 11, 28, 10, 0, tzinfo=UTC),
        channel="phone",
        counterpart="agent 7",
        text="written after the backup",
        outcome="",
        promises="",
        follow_up=None,
    )
    window.open_loan("jb-2026-01")
    tabs = window.loan_page.tabs
    tabs.setCurrentIndex(window.loan_page.tab_index("Notes"))
    pane = window.notes_hookup.pane
    assert len(pane.cards) == before + 1

    monkeypatch.setattr(dialogs, "get_open_path", lambda *args, **kw: zip_path)
    assert window.file_actions.restore() == zip_path
    window.open_loan("jb-2026-01")
    tabs.setCurrentIndex(window.loan_page.tab_index("Notes"))
    assert len(Notes(sample).notes("jb-2026-01")) == before
    assert len(pane.cards) == before  # the note written after the backup is gone from the tab too
