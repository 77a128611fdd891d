"""A lender added through "New lender…" inside the loan form is saved with the loan (issue 13,
item 17): nothing is stored before, an abandoned form leaves no lender behind, a refused loan save
stores neither, and one Undo takes back the loan and its lender."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from ashore.app.errors import InputError
from ashore.services import Ledger
from ashore.ui import dialogs
from ashore.ui.dialogs import LenderDetails
from ashore.ui.loan.form import NEW_LENDER
from ashore.ui.widgets.fields import ErrorLabel

from .helpers import choose, click, type_into


def _fill_kaka(qtbot: Any, window: Any) -> None:
    form = window.form
    type_into(qtbot, form.name, "Kaka 30-day")
    type_into(qtbot, form.principal, "3000")
    type_into(qtbot, form.rate, "0.05")
    choose(form.rate_unit, "day")
    choose(form.method, "bullet")
    type_into(qtbot, form.term_count, "1")


def _new_lender(window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        dialogs, "ask_lender", lambda _parent, _name="": LenderDetails("Kaka Loan", "400-000-0000")
    )
    choose(window.form.lender, NEW_LENDER)


def test_the_new_lender_is_saved_with_the_loan_and_undone_with_it(
    qtbot: Any, ledger: Ledger, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(ledger)
    window.new_loan()
    _new_lender(window, monkeypatch)
    form = window.form
    assert form.lender.currentText() == "Kaka Loan (new, saved with the loan)"
    assert ledger.lenders() == []  # nothing stored yet
    assert window.model.rowCount() == 0  # and the sidebar shows no "Kaka Loan · 0 loans"
    _fill_kaka(qtbot, window)
    assert form.save_button.isEnabled()
    click(qtbot, form.save_button)
    lenders = ledger.lenders()
    assert [(lender.name, lender.phone) for lender in lenders] == [("Kaka Loan", "400-000-0000")]
    (loan,) = ledger.loans()
    assert loan.lender == lenders[0].id
    assert form.pending_lender is None
    assert form.lender.currentText() == "Kaka Loan"
    window.undo_stack.undo()  # one step: the loan and the lender it brought
    assert ledger.loans() == []
    assert ledger.lenders() == []
    window.undo_stack.redo()
    assert [lender.name for lender in ledger.lenders()] == ["Kaka Loan"]
    assert len(ledger.loans()) == 1


def test_an_abandoned_form_leaves_no_lender_behind(
    qtbot: Any, ledger: Ledger, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    lenders_before = ledger.lenders()
    window.new_loan()
    _new_lender(window, monkeypatch)
    assert window.form.is_dirty()  # leaving asks (the conftest's confirm says yes)
    window.ask_new_loan()  # abandoned: a fresh form
    assert ledger.lenders() == lenders_before
    assert window.form.pending_lender is None
    assert window.form.lender.findText("Kaka Loan", flags=Qt.MatchFlag.MatchContains) < 0
    window.open_loan("jb-2026-01")
    assert ledger.lenders() == lenders_before


def test_a_refused_loan_stores_no_lender(
    qtbot: Any, ledger: Ledger, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(ledger)
    window.new_loan()
    _new_lender(window, monkeypatch)
    _fill_kaka(qtbot, window)
    loan = window.form.loan_value("")

    def refuse(_loan: object) -> None:
        raise InputError.at("principal", "amount.not_positive", "must be more than zero")

    monkeypatch.setattr(ledger, "save_loan", refuse)
    window.edits.save_loan(loan)
    assert ledger.lenders() == []
    assert window.form.pending_lender is not None  # still there to try again


def test_a_new_loan_opens_on_its_overview_whichever_tab_was_open(
    qtbot: Any, sample: Ledger, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fourth walk's 7: a second loan saved from the Payments tab opened on Payments."""
    window = make_window(sample)
    window.open_loan(sample.loans()[0].id)
    tabs = window.loan_page.tabs
    payments = tabs.indexOf(window.loan_page.slots["payments"])
    tabs.setCurrentIndex(payments)
    assert tabs.currentIndex() == payments
    window.new_loan()
    _new_lender(window, monkeypatch)
    _fill_kaka(qtbot, window)
    click(qtbot, window.form.save_button)
    assert tabs.currentWidget() is window.loan_page.slots["overview"]
    kaka = next(loan.id for loan in sample.loans() if loan.name == "Kaka 30-day")
    assert window.showing[1] == kaka


# the completion popup on the offscreen test platform (a real screen raises it, grabs the keys)
@pytest.mark.qt_log_ignore(
    "does not support raise",
    "does not support grabbing the keyboard",
    "does not support propagateSizeHints",
)
def test_a_lender_is_typed_into_its_box(
    qtbot: Any, ledger: Ledger, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seventh walk's 1: "Choose a lender, or add a new one" took no typing. Typing offers the
    lenders holding the words, a lender's name (any case) chooses it, and Enter on a name that
    is none asks for it as a new lender, its name filled in, saved with the loan."""
    ledger.load_sample()
    window = make_window(ledger)
    window.new_loan()
    box = window.form.lender
    edit = box.edit
    edit.clear()
    qtbot.keyClicks(edit, "jie")
    completer = box.completer()
    model = completer.completionModel()
    offered = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert offered == ["360借条 Jietiao", "借呗 Jiebei"]
    edit.setText("借呗 ")  # (keyClicks types ASCII only; a Chinese name comes from the IME)
    qtbot.keyClicks(edit, "JIEBEI")
    assert window.form.problems()[:1] == ["lender"]  # typed, not yet chosen
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert box.chosen() == "jb"
    assert box.currentText() == "借呗 Jiebei"
    asked: list[str] = []

    def ask(_parent: object, name: str = "") -> LenderDetails:
        asked.append(name)
        return LenderDetails(name, "400-000-0000")

    monkeypatch.setattr(dialogs, "ask_lender", ask)
    edit.selectAll()
    qtbot.keyClicks(edit, "Kaka Loan")
    assert box.chosen() is None  # the box no longer shows 借呗 Jiebei: no lender is taken
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert asked == ["Kaka Loan"]
    assert box.currentText() == "Kaka Loan (new, saved with the loan)"
    assert ledger.lenders()[-1].name != "Kaka Loan"  # nothing stored yet
    _fill_kaka(qtbot, window)
    click(qtbot, window.form.save_button)
    (kaka,) = [lender for lender in ledger.lenders() if lender.name == "Kaka Loan"]
    assert [loan.lender for loan in ledger.loans() if loan.name == "Kaka 30-day"] == [kaka.id]


def test_a_name_that_is_no_lender_says_how_to_add_it(qtbot, ledger: Ledger, make_window) -> None:
    window = make_window(ledger)
    window.new_loan()
    edit = window.form.lender.edit
    qtbot.keyClicks(edit, "Kaka Loan")
    edit.editingFinished.emit()  # the field is left
    labels = [label.text() for label in window.form.findChildren(ErrorLabel)]
    assert "“Kaka Loan” is not one of your lenders yet: press Enter to add it" in labels
