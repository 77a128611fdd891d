"""Input fields that check what is typed as it is typed and show the message under the field."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from ashore.errors import InputError
from ashore.money import AmountError
from ashore.ui.messages import input_error_text
from ashore.ui.style import set_invalid, tabular_font

# "loan.principal: must be more than zero" -> "must be more than zero": the field is obvious on
# screen, the path is for files and the command line.
_PATH_PREFIX = re.compile(r"^[\w.\[\]]+:\s+")


def user_message(error: Exception) -> str:
    """The message of an input error without its leading field path, translated when a form
    can cause it."""
    text = str(error)
    stripped = input_error_text(_PATH_PREFIX.sub("", text, count=1))  # in the interface's language
    return stripped[:1].upper() + stripped[1:] if stripped else text


class ErrorLabel(QLabel):
    """The small red line under a field; takes no room while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setVisible(False)

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class CheckedLineEdit(QWidget):
    """A line edit with a parser: ``value`` holds the parsed value, ``error`` the message, if any.

    ``parse`` takes the text and returns a value or raises AmountError / InputError / ValueError.
    An empty optional field is valid and its value is ``empty_value``.
    """

    changed = Signal()

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
        # An empty required field says "Required" only once the user has been in it, so a blank
        # new form does not open covered in red.
        self._touched = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.line = QLineEdit()
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
        self.line.editingFinished.connect(self._on_edited)
        self.validate()

    def _on_edited(self) -> None:
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
        self.error_label.show_message(text)
        set_invalid(self.line, bool(text))

    @property
    def valid(self) -> bool:
        return not self.error
