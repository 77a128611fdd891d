"""The window over a real Ledger: create, edit, refuse, delete and undo, first run, settings."""

from __future__ import annotations

import copy
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMainWindow

from ashore.app.errors import InputError
from ashore.domain.money import format_amount
from ashore.domain.records import Lender
from ashore.services import Ledger
from ashore.ui import dialogs
from ashore.ui.dialogs import LenderDetails
from ashore.ui.loan.form import NEW_LENDER
from ashore.ui.loan.sidebar import SidebarColumn, status_text

from .helpers import choose, click, type_into
from .test_loan_form import EXPECTED, fill_worked_example


def create_worked_example(qtbot, window, monkeypatch) -> str:
    """Add the worked example through the window, creating its lender on the way."""
    monkeypatch.setattr(
        dialogs, "ask_lender", lambda parent, name="": LenderDetails("Jiebei", "95188", "9-21")
    )
    click(qtbot, window.new_loan_button)
    assert window.pages.currentWidget() is window.loan_page
    form = window.form
    choose(form.lender, NEW_LENDER)
    assert form.lender.currentData() == "lender-1"  # the new lender is chosen
    fill_worked_example(qtbot, form, lender="lender-1")
    click(qtbot, form.save_button)
    # the saved loan opens on Overview; the tests go on editing it where a user would: Details
    tabs = window.loan_page.tabs
    assert tabs.tabText(tabs.currentIndex()) == "Overview"
    tabs.setCurrentIndex(window.loan_page.tab_index("Details"))
    return window.showing[1]


def test_a_loan_typed_in_is_held_exactly(qtbot, ledger: Ledger, make_window, monkeypatch) -> None:
    window = make_window(ledger)
    loan_id = create_worked_example(qtbot, window, monkeypatch)
    assert loan_id == "loan-1"
    assert ledger.lenders() == [Lender("lender-1", "Jiebei", phone="95188", hours="9-21")]
    expected = copy.deepcopy(EXPECTED)
    expected.lender = "lender-1"
    assert ledger.loans() == [expected]
    # the page now shows the saved loan, and the sidebar lists it
    assert window.showing == ("loan", "loan-1")
    assert window.loan_page.header.title.text() == "January loan"
    assert window.loan_page.header.subtitle.text() == "Jiebei"
    index = window.model.loan_index("loan-1")
    assert index.isValid()
    assert window.sidebar.currentIndex().siblingAtColumn(0) == index


def test_edit_then_undo_and_redo(qtbot, ledger, make_window, monkeypatch) -> None:
    window = make_window(ledger)
    loan_id = create_worked_example(qtbot, window, monkeypatch)
    before = ledger.loan(loan_id)
    type_into(qtbot, window.form.principal, "13,000.50")
    type_into(qtbot, window.form.name, "January, renegotiated")
    click(qtbot, window.form.save_button)
    after = ledger.loan(loan_id)
    assert after.principal == Decimal("13000.50")
    assert after.name == "January, renegotiated"
    assert after.rate == before.rate
    assert after.fees == before.fees
    window.undo_action.trigger()
    assert ledger.loan(loan_id) == before
    assert window.form.principal.text() == "12,000.00"
    window.redo_action.trigger()
    assert ledger.loan(loan_id) == after
    # add the loan with the lender typed in for it (one step: they are saved together), edit it
    assert window.undo_stack.count() == 2


def test_invalid_input_changes_nothing(qtbot, ledger, make_window, monkeypatch) -> None:
    window = make_window(ledger)
    loan_id = create_worked_example(qtbot, window, monkeypatch)
    stored = ledger.loan(loan_id)
    form = window.form
    for field, text, message in (
        (form.principal, "abc", "'abc' is not an amount"),
        (form.principal, "-5", "Must not be negative"),
    ):
        type_into(qtbot, field, text)
        assert field.error_label.text() == message
        assert not form.save_button.isEnabled()
        click(qtbot, form.save_button)
        assert ledger.loan(loan_id) == stored
    type_into(qtbot, form.principal, "12,000")
    choose(form.rate_unit, "day")
    type_into(qtbot, form.rate, "500")
    assert form.rate.error_label.text() == "500 % a day is not a plausible rate"
    assert not form.save_button.isEnabled()
    click(qtbot, form.save_button)
    assert ledger.loan(loan_id) == stored
    assert window.undo_stack.count() == 1  # the loan with its new lender, saved together


