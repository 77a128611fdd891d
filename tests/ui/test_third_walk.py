"""The third walk's findings (issue 13), each driven as a person does, in English and Chinese
where the words matter: the proposal form stays put beside the chart, payments are marked on the
date axis, the Overview goes back to its changed figures, the letter says whose name signs it
and confirms the save, the complaint says its language and why, the notes' record line is plain,
recordings and other proof are attached apart, the Guide ticks what was done, and the window
reopens at the size it was left (or one that fits the screen)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QScrollArea

from ashore.services.notes import Notes
from ashore.ui import dialogs
from ashore.ui.audio.common import QTMULTIMEDIA_ENVIRONMENT_WARNINGS

JB = "jb-2026-01"
noise = pytest.mark.qt_log_ignore(
    *QTMULTIMEDIA_ENVIRONMENT_WARNINGS, "does not support propagateSizeHints"
)


def _window(qtbot, ctx, sample, size=(1280, 800)):
    from ashore.ui.app import open_settings
    from ashore.ui.main_window import MainWindow

    window = MainWindow(sample, ctx, open_settings(ctx.data))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.load()
    qtbot.wait(20)
    return window


def _show(window, widget) -> None:
    tabs = window.loan_page.tabs
    tabs.setCurrentIndex(
        next(i for i in range(tabs.count()) if tabs.widget(i).isAncestorOf(widget))
    )


def _click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


# ----- 1. the proposal form beside the chart ---------------------------------------------------
def test_the_proposal_form_stays_put_while_typing_with_the_chart_open(
    qtbot, ctx, sample, lang, dialog_log
) -> None:
    window = _window(qtbot, ctx, sample)
    window.open_loan(JB)
    tab = window.proposals_tab
    _show(window, tab)
    bar = tab.views.tabBar()
    _click_at = bar.tabRect(tab.chart_index).center()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=_click_at)  # the Chart view, by click
    qtbot.wait(50)
    assert tab.views.currentIndex() == tab.chart_index
    form_scroll = next(
        area for area in tab.findChildren(QScrollArea) if area.widget().isAncestorOf(tab.form)
    )
    fields = tab.form.fields["reamortize"]
    watched = [tab.form.name, fields["months"].line, fields["first_due"].line, tab.form.save_button]

    def places() -> list[QPoint]:
        return [w.mapTo(window, QPoint(0, 0)) for w in watched]

    before = places()
    assert form_scroll.verticalScrollBar().maximum() == 0  # the whole form, nothing scrolled away
    months = fields["months"].line
    _click(qtbot, months)
    months.selectAll()
    qtbot.keyClicks(months, "36")
    qtbot.waitUntil(lambda: not tab.form.pending(), timeout=3000)
    qtbot.wait(30)
    assert places() == before
    qtbot.keyClick(months, Qt.Key.Key_Tab)  # on to the next field: nothing moves either
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is fields["first_due"].line
    qtbot.keyClicks(fields["first_due"].line, "x")  # a slip: its message opens in the footer
    qtbot.waitUntil(lambda: tab.form.plan_error.isVisible(), timeout=3000)
    assert fields["first_due"].message in tab.form.plan_error.text()
    qtbot.wait(30)
    assert places() == before
    assert form_scroll.verticalScrollBar().value() == 0
    assert form_scroll.verticalScrollBar().maximum() == 0
    assert tab.chart.height() >= 200  # and the chart keeps room to be read


# ----- 2. payments on their dates ---------------------------------------------------------------
def test_payments_are_marked_on_their_dates_not_drawn_as_amounts_owed(qtbot) -> None:
    from matplotlib import dates as mdates

    from ashore.ui.chart.view import Marker, NegotiationChart, Series

    chart = NegotiationChart(currency="CNY")
    qtbot.addWidget(chart)
    chart.resize(900, 500)
    chart.show()
    owed = Series(
        "status_quo",
        "If nothing is paid",
        [(date(2026, 6, 1), Decimal("1000.00")), (date(2026, 12, 1), Decimal("1200.00"))],
        "status_quo",
    )
    chart.set_data(lines=[owed], today=date(2026, 11, 28))
    qtbot.wait(20)
    plot = chart._plot
    alone = plot.owed_axes.get_ybound()
    # a payment far above what is owed, before the line starts
    paid = [
        Marker(date(2026, 3, 10), Decimal("5000.00"), "paid"),
        Marker(date(2026, 7, 1), Decimal("80.00"), "paid"),
    ]
    chart.set_data(lines=[owed], today=date(2026, 11, 28), payments=paid)
    qtbot.wait(20)
    assert plot.owed_axes.get_ybound() == alone  # the owed axis is not stretched by payments
    low, high = plot.owed_axes.get_xbound()
    assert low <= mdates.date2num(date(2026, 3, 10)) <= high  # their dates are in sight
    # each payment is drawn in the monthly panel, on its day at its amount (issue 13's walk:
    # at the owed panel's foot they read as "0 owed")
    assert plot._payments.axes is plot.monthly_axes
    assert plot._payments.get_xydata().tolist() == [
        [mdates.date2num(date(2026, 3, 10)), 5000.0],
        [mdates.date2num(date(2026, 7, 1)), 80.0],
    ]
    plot.canvas.draw()
    low, high = plot.monthly_axes.get_ybound()
    assert low <= 80.0
    assert 5000.0 <= high
    texts = [t.get_text() for t in plot.owed_axes.get_legend().get_texts()]
    assert "payments made" in texts


# ----- 3. the Overview after a payment ---------------------------------------------------------
def test_the_overview_goes_back_to_its_figures_after_a_payment(qtbot, ctx, sample) -> None:
    from tests.ui.helpers import type_into

    window = _window(qtbot, ctx, sample, (1280, 720))
    window.open_loan(JB)
    overview = window.overview_tab
    _show(window, overview)
    qtbot.wait(30)
    bar = overview.scroll.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())  # down to the chart
    # the same figures again (a refresh) keep the user's place
    loan = sample.loan(JB)
    overview.set_loan(loan, next(x for x in sample.lenders() if x.id == loan.lender))
    assert bar.value() == bar.maximum() > 0
    payments = window.payments_tab
    _show(window, payments)
    type_into(qtbot, payments.day, "2026-11-27")
    type_into(qtbot, payments.amount, "100")
    _click(qtbot, payments.record_button)
    qtbot.waitUntil(lambda: len(sample.loan(JB).payments) == 5, timeout=3000)
    _show(window, overview)
    qtbot.wait(30)
    assert bar.value() == 0  # back at the top, where "owed today" changed


# ----- 4. the letter ---------------------------------------------------------------------------
def test_the_letter_says_where_the_name_comes_from_and_the_save_is_confirmed(
    qtbot, ctx, sample, dialog_log, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ashore.ui.guide.letter import LetterEditor

    window = _window(qtbot, ctx, sample)
    window.open_loan(JB)
    opened: list[LetterEditor] = []

    def run(dialog) -> bool:
        opened.append(dialog)
        return True

    monkeypatch.setattr(dialogs, "run_dialog", run)
    window.guide.open_letter()
    editor = opened[-1]
    text = editor.profile_label.text()
    assert "About you" in text
    assert "Guide" in text
    assert "not in the letter" in text
    target = tmp_path / "letter.pdf"
    monkeypatch.setattr(dialogs, "get_save_path", lambda *_a, **_k: target)
    _click(qtbot, editor.pdf_button)
    assert target.is_file()
    assert window.statusBar().currentMessage() == f"Letter saved to {target}."
    # "Fill in “About you”…": the letter closes and the Guide tab opens at its Name
    monkeypatch.setattr(dialogs, "run_dialog", lambda dialog: dialog.profile_button.click())
    window.guide.open_letter()
    assert window.loan_page.tabs.currentWidget().isAncestorOf(window.guide.tab)
    qtbot.waitUntil(lambda: window.guide.tab.borrower_name.hasFocus(), timeout=3000)
    qtbot.keyClicks(window.guide.tab.borrower_name, "Li Ming")
    _click(qtbot, window.guide.tab.profile_button)
    monkeypatch.setattr(dialogs, "run_dialog", run)
    window.guide.open_letter()
    assert "Signed “Li Ming”" in opened[-1].profile_label.text()
    assert "Li Ming" in opened[-1].editor.toPlainText()


# ----- 5. the complaint ------------------------------------------------------------------------
def test_the_complaint_says_its_language_and_lets_the_user_choose(
    qtbot, ctx, sample, dialog_log, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader
    from PySide6.QtCore import QStandardPaths

    from ashore.ui.dialogs import ComplaintDialog

    box = ComplaintDialog(None, "zh_CN")
    qtbot.addWidget(box)
    assert box.language.currentData() == "zh_CN"
    assert "in Chinese" in box.why.text()
    assert "regulator" in box.why.text()
    box.language.setCurrentIndex(box.language.findData("en"))
    assert "Written in English" in box.why.text()
    assert box.choice() == ("12378", "en")

    from .helpers import record_night_call

    record_night_call(sample, JB)  # a complaint is written only of a broken rule
    window = _window(qtbot, ctx, sample)
    window.open_loan(JB)
    asked: list[tuple[str, str]] = []
    target = tmp_path / "complaint.pdf"

    def ask(_parent, suggested: str, offered: str):
        asked.append((suggested, offered))
        return "12378", "en", target

    monkeypatch.setattr(dialogs, "ask_complaint", ask)
    window.notes_hookup.complaint_action.trigger()
    ((suggested, offered),) = asked
    assert offered == "zh_CN"  # a CNY loan: Chinese offered first, as the dialog explains
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert Path(suggested).parent == Path(documents)  # a first save: Documents, not home
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "12378" in text
    assert not re.search(r"[\u4e00-\u9fff]{6}", text.replace("借呗", ""))  # English, as chosen
    assert "written in English" in window.statusBar().currentMessage()


# ----- 6. the notes' record line ---------------------------------------------------------------
@noise
def test_the_notes_record_line_is_plain_words(qtbot, ctx, sample, lang, dialog_log) -> None:
    Notes(sample).add(JB, text="second call", counterpart="collections")
    window = _window(qtbot, ctx, sample)
    window.open_loan(JB)
    pane = window.notes_hookup.pane
    _show(window, pane)
    qtbot.wait(20)
    line = pane.hint.text()
    expected = {
        "en": "✓ 2 notes, kept as written; every change is on record",
        "zh_CN": "✓ 2 条记录，均保持原样；每一次修改都有据可查",
    }[lang]
    assert line == expected
    head = pane.notes.chain(JB)[-1].hash
    assert head[:10] not in line
    for jargon in ("chain", "hash", "SHA", "entry", "链", "哈希"):
        assert jargon not in line
    assert head in pane.hint.toolTip()  # the fingerprint stays for whoever checks it


# ----- 7. attaching recordings and other proof -------------------------------------------------
@noise
def test_attach_recording_offers_audio_first_and_proof_has_its_own_button(
    qtbot, ctx, sample, dialog_log, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, ctx, sample)
    window.open_loan(JB)
    pane = window.notes_hookup.pane
    _show(window, pane)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(pane, Qt.Key.Key_N, modifiers)  # Ctrl+Shift+N: a new note
    editor = pane.editor
    qtbot.waitUntil(lambda: editor.attach_button.isVisible(), timeout=3000)
    asked: list[tuple[str, str]] = []

    def choose(_parent, title, _folder, filters):
        asked.append((title, filters))
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    _click(qtbot, editor.attach_button)
    _click(qtbot, editor.proof_button)
    (title, recording), (proof_title, proof) = asked
    first, *_rest, last = recording.split(";;")
    assert first.startswith("Recordings (")
    assert "*.m4a" in first
    assert "*.amr" in first
    assert "*.png" not in first
    assert "*.pdf" not in first
    assert last == "All files (*)"
    assert title == "Attach a recording"
    first = proof.split(";;")[0]
    assert first.startswith("Screenshots and documents (")
    assert "*.png" in first
    assert "*.pdf" in first
    assert "*.wav" not in first
    assert proof.split(";;")[-1] == "All files (*)"
    assert proof_title == "Attach screenshots or documents"


# ----- 8. the Guide's ticks --------------------------------------------------------------------
def test_the_guides_steps_before_the_current_one_are_ticked(qtbot, ctx, sample, dialog_log) -> None:
    """Seventh walk's 2: a step behind the current one is passed and ticked, never shown undone
    beside ticked later ones; "Preparing"'s own checklist still says what it asks."""
    from ashore.services.guide import stage as guide_stage

    window = _window(qtbot, ctx, sample)
    window.open_loan(JB)  # a note with the lender and a proposal sent: "Offer on the table"
    tab = window.guide.tab
    _show(window, tab)
    qtbot.waitUntil(lambda: tab.stage is not None and tab.stage.key == "offer", timeout=3000)
    texts = dict(zip(guide_stage.STAGES, (label.text() for label in tab.strip.labels), strict=True))
    assert texts["not_started"] == "✓ No negotiation yet"
    assert texts["preparing"] == "✓ Preparing"
    assert texts["in_contact"] == "✓ In contact"
    assert texts["offer"] == "Offer on the table"  # the current step
    assert not any(texts[key].startswith("✓") for key in guide_stage.STAGES[3:])
    # the checklist is empty: its items stay unticked, and "preparing" is not done
    assert {tick.text() for tick in tab.ticks.values()} >= {"○"}
    assert "preparing" not in guide_stage.milestones(sample.loan(JB), ctx.today)
    # a loan at its first step has none before it: nothing ticked
    window.open_loan("jt360-2025-11")
    qtbot.waitUntil(lambda: tab.loan is not None and tab.loan.id == "jt360-2025-11", timeout=3000)
    assert tab.stage is not None
    assert tab.stage.step == 0
    assert not any(label.text().startswith("✓") for label in tab.strip.labels)


