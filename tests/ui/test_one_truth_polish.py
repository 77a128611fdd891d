"""One truth on every screen, the walkthrough's remainder (issue 13): the dashboard names what is
due and unpaid and the penalty and late fees apart, with Overview's words and figures; "to settle
today" says what it adds to "owed today"."""

from __future__ import annotations

from datetime import UTC, date
from decimal import Decimal

import pytest

from ashore.app.context import Context
from ashore.services import Ledger
from ashore.services import proposals as proposals_svc
from ashore.services.payments import Payments
from ashore.services.proposals import Proposals
from ashore.ui.loan.dashboard import Dashboard, UpcomingModel
from ashore.ui.loan.overview import OverviewTab

JB = "jb-2026-01"
TODAY = date(2026, 11, 28)


@pytest.fixture
def overview(qtbot, sample: Ledger, ctx: Context) -> OverviewTab:
    widget = OverviewTab(sample, ctx, "en")
    qtbot.addWidget(widget)
    widget.resize(900, 760)
    widget.show()
    loan = sample.loan(JB)
    widget.set_loan(loan, next(x for x in sample.lenders() if x.id == loan.lender))
    return widget


def attention_line(board: Dashboard, loan_name: str) -> str:
    lines = [board.attention.item(i).text() for i in range(board.attention.count())]
    found = [line for line in lines if line.startswith("Overdue") and loan_name in line]
    assert len(found) == 1, lines
    return found[0]


def test_the_dashboard_names_due_and_unpaid_and_the_charges_as_overview_does(
    board, overview
) -> None:
    # DOMAIN.md worked example (借呗 January on 2026-11-28): 6,600.96 due and unpaid,
    # 295.94 penalty interest, 300.00 late fees (6 × 50.00), 7,196.90 to pay in all.
    assert overview.parts["overdue"].caption.text() == "Due and unpaid"
    assert overview.parts["overdue"].value.text() == "6,600.96"
    line = attention_line(board, "借呗 January")
    assert line == (
        "Overdue · 借呗 January: 6,600.96 due and unpaid since Jun 15, 2026 (166 days), plus "
        "295.94 penalty interest and 300.00 late fees; pay it or agree a plan."
    )
    # the table's amount is what to pay; its tooltip splits it the same way, adding up
    model = board.upcoming_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).loan_id == JB)
    assert model.index(row, UpcomingModel.Column.AMOUNT).data() == "7,196.90"
    assert model.tooltip(model.row_at(row), UpcomingModel.Column.AMOUNT) == (
        "6 installments unpaid since Jun 15, 2026: 6,600.96 due and unpaid + 295.94 penalty "
        "interest + 300.00 late fees = 7,196.90 to pay"
    )


def test_a_loan_with_penalty_only_names_only_the_penalty(board) -> None:
    # 360借条 24 months: accelerated, 18,500.01 due and unpaid + 1,697.15 penalty, no late fee
    line = attention_line(board, "360借条 24 months")
    assert "18,500.01 due and unpaid since Mar 10, 2026 (263 days), plus 1,697.15 penalty " in line
    assert "late fees" not in line
    assert "20,197.16" not in line  # the sum is the sidebar's "owed today", not "overdue"


def test_to_settle_today_says_what_it_adds_to_owed_today(overview) -> None:
    payoff = overview.parts["payoff"]
    assert overview.owed_value.text() == "9,348.71 CNY"
    assert payoff.value.text() == "9,362.70"  # DOMAIN.md "payoff"
    assert payoff.hint.text() == "+13.99 accrued interest"
    assert not payoff.hint.isHidden()
    assert "interest accrued since the last due date" in payoff.toolTip()


