"""The loan form's Lender box: chosen from the list, or typed. Typing offers the lenders whose
name holds what is typed (completion); a name that is one of them, in any case, chooses it; Enter
on a name that is none asks for it as a new lender (the list's "New lender…", with the name
filled in). Seventh walk's 1: the box said "Choose a lender, or add a new one" and ignored typing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the lender's name, beside a label that says more


class LenderBox(QComboBox):
    """An editable combo box whose items are lenders (data: the id, NAME_ROLE: the name) and
    actions. ``newNameEntered(name)``: Enter on a name that matches no lender."""

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

    def _entered(self) -> None:
        if not self.resolve() and self.typed():
            self.newNameEntered.emit(self.typed())
