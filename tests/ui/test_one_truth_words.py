"""One truth on every screen, the words (issue 13): Qt's own file dialog reads Chinese in zh_CN,
one key per action in a window, counts said with Qt's plural forms, one date style per
language."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction, QFont, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeView,
    QWidget,
)

from ashore.domain.dates import date_text
from ashore.domain.records import LoanSummary
from ashore.reports.strings import counted
from ashore.services import Ledger
from ashore.ui.app import install_translations
from ashore.ui.audio.common import QTMULTIMEDIA_ENVIRONMENT_WARNINGS
from ashore.ui.loan.sidebar import status_text

from .helpers import open_tab

JB = "jb-2026-01"
noise = pytest.mark.qt_log_ignore(
    *QTMULTIMEDIA_ENVIRONMENT_WARNINGS, "does not support propagateSizeHints"
)

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ACCELERATOR = re.compile(r"\(&\w\)|&")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """Ashore's and Qt's Chinese installed for one test, and taken out again after it."""
    before = QLocale()
    installed = install_translations(qapp, "zh_CN")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


def english_left(texts: list[str]) -> list[str]:
    """The texts that still hold an English word, accelerators aside."""
    return [text for text in texts if LATIN_WORD.search(ACCELERATOR.sub("", text))]


def test_qt_s_file_dialog_reads_chinese(qtbot, chinese, tmp_path: Path) -> None:
    (tmp_path / "letters").mkdir()
    (tmp_path / "plan.pdf").write_bytes(b"%PDF-1.4\n")
    dialog = QFileDialog(None, "", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    buttons = [b.text() or b.toolTip() for b in dialog.findChildren(QAbstractButton)]
    # the two labels Qt 6 spells with an accelerator were English ("&Look in:", "Files of &type:")
    assert "查找范围(&L)：" in labels
    assert "文件类型(&T)：" in labels
    assert english_left(labels) == []
    assert english_left([text for text in buttons if text]) == []
    view = next(v for v in dialog.findChildren(QTreeView) if v.isVisible())
    model = view.model()
    header = [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    ]
    assert english_left(header) == []

    def folder_row() -> int:
        root = view.rootIndex()
        names = [model.index(row, 0, root).data() for row in range(model.rowCount(root))]
        return names.index("letters") if "letters" in names else -1

    qtbot.waitUntil(lambda: folder_row() >= 0)
    # the Type column named a folder "Folder"
    assert model.index(folder_row(), 2, view.rootIndex()).data() == "文件夹"


# ----- one key, one action ----------------------------------------------------------------------
def listening(action: QAction) -> bool:
    """Whether Qt would match ``action``'s keys now: it is in a menu (of the menu bar) or held by
    a widget on screen (the notes panes of the loan and of the lender page are never both)."""
    holders = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
    return any(isinstance(w, QMenu) or w.isVisible() for w in holders)


def shortcuts_of(window: QWidget) -> dict[str, list[str]]:
    """Each key sequence Qt would match in ``window`` now (actions and QShortcuts), with what it
    does."""
    found: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        if not listening(action):
            continue
        for sequence in action.shortcuts():
            found.setdefault(sequence.toString(), []).append(action.text() or action.objectName())
    for shortcut in window.findChildren(QShortcut):
        if shortcut.parentWidget() is None or shortcut.parentWidget().isVisible():
            found.setdefault(shortcut.key().toString(), []).append(shortcut.objectName())
    return found


@noise
def test_no_two_actions_share_a_key_in_the_window(qtbot, ledger: Ledger, make_window) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    window.open_loan(JB)
    window.loan_page.tabs.setCurrentIndex(window.notes_hookup.tab_index)
    keys = shortcuts_of(window)
    assert {key: names for key, names in keys.items() if len(names) > 1} == {}
    # Ctrl+N is the window's New loan, the notes pane has its own keys (Ctrl+N was both)
    assert keys["Ctrl+N"] == [window.new_loan_action.text()]
    assert keys["Ctrl+Shift+N"] == ["New note"]
    assert keys["Ctrl+Shift+C"] == ["Collector calling"]
    for state in ("dashboard", "lender"):
        if state == "dashboard":
            window.dashboard_action.trigger()
        else:
            window.open_lender(ledger.loan(JB).lender)
        keys = shortcuts_of(window)
        assert {key: names for key, names in keys.items() if len(names) > 1} == {}, state


# ----- counts -------------------------------------------------------------------------------------
REPO = Path(__file__).resolve().parents[2]
TS_EN = REPO / "resources" / "translations" / "ashore_en.ts"
HAND_BUILT_PLURAL = re.compile(r"\w\((?:s|es)\)")


def counted_messages() -> list[tuple[str, str]]:
    root = ET.parse(TS_EN).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def overdue(days: int) -> LoanSummary:
    return LoanSummary(
        "l", "x", "X", "Loan", "CNY", Decimal(1), Decimal(1), Decimal(1), days, Decimal(0),
        "overdue",
    )  # fmt: skip


def test_counts_say_1_day_and_2_days(qapp: QApplication) -> None:
    # the sidebar's badge was built by hand; every count now goes through Qt's %n
    assert status_text(overdue(1)) == "Overdue 1 day"
    assert status_text(overdue(2)) == "Overdue 2 days"
    kept = "✓ %n note(s), kept as written; every change is on record"
    assert QCoreApplication.translate("NotesPane", kept, None, 1) == (
        "✓ 1 note, kept as written; every change is on record"
    )
    assert QCoreApplication.translate("NotesPane", kept, None, 2) == (
        "✓ 2 notes, kept as written; every change is on record"
    )
    found = counted_messages()
    assert len(found) >= 15
    for context, source in found:
        one = QCoreApplication.translate(context, source, None, 1)
        two = QCoreApplication.translate(context, source, None, 2)
        assert "1" in one, (context, source)
        assert "2" in two, (context, source)
        assert not HAND_BUILT_PLURAL.search(one + two), (context, source, one, two)
        assert one.replace("1", "2") != two, f"{context}: {source!r} has one form in English"


def test_counts_in_chinese_have_no_plural(chinese) -> None:
    assert status_text(overdue(1)) == "逾期 1 天"
    assert status_text(overdue(2)) == "逾期 2 天"
    assert QCoreApplication.translate("SidebarModel", "%n loan(s)", None, 2) == "2 笔借款"


def test_no_count_is_built_by_hand_in_the_window_or_the_reports() -> None:
    """ "note(s)", "breach(es)": only inside a %n text, which Qt says in the singular or plural."""
    left = []
    for folder in ("ui", "reports"):
        for path in sorted((REPO / "src" / "ashore" / folder).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if HAND_BUILT_PLURAL.search(line) and "%n" not in line:
                    left.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert left == []


def test_the_reports_say_counts_in_english() -> None:
    assert counted(1, "payment", "payments") == "1 payment"
    assert counted(2, "breach", "breaches") == "2 breaches"


def test_the_english_catalogue_holds_every_count_and_is_compiled(tmp_path: Path) -> None:
    """lupdate over today's sources (as `make translations` runs it) finds no counted text the
    English catalogue lacks, and its .qm is the current compilation."""
    bin_dir = Path(sys.executable).parent
    lupdate, lrelease = bin_dir / "pyside6-lupdate", bin_dir / "pyside6-lrelease"
    if not lupdate.exists() or not lrelease.exists():
        pytest.skip("the Qt translation tools are not installed beside this Python")
    copy = tmp_path / "ashore_en.ts"
    shutil.copy(TS_EN, copy)
    sources = sorted(str(path) for path in (REPO / "src" / "ashore" / "ui").rglob("*.py"))
    options = ["-tr-function-alias", "tr+=_tr", "-no-obsolete", "-pluralonly", "-locations"]
    subprocess.run(
        [str(lupdate), *options, "none", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    root = ET.parse(copy).getroot()
    unfinished = [
        message.findtext("source")
        for message in root.iter("message")
        if message.find("translation").get("type") is not None  # type: ignore[union-attr]
    ]
    assert unfinished == [], "counted texts without English forms: fill them, make translations"
    assert len(list(root.iter("message"))) == len(counted_messages())
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(lrelease), str(TS_EN), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == TS_EN.with_suffix(".qm").read_bytes(), "run make translations"


# ----- nothing cut at 1280×800 ------------------------------------------------------------------
def cut_texts(window: QWidget) -> list[str]:
    """Buttons narrower than their text needs and header sections narrower than their heading,
    among the widgets on screen."""
    cut = []
    for button in window.findChildren(QPushButton):
        if button.isVisible() and button.width() < button.sizeHint().width():
            cut.append(f"button {button.text()!r}: {button.width()} < {button.sizeHint().width()}")
    for header in window.findChildren(QHeaderView):
        if not header.isVisible() or header.orientation() != Qt.Orientation.Horizontal:
            continue
        model = header.model()
        for section in range(header.count()):
            heading = model.headerData(section, Qt.Orientation.Horizontal) if model else None
            if heading and not header.isSectionHidden(section):
                if header.sectionSize(section) < header.sectionSizeHint(section):
                    cut.append(
                        f"heading {heading!r}: {header.sectionSize(section)} < "
                        f"{header.sectionSizeHint(section)}"
                    )
    return cut


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp: QApplication) -> Iterator[str]:
    installed = install_translations(qapp, request.param) if request.param != "en" else []
    before = QLocale()
    yield request.param
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


@noise
@pytest.mark.parametrize("points", [None])
def test_no_button_or_heading_is_cut_at_1280_by_800(
    qtbot, ledger: Ledger, make_window, language: str, points: float | None, qapp
) -> None:
    """On the dashboard and every tab of the longest sample loan, in English and Chinese, with
    the platform's font and a desktop's 11 pt (the sidebar's "Lender / loan" and the proposal
    list's heading were cut)."""
    font = qapp.font()
    if points is not None:
        bigger = QFont(font)
        bigger.setPointSizeF(points)
        qapp.setFont(bigger)
    try:
        ledger.load_sample()
        window = make_window(ledger)
        window.resize(1280, 800)
        window.show_dashboard()
        qtbot.wait(20)
        found = [f"dashboard: {text}" for text in cut_texts(window)]
        window.open_loan(JB)
        tabs = window.loan_page.tabs
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qtbot.wait(20)
            found += [f"{tabs.tabText(index)}: {text}" for text in cut_texts(window)]
        assert found == []
    finally:
        qapp.setFont(font)


# ----- one date style per language ----------------------------------------------------------------
def test_one_function_writes_a_date_per_language() -> None:
    day = date(2026, 12, 15)
    assert date_text(day, "en") == "Dec 15, 2026"
    assert date_text(day, "zh_CN") == "2026年12月15日"
    assert date_text(day, "en", weekday=True) == "Tue, Dec 15, 2026"
    assert date_text(day, "zh_CN", weekday=True) == "2026年12月15日 周二"


@noise
@pytest.mark.parametrize(
    ("lang", "june", "today"),
    [("en", "Jun 15, 2026", "Nov 28, 2026"), ("zh_CN", "2026年6月15日", "2026年11月28日")],
)
def test_tables_lists_and_labels_read_one_date_style(
    qtbot, ctx, ledger: Ledger, qapp, monkeypatch, lang: str, june: str, today: str
) -> None:
    """The payments table, the dashboard's table and the sidebar wrote 2026-06-15 while labels
    read "Jun 15, 2026" / "2026年6月15日"."""
    from ashore.ui import dialogs
    from ashore.ui.app import open_settings
    from ashore.ui.main_window import MainWindow
    from ashore.ui.payments.models import PlanEntriesModel

    installed = install_translations(qapp, lang) if lang != "en" else []
    before = QLocale()
    monkeypatch.setattr(dialogs, "confirm", lambda *args, **kwargs: True)
    try:
        ledger.load_sample()
        context = ctx.replace(lang=lang)
        window = MainWindow(ledger, context, open_settings(context.data))
        qtbot.addWidget(window)
        window.show()
        window.load()
        assert window.today_label.text().endswith(today)  # the status bar
        window.show_dashboard()
        upcoming = window.dashboard.upcoming_model
        row = next(r for r in range(upcoming.rowCount()) if upcoming.row_at(r).loan_id == JB)
        assert june in upcoming.index(row, 0).data()  # "since Jun 15, 2026", "2026年6月15日 起"
        window.open_loan(JB)
        open_tab(qtbot, window, window.payments_tab)
        entries = window.payments_tab.entries_model
        dues = [
            entries.index(r, PlanEntriesModel.Column.DUE).data() for r in range(entries.rowCount())
        ]
        assert june in dues
        assert not any(ISO_DATE.search(text) for text in dues), dues
        # the order of a date column is its date's, not its text's
        keys = [
            entries.index(r, PlanEntriesModel.Column.DUE).data(entries.SORT_ROLE)
            for r in range(entries.rowCount())
        ]
        assert keys == sorted(keys)
        sidebar = window.model
        tip = sidebar.loan_index(JB).siblingAtColumn(0).data(Qt.ItemDataRole.ToolTipRole)
        assert tip is not None
        assert not ISO_DATE.search(tip), tip
        window.close()
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)
