"""The Details form's "lender's own rules": presets the user picks then adjusts, and every new
field of the loan round-tripping through the form."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate

from ashore import finance
from ashore.domain.money import Rate
from ashore.domain.records import Fee, Lender, Loan, OverdueRules
from ashore.services.plans import loan_terms
from ashore.ui.loan.form import LoanForm

from .helpers import type_into

D = Decimal


@pytest.fixture
def form(qtbot) -> LoanForm:
    widget = LoanForm(today=date(2026, 11, 28))
    qtbot.addWidget(widget)
    widget.set_lenders([Lender("wb", "WeBank")])
    widget.set_loan(None)
    widget.show()
    return widget


def _pick(form: LoanForm, key: str) -> None:
    index = form.preset.findData(key)
    form.preset.setCurrentIndex(index)
    form.preset.activated.emit(index)


def test_weilidai_preset_gives_the_lenders_table(qtbot, form: LoanForm) -> None:
    type_into(qtbot, form.name, "Weilidai May")
    type_into(qtbot, form.principal, "5000")
    _pick(form, "weilidai")
    form.first_due.setDate(QDate(2026, 6, 1))
    form.has_start.setChecked(True)
    form.start.setDate(QDate(2026, 5, 1))
    assert form.is_valid(), form.problems()
    loan = form.loan_value("wld")
    assert loan.interest == "daily"
    assert loan.start == date(2026, 5, 1)
    assert loan.rate == Rate(D("0.0005"), "day")
    assert loan.overdue.penalty_times_contract == D("1.5")
    assert loan.overdue.penalty_rate is None  # the multiple replaces a quoted penalty rate
    assert loan.overdue.contract_interest_continues is True
    rows = finance.schedule(loan_terms(loan))
    assert [r.interest for r in rows] == [
        D("77.50"),
        D("60.00"),
        D("46.50"),
        D("31.00"),
        D("15.00"),
    ]


def test_card_preset_gives_thirteen_percent(qtbot, form: LoanForm) -> None:
    type_into(qtbot, form.name, "Card")
    type_into(qtbot, form.principal, "10000")
    _pick(form, "card")
    form.first_due.setDate(QDate(2026, 2, 15))
    assert form.is_valid(), form.problems()
    loan = form.loan_value("card")
    assert [(f.amount, f.per) for f in loan.fees] == [(D("60.00"), "installment")]
    assert finance.loan_cost(loan_terms(loan)).apr == D("0.1303")


def test_jiebei_preset_then_adjusted(qtbot, form: LoanForm) -> None:
    type_into(qtbot, form.name, "Jiebei")
    type_into(qtbot, form.principal, "1000")
    _pick(form, "jiebei")
    form.first_due.setDate(QDate(2026, 6, 1))
    type_into(qtbot, form.times, "1.3")  # the user's own contract says 1.3 times
    loan = form.loan_value("jb")
    assert loan.overdue.penalty_times_contract == D("1.3")
    assert loan.interest == "monthly"
    rows = finance.schedule(loan_terms(loan))
    assert (rows[0].payment, rows[1].payment) == (D("95.33"), D("94.33"))


def test_every_new_field_round_trips_through_the_form(form: LoanForm) -> None:
    loan = Loan(
        id="x",
        lender="wb",
        name="kept back",
        principal=D("10000.00"),
        rate=Rate(D("0.18")),
        method="equal_installment",
        term_count=12,
        term_unit="month",
        first_due=date(2026, 2, 15),
        fees=[Fee("kept", D("1000.00"), "upfront")],
        overdue=OverdueRules(
            penalty_times_contract=D("1.5"),
            penalty_base="overdue_principal",
            contract_interest_continues=True,
        ),
        start=date(2026, 1, 10),
        interest="daily",
        prepayment_fee=D("0.01"),
    )
    form.set_loan(loan)
    assert not form.is_dirty()
    assert form.loan_value("x") == loan
    assert form.fees.rows[0].per.currentText() == "kept back when the money was paid out"
    form.times_contract.setChecked(False)
    assert form.loan_value("x").overdue.penalty_times_contract is None


def test_the_picker_shows_the_preset_a_saved_loan_still_follows(qtbot, form: LoanForm) -> None:
    """Sixth walk's 4: after saving, "Start from" showed the prompt again ("Choose a platform's
    usual rules…") though the loan kept Weilidai's rules; it shows the preset they still match,
    or "custom" once a rule was changed, and a new loan starts from the prompt."""
    assert form.preset.currentData() == ""
    type_into(qtbot, form.name, "Weilidai May")
    type_into(qtbot, form.principal, "5000")
    _pick(form, "weilidai")
    form.first_due.setDate(QDate(2026, 6, 1))
    type_into(qtbot, form.rate, "0.04")  # the contract's own rate: still Weilidai's rules
    form.term_count.setValue(12)
    saved = form.loan_value("wld")
    form.set_loan(saved)  # as the page reloads it after saving
    assert form.preset.currentData() == "weilidai"
    assert form.preset.currentText() == "WeBank Weilidai (微粒贷)"
    assert not form.is_dirty()
    type_into(qtbot, form.times, "1.3")  # the contract says 1.3 times: no preset's rule
    form.set_loan(form.loan_value("wld"))
    assert form.preset.currentData() == "custom"
    assert form.preset.currentText() == "Custom rules (none of these)"
    form.set_loan(None)
    assert form.preset.currentIndex() == 0
