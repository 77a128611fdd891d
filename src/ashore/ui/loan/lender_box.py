"""The loan form's Lender box: chosen from the list, or typed. Typing offers the lenders whose
name holds what is typed (completion); a name that is one of them, in any case, chooses it; Enter
on a name that is none asks for it as a new lender (the list's "New lender…", with the name
filled in). Seventh walk's 1: the box said "Choose a lender, or add a new one" and ignored typing.
Leaving the box for another field (Tab, a click) on such a name asks the same (eighth walk's 2:
only Enter did, and the name typed was left in the box, unsaid).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the lender's name, beside a label that says more


class LenderBox(QComboBox):
    """An editable combo box whose items are lenders (data: the id, NAME_ROLE: the name) and
    actions. ``newNameEntered(name)``: Enter on a name that matches no lender, or the box left
    for another field of the window on one."""

    newNameEntered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.edit = QLineEdit(self)  # the typing field
        self.setLineEdit(self.edit)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # typing never adds an item
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.edit.returnPressed.connect(self._entered)
        self.edit.editingFinished.connect(self.resolve)

    def setPlaceholderText(self, text: str) -> None:
        """Shown in the typing field (an editable box's own placeholder is never painted)."""
        super().setPlaceholderText(text)
        self.edit.setPlaceholderText(text)

    def add_lender(self, label: str, lender_id: str, name: str) -> None:
        self.addItem(label, lender_id)
        self.setItemData(self.count() - 1, name, NAME_ROLE)

    def typed(self) -> str:
        return self.edit.text().strip()

    def chosen(self) -> object:
        """The current item's data when the box shows it, None while it shows typed words that
        are no lender yet (the current index still names the one shown before)."""
        index = self.currentIndex()
        if index < 0 or self.edit.text() != self.itemText(index):
            return None
        return self.currentData()

    def unknown_name(self) -> str:
        """The typed name when it matches no lender ("" when the box shows a choice)."""
        return "" if self.chosen() is not None else self.typed()

    def resolve(self) -> bool:
        """Choose the lender the typed name is (any case); False when it is none."""
        if self.chosen() is not None:
            return True
        wanted = self.typed().casefold()
        for index in range(self.count()):
            name = self.itemData(index, NAME_ROLE)
            if wanted and isinstance(name, str) and name.casefold() == wanted:
                self.setCurrentIndex(index)
                self.activated.emit(index)
                return True
        return False

    # Leaving for another field of the window: not a switch to another window, nor the
    # completion's popup taking the keys for a moment.
    _LEFT = (
        Qt.FocusReason.TabFocusReason,
        Qt.FocusReason.BacktabFocusReason,
        Qt.FocusReason.MouseFocusReason,
        Qt.FocusReason.ShortcutFocusReason,
    )

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)  # the typing field's editingFinished: a known name is chosen
        name = self.unknown_name()
        if event.reason() in self._LEFT and name:
            # once the focus has moved: a dialog opened inside the focus change would take it
            QTimer.singleShot(0, self, lambda: self._offer(name))

    def _offer(self, name: str) -> None:
        if self.unknown_name() == name:  # still shown, not chosen or changed meanwhile
            self.newNameEntered.emit(name)

    def move_on(self) -> None:
        """Give the focus to the next field of the form when the box has it."""
        window = self.window()
        if window.focusWidget() not in (self, self.edit):
            return
        widget = self.nextInFocusChain()
        while widget is not self and widget is not None:
            if (
                widget.isVisibleTo(window)
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and not self.isAncestorOf(widget)
                and widget.focusProxy() is None
            ):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _entered(self) -> None:
        if not self.resolve() and self.typed():
            self.newNameEntered.emit(self.typed())
