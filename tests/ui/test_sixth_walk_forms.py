"""Issue 13 (the sixth walk): forms and views a person can use without surprises - the chart
keeps its height whatever the read-out says, the proposal form stays put and in order."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from ashore.ui.chart.view import Marker, MonthlyBar, NegotiationChart, Series

from .helpers import choose, click, type_into

TODAY = date(2026, 12, 2)
OWED = Decimal("9361.91")
TODAY_BOOK = date(2026, 11, 28)  # the walker's book's day (tests/conftest.py ctx)
SAMPLE_JB = "jb-2026-01"  # the sample book's Jiebei loan
NAMES = ("24 months, penalty waived", "500 a month", "Settle for 7000")


def _walk_chart(chart: NegotiationChart) -> None:
    """The walker's chart: doing nothing, the original schedule, three plans, payments, claims."""
    days = [TODAY + timedelta(days=30 * n) for n in range(25)]
    growing = [(d, OWED + Decimal(n * 73)) for n, d in enumerate(days)]
    lines = [
        Series("status_quo", "If nothing is paid", growing, "status_quo"),
        Series("original", "Original schedule", [(TODAY, OWED)], "original"),
    ]
    monthly = []
    for index, name in enumerate(NAMES):
        key = f"p{index}"
        first = Decimal("364.70") * (index + 1)
        points = [(d, max(Decimal(0), OWED - first * n)) for n, d in enumerate(days)]
        lines.append(Series(key, name, points, "proposal"))
        monthly.append(MonthlyBar(key, name, [(d, first) for d in days[1:]]))
    paid = [Marker(TODAY - timedelta(days=200 - 30 * n), Decimal("800.00"), "") for n in range(4)]
    claims = [Marker(TODAY - timedelta(days=3), Decimal("9800.00"), "SMS")]
    chart.set_data(lines=lines, today=TODAY, payments=paid, claims=claims, monthly=monthly)


def _owed_height(chart: NegotiationChart) -> float:
    chart.canvas.draw()
    return float(chart.plot.owed_axes.get_window_extent().height)


def test_the_chart_keeps_its_height_when_the_read_out_is_long(qtbot) -> None:
    """Three plans: the read-out of a day names five lines. It stays in its one row (elided,
    whole in its tooltip) and the plot keeps its height; the legend (seven entries) beside the
    plot no longer squashes the owed panel to a strip."""
    holder = QWidget()
    qtbot.addWidget(holder)
    chart = NegotiationChart(holder, currency="CNY", locale="en")
    holder.resize(832, 250)  # the chart's share of the Proposals tab at 1280×800
    chart.resize(832, 250)
    holder.show()
    _walk_chart(chart)
    qtbot.wait(20)
    label = chart.findChild(QWidget, "chartReadout")
    label_before, canvas_before = label.height(), chart.canvas.height()
    owed_before = _owed_height(chart)
    assert owed_before >= 0.4 * canvas_before, (owed_before, canvas_before)  # was 9 of 209 px

    from matplotlib.dates import date2num

    text = chart.hover_at(float(date2num(date(2027, 12, 9))))
    qtbot.wait(20)
    assert all(name in text for name in NAMES)  # the figures are all there in plain text
    assert all(name in label.toolTip() for name in NAMES)  # and whole in the tooltip
    assert label.height() == label_before
    assert chart.canvas.height() == canvas_before
    assert _owed_height(chart) == owed_before
    # what the label shows fits its height: no third line cut in half
    assert label.heightForWidth(label.width()) <= label.height()


# ----- the proposal form: stays put, opens at its top, Tab in reading order ----------------------


def _proposals_tab(qtbot, book, make_window, size=(1280, 800)):  # type: ignore[no-untyped-def]
    from reports.walk_book import JB

    window = make_window(book)
    window.resize(*size)
    window.open_loan(JB)
    window.loan_page.tabs.setCurrentIndex(1)  # Proposals
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.wait(30)
    return window.proposals_tab


def _tabs_y(tab) -> int:  # type: ignore[no-untyped-def]
    bar = tab.views.tabBar()
    return int(bar.mapTo(tab, bar.rect().topLeft()).y())


def _whole_in_sight(widget: QWidget) -> bool:
    return bool(widget.visibleRegion().boundingRect().size() == widget.size())


