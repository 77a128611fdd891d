"""No word cut in its widget, in English and in Chinese (sixth walk's 2): each choice of the loan
form's combo boxes ("%（年）" showed as "%（年"), the new-lender dialog's examples ("例如：每天
9:00-2…") and the claims table's Source at 1280x800 ("App …") fit the room their widget gives
their text (font metrics against the widget's or the column's width)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from ashore.domain.records import Claim
from ashore.services.payments import Payments
from ashore.ui.dialogs import LenderDialog
from ashore.ui.loan.form import LoanForm
from ashore.ui.payments.models import ClaimsModel
from ashore.ui.proposals.models import ProposalListModel
from ashore.ui.widgets.fit import combo_room, line_edit_room

JB = "jb-2026-01"
SOURCE = "App screen, call with agent 0231"
CELL_PADDING = 8  # the item view's margins each side of a cell's text, with room to spare


def _cut_choices(combo: QComboBox) -> list[tuple[str, int, int]]:
    metrics = combo.fontMetrics()
    room = combo_room(combo)
    return [
        (combo.itemText(i), metrics.horizontalAdvance(combo.itemText(i)), room)
        for i in range(combo.count())
        if metrics.horizontalAdvance(combo.itemText(i)) > room
    ]


def test_every_choice_of_the_loan_form_reads_whole(qtbot, lang) -> None:
    form = LoanForm(today=date(2026, 12, 2), locale="zh_CN" if lang == "zh_CN" else "en")
    qtbot.addWidget(form)
    form.resize(860, 700)  # the Details tab beside the sidebar at 1280x800
    form.show()
    qtbot.wait(10)
    combos = [c for c in form.findChildren(QComboBox) if c.isVisibleTo(form)]
    assert form.rate_unit in combos
    assert form.preset in combos
    cut = {c.objectName() or c.itemText(0): _cut_choices(c) for c in combos}
    assert {name: found for name, found in cut.items() if found} == {}


def test_the_new_lender_dialogs_examples_read_whole(qtbot, lang) -> None:
    dialog = LenderDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(10)
    fields = dialog.findChildren(QLineEdit)
    assert dialog.hours in fields
    # as QLineEdit paints its example: elided to its room (seventh walk's 2: the Chinese hours
    # were 131.25 pixels in 131 and came out "例如：每天 9:00–21:…")
    shown = {
        f.placeholderText(): f.fontMetrics().elidedText(
            f.placeholderText(), Qt.TextElideMode.ElideRight, line_edit_room(f)
        )
        for f in fields
    }
    assert {text: seen for text, seen in shown.items() if seen != text} == {}


def test_the_claims_source_reads_whole_at_1280_by_800(qtbot, ctx, sample, lang) -> None:
    from ashore.ui.app import open_settings
    from ashore.ui.main_window import MainWindow

    Payments(sample).add_claim(JB, Claim(ctx.today, Decimal("9850.00"), SOURCE))
    window = MainWindow(sample, ctx, open_settings(ctx.data))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.load()
    window.open_loan(JB)
    tabs = window.loan_page.tabs
    tab = window.payments_tab
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(tab)))
    qtbot.wait(50)
    view = tab.claims.view
    assert view.model().index(0, ClaimsModel.Column.SOURCE).data() == SOURCE
    width = view.horizontalHeader().sectionSize(ClaimsModel.Column.SOURCE)
    assert view.fontMetrics().horizontalAdvance(SOURCE) + 2 * CELL_PADDING <= width
    window.close()


def test_the_empty_proposals_list_has_room_for_what_it_will_hold(
    qtbot, sample, proposals_tab, lang
) -> None:
    """Seventh walk's 2: before the first proposal the columns were as wide as their headings
    ("Method", "Status" squeezed at the right): each is as wide as what it typically holds."""
    tab = proposals_tab(sample, "jt360-2025-11", "zh_CN" if lang == "zh_CN" else "en", (860, 720))
    qtbot.wait(10)
    view = tab.list_view
    model = tab.list_model
    assert model.rowCount() == 0
    examples = model.examples()
    assert examples[ProposalListModel.Column.STATUS] in ("Draft", "草稿")
    header = view.horizontalHeader()
    short = {
        text: header.sectionSize(column)
        for column, text in examples.items()
        if view.fontMetrics().horizontalAdvance(text) + 2 * CELL_PADDING
        > header.sectionSize(column)
    }
    assert short == {}
