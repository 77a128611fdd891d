"""The proposal form: the fields each negotiation method needs (one stacked page per method),
checked as they are typed, and the plan worked out again ~150 ms after the last keystroke.

Over 500 lines because ProposalForm is one class for every method's page, read and filled by
the one parameter schema (domain/params), and its read-only state once a proposal is accepted."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ashore import finance
from ashore.app.errors import InputError
from ashore.domain.money import AmountError, format_plain
from ashore.domain.params import PROPOSAL_METHODS, SCHEMAS
from ashore.domain.records import Loan, Proposal, Waive
from ashore.services import plans
from ashore.ui.messages import as_error, error_detail, error_field
from ashore.ui.proposals.parse import (
    _custom_rows,
    _lump_discount,
    _percent,
    _percent_text,
    _share,
    _whole,
)
from ashore.ui.widgets.fields import CheckedLineEdit, ErrorLabel, SteadyLabel, user_message
from ashore.ui.widgets.workspace import amount_field, date_field, method_names

DEBOUNCE_MS = 150


def param_name(field: tuple[str, ...]) -> str:
    """The parameter (or "start") a plan error's field path is about: the part after "params"
    ("proposals[new]", "params", "installments[2]", "due") -> "installments"; a path without
    "params" names its first part."""
    rest = field[field.index("params") + 1 :] if "params" in field else field
    return rest[0].split("[", 1)[0] if rest else ""


def _holds(field: QWidget, focused: QWidget) -> bool:
    return field is focused or field.isAncestorOf(focused)


class _Footer(QWidget):
    """Save and Revert under the fields (placed by the tab): Tab goes on in the form's order."""

    def __init__(self, form: ProposalForm) -> None:
        super().__init__(form)
        self._form = form

    def focusNextPrevChild(self, next: bool) -> bool:
        return self._form.focusNextPrevChild(next)