def test_typical_monthly_is_the_installment_overview_shows(qtbot, sample, ctx, overview) -> None:
    from ashore.ui.proposals.models import ComparisonModel
    from ashore.ui.proposals.tab import ProposalsTab

    tab = ProposalsTab(Proposals(sample), ctx, "en")
    qtbot.addWidget(tab)
    tab.resize(900, 720)
    tab.show()
    tab.set_loan(sample.loan(JB))
    # column 2: the original schedule
    typical = tab.comparison_model.index(ComparisonModel.Column.TYPICAL, 2).data()
    # The worked example's installment is 1,100.16 (its last row, 1,100.19, carries the rounding):
    # the median of the months left (7,196.90 arrears, 1,100.16, 1,100.19) said 1,100.19.
    assert typical.removeprefix("★ ") == "1,100.16"
    assert "Next due: <b>1,100.16</b>" in overview.next_text.text()


@pytest.fixture
def proposals(qtbot, sample: Ledger, ctx: Context):
    from ashore.ui.proposals.tab import ProposalsTab

    tab = ProposalsTab(Proposals(sample), ctx, "en")
    qtbot.addWidget(tab)
    tab.resize(900, 720)
    tab.show()
    tab.set_loan(sample.loan(JB))
    return tab


def test_accept_where_the_proposal_is_shown_then_it_is_read_only(
    qtbot, proposals, sample, monkeypatch
) -> None:
    from ashore.services import plans
    from ashore.ui import dialogs

    from .helpers import click

    tab = proposals
    tab._select_row(tab.list_model.row_of("p1"))
    assert tab.accept_button.isEnabled()
    assert tab.form.save_button.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, title, *_: asked.append(title) or True)
    click(qtbot, tab.accept_button)
    assert asked == ["Accept this proposal"]
    loan = sample.loan(JB)
    assert next(p for p in loan.proposals if p.id == "p1").status == "accepted"
    assert plans.agreement(loan) is not None
    # the plan in force is a contract: nothing in the form saves or edits it
    assert tab.form.original is not None
    assert tab.form.original.status == "accepted"
    assert not tab.form.save_button.isEnabled()
    assert not tab.form.name.isEnabled()
    assert not tab.form.start.isEnabled()
    assert not tab.accept_button.isEnabled()
    assert tab.duplicate_button.isEnabled()  # a change is a new proposal


def test_declined_acceptance_changes_nothing(qtbot, proposals, sample, monkeypatch) -> None:
    from ashore.ui import dialogs

    from .helpers import click

    proposals._select_row(proposals.list_model.row_of("p1"))
    monkeypatch.setattr(dialogs, "confirm", lambda *_: False)
    click(qtbot, proposals.accept_button)
    assert next(p for p in sample.loan(JB).proposals if p.id == "p1").status != "accepted"


@pytest.mark.parametrize("status", ["draft", "proposed", "countered", "accepted", "rejected"])
def test_the_status_picker_chooses_nothing_for_the_user(proposals, sample, status) -> None:
    from ashore.domain.records import Proposal

    space = proposals.proposals
    space.save_proposal(
        JB,
        Proposal("p9", "6 months", "reamortize", TODAY, {"months": 6, "annual_rate": Decimal(0)}),
    )
    path = {
        "draft": [],
        "proposed": ["proposed"],
        "countered": ["proposed", "countered"],
        "accepted": ["accepted"],
        "rejected": ["proposed", "rejected"],
    }[status]
    for step in path:
        space.change_status(JB, "p9", step)
    proposals.set_loan(sample.loan(JB))
    proposals._select_row(proposals.list_model.row_of("p9"))
    picker = proposals.next_status
    assert picker.currentData() == ""
    assert picker.currentText().startswith("—")
    assert [picker.itemData(i) for i in range(1, picker.count())] == list(
        proposals_svc.NEXT_STATUSES[status]
    )
    assert not proposals.record_button.isEnabled()


@pytest.fixture
def zone(monkeypatch):
    import time

    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


