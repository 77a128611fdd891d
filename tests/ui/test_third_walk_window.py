"""The third walk through the window as a new user (issue 13): a new loan's tabs show nothing of
the loan open before, Edit ▸ Undo takes back a recorded payment, the status bar says what was
saved, accepted or attached, a lump sum's discount says what is paid, the day count is a field
of its own, and a number between Chinese words is spaced alike on both sides."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractListModel, QDate, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QLabel,
    QWidget,
)

from ashore.app.context import Context
from ashore.domain.money import format_amount
from ashore.services import Ledger
from ashore.services.notes import Notes
from ashore.ui.app import install_translations
from ashore.ui.audio.common import QTMULTIMEDIA_ENVIRONMENT_WARNINGS
from ashore.ui.loan.form import LoanForm
from ashore.ui.notes.formatting import when_text

from .helpers import choose, click, type_into

JB = "jb-2026-01"
BULLET = "jt360-bullet-0901"  # overdue, with an unpaid installment: a live "Record payment"
noise = pytest.mark.qt_log_ignore(
    *QTMULTIMEDIA_ENVIRONMENT_WARNINGS, "does not support propagateSizeHints"
)


def money(amount: Decimal, locale: str = "en") -> str:
    return format_amount(amount, "CNY", locale)


def shown_texts(root: QWidget) -> list[str]:
    """Every text a person can read under ``root`` now: labels, buttons, the cells of tables."""
    texts: list[str] = []
    for label in root.findChildren(QLabel):
        if label.isVisible() and label.text():
            texts.append(re.sub(r"<[^>]+>", "", label.text()))
    for button in root.findChildren(QAbstractButton):
        if button.isVisible() and button.text():
            texts.append(button.text())
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if not view.isVisible() or model is None:
            continue
        top = QModelIndex()
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(top)
        for row in range(model.rowCount(top)):
            for column in range(columns):
                value = model.index(row, column).data()
                if value:
                    texts.append(str(value))
    return texts


# ----- 1. a new loan shows nothing of another ---------------------------------------------------
@noise
def test_a_new_loans_tabs_show_nothing_of_the_loan_open_before(
    qtbot, sample: Ledger, make_window
) -> None:
    window = make_window(sample)
    window.resize(1280, 800)
    window.open_loan(BULLET)
    tabs = window.loan_page.tabs
    tabs.setCurrentIndex(window.loan_page.tab_index("Payments"))
    qtbot.wait(10)
    owed = money(window._summaries[BULLET].owed_today)
    loan_name = sample.loan(BULLET).name
    seen = " ".join(shown_texts(tabs.currentWidget()))
    assert "Record payment" in seen  # the loan's payments were in sight before
    assert window.payments_tab.banner_text()

    click(qtbot, window.new_loan_button)
    assert tabs.currentWidget() is window.form
    # a click on another tab's title does nothing: it waits for the loan to be saved
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert tabs.currentWidget() is window.form
    for index in range(tabs.count()):
        if tabs.widget(index) is window.form:
            continue
        # even brought to the front another way (a script, a shortcut), a tab shows only this
        tabs.setCurrentIndex(index)
        qtbot.wait(10)
        texts = shown_texts(tabs.currentWidget())
        title = tabs.tabText(index)
        assert texts == [
            "Save the loan first: its figures, plans, payments and notes come here."
        ], title
        assert owed not in " ".join(texts), title
        assert loan_name not in " ".join(texts), title
    # nothing can be recorded on the loan shown before
    assert not window.payments_tab.isVisible()
    assert not window.payments_tab.record_button.isVisible()
    assert not window.payments_tab.amount.line.isVisible()
    before = len(sample.loan(BULLET).payments)
    window.payments_tab.amount.line.setFocus()  # a hidden field takes no focus, no Enter
    assert QApplication.focusWidget() is not window.payments_tab.amount.line
    assert len(sample.loan(BULLET).payments) == before

    # a saved loan opened again shows its own tabs
    window.open_loan(BULLET)
    tabs.setCurrentIndex(window.loan_page.tab_index("Payments"))
    qtbot.wait(10)
    assert window.payments_tab.record_button.isVisible()
    assert "Record payment" in " ".join(shown_texts(tabs.currentWidget()))


# ----- 7. recording a payment is an undoable step ------------------------------------------------
@pytest.fixture
def payments_window(sample: Ledger, make_window) -> Any:
    """The window on the sample's worked-example loan, its Payments tab open."""
    window = make_window(sample)
    window.open_loan(JB)
    window.loan_page.tabs.setCurrentIndex(window.loan_page.tab_index("Payments"))
    return window


