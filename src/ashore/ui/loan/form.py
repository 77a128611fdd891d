"""The "Details" tab of a loan: every field of the exchange format, checked as it is typed.

The form edits plain values (records.Loan) and never saves by itself: it emits ``saveRequested``
with the loan it holds, and the window hands that to the Ledger (through an undoable command).

Over 500 lines because LoanForm is one class for the ~40 fields of the exchange format in seven
sections whose fields refer to each other (a preset fills the fee from the principal, a daily
rate enables the day count, the method decides the term's unit); the fee rows, the
allocation order and the value helpers live beside it (``loan.fees``, ``loan.allocation``,
``loan.values``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ashore.app.errors import field_text
from ashore.domain.kinds import ALLOCATION_PARTS
from ashore.domain.money import (
    ZERO,
    AmountError,
    Rate,
    parse_amount,
    parse_rate_percent,
    round_money,
)
from ashore.domain.records import Fee, Lender, Loan, OverdueRules
from ashore.ui.loan.allocation import AllocationList
from ashore.ui.loan.fees import FeeTable
from ashore.ui.loan.lender_box import LenderBox
from ashore.ui.loan.presets import CUSTOM, PRESETS, matching_preset, preset_label
from ashore.ui.loan.values import _required_text, amount_text, percent_text
from ashore.ui.messages import as_error, error_field
from ashore.ui.widgets.fields import (
    CheckedLineEdit,
    DateEdit,
    ErrorLabel,
    SteadyLabel,
    user_message,
)
from ashore.ui.widgets.fit import fit_combo
from ashore.ui.widgets.style import MARGIN, SPACING
from ashore.ui.widgets.words import joined

# A yearly rate above this (100 %) or a fee above this share of the principal each installment is
# far outside what lenders charge: saving it asks first.
UNUSUAL_YEARLY_RATE = Decimal(1)


UNUSUAL_FEE_SHARE = Decimal("0.1")


CURRENCIES: tuple[str, ...] = ("CNY", "HKD", "TWD", "USD", "EUR", "GBP", "JPY", "KRW", "SGD", "INR")


NEW_LENDER = "__new_lender__"


# Short fields stay short: an amount or a rate in a 600-pixel box is hard to read.
NUMBER_WIDTH = 240


RATE_WIDTH = 150


def _suffix(text: str) -> QLabel:
    """A unit written after a field ("% per day"), level with the text inside the field."""
    label = QLabel(text)
    label.setContentsMargins(0, 5, 0, 0)
    return label


def _field_row(field: CheckedLineEdit, *extras: QWidget) -> QWidget:
    """A short checked field with units or choices after it on one line, and the field's error
    message under the whole line, so it has room and does not wrap in a narrow column."""
    row = QWidget()
    column = QVBoxLayout(row)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    line = QHBoxLayout()
    line.setSpacing(8)
    line.addWidget(field, 0, Qt.AlignmentFlag.AlignTop)
    for extra in extras:
        line.addWidget(extra, 0, Qt.AlignmentFlag.AlignTop)
    line.addStretch(1)
    column.addLayout(line)
    inner = field.layout()
    if inner is not None:
        inner.removeWidget(field.error_label)
    column.addWidget(field.error_label)
    return row


def method_labels() -> dict[str, str]:
    from PySide6.QtCore import QCoreApplication

    def tr(text: str) -> str:
        return QCoreApplication.translate("", text)  # lupdate files these under ""

    return {
        "equal_installment": tr("Equal installments: the same payment every month"),
        "equal_principal": tr("Equal principal: payments fall month by month"),
        "interest_first": tr("Interest first: interest monthly, principal at the end"),
        "bullet": tr("All at the end: principal and interest in one payment"),
    }


class LoanForm(QWidget):
    """Create or edit one loan. Emits ``saveRequested(Loan)``; shows service errors by field."""

    saveRequested = Signal(object)
    deleteRequested = Signal(str)
    newLenderRequested = Signal(str)  # the name typed in the box, "" from "New lender…"
    validityChanged = Signal(bool)

    def __init__(self, *, today: date, locale: str = "en", parent: QWidget | None = None) -> None:
        """``today``: the context's day (a new loan's first due date defaults to a month later)."""
        super().__init__(parent)
        self._saved_lenders: list[Lender] = []
        self.pending_lender: Lender | None = None  # from "New lender…", saved with the loan
        self.today = today
        # Not ``self.locale``: that would hide QWidget.locale().
        self.amount_locale = locale
        self._last_lender_index = -1
        self.original: Loan | None = None
        self._loading = False
        self._field_errors: dict[str, Callable[[str], None]] = {}
        self._hints: list[QLabel] = []
        self._forms: list[QFormLayout] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("formBody")
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(MARGIN, 4, MARGIN, MARGIN)
        self.body_layout.setSpacing(SPACING)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.scroll = scroll

        self._build_who()
        self._build_money()
        self._build_repayment()
        self._build_fees()
        self._build_overdue()
        self._build_rules()
        self._build_allocation()
        self.body_layout.addStretch(1)
        self._align_labels()
        for combo in body.findChildren(QComboBox):
            fit_combo(combo)  # "%（年）" was cut to "%（年" (sixth walk's 2)

        outer.addWidget(self._build_buttons())
        self._wire()
        self.set_loan(None)

    # ----- building -------------------------------------------------------------------------
    def _section(self, title: str, hint: str) -> QFormLayout:
        box = QGroupBox(title)
        box.setMaximumWidth(760)
        layout = QVBoxLayout(box)
        layout.setSpacing(SPACING)
        hint_label = QLabel(hint)
        hint_label.setObjectName("hint")
        hint_label.setWordWrap(True)
        hint_label.setVisible(False)
        self._hints.append(hint_label)
        layout.addWidget(hint_label)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(8)
        layout.addLayout(form)
        self.body_layout.addWidget(box)
        self._forms.append(form)
        return form

    def _align_labels(self) -> None:
        """One label width for every section, so all fields start on the same line."""
        labels: list[QWidget] = []
        for form in self._forms:
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                label = item.widget() if item is not None else None
                if label is not None:
                    labels.append(label)
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)
            if isinstance(label, QLabel):
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                label.setContentsMargins(0, 5, 0, 0)  # level with the text inside the field

    def _with_error(
        self, widget: QWidget, path: str, *extra: QWidget, compact: bool = False
    ) -> QWidget:
        """Wrap a widget that has no error line of its own (combo, spin box) with one; ``extra``
        widgets go on the same line; ``compact`` keeps the widget at its natural width."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if extra or compact:
            line = QHBoxLayout()
            line.setSpacing(8)
            line.addWidget(widget)
            for item in extra:
                line.addWidget(item)
            line.addStretch(1)
            column.addLayout(line)
        else:
            column.addWidget(widget)
        label = ErrorLabel()
        column.addWidget(label)
        self._field_errors[path] = label.show_message
        return holder

    def _checked(self, widget: CheckedLineEdit, path: str) -> CheckedLineEdit:
        self._field_errors[path] = widget.show_error
        return widget

    def _build_who(self) -> None:
        form = self._section(
            self.tr("Lender and loan"),
            self.tr(
                "Pick the app or bank you borrowed from, and give the loan a name you recognise, "
                "such as the month you took it. The reference is the contract number, if any."
            ),
        )
        self.lender = LenderBox()  # chosen, or typed: a new name is offered as a new lender
        self.lender.setMinimumContentsLength(18)
        self.lender.setPlaceholderText(self.tr("Choose a lender, or add a new one"))
        form.addRow(self.tr("Lender"), self._with_error(self.lender, "lender"))
        self.name = self._checked(
            CheckedLineEdit(_required_text("name"), placeholder=self.tr("e.g. January loan")),
            "name",
        )
        form.addRow(self.tr("Loan name"), self.name)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("contract or order number (optional)"))
        form.addRow(self.tr("Reference"), self._with_error(self.reference, "reference"))

    def _build_money(self) -> None:
        form = self._section(
            self.tr("Amount and rate"),
            self.tr(
                "The amount you borrowed, and the interest rate exactly as the contract quotes it: "
                "per year, per month or per day (a daily rate like 0.05 % is common in loan apps)."
            ),
        )
        self.principal = self._checked(
            CheckedLineEdit(
                lambda text: parse_amount(
                    text,
                    field="principal",
                    currency=self.currency_code(),
                    allow_zero=False,
                    units=True,
                ),
                placeholder="0.00",
                numeric=True,
            ),
            "principal",
        )
        self.principal.setMaximumWidth(NUMBER_WIDTH)
        self.principal.line.editingFinished.connect(self._format_principal)
        form.addRow(self.tr("Principal"), self.principal)
        self.currency = QComboBox()
        for code in CURRENCIES:
            self.currency.addItem(code, code)
        form.addRow(self.tr("Currency"), self._with_error(self.currency, "currency", compact=True))

        self.rate_unit = QComboBox()
        for per, label in (
            ("year", self.tr("% per year")),
            ("month", self.tr("% per month")),
            ("day", self.tr("% per day")),
        ):
            self.rate_unit.addItem(label, per)
        fit_combo(self.rate_unit)
        # The day count is a field of its own, on its own row under the rate and only for a daily
        # rate: beside "% per year" it read as the rate's unit ("% per year 360-day year").
        self.day_count = QComboBox()
        self.day_count.setObjectName("dayCount")
        self.day_count.addItem(self.tr("360 days"), 360)
        self.day_count.addItem(self.tr("365 days"), 365)
        self.day_count.setToolTip(self.tr("How a daily rate converts to a yearly one"))
        self.rate = self._checked(
            CheckedLineEdit(self._parse_rate, placeholder="0", numeric=True), "rate"
        )
        self.rate.setMaximumWidth(RATE_WIDTH)
        form.addRow(self.tr("Interest rate"), _field_row(self.rate, self.rate_unit))
        self._day_count_row = QWidget()
        day_count_line = QHBoxLayout(self._day_count_row)
        day_count_line.setContentsMargins(0, 0, 0, 0)
        day_count_line.addWidget(self.day_count)
        day_count_line.addStretch(1)
        form.addRow(self.tr("A year counts"), self._day_count_row)
        self._money_form = form

    def _build_repayment(self) -> None:
        form = self._section(
            self.tr("Repayment"),
            self.tr(
                "How the loan is paid back, for how long, and when the first payment is due. "
                "Short app loans that are paid in one go are \u201call at the end\u201d."
            ),
        )
        self.method = QComboBox()
        for method, label in method_labels().items():
            self.method.addItem(label, method)
        form.addRow(self.tr("Method"), self._with_error(self.method, "method"))
        self.term_count = QSpinBox()
        self.term_count.setRange(1, 3650)
        self.term_count.setValue(12)
        self.term_unit = QComboBox()
        self.term_unit.addItem(self.tr("months"), "month")
        self.term_unit.addItem(self.tr("days"), "day")
        form.addRow(self.tr("Term"), self._with_error(self.term_count, "term", self.term_unit))
        self.first_due = DateEdit()
        self.first_due.setCalendarPopup(True)
        self.first_due.setDisplayFormat("yyyy-MM-dd")
        self.first_due.setMinimumDate(QDate(1990, 1, 1))
        self.first_due.setMaximumDate(QDate(2100, 12, 31))
        self.first_due.setMinimumWidth(150)
        form.addRow(
            self.tr("First due date"),
            self._with_error(self.first_due, "first_due", compact=True),
        )

    def _build_fees(self) -> None:
        form = self._section(
            self.tr("Fees"),
            self.tr(
                "Service or membership fees the app adds: charged with every installment, or once. "
                "Leave this empty if there are none."
            ),
        )
        self.fees = FeeTable(self.currency_code)
        self._field_errors["fees"] = self._fees_error
        self.fees_error = ErrorLabel()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.fees)
        column.addWidget(self.fees_error)
        form.addRow(holder)

    def _fees_error(self, text: str) -> None:
        self.fees_error.show_message(text)

    def _build_overdue(self) -> None:
        form = self._section(
            self.tr("When a payment is late"),
            self.tr(
                "The contract's penalty for late payment: a daily penalty rate, a fixed late fee "
                "per missed installment, the grace days, and when the lender may demand everything."
            ),
        )
        self.penalty_rate = self._checked(
            # "e.g.": a bare grey 0.05 read as a rate already entered
            CheckedLineEdit(
                self._parse_penalty,
                required=False,
                placeholder=self.tr("e.g. %1").replace("%1", "0.05"),
                numeric=True,
            ),
            "overdue.penalty_rate",
        )
        self.penalty_rate.setMaximumWidth(RATE_WIDTH)
        self.penalty_base = QComboBox()
        self.penalty_base.addItem(self.tr("on the overdue installment"), "overdue_amount")
        self.penalty_base.addItem(self.tr("on its unpaid principal only"), "overdue_principal")
        form.addRow(
            self.tr("Penalty interest"),
            _field_row(self.penalty_rate, _suffix(self.tr("% per day")), self.penalty_base),
        )
        self.late_fee = self._checked(
            CheckedLineEdit(
                lambda text: parse_amount(
                    text, field="late_fee", currency=self.currency_code(), units=True
                ),
                required=False,
                empty_value=ZERO,
                placeholder="0.00",
                numeric=True,
            ),
            "overdue.late_fee",
        )
        self.late_fee.setMaximumWidth(NUMBER_WIDTH)
        form.addRow(
            self.tr("Late fee"),
            _field_row(self.late_fee, _suffix(self.tr("per missed installment"))),
        )
        self.grace_days = QSpinBox()
        self.grace_days.setRange(0, 365)
        self.grace_days.setSuffix(self.tr(" days"))
        form.addRow(
            self.tr("Grace period"),
            self._with_error(self.grace_days, "overdue.grace_days", compact=True),
        )
        self.accelerates = QCheckBox(self.tr("after"))
        self.accelerate_days = QSpinBox()
        self.accelerate_days.setRange(1, 3650)
        self.accelerate_days.setValue(90)
        self.accelerate_days.setSuffix(self.tr(" days overdue"))
        form.addRow(
            self.tr("Demands everything"),
            self._with_error(
                self.accelerates, "overdue.accelerates_after_days", self.accelerate_days
            ),
        )

    def _build_rules(self) -> None:
        form = self._section(
            self.tr("The lender's own rules"),
            self.tr(
                "How this lender counts, so that every figure matches its app line by line. Pick "
                "a platform to start from, then change what your contract says differently."
            ),
        )
        self.preset = QComboBox()
        self.preset.addItem(self.tr("Choose a platform's usual rules…"), "")
        for preset in PRESETS:
            self.preset.addItem(preset_label(preset.key), preset.key)
        self.preset.addItem(preset_label(CUSTOM), CUSTOM)
        form.addRow(self.tr("Start from"), self._with_error(self.preset, "preset", compact=True))
        self.daily_interest = QCheckBox(
            self.tr("Interest by actual days (按日计息): each month's interest counts its days")
        )
        form.addRow(self.tr("Interest"), self._with_error(self.daily_interest, "interest"))
        self.has_start = QCheckBox(self.tr("paid out on"))
        self.start = DateEdit()
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setMinimumDate(QDate(1990, 1, 1))
        self.start.setMaximumDate(QDate(2100, 12, 31))
        self.start.setMinimumWidth(150)
        self.start.setToolTip(self.tr("Unticked: one month before the first due date"))
        form.addRow(
            self.tr("Money received"), self._with_error(self.has_start, "start", self.start)
        )
        self.times_contract = QCheckBox(self.tr("Penalty"))
        self.times = self._checked(
            CheckedLineEdit(self._parse_times, placeholder="1.5", numeric=True),
            "overdue.penalty_rate.times_contract",
        )
        self.times.setMaximumWidth(RATE_WIDTH // 2)
        self.times.setText("1.5")
        times_row = QWidget()
        times_line = QHBoxLayout(times_row)
        times_line.setContentsMargins(0, 0, 0, 0)
        times_line.setSpacing(8)
        times_line.addWidget(self.times_contract, 0, Qt.AlignmentFlag.AlignTop)
        times_line.addWidget(
            _field_row(
                self.times,
                _suffix(self.tr("× the normal rate (instead of the penalty per day above)")),
            ),
            1,
        )
        form.addRow(self.tr("Penalty rate"), times_row)
        self.continues = QCheckBox(
            self.tr("The normal interest keeps running on overdue principal, beside the penalty")
        )
        form.addRow("", self._with_error(self.continues, "overdue.contract_interest_continues"))
        self.prepayment = self._checked(
            CheckedLineEdit(
                lambda text: parse_rate_percent(text, field="prepayment_fee"),
                required=False,
                empty_value=ZERO,
                placeholder="0",
                numeric=True,
            ),
            "prepayment_fee",
        )
        self.prepayment.setMaximumWidth(RATE_WIDTH)
        form.addRow(
            self.tr("Settling early"),
            _field_row(self.prepayment, _suffix(self.tr("% of the principal left, as a fee"))),
        )

    def _parse_times(self, text: str) -> Decimal:
        value = (
            parse_rate_percent(text, field="overdue.penalty_rate.times_contract") * 100
        ).normalize()
        if not Decimal(0) < value <= 10:
            raise AmountError.at(
                "overdue.penalty_rate.times_contract",
                "penalty.times_out_of_range",
                "must be more than 0 and at most 10",
            )
        return value

    def _apply_preset(self, index: int) -> None:
        key = self.preset.itemData(index)
        found = [p for p in PRESETS if p.key == key]
        if not found:
            return
        preset = found[0]
        self._select(self.rate_unit, preset.rate_per)
        self._select(self.method, preset.method)
        self._select(self.term_unit, preset.term_unit)
        self.term_count.setValue(preset.term_count)
        if preset.rate is not None:
            self.rate.setText(percent_text(preset.rate))
        self.daily_interest.setChecked(preset.interest == "daily")
        self.times_contract.setChecked(preset.penalty_times_contract is not None)
        if preset.penalty_times_contract is not None:
            self.times.setText(f"{preset.penalty_times_contract:f}")
        if preset.penalty_rate_per_day is not None:
            self.penalty_rate.setText(percent_text(preset.penalty_rate_per_day))
        self._select(self.penalty_base, preset.penalty_base)
        self.continues.setChecked(preset.contract_interest_continues)
        if preset.monthly_fee_share is not None:
            principal = self.principal.value
            amount = ZERO if principal is None else principal * preset.monthly_fee_share
            fee = Fee(self.tr("installment fee"), round_money(amount, self.currency_code()))
            self.fees.set_fees([*self.fees.fees(), fee], self.amount_locale)
        self._sync_enabled()
        self._on_change()

    def _build_allocation(self) -> None:
        form = self._section(
            self.tr("How a payment is applied"),
            self.tr(
                "Most lenders take a payment for fees first, then penalty, interest, and principal "
                "last. If your contract says otherwise, reorder the list."
            ),
        )
        self.allocation = AllocationList()
        form.addRow(self.tr("Order"), self._with_error(self.allocation, "overdue.allocation"))

    def _build_buttons(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("buttonBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(MARGIN, 10, MARGIN, 12)
        row.setSpacing(SPACING)
        self.delete_button = QPushButton(self.tr("Delete loan…"))
        self.delete_button.setObjectName("danger")
        # What is still to fill in, and in its place the service's refusal that names no field:
        # two lines beside Save whose room is kept (elided, whole in the tooltip). Above the
        # fields, the refusal pushed every field down as it came.
        self.status = SteadyLabel(lines=2)
        self.status.setObjectName("hint")
        self.banner = ErrorLabel(lines=2)
        for label in (self.status, self.banner):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        said = QWidget()
        slot = QGridLayout(said)
        slot.setContentsMargins(0, 0, 0, 0)
        slot.addWidget(self.status, 0, 0)
        slot.addWidget(self.banner, 0, 0)
        self.discard_button = QPushButton(self.tr("Discard changes"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        row.addWidget(self.delete_button)
        row.addWidget(said, 1)
        row.addWidget(self.discard_button)
        row.addWidget(self.save_button)
        return bar

    def _wire(self) -> None:
        for field in (self.name, self.principal, self.rate, self.penalty_rate, self.late_fee):
            field.changed.connect(self._on_change)
        self.reference.textChanged.connect(self._on_change)
        self.fees.changed.connect(self._on_change)
        self.allocation.changed.connect(self._on_change)
        self.lender.activated.connect(self._on_lender_chosen)
        self.lender.currentIndexChanged.connect(self._on_change)
        self.lender.editTextChanged.connect(self._on_change)
        self.lender.edit.editingFinished.connect(self._say_unknown_lender)
        self.lender.newNameEntered.connect(self.newLenderRequested.emit)
        self.currency.currentIndexChanged.connect(self._on_currency)
        self.rate_unit.currentIndexChanged.connect(self._on_rate_unit)
        self.day_count.currentIndexChanged.connect(self._on_rate_unit)
        self.method.currentIndexChanged.connect(self._on_method)
        for spin in (self.term_count, self.grace_days, self.accelerate_days):
            spin.valueChanged.connect(self._on_change)
        self.term_unit.currentIndexChanged.connect(self._on_change)
        self.penalty_base.currentIndexChanged.connect(self._on_change)
        self.first_due.dateChanged.connect(self._on_change)
        self.accelerates.toggled.connect(self._on_accelerates)
        self.preset.activated.connect(self._apply_preset)
        for box in (self.daily_interest, self.has_start, self.times_contract, self.continues):
            box.toggled.connect(self._on_rules)
        self.start.dateChanged.connect(self._on_change)
        self.times.changed.connect(self._on_change)
        self.prepayment.changed.connect(self._on_change)
        self.save_button.clicked.connect(self._on_save)
        # Enter in a text field saves, as the default button of a dialog would (setDefault alone
        # does nothing outside a dialog); nothing happens while the form is not valid.
        for field in self.findChildren(CheckedLineEdit):
            field.line.returnPressed.connect(self._on_save)
        self.discard_button.clicked.connect(lambda: self.set_loan(self.original))
        self.delete_button.clicked.connect(self._on_delete)

    # ----- parsing ---------------------------------------------------------------------------
    def currency_code(self) -> str:
        return str(self.currency.currentData() or "CNY")

    def _parse_rate(self, text: str) -> Rate:
        value = parse_rate_percent(text, field="rate")
        return Rate(value, per=self.rate_unit.currentData(), day_count=self.day_count.currentData())

    def _parse_penalty(self, text: str) -> Rate:
        value = parse_rate_percent(text, field="overdue.penalty_rate")
        day_count = 360
        if self.original is not None and self.original.overdue.penalty_rate is not None:
            day_count = self.original.overdue.penalty_rate.day_count
        try:
            return Rate(value, per="day", day_count=day_count)
        except AmountError:
            raise AmountError.at(
                "overdue.penalty_rate",
                "rate.implausible_daily",
                f"{percent_text(value)} % a day is not a plausible rate",
                value=percent_text(value),
            ) from None

    # ----- reacting --------------------------------------------------------------------------
    def _on_lender_chosen(self, index: int) -> None:
        if self.lender.itemData(index) == NEW_LENDER:
            self.lender.setCurrentIndex(self._last_lender_index)
            self.newLenderRequested.emit("")
        else:
            self._last_lender_index = index
        self._say_unknown_lender()

    def _say_unknown_lender(self) -> None:
        """A typed name that is no lender yet: said beside the box, with how to add it."""
        name = self.lender.unknown_name()
        self._field_errors["lender"](
            self.tr("“%1” is not one of your lenders yet: press Enter to add it").replace(
                "%1", name
            )
            if name
            else ""
        )

    def _format_principal(self) -> None:
        """Once the field is left, "12000" reads "12,000.00": the amount as it was understood."""
        if self.principal.valid and self.principal.value is not None:
            text = amount_text(self.principal.value, self.currency_code(), self.amount_locale)
            if text != self.principal.text():
                self.principal.setText(text)

    def _on_currency(self) -> None:
        for field in (self.principal, self.late_fee):
            field.validate()
        self.fees.revalidate()
        self._on_change()

    def _on_rate_unit(self) -> None:
        self._show_day_count()
        self.rate.validate()
        self._on_change()

    def _on_method(self) -> None:
        bullet = self.method.currentData() == "bullet"
        if not bullet:
            self.term_unit.setCurrentIndex(self.term_unit.findData("month"))
        self.term_unit.setEnabled(bullet)
        self._on_change()

    def _on_rules(self) -> None:
        self._sync_enabled()
        self._on_change()

    def _on_accelerates(self, on: bool) -> None:
        self.accelerate_days.setEnabled(on)
        self._on_change()

    def _on_change(self) -> None:
        if self._loading:
            return
        self.banner.setVisible(False)
        problems = self.problems()
        valid = not problems
        self.save_button.setEnabled(valid)
        if valid:
            self.status.setText("")
        else:
            self.status.setText(self.tr("Check: %1").replace("%1", joined(problems)))
        self.validityChanged.emit(valid)

    def save(self) -> None:
        """Ask for the loan to be saved (the Save button, File ▸ Save); nothing if invalid."""
        self._on_save()

    def _on_save(self) -> None:
        if not self.is_valid():
            for field in self.findChildren(CheckedLineEdit):
                field.touch()  # tried to save: an empty required field says so now
            return
        loan_id = self.original.id if self.original is not None else ""
        loan = self.loan_value(loan_id)
        if not self._confirm_unusual(loan):
            return
        self.saveRequested.emit(loan)

    def _confirm_unusual(self, loan: Loan) -> bool:
        """Ask before saving a rate or a fee far outside what lenders charge (a slip of a decimal
        point makes every figure wrong)."""
        from ashore.ui import dialogs

        doubts: list[str] = []
        yearly = loan.rate.annual()
        if yearly > UNUSUAL_YEARLY_RATE:
            doubts.append(
                self.tr(
                    "The rate is %1 % a year; lenders charge up to about 36 % (the legal line)."
                ).replace("%1", f"{(yearly * 100).normalize():f}")
            )
        fees = sum((f.amount for f in loan.fees if f.per == "installment"), Decimal(0))
        if loan.principal > 0 and fees > loan.principal * UNUSUAL_FEE_SHARE:
            doubts.append(
                self.tr("The fee of %1 an installment is over a tenth of the principal.").replace(
                    "%1", f"{fees:f}"
                )
            )
        if not doubts:
            return True
        return dialogs.confirm(
            self,
            self.tr("Save this loan?"),
            "\n\n".join([*doubts, self.tr("Save it as it is?")]),
            self.tr("Save"),
        )

    def _on_delete(self) -> None:
        if self.original is not None:
            self.deleteRequested.emit(self.original.id)

    # ----- public ----------------------------------------------------------------------------
    def set_lenders(self, lenders: list[Lender], select: str | None = None) -> None:
        """Fill the lender list; keep the current choice unless ``select`` names another. A
        lender added through "New lender…" and not saved yet stays listed (marked new)."""
        self._saved_lenders = list(lenders)
        current = select or self.lender.currentData()
        self._loading = True
        self.lender.clear()
        pending = self.pending_lender
        if pending is not None and any(item.id == pending.id for item in lenders):
            pending = self.pending_lender = None  # saved meanwhile: an ordinary lender now
        shown = [*lenders, pending] if pending is not None else list(lenders)
        lenders = shown
        for lender in sorted(lenders, key=lambda item: item.name.casefold()):
            label = lender.name
            if lender is pending:
                label = self.tr("%1 (new, saved with the loan)").replace("%1", lender.name)
            self.lender.add_lender(label, lender.id, lender.name)
        if lenders:
            self.lender.insertSeparator(self.lender.count())
        self.lender.addItem(self.tr("New lender…"), NEW_LENDER)
        index = self.lender.findData(current) if current else -1
        if index < 0:
            index = 0 if lenders else -1
        self.lender.setCurrentIndex(index)
        self._last_lender_index = index
        self._loading = False
        self._on_change()

    def set_guided(self, guided: bool) -> None:
        """Show a short hint at the top of each section (first loan)."""
        for hint in self._hints:
            hint.setVisible(guided)

    def add_new_lender(self, lender: Lender) -> None:
        """A lender typed in through "New lender…": listed and chosen, and saved only with the
        loan (``pending_lender``); abandoning the form (another loan, Clear) forgets it."""
        self.pending_lender = lender
        self.set_lenders(self._saved_lenders, select=lender.id)
        # on to the next field: Enter left the focus in the box, and the next typing replaced
        # the new lender's name (a field the user went to already, by Tab or a click, keeps it)
        self.lender.move_on()

    def set_loan(self, loan: Loan | None, *, lender_id: str | None = None) -> None:
        """Show ``loan`` for editing, or an empty form for a new loan under ``lender_id``."""
        if self.pending_lender is not None and self.pending_lender.id != lender_id:
            self.pending_lender = None  # abandoned with the form: it was never saved
            self.set_lenders(self._saved_lenders)
        self.original = loan
        self._loading = True
        try:
            if loan is None:
                self._clear(lender_id)
            else:
                self._fill(loan)
        finally:
            self._loading = False
        self.delete_button.setVisible(loan is not None)
        self.discard_button.setText(self.tr("Discard changes") if loan else self.tr("Clear"))
        for field in self.findChildren(CheckedLineEdit):
            field.untouch()  # a new form is not red for what was typed in the last one
        for show in self._field_errors.values():
            show("")
        self._on_change()

    def to_top(self) -> None:
        """Scroll to the form's top and focus its first field: a new form opened where the last
        one was left, at Fees (ninth walk's 1)."""
        self.scroll.verticalScrollBar().setValue(0)
        self.lender.setFocus(Qt.FocusReason.OtherFocusReason)

    def _select(self, combo: QComboBox, data: object) -> None:
        index = combo.findData(data)
        if index < 0 and isinstance(data, str):
            combo.addItem(data, data)
            index = combo.findData(data)
        combo.setCurrentIndex(index)

    def _clear(self, lender_id: str | None) -> None:
        if lender_id:
            self._select_lender(lender_id)
        self.name.setText("")
        self.reference.setText("")
        self.principal.setText("")
        self._select(self.currency, "CNY")
        self.rate.setText("")
        self.rate_unit.setCurrentIndex(0)
        self.day_count.setCurrentIndex(0)
        self.method.setCurrentIndex(0)
        self.term_count.setValue(12)
        self.term_unit.setCurrentIndex(0)
        self.first_due.setDate(QDate(self.today).addMonths(1))
        self.fees.set_fees([], self.amount_locale)
        self.penalty_rate.setText("")
        self.penalty_base.setCurrentIndex(0)
        self.late_fee.setText("")
        self.grace_days.setValue(0)
        self.accelerates.setChecked(False)
        self.accelerate_days.setValue(90)
        self.allocation.set_order(ALLOCATION_PARTS)
        self.preset.setCurrentIndex(0)
        self.daily_interest.setChecked(False)
        self.has_start.setChecked(False)
        self.start.setDate(self.first_due.date().addMonths(-1))
        self.times_contract.setChecked(False)
        self.times.setText("1.5")
        self.continues.setChecked(False)
        self.prepayment.setText("")
        self._sync_enabled()

    def _select_lender(self, lender_id: str) -> None:
        index = self.lender.findData(lender_id)
        if index >= 0:
            self.lender.setCurrentIndex(index)
            self._last_lender_index = index

    def _fill(self, loan: Loan) -> None:
        self._select_lender(loan.lender)
        self.name.setText(loan.name)
        self.reference.setText(loan.reference)
        self._select(self.currency, loan.currency)
        self.principal.setText(amount_text(loan.principal, loan.currency, self.amount_locale))
        self._select(self.rate_unit, loan.rate.per)
        self._select(self.day_count, loan.rate.day_count)
        self.rate.setText(percent_text(loan.rate.value))
        self._select(self.method, loan.method)
        self.term_unit.setCurrentIndex(max(0, self.term_unit.findData(loan.term_unit)))
        self.term_count.setValue(loan.term_count)
        self.first_due.setDate(QDate(loan.first_due.year, loan.first_due.month, loan.first_due.day))
        self.fees.set_fees(loan.fees, self.amount_locale)
        rules = loan.overdue
        self.penalty_rate.setText(
            percent_text(rules.penalty_rate.daily()) if rules.penalty_rate is not None else ""
        )
        self._select(self.penalty_base, rules.penalty_base)
        self.late_fee.setText(
            amount_text(rules.late_fee, loan.currency, self.amount_locale) if rules.late_fee else ""
        )
        self.grace_days.setValue(rules.grace_days)
        self.accelerates.setChecked(rules.accelerates_after_days is not None)
        if rules.accelerates_after_days is not None:
            self.accelerate_days.setValue(rules.accelerates_after_days)
        self.allocation.set_order(tuple(rules.allocation))
        # the preset its rules still follow (or "custom"), not the prompt a new loan starts from
        self.preset.setCurrentIndex(max(0, self.preset.findData(matching_preset(loan))))
        self.daily_interest.setChecked(loan.interest == "daily")
        self.has_start.setChecked(loan.start is not None)
        shown = loan.start or loan.first_due
        self.start.setDate(QDate(shown.year, shown.month, shown.day))
        if loan.start is None:
            self.start.setDate(self.first_due.date().addMonths(-1))
        self.times_contract.setChecked(rules.penalty_times_contract is not None)
        times = rules.penalty_times_contract
        self.times.setText(f"{times.normalize():f}" if times is not None else "1.5")
        self.continues.setChecked(rules.contract_interest_continues)
        self.prepayment.setText(percent_text(loan.prepayment_fee) if loan.prepayment_fee else "")
        self._sync_enabled()

    def _sync_enabled(self) -> None:
        bullet = self.method.currentData() == "bullet"
        self.term_unit.setEnabled(bullet)
        self._show_day_count()
        self.accelerate_days.setEnabled(self.accelerates.isChecked())
        # Unticked, no date is shown: a grey date (today's, or a month before the first due) read
        # as a date the user had given.
        self.start.setEnabled(self.has_start.isChecked())
        self.start.setVisible(self.has_start.isChecked())
        self.times.setEnabled(self.times_contract.isChecked())
        self.penalty_rate.setEnabled(not self.times_contract.isChecked())

    def _show_day_count(self) -> None:
        """ "A year counts 360/365 days" only where it counts: for a rate quoted per day."""
        self._money_form.setRowVisible(self._day_count_row, self.rate_unit.currentData() == "day")

    def problems(self) -> list[str]:
        """The labels of the fields that hold something unusable (empty when all is well)."""
        problems: list[str] = []
        if self.lender.chosen() in (None, NEW_LENDER):
            problems.append(self.tr("lender"))
        checks = (
            (self.name, self.tr("loan name")),
            (self.principal, self.tr("principal")),
            (self.rate, self.tr("interest rate")),
            (self.penalty_rate, self.tr("penalty interest")),
            (self.late_fee, self.tr("late fee")),
            (self.prepayment, self.tr("settling early")),
        )
        problems.extend(label for field, label in checks if not field.valid)
        if self.times_contract.isChecked() and not self.times.valid:
            problems.append(self.tr("penalty rate"))
        if not self.fees.valid:
            problems.append(self.tr("fees"))
        return problems

    def is_valid(self) -> bool:
        return not self.problems()

    def is_dirty(self) -> bool:
        """Whether the form holds something the Ledger does not (an edit, or a half-typed loan)."""
        if self.pending_lender is not None:
            return True
        if self.original is None:
            typed = (self.name, self.principal, self.rate, self.penalty_rate, self.late_fee)
            return any(field.text().strip() for field in typed) or bool(self.fees.rows)
        if not self.is_valid():
            return True
        original = dataclasses.replace(
            self.original,
            overdue=dataclasses.replace(
                self.original.overdue, allocation=tuple(self.original.overdue.allocation)
            ),
        )
        return self.loan_value(original.id) != original

    def loan_value(self, loan_id: str) -> Loan:
        """The loan the form holds, with ``loan_id``; keeps what the form does not edit
        (payments, claims, proposals, notes) from the loan being edited."""
        qdate = self.first_due.date()
        penalty: Rate | None = self.penalty_rate.value
        kept = self.original.overdue.penalty_rate if self.original is not None else None
        if kept is not None and penalty is not None and kept.daily() == penalty.daily():
            penalty = kept  # unchanged: keep the quote as the contract gave it (e.g. per year)
        if self.times_contract.isChecked():
            penalty = None  # the multiple replaces the quoted rate (as in the exchange file)
        rules = OverdueRules(
            penalty_rate=penalty,
            penalty_base=str(self.penalty_base.currentData()),
            late_fee=self.late_fee.value if self.late_fee.value is not None else ZERO,
            grace_days=self.grace_days.value(),
            accelerates_after_days=(
                self.accelerate_days.value() if self.accelerates.isChecked() else None
            ),
            allocation=self.allocation.order(),
            penalty_times_contract=self.times.value if self.times_contract.isChecked() else None,
            contract_interest_continues=self.continues.isChecked(),
        )
        start = self.start.date()
        values = {
            "id": loan_id,
            "lender": str(self.lender.currentData()),
            "name": self.name.value,
            "principal": self.principal.value,
            "rate": self.rate.value,
            "method": str(self.method.currentData()),
            "term_count": self.term_count.value(),
            "term_unit": str(self.term_unit.currentData()),
            "first_due": date(qdate.year(), qdate.month(), qdate.day()),
            "currency": self.currency_code(),
            "reference": self.reference.text().strip(),
            "fees": self.fees.fees(),
            "overdue": rules,
            "interest": "daily" if self.daily_interest.isChecked() else "monthly",
            "start": (
                date(start.year(), start.month(), start.day())
                if self.has_start.isChecked()
                else None
            ),
            "prepayment_fee": self.prepayment.value if self.prepayment.value is not None else ZERO,
        }
        if self.original is not None:
            return dataclasses.replace(self.original, **values)
        return Loan(**values)

    def show_save_error(self, problem: Exception | str) -> None:
        """Show an error from the service next to the field its path names, else in the banner
        (an error given as text, by an older caller, is read as "path: detail")."""
        error = as_error(problem)
        field = error_field(error)
        if field[:1] == ("loan",) or (field[:1] and field[0].startswith("loans[")):
            field = field[1:]
        path = field_text(field)
        target = None
        for key in sorted(self._field_errors, key=len, reverse=True):
            if path == key or path.startswith((key + ".", key + "[")):
                target = key
                break
        text = user_message(error)
        if target is None:
            self.status.setText("")
            self.banner.show_message(text)
        else:
            self._field_errors[target](text)