def test_written_at_is_local_and_names_its_zone_beside_a_call_in_another(zone) -> None:
    from datetime import datetime, timedelta, timezone

    from ashore.ui.notes.formatting import stamp_text

    beijing = timezone(timedelta(hours=8))
    call = datetime(2026, 11, 20, 10, 15, tzinfo=beijing)  # the sample's call note
    written = datetime(2026, 11, 20, 10, 40, 12, tzinfo=beijing)
    zone("Asia/Shanghai")
    assert stamp_text(written, call) == "Nov 20, 2026 10:40"
    zone("UTC")
    # 02:40 alone would read as written before a call at 10:15 (UTC+8)
    assert stamp_text(written, call) == "Nov 20, 2026 02:40 (UTC+0)"
    assert stamp_text(written, call.astimezone(UTC)) == "Nov 20, 2026 02:40"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2025-03-10", date(2025, 3, 10)),
        ("2026-2-5", date(2026, 2, 5)),
        ("2026/02/05", date(2026, 2, 5)),
        ("2026.2.5", date(2026, 2, 5)),
    ],
)
def test_ctrl_a_then_typing_replaces_the_whole_date(qtbot, typed, expected) -> None:
    """As a person does it: Ctrl+A in the field (not a selectAll() call), keys typed into the
    field, Tab. QDateEdit alone put "2" into the selected day and appended the rest."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    from ashore.ui.widgets.fields import DateEdit

    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    field = DateEdit()
    after = QLineEdit()
    layout.addWidget(field)
    layout.addWidget(after)
    field.setDate(date(2026, 3, 10))
    box.show()
    qtbot.waitExposed(box)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert field.lineEdit().selectedText() == "2026-03-10"
    qtbot.keyClicks(field, typed)
    assert field.lineEdit().text() == typed
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.date().toPython() == expected
    assert field.text() == expected.isoformat()


def test_backspace_and_typing_edit_the_text_as_a_text_box(qtbot) -> None:
    from PySide6.QtCore import Qt

    from ashore.ui.widgets.fields import DateEdit

    field = DateEdit()
    qtbot.addWidget(field)
    field.setDate(date(2026, 3, 10))
    field.show()
    field.setFocus()
    field.lineEdit().setCursorPosition(len("2026-03-10"))
    for _ in range(2):
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, "25")
    qtbot.keyClick(field, "x")  # not part of a date: refused
    assert field.lineEdit().text() == "2026-03-25"
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.date().toPython() == date(2026, 3, 25)


def test_the_window_opens_where_it_was_closed(qtbot, ctx, make_window, monkeypatch) -> None:
    """Saved and restored: the same frame position and size on the next start (a window
    manager's title bar is not added again; offscreen there is no frame, the round trip is)."""
    from PySide6.QtCore import QPoint, QSettings, QSize

    from ashore.ui import main_window
    from ashore.ui.main_window import POS_KEY, SIZE_KEY

    # a window smaller than its 800x600 least, so that it has room to move on the offscreen
    # platform's 800x600 screen
    monkeypatch.setattr(main_window, "SMALLEST", QSize(600, 400))

    ledger = Ledger.open(ctx.data)
    try:
        window = make_window(ledger)
        size = QSize(max(window.minimumSizeHint().width(), 700), 520)
        window.resize(size)
        window.move(31, 47)
        qtbot.wait(1)
        size = window.size()  # at least its minimum
        window.close()
        stored = QSettings(str(ctx.data.settings), QSettings.Format.IniFormat)
        assert stored.value(POS_KEY) == QPoint(31, 47)
        assert stored.value(SIZE_KEY) == size
        again = make_window(ledger)
        assert again.pos() == QPoint(31, 47)
        assert again.size() == size
        again.close()
        third = make_window(ledger)  # and again: nothing drifts
        assert third.pos() == QPoint(31, 47)
        assert third.size() == size
    finally:
        ledger.close()


def _mnemonic(text: str) -> str:
    import re

    found = re.search(r"&([^&])", text)
    return found.group(1).lower() if found else ""


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_no_two_items_of_a_menu_share_an_accelerator(qtbot, qapp, ctx, make_window, lang) -> None:
    """File ▸ Export in Chinese had (C) twice: the complaint and the calendar."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QMenu

    from ashore.ui.app import install_translations

    before = QLocale()
    installed = install_translations(qapp, lang)
    try:
        ledger = Ledger.open(ctx.data)
        try:
            window = make_window(ledger)
            menus = window.findChildren(QMenu)
            assert len(menus) >= 5
            for menu in menus:
                keys = [_mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
                keys = [k for k in keys if k]
                assert len(keys) == len(set(keys)), (menu.title(), keys)
            export = next(m for m in menus if m.title() in ("&Export", "导出(&E)"))
            assert len([a for a in export.actions() if not a.isSeparator()]) >= 5
        finally:
            ledger.close()
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)


def test_under_an_accepted_plan_the_yearly_cost_speaks_of_the_plan(overview, sample) -> None:
    Proposals(sample).change_status(JB, "p1", "accepted")
    loan = sample.loan(JB)
    overview.set_loan(loan, next(x for x in sample.lenders() if x.id == loan.lender))
    text = overview.cost_text.text()
    # 24 months at 0 % from 8,785.05: the installments add up to it exactly, so 0.00 % a year
    assert text.startswith(
        "The agreement “24 months, penalty waived”: <b>0.00 %</b> a year by the IRR method on "
        "the 8,785.05 it starts from (the contract: 18 % a year)."
    )
    assert "pay each installment on time" in text
    assert "four times the LPR" not in text  # the contract's advice is not the plan's


def test_after_record_payment_the_form_is_clear_not_red_and_it_says_so(qtbot, sample, ctx) -> None:
    from PySide6.QtWidgets import QMainWindow

    from ashore.ui.payments.tab import PaymentsTab

    from .helpers import click, type_into

    window = QMainWindow()
    qtbot.addWidget(window)
    tab = PaymentsTab(Payments(sample), ctx, "en")
    window.setCentralWidget(tab)
    window.show()
    tab.set_loan(sample.loan(JB))
    type_into(qtbot, tab.amount, "1,241.47")
    click(qtbot, tab.record_button)
    assert sample.loan(JB).payments[-1].amount == Decimal("1241.47")
    assert window.statusBar().currentMessage() == "Payment recorded: 1,241.47 on Nov 28, 2026."
    assert tab.amount.text() == ""
    assert tab.amount.error_label.text() == ""  # not "Required" before anything is typed
    assert tab.amount.line.property("invalid") in (None, False)


def test_a_new_loan_starts_at_the_lender_and_stays_calm_until_typed(
    qtbot, sample, make_window
) -> None:
    """The focus started in Loan name, below Lender: opening the lender's list took the focus
    out of the empty name, which then said "Required" before anything was typed."""
    from PySide6.QtWidgets import QApplication

    window = make_window(sample)
    window.new_loan()
    form = window.form
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.lender, timeout=2000)
    assert not form.name.line.hasFocus()
    form.lender.setFocus()  # what opening the lender's list does
    qtbot.wait(1)
    assert form.name.error_label.text() == ""
    assert not form.name.line.property("invalid")


def test_enter_in_a_field_saves_the_loan(qtbot) -> None:
    from PySide6.QtCore import Qt

    from ashore.domain.records import Lender
    from ashore.ui.loan.form import LoanForm

    from .helpers import type_into

    form = LoanForm(today=TODAY)
    qtbot.addWidget(form)
    form.set_lenders([Lender("jb", "借呗 Jiebei")], select="jb")
    form.set_loan(None, lender_id="jb")
    form.show()
    saved: list[object] = []
    form.saveRequested.connect(saved.append)
    type_into(qtbot, form.name, "January loan")
    qtbot.keyClick(form.name.line, Qt.Key.Key_Return)
    assert saved == []  # not valid yet: Enter does nothing
    type_into(qtbot, form.principal, "12,000")
    type_into(qtbot, form.rate, "18")
    qtbot.keyClick(form.rate.line, Qt.Key.Key_Return)
    assert len(saved) == 1
    loan = saved[0]
    assert (loan.name, loan.principal, loan.lender) == ("January loan", Decimal("12000.00"), "jb")
