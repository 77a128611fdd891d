"""One rule for the file name every save suggests (issue 13, item 21): the folder last saved
to (else Documents, else home), a name a person reads (lender, reference or name, what, day),
never the internal id, and only characters every file system takes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from ashore.app.paths import DataDir
from ashore.domain.money import Rate
from ashore.domain.records import Loan
from ashore.services import Ledger
from ashore.ui import dialogs
from ashore.ui.files import common
from ashore.ui.files.common import (
    LAST_FOLDER_KEY,
    loan_file,
    remember_in,
    safe_name,
    save_folder,
    suggested_path,
)

DAY = date(2026, 11, 28)
SAMPLE_LOAN = Loan(
    id="loan-1",
    lender="kk",
    name="",
    principal=Decimal("3000.00"),
    rate=Rate(Decimal("0.0005"), "day"),
    method="bullet",
    term_count=30,
    term_unit="day",
    first_due=date(2026, 9, 10),
)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("借呗 January", "借呗 January"),  # whole, as the user wrote it
        ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j"),
        ("  Kaka  Loan  ", "Kaka Loan"),
        ("HT-2026-0115", "HT-2026-0115"),
        ("..hidden", "hidden"),
        ("tab\there", "tab here"),
        ("a / b", "a - b"),
    ],
)
def test_safe_name(text: str, name: str) -> None:
    assert safe_name(text) == name


def test_without_a_folder_saved_to_the_suggestion_is_in_documents_or_home(
    data_dir: DataDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(common, "_remembered", [])
    remember_in(data_dir)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    expected = Path(documents)
    # a fresh home has no Documents yet: the first save still goes there, not to the home folder
    assert expected != Path.home()
    assert save_folder() == expected
    assert expected.is_dir()
    assert suggested_path("Ashore", day=DAY, suffix=".json") == str(
        expected / "Ashore-2026-11-28.json"
    )


def test_the_folder_chosen_last_is_suggested_next_and_kept_in_the_settings(
    data_dir: DataDir, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(common, "_remembered", [])
    remember_in(data_dir)
    out = tmp_path / "exports"
    out.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out / "mine.pdf"), "")
    )
    assert dialogs.get_save_path(None, "Save", "PDF (*.pdf)", "x.pdf") == out / "mine.pdf"
    assert save_folder() == out
    stored = QSettings(str(data_dir.settings), QSettings.Format.IniFormat)
    assert stored.value(LAST_FOLDER_KEY) == str(out)
    loan = replace(SAMPLE_LOAN, name="Kaka 30-day", reference="KK/2026:09")
    assert loan_file("Kaka Loan", loan, "letter", DAY, ".pdf") == str(
        out / "Kaka Loan-KK-2026-09-letter-2026-11-28.pdf"
    )
    unnamed = replace(SAMPLE_LOAN, name="借呗 January", reference="")
    assert loan_file("借呗 Jiebei", unnamed, "complaint", DAY, ".pdf") == str(
        out / "借呗 Jiebei-借呗 January-complaint-2026-11-28.pdf"
    )
    out.rmdir()  # a folder since removed is not suggested
    assert save_folder() != out


def test_the_window_suggests_human_names_for_complaint_and_evidence(
    qtbot: Any, ledger: Ledger, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from .helpers import record_night_call

    ledger.load_sample()
    record_night_call(ledger, "jb-2026-01")  # a complaint is offered only of a broken rule
    window = make_window(ledger)
    window.open_loan("jb-2026-01")
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_complaint", lambda _p, name, _lang: asked.append(name))
    monkeypatch.setattr(dialogs, "get_bundle_path", lambda _p, name: asked.append(name))
    window.notes_hookup.export_complaint()
    window.notes_hookup.export_bundle()
    names = [Path(path).name for path in asked]
    assert names == [
        "借呗 Jiebei-借呗 January-complaint-2026-11-28.pdf",
        "借呗 Jiebei-借呗 January-evidence-2026-11-28.zip",
    ]
    assert all(Path(path).parent == save_folder() for path in asked)
    assert not any("jb-2026-01" in path for path in asked)
