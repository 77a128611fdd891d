"""The order in which a payment settles the parts of an installment (fees, penalty, interest,
principal), in a loan's Details tab: a list to drag, or move with Up / Down.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ashore.domain.kinds import ALLOCATION_PARTS


def allocation_label(part: str) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        "fees": QCoreApplication.translate("LoanForm", "Fees"),
        "penalty": QCoreApplication.translate("LoanForm", "Penalty interest"),
        "interest": QCoreApplication.translate("LoanForm", "Interest"),
        "principal": QCoreApplication.translate("LoanForm", "Principal"),
    }
    return labels.get(part, part)


class AllocationList(QWidget):
    """The order in which a payment settles the parts of an installment: drag, or Up / Down."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.model().rowsMoved.connect(self.changed)
        self.list.setMaximumWidth(280)
        buttons = QVBoxLayout()
        self.up = QPushButton(self.tr("Move up"))
        self.down = QPushButton(self.tr("Move down"))
        self.reset = QPushButton(self.tr("Usual order"))
        self.reset.setToolTip(self.tr("Fees, then penalty, then interest, then principal"))
        for button in (self.up, self.down, self.reset):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.reset.clicked.connect(lambda: self.set_order(ALLOCATION_PARTS, notify=True))
        self.set_order(ALLOCATION_PARTS)

    def set_order(self, order: tuple[str, ...], notify: bool = False) -> None:
        self.list.clear()
        for index, part in enumerate(order, start=1):
            item = QListWidgetItem(f"{index}.  {allocation_label(part)}")
            item.setData(Qt.ItemDataRole.UserRole, part)
            self.list.addItem(item)
        rows = self.list.count()
        row_height = self.list.sizeHintForRow(0) if rows else 20
        self.list.setFixedHeight(row_height * rows + 2 * self.list.frameWidth() + 4)
        if notify:
            self.changed.emit()

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        order = list(self.order())
        order[row], order[target] = order[target], order[row]
        self.set_order(tuple(order), notify=True)
        self.list.setCurrentRow(target)

    def order(self) -> tuple[str, ...]:
        return tuple(
            self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
        )