def test_service_refusal_is_shown_by_the_field(qtbot, ledger, make_window, monkeypatch) -> None:
    window = make_window(ledger)
    loan_id = create_worked_example(qtbot, window, monkeypatch)
    stored = ledger.loan(loan_id)

    def refuse(loan):
        raise InputError("loan.principal: must be at most 1,000,000.00 for this lender")

    monkeypatch.setattr(ledger, "save_loan", refuse)
    type_into(qtbot, window.form.principal, "2,000,000")
    click(qtbot, window.form.save_button)
    label = window.form.principal.error_label
    assert label.isVisible()
    assert label.text() == "Must be at most 1,000,000.00 for this lender"
    monkeypatch.undo()
    assert ledger.loan(loan_id) == stored
    assert window.undo_stack.count() == 1  # the loan with its new lender, saved together


def test_delete_asks_first_and_undo_brings_it_back(qtbot, ledger, make_window, monkeypatch) -> None:
    window = make_window(ledger)
    loan_id = create_worked_example(qtbot, window, monkeypatch)
    stored = ledger.loan(loan_id)
    asked: list[str] = []

    monkeypatch.setattr(dialogs, "confirm", lambda *args, **kw: asked.append(args[1]) or False)
    click(qtbot, window.form.delete_button)
    assert asked == ["Delete loan"]
    assert ledger.loan(loan_id) == stored  # said no: still there

    monkeypatch.setattr(dialogs, "confirm", lambda *args, **kw: True)
    click(qtbot, window.form.delete_button)
    assert ledger.loans() == []
    assert not window.model.loan_index(loan_id).isValid()

    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ledger.loans() == [stored]
    assert window.showing == ("loan", loan_id)
    assert window.model.loan_index(loan_id).isValid()

    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert ledger.loans() == []
    window.undo_action.trigger()
    assert ledger.loans() == [stored]


def test_lender_edit_and_delete_are_undoable(qtbot, ledger, make_window, monkeypatch) -> None:
    ledger.save_lender(Lender("jb", "Jiebei"))
    window = make_window(ledger)
    window.reload()
    window.open_lender("jb")
    page = window.lender_page
    assert window.pages.currentWidget() is page
    type_into(qtbot, page.phone, "95188")
    click(qtbot, page.save_button)
    assert ledger.lender("jb").phone == "95188"
    monkeypatch.setattr(dialogs, "confirm", lambda *args, **kw: True)
    assert page.delete_button.isEnabled()
    click(qtbot, page.delete_button)
    assert ledger.lenders() == []
    window.undo_action.trigger()
    assert ledger.lenders() == [Lender("jb", "Jiebei", phone="95188")]
    window.undo_action.trigger()
    assert ledger.lenders() == [Lender("jb", "Jiebei")]


def test_sidebar_shows_the_database_after_a_restart(qtbot, ctx, make_window, monkeypatch) -> None:
    first = Ledger.open(ctx.data)
    try:
        window = make_window(first)
        create_worked_example(qtbot, window, monkeypatch)
        window.close()
    finally:
        first.close()
    again = Ledger.open(ctx.data)
    try:
        window = make_window(again)
        model = window.model
        assert model.rowCount() == 1
        assert model.index(0, 0).data() == "Jiebei"
        index = model.loan_index("loan-1")
        assert index.data() == "January loan"
        summary = {item.loan_id: item for item in again.summaries(ctx.today)}["loan-1"]
        owed = format_amount(summary.owed_today, "CNY")
        assert index.siblingAtColumn(SidebarColumn.OWED).data() == owed
        assert index.siblingAtColumn(SidebarColumn.STATUS).data() == status_text(summary)
        window.close()
    finally:
        again.close()


def test_welcome_page_then_the_sample(qtbot, ledger, make_window) -> None:
    window = make_window(ledger)
    assert window.showing == ("welcome", "")
    assert window.pages.currentWidget() is window.welcome
    click(qtbot, window.welcome.sample_button)
    assert window.model.loan_count() == 3
    assert window.model.rowCount() == 2
    assert window.pages.currentWidget() is window.nothing
    assert {loan.id for loan in ledger.loans()} == {
        index.data(window.model.index(0, 0).model().index(0, 0).data() and 0x0101) for index in []
    } or len(ledger.loans()) == 3


def test_first_loan_button_opens_a_guided_empty_form(qtbot, ledger, make_window) -> None:
    window = make_window(ledger)
    click(qtbot, window.welcome.add_button)
    assert window.pages.currentWidget() is window.loan_page
    assert window.form.original is None
    assert all(hint.isVisible() for hint in window.form._hints)
    assert window.form.lender.currentData() is None  # no lender yet: "New lender…" is offered
    assert window.form.lender.placeholderText() == "Choose a lender, or add a new one"
    assert window.form.lender.findData(NEW_LENDER) >= 0
    assert not window.form.save_button.isEnabled()