# ----- 9. the window's size when reopened ------------------------------------------------------
def _placed(qtbot, ctx, sample, settings: QSettings):
    from ashore.ui.main_window import MainWindow

    window = MainWindow(sample, ctx, settings)
    qtbot.addWidget(window)
    return window


def test_the_reopened_window_has_the_size_it_was_left_at(qtbot, ctx, sample, monkeypatch) -> None:
    """Nothing of a saved size is changed when it came from this display and fits (the offscreen
    screen is 800 pixels wide: the user's own small window is theirs to keep)."""
    from ashore.ui import main_window
    from ashore.ui.app import open_settings
    from ashore.ui.widgets.placement import PLATFORM_KEY

    # below the window's 800x600 least, so that it fits beside a corner of the 800x600 screen
    monkeypatch.setattr(main_window, "SMALLEST", QSize(600, 400))

    window = _placed(qtbot, ctx, sample, open_settings(ctx.data))
    window.show()
    window.resize(780, 640)
    window.move(10, 20)
    qtbot.wait(10)
    window.save_window_state()
    stored = QSettings(str(ctx.data.settings), QSettings.Format.IniFormat)
    assert stored.value(PLATFORM_KEY) == QApplication.platformName()
    window.close()
    again = _placed(qtbot, ctx, sample, open_settings(ctx.data))
    assert again.size() == QSize(780, 640)


