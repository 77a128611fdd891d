"""File ▸ Export ▸ All data (JSON)… and the PDF calendar show how far they are and can be
cancelled: the bar reaches every loan (every page), and a cancelled export leaves no file behind."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QProgressDialog

from ashore.exchange import read_book
from ashore.ui import dialogs
from ashore.ui.files import calendar as calendar_ui
from ashore.ui.files.calendar import CalendarChoice


def _values(monkeypatch) -> list[tuple[int, int]]:
    """Every (value, maximum) the progress dialogs are set to."""
    seen: list[tuple[int, int]] = []
    original = QProgressDialog.setValue

    def record(self: QProgressDialog, value: int) -> None:
        seen.append((value, self.maximum()))
        original(self, value)

    monkeypatch.setattr(QProgressDialog, "setValue", record)
    return seen


def test_the_json_export_bar_reaches_every_loan(
    qtbot, ledger, make_window, monkeypatch, tmp_path
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    out = tmp_path / "everything.json"
    monkeypatch.setattr(dialogs, "get_save_path", lambda *args, **kw: out)
    seen = _values(monkeypatch)
    assert window.file_actions.export_json() == out
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert [loan.id for loan in read_book(out).loans] == sorted(loan.id for loan in ledger.loans())


def test_a_cancelled_json_export_leaves_no_file(
    qtbot, ledger, make_window, monkeypatch, tmp_path
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    out = tmp_path / "out" / "everything.json"
    out.parent.mkdir()
    monkeypatch.setattr(dialogs, "get_save_path", lambda *args, **kw: out)
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    assert window.file_actions.export_json() is None
    assert list(out.parent.iterdir()) == []


def test_the_calendar_bar_counts_pages_and_a_cancel_keeps_no_pdf(
    qtbot, ledger, make_window, monkeypatch, tmp_path
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    out = tmp_path / "out" / "plan.pdf"
    out.parent.mkdir()
    choice = CalendarChoice(date(2026, 11, 1), 6, tuple(loan.id for loan in ledger.loans()))
    monkeypatch.setattr(dialogs, "ask_calendar", lambda *args, **kwargs: choice)
    monkeypatch.setattr(dialogs, "get_save_path", lambda *args, **kwargs: out)
    seen = _values(monkeypatch)
    assert window.file_actions.calendar.export_pdf() == out
    qtbot.waitUntil(lambda: (7, 7) in seen)
    assert [value for value, _ in seen if _ == 7] == [0, 1, 2, 3, 4, 5, 6, 7]

    out.unlink()

    class Cancelling(calendar_ui._Writer):
        def __init__(self, *args) -> None:
            super().__init__(*args)
            self.cancel()

    monkeypatch.setattr(calendar_ui, "_Writer", Cancelling)
    assert window.file_actions.calendar.export_pdf() is None
    assert list(out.parent.iterdir()) == []
