"""The window words an error by its code, in English and in Chinese, and puts it under the field
its path names (never by reading the English text)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from ashore import finance
from ashore.app.context import Context
from ashore.app.errors import InputError
from ashore.domain.validation import check_params
from ashore.services import Ledger, plans
from ashore.services.proposals import Proposals
from ashore.ui.app import install_translations
from ashore.ui.loan.form import LoanForm
from ashore.ui.messages import error_detail, error_field
from ashore.ui.proposals.form import param_name
from ashore.ui.proposals.tab import ProposalsTab
from ashore.ui.widgets.fields import user_message

from .helpers import choose, click, type_into

JB = "jb-2026-01"


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    installed = install_translations(qapp, "zh_CN")
    assert installed  # guard: the Chinese really is loaded
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


def below_minimum() -> InputError:
    with pytest.raises(InputError) as refused:
        check_params("reamortize", {"months": 0, "annual_rate": Decimal(0)}, "loans[0].params")
    return refused.value


def test_an_error_is_worded_by_its_code_in_english(qapp) -> None:
    error = below_minimum()
    assert error_field(error) == ("loans[0]", "params", "months")
    assert error_detail(error) == "must be at least 1"
    assert user_message(error) == "Must be at least 1"
    # Worded from the code and its arguments, not from the text: the same code with other
    # English words still reads as the window's own sentence.
    odd = InputError(
        "whatever the core said", code="number.below_minimum", arguments={"minimum": 7}
    )
    assert user_message(odd) == "Must be at least 7"


def test_an_error_is_worded_by_its_code_in_chinese(qapp, chinese) -> None:
    error = below_minimum()
    assert user_message(error) == "不能小于 1"
    assert param_name(error_field(error)) == "months"
    with pytest.raises(finance.FinanceError) as refused:
        finance.plan_from_params("reamortize", {"months": 601})
    wrapped = InputError.like(refused.value, "proposals[new]", "params")
    assert user_message(wrapped) == "必须是 1 到 600 之间的整月数"
    assert param_name(wrapped.field) == "months"
    # An error with no words of the window's own keeps the core's English, without its path.
    other = InputError.at("loans[0].id", "id.too_long", "an id must be at most 200 characters")
    assert user_message(other) == "An id must be at most 200 characters"


def test_the_loan_form_puts_a_coded_error_under_its_field_in_chinese(qtbot, chinese) -> None:
    form = LoanForm(today=date(2026, 11, 28))
    qtbot.addWidget(form)
    form.show_save_error(
        InputError.at("loans[3].principal", "amount.not_positive", "must be more than zero")
    )
    assert form.principal.error_label.text() == "必须大于零"
    assert not form.banner.isVisible()


@pytest.fixture
def tab(qtbot, ctx: Context, dialog_log) -> Iterator[ProposalsTab]:
    ledger = Ledger.open(ctx.data)
    ledger.load_sample()
    widget = ProposalsTab(Proposals(ledger), ctx, "en")
    qtbot.addWidget(widget)
    widget.resize(900, 720)
    widget.show()
    widget.set_loan(ledger.loan(JB))
    yield widget
    ledger.close()


def test_the_proposal_form_marks_the_field_the_path_names(qtbot, tab) -> None:
    form = tab.form
    click(qtbot, tab.new_button)
    choose(form.method, "reamortize")
    fields = form.fields["reamortize"]
    form.show_save_error(
        InputError.at("proposals[p1].params.months", "number.above_maximum", "must be at most 600")
    )
    assert fields["months"].error_label.text() == "Must be at most 600"
    assert fields["annual_rate"].error_label.text() == ""
    assert form.plan_error.text() == "Months: Must be at most 600"  # the field named
    # The rate's error lands under the rate, and the months' one is cleared.
    form.show_save_error(
        InputError.at("proposals[p1].params.annual_rate", "amount.negative", "must not be negative")
    )
    assert fields["annual_rate"].error_label.text() == "Must not be negative"
    assert fields["months"].error_label.text() == ""
    # A field the form has no box for goes under the plan.
    form.show_save_error(InputError.at("proposals[p1].params", "params.one_of", "give one"))
    assert form.plan_error.text() == "Give either amount or discount (exactly one)"


def test_a_plan_refusal_lands_under_the_amount_in_chinese(qtbot, tab, chinese) -> None:
    form = tab.form
    click(qtbot, tab.new_button)
    choose(form.method, "reduced_installment")
    fields = form.fields["reduced_installment"]
    type_into(qtbot, form.start, "2026-12-15")
    type_into(qtbot, fields["amount"], "10")
    type_into(qtbot, fields["annual_rate"], "24")
    qtbot.waitUntil(lambda: not form.pending(), timeout=2000)
    assert form.loan is not None
    before = tuple(p for p in plans.loan_payments(form.loan) if p.date < date(2026, 12, 15))
    owed = finance.owed_on(plans.loan_terms(form.loan), before, date(2026, 12, 15)).total
    minimum = (owed * Decimal("0.24") / 12).quantize(Decimal("0.01")) + Decimal("0.01")
    assert fields["amount"].error_label.text() == f"至少要 {minimum:f} 才够付每月的利息"
    assert form.plan_error.text().endswith(f"：至少要 {minimum:f} 才够付每月的利息")


@pytest.mark.parametrize(
    ("text", "english", "chinese"),
    [
        (
            "2027-01-15 300\n2027-02-15",
            "Line 2: give a date and an amount",
            "第 2 行：请写出日期和金额",
        ),
        ("\n  \n", "Must list at least one installment", "至少要列出一期"),
    ],
)
def test_a_custom_plan_slip_is_said_in_the_windows_language(
    qapp: QApplication, text: str, english: str, chinese: str
) -> None:
    from ashore.ui.proposals.parse import _custom_rows

    with pytest.raises(InputError) as refused:
        _custom_rows(text, "CNY")
    assert error_field(refused.value) == ("installments",)
    assert user_message(refused.value) == english
    installed = install_translations(qapp, "zh_CN")
    try:
        assert user_message(refused.value) == chinese
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_a_share_above_all_is_said_in_the_windows_language(qapp: QApplication) -> None:
    from ashore.ui.proposals.parse import _share

    with pytest.raises(InputError) as refused:
        _share("120", "waive_penalty")
    assert error_field(refused.value) == ("waive_penalty",)
    assert user_message(refused.value) == "At most 100 %"
    installed = install_translations(qapp, "zh_CN")
    try:
        assert user_message(refused.value) == "最多 100%"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
