"""The claims panel: note what the lender says you owe (date, amount, source) and see at once how
far it is from what the contract gives on that date."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ashore.app.context import Context
from ashore.app.errors import DataError, InputError
from ashore.domain.records import Claim, Loan
from ashore.services.payments import Payments
from ashore.services.views import payments as payments_view
from ashore.ui import dialogs
from ashore.ui.payments.models import ClaimsModel
from ashore.ui.widgets.fields import ErrorLabel, user_message
from ashore.ui.widgets.style import fit_columns
from ashore.ui.widgets.workspace import amount_field, date_field, date_text, table_view


class ClaimsPanel(QGroupBox):
    """Record and list the lender's claims; ``changed`` after a write."""

    changed = Signal()

    def __init__(
        self, payments: Payments, ctx: Context, locale: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What the lender says you owe"))
        self.payments = payments
        self.ctx = ctx
        self.babel = locale
        self.loan: Loan | None = None
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        self.day = date_field()
        self.day.setObjectName("claimDate")
        self.amount = amount_field(
            lambda: self.loan.currency if self.loan else "CNY", positive=False
        )
        self.amount.setObjectName("claimAmount")
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("SMS, app screen, call with agent 0231…"))
        form.addRow(self.tr("On"), self.day)
        form.addRow(self.tr("They say"), self.amount)
        form.addRow(self.tr("Source"), self.source)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add claim"))
        self.delete_button = QPushButton(self.tr("Delete claim…"))
        self.delete_button.setObjectName("danger")
        # Beside the button, two lines whose room is kept (elided, whole in the tooltip): what
        # is wrong with On or They say, named by the field (outlined in red), or the service's
        # refusal. Lines under the fields pushed the fields below them as they came.
        self.error = ErrorLabel(lines=2)
        self._refusal = ""
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(buttons)
        layout.addStretch(1)
        # The list of claims lives in a box of its own, which the Payments tab puts under this
        # form, beside the payments made, so the two lists line up.
        self.list_box = QGroupBox(self.tr("Claims recorded"))
        list_layout = QVBoxLayout(self.list_box)
        self.model = ClaimsModel("CNY", locale, self)
        self.view = table_view(self.model, "claims")
        fit_columns(self.view, ClaimsModel.Column.SOURCE)
        list_layout.addWidget(self.view, 1)
        under = QHBoxLayout()
        under.addStretch(1)
        under.addWidget(self.delete_button)
        list_layout.addLayout(under)
        self.add_button.clicked.connect(self.add)
        self.delete_button.clicked.connect(self.delete)
        self.day.changed.connect(self._update)
        self.amount.changed.connect(self._update)
        for field in (self.day, self.amount):
            field.say_elsewhere()
            field.messageChanged.connect(self._show_error)
        self.view.selectionModel().selectionChanged.connect(self._update)

    def _currency(self) -> str:
        return self.loan.currency if self.loan is not None else "CNY"

    def set_loan(self, loan: Loan) -> None:
        self.loan = loan
        self.model.currency = loan.currency
        # reset, not setText: after a claim is added the form is new again, not "Required" in red
        self.amount.reset()
        self.source.clear()
        self.day.reset(self.ctx.today.isoformat())
        self._refusal = ""
        self._show_error()
        self.model.set_claims(payments_view.claim_lines(loan))
        self._update()

    def _show_error(self) -> None:
        """Beside Add claim: the first field's message, named by its label, else the service's
        refusal."""
        for label, field in ((self.tr("On"), self.day), (self.tr("They say"), self.amount)):
            if field.message:
                text = self.tr("%1: %2").replace("%1", label).replace("%2", field.message)
                self.error.show_message(text)
                return
        self.error.show_message(self._refusal)

    def _update(self) -> None:
        self.add_button.setEnabled(self.day.valid and self.amount.valid)
        self.delete_button.setEnabled(bool(self.view.selectionModel().selectedRows()))

    def add(self) -> None:
        if self.loan is None or not (self.day.valid and self.amount.valid):
            self.day.touch()  # tried to record: an empty field says what it needs
            self.amount.touch()
            return
        claim = Claim(self.day.value, self.amount.value, self.source.text().strip())
        try:
            self.payments.add_claim(self.loan.id, claim)
        except (InputError, DataError) as problem:
            self._refusal = user_message(problem)
            self._show_error()
            return
        self.changed.emit()

    def delete(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if self.loan is None or not rows:
            return
        index = self.model.index_in_loan(rows[0].row())
        if not dialogs.confirm(
            self,
            self.tr("Delete claim"),
            self.tr("Delete the claim of %1?").replace(
                "%1", date_text(self.loan.claims[index].date, self.babel)
            ),
            self.tr("Delete"),
        ):
            return
        try:
            self.payments.delete_claim(self.loan.id, index)
        except (InputError, DataError) as problem:
            self._refusal = user_message(problem)
            self._show_error()
            return
        self.changed.emit()
