"""The hardship letter editor: the template filled from the stored data in the chosen language,
editable, then saved as a PDF or copied as plain text to paste into a lender's app chat."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ashore.app.errors import DataError, InputError
from ashore.reports.letter import letter_text
from ashore.services.guide.letter import letter_data
from ashore.services.guide.storage import load_borrower, load_guide
from ashore.ui import dialogs
from ashore.ui.files.common import loan_file
from ashore.ui.widgets.fields import user_message
from ashore.ui.widgets.placement import fit_dialog

if TYPE_CHECKING:
    from ashore.domain.records import Loan
    from ashore.services.ledger import Ledger


class LetterEditor(QDialog):
    """Choose the proposal and the language, edit the letter, save it as PDF or copy it."""

    def __init__(
        self,
        ledger: Ledger,
        loan: Loan,
        today: date,
        lang: str = "en",
        proposal_id: str = "",
        parent: QWidget | None = None,
        show_status: Callable[[str, int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.show_status = show_status
        self.profile_asked = False  # the user chose to fill in "About you" (the Guide tab)
        self.ledger = ledger
        self.loan = loan
        self.today = today
        self.lender_name = loan.lender
        self._generated = ""  # the text as last filled in, to tell the user's edits from it
        self.setWindowTitle(self.tr("Hardship letter — %1").replace("%1", loan.name))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        top = QHBoxLayout()
        self.proposal = QComboBox()
        for p in loan.proposals:
            self.proposal.addItem(p.name or p.id, p.id)
        chosen = proposal_id or load_guide(ledger, loan.id).ask
        if chosen and self.proposal.findData(chosen) >= 0:
            self.proposal.setCurrentIndex(self.proposal.findData(chosen))
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        top.addWidget(QLabel(self.tr("Ask for")))
        top.addWidget(self.proposal, 1)
        top.addWidget(QLabel(self.tr("Language")))
        top.addWidget(self.language)
        layout.addLayout(top)
        hint = QLabel(
            self.tr(
                "Filled in from your loan, your checklist and your profile. Change anything you "
                "like: the PDF prints exactly this text."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        # Whose name signs the letter, and where it is set: the Guide tab's "About you".
        profile = QHBoxLayout()
        self.profile_label = QLabel()
        self.profile_label.setObjectName("letterProfile")
        self.profile_label.setWordWrap(True)
        self.profile_button = QPushButton(self.tr("Fill in “About you”…"))
        self.profile_button.setToolTip(
            self.tr("Closes the letter and opens “About you” on the Guide tab")
        )
        profile.addWidget(self.profile_label, 1)
        profile.addWidget(self.profile_button)
        layout.addLayout(profile)
        self._show_profile()
        self.editor = QPlainTextEdit()
        font = QFont(self.editor.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.1)
        self.editor.setFont(font)
        layout.addWidget(self.editor, 1)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        layout.addWidget(self.banner)
        bar = QHBoxLayout()
        self.refill_button = QPushButton(self.tr("Fill in again"))
        self.copy_button = QPushButton(self.tr("Copy as text"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("primary")
        close = QPushButton(self.tr("Close"))
        bar.addWidget(self.refill_button)
        bar.addStretch(1)
        bar.addWidget(self.copy_button)
        bar.addWidget(self.pdf_button)
        bar.addWidget(close)
        layout.addLayout(bar)
        self.refill_button.clicked.connect(lambda: self.refill(force=True))
        self.copy_button.clicked.connect(self.copy_text)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.profile_button.clicked.connect(self._ask_profile)
        close.clicked.connect(self.accept)
        self.proposal.currentIndexChanged.connect(lambda: self.refill())
        self.language.currentIndexChanged.connect(lambda: self.refill())
        self.refill(force=True)
        fit_dialog(self, 760, 820)

    def _show_profile(self) -> None:
        borrower = load_borrower(self.ledger)
        if borrower.name:
            self.profile_label.setText(
                self.tr(
                    "Signed “%1”, with the phone, address and e-mail from “About you” on the "
                    "Guide tab (kept once for all loans)."
                ).replace("%1", borrower.name)
            )
            self.profile_label.setStyleSheet("")
        else:
            self.profile_label.setText(
                self.tr(
                    "Your name is not in the letter yet: it comes from “About you” on the Guide "
                    "tab, with your phone, address and e-mail (kept once for all loans)."
                )
            )
            self.profile_label.setStyleSheet("color: #8a5a00; font-weight: 600;")

    def _ask_profile(self) -> None:
        """Leave the letter for the Guide tab's "About you" (asked first when it was edited)."""
        if self.edited() and not dialogs.confirm(
            self,
            self.tr("Fill in “About you”"),
            self.tr("Close the letter? Your changes to its text are not kept."),
            self.tr("Close the letter"),
        ):
            return
        self.profile_asked = True
        self.accept()

    def edited(self) -> bool:
        return self.editor.toPlainText() != self._generated

    def refill(self, force: bool = False) -> None:
        """Fill the template again; asks first when the user has changed the text."""
        if (
            not force
            and self.edited()
            and not dialogs.confirm(
                self,
                self.tr("Fill in again"),
                self.tr("Replace your changes to the letter with a fresh copy?"),
                self.tr("Replace"),
            )
        ):
            return
        proposal_id = str(self.proposal.currentData() or "")
        try:
            data = letter_data(self.ledger, self.loan.id, proposal_id, self.today)
        except (InputError, DataError) as problem:
            self._show(user_message(problem))
            self.pdf_button.setEnabled(False)
            return
        self.lender_name = data.lender_name
        self._generated = letter_text(data, str(self.language.currentData()))
        self.editor.setPlainText(self._generated)
        self.pdf_button.setEnabled(True)
        self.banner.setVisible(False)

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.editor.toPlainText())
        self._show(self.tr("Copied. Paste it into the lender's app chat."), ok=True)

    def save_pdf(self) -> None:
        from ashore.reports.letter import write_letter_pdf

        path = dialogs.get_save_path(
            self,
            self.tr("Save the letter"),
            self.tr("PDF files (*.pdf)"),
            loan_file(self.lender_name, self.loan, "letter", self.today, ".pdf"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            write_letter_pdf(
                self.editor.toPlainText(),
                path,
                title=f"{self.lender_name} — {self.loan.name}",
                lang=str(self.language.currentData()),
            )
        except OSError as error:
            self._show(
                self.tr("Cannot write %1: %2")
                .replace("%1", str(path))
                .replace("%2", error.strerror or str(error))
            )
            return
        self.saved_path = path
        self._show(self.tr("Saved %1.").replace("%1", str(path)), ok=True)
        if self.show_status is not None:
            self.show_status(self.tr("Letter saved to %1.").replace("%1", str(path)), 8000)

    def _show(self, text: str, ok: bool = False) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(
            "background: #e3f4ea; color: #1e6b40; border: 1px solid #b9e0c8;" if ok else ""
        )
        self.banner.setVisible(True)
