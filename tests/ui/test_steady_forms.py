"""Eighth walk's 1 and 2: a message coming or going never moves a field or a button (a click meant
for Amount landed in Paid on once an error line had pushed Amount down), and "Required" is said
only once the user typed in a field and left it empty, or tried to save: not for a new form, Tab
passing through, or a dialog taking the focus. Driven with key clicks, in the app's theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QDialog, QScrollArea, QWidget

from ashore.app.errors import InputError
from ashore.ui.audio.common import QTMULTIMEDIA_ENVIRONMENT_WARNINGS
from ashore.ui.widgets.fields import CheckedLineEdit

JB_WALK = "jb-1"  # the walker's book (tests/reports/walk_book.py)


def _places(widgets: list[QWidget], frame: QWidget) -> list[QRect]:
    return [QRect(w.mapTo(frame, QPoint(0, 0)), w.size()) for w in widgets]


def _activate(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.wait(30)


def _click(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(widget.hasFocus, timeout=1000)


def _retype(qtbot, line, text: str) -> None:  # type: ignore[no-untyped-def]
    _click(qtbot, line)
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    if text:
        qtbot.keyClicks(line, text)


def _payments(qtbot, make_window, ledger, loan_id: str):  # type: ignore[no-untyped-def]
    window = make_window(ledger)
    window.resize(1280, 800)
    window.open_loan(loan_id)
    tabs = window.loan_page.tabs
    tab = window.payments_tab
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(tab)))
    _activate(qtbot, window)
    return window, tab


def _payment_widgets(tab) -> list[QWidget]:  # type: ignore[no-untyped-def]
    claims = tab.claims
    return [
        tab.day.line,
        tab.amount.line,
        tab.method,
        tab.reference,
        tab.record_button,
        claims.day.line,
        claims.amount.line,
        claims.source,
        claims.add_button,
        tab.payments_view,
    ]


def _said(field: CheckedLineEdit) -> str:
    """The message shown under ``field`` ("" when none)."""
    return field.error_label.text()  # kept as said, where the form says it


def _shown_errors(root: QWidget) -> list[str]:
    return [_said(f) for f in root.findChildren(CheckedLineEdit) if _said(f)]


# ----- 1. nothing moves --------------------------------------------------------------------------
def test_payment_and_claim_errors_move_nothing(qtbot, book, make_window, lang) -> None:
    _window, tab = _payments(qtbot, make_window, book, JB_WALK)
    watched = _payment_widgets(tab)
    page = tab  # inside the page's scroll: what the pointer aims at on the page
    before = _places(watched, page)
    _retype(qtbot, tab.day.line, "2026-02-30")  # a day that does not exist
    assert _said(tab.day)
    assert _places(watched, page) == before
    qtbot.keyClicks(tab.day.line, "1100.16")  # the walk's slip: the amount typed into Paid on
    assert _said(tab.day)
    assert _places(watched, page) == before
    _retype(qtbot, tab.day.line, "2026-11-28")
    _retype(qtbot, tab.amount.line, "Alipay")
    assert _said(tab.amount)
    assert _places(watched, page) == before
    _retype(qtbot, tab.amount.line, "")
    qtbot.keyClick(tab.amount.line, Qt.Key.Key_Tab)  # typed in and left empty: Required
    assert _said(tab.amount)
    assert _places(watched, page) == before
    _retype(qtbot, tab.claims.day.line, "")
    qtbot.keyClick(tab.claims.day.line, Qt.Key.Key_Tab)
    _retype(qtbot, tab.claims.amount.line, "x")
    assert _said(tab.claims.day)
    assert _said(tab.claims.amount)
    assert _places(watched, page) == before
    long = "The ledger refused the payment: " + "a long reason, " * 12
    tab.error.show_message(long)
    tab.claims.error.show_message(long)
    qtbot.wait(10)
    assert tab.error.toolTip() == long  # elided where it stands, whole in the tooltip
    assert _places(watched, page) == before
    tab.error.show_message("")
    tab.claims.error.show_message("")
    assert _places(watched, page) == before


def test_the_payment_errors_lines_show_whole(qtbot, book, make_window, lang) -> None:
    """Ninth walk's 3: in Chinese the two-line error beside Record had its second line
    ("YYYY-MM-DD)") cut in half: the slot took the Latin font's line spacing, and a Chinese line
    is set in a taller fallback font. The slot is as high as its two lines need, in both."""
    from PySide6.QtWidgets import QLabel

    _window, tab = _payments(qtbot, make_window, book, JB_WALK)
    _retype(qtbot, tab.day.line, "2026-13-05")
    qtbot.keyClick(tab.day.line, Qt.Key.Key_Tab)
    qtbot.wait(10)
    said = tab.error.text()
    assert "2026-13-05" in said
    assert said.endswith("YYYY-MM-DD）" if lang == "zh_CN" else "YYYY-MM-DD)"), said
    shown = QLabel.text(tab.error)  # as laid out in its width (elided past two lines)
    assert shown.count("\n") <= 1
    assert tab.error.heightForWidth(tab.error.width()) <= tab.error.height()
    long = "\u6587" * 200 if lang == "zh_CN" else "word " * 200  # two full lines, elided
    tab.error.show_message(long)
    qtbot.wait(10)
    assert tab.error.toolTip() == long
    assert tab.error.heightForWidth(tab.error.width()) <= tab.error.height()


def test_recording_a_payment_leaves_the_form_where_it_was(qtbot, book, make_window, lang) -> None:
    """The banner above changed with the payment (two lines to one) and the form moved up 14 px:
    a second click on Record payment missed it."""
    window, tab = _payments(qtbot, make_window, book, "kaka-1")
    assert tab.banner.text().startswith("⚠")  # an installment overdue
    paid = len(book.loan("kaka-1").payments)
    watched = _payment_widgets(tab)
    before = _places(watched, tab)
    for amount in ("3315.56", "100", "200"):  # the overdue one paid: the alarm goes
        _retype(qtbot, tab.amount.line, amount)
        qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
        qtbot.wait(30)
        assert _places(watched, tab) == before, amount
    assert not tab.banner.text().startswith("⚠")
    assert len(window.ledger.loan("kaka-1").payments) == paid + 3


def test_loan_form_errors_move_nothing(qtbot, sample, make_window, lang) -> None:
    window = make_window(sample)
    window.resize(1280, 800)
    _activate(qtbot, window)
    window.new_loan()
    qtbot.wait(30)
    form = window.form
    body = form.findChild(QScrollArea).widget()
    fields = [form.name.line, form.reference, form.principal.line, form.rate.line, form.lender]
    fields += [form.term_count, form.first_due, form.penalty_rate.line, form.late_fee.line]
    buttons = [form.save_button, form.discard_button]
    before = (_places(fields, body), _places(buttons, form))
    _retype(qtbot, form.principal.line, "abc")
    _retype(qtbot, form.rate.line, "5 per cent")
    _retype(qtbot, form.name.line, "x")
    qtbot.keyClick(form.name.line, Qt.Key.Key_Backspace)
    qtbot.keyClick(form.name.line, Qt.Key.Key_Tab)
    _retype(qtbot, form.penalty_rate.line, "abc")
    assert _said(form.principal)
    assert _said(form.rate)
    assert _said(form.name)
    assert (_places(fields, body), _places(buttons, form)) == before
    form.show_save_error(InputError("the ledger is read only"))  # a refusal naming no field
    qtbot.wait(10)
    assert form.banner.isVisible()
    form.show_save_error(InputError.at("term", "term.short", "term too short"))  # under Term
    qtbot.wait(10)
    assert (_places(fields, body), _places(buttons, form)) == before


def test_proposal_form_errors_move_nothing(qtbot, book, make_window, lang) -> None:
    window = make_window(book)
    window.resize(1280, 800)
    window.open_loan(JB_WALK)
    tabs = window.loan_page.tabs
    tab = window.proposals_tab
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(tab)))
    _activate(qtbot, window)
    tab.new_button.click()
    qtbot.waitUntil(lambda: not tab.form.pending(), timeout=2000)
    form = tab.form
    fields = form.fields["reamortize"]
    watched = [form.name, form.method, form.start.line, fields["months"].line]
    watched += [fields["annual_rate"].line, fields["first_due"].line]
    watched += [form.waive_penalty.line, form.waive_late.line, form.waive_interest.line]
    watched += [form.save_button, form.cancel_button, tab.views.tabBar()]
    before = _places(watched, tab)
    _retype(qtbot, fields["months"].line, "x")
    qtbot.waitUntil(lambda: not form.pending(), timeout=2000)
    qtbot.wait(30)
    assert _places(watched, tab) == before
    _retype(qtbot, form.waive_penalty.line, "abc")
    _retype(qtbot, fields["first_due"].line, "2026-13-01")
    qtbot.wait(250)
    said = form.plan_error.text()  # the first field's, named by its label, in the footer
    assert form.waive_penalty.error_label.text() in said
    assert said != form.waive_penalty.error_label.text()
    assert _places(watched, tab) == before
    _retype(qtbot, fields["months"].line, "36")
    _retype(qtbot, form.waive_penalty.line, "")
    _retype(qtbot, fields["first_due"].line, "")
    qtbot.waitUntil(lambda: not form.plan_error.isVisible(), timeout=2000)
    assert _places(watched, tab) == before


def test_an_accepted_proposal_shows_every_field(qtbot, book, make_window, lang) -> None:
    """In Chinese the accepted proposal's note above the fields left 193 px for 212 and cut the
    "利息减免" row: the note is said beside Save, the form whole."""
    window = make_window(book)
    window.resize(1280, 800)
    window.open_loan(JB_WALK)
    tabs = window.loan_page.tabs
    tab = window.proposals_tab
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(tab)))
    _activate(qtbot, window)
    rows = [tab.list_model.proposal_at(r) for r in range(tab.list_model.rowCount())]
    tab._select_row(next(i for i, p in enumerate(rows) if p.status == "accepted"))
    qtbot.waitUntil(lambda: not tab.form.pending(), timeout=2000)
    qtbot.wait(30)
    assert tab.form.agreed()
    assert not tab.form.agreed_note.isHidden()
    scroll = next(a for a in tab.findChildren(QScrollArea) if a.widget().isAncestorOf(tab.form))
    assert scroll.verticalScrollBar().maximum() == 0
    last = tab.form.waive_interest.line
    bottom = last.mapTo(scroll.viewport(), QPoint(0, last.height())).y()
    assert bottom <= scroll.viewport().height()
    assert tab.form.agreed_note.toolTip() == ""  # the note whole in its two lines


DRAFT_NOTE = {
    "en": "Not fixed until accepted: payments recorded from the start day on change these figures.",
    "zh_CN": "接受前不固定：起始日当天及之后记录的还款会改变这些数字，只有已接受的方案按约定不变。",
}


def test_a_draft_says_its_figures_follow_what_is_owed(qtbot, book, make_window, lang) -> None:
    """A tester's saved draft went from 7,022.53 to 6,041.67 after payments, unexplained: a draft
    says, on the footer's free message line, that it is not fixed; the accepted one does not,
    and the footer is as tall for both (Save and Revert in sight, nothing scrolls)."""
    window = make_window(book)
    window.resize(1280, 800)
    window.open_loan(JB_WALK)
    tabs = window.loan_page.tabs
    tab = window.proposals_tab
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(tab)))
    _activate(qtbot, window)
    form = tab.form
    scroll = next(a for a in tab.findChildren(QScrollArea) if a.widget().isAncestorOf(form))
    rows = [tab.list_model.proposal_at(r) for r in range(tab.list_model.rowCount())]
    seen = {}
    for status in ("draft", "accepted"):
        tab._select_row(next(i for i, p in enumerate(rows) if p.status == status))
        qtbot.waitUntil(lambda: not form.pending(), timeout=2000)
        qtbot.wait(30)
        note = form.draft_note
        seen[status] = (note.isVisible(), note.text(), note.toolTip(), form.footer.height())
        assert scroll.verticalScrollBar().maximum() == 0
        for button in (form.save_button, form.cancel_button):
            assert button.isVisible()
            assert window.rect().contains(QRect(button.mapTo(window, QPoint(0, 0)), button.size()))
    said = DRAFT_NOTE[lang]
    assert seen["draft"][:3] == (True, said, "")  # whole on its line: no tooltip, nothing cut
    assert seen["accepted"][0] is False
    assert seen["draft"][3] == seen["accepted"][3]
    # A field's message takes the line while it lasts; the note comes back after.
    tab._select_row(next(i for i, p in enumerate(rows) if p.status == "draft"))
    qtbot.waitUntil(lambda: not form.pending(), timeout=2000)
    _retype(qtbot, form.waive_penalty.line, "abc")
    qtbot.waitUntil(form.plan_error.isVisible, timeout=2000)
    assert not form.draft_note.isVisible()
    _retype(qtbot, form.waive_penalty.line, "0")
    qtbot.waitUntil(lambda: not form.plan_error.isVisible(), timeout=2000)
    assert form.draft_note.isVisible()


# ----- 2. no red before anything is wrong -------------------------------------------------------
def test_a_second_new_loan_form_is_not_red(qtbot, sample, make_window, lang) -> None:
    window = make_window(sample)
    window.resize(1280, 800)
    _activate(qtbot, window)
    window.new_loan()
    form = window.form
    _retype(qtbot, form.principal.line, "12000")
    _retype(qtbot, form.principal.line, "")  # typed and emptied
    qtbot.keyClick(form.principal.line, Qt.Key.Key_Tab)
    _retype(qtbot, form.rate.line, "x")
    qtbot.keyClick(form.rate.line, Qt.Key.Key_Backspace)
    qtbot.keyClick(form.rate.line, Qt.Key.Key_Tab)
    assert _said(form.principal)
    assert _said(form.rate)
    window.new_loan()  # and the next one opens clean
    qtbot.wait(30)
    assert _shown_errors(form) == []
    assert not form.banner.isVisible()
    form.save()  # a save tried on the empty form: now it says what is missing
    assert _said(form.name)
    assert _said(form.principal)


# The offscreen platform's notices for a popup menu and a raised dialog (about it, not the app).
@pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise", "does not support grabbing"
)
def test_a_dialog_taking_the_focus_leaves_the_payment_form_clean(
    qtbot, book, make_window, lang
) -> None:
    """Opening File ▸ Export turned the untouched Amount red."""
    window, tab = _payments(qtbot, make_window, book, JB_WALK)
    _click(qtbot, tab.amount.line)
    dialog = QDialog(window)
    dialog.setWindowTitle("Export")
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    dialog.close()
    _activate(qtbot, window)
    menu = window.menuBar().actions()[0].menu()
    menu.popup(window.mapToGlobal(QPoint(10, 30)))
    qtbot.wait(30)
    menu.close()
    qtbot.wait(30)
    assert _shown_errors(tab) == []
    assert not tab.amount.line.property("invalid")


def test_tab_through_untouched_fields_says_nothing(qtbot, book, make_window, lang) -> None:
    window, tab = _payments(qtbot, make_window, book, JB_WALK)
    _click(qtbot, tab.day.line)
    for _ in range(8):  # Paid on, Amount, How, Reference, and on into the lender's claim
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    _click(qtbot, tab.claims.day.line)
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert _shown_errors(tab) == []
    window.new_loan()
    form = window.form
    _activate(qtbot, window)
    _click(qtbot, form.name.line)
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert _shown_errors(form) == []


@pytest.mark.qt_log_ignore(
    *QTMULTIMEDIA_ENVIRONMENT_WARNINGS, "does not support propagateSizeHints"
)
def test_the_call_note_form_keeps_save_in_place(qtbot, ledger, ctx) -> None:
    """An empty note's message opened beside Save and, long, wrapped to more lines: Save and Cancel
    moved under the pointer."""
    from ashore.ui.notes.pane import NotesPane

    ledger.load_sample()
    pane = NotesPane(ledger, ctx.today)
    qtbot.addWidget(pane)
    pane.resize(900, 700)
    pane.set_loan("jb-2026-01")
    pane.show()
    try:
        pane.new_button.click()
        qtbot.waitUntil(lambda: not pane.editor.isHidden(), timeout=2000)
        editor = pane.editor
        watched = [editor.text, editor.outcome, editor.promises, editor.save_button]
        watched.append(editor.cancel_button)
        before = _places(watched, pane)
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # empty: not saved
        qtbot.wait(20)
        assert not editor.error.isHidden()
        assert _places(watched, pane) == before
        editor.show_error("The note could not be saved: " + "a long reason, " * 20)
        qtbot.wait(20)
        assert _places(watched, pane) == before
    finally:
        pane.shutdown()
