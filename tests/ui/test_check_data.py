"""File ▸ Check Data… checks what ``ashore verify`` checks, in a worker behind a progress bar:
a clean book is all good (with the counts), a tampered one names what is wrong and where, with
the command's own lines under Details; a stopped check says so and changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QProgressDialog

from ashore.app.paths import DataDir
from ashore.services import Ledger
from ashore.ui import dialogs
from ashore.ui.files import check as check_ui
from store.test_tamper import CASES, LOAN, data  # noqa: F401  (the verify tests' tampering)

TAMPER = {name: (tamper, line) for name, tamper, line in CASES}


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(
        dialogs, "report", lambda parent, title, text, details: shown.append((title, text, details))
    )
    return shown


def _loan_name(root: Path, loan_id: str) -> str:
    con = sqlite3.connect(root / "ashore.sqlite3")
    try:
        return str(con.execute("SELECT name FROM loans WHERE id = ?", (loan_id,)).fetchone()[0])
    finally:
        con.close()


def test_a_clean_book_is_all_good_with_what_was_checked(
    qtbot, ledger, make_window, dialog_log, reports, monkeypatch
) -> None:
    ledger.load_sample()
    notes = sum(len(loan.notes) for loan in ledger.loans())
    window = make_window(ledger)
    seen: list[tuple[int, int]] = []
    original = QProgressDialog.setValue

    def record(self: QProgressDialog, value: int) -> None:
        seen.append((value, self.maximum()))
        original(self, value)

    monkeypatch.setattr(QProgressDialog, "setValue", record)
    result = window.file_actions.data_check.check()
    assert result is not None
    assert result.ok
    assert (result.files, result.notes) == (0, notes)
    assert reports == []
    assert dialog_log[-1] == (
        "info",
        (
            f"All good: the database is intact, 0 stored files match their fingerprints and "
            f"{notes} call notes are in their unbroken record.",
            "Check data",
        ),
    )
    loans = len(ledger.loans())
    assert seen[-1] == (loans, loans)  # the bar reached every loan


def test_the_action_is_in_the_file_menu(qtbot, ledger, make_window) -> None:
    window = make_window(ledger)
    texts = [action.text() for action in window.file_menu.actions()]
    assert "&Check Data…" in texts
    assert texts.index("&Check Data…") < texts.index("&Quit")


@pytest.mark.parametrize(
    ("case", "words"),
    [
        (
            "last-note-rehashed",
            "“{name}”: call notes were changed, added or removed outside Ashore.",
        ),
        ("payment-edited", "“{name}”: its payments were changed outside Ashore."),
        ("claim-edited", "“{name}”: what the lender claims was changed outside Ashore."),
    ],
)
def test_a_tampered_book_says_what_is_wrong_and_where(
    qtbot,
    ctx,
    data: Path,  # noqa: F811  (the fixture imported above)
    make_window,
    dialog_log,
    reports,
    case: str,
    words: str,
) -> None:
    name = _loan_name(data, LOAN)
    tamper, line = TAMPER[case]
    tamper(data)
    ledger = Ledger.open(DataDir(data), ctx.clock)
    try:
        window = make_window(ledger)
        result = window.file_actions.data_check.check()
        assert result is not None
        assert not result.ok
        assert [item.subject for item in result.findings] == [name] * len(result.findings)
        [(title, text, details)] = reports
        assert title == "Check data"
        assert text.startswith(f"The check found {len(result.findings)} problems:\n\n")
        assert "• " + words.format(name=name) in text.splitlines()
        assert line in details  # the line ``ashore verify`` prints
        assert "Traceback" not in text + details
        window.close()
    finally:
        ledger.close()


def test_a_stopped_check_says_so_and_shows_no_result(
    qtbot, ledger, make_window, dialog_log, reports, monkeypatch
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    status: list[str] = []
    monkeypatch.setattr(
        window.file_actions.data_check, "show_status", lambda t, ms: status.append(t)
    )

    def stop(self: check_ui._Checker, done: int, total: int) -> bool:
        return False

    monkeypatch.setattr(check_ui._Checker, "_progress", stop)
    before = list(dialog_log)
    assert window.file_actions.data_check.check() is None
    assert status == ["The check was stopped; nothing was changed."]
    assert dialog_log == before
    assert reports == []
