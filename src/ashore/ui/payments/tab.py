"""The Payments tab: record a payment, see each installment of the plan in force as paid, partly
paid, due or overdue, a loud banner when a due date is near or an agreed installment was missed,
and the lender's claims."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ashore.app.context import Context
from ashore.app.errors import DataError, InputError
from ashore.domain.records import Loan, Payment
from ashore.services import plans
from ashore.services.payments import Payments
from ashore.services.views import payments as payments_view
from ashore.ui import dialogs
from ashore.ui.payments.claims import ClaimsPanel
from ashore.ui.payments.models import (
    PaymentsModel,
    PlanEntriesModel,
    late_sentence,
    missed_dates,
)
from ashore.ui.widgets.fields import ErrorLabel, user_message
from ashore.ui.widgets.style import MARGIN, SPACING, fit_columns, table_height
from ashore.ui.widgets.undo import Changed, RecordPaymentCommand
from ashore.ui.widgets.workspace import (
    amount_field,
    date_field,
    date_text,
    money_text,
    say,
    table_view,
)

BANNER_STYLE = {
    "alarm": "background: #fde3e0; color: #8f1d15; border: 2px solid #d9483b; border-radius: 6px;"
    " padding: 10px 12px; font-weight: 600;",
    "warn": "background: #fdf0dc; color: #6b4100; border: 2px solid #e0a040; border-radius: 6px;"
    " padding: 10px 12px; font-weight: 600;",
}


class PaymentsTab(QWidget):
    """Payments and claims of one loan; ``loanChanged(id)`` after a write."""

    loanChanged = Signal(str)

    def __init__(
        self,
        payments: Payments,
        ctx: Context,
        locale: str,
        parent: QWidget | None = None,
        undo: tuple[QUndoStack, Changed] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.payments = payments
        # the window's undo stack and what refreshes the window after an undo: recording a
        # payment is an edit Edit ▸ Undo takes back, as the loan's own edits are
        self.undo = undo
        self.ctx = ctx
        self.babel = locale
        self.loan: Loan | None = None
        self._pending: Loan | None = None  # the loan to show once the tab is opened
        self.last_status = ""  # what the status bar was last told
        self.warnings: list[payments_view.PaymentWarning] = []
        self.late: list[payments_view.LatePayment] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, 8, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        self.banner = QLabel()
        self.banner.setObjectName("paymentBanner")
        self.banner.setWordWrap(True)
        # While the same loan is shown its room never shrinks nor goes (``_steady_banner``): a
        # banner one line shorter after a payment moved the form up 14 px, and a click on
        # Record payment missed it.
        self.banner.setVisible(False)
        layout.addWidget(self.banner)

        # The installments are what the user reads first: the whole width, ten rows or more.
        plan_box = QGroupBox(self.tr("Installments of the plan in force"))
        plan_column = QVBoxLayout(plan_box)
        self.entries_model = PlanEntriesModel("CNY", locale, self)
        self.entries_view = table_view(self.entries_model, "planEntries")
        # the dates and amounts whole first; the plan and status words give way ("…", whole in
        # the tooltip) in a small window, where an even share cut the dates to "202…"
        fit_columns(
            self.entries_view, (PlanEntriesModel.Column.SOURCE, PlanEntriesModel.Column.STATUS)
        )
        self.entries_view.setMinimumHeight(table_height(self.entries_view, 10))
        plan_column.addWidget(self.entries_view)
        layout.addWidget(plan_box, 3)

        # Below: the two forms side by side, and under them the lists they add to.
        grid = QGridLayout()
        grid.setHorizontalSpacing(SPACING)
        grid.setVerticalSpacing(SPACING)
        record = QGroupBox(self.tr("Record a payment"))
        form = QFormLayout(record)
        form.setHorizontalSpacing(12)
        self.day = date_field()
        self.day.setObjectName("paymentDate")
        self.amount = amount_field(lambda: self.loan.currency if self.loan else "CNY")
        self.amount.setObjectName("paymentAmount")
        self.method = QLineEdit()
        self.method.setPlaceholderText(self.tr("Alipay, bank transfer, in the app…"))
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("transaction number"))
        self.record_button = QPushButton(self.tr("Record payment"))
        self.record_button.setObjectName("primary")
        # Beside the button, two lines whose room is kept (elided, whole in the tooltip): what
        # is wrong with Paid on or Amount, named by the field (the field outlined in red), or the
        # service's refusal. A line opening under Paid on pushed Amount down, and the click
        # meant for Amount landed in Paid on; a line under each would push the button out of
        # sight at 1280x800.
        self.error = ErrorLabel(lines=2)
        self._refusal = ""
        form.addRow(self.tr("Paid on"), self.day)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("How"), self.method)
        form.addRow(self.tr("Reference"), self.reference)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(buttons)
        self.claims = ClaimsPanel(payments, ctx, locale)
        grid.addWidget(record, 0, 0)
        grid.addWidget(self.claims, 0, 1)

        made = QGroupBox(self.tr("Payments made"))
        made_column = QVBoxLayout(made)
        self.payments_model = PaymentsModel("CNY", locale, self)
        self.payments_view = table_view(self.payments_model, "payments")
        fit_columns(self.payments_view, PaymentsModel.Column.REFERENCE)
        self.payments_view.setMinimumHeight(table_height(self.payments_view, 4))
        made_column.addWidget(self.payments_view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.delete_button = QPushButton(self.tr("Delete payment…"))
        self.delete_button.setObjectName("danger")
        row.addWidget(self.delete_button)
        made_column.addLayout(row)
        # Each list the whole width: beside the payments, the claims' Source had room for "App …"
        # only (sixth walk's 2).
        grid.addWidget(made, 1, 0, 1, 2)
        grid.addWidget(self.claims.list_box, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(2, 1)
        layout.addLayout(grid, 2)

        self.record_button.clicked.connect(self.record)
        # Enter in a field records, as Enter saves the loan form (nothing while it is not valid).
        for line in (self.day.line, self.amount.line, self.method, self.reference):
            line.returnPressed.connect(self.record)
        self.delete_button.clicked.connect(self.delete)
        self.day.changed.connect(self._update)
        self.amount.changed.connect(self._update)
        for field in (self.day, self.amount):
            field.say_elsewhere()
            field.messageChanged.connect(self._show_error)
        self.payments_view.selectionModel().selectionChanged.connect(self._update)
        self.claims.changed.connect(self._after_write)

    # ----- filling -----------------------------------------------------------------------------
    def set_loan(self, loan: Loan) -> None:
        """Show ``loan``: at once, or, for a tab not open in a window on screen, when it is
        opened (every write on the loan reloads the tabs; a hidden one would fill for nobody)."""
        if self.window().isVisible() and not self.isVisible():
            self._pending = loan
            return
        self._fill(loan)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending is not None:
            self._fill(self._pending)

    def _fill(self, loan: Loan) -> None:
        self._pending = None
        same = self.loan is not None and self.loan.id == loan.id
        had = self._banner_room() if same else 0
        self.loan = loan
        for model in (self.entries_model, self.payments_model):
            model.currency = loan.currency
        st = plans.standing(loan, self.ctx.today)  # worked out once for both
        entries = payments_view.in_force_entries(loan, self.ctx.today, st)
        self.entries_model.today = self.ctx.today
        self.late = payments_view.late_payments(loan, self.ctx.today, st)
        self.entries_model.late = {p.number: p.days for p in self.late}
        self.entries_model.set_rows(entries)
        self.payments_model.set_payments(loan.payments)
        # Newest first, and in sight: a reset model keeps the old scroll (seventh walk's 3).
        self.payments_view.scrollToTop()
        self.warnings = payments_view.payment_warnings(entries, self.ctx.today)
        self._show_banner()
        self._steady_banner(had)
        self.day.reset(self.ctx.today.isoformat())
        self.amount.reset()
        self.method.clear()
        self.reference.clear()
        self._refusal = ""
        self._show_error()
        self.claims.set_loan(loan)
        first = next((i for i, e in enumerate(entries) if e.remaining > 0), None)
        if first is not None:
            self.entries_view.scrollTo(self.entries_model.index(first, 0))
        self._update()

    def banner_text(self) -> str:
        return self.banner.text() if self.banner.isVisible() else ""

    def _show_banner(self) -> None:
        late = late_sentence(self.late, self.babel)
        if not self.warnings or self.loan is None:
            # a late payment is history, not alarm: said plainly while nothing is due
            self.banner.setText(late)
            self.banner.setStyleSheet(BANNER_STYLE["warn"])
            self.banner.setVisible(bool(late) and self.loan is not None)
            return
        cur = self.loan.currency
        first = self.warnings[0]
        money = money_text(first.remaining, cur, self.babel)
        day = date_text(first.due, self.babel)
        missed = payments_view.missed_installments(self.warnings)
        if missed is not None and missed.count > 1:
            # every missed one, not the earliest alone (ninth walk's 4: Nov 15 went unsaid)
            text = self.tr(
                "⚠ You missed %n agreed installment(s): %1 (%2), the first %3 days ago. "
                "A second default usually voids the agreement: pay them now and tell the lender.",
                "",
                missed.count,
            )
            money = money_text(missed.total, cur, self.babel)
            day = missed_dates(missed, self.babel)
            style = "alarm"
        elif first.kind == "missed":
            text = self.tr(
                "⚠ You missed the agreed installment of %1 due %2 (%3 days ago). "
                "A second default usually voids the agreement: pay it now and tell the lender."
            )
            style = "alarm"
        elif first.kind == "overdue":
            count = sum(1 for w in self.warnings if w.kind == "overdue")
            text = (
                self.tr(
                    "⚠ %4 installments are overdue, the oldest %1 since %2 (%3 days): "
                    "penalty and late fees grow every day."
                )
                if count > 1
                else self.tr(
                    "⚠ An installment of %1 is overdue since %2 (%3 days): "
                    "penalty and late fees grow every day."
                )
            ).replace("%4", str(count))
            style = "alarm"
        else:
            text = (
                self.tr("◷ %1 is due today (%2).")
                if first.days == 0
                else self.tr("◷ %1 is due tomorrow (%2). Pay on time to keep the plan.")
                if first.days == 1
                else self.tr("◷ %1 is due on %2, in %3 days. Pay on time to keep the plan.")
            )
            style = "warn"
        text = text.replace("%1", money).replace("%2", day).replace("%3", str(first.days))
        soon = [w for w in self.warnings[1:] if w.kind == "soon"]
        if soon and first.kind != "soon":
            text += " " + self.tr("Next: %1 due %2.").replace(
                "%1", money_text(soon[0].remaining, cur, self.babel)
            ).replace("%2", date_text(soon[0].due, self.babel))
        self.banner.setText(text + (" " + late if late else ""))
        self.banner.setStyleSheet(BANNER_STYLE[style])
        self.banner.setVisible(True)

    def _banner_room(self) -> int:
        """The height the banner takes in the page now (0 when it takes none)."""
        retained = self.banner.sizePolicy().retainSizeWhenHidden()
        if not self.isVisible() or not (self.banner.isVisibleTo(self) or retained):
            return 0
        return self.banner.height()

    def _steady_banner(self, had: int) -> None:
        """After a write on the loan shown (a payment, a claim) the banner keeps the room it had
        (``had``), shown or not, and grows if it must; another loan starts afresh (room kept for
        a banner on every loan would push Record payment out of sight at 1280x800)."""
        policy = self.banner.sizePolicy()
        policy.setRetainSizeWhenHidden(had > 0)
        self.banner.setSizePolicy(policy)
        self.banner.setMinimumHeight(had)
        if had and not self.banner.text():
            self.banner.setVisible(False)  # hidden, its room kept

    def _show_error(self) -> None:
        """Beside Record payment: the first field's message, named by its label, else the
        service's refusal."""
        for label, field in ((self.tr("Paid on"), self.day), (self.tr("Amount"), self.amount)):
            if field.message:
                text = self.tr("%1: %2").replace("%1", label).replace("%2", field.message)
                self.error.show_message(text)
                return
        self.error.show_message(self._refusal)

    def _update(self) -> None:
        self.record_button.setEnabled(self.day.valid and self.amount.valid)
        self.delete_button.setEnabled(bool(self.payments_view.selectionModel().selectedRows()))

    # ----- writes ------------------------------------------------------------------------------
    def _after_write(self) -> None:
        if self.loan is None:
            return
        try:
            self.set_loan(self.payments.ledger.loan(self.loan.id))
        except (InputError, DataError) as problem:
            dialogs.error(self, user_message(problem))
        self.loanChanged.emit(self.loan.id)

    def record(self) -> None:
        if self.loan is None or not (self.day.valid and self.amount.valid):
            self.day.touch()  # tried to record: an empty field says what it needs
            self.amount.touch()
            return
        payment = Payment(
            self.day.value,
            self.amount.value,
            method=self.method.text().strip(),
            reference=self.reference.text().strip(),
        )
        if not self._confirm_unusual(payment):
            return
        loan_id = self.loan.id
        try:
            self.payments.add_payment(loan_id, payment)
        except (InputError, DataError) as problem:
            self._refusal = user_message(problem)
            self._show_error()
            return
        amount = money_text(payment.amount, self.loan.currency, self.babel)
        self._after_write()
        self.amount.setFocus()  # ready for the next one (it stayed on Reference)
        if self.undo is not None:
            stack, changed = self.undo
            text = self.tr("Record payment %1").replace("%1", amount)
            stack.push(RecordPaymentCommand(self.payments, changed, loan_id, payment, text))
        self.show_status(
            self.tr("Payment recorded: %1 on %2.")
            .replace("%1", amount)
            .replace("%2", date_text(payment.date, self.babel))
        )

    def show_status(self, text: str) -> None:
        """Say in the window's status bar what was just done (for a few seconds)."""
        self.last_status = text
        say(self, text)

    def _confirm_unusual(self, payment: Payment) -> bool:
        """Ask before recording a payment dated ahead of today or above what is owed: both are
        usually a typing slip, and the figures of every screen would follow it."""
        assert self.loan is not None
        from ashore.services import plans

        fig = plans.figures(self.loan, self.ctx.today)
        owed = fig.payoff_today if fig.if_agreement_fails is None else fig.left_to_pay_plan
        doubts: list[str] = []
        if payment.date > self.ctx.today:
            doubts.append(
                self.tr(
                    "It is dated %1, %n day(s) from today.",
                    "",
                    (payment.date - self.ctx.today).days,
                ).replace("%1", date_text(payment.date, self.babel))
            )
        if payment.amount > owed:
            doubts.append(
                self.tr("It is more than the %1 owed to settle the loan.").replace(
                    "%1", money_text(owed, self.loan.currency, self.babel)
                )
            )
        if not doubts:
            return True
        return dialogs.confirm(
            self,
            self.tr("Record this payment?"),
            self.tr("Record a payment of %1?").replace(
                "%1", money_text(payment.amount, self.loan.currency, self.babel)
            )
            + "\n\n"
            + "\n".join(doubts),
            self.tr("Record it"),
        )

    def delete(self) -> None:
        rows = self.payments_view.selectionModel().selectedRows()
        if self.loan is None or not rows:
            return
        index = self.payments_model.index_in_loan(rows[0].row())
        payment = self.loan.payments[index]
        if not dialogs.confirm(
            self,
            self.tr("Delete payment"),
            self.tr("Delete the payment of %1 on %2?")
            .replace("%1", money_text(payment.amount, self.loan.currency, self.babel))
            .replace("%2", date_text(payment.date, self.babel)),
            self.tr("Delete"),
        ):
            return
        try:
            self.payments.delete_payment(self.loan.id, index)
        except (InputError, DataError) as problem:
            self._refusal = user_message(problem)
            self._show_error()
            return
        self._after_write()