def test_settings_restore_the_last_open_loan(qtbot, ctx, make_window, monkeypatch) -> None:
    from PySide6.QtCore import QSettings

    from ashore.ui.main_window import GEOMETRY_KEY, SPLITTER_KEY, MainWindow

    ledger = Ledger.open(ctx.data)
    try:
        ledger.load_sample()
        loan_id = sorted(loan.id for loan in ledger.loans())[1]
        window = make_window(ledger)
        assert window.pages.currentWidget() is window.nothing
        window.open_loan(loan_id)
        window.move(7, 9)
        window.resize(max(window.minimumSizeHint().width(), 790), 640)
        qtbot.wait(1)
        width = window.splitter.width() - window.splitter.handleWidth()
        window.splitter.setSizes([270, width - 270])
        qtbot.wait(1)
        geometry, splitter, sizes = (
            window.saveGeometry(),
            window.splitter.saveState(),
            window.splitter.sizes(),
        )
        window.close()
        stored = QSettings(str(ctx.data.settings), QSettings.Format.IniFormat)
        assert stored.value(GEOMETRY_KEY) == geometry
        assert stored.value(SPLITTER_KEY) == splitter

        restored: list[object] = []

        def spy(self, data):
            restored.append(bytes(data.data()))
            return QMainWindow.restoreGeometry(self, data)

        monkeypatch.setattr(MainWindow, "restoreGeometry", spy)
        again = make_window(ledger)
        assert restored == [bytes(geometry.data())]
        assert again.showing == ("loan", loan_id)
        assert again.form.original is not None
        assert again.form.original.id == loan_id
        # The offscreen screen is 800 pixels wide: a wider window is fitted onto it, so the
        # exact sizes can be compared only when the window fits.
        if window.width() <= again.screen().availableGeometry().width():
            assert again.size() == window.size()
            assert again.splitter.sizes() == sizes
    finally:
        ledger.close()


def test_the_date_field_refuses_impossible_dates(qtbot, ledger, make_window) -> None:
    window = make_window(ledger)
    window.new_loan()
    edit = window.form.first_due
    edit.setDate(QDate(2026, 1, 31))
    edit.setDate(QDate(2026, 2, 31))  # not a date: Qt keeps the last valid one
    assert edit.date() == QDate(2026, 1, 31)


def test_unsaved_changes_are_not_lost_silently(qtbot, ledger, make_window, monkeypatch) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    first, second = sorted(loan.id for loan in ledger.loans())[:2]
    window.open_loan(first)
    assert not window.form.is_dirty()
    type_into(qtbot, window.form.name, "Changed but not saved")
    assert window.form.is_dirty()
    answers: list[str] = []
    monkeypatch.setattr(
        dialogs, "confirm", lambda parent, title, text, action="": answers.append(text) or False
    )
    window.sidebar.setCurrentIndex(window.model.loan_index(second))
    assert answers == ["Discard the changes to “Changed but not saved”?"]
    assert window.showing == ("loan", first)  # kept: the user said no
    assert window.form.name.text() == "Changed but not saved"
    # and the sidebar goes back to the loan still open
    qtbot.wait(50)  # the selection is put back once the click has been handled
    assert window.sidebar.currentIndex().siblingAtColumn(0) == window.model.loan_index(first)
    click(qtbot, window.new_loan_button)
    assert window.showing == ("loan", first)
    monkeypatch.setattr(dialogs, "confirm", lambda *args, **kw: True)
    window.sidebar.setCurrentIndex(window.model.loan_index(second))
    assert window.showing == ("loan", second)
    assert ledger.loan(first).name != "Changed but not saved"


def test_ctrl_s_saves(qtbot, ledger, make_window) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    loan_id = sorted(loan.id for loan in ledger.loans())[0]
    window.open_loan(loan_id)
    type_into(qtbot, window.form.reference, "HT-77")
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert ledger.loan(loan_id).reference == "HT-77"
    assert not window.form.is_dirty()


def test_loading_the_sample_starts_a_new_undo_history(qtbot, ledger, make_window, monkeypatch):
    window = make_window(ledger)
    create_worked_example(qtbot, window, monkeypatch)
    assert window.undo_stack.count() == 1  # the loan with its new lender, saved together
    window.edits.load_sample()
    assert window.undo_stack.count() == 0  # undoing across an import could not hold
    assert window.model.loan_count() == 4


def test_a_window_test_sees_the_window_in_the_apps_theme(qtbot, qapp, sample, make_window) -> None:
    """As the user sees it: the stylesheet and palette ``run_app`` applies, whichever test ran
    before (a test of the whole app used to leave them on for the later ones only)."""
    from ashore.ui.widgets.theme import STYLESHEET, WINDOW_BG

    window = make_window(sample)
    assert qapp.styleSheet() == STYLESHEET
    assert window.palette().window().color().name() == WINDOW_BG
