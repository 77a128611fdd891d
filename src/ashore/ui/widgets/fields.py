"""Input fields that check what is typed as it is typed and show the message under the field."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QResizeEvent,
    QTextLayout,
    QTextOption,
    QValidator,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ashore.app.errors import InputError
from ashore.domain.money import AmountError
from ashore.ui.messages import error_detail
from ashore.ui.widgets.style import set_invalid, tabular_font

_TYPED_DATE = re.compile(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*")


def typed_date(text: str) -> date | None:
    """The date in ``text`` typed whole (2026-02-05, 2026-2-5, 2026/02/05, 2026年2月5日), or None
    when it is not one, or not a day that exists."""
    found = _TYPED_DATE.fullmatch(text)
    if found is None:
        return None
    try:
        return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None


class DateEdit(QDateEdit):
    """A date field that takes a date typed whole, in any of ``typed_date``'s forms, year
    included; the calendar pops up for picking. Shown as YYYY-MM-DD."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Typed text is read as a whole when the field is left, not section by section.
        self.setKeyboardTracking(False)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """What is typed goes into the text as in any text box (replacing a selection, e.g. after
        Ctrl+A), not section by section: QDateEdit would put "2" into the selected day and append
        the rest. The whole text is read when the field is left (``dateTimeFromText``)."""
        if not type_whole(self, event):
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        return one_tab(self, next)

    def validate(self, text: str, pos: int) -> object:
        found = typed_date(text)
        if found is not None:
            if self.minimumDate().toPython() <= found <= self.maximumDate().toPython():
                return QValidator.State.Acceptable, text, pos
            return QValidator.State.Intermediate, text, pos
        if re.fullmatch(r"[\d\s\-/.年月日]*", text):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:
        found = typed_date(text)
        if found is None:
            return self.dateTime()
        return QDateTime(QDate(found.year, found.month, found.day), self.time())

    def textFromDateTime(self, value: QDateTime) -> str:
        return value.date().toString("yyyy-MM-dd")

    def fixup(self, text: str) -> str:
        found = typed_date(text)
        return found.isoformat() if found is not None else self.date().toString("yyyy-MM-dd")


