"""The Guide tab of a loan: where the negotiation stands and the one thing to do next, the
checklist to prepare the call, the borrower's profile for letters, and the credit-report check.
``guide.controller`` adds it to the main window.

Just over 500 lines: GuideTab's four sections share the loan shown and its saved guide."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ashore.app.errors import DataError, InputError
from ashore.domain import guide as guide_records
from ashore.domain.dates import date_text
from ashore.domain.money import AmountError, format_plain, parse_amount
from ashore.domain.records import Lender, Loan
from ashore.services.guide import checklist as guide_checklist
from ashore.services.guide import figures as guide_figures
from ashore.services.guide import stage as guide_stage
from ashore.services.guide import storage as guide_storage
from ashore.services.guide import warnings as guide_warnings
from ashore.ui import dialogs
from ashore.ui.audio.probe import probe_duration_ms
from ashore.ui.messages import warning_text
from ashore.ui.widgets.fields import CheckedLineEdit, DateEdit, user_message
from ashore.ui.widgets.style import ACCENT, BORDER, ERROR, MARGIN, MUTED, SPACING, title_font

if TYPE_CHECKING:
    from ashore.services.ledger import Ledger
from ashore.ui.guide.names import (
    credit_result_names,
    document_names,
    next_steps,
    reason_names,
    stage_titles,
)

LEVEL_STYLE = {
    "urgent": f"background: #fde3e0; color: {ERROR}; border: 1px solid #f3b9b3;",
    "warning": "background: #fdf0dc; color: #8a5300; border: 1px solid #f0d4a8;",
    "info": "background: #e3edfa; color: #1f5596; border: 1px solid #bcd0ee;",
}


class StageStrip(QWidget):
    """The eight steps in a row: the passed ones ticked, the current one filled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.labels: list[QLabel] = []
        titles = stage_titles()
        for key in guide_stage.STAGES:
            label = QLabel(titles[key])
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            layout.addWidget(label, 1)
            self.labels.append(label)

    def set_step(self, step: int) -> None:
        """Fill step ``step`` and tick every step before it: a step behind the current one is
        passed, never shown undone beside ticked later ones (seventh walk's 2; what "Preparing"
        still asks is its own checklist's, below)."""
        titles = list(stage_titles().values())
        for i, label in enumerate(self.labels):
            if i == step:
                label.setText(titles[i])
                style = f"color: white; background: {ACCENT}; font-weight: 600;"
            elif i < step:
                label.setText("✓ " + titles[i])
                style = f"color: {MUTED}; border: 1px solid {BORDER}; background: #f0f4f6;"
            else:
                label.setText(titles[i])
                style = f"color: {MUTED}; border: 1px dashed {BORDER};"
            label.setStyleSheet(style + " border-radius: 6px; padding: 4px 2px;")