@noise
def test_edit_undo_takes_back_a_recorded_payment_and_redo_records_it_again(
    qtbot, sample: Ledger, payments_window
) -> None:
    window = payments_window
    tab = window.payments_tab
    payments = list(sample.loan(JB).payments)
    owed = window._summaries[JB].owed_today
    assert not window.undo_action.isEnabled()

    type_into(qtbot, tab.amount, "400")
    type_into(qtbot, tab.reference, "TX-77")
    click(qtbot, tab.record_button)
    after = sample.loan(JB).payments
    assert len(after) == len(payments) + 1
    assert (after[-1].date, after[-1].amount, after[-1].reference) == (
        date(2026, 11, 28),
        Decimal("400.00"),
        "TX-77",
    )
    assert window._summaries[JB].owed_today == owed - Decimal("400.00")
    assert window.undo_action.isEnabled()
    assert window.undo_action.text().replace("&", "") == "Undo Record payment 400.00"

    window.undo_action.trigger()
    assert sample.loan(JB).payments == payments
    assert window._summaries[JB].owed_today == owed  # the sidebar follows
    assert tab.payments_model.rowCount() == len(payments)  # the tab too
    assert window.redo_action.text().replace("&", "") == "Redo Record payment 400.00"

    window.redo_action.trigger()
    again = sample.loan(JB).payments
    assert len(again) == len(payments) + 1
    assert (again[-1].amount, again[-1].reference) == (Decimal("400.00"), "TX-77")
    assert window._summaries[JB].owed_today == owed - Decimal("400.00")


@noise
def test_undo_finds_its_payment_after_another_was_deleted(
    qtbot, sample: Ledger, payments_window
) -> None:
    window = payments_window
    tab = window.payments_tab
    first = list(sample.loan(JB).payments)
    assert first, "the sample's loan has a payment to delete"
    type_into(qtbot, tab.amount, "123.45")
    click(qtbot, tab.record_button)
    # "Delete payment…" of the one made before (not on the undo stack) moves the new one's index
    model = tab.payments_model
    tab.payments_view.selectRow(
        next(r for r in range(model.rowCount()) if model.index_in_loan(r) == 0)
    )
    click(qtbot, tab.delete_button)
    assert [p.amount for p in sample.loan(JB).payments] == [p.amount for p in first[1:]] + [
        Decimal("123.45")
    ]
    window.undo_action.trigger()
    assert [p.amount for p in sample.loan(JB).payments] == [p.amount for p in first[1:]]


# ----- 5. the status bar says what happened ------------------------------------------------------
@noise
def test_the_status_bar_says_a_proposal_was_saved_accepted_and_files_attached(
    qtbot, sample: Ledger, make_window, dialog_log, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from ashore.ui import dialogs

    window = make_window(sample)
    window.resize(1280, 800)
    window.open_loan(JB)
    window.loan_page.tabs.setCurrentIndex(window.loan_page.tab_index("Proposals"))
    tab = window.proposals_tab
    click(qtbot, tab.new_button)
    type_into(qtbot, tab.form.name, "24 months")
    qtbot.waitUntil(lambda: not tab.form.pending(), timeout=2000)
    click(qtbot, tab.form.save_button)
    status = window.statusBar()
    assert status.currentMessage() == "Proposal “24 months” saved."

    click(qtbot, tab.accept_button)
    stored = next(p for p in sample.loan(JB).proposals if p.name == "24 months")
    assert stored.status == "accepted"
    assert status.currentMessage() == (
        "Agreement recorded: “24 months”, the plan in force from Nov 28, 2026."
    )

    files = [tmp_path / "screenshot-1.png", tmp_path / "screenshot-2.png"]
    for number, path in enumerate(files):
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes([number]) * 64)
    monkeypatch.setattr(dialogs, "get_attach_paths", lambda parent: list(files))
    window.loan_page.tabs.setCurrentIndex(window.notes_hookup.tab_index)
    pane = window.notes_hookup.pane
    qtbot.waitUntil(lambda: bool(pane.cards), timeout=3000)
    card = pane.cards[-1]
    note = card.note
    click(qtbot, card.attach_button)
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=10_000)
    stored_note = next(n for n in sample.loan(JB).notes if n.id == note.id)
    assert [a.name for a in stored_note.attachments][-2:] == [f.name for f in files]
    when = when_text(note.occurred_at, QLocale())
    assert status.currentMessage() == f"2 files attached to the note of {when}."