def test_a_size_saved_on_another_display_or_too_small_gives_the_default(qtbot, ctx, sample) -> None:
    from ashore.ui.app import open_settings
    from ashore.ui.widgets.placement import (
        GEOMETRY_KEY,
        PLATFORM_KEY,
        POS_KEY,
        SIZE_KEY,
        default_size,
    )

    small = _placed(qtbot, ctx, sample, open_settings(ctx.data))
    small.resize(755, 580)
    geometry: QByteArray = small.saveGeometry()
    for platform in ("xcb", ""):  # saved by another display; saved before the display was kept
        settings = open_settings(ctx.data)
        settings.setValue(GEOMETRY_KEY, geometry)
        settings.setValue(POS_KEY, QPoint(0, 0))
        settings.setValue(SIZE_KEY, QSize(755, 580))
        settings.setValue(PLATFORM_KEY, platform)
        settings.sync()
        again = _placed(qtbot, ctx, sample, open_settings(ctx.data))
        assert again.size() == QSize(1280, 800), platform
    # on a real 1280x800 screen the default leaves room for the title bar and borders; on a
    # large one it is 1280x800; never under 1100x720 where the screen has room for it
    assert default_size(QRect(0, 0, 1280, 800), "xcb") == QSize(1264, 744)
    assert default_size(QRect(0, 0, 1920, 1080), "xcb") == QSize(1280, 800)
    fitted = default_size(QRect(0, 0, 1366, 768), "wayland")
    assert fitted.width() >= 1100
    assert fitted.height() >= 700
    assert fitted.height() + 56 <= 768
