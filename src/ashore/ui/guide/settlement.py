"""The Guide's last box: once the loan is paid off, the settlement certificate (结清证明, and what
it must state), the credit report a month later, the day the overdue record drops off, and a
dispute letter when the report still shows the loan overdue."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ashore.app.errors import AshoreError
from ashore.domain.dates import date_text
from ashore.domain.records import Loan
from ashore.services import settlement as svc
from ashore.services.credit import check_report_on, clears_on
from ashore.services.ledger import Ledger
from ashore.ui import dialogs
from ashore.ui.files.common import loan_file
from ashore.ui.widgets.fields import ErrorLabel, user_message


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(edit: QDateEdit) -> date:
    qd = edit.date()
    return date(qd.year(), qd.month(), qd.day())


class SettlementBox(QGroupBox):
    """Settlement, certificate, credit report and dispute letter for one loan."""

    def __init__(
        self, ledger: Ledger, today: date, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("After the last payment"))
        self.setMaximumWidth(820)
        self.ledger = ledger
        self.today = today
        self.lang = lang
        self.loan: Loan | None = None
        column = QVBoxLayout(self)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.status)

        line = QHBoxLayout()
        self.settled_on = QDateEdit()
        self.settled_on.setCalendarPopup(True)
        self.settled_on.setDisplayFormat("yyyy-MM-dd")
        self.settled_on.setDate(_qdate(today))
        self.settle_button = QPushButton(self.tr("Record settlement"))
        self.settle_button.clicked.connect(self.record_settlement)
        line.addWidget(QLabel(self.tr("Paid off on")))
        line.addWidget(self.settled_on)
        line.addWidget(self.settle_button)
        line.addStretch(1)
        column.addLayout(line)

        self.certificate_hint = QLabel(
            self.tr(
                "Ask the lender for a settlement certificate (结清证明). It must state your name "
                "and ID number, the contract number, that the balance is zero, and carry the "
                "lender's seal. Keep it: it is what a credit-report dispute rests on."
            )
        )
        self.certificate_hint.setWordWrap(True)
        self.certificate_hint.setObjectName("hint")
        column.addWidget(self.certificate_hint)
        cert_line = QHBoxLayout()
        self.certificate = QLabel()
        self.certificate.setTextFormat(Qt.TextFormat.PlainText)
        self.certificate_button = QPushButton(self.tr("Attach certificate…"))
        self.certificate_button.clicked.connect(self.ask_certificate)
        cert_line.addWidget(self.certificate, 1)
        cert_line.addWidget(self.certificate_button)
        column.addLayout(cert_line)

        report = QHBoxLayout()
        self.report_date = QDateEdit()
        self.report_date.setCalendarPopup(True)
        self.report_date.setDisplayFormat("yyyy-MM-dd")
        self.report_date.setDate(_qdate(today))
        self.report_result = QComboBox()
        self.report_result.addItem(self.tr("shows the loan settled"), True)
        self.report_result.addItem(self.tr("still shows it overdue"), False)
        self.report_button = QPushButton(self.tr("Record report"))
        self.report_button.clicked.connect(self.record_report)
        report.addWidget(QLabel(self.tr("Credit report of")))
        report.addWidget(self.report_date)
        report.addWidget(self.report_result)
        report.addWidget(self.report_button)
        report.addStretch(1)
        column.addLayout(report)

        self.dispute = QLabel()
        self.dispute.setObjectName("banner")
        self.dispute.setWordWrap(True)
        self.dispute_button = QPushButton(self.tr("Dispute letter…"))
        self.dispute_button.clicked.connect(self.ask_dispute)
        column.addWidget(self.dispute)
        column.addWidget(self.dispute_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.error = ErrorLabel(lines=2)  # its room kept: nothing above it moves

        column.addWidget(self.error)

    # ----- showing ---------------------------------------------------------------------------
    def set_loan(self, loan: Loan) -> None:
        self.loan = loan
        self.error.hide()
        settlement = loan.settlement
        settled = settlement is not None
        shown: tuple[QWidget, ...] = (
            self.certificate_hint,
            self.certificate,
            self.certificate_button,
        )
        for widget in shown:
            widget.setVisible(settled)
        for part in (self.report_date, self.report_result, self.report_button):
            part.setEnabled(settled)
        if settlement is None:
            self.status.setText(
                self.tr(
                    "When the last payment is made, record the day here: Ashore then reminds you "
                    "of the certificate and the credit report, and shows when the record clears."
                )
            )
            self.dispute.hide()
            self.dispute_button.hide()
            return
        self.settled_on.setDate(_qdate(settlement.settled_on))
        lines = [
            self.tr("Settled on {day}.").format(day=date_text(settlement.settled_on, self.lang)),
            self.tr(
                "The overdue record drops off your credit report on {day} (five years after "
                "settling)."
            ).format(day=date_text(clears_on(settlement.settled_on), self.lang)),
        ]
        check_on = check_report_on(settlement.settled_on)
        if settlement.credit_report_checked_on is None:
            lines.append(
                self.tr(
                    "Check your credit report from {day} (the report updates within about a "
                    "month; two free reports a year from the Credit Reference Center)."
                ).format(day=date_text(check_on, self.lang))
                + (" " + self.tr("That day has come.") if self.today >= check_on else "")
            )
        else:
            lines.append(
                (
                    self.tr("The credit report of {day} shows the loan settled.")
                    if settlement.credit_report_clean
                    else self.tr("The credit report of {day} still shows the loan overdue.")
                ).format(day=date_text(settlement.credit_report_checked_on, self.lang))
            )
        self.status.setText("\n".join(lines))
        certificate = settlement.certificate
        self.certificate.setText(
            self.tr("Certificate: {name} (SHA-256 {sha}…)").format(
                name=certificate.name, sha=certificate.sha256[:16]
            )
            if certificate is not None
            else self.tr("No certificate kept yet.")
        )
        wrong = settlement.credit_report_clean is False
        self.dispute.setVisible(wrong)
        self.dispute_button.setVisible(wrong)
        if wrong:
            self.dispute.setText(
                self.tr(
                    "The report is wrong: send the Credit Reference Center a dispute with the "
                    "certificate. It must answer within 20 days."
                )
            )

    # ----- actions ---------------------------------------------------------------------------
    def _run(self, action: Callable[[], Loan]) -> None:
        try:
            loan = action()
        except AshoreError as error:
            self.error.setText(user_message(error))
            self.error.show()
            return
        self.set_loan(loan)

    def record_settlement(self) -> None:
        if self.loan is None:
            return
        loan_id, day = self.loan.id, _pydate(self.settled_on)
        self._run(lambda: svc.record_settlement(self.ledger, loan_id, day))

    def ask_certificate(self) -> None:
        path = dialogs.get_open_path(
            self,
            self.tr("Settlement certificate"),
            self.tr("PDF or picture (*.pdf *.png *.jpg *.jpeg);;All files (*)"),
        )
        if path is not None:
            self.attach_certificate(path)

    def attach_certificate(self, path: Path) -> None:
        if self.loan is None:
            return
        loan_id = self.loan.id
        self._run(lambda: svc.attach_certificate(self.ledger, loan_id, path))

    def record_report(self) -> None:
        if self.loan is None:
            return
        loan_id, day = self.loan.id, _pydate(self.report_date)
        clean = bool(self.report_result.currentData())
        self._run(lambda: svc.record_report(self.ledger, loan_id, day, clean))

    def ask_dispute(self) -> None:
        if self.loan is None:
            return
        path = dialogs.get_save_path(
            self,
            self.tr("Dispute letter"),
            self.tr("PDF files (*.pdf)"),
            loan_file(
                self.ledger.lender(self.loan.lender).name, self.loan, "dispute", self.today, ".pdf"
            ),
        )
        if path is not None:
            self.write_dispute(path)

    def write_dispute(self, path: Path) -> None:
        """The dispute letter as a PDF at ``path``."""
        from ashore.reports.letter import write_letter_pdf
        from ashore.services.guide.storage import load_borrower

        if self.loan is None:
            return
        lender = next((x for x in self.ledger.lenders() if x.id == self.loan.lender), None)
        try:
            text = svc.dispute_text(
                self.loan,
                lender.name if lender else self.loan.lender,
                load_borrower(self.ledger).name,
                self.today,
                self.lang,
            )
            write_letter_pdf(text, path, title=self.tr("Credit report dispute"), lang=self.lang)
        except AshoreError as error:
            self.error.setText(user_message(error))
            self.error.show()
        except OSError as error:
            self.error.setText(f"{path}: {error.strerror or error}")
            self.error.show()