# ----- 3. a discount says what is paid -----------------------------------------------------------
def test_a_lump_sums_discount_says_it_is_taken_off_and_what_is_paid(
    qtbot, sample: Ledger, ctx: Context, dialog_log
) -> None:
    from ashore.services.proposals import Proposals
    from ashore.ui.proposals.tab import ProposalsTab

    tab = ProposalsTab(Proposals(sample), ctx, "en")
    qtbot.addWidget(tab)
    tab.resize(1200, 760)
    tab.show()
    tab.set_loan(sample.loan(JB))
    form = tab.form
    click(qtbot, tab.new_button)
    choose(form.method, "lump_sum")
    fields = form.fields["lump_sum"]
    choose(fields["mode"], "discount")
    layout = form._lump_form
    label = layout.itemAt(
        layout.getWidgetPosition(form._discount_row)[0], QFormLayout.ItemRole.LabelRole
    )
    assert label.widget().text() == "Discount (% taken off)"
    type_into(qtbot, fields["pay_by"], "2026-12-20")
    type_into(qtbot, fields["discount"], "30")
    qtbot.waitUntil(lambda: not form.pending(), timeout=2000)
    assert form.plan is not None
    base = form.plan.base.amount
    paid = (base * Decimal("0.70")).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert form.plan.total_paid == paid
    assert form.discount_paid.isVisible()
    assert form.discount_paid.text() == f"pays 70 % = {money(paid)}"
    type_into(qtbot, fields["discount"], "12.5")
    qtbot.waitUntil(lambda: not form.pending(), timeout=2000)
    paid = (base * Decimal("0.875")).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert form.discount_paid.text() == f"pays 87.5 % = {money(paid)}"
    type_into(qtbot, fields["discount"], "abc")
    qtbot.waitUntil(lambda: not form.pending(), timeout=2000)
    assert form.discount_paid.text() == ""
    choose(fields["mode"], "amount")
    assert not form.discount_paid.isVisible()


# ----- 6. the day count is a field of its own ----------------------------------------------------
def test_the_day_count_is_its_own_row_and_only_for_a_daily_rate(qtbot) -> None:
    form = LoanForm(today=date(2026, 11, 28), locale="en")
    qtbot.addWidget(form)
    form.resize(1000, 800)
    form.show()
    choose(form.rate_unit, "year")
    assert not form.day_count.isVisible()  # "% per year 360-day year" read as the rate's unit
    rate_row = form.rate.parentWidget()
    assert not rate_row.isAncestorOf(form.day_count)
    choose(form.rate_unit, "day")
    assert form.day_count.isVisible()
    layout = form._money_form
    row, _role = layout.getWidgetPosition(form._day_count_row)
    label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
    assert label.text() == "A year counts"
    assert label.isVisible()
    assert [form.day_count.itemText(i) for i in range(form.day_count.count())] == [
        "360 days",
        "365 days",
    ]
    rate_position = layout.getWidgetPosition(rate_row)[0]
    assert row == rate_position + 1  # right under the rate it belongs to
    choose(form.day_count, 365)
    type_into(qtbot, form.rate, "0.05")
    assert form.loan_value("x").rate.day_count == 365
    choose(form.rate_unit, "month")
    assert not form.day_count.isVisible()
    form.first_due.setDate(QDate(2026, 12, 15))


# ----- 8. a number between Chinese words: a space on both sides ----------------------------------
CJK = "\u3400-\u9fff"
NUMBER = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日|[-+]?\d[\d,]*(?:\.\d+)?%?")


