"""Room for a widget's words: a combo box as wide as its longest choice, a line edit as wide as
its example (placeholder), and how much room each gives its text, for the tests that check no
word is cut ("%（年" for "%（年）", "例如：每天 9:00-2…"). Qt's own size hint of a combo box
under the window's style sheet and Chinese fonts came out short of its longest choice."""

from __future__ import annotations

import math

from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QWidget,
)

# QLineEdit keeps this many pixels free each side of its text, inside its contents rectangle.
LINE_EDIT_MARGIN = 2
_PROBE = 500  # any width: the frame, padding and arrow take the same pixels at every width


def text_width(widget: QWidget, text: str) -> int:
    """The whole pixels ``text`` takes in ``widget``'s font: its fractional advance rounded up.
    QFontMetrics.horizontalAdvance rounds to the nearest, and Qt elides a text that is a
    fraction of a pixel wider than its room ("例如：每天 9:00–21:…" in 131 pixels for 131.25)."""
    return math.ceil(QFontMetricsF(widget.font()).horizontalAdvance(text))


def combo_room(combo: QComboBox, width: int | None = None) -> int:
    """The pixels a combo box at ``width`` (its own width by default) gives the text of its
    current choice."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    option.rect = QRect(0, 0, combo.width() if width is None else width, combo.height())
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


def line_edit_room(edit: QLineEdit, width: int | None = None) -> int:
    """The pixels a line edit at ``width`` (its own width by default) gives its text."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    option.rect = QRect(0, 0, edit.width() if width is None else width, edit.height())
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    return contents.width() - margins.left() - margins.right() - 2 * LINE_EDIT_MARGIN


def fit_combo(combo: QComboBox) -> None:
    """At least as wide as its longest choice needs (call it once the choices are in)."""
    combo.ensurePolished()  # the style sheet's font, not the default one
    widest = max((text_width(combo, combo.itemText(i)) for i in range(combo.count())), default=0)
    combo.setMinimumWidth(max(combo.minimumWidth(), widest + _PROBE - combo_room(combo, _PROBE)))


def fit_line_edit(edit: QLineEdit) -> None:
    """At least as wide as its example (placeholder) needs."""
    edit.ensurePolished()
    needed = text_width(edit, edit.placeholderText())
    edit.setMinimumWidth(max(edit.minimumWidth(), needed + _PROBE - line_edit_room(edit, _PROBE)))