def test_the_views_tabs_stay_put_and_save_stays_in_sight(qtbot, book, make_window, lang) -> None:
    """Saving, choosing another proposal or method, or starting a new one moves neither the
    views' tabs nor Save/Revert out of sight; a new proposal opens at its top, Name focused."""
    # the walker's window: 1280×800 less the frame a window manager would have drawn
    tab = _proposals_tab(qtbot, book, make_window, (1264, 744))
    form = tab.form
    scroll = form.parentWidget()
    while not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    where = _tabs_y(tab)
    steps = [
        lambda: tab._select_row(2),  # the lump sum (its discount wraps in the comparison)
        lambda: click(qtbot, form.save_button),
        lambda: tab._select_row(1),
        lambda: choose(form.method, "deferral"),  # the tallest page
        lambda: choose(form.method, "lump_sum"),
        lambda: click(qtbot, tab.new_button),
    ]
    for step in steps:
        step()
        qtbot.waitUntil(lambda: not form.pending(), timeout=2000)
        qtbot.wait(30)
        assert _tabs_y(tab) == where
        assert _whole_in_sight(form.save_button)
        assert _whole_in_sight(form.cancel_button)
    assert scroll.verticalScrollBar().value() == 0
    assert _whole_in_sight(form.name)
    assert QApplication.focusWidget() is form.name


def _holder(field: QWidget, focused: QWidget) -> bool:
    return field is focused or field.isAncestorOf(focused)


def test_tab_follows_the_form_down_each_column(qtbot, book, make_window) -> None:
    """Name, Method, the three waivers (left column), then Takes effect and the method's fields
    (right column), then Revert and Save."""
    tab = _proposals_tab(qtbot, book, make_window)
    tab.new_proposal()
    form = tab.form
    page = form.fields["reamortize"]
    expected = [
        form.name,
        form.method,
        form.waive_penalty,
        form.waive_late,
        form.waive_interest,
        form.start,
        page["months"],
        page["annual_rate"],
        page["first_due"],
        form.cancel_button,
        form.save_button,
    ]
    walked = []
    for _ in expected:
        focused = QApplication.focusWidget()
        walked.append(next((f for f in expected if _holder(f, focused)), focused))
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    names = {id(f): i for i, f in enumerate(expected)}
    assert [names.get(id(w), w) for w in walked] == list(range(len(expected)))
    # and the waivers typed after Method go into the waivers
    form.name.setFocus()
    qtbot.keyClick(form.name, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "100")
    assert form.waive_penalty.text() == "100"
    assert form.start.text() == TODAY_BOOK.isoformat()


# ----- the payments tab: no red before the user types, focus ready for the next one -------------


def test_no_required_in_red_after_a_claim_or_a_payment(qtbot, sample, ctx, dialog_log) -> None:
    """After a claim is added (and while payments are then recorded) the claim's amount is empty
    and untouched: no "Required" under it. After a payment, the amount is focused again."""
    from ashore.services.payments import Payments
    from ashore.ui.payments.tab import PaymentsTab

    tab = PaymentsTab(Payments(sample), ctx, "en")
    qtbot.addWidget(tab)
    tab.resize(900, 700)
    tab.show()
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=2000)
    tab.set_loan(sample.loan(SAMPLE_JB))
    panel = tab.claims
    type_into(qtbot, panel.amount, "9000")
    type_into(qtbot, panel.source, "app screen")
    click(qtbot, panel.add_button)
    assert sample.loan(SAMPLE_JB).claims[-1].amount == Decimal("9000.00")
    assert panel.amount.text() == ""
    assert panel.amount.error_label.text() == ""  # was "Required" in red
    assert panel.day.text() == ctx.today.isoformat()
    type_into(qtbot, tab.amount, "100")
    type_into(qtbot, tab.reference, "2026112800123")
    qtbot.keyClick(tab.reference, Qt.Key.Key_Return)
    assert sample.loan(SAMPLE_JB).payments[-1].amount == Decimal("100.00")
    assert panel.amount.error_label.text() == ""
    assert tab.amount.error_label.text() == ""
    assert QApplication.focusWidget() is tab.amount.line  # not Reference: the next payment


# ----- the new-loan form: hints read as hints, the amount as it was understood -----------------


def test_new_loan_hints_do_not_look_entered(qtbot) -> None:
    """The penalty's grey text says "e.g."; unticked, "paid out on" shows no date; ticked, the
    date is there to set; "12000" reads "12,000.00" after Tab."""
    from ashore.ui.loan.form import LoanForm

    form = LoanForm(today=TODAY)
    qtbot.addWidget(form)
    form.set_loan(None)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form, timeout=2000)
    assert form.penalty_rate.text() == ""
    assert form.penalty_rate.line.placeholderText() == "e.g. 0.05"
    assert not form.has_start.isChecked()
    assert not form.start.isVisible()
    click(qtbot, form.has_start)
    assert form.start.isVisible()
    assert form.start.isEnabled()
    click(qtbot, form.principal.line)  # into the field, as a person does
    type_into(qtbot, form.principal, "12000")
    qtbot.keyClick(form.principal.line, Qt.Key.Key_Tab)
    assert form.principal.text() == "12,000.00"
    assert form.principal.value == Decimal("12000")


