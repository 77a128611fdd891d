"""The Chinese interface: the committed .ts is complete and matches the sources, the .qm is its
current compilation, and a window started with ``--lang zh_CN`` reads Chinese (English without)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ashore.app.context import Context
from ashore.app.resources import resource_path
from ashore.domain.dates import date_text
from ashore.domain.money import AmountError, parse_amount
from ashore.services import Ledger
from ashore.ui.app import install_translations, translation_files

REPO = Path(__file__).resolve().parents[2]
TS = resource_path("translations", "ashore_zh_CN.ts")
QM = resource_path("translations", "ashore_zh_CN.qm")
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"%\d|\{\w*\}")
ACCELERATOR = re.compile(r"&(?!&)(\w)")


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message of a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def translated_text(translation: ET.Element) -> str:
    """The translation's text; a counted message's (numerus, "%n day(s)") one form of Chinese."""
    forms = translation.findall("numerusform")
    if forms:
        assert len(forms) == 1, "Chinese has one plural form"
        return forms[0].text or ""
    return translation.text or ""


def tool(name: str) -> Path:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} is not installed beside this Python")
    return path


# ----- the files ------------------------------------------------------------------------------
def test_the_chinese_speaks_one_way_and_names_the_lender_one_way() -> None:
    """One word for the lender (出借方, as the sidebar's heading), and 你 throughout the window (the
    letter to the lender, a report, is where 您 belongs)."""
    for context, source, translation in messages(TS):
        text = translation.text or ""
        assert "贷款方" not in text, f"{context}: {source!r} calls the lender 贷款方"
        assert "您" not in text, f"{context}: {source!r} says 您"


def test_every_message_is_translated_and_keeps_its_placeholders() -> None:
    found = messages(TS)
    assert len(found) > 500  # the whole interface, not a handful
    for context, source, translation in found:
        where = f"{context}: {source!r}"
        assert translation.get("type") is None, f"{where} is {translation.get('type')}"
        text = translated_text(translation)
        assert text.strip(), f"{where} has no translation"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        if ACCELERATOR.search(source):
            assert ACCELERATOR.search(text), f"{where} lost its keyboard accelerator"
        if source.strip() != source:  # a suffix such as " days" keeps its leading space
            assert text[:1].isspace() == source[:1].isspace() or text[:1] in "（", where
    # the same-text spot checks a reader would make
    table = {(context, source): translated_text(t) for context, source, t in found}
    assert table[("MainWindow", "&File")] == "文件(&F)"
    assert table[("LoanForm", "Penalty interest")] == "罚息"
    assert table[("LoanForm", "Grace period")] == "宽限期"
    assert table[("", "Overdue %n day(s)")]  # a module-level helper: "逾期 %n 天"


def test_the_compiled_qm_is_current(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [str(tool("pyside6-lrelease")), str(TS), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run `make translations` and commit the .qm"


def test_the_ts_holds_every_string_of_the_interface_and_no_more(tmp_path: Path) -> None:
    """lupdate over today's sources (as `make translations` runs it) adds and drops nothing."""
    copy = tmp_path / "ashore_zh_CN.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(path) for path in (REPO / "src" / "ashore" / "ui").rglob("*.py"))
    options = ["-tr-function-alias", "tr+=_tr", "-no-obsolete", "-locations", "none"]
    subprocess.run(
        [str(tool("pyside6-lupdate")), *options, *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    new = [(c, s) for c, s, t in messages(copy) if t.get("type") is not None]
    assert new == [], "strings without a translation: translate them, then `make translations`"
    assert len(messages(copy)) == len(messages(TS)), "strings gone from the code are still in .ts"


# ----- the window -----------------------------------------------------------------------------
@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[list[object]]:
    """Ashore's and Qt's Chinese installed for one test, and taken out again after it."""
    before = QLocale()
    installed = install_translations(qapp, "zh_CN")
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


def build_window(qtbot, ctx: Context, ledger: Ledger, monkeypatch: pytest.MonkeyPatch):
    from ashore.ui import dialogs
    from ashore.ui.app import open_settings
    from ashore.ui.main_window import MainWindow

    # closing at the end must never ask through a real dialog
    monkeypatch.setattr(dialogs, "confirm", lambda *args, **kwargs: True)
    window = MainWindow(ledger, ctx, open_settings(ctx.data))
    qtbot.addWidget(window)
    window.show()
    window.load()
    return window


def window_texts(qtbot, window) -> dict[str, object]:
    from PySide6.QtWidgets import QLabel

    title = window.findChild(QLabel, "sidebarTitle")
    window.edits.load_sample()
    loan = window.ledger.loans()[0]
    window.open_loan(loan.id)
    tabs = window.loan_page.tabs
    principal = window.form.principal.line
    principal.selectAll()
    qtbot.keyClicks(principal, "abc")  # not an amount: the core's error, worded for the window
    window.form.name.line.selectAll()
    qtbot.keyClick(window.form.name.line, Qt.Key.Key_Backspace)  # an emptied required field
    window.form.save()  # ... and a save tried: "Required" says why not
    return {
        "menus": [action.text() for action in window.menuBar().actions()],
        "sidebar": title.text(),
        "tabs": [tabs.tabText(index) for index in range(tabs.count())],
        "required": window.form.name.error_label.text(),
        "not_amount": window.form.principal.error_label.text(),
        "new_loan": window.new_loan_button.text(),
    }


def test_translation_files_are_qt_s_then_ashore_s() -> None:
    files = translation_files("zh_CN")
    assert [path.name for path in files][-1] == "ashore_zh_CN.qm"
    assert "qtbase_zh_CN.qm" in [path.name for path in files]
    # English needs only Ashore's plural forms ("1 day", "2 days")
    assert [path.name for path in translation_files("en")] == ["ashore_en.qm"]


def test_the_window_reads_chinese_with_lang_zh_cn(
    qtbot, ctx: Context, ledger: Ledger, chinese, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(chinese) == 3  # qtbase, qtmultimedia, Ashore
    window = build_window(qtbot, ctx.replace(lang="zh_CN"), ledger, monkeypatch)
    texts = window_texts(qtbot, window)
    assert texts["menus"][:3] == ["文件(&F)", "编辑(&E)", "查看(&V)"]
    assert texts["menus"][-1] == "帮助(&H)"
    assert "协商(&N)" in texts["menus"]
    assert texts["sidebar"] == "你的借款"
    assert texts["new_loan"] == "新借款"
    assert texts["tabs"][:3] == ["概况", "方案", "还款"]
    assert "详情" in texts["tabs"]
    assert "指南" in texts["tabs"]
    assert texts["required"] == "必填"
    assert texts["not_amount"] == "'abc' 不是有效金额"
    # Qt's own standard buttons come from qtbase_zh_CN
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert QLocale().name() == "zh_CN"


def test_the_window_stays_english_with_lang_en(
    qtbot, ctx: Context, ledger: Ledger, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    # English installs only Ashore's plural forms: Qt's own words stay Qt's
    installed = install_translations(qapp, "en")
    assert len(installed) == 1
    for translator in installed:
        qapp.removeTranslator(translator)
    window = build_window(qtbot, ctx, ledger, monkeypatch)
    texts = window_texts(qtbot, window)
    assert texts["menus"][:3] == ["&File", "&Edit", "&View"]
    assert texts["menus"][-1] == "&Help"
    assert texts["sidebar"] == "Your loans"
    assert texts["tabs"][:3] == ["Overview", "Proposals", "Payments"]
    assert texts["required"] == "Required"
    assert texts["not_amount"] == "'abc' is not an amount"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_guide_warnings_are_worded_in_the_interface_language(
    ctx: Context, ledger: Ledger, qapp: QApplication
) -> None:
    from ashore.services.guide import warnings as guide_warnings
    from ashore.ui.messages import warning_text

    ledger.load_sample()
    found = guide_warnings.warnings(ledger, ctx.today)
    passed = [w for w in found if w.message == "follow_up_passed"]
    assert len(passed) == 1  # 借呗 January: the follow-up of 2026-11-27 went by without a note
    # English reads as the service's text, its ISO dates in the window's style (Nov 27, 2026)
    iso = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
    for warning in found:
        window_style = iso.sub(lambda m: date_text(date(*map(int, m.groups())), "en"), warning.text)
        assert warning_text(warning, "en") == window_style
    due = guide_warnings.Warning(
        "urgent",
        "x",
        "English",
        "due_soon",
        None,
        "due_in",
        ("借呗 January", Decimal("1100.16"), 3),
    )
    due = replace(due, args=(*due.args, date(2026, 12, 1)))
    assert (
        warning_text(due, "en")
        == "借呗 January: agreed payment of 1,100.16 is due in 3 days, on Dec 1, 2026."
    )
    before = QLocale()
    installed = install_translations(qapp, "zh_CN")
    try:
        assert warning_text(passed[0], "zh_CN") == (
            "借呗 January：跟进日期 2026年11月27日 已过去 1 天，"
            "之后没有任何记录；请再次致电出借方。"
        )
        assert (
            warning_text(due, "zh_CN")
            == "借呗 January：约定还款 1,100.16 将在 3 天后（2026年12月1日）到期。"
        )
        unknown = replace(due, message="")
        assert warning_text(unknown, "zh_CN") == "English"  # no wording known: its own text
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)


def _raised(make: Callable[[], object]) -> Exception:
    try:
        make()
    except Exception as error:  # noqa: BLE001 - the error itself is what the test looks at
        return error
    raise AssertionError("no error raised")


# The errors as the core raises them (a code, a field, arguments): the window words them by code.
# ``error`` is their English text, as the command line prints it.
_CODED = {
    "loan.principal: 'abc' is not an amount": lambda: _raised(
        lambda: parse_amount("abc", field="loan.principal")
    ),
    "rate: 500 % a day is not a plausible rate": lambda: AmountError.at(
        "rate", "rate.implausible_daily", "500 % a day is not a plausible rate", value="500"
    ),
    "amount: CNY amounts have at most 2 decimals": lambda: _raised(
        lambda: parse_amount("1.234", field="amount")
    ),
}


@pytest.mark.parametrize(
    ("error", "english", "chinese"),
    [
        ("loan.principal: 'abc' is not an amount", "'abc' is not an amount", "'abc' 不是有效金额"),
        (
            "rate: 500 % a day is not a plausible rate",
            "500 % a day is not a plausible rate",
            "日利率 500% 不合理",
        ),
        (
            "amount: CNY amounts have at most 2 decimals",
            "CNY amounts have at most 2 decimals",
            "CNY 金额最多 2 位小数",
        ),
        (
            "loan.principal: must be at most 1,000,000.00 for this lender",
            "Must be at most 1,000,000.00 for this lender",
            "Must be at most 1,000,000.00 for this lender",
        ),  # not a form's own: left as it is
    ],
)
def test_input_errors_are_worded_in_the_interface_language(
    qapp: QApplication, error: str, english: str, chinese: str
) -> None:
    from ashore.app.errors import InputError
    from ashore.ui.widgets.fields import user_message

    make = _CODED.get(error, lambda: InputError(error))
    assert str(make()) == error
    assert user_message(make()) == english
    before = QLocale()
    installed = install_translations(qapp, "zh_CN")
    try:
        assert user_message(make()) == chinese
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)


def test_lists_are_joined_in_english(qapp: QApplication) -> None:
    from ashore.ui.widgets.words import joined

    assert joined(["penalty waived", "late fees waived"]) == "penalty waived, late fees waived"


def test_lists_are_joined_in_chinese(chinese: list[object]) -> None:
    from ashore.ui.widgets.words import joined

    assert joined(["罚息减免", "滞纳金减免"]) == "罚息减免、滞纳金减免"