class GuideTab(QWidget):
    """The negotiation guide of one loan."""

    def __init__(
        self,
        ledger: Ledger,
        today: date,
        locale: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.ledger = ledger
        self.today = today
        self.money_locale = locale
        self.loan: Loan | None = None
        self.lender: Lender | None = None
        self.guide = guide_records.LoanGuide("")
        self.stage: guide_stage.Stage | None = None
        # set by the controller: open the call card / after-call dialog / letter editor
        self.on_call_card = lambda: None
        self.on_after_call = lambda: None
        self.on_letter = lambda: None
        self.on_changed = lambda: None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        self.scroll = scroll
        body = QWidget()
        body.setObjectName("formBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(MARGIN, 6, MARGIN, MARGIN)
        column.setSpacing(SPACING)
        scroll.setWidget(body)
        outer.addWidget(scroll)

        # --- where it stands
        self.stage_title = QLabel()
        self.stage_title.setObjectName("stageTitle")
        self.stage_title.setFont(title_font(self.font(), 1.3))
        self.next_step = QLabel()
        self.next_step.setObjectName("nextStep")
        self.next_step.setWordWrap(True)
        emphasis = self.next_step.font()
        if emphasis.pointSizeF() > 0:
            emphasis.setPointSizeF(emphasis.pointSizeF() * 1.15)
        self.next_step.setFont(emphasis)
        self.strip = StageStrip()
        column.addWidget(self.stage_title)
        column.addWidget(self.next_step)
        column.addWidget(self.strip)
        self.warning_box = QVBoxLayout()
        self.warning_box.setSpacing(4)
        column.addLayout(self.warning_box)
        self.warning_labels: list[QLabel] = []

        actions = QHBoxLayout()
        self.card_button = QPushButton(self.tr("Open the call card"))
        self.card_button.setObjectName("primary")
        self.after_button = QPushButton(self.tr("After the call…"))
        self.letter_button = QPushButton(self.tr("Hardship letter…"))
        actions.addWidget(self.card_button)
        actions.addWidget(self.after_button)
        actions.addWidget(self.letter_button)
        actions.addStretch(1)
        column.addLayout(actions)
        self.card_button.clicked.connect(lambda: self.on_call_card())
        self.after_button.clicked.connect(lambda: self.on_after_call())
        self.letter_button.clicked.connect(lambda: self.on_letter())

        column.addWidget(self._build_checklist())
        column.addWidget(self._build_profile())
        column.addWidget(self._build_credit())
        from ashore.ui.guide.settlement import SettlementBox

        self.settlement_box = SettlementBox(ledger, today, "zh_CN" if locale == "zh_CN" else "en")
        column.addWidget(self.settlement_box)
        column.addStretch(1)

    # ----- building --------------------------------------------------------------------------
    def _tick(self) -> QLabel:
        label = QLabel()
        label.setFixedWidth(22)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        return label

    def _build_checklist(self) -> QGroupBox:
        box = QGroupBox(self.tr("Before you call"))
        box.setMaximumWidth(820)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.ticks: dict[str, QLabel] = {}

        def row(key: str, title: str, widget: QWidget | QHBoxLayout | QVBoxLayout) -> None:
            tick = self._tick()
            self.ticks[key] = tick
            line = QHBoxLayout()
            line.addWidget(tick)
            if isinstance(widget, QWidget):
                line.addWidget(widget, 1)
            else:
                line.addLayout(widget, 1)
            form.addRow(title, line)

        reason = QVBoxLayout()
        self.reason = QComboBox()
        for key, name in reason_names().items():
            self.reason.addItem(name, key)
        self.reason_text = QPlainTextEdit()
        self.reason_text.setPlaceholderText(
            self.tr("In one or two sentences, in your own words: what happened, and since when.")
        )
        self.reason_text.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        reason.addWidget(self.reason)
        reason.addWidget(self.reason_text)
        row("reason", self.tr("Why you fell behind"), reason)

        budget = QHBoxLayout()
        self.budget = CheckedLineEdit(
            lambda text: parse_amount(text, field="monthly_budget", units=True),
            required=False,
            placeholder=self.tr("e.g. 1500.00"),
            numeric=True,
        )
        budget_hint = QLabel(self.tr("a month, for all your loans together"))
        budget_hint.setObjectName("hint")
        budget.addWidget(self.budget)
        budget.addWidget(budget_hint, 1)
        row("budget", self.tr("What you can pay"), budget)

        ask = QVBoxLayout()
        self.ask = QComboBox()
        self.fallback = QComboBox()
        ask.addWidget(self.ask)
        fallback_line = QHBoxLayout()
        fallback_line.addWidget(QLabel(self.tr("If they say no:")))
        fallback_line.addWidget(self.fallback, 1)
        ask.addLayout(fallback_line)
        row("ask", self.tr("What you ask for"), ask)

        docs = QVBoxLayout()
        self.documents = QTreeWidget()
        self.documents.setHeaderLabels([self.tr("Document"), self.tr("File"), self.tr("SHA-256")])
        self.documents.setRootIsDecorated(False)
        self.documents.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 16)
        self.documents.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        attach = QHBoxLayout()
        self.document_kind = QComboBox()
        for key, name in document_names().items():
            self.document_kind.addItem(name, key)
        self.attach_button = QPushButton(self.tr("Attach…"))
        attach.addWidget(self.document_kind)
        attach.addWidget(self.attach_button)
        attach.addStretch(1)
        docs.addWidget(self.documents)
        docs.addLayout(attach)
        row("documents", self.tr("Proof"), docs)

        self.contact = QLabel()
        self.contact.setWordWrap(True)
        row("contact", self.tr("Lender's phone and hours"), self.contact)

        self.checklist_banner = QLabel()
        self.checklist_banner.setObjectName("banner")
        self.checklist_banner.setWordWrap(True)
        self.checklist_banner.setVisible(False)
        self.save_button = QPushButton(self.tr("Save checklist"))
        self.save_button.setObjectName("primary")
        bar = QHBoxLayout()
        bar.addWidget(self.checklist_banner, 1)
        bar.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        form.addRow(bar)
        self.save_button.clicked.connect(self.save_checklist)
        self.attach_button.clicked.connect(self.attach_document)
        return box

    def _build_profile(self) -> QGroupBox:
        box = QGroupBox(self.tr("About you (for letters, kept once for all loans)"))
        box.setMaximumWidth(820)
        self.profile_box = box
        form = QFormLayout(box)
        self.borrower_name = QLineEdit()
        self.borrower_phone = QLineEdit()
        self.borrower_email = QLineEdit()
        self.borrower_address = QPlainTextEdit()
        self.borrower_address.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        form.addRow(self.tr("Name"), self.borrower_name)
        form.addRow(self.tr("Phone"), self.borrower_phone)
        form.addRow(self.tr("Address"), self.borrower_address)
        form.addRow(self.tr("E-mail"), self.borrower_email)
        self.profile_button = QPushButton(self.tr("Save profile"))
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.profile_button)
        form.addRow(bar)
        self.profile_button.clicked.connect(self.save_profile)
        return box

    def _build_credit(self) -> QGroupBox:
        box = QGroupBox(self.tr("Credit report"))
        box.setMaximumWidth(820)
        column = QVBoxLayout(box)
        self.credit_hint = QLabel()
        self.credit_hint.setWordWrap(True)
        self.credit_hint.setObjectName("hint")
        column.addWidget(self.credit_hint)
        self.credit_list = QLabel()
        self.credit_list.setWordWrap(True)
        self.credit_list.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.credit_list)
        line = QHBoxLayout()
        self.credit_date = DateEdit()
        self.credit_date.setCalendarPopup(True)
        self.credit_date.setDisplayFormat("yyyy-MM-dd")
        self.credit_date.setDate(QDate(self.today))
        self.credit_result = QComboBox()
        for key, name in credit_result_names().items():
            self.credit_result.addItem(name, key)
        self.credit_note = QLineEdit()
        self.credit_note.setPlaceholderText(self.tr("what the report says"))
        self.credit_button = QPushButton(self.tr("Record check"))
        line.addWidget(QLabel(self.tr("Checked on")))
        line.addWidget(self.credit_date)
        line.addWidget(self.credit_result)
        line.addWidget(self.credit_note, 1)
        line.addWidget(self.credit_button)
        column.addLayout(line)
        self.credit_button.clicked.connect(self.record_credit_check)
        return box

    # ----- filling ---------------------------------------------------------------------------
    def set_loan(self, loan_id: str) -> None:
        """Show the guide of ``loan_id`` as stored now."""
        self.loan = self.ledger.loan(loan_id)
        self.lender = next((x for x in self.ledger.lenders() if x.id == self.loan.lender), None)
        self.guide = guide_storage.load_guide(self.ledger, loan_id)
        self.refresh()

    def refresh(self) -> None:
        loan = self.loan
        if loan is None:
            return
        self.stage = guide_stage.stage(loan, self.today, self.guide)
        titles = stage_titles()
        self.stage_title.setText(
            self.tr("Step %1 of %2: %3")
            .replace("%1", str(self.stage.step + 1))
            .replace("%2", str(len(guide_stage.STAGES)))
            .replace("%3", titles[self.stage.title_key])
        )
        self.next_step.setText(self.tr("Next: %1").replace("%1", next_steps()[self.stage.next_key]))
        self.strip.set_step(self.stage.step)
        self._fill_warnings()
        self._fill_checklist()
        self._fill_profile()
        self._fill_credit()
        self.settlement_box.set_loan(loan)

    def _fill_warnings(self) -> None:
        for label in self.warning_labels:
            self.warning_box.removeWidget(label)
            label.deleteLater()
        self.warning_labels = []
        assert self.loan is not None
        for warning in guide_warnings.warnings(self.ledger, self.today):
            if warning.loan_id != self.loan.id:
                continue
            label = QLabel(warning_text(warning, self.money_locale))
            label.setObjectName(f"warning_{warning.kind}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setStyleSheet(
                LEVEL_STYLE.get(warning.level, "") + " border-radius: 6px; padding: 6px 10px;"
            )
            self.warning_box.addWidget(label)
            self.warning_labels.append(label)

    def _fill_checklist(self) -> None:
        assert self.loan is not None
        loan, guide = self.loan, self.guide
        self.reason.setCurrentIndex(max(self.reason.findData(guide.reason), 0))
        self.reason_text.setPlainText(guide.reason_text)
        budget = self.ledger.monthly_budget()
        self.budget.setText(format_plain(budget, loan.currency) if budget else "")
        # After an agreement, what was asked for is the agreement unless another was chosen.
        agreed = next((p.id for p in loan.proposals if p.status == "accepted"), "")
        for combo, chosen, empty in (
            (self.ask, guide.ask or agreed, self.tr("— choose a proposal —")),
            (self.fallback, guide.fallback, self.tr("— none —")),
        ):
            combo.clear()
            combo.addItem(empty, "")
            for p in loan.proposals:
                combo.addItem(self._proposal_label(p.id), p.id)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
        self.documents.clear()
        names = document_names()
        for doc in guide.documents:
            item = QTreeWidgetItem([names.get(doc.kind, doc.kind), doc.name, doc.sha256])
            item.setToolTip(2, doc.sha256)
            self.documents.addTopLevelItem(item)
        lender = self.lender
        if lender is not None and (lender.phone or lender.hours):
            self.contact.setText(" · ".join(x for x in (lender.phone, lender.hours) if x))
        else:
            self.contact.setText(self.tr("Add the phone number and hours on the lender's page."))
        items = guide_checklist.checklist(loan, lender, guide, budget)
        for item in items:
            self.ticks[item.key].setText("✓" if item.done else "○")
            self.ticks[item.key].setStyleSheet(
                f"color: {'#1e6b40' if item.done else MUTED}; font-weight: 700;"
            )
        self.checklist_banner.setVisible(False)

    def _proposal_label(self, proposal_id: str) -> str:
        assert self.loan is not None
        proposal = next(p for p in self.loan.proposals if p.id == proposal_id)
        try:
            summary = guide_figures.plan_summary(self.loan, proposal)
        except InputError:
            return proposal.name or proposal.id
        words = summary.installments(self.loan.currency, self.money_locale)
        return f"{proposal.name} — {words}"

    def _fill_profile(self) -> None:
        borrower = guide_storage.load_borrower(self.ledger)
        self.borrower_name.setText(borrower.name)
        self.borrower_phone.setText(borrower.phone)
        self.borrower_address.setPlainText(borrower.address)
        self.borrower_email.setText(borrower.email)

    def _fill_credit(self) -> None:
        assert self.stage is not None
        names = credit_result_names()
        checks = self.guide.credit_checks
        self.credit_list.setText(
            "\n".join(
                f"{date_text(c.checked_on, self.money_locale)}: {names.get(c.result, c.result)}"
                + (f" — {c.note}" if c.note else "")
                for c in checks
            )
        )
        self.credit_list.setVisible(bool(checks))
        if self.stage.step >= guide_stage.STAGES.index("settled"):
            self.credit_hint.setText(
                self.tr(
                    "The agreement is paid. Check your credit report (it can take a month to "
                    "update) and record what it shows."
                )
            )
        else:
            self.credit_hint.setText(
                self.tr("When the last agreed payment is made, check your credit report here.")
            )

    # ----- changes ---------------------------------------------------------------------------
    def checklist_value(self) -> guide_records.LoanGuide:
        return replace(
            self.guide,
            reason=str(self.reason.currentData() or ""),
            reason_text=self.reason_text.toPlainText().strip(),
            ask=str(self.ask.currentData() or ""),
            fallback=str(self.fallback.currentData() or ""),
        )

    def save_checklist(self) -> bool:
        if self.loan is None:
            return False
        if not self.budget.valid:
            self._banner(self.budget.error)
            return False
        try:
            guide = self.checklist_value()
            guide_storage.save_guide(self.ledger, guide)
            budget = self.budget.value
            if budget != self.ledger.monthly_budget():
                self.ledger.set_monthly_budget(budget if budget else None)
        except (InputError, AmountError, DataError) as problem:
            self._banner(user_message(problem))
            return False
        self.guide = guide
        self.refresh()
        self.on_changed()
        return True

    def attach_document(self) -> None:
        if self.loan is None:
            return
        path = dialogs.get_open_path(
            self,
            self.tr("Attach a supporting document"),
            self.tr("Documents and pictures (*.pdf *.png *.jpg *.jpeg);;All files (*)"),
        )
        if path is None:
            return
        try:
            guide_storage.attach_document(
                self.ledger,
                self.loan.id,
                path,
                str(self.document_kind.currentData()),
                probe_duration_ms,
            )
        except (InputError, DataError) as problem:
            self._banner(user_message(problem))
            return
        self.guide = guide_storage.load_guide(self.ledger, self.loan.id)
        self.refresh()
        self.on_changed()

    def show_profile(self) -> None:
        """Bring "About you" into sight with the cursor in its Name (the letter sent the user)."""
        self.scroll.ensureWidgetVisible(self.profile_box, 0, 0)
        self.borrower_name.setFocus()

    def save_profile(self) -> None:
        try:
            guide_storage.save_borrower(
                self.ledger,
                guide_records.Borrower(
                    name=self.borrower_name.text().strip(),
                    phone=self.borrower_phone.text().strip(),
                    address=self.borrower_address.toPlainText().strip(),
                    email=self.borrower_email.text().strip(),
                ),
            )
        except (InputError, DataError) as problem:
            self._banner(user_message(problem))

    def record_credit_check(self) -> None:
        if self.loan is None:
            return
        checked = self.credit_date.date().toPython()
        assert isinstance(checked, date)
        try:
            self.guide = guide_storage.record_credit_check(
                self.ledger,
                self.loan.id,
                checked,
                str(self.credit_result.currentData()),
                self.credit_note.text().strip(),
            )
        except (InputError, DataError) as problem:
            self._banner(user_message(problem))
            return
        self.credit_note.clear()
        self.refresh()
        self.on_changed()

    def _banner(self, text: str) -> None:
        self.checklist_banner.setText(text)
        self.checklist_banner.setVisible(True)
