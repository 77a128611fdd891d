"""Every message that can reach the window from below it is said in the window's language: each
fault code raised under ashore (outside ashore.ui) has its words in ashore.ui.messages or
ashore.ui.faults, and the Chinese window has them in Chinese, with the same values in them."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

import ashore
from ashore.app.errors import DataError, InputError
from ashore.store import lock
from ashore.ui.app import install_translations
from ashore.ui.messages import _error_templates, error_detail, error_text

SRC = Path(ashore.__file__).parent
CJK = re.compile(r"[\u4e00-\u9fff]")
PLACES = re.compile(r"\{\w+\}|%\d")


def _calls() -> Iterator[tuple[str, ast.Call]]:
    for path in sorted(SRC.rglob("*.py")):
        if "ui" in path.relative_to(SRC).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                yield f"{path.relative_to(SRC)}:{node.lineno}", node


def _code(call: ast.Call) -> str | None:
    for keyword in call.keywords:
        if keyword.arg == "code" and isinstance(keyword.value, ast.Constant):
            return str(keyword.value.value)
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in ("at", "about") and len(call.args) >= 2:
        code = call.args[1]
        if isinstance(code, ast.Constant) and isinstance(code.value, str):
            return code.value
    return None


def raised_codes() -> dict[str, str]:
    """Each fault code raised below the window, with one place that raises it."""
    codes: dict[str, str] = {}
    for where, call in _calls():
        code = _code(call)
        if code:
            codes.setdefault(code, where)
    return codes


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    installed = install_translations(qapp, "zh_CN")
    assert installed
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


def test_the_catalogue_is_found_and_every_code_has_the_windows_words(qapp) -> None:
    codes = raised_codes()
    # guard: the walk finds the store's, the money engine's and the services' codes
    assert {"lock.held_by", "database.newer", "amount.not_positive", "note.deleted"} <= set(codes)
    assert len(codes) > 90
    templates = _error_templates()
    assert {c: w for c, w in codes.items() if c not in templates} == {}


def test_every_world_fault_below_the_window_has_a_code() -> None:
    """A DataError (the disk, the database, the lock) always carries its code: one raised as
    plain English text would reach the Chinese window in English."""
    bare = [
        where
        for where, call in _calls()
        if isinstance(call.func, ast.Name) and call.func.id == "DataError" and not _code(call)
    ]
    assert bare == []


def test_the_chinese_window_has_every_message_in_chinese(chinese) -> None:
    templates = _error_templates()
    assert len(templates) > 90
    assert {code: words for code, words in templates.items() if not CJK.search(words)} == {}


def test_the_chinese_words_keep_every_value_of_the_english(qapp: QApplication) -> None:
    """Each {name} and %n the English words fill is in the Chinese words too (none lost)."""
    english = _error_templates()
    before = QLocale()
    installed = install_translations(qapp, "zh_CN")
    try:
        chinese = _error_templates()
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)
    assert installed
    lost = {
        code: (words, chinese[code])
        for code, words in english.items()
        if sorted(PLACES.findall(words)) != sorted(PLACES.findall(chinese[code]))
    }
    assert lost == {}


def test_the_lock_and_the_database_are_said_in_chinese(tmp_path, chinese) -> None:
    (tmp_path / lock.LOCK_NAME).write_text("27624", "ascii")
    held = lock._held(tmp_path, tmp_path / lock.LOCK_NAME)
    assert str(held) == (
        f"{tmp_path}: Ashore is open on this data dir (process 27624): close it first "
        "(one window or command at a time keeps the data whole)"
    )  # the command line's English, unchanged
    assert error_detail(held) == (
        f"{tmp_path}：Ashore 已经在另一个窗口中打开了这份数据（进程 27624）。"
        "请先关闭那个窗口，或打开另一个数据文件夹。"
    )
    newer = DataError.about(tmp_path, "database.newer", "…", schema="0099")
    assert error_detail(newer) == (
        f"{tmp_path}：该数据库由更新版本的 Ashore 写入（结构 0099）；请更新 Ashore 后再打开。"
        "数据库未作任何改动"
    )
    settled = InputError.at("settlement", "settlement.not_recorded", "…")
    assert error_detail(settled) == "请先记下这笔借款结清的日期"
    missing = InputError.at("loans[0].principal", "amount.not_positive", "must be more than zero")
    assert error_text(missing) == "loans[0].principal: 必须大于零"
