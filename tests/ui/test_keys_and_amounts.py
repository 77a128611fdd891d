"""Keys and typed amounts (issue 13, items 16 and 18): one Tab leaves every date field (QDateEdit
walks its year, month and day sections first), Enter in the payment form records a valid payment,
and the window's amount fields read Chinese units ("1.2万" is 12,000.00) which the exchange format
and the command line keep refusing."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from ashore.app.context import Context
from ashore.commands.cli import main
from ashore.domain.money import AmountError, parse_amount
from ashore.domain.records import Lender
from ashore.services import Ledger
from ashore.services.payments import Payments
from ashore.ui.loan.form import LoanForm
from ashore.ui.notes.editor import NoteEditor
from ashore.ui.payments.tab import PaymentsTab
from ashore.ui.widgets.fields import DateEdit

from .helpers import type_into

JB = "jb-2026-01"


def _tab_out_of(qtbot, field: QWidget, before: QWidget, after: QWidget) -> None:
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert after.hasFocus(), f"one Tab left {field!r}"
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Backtab)
    assert before.hasFocus(), f"one Shift+Tab left {field!r}"


def test_one_tab_leaves_a_date_field(qtbot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    column = QVBoxLayout(holder)
    before, field, after = QLineEdit(), DateEdit(), QLineEdit()
    for widget in (before, field, after):
        column.addWidget(widget)
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow)
    _tab_out_of(qtbot, field, before, after)


def test_one_tab_leaves_first_due_date_and_the_note_times(qtbot) -> None:
    form = LoanForm(today=date(2026, 11, 28))
    qtbot.addWidget(form)
    form.set_lenders([Lender("jb", "Jiebei")])
    form.set_loan(None)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.first_due.setFocus()
    qtbot.waitUntil(form.first_due.hasFocus)
    qtbot.keyClick(form.first_due, Qt.Key.Key_Tab)
    assert not form.first_due.hasFocus()
    assert form.first_due.isAncestorOf(QWidget.focusWidget(form)) is False

    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    for field in (editor.occurred, editor.follow_date):
        field.setEnabled(True)
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        assert not field.hasFocus(), field


def test_enter_in_the_amount_records_the_payment_when_the_form_is_valid(
    qtbot, sample: Ledger, ctx: Context
) -> None:
    tab = PaymentsTab(Payments(sample), ctx, "en")
    qtbot.addWidget(tab)
    tab.show()
    tab.set_loan(sample.loan(JB))
    count = len(sample.loan(JB).payments)
    type_into(qtbot, tab.amount, "abc")
    qtbot.keyClick(tab.amount.line, Qt.Key.Key_Return)
    assert len(sample.loan(JB).payments) == count  # not valid: nothing recorded
    tab.amount.setText("1.2千")  # 1,200.00 with a Chinese unit (an input method's text)
    qtbot.keyClick(tab.amount.line, Qt.Key.Key_Return)
    payments = sample.loan(JB).payments
    assert len(payments) == count + 1
    assert payments[-1].amount == Decimal("1200.00")
    assert payments[-1].date == ctx.today
    assert tab.amount.text() == ""  # the form is cleared for the next one


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1.2万", "12000.00"),
        ("1.2万元", "12000.00"),
        ("¥ 3 万", "30000.00"),
        ("3千", "3000.00"),
        ("12000元", "12000.00"),
        ("１２０００", "12000.00"),
        ("１．２万", "12000.00"),
        ("1.23456万", "12345.60"),
    ],
)
def test_the_window_reads_chinese_units(typed: str, value: str) -> None:
    assert parse_amount(typed, units=True) == Decimal(value)


def test_a_unit_does_not_hide_too_many_decimals_and_is_refused_without_units() -> None:
    with pytest.raises(AmountError, match="at most 2 decimals"):
        parse_amount("1.2345678万", units=True)
    with pytest.raises(AmountError, match="is not an amount"):
        parse_amount("1.2万")
    with pytest.raises(AmountError, match="is not an amount"):
        parse_amount("万", units=True)


def test_the_loan_form_takes_1_2_wan(qtbot) -> None:
    form = LoanForm(today=date(2026, 11, 28))
    qtbot.addWidget(form)
    form.set_lenders([Lender("jb", "Jiebei")])
    form.set_loan(None)
    form.principal.setText("1.2万")
    assert form.principal.valid
    assert form.principal.value == Decimal("12000.00")


def test_the_exchange_format_refuses_chinese_units(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(
        (Path(__file__).parents[2] / "resources" / "sample" / "sample.json").read_text("utf-8")
    )
    data["loans"][0]["principal"] = "1.2万"
    source = tmp_path / "book.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "data"), "import", str(source)]) == 1
    err = capsys.readouterr().err
    assert "principal" in err
    assert "1.2万" in err
    assert "internal error" not in err