# ----- the note's "Call at": a time typed whole --------------------------------------------------


def test_call_at_takes_a_time_typed_whole(qtbot) -> None:
    """Select all and type "23:10" (or "2310"): 23:10 on the day shown, not 01:47 built section by
    section; a whole date and time typed is taken too."""
    from PySide6.QtCore import QDate, QDateTime, QTime
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    from ashore.ui.notes.editor import NoteEditor

    holder = QWidget()
    qtbot.addWidget(holder)
    column = QVBoxLayout(holder)
    editor = NoteEditor()
    column.addWidget(editor)
    after = QLineEdit()
    column.addWidget(after)
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is holder, timeout=2000)
    field = editor.occurred
    for typed, expected in (
        ("23:10", QDateTime(QDate(2026, 12, 2), QTime(23, 10))),
        ("2310", QDateTime(QDate(2026, 12, 2), QTime(23, 10))),
        ("2026-12-01 08:05", QDateTime(QDate(2026, 12, 1), QTime(8, 5))),
    ):
        field.setDateTime(QDateTime(QDate(2026, 12, 2), QTime(1, 47)))
        click(qtbot, field.lineEdit())
        qtbot.keyClick(field.lineEdit(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(field.lineEdit(), typed)
        qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Tab)
        assert field.dateTime() == expected, typed
        assert QApplication.focusWidget() is not field.lineEdit()  # one Tab left it


# ----- Accept: what is agreed, in figures ------------------------------------------------------


def test_accept_restates_the_figures_agreed(qtbot, book, make_window, dialog_log) -> None:
    """The question before accepting "400 a month" says how many payments of what from when, and
    the total: the figures the list and the installments table show for it."""
    tab = _proposals_tab(qtbot, book, make_window)
    rows = {tab.list_model.proposal_at(r).name: r for r in range(tab.list_model.rowCount())}
    tab._select_row(rows["400 a month"])
    qtbot.waitUntil(lambda: not tab.form.pending(), timeout=2000)
    total = str(tab.list_model.index(rows["400 a month"], 5).data())  # Total to pay
    count = tab.table_model.rowCount()
    first_due = str(tab.table_model.index(0, 0).data())
    click(qtbot, tab.accept_button)
    asked = [args for name, args in dialog_log if name == "confirm"]
    assert asked, dialog_log
    text = str(asked[-1][1])
    last = str(tab.table_model.index(count - 1, 1).data())  # the last one evens it out
    assert last != "400.00"
    assert f"{count - 1} × 400.00 and a last {last} from {first_due}; {total} in all." in text
    assert tab.form.base_label.text() in text  # what it starts from, as the form says it


def test_an_accepted_proposal_says_it_is_read_only(qtbot, book, make_window, dialog_log) -> None:
    """Its fields were disabled with nothing to say so (sixth walk's 15): a note above them says
    the terms are the agreement, kept as agreed; another proposal shows no such note."""
    tab = _proposals_tab(qtbot, book, make_window)
    rows = {tab.list_model.proposal_at(r).name: r for r in range(tab.list_model.rowCount())}
    tab._select_row(rows["400 a month"])
    qtbot.waitUntil(lambda: not tab.form.pending(), timeout=2000)
    assert tab.form.agreed_note.isHidden()
    assert tab.form.name.isEnabled()
    click(qtbot, tab.accept_button)
    qtbot.waitUntil(lambda: not tab.form.pending(), timeout=2000)
    rows = {tab.list_model.proposal_at(r).name: r for r in range(tab.list_model.rowCount())}
    tab._select_row(rows["400 a month"])
    qtbot.waitUntil(lambda: not tab.form.pending(), timeout=2000)
    assert tab.form.agreed()
    assert not tab.form.agreed_note.isHidden()
    assert "kept as agreed" in tab.form.agreed_note.text()
    assert not tab.form.name.isEnabled()
    assert not tab.form.method.isEnabled()
    other = next(r for name, r in rows.items() if name != "400 a month")
    tab._select_row(other)
    qtbot.waitUntil(lambda: not tab.form.pending(), timeout=2000)
    assert tab.form.agreed_note.isHidden()
    assert tab.form.name.isEnabled()
