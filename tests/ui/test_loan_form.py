"""The Details form alone: what is typed becomes exactly this Loan, and bad input never gets out."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate

from ashore.domain.money import Rate
from ashore.domain.records import Fee, Lender, Loan, OverdueRules, Payment
from ashore.ui.loan.form import NEW_LENDER, LoanForm

from .helpers import choose, click, type_into

LENDERS = [Lender("jb", "Jiebei"), Lender("wl", "Weilidai")]


@pytest.fixture
def form(qtbot) -> LoanForm:
    widget = LoanForm(today=date(2026, 11, 28))
    qtbot.addWidget(widget)
    widget.set_lenders(LENDERS)
    widget.set_loan(None)
    widget.show()
    return widget


def fill_worked_example(qtbot, form: LoanForm, lender: str = "jb") -> None:
    choose(form.lender, lender)
    type_into(qtbot, form.name, "January loan")
    type_into(qtbot, form.reference, "HT-2026-0115")
    type_into(qtbot, form.principal, "12,000")
    type_into(qtbot, form.rate, "18")
    choose(form.rate_unit, "year")
    choose(form.method, "equal_installment")
    type_into(qtbot, form.term_count, "12")
    form.first_due.setDate(QDate(2026, 2, 15))
    click(qtbot, form.fees.add_button)
    row = form.fees.rows[0]
    type_into(qtbot, row.name, "service fee")
    type_into(qtbot, row.amount, "20")
    choose(row.per, "installment")
    type_into(qtbot, form.penalty_rate, "0.05")
    type_into(qtbot, form.late_fee, "50")
    type_into(qtbot, form.grace_days, "3")
    form.accelerates.setChecked(True)
    type_into(qtbot, form.accelerate_days, "90")


EXPECTED = Loan(
    id="loan-1",
    lender="jb",
    name="January loan",
    principal=Decimal("12000.00"),
    rate=Rate(Decimal("0.18"), "year"),
    method="equal_installment",
    term_count=12,
    term_unit="month",
    first_due=date(2026, 2, 15),
    currency="CNY",
    reference="HT-2026-0115",
    fees=[Fee("service fee", Decimal("20.00"), "installment")],
    overdue=OverdueRules(
        penalty_rate=Rate(Decimal("0.0005"), "day"),
        penalty_base="overdue_amount",
        late_fee=Decimal("50.00"),
        grace_days=3,
        accelerates_after_days=90,
    ),
)


def test_typed_fields_become_exactly_this_loan(qtbot, form: LoanForm) -> None:
    assert not form.save_button.isEnabled()  # an empty form cannot be saved
    fill_worked_example(qtbot, form)
    assert form.problems() == []
    assert form.save_button.isEnabled()
    with qtbot.waitSignal(form.saveRequested) as saved:
        click(qtbot, form.save_button)
    loan = saved.args[0]
    loan.id = "loan-1"
    assert loan == EXPECTED


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "'abc' is not an amount"),
        ("-5", "Must not be negative"),
        ("0", "Must be more than zero"),
        ("12.345", "CNY amounts have at most 2 decimals"),
    ],
)
def test_bad_principal_is_refused_next_to_the_field(qtbot, form, text, message) -> None:
    fill_worked_example(qtbot, form)
    type_into(qtbot, form.principal, text)
    assert form.principal.error_label.isVisible()
    assert form.principal.error_label.text() == message
    assert form.principal.line.property("invalid") is True
    assert not form.save_button.isEnabled()
    with qtbot.assertNotEmitted(form.saveRequested):
        click(qtbot, form.save_button)
    type_into(qtbot, form.principal, "12,000.00")
    assert not form.principal.error_label.isVisible()
    assert form.save_button.isEnabled()


def test_chinese_grouping_and_full_width_digits(qtbot, form) -> None:
    fill_worked_example(qtbot, form)
    form.principal.setText("１２，０００")  # as a Chinese input method types it
    assert form.principal.value == Decimal("12000.00")
    assert form.save_button.isEnabled()


def test_rate_of_500_percent_a_day_is_refused(qtbot, form) -> None:
    fill_worked_example(qtbot, form)
    type_into(qtbot, form.rate, "500")
    assert form.rate.valid  # 500 % a year is steep but possible
    choose(form.rate_unit, "day")
    assert form.rate.error_label.text() == "500 % a day is not a plausible rate"
    assert not form.save_button.isEnabled()
    type_into(qtbot, form.rate, "0.05")
    assert form.save_button.isEnabled()
    form.day_count.setCurrentIndex(form.day_count.findData(365))
    assert form.loan_value("x").rate == Rate(Decimal("0.0005"), "day", 365)


def test_penalty_rate_and_fee_are_checked(qtbot, form) -> None:
    fill_worked_example(qtbot, form)
    type_into(qtbot, form.penalty_rate, "abc")
    assert form.penalty_rate.error_label.text() == "'abc' is not a percentage"
    assert not form.save_button.isEnabled()
    type_into(qtbot, form.penalty_rate, "50")
    assert "not a plausible rate" in form.penalty_rate.error_label.text()
    type_into(qtbot, form.penalty_rate, "")
    assert form.penalty_rate.valid  # no penalty is allowed
    assert form.loan_value("x").overdue.penalty_rate is None
    type_into(qtbot, form.fees.rows[0].amount, "-1")
    assert not form.save_button.isEnabled()
    click(qtbot, form.fees.rows[0].remove)
    assert form.fees.rows == []
    assert form.save_button.isEnabled()
    assert form.loan_value("x").fees == []


def test_bullet_loans_may_run_in_days(qtbot, form) -> None:
    fill_worked_example(qtbot, form)
    assert not form.term_unit.isEnabled()
    choose(form.method, "bullet")
    assert form.term_unit.isEnabled()
    choose(form.term_unit, "day")
    type_into(qtbot, form.term_count, "14")
    loan = form.loan_value("x")
    assert (loan.method, loan.term_count, loan.term_unit) == ("bullet", 14, "day")
    choose(form.method, "equal_principal")
    assert form.loan_value("x").term_unit == "month"


def test_allocation_order_can_be_changed(qtbot, form) -> None:
    fill_worked_example(qtbot, form)
    form.allocation.list.setCurrentRow(3)
    click(qtbot, form.allocation.up)
    click(qtbot, form.allocation.up)
    order = ("fees", "principal", "penalty", "interest")
    assert form.loan_value("x").overdue.allocation == order
    click(qtbot, form.allocation.reset)
    assert form.loan_value("x").overdue.allocation == ("fees", "penalty", "interest", "principal")


def test_editing_keeps_what_the_form_does_not_show(qtbot, form) -> None:
    loan = Loan(**{**EXPECTED.__dict__})
    loan.payments = [Payment(date(2026, 2, 15), Decimal("1100.16"))]
    loan.overdue = OverdueRules(penalty_rate=Rate(Decimal("0.18"), "year"), late_fee=Decimal("0"))
    form.set_loan(loan)
    assert form.principal.text() == "12,000.00"
    assert form.rate.text() == "18"
    assert form.delete_button.isVisible()
    value = form.loan_value(loan.id)
    assert value == loan  # nothing touched: the same record, the penalty still quoted per year
    type_into(qtbot, form.name, "Renamed")
    assert form.loan_value(loan.id).payments == loan.payments


def test_new_lender_entry_asks_for_a_lender(qtbot, form) -> None:
    choose(form.lender, "wl")
    with qtbot.waitSignal(form.newLenderRequested):
        choose(form.lender, NEW_LENDER)
    assert form.lender.currentData() == "wl"  # the list goes back to the lender it showed
    form.set_lenders([*LENDERS, Lender("new", "New app")], select="new")
    assert form.lender.currentData() == "new"


def test_service_errors_land_next_to_their_field_or_in_the_banner(qtbot, form) -> None:
    fill_worked_example(qtbot, form)
    form.show_save_error("loan.term: unit day is only for a bullet loan")
    term_error = form.findChildren(type(form.principal.error_label))
    assert any(label.text() == "Unit day is only for a bullet loan" for label in term_error)
    form.show_save_error("loans[0].principal: must be more than zero")
    assert form.principal.error_label.text() == "Must be more than zero"
    form.show_save_error("database: disk full")
    assert form.banner.isVisible()
    assert form.banner.text() == "Disk full"


def test_a_rate_far_outside_what_lenders_charge_asks_before_saving(
    qtbot, form: LoanForm, dialog_log, monkeypatch
) -> None:
    from ashore.ui import dialogs

    fill_worked_example(qtbot, form)
    type_into(qtbot, form.rate, "5000")  # 5,000 % a year: a slipped decimal point
    monkeypatch.setattr(
        dialogs, "confirm", lambda *args, **kwargs: dialog_log.append(("confirm", args)) or False
    )
    with qtbot.assertNotEmitted(form.saveRequested):
        click(qtbot, form.save_button)
    assert [name for name, _ in dialog_log] == ["confirm"]
    assert "5000 % a year" in str(dialog_log[0][1][2])
    # the lender's usual 18 % saves without a question
    dialog_log.clear()
    type_into(qtbot, form.rate, "18")
    with qtbot.waitSignal(form.saveRequested):
        click(qtbot, form.save_button)
    assert dialog_log == []