class ProposalForm(QWidget):
    """Edit one proposal of a loan. ``planChanged`` fires (debounced) with the plan worked out
    from the fields, or None while they do not make one; ``saveRequested`` with the record."""

    planChanged = Signal(object)  # finance.ProposalPlan | None
    saveRequested = Signal(object)  # Proposal
    cancelRequested = Signal()

    def __init__(self, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.babel = locale
        self.loan: Loan | None = None
        self.original: Proposal | None = None
        self.plan: finance.ProposalPlan | None = None
        self.problem = ""
        self.last_compute_ms = 0.0
        self.today = date(1970, 1, 1)  # set by edit(): the day a new proposal starts
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.recompute)
        self._build()

    # ----- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        # An accepted proposal is the contract: its fields are greyed and this says why, in the
        # footer beside Save (an accepted proposal's fields take no message): above the fields it
        # pushed them down, and in Chinese "利息减免" was cut off the bottom.
        self.agreed_note = SteadyLabel(lines=2)
        self.agreed_note.setText(
            self.tr(
                "Accepted: these are the terms agreed with the lender, kept as agreed. "
                "To propose a change, Duplicate it."
            )
        )
        self.agreed_note.setObjectName("agreedNote")
        self.agreed_note.hide()
        top = QFormLayout()
        top.setHorizontalSpacing(12)
        top.setVerticalSpacing(6)
        self.name = QLineEdit()
        self.name.setObjectName("proposalName")
        self.name.setPlaceholderText(self.tr("e.g. 24 months, penalty waived"))
        self.method = QComboBox()
        self.method.setObjectName("proposalMethod")
        for method, label in method_names().items():
            self.method.addItem(label, method)
        self.start = date_field()
        self.start.setObjectName("proposalStart")
        top.addRow(self.tr("Name"), self.name)
        top.addRow(self.tr("Method"), self.method)
        when = QFormLayout()
        when.setHorizontalSpacing(12)
        when.setVerticalSpacing(6)
        when.addRow(self.tr("Takes effect on"), self.start)
        # Two columns: what it is and what is waived on the left, when and the method's own
        # fields on the right - balanced, so the whole form is in sight at 1280x800.
        # (one above the other on a narrow page: ``ProposalsTab.fit_room``)
        columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns = columns
        columns.setSpacing(24)
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addLayout(top)
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addLayout(when)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        outer.addLayout(columns)

        self.pages = QStackedWidget()
        self.fields: dict[str, dict[str, Any]] = {}
        self._page_forms: list[QFormLayout] = []
        for method in PROPOSAL_METHODS:
            self.pages.addWidget(self._page(method))
        right.addWidget(self.pages)
        right.addStretch(1)

        waive = QFormLayout()
        waive.setHorizontalSpacing(12)
        waive.setVerticalSpacing(6)
        self.waive_penalty = self._share_field("waive.penalty")
        self.waive_late = self._share_field("waive.late_fees")
        self.waive_interest = self._share_field("waive.interest")
        waive.addRow(self.tr("Penalty waived (%)"), self.waive_penalty)
        waive.addRow(self.tr("Late fees waived (%)"), self.waive_late)
        waive.addRow(self.tr("Interest waived (%)"), self.waive_interest)
        left.addLayout(waive)
        left.addStretch(1)

        # Beside Revert and Save, two lines whose room is kept: the form's one message line (a
        # field's message named by the field's label, "Months: ...", or what finance refused;
        # the field itself is outlined in red) over what the plan starts from. A line under each
        # field moved the fields under it as it came and went, and the form has no room for a
        # line under each at 1280x800. Each line is elided, the whole of it in the tooltip.
        self.plan_error = ErrorLabel()
        self.base_label = SteadyLabel()
        self.base_label.setObjectName("hint")
        # Why a saved draft's figures moved after payments were recorded (a tester saw 7,022.53
        # become 6,041.67 and was told nothing): said on the message line while it is free, so
        # the form is no taller. Only the accepted proposal is fixed (DOMAIN.md).
        self.draft_note = SteadyLabel()
        self.draft_note.setObjectName("hint")
        self.draft_note.setText(
            self.tr(
                "Not fixed until accepted: payments recorded from the start day on change "
                "these figures."
            )
        )
        self.cancel_button = QPushButton(self.tr("Revert"))
        self.save_button = QPushButton(self.tr("Save proposal"))
        self.save_button.setObjectName("primary")
        # The footer is placed by the tab under the fields' scrolling area: always in sight,
        # however the fields scroll.
        self.footer = _Footer(self)
        footer = QGridLayout(self.footer)
        footer.setContentsMargins(0, 0, 4, 0)
        footer.setHorizontalSpacing(6)
        footer.setVerticalSpacing(0)
        footer.addWidget(self.draft_note, 0, 0)  # while the message line says nothing
        footer.addWidget(self.plan_error, 0, 0)
        footer.addWidget(self.base_label, 1, 0)
        footer.addWidget(self.agreed_note, 0, 0, 2, 1)  # an accepted proposal: instead of both
        footer.addWidget(self.cancel_button, 0, 1, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        footer.addWidget(self.save_button, 0, 2, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        footer.setColumnStretch(0, 1)
        self._plan_message = ""
        self._labels: dict[QWidget, str] = {}
        for form in [top, when, waive, *self._page_forms]:
            for row in range(form.rowCount()):
                label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if label is not None and isinstance(label.widget(), QLabel) and item is not None:
                    field = item.widget()
                    if field is self._discount_row:
                        field = self.fields["lump_sum"]["discount"]
                    if field is not None:
                        self._labels[field] = label.widget().text()
        for field in self.findChildren(CheckedLineEdit):
            field.say_elsewhere()
            field.messageChanged.connect(self._show_messages)

        self._align_labels([top, waive])
        self._align_labels([when, *self._page_forms])
        self.method.currentIndexChanged.connect(self._on_method)
        self.name.textChanged.connect(self._changed)
        for field in (self.start, self.waive_penalty, self.waive_late, self.waive_interest):
            field.changed.connect(self._changed)
        self.save_button.clicked.connect(self._on_save)
        self.cancel_button.clicked.connect(self._on_revert)

    def tab_chain(self) -> list[QWidget]:
        """The fields in the order Tab goes through them: down the left column (name, method,
        what is waived), down the right (when, the method's own fields), then Revert and Save.
        By creation order Tab went from Method to "Takes effect", and waivers typed after Method
        landed in the dates and months. Only the fields shown and enabled count."""
        chain: list[QWidget] = [self.name, self.method]
        chain += [self.waive_penalty, self.waive_late, self.waive_interest, self.start]
        for form in self._page_forms:
            chain += self._row_widgets(form)
        chain += [self.cancel_button, self.save_button]
        return [widget for widget in chain if widget.isVisible() and widget.isEnabled()]

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab from any field of the form (or its footer) comes here through the field's parents.
        # setTabOrder cannot say this order: a field is a box around its line (a focus proxy),
        # and Qt goes on from the box's place in the chain, not the line's.
        focused = QApplication.focusWidget()
        chain = self.tab_chain()
        at = [i for i, w in enumerate(chain) if focused is not None and _holds(w, focused)]
        step = 1 if next else -1
        if not at or not 0 <= at[0] + step < len(chain):
            return super().focusNextPrevChild(next)
        target = chain[at[0] + step]
        target.setFocus(
            Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        )
        parent = target.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(target)
        return True

    def _row_widgets(self, form: QFormLayout) -> list[QWidget]:
        """The fields of a page's rows, top to bottom (inside a row's box: its input)."""
        found: list[QWidget] = []
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if item is None:
                continue
            inner = item.layout()
            widgets = (
                [inner.itemAt(i).widget() for i in range(inner.count())]
                if inner is not None
                else [item.widget()]
            )
            for widget in widgets:
                if widget is self._discount_row:
                    widget = self.fields["lump_sum"]["discount"]
                target = widget.focusProxy() or widget if isinstance(widget, QWidget) else None
                if target is not None and target.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    found.append(widget)
        return found

    def _share_field(self, name: str) -> CheckedLineEdit:
        field = CheckedLineEdit(
            lambda text: _share(text, name),
            required=False,
            empty_value=Decimal(0),
            numeric=True,
            placeholder="0",
        )
        field.setMaximumWidth(120)
        return field

    def _rate_field(self) -> CheckedLineEdit:
        field = CheckedLineEdit(
            lambda text: _percent(text, "annual_rate"),
            required=False,
            empty_value=Decimal(0),
            numeric=True,
            placeholder="0",
        )
        field.setMaximumWidth(120)
        return field

    def _months_field(self, name: str, minimum: int = 1) -> CheckedLineEdit:
        field = CheckedLineEdit(lambda text: _whole(text, name, minimum), numeric=True)
        field.setMaximumWidth(120)
        return field

    def _align_labels(self, forms: list[QFormLayout]) -> None:
        """One label width for these form parts, so their fields line up down the column."""
        labels = []
        for form in forms:
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                if item is not None and isinstance(item.widget(), QLabel):
                    labels.append(item.widget())
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)

    def _show_page(self) -> None:
        """Only the current method's page counts for the height, so no gap is left."""
        current = PROPOSAL_METHODS.index(self.current_method())
        for index in range(self.pages.count()):
            page = self.pages.widget(index)
            policy = (
                QSizePolicy.Policy.Preferred if index == current else QSizePolicy.Policy.Ignored
            )
            page.setSizePolicy(QSizePolicy.Policy.Preferred, policy)
        self.pages.setCurrentIndex(current)
        self.pages.adjustSize()

    def _page(self, method: str) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self._page_forms.append(form)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(6)
        fields: dict[str, Any] = {}
        if method in ("reamortize", "reduced_installment"):
            if method == "reamortize":
                fields["months"] = self._months_field("months")
                form.addRow(self.tr("Months"), fields["months"])
            else:
                fields["amount"] = amount_field(lambda: self.currency)
                form.addRow(self.tr("Amount a month"), fields["amount"])
            fields["annual_rate"] = self._rate_field()
            form.addRow(self.tr("Yearly interest (%)"), fields["annual_rate"])
            fields["first_due"] = date_field(required=False)
            form.addRow(self.tr("First due (optional)"), fields["first_due"])
        elif method == "fee_waiver":
            fields["pay_by"] = date_field()
            form.addRow(self.tr("Pay by"), fields["pay_by"])
        elif method == "lump_sum":
            mode = QComboBox()
            mode.addItem(self.tr("an amount"), "amount")
            mode.addItem(self.tr("a discount on what is owed"), "discount")
            fields["mode"] = mode
            fields["amount"] = amount_field(lambda: self.currency)
            fields["discount"] = CheckedLineEdit(
                lambda text: _lump_discount(text), numeric=True, placeholder="30"
            )
            fields["discount"].setMaximumWidth(120)
            fields["pay_by"] = date_field()
            # "30" is 30 % off; in Chinese "七折" means paying 70 %: the label says which, and
            # beside the field what is paid ("pays 70 % = 6,126.94") as the user types.
            self.discount_paid = QLabel()
            self.discount_paid.setObjectName("discountPaid")
            self._discount_row = QWidget()
            discount_row = QHBoxLayout(self._discount_row)
            discount_row.setContentsMargins(0, 0, 0, 0)
            discount_row.addWidget(fields["discount"], 0, Qt.AlignmentFlag.AlignTop)
            discount_row.addWidget(self.discount_paid, 1, Qt.AlignmentFlag.AlignTop)
            form.addRow(self.tr("Settle with"), mode)
            form.addRow(self.tr("Amount"), fields["amount"])
            form.addRow(self.tr("Discount (% taken off)"), self._discount_row)
            form.addRow(self.tr("Pay by"), fields["pay_by"])
            self._lump_form = form
            mode.currentIndexChanged.connect(self._on_lump_mode)
            mode.currentIndexChanged.connect(self._changed)
        elif method == "deferral":
            fields["holiday_months"] = self._months_field("holiday_months")
            fields["months_after"] = self._months_field("months_after")
            during = QComboBox()
            during.addItem(self.tr("frozen"), "freeze")
            during.addItem(self.tr("keeps accruing"), "accrue")
            fields["interest_during"] = during
            fields["annual_rate"] = self._rate_field()
            fields["first_due"] = date_field(required=False)
            form.addRow(self.tr("Holiday months"), fields["holiday_months"])
            form.addRow(self.tr("Interest meanwhile"), during)
            form.addRow(self.tr("Then months of"), fields["months_after"])
            form.addRow(self.tr("Yearly interest (%)"), fields["annual_rate"])
            form.addRow(self.tr("Holiday starts (optional)"), fields["first_due"])
            during.currentIndexChanged.connect(self._changed)
        else:
            text = QPlainTextEdit()
            text.setObjectName("customInstallments")
            text.setPlaceholderText(self.tr("One per line: date and amount\n2026-12-15 500.00"))
            text.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 12)
            text.setTabChangesFocus(True)  # Tab goes on to Revert and Save, as in every field
            fields["installments"] = text
            fields["installments_error"] = ErrorLabel(page)  # said in the footer (_show_messages)
            form.addRow(self.tr("Installments"), text)
            text.textChanged.connect(self._changed)
        for value in fields.values():
            if isinstance(value, CheckedLineEdit):
                value.changed.connect(self._changed)
        self.fields[method] = fields
        return page

    def _on_lump_mode(self) -> None:
        fields = self.fields["lump_sum"]
        by_amount = fields["mode"].currentData() == "amount"
        self._lump_form.setRowVisible(fields["amount"], by_amount)
        self._lump_form.setRowVisible(self._discount_row, not by_amount)

    # ----- loading -----------------------------------------------------------------------------
    def set_loan(self, loan: Loan) -> None:
        self.loan = loan
        self.currency = loan.currency

    def current_method(self) -> str:
        return str(self.method.currentData())

    def edit(self, proposal: Proposal | None, today: date) -> None:
        """Show ``proposal`` (or a new draft starting ``today``) in the fields."""
        self._loading = True
        self.today = today
        try:
            self.original = proposal
            if proposal is None:
                self.name.setText("")
                self.method.setCurrentIndex(self.method.findData("reamortize"))
                self.start.setText(today.isoformat())
                for fields in self.fields.values():
                    self._clear(fields)
                self.fields["reamortize"]["months"].setText("24")
                for field in (self.waive_penalty, self.waive_late, self.waive_interest):
                    field.setText("")
            else:
                self.name.setText(proposal.name)
                self.method.setCurrentIndex(self.method.findData(proposal.method))
                self.start.setText(proposal.start.isoformat())
                for fields in self.fields.values():
                    self._clear(fields)
                self._fill(proposal.method, proposal.params)
                self.waive_penalty.setText(_percent_text(proposal.waive.penalty))
                self.waive_late.setText(_percent_text(proposal.waive.late_fees))
                self.waive_interest.setText(_percent_text(proposal.waive.interest))
            self._show_page()
            self._on_lump_mode()
            self._lock()
        finally:
            self._loading = False
        self.recompute()

    def _clear(self, fields: dict[str, Any]) -> None:
        for value in fields.values():
            if isinstance(value, CheckedLineEdit):
                value.setText("")
            elif isinstance(value, QPlainTextEdit):
                value.setPlainText("")
            elif isinstance(value, QComboBox):
                value.setCurrentIndex(0)
            elif isinstance(value, ErrorLabel):
                value.setText("")

    def _fill(self, method: str, params: dict[str, Any]) -> None:
        fields = self.fields[method]
        for key, value in params.items():
            if value is None:
                continue
            widget = fields.get(key)
            if key == "annual_rate":
                widget.setText(_percent_text(value))
            elif key == "discount":
                fields["mode"].setCurrentIndex(fields["mode"].findData("discount"))
                widget.setText(_percent_text(value))
            elif key == "interest_during":
                widget.setCurrentIndex(widget.findData(value))
            elif key == "installments":
                widget.setPlainText(
                    "\n".join(
                        f"{due.isoformat()} {format_plain(amt, self.currency)}"
                        for due, amt in value
                    )
                )
            elif isinstance(value, date):
                widget.setText(value.isoformat())
            elif isinstance(value, Decimal):
                widget.setText(format_plain(value, self.currency))
            else:
                widget.setText(str(value))

    # ----- reading the fields ------------------------------------------------------------------
    # Complexity over 10 on purpose: one branch per negotiation method; the per-method schema of
    # issue 16 splits it.
    def _params(self) -> dict[str, Any] | None:
        """The method's parameters from the fields, or None while a field is wrong."""
        method = self.current_method()
        fields = self.fields[method]
        params: dict[str, Any] = {}
        ok = True
        schema = SCHEMAS[method]
        for spec in schema.fields:  # the method's parameters, as its schema lists them
            key, widget = spec.name, fields[spec.name]
            if key in schema.one_of and fields["mode"].currentData() != key:
                continue  # a lump sum takes the amount or the discount the mode chose
            if isinstance(widget, CheckedLineEdit):
                if not widget.valid:
                    ok = False
                elif widget.value is not None:
                    params[key] = widget.value
            elif isinstance(widget, QComboBox):
                params[key] = widget.currentData()
            elif isinstance(widget, QPlainTextEdit):
                try:
                    params[key] = _custom_rows(widget.toPlainText(), self.currency)
                    fields["installments_error"].setText("")
                except (InputError, AmountError) as problem:
                    fields["installments_error"].setText(user_message(problem))
                    ok = False
                self._show_messages()
        return params if ok else None

    def proposal(self) -> Proposal | None:
        """The proposal the fields describe, or None while any field is wrong."""
        params = self._params()
        shares = (self.waive_penalty, self.waive_late, self.waive_interest)
        if params is None or not self.start.valid or not all(f.valid for f in shares):
            return None
        base = self.original
        return Proposal(
            id=base.id if base is not None else "",
            name=self.name.text().strip(),
            method=self.current_method(),
            start=self.start.value,
            params=params,
            status=base.status if base is not None else "draft",
            waive=Waive(self.waive_penalty.value, self.waive_late.value, self.waive_interest.value),
            history=list(base.history) if base is not None else [],
            agreed=base.agreed if base is not None else None,
        )

    # ----- working it out ----------------------------------------------------------------------
    def _on_method(self) -> None:
        self._show_page()
        self._changed()

    def _changed(self) -> None:
        if not self._loading:
            self._timer.start()  # restarts: the plan is worked out once typing pauses

    def pending(self) -> bool:
        """Whether a recompute is waiting for typing to pause."""
        return self._timer.isActive()

    def recompute(self) -> None:
        """Work the plan out from the fields now and tell the tab (table, chart, comparison)."""
        self._timer.stop()
        began = time.perf_counter()
        self.plan, self.problem = None, ""
        self._show_plan_error(None)
        proposal = self.proposal()
        if proposal is not None and self.loan is not None:
            try:
                # An agreement shows the table agreed on acceptance, not one worked out again.
                self.plan = plans.plan_in_force(
                    self.loan, replace(proposal, id=proposal.id or "new")
                )
            except InputError as problem:
                self.problem = error_detail(problem)
                self._show_plan_error(problem)
        self.last_compute_ms = (time.perf_counter() - began) * 1000
        self._show_base()
        self._show_discount_paid()
        self.save_button.setEnabled(self.plan is not None and not self.agreed())
        self.planChanged.emit(self.plan)

    def agreed(self) -> bool:
        """Whether the proposal shown is the accepted one: a contract, read only (DOMAIN.md "A plan
        in force is a contract"); a change is a new proposal (Duplicate)."""
        return self.original is not None and self.original.status == "accepted"

    def _lock(self) -> None:
        """The fields of an accepted proposal cannot be edited; the others can."""
        agreed = self.agreed()
        widgets: list[QWidget] = [self.name, self.method, self.start, self.pages]
        widgets += [self.waive_penalty, self.waive_late, self.waive_interest]
        for widget in widgets:
            widget.setEnabled(not agreed)
        self.cancel_button.setEnabled(not agreed)
        self.agreed_note.setVisible(agreed)
        self.base_label.setVisible(not agreed)
        self._show_messages()
        self.save_button.setToolTip(
            self.tr("The agreement is a contract: Duplicate it to propose a change.")
            if agreed
            else ""
        )

    def _show_plan_error(self, problem: Exception | None) -> None:
        """Put finance's refusal next to the field its path names (e.g. the reduced amount)."""
        for fields in self.fields.values():
            for widget in fields.values():
                if isinstance(widget, CheckedLineEdit):
                    widget.show_error("")
        self._plan_message = ""
        if problem is not None:
            text = user_message(problem)
            name = param_name(error_field(problem))
            fields = self.fields[self.current_method()]
            target = fields.get(name)
            if name == "start":
                self.start.show_error(text)
            elif isinstance(target, CheckedLineEdit) and not target.isHidden():
                target.show_error(text)
            else:
                self._plan_message = text
        self._show_messages()

    def field_message(self) -> str:
        """What the footer says of the fields: the first field's message in Tab order, named by
        its label, else what finance refused; "" when nothing is wrong."""
        fields = self.fields[self.current_method()]
        chain: list[QWidget] = [self.waive_penalty, self.waive_late, self.waive_interest]
        chain = [self.start, *chain, *(w for w in fields.values() if isinstance(w, QWidget))]
        for widget in chain:
            if isinstance(widget, CheckedLineEdit):
                text = widget.message
            elif widget is fields.get("installments"):
                text = fields["installments_error"].text()
                widget = fields["installments"]
            else:
                continue
            if text and not widget.isHidden():
                label = self._labels.get(widget, "").rstrip(":：")
                return self.tr("%1: %2").replace("%1", label).replace("%2", text) if label else text
        return self._plan_message

    def _show_messages(self) -> None:
        if not hasattr(self, "_labels"):
            return  # still building
        agreed = self.agreed()
        message = "" if agreed else self.field_message()
        self.plan_error.show_message(message)
        self.draft_note.setVisible(not agreed and not message)

    def _show_base(self) -> None:
        from ashore.domain.dates import date_text
        from ashore.domain.money import format_amount

        if self.plan is None:
            self.base_label.setText("")
            return
        base, start = self.plan.base, self.plan.start
        # DOMAIN.md: a payment on or after the start date pays the plan, so the base is what was
        # owed as that day began; say so when such a payment makes it differ from "owed today".
        since = [p.amount for p in (self.loan.payments if self.loan else []) if p.date >= start]
        if since:
            text = (
                self.tr("Starts from %1 owed at the start of %2")
                .replace("%1", format_amount(base.amount, self.currency, self.babel))
                .replace("%2", date_text(start, self.babel))
            )
        else:
            text = self.tr("Starts from %1 owed on that day").replace(
                "%1", format_amount(base.amount, self.currency, self.babel)
            )
        if base.waived_total > 0:
            text += self.tr(" (%1 waived)").replace(
                "%1", format_amount(base.waived_total, self.currency, self.babel)
            )
        if since:
            text += self.tr("; the %1 paid from that day on counts toward the plan").replace(
                "%1", format_amount(sum(since, Decimal(0)), self.currency, self.babel)
            )
        self.base_label.setText(text + self.tr("."))  # the full stop: "。" in Chinese

    def _show_discount_paid(self) -> None:
        """Beside a lump sum's discount: the share paid and the sum it comes to."""
        from ashore.domain.money import format_amount

        fields = self.fields["lump_sum"]
        field, plan = fields["discount"], self.plan
        by_discount = self.current_method() == "lump_sum" and (
            fields["mode"].currentData() == "discount"
        )
        if plan is None or not by_discount or not field.valid or field.value is None:
            self.discount_paid.setText("")
            return
        share = _percent_text(Decimal(1) - field.value)
        self.discount_paid.setText(
            self.tr("pays %1 % = %2")
            .replace("%1", share)
            .replace("%2", format_amount(plan.total_paid, self.currency, self.babel))
        )

    def _on_save(self) -> None:
        self.recompute()
        proposal = self.proposal()
        if proposal is not None and self.plan is not None:
            self.saveRequested.emit(proposal)

    def _on_revert(self) -> None:
        if self.loan is not None:
            self.edit(self.original, self.today)
        self.cancelRequested.emit()

    def show_save_error(self, problem: Exception | str) -> None:
        """Show the service's refusal to save under the field it names (an error given as text,
        by an older caller, is read as "path: detail")."""
        self._show_plan_error(as_error(problem))
