"""The fees of a loan in its Details tab: one row per fee (name, amount, per installment or once),
added and removed by the borrower.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ashore.domain.kinds import FEE_PERS
from ashore.domain.money import parse_amount
from ashore.domain.records import Fee
from ashore.ui.loan.values import _required_text, amount_text
from ashore.ui.widgets.fields import CheckedLineEdit, guard_wheel


class FeeRow(QWidget):
    """One fee: name, amount, and whether it is charged with every installment or once."""

    changed = Signal()
    removeRequested = Signal(object)

    def __init__(self, currency: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._currency = currency
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.name = CheckedLineEdit(
            _required_text("fee.name"), placeholder=self.tr("e.g. service fee")
        )
        self.amount = CheckedLineEdit(
            lambda text: parse_amount(
                text, field="fee.amount", currency=self._currency(), units=True
            ),
            placeholder="0.00",
            numeric=True,
        )
        self.per = QComboBox()
        for per in FEE_PERS:
            self.per.addItem(fee_per_label(per), per)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setToolTip(self.tr("Remove this fee"))
        layout.addWidget(self.name, 3)
        layout.addWidget(self.amount, 2)
        layout.addWidget(self.per, 2, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)
        self.name.changed.connect(self.changed)
        self.amount.changed.connect(self.changed)
        self.per.currentIndexChanged.connect(self.changed)
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self))

    def set_fee(self, fee: Fee, locale: str) -> None:
        self.name.setText(fee.name)
        self.amount.setText(amount_text(fee.amount, self._currency(), locale))
        self.per.setCurrentIndex(max(0, self.per.findData(fee.per)))

    @property
    def valid(self) -> bool:
        return self.name.valid and self.amount.valid

    def fee(self) -> Fee:
        return Fee(name=self.name.value, amount=self.amount.value, per=self.per.currentData())


def fee_per_label(per: str) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        "installment": QCoreApplication.translate("LoanForm", "with every installment"),
        "once": QCoreApplication.translate("LoanForm", "once"),
        "upfront": QCoreApplication.translate("LoanForm", "kept back when the money was paid out"),
    }
    return labels.get(per, per)


class FeeTable(QWidget):
    """The small table of fees: add and remove rows; each row checks itself."""

    changed = Signal()

    def __init__(self, currency: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._currency = currency
        self.rows: list[FeeRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.header = QWidget()
        header = QHBoxLayout(self.header)
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(8)
        for text, stretch in (
            (self.tr("Name"), 3),
            (self.tr("Amount"), 2),
            (self.tr("Charged"), 2),
        ):
            label = QLabel(text)
            label.setObjectName("hint")
            header.addWidget(label, stretch)
        self._remove_width = QPushButton(self.tr("Remove")).sizeHint().width()
        header.addSpacing(self._remove_width)
        self.empty = QLabel(self.tr("No fees."))
        self.empty.setObjectName("hint")
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(6)
        self.add_button = QPushButton(self.tr("Add fee"))
        layout.addWidget(self.header)
        layout.addWidget(self.empty)
        layout.addLayout(self.rows_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_row())
        self._update_empty()

    def add_row(self, fee: Fee | None = None, locale: str = "en") -> FeeRow:
        row = FeeRow(self._currency)
        if fee is not None:
            row.set_fee(fee, locale)
        row.changed.connect(self.changed)
        row.removeRequested.connect(self.remove_row)
        self.rows.append(row)
        self.rows_box.addWidget(row)
        guard_wheel(row)
        self._update_empty()
        self.changed.emit()
        return row

    def remove_row(self, row: FeeRow) -> None:
        self.rows.remove(row)
        self.rows_box.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._update_empty()
        self.changed.emit()

    def set_fees(self, fees: list[Fee], locale: str) -> None:
        for row in list(self.rows):
            self.remove_row(row)
        for fee in fees:
            self.add_row(fee, locale)

    def revalidate(self) -> None:
        for row in self.rows:
            row.amount.validate()

    def _update_empty(self) -> None:
        self.empty.setVisible(not self.rows)
        self.header.setVisible(bool(self.rows))

    @property
    def valid(self) -> bool:
        return all(row.valid for row in self.rows)

    def fees(self) -> list[Fee]:
        return [row.fee() for row in self.rows]