def type_whole(field: QDateTimeEdit, event: QKeyEvent) -> bool:
    """Put a typed key into the field's text as a text box does; False for other keys."""
    text = event.text()
    shortcut = event.modifiers() & (
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    editing = event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
    if shortcut or not (editing or (text and text.isprintable())):
        return False
    # QDateTimeEdit would also put its sections back as they were on each change: it hears of
    # the text only when the field is left (``interpret``), then reads it whole.
    line = field.lineEdit()
    blocked = line.blockSignals(True)
    try:
        QLineEdit.keyPressEvent(line, event)
    finally:
        line.blockSignals(blocked)
    return True


_TIME = re.compile(r"\s*(\d{1,2})\s*[:：.]?\s*(\d{2})\s*")


def typed_time(text: str) -> tuple[int, int] | None:
    """ "23:10", "2310", "9:05" -> (hours, minutes); None when it is not a time of day."""
    found = _TIME.fullmatch(text)
    if found is None:
        return None
    hours, minutes = int(found.group(1)), int(found.group(2))
    return (hours, minutes) if hours < 24 and minutes < 60 else None


class TypedDateTimeEdit(QDateTimeEdit):
    """A date-and-time field typed as text: "2026-12-02 23:10", or a time alone ("23:10",
    "2310") for the day shown; select-all and type replaces it all, not section by section
    (typing 23:10 gave 01:47). Read whole when the field is left; one Tab leaves it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.setKeyboardTracking(False)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not type_whole(self, event):
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        return one_tab(self, next)

    def _read(self, text: str) -> QDateTime | None:
        time = typed_time(text)
        if time is not None:
            return QDateTime(self.date(), QTime(*time))
        day, _, clock = text.strip().rpartition(" ")
        found, time = typed_date(day), typed_time(clock)
        if found is None or time is None:
            return None
        return QDateTime(QDate(found.year, found.month, found.day), QTime(*time))

    def validate(self, text: str, pos: int) -> object:
        if self._read(text) is not None:
            return QValidator.State.Acceptable, text, pos
        if re.fullmatch(r"[\d\s\-/.:：年月日]*", text):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:
        found = self._read(text)
        return found if found is not None else self.dateTime()

    def textFromDateTime(self, value: QDateTime) -> str:
        return value.toString("yyyy-MM-dd HH:mm")

    def fixup(self, text: str) -> str:
        return self.textFromDateTime(self.dateTimeFromText(text))


def one_tab(field: QDateTimeEdit, forward: bool) -> bool:
    """Tab leaves a date (or date-time) field at once: QDateTimeEdit would first walk its
    sections (year, month, day), three Tabs to leave "First due date". What was typed is read
    as the field is left (read whole here, as QDateTimeEdit did before its next section)."""
    field.interpretText()
    return QWidget.focusNextPrevChild(field, forward)


class OneTabDateEdit(QDateEdit):
    """A plain date field (sections, no typed-whole reading) that one Tab leaves."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return one_tab(self, next)


class WheelGuard(QObject):
    """The mouse wheel over a combo box or spin box that does not have the focus scrolls the page
    instead of changing the value (a long form scrolled past a field must not change it).

    Installed on each field (``guard_wheel``), not on the application: an application-wide
    filter written in Python is called for objects half destroyed, and that crashes PySide."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        if watched.hasFocus():
            return False
        parent = watched.parentWidget()
        if parent is not None:
            QCoreApplication.sendEvent(parent, event)
        return True


def guard_wheel(root: QWidget) -> None:
    """Guard every combo box and spin box under ``root`` (and ``root`` itself) from the wheel
    while it has no focus; a click or Tab gives it the focus."""
    app = QCoreApplication.instance()
    if app is None:
        return
    found = app.findChild(WheelGuard, "wheelGuard")
    guard = found if isinstance(found, WheelGuard) else WheelGuard(app)
    guard.setObjectName("wheelGuard")
    fields: list[QWidget] = [*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox)]
    if isinstance(root, (QComboBox, QAbstractSpinBox)):
        fields.append(root)
    for field in fields:
        if field.property("wheelGuarded"):
            continue
        field.setProperty("wheelGuarded", True)
        field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        field.installEventFilter(guard)


def user_message(error: Exception) -> str:
    """The message of an input error without its field path (the field is obvious on screen),
    in the interface's language when a form can cause it (ashore.ui.messages, by its code)."""
    stripped = error_detail(error)
    return stripped[:1].upper() + stripped[1:] if stripped else str(error)


def elide_lines(text: str, font: QFont, width: int, lines: int) -> str:
    """``text`` as it fits in ``lines`` lines of ``width`` pixels, wrapped at words, the last
    line elided ("…") when it does not all fit; the text itself when it does."""
    metrics = QFontMetrics(font)
    if not text or width <= 0:
        return text
    if lines <= 1:
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    starts: list[int] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    if len(starts) <= lines:
        return text
    kept = [text[a:b].rstrip() for a, b in itertools.pairwise(starts[:lines])]
    last = metrics.elidedText(text[starts[lines - 1] :], Qt.TextElideMode.ElideRight, width)
    return "\n".join([*kept, last])


# Latin and Chinese: a Chinese line is set in a fallback CJK font, taller than the label's own
# font's line spacing (a two-line slot cut its second line in half: ninth walk's 3).
_LINE_SAMPLE = "Ag\u4e2d\u6587"


def _line_height(font: QFont) -> int:
    """The height of one laid-out line of text in ``font``, Chinese included."""
    layout = QTextLayout(_LINE_SAMPLE, font)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return max(QFontMetrics(font).lineSpacing(), math.ceil(line.height()))


class SteadyLabel(QLabel):
    """A label that keeps its room, ``lines`` lines high, whether it says something or not:
    a message coming or going moves nothing around it (a click meant for the next field landed
    in the one above once a line had pushed it down). A message longer than its lines is elided
    ("…"), the whole of it in the tooltip; ``text()`` is the whole message."""

    def __init__(
        self, parent: QWidget | None = None, *, lines: int = 1, frame: tuple[int, int] = (0, 0)
    ) -> None:
        """``frame``: the width and height its stylesheet's padding and border take."""
        super().__init__(parent)
        self._lines = max(1, lines)
        self._frame = frame
        self._message = ""
        self.setWordWrap(self._lines > 1)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # As wide as its field, never wider: a long message is elided under the field instead of
        # widening the field's column and moving the fields beside it.
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self._fit_height()

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        height = _line_height(self.font()) * self._lines + margins.top() + margins.bottom()
        self.setFixedHeight(height + self._frame[1] + 1)

    def text(self) -> str:  # type: ignore[override]
        return self._message

    def setText(self, text: str) -> None:  # type: ignore[override]
        self._message = text
        self._elide()

    def show_message(self, text: str) -> None:
        """Say ``text`` (hidden while empty, its room kept)."""
        self.setText(text)
        self.setVisible(bool(text))

    def _elide(self) -> None:
        width = self.contentsRect().width() - self._frame[0]
        shown = elide_lines(self._message, self.font(), width, self._lines)
        QLabel.setText(self, shown)
        self.setToolTip(self._message if shown != self._message else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()
            self._elide()


class ErrorLabel(SteadyLabel):
    """The small red line under a field; hidden while empty, its room kept (``SteadyLabel``)."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 1) -> None:
        super().__init__(parent, lines=lines)
        self.setObjectName("fieldError")
        self.setVisible(False)


class _Line(QLineEdit):
    """The line of a ``CheckedLineEdit``: tells how the focus left it."""

    left = Signal(object)  # Qt.FocusReason

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit(event.reason())


# The focus leaving a field for these is not the user leaving it: the window went to the back, a
# menu or a popup opened (File ▸ Export turned an untouched Amount red).
_NOT_LEFT = (
    Qt.FocusReason.ActiveWindowFocusReason,
    Qt.FocusReason.PopupFocusReason,
    Qt.FocusReason.MenuBarFocusReason,
)


class CheckedLineEdit(QWidget):
    """A line edit with a parser: ``value`` holds the parsed value, ``error`` the message, if any.

    ``parse`` takes the text and returns a value or raises AmountError / InputError / ValueError.
    An empty optional field is valid and its value is ``empty_value``.
    """

    changed = Signal()
    messageChanged = Signal(str)  # the message shown under the field ("" when none)

    def __init__(
        self,
        parse: Callable[[str], Any],
        *,
        required: bool = True,
        empty_value: Any = None,
        placeholder: str = "",
        numeric: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._parse = parse
        self._required = required
        self._empty_value = empty_value
        self.value: Any = empty_value
        self.error = ""
        self._external = ""
        # An empty required field says "Required" only once the user typed in it and left it
        # empty, or tried to save: not for Tab passing through, nor for the window losing the
        # focus, so a blank new form does not turn red before anything is wrong.
        self._touched = False
        self._edited = False
        self._shown = ""
        self._elsewhere = False  # the form says the message elsewhere (``say_elsewhere``)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.line = _Line()
        self.line.setPlaceholderText(placeholder)
        if numeric:
            self.line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.line.setFont(tabular_font(self.line.font()))
        self.error_label = ErrorLabel()
        layout.addWidget(self.line)
        layout.addWidget(self.error_label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusProxy(self.line)
        self.line.textChanged.connect(self._on_text)
        self.line.textEdited.connect(self._on_edited)
        self.line.left.connect(self._on_left)
        self.line.returnPressed.connect(self.touch)
        self.validate()

    def setMaximumWidth(self, width: int) -> None:
        """Bound the input box, not the message under it: squeezed into a narrow box, a message
        wrapped onto lines the form had not made room for and was drawn over the next field."""
        self.line.setMaximumWidth(width)

    def _on_edited(self) -> None:
        self._edited = True

    def _on_left(self, reason: Qt.FocusReason) -> None:
        if self._edited and reason not in _NOT_LEFT:
            self.touch()

    def touch(self) -> None:
        """The user is done with the field (typed and left it, or tried to save): an empty
        required field says so from now on."""
        if not self._touched:
            self._touched = True
            self._show(self.error or self._external)

    def _on_text(self) -> None:
        self._external = ""
        self.validate()
        self.changed.emit()

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:
        self.line.setText(text)
        self._on_text()

    def reset(self, text: str = "") -> None:
        """Fill the field anew (a form cleared after a save): untouched again, so an empty
        required field does not turn red before the user types."""
        self._touched = False
        self._edited = False
        self.setText(text)

    def untouch(self) -> None:
        """Untouched again (a new form): an empty required field says nothing until the user
        types in it and leaves it empty, or tries to save."""
        self._touched = False
        self._edited = False
        self._show(self.error or self._external)

    def validate(self) -> bool:
        """Parse the text again (e.g. after another field it depends on changed)."""
        text = self.line.text()
        message = ""
        if not text.strip():
            self.value = self._empty_value
            if self._required:
                message = self.tr("Required")
        else:
            try:
                self.value = self._parse(text)
            except (AmountError, InputError, ValueError) as problem:
                self.value = self._empty_value
                message = user_message(problem)
        self.error = message
        self._show(message or self._external)
        return not message

    def show_error(self, text: str) -> None:
        """Show a message that came from elsewhere (the service refused a save)."""
        self._external = text
        self._show(text or self.error)

    def _show(self, text: str) -> None:
        if not self._touched and not self.line.text().strip() and not self._external:
            text = ""
        if self._elsewhere:
            self.error_label.setText(text)
        else:
            self.error_label.show_message(text)
        set_invalid(self.line, bool(text))
        if text != self._shown:
            self._shown = text
            self.messageChanged.emit(text)

    def say_elsewhere(self) -> None:
        """The form says this field's message in a line of its own (``messageChanged``): the
        field keeps its outline in red and takes no room for a line under it."""
        self._elsewhere = True
        self.error_label.hide()
        self.error_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    @property
    def message(self) -> str:
        """The message shown for the field now ("" when none)."""
        return self._shown

    @property
    def valid(self) -> bool:
        return not self.error
