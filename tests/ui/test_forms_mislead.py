"""Forms that cannot mislead: the mouse wheel over a combo or spin box without the focus changes
nothing (the page scrolls instead), and a date typed whole keeps its year."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from ashore.ui.widgets.fields import DateEdit, typed_date


def wheel(widget: QWidget, notches: int = -1) -> None:
    """One real wheel event through the application, as a mouse sends it."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_unfocused_fields_changes_nothing(qtbot, sample, make_window) -> None:
    window = make_window(sample)
    window.open_loan("jb-2026-01")
    form = window.form
    tabs = window.loan_page.tabs
    tabs.setCurrentIndex([tabs.tabText(i) for i in range(tabs.count())].index("Details"))
    qtbot.waitUntil(form.penalty_base.isVisible)
    form.term_count.clearFocus()
    base, term, due = (
        form.penalty_base.currentIndex(),
        form.term_count.value(),
        form.first_due.date(),
    )
    for field in (form.penalty_base, form.term_count, form.first_due):
        assert not field.hasFocus()
        wheel(field)  # one notch down: the next item, one less, a day earlier
    assert form.penalty_base.currentIndex() == base
    assert form.term_count.value() == term
    assert form.first_due.date() == due
    # with the focus in it, the wheel is the user's choice and does change the value
    window.activateWindow()
    form.term_count.setFocus()
    qtbot.waitUntil(form.term_count.hasFocus)
    wheel(form.term_count, 1)
    assert form.term_count.value() == term + 1


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2025-03-10", date(2025, 3, 10)),
        ("2026-2-5", date(2026, 2, 5)),
        ("2026/02/05", date(2026, 2, 5)),
        ("2026年2月5日", date(2026, 2, 5)),
    ],
)
def test_a_typed_date_is_taken_whole_year_included(qtbot, typed, expected) -> None:
    field = DateEdit()
    qtbot.addWidget(field)
    field.setDate(date(2026, 3, 10))
    field.show()
    field.setFocus()
    field.lineEdit().selectAll()
    if typed.isascii():
        qtbot.keyClicks(field.lineEdit(), typed)
    else:  # an input method commits the Chinese text at once
        field.lineEdit().insert(typed)
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Tab)
    field.interpretText()
    assert field.date().toPython() == expected
    assert field.text() == expected.isoformat()


def test_what_is_not_a_date_is_not_taken() -> None:
    assert typed_date("2026-02-30") is None
    assert typed_date("5.2.2026") is None
    assert typed_date(" 2026年12月1日 ") == date(2026, 12, 1)


def test_an_error_under_a_narrow_field_takes_its_own_room(qtbot) -> None:
    # A box narrowed to 120 px once squeezed its message onto three lines the form had made no
    # room for: the text was drawn over the next field.
    from PySide6.QtWidgets import QFormLayout

    from ashore.ui.widgets.fields import CheckedLineEdit

    page = QWidget()
    qtbot.addWidget(page)
    form = QFormLayout(page)
    first = CheckedLineEdit(int, numeric=True)
    first.setMaximumWidth(120)
    second = CheckedLineEdit(int, numeric=True)
    form.addRow("Penalty waived (%)", first)
    form.addRow("Late fees waived (%)", second)
    page.resize(700, 300)
    page.show()
    first.line.setText("abc")
    first.line.editingFinished.emit()
    qtbot.waitUntil(first.error_label.isVisible)
    QApplication.processEvents()
    assert first.line.width() <= 120
    label = first.error_label
    assert label.heightForWidth(label.width()) <= label.height()
    bottom = label.mapTo(page, label.rect().bottomLeft()).y()
    assert bottom < second.mapTo(page, second.rect().topLeft()).y()


def test_a_new_form_does_not_open_red(qtbot) -> None:
    from ashore.ui.widgets.fields import CheckedLineEdit

    field = CheckedLineEdit(str)
    qtbot.addWidget(field)
    field.show()
    assert field.error == "Required"  # Save stays off
    assert not field.error_label.isVisible()
    field.line.setFocus()
    field.line.editingFinished.emit()  # passing through says nothing
    assert not field.error_label.isVisible()
    field.touch()  # the user typed in it and left it empty, or tried to save
    assert field.error_label.isVisible()