def lopsided(text: str) -> list[str]:
    """Numbers with a Chinese character right on one side and a space then one on the other."""
    found = []
    for match in NUMBER.finditer(text):
        start, end = match.start(), match.end()
        left, right = text[start - 1 : start], text[end : end + 1]
        spaced_left = left == " " and re.match(f"[{CJK}]", text[start - 2 : start - 1] or "x")
        spaced_right = right == " " and re.match(f"[{CJK}]", text[end + 1 : end + 2] or "x")
        tight_left = bool(re.match(f"[{CJK}]", left))
        tight_right = bool(re.match(f"[{CJK}]", right))
        if (tight_left and spaced_right) or (spaced_left and tight_right):
            found.append(text[max(0, start - 8) : end + 8])
    return found


def test_the_spacing_check_sees_what_the_tester_saw() -> None:
    (found,) = lopsided("，另有罚息 309.14和滞纳金 50.00")
    assert "309.14和" in found
    assert lopsided("借呗的催收在1 次联系中违规 3 项")
    assert lopsided("，另有罚息 309.14 和滞纳金 50.00") == []
    assert lopsided("自 2026年12月2日 起执行，逾期 290 天") == []


@pytest.fixture
def chinese_window(qtbot, ctx: Context, sample: Ledger, qapp) -> Iterator[Any]:
    """The sample's window in Chinese at 1280x800, with a collection contact that broke two rules
    (the Notes tab counts it in a sentence)."""
    from ashore.ui.app import open_settings
    from ashore.ui.main_window import MainWindow

    Notes(sample).add(
        JB,
        occurred_at=datetime(2026, 11, 25, 9, 30, tzinfo=UTC),
        kind="collection",
        direction="incoming",
        text="threatened to call my employer",
        abuse=("threat", "disclosure"),
    )
    installed = install_translations(qapp, "zh_CN")
    before = QLocale()
    try:
        context = ctx.replace(lang="zh_CN")
        window = MainWindow(sample, context, open_settings(context.data))
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        window.load()
        yield window
        window.close()
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)


@noise
def test_numbers_in_the_chinese_window_are_spaced_alike_on_both_sides(
    qtbot, sample: Ledger, monkeypatch: pytest.MonkeyPatch, chinese_window
) -> None:
    from ashore.ui import dialogs

    monkeypatch.setattr(dialogs, "confirm", lambda *args, **kwargs: True)
    window = chinese_window
    window.show_dashboard()
    qtbot.wait(20)
    found = [f"dashboard: {bit}" for text in shown_texts(window) for bit in lopsided(text)]
    texts = " ".join(shown_texts(window))
    assert "另有" in texts  # the arrears line with its penalty and late fees was read
    for loan in sample.loans():
        window.open_loan(loan.id)
        tabs = window.loan_page.tabs
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qtbot.wait(20)
            found += [
                f"{loan.id} {tabs.tabText(index)}: {bit}"
                for text in shown_texts(window)
                for bit in lopsided(text)
            ]
    assert found == []
    window.open_loan(JB)
    window.loan_page.tabs.setCurrentIndex(window.notes_hookup.tab_index)
    qtbot.wait(20)
    breach = window.notes_hookup.pane.breach_count
    assert breach.isVisible()
    assert "违规" in breach.text()
    assert lopsided(breach.text()) == []


@noise
def test_the_chinese_collector_form_scrolls_in_its_tab_not_past_the_screen(
    qtbot, chinese_window
) -> None:
    """Fourth walk's 1: in Chinese the note form for a collector's call is taller than the room
    at 1280x800; the Notes tab scrolls as a whole, the window stays 800 high."""
    window = chinese_window
    window.open_loan(JB)
    window.loan_page.tabs.setCurrentIndex(window.notes_hookup.tab_index)
    qtbot.wait(20)
    pane = window.notes_hookup.pane
    qtbot.mouseClick(pane.collector_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(pane.editor.isVisible)
    qtbot.wait(50)
    # The tab's least height does not grow with the form (with the app's style and fonts the
    # form alone took the window to 811 px)
    tabs = window.loan_page.tabs
    assert tabs.minimumSizeHint().height() < pane.editor.minimumSizeHint().height()
    assert window.minimumSizeHint().height() <= 800
    assert window.height() == 800
    assert pane.editor.height() >= pane.editor.minimumSizeHint().height()  # whole, scrolled
