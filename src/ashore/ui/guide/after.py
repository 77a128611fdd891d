"""After the call: one dialog that writes what was said and agreed into the call note and moves
the proposal's status, with a follow-up date that becomes a reminder."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ashore.app.errors import DataError, InputError
from ashore.domain.records import CallNote, Loan
from ashore.services.guide.calls import Outcome, record_outcome
from ashore.services.proposals import NEXT_STATUSES
from ashore.ui.widgets.fields import DateEdit, ErrorLabel, user_message

if TYPE_CHECKING:
    from ashore.services.ledger import Ledger


def status_names() -> dict[str, str]:
    """The proposal statuses as the dialog shows them."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("", text)  # lupdate files these under ""

    return {
        "draft": tr("draft"),
        "proposed": tr("proposed to the lender"),
        "countered": tr("the lender countered"),
        "accepted": tr("accepted — the agreement"),
        "rejected": tr("rejected"),
        "withdrawn": tr("withdrawn"),
    }


class AfterCallDialog(QDialog):
    """What happened on the call, in one step. ``note`` is the note the call card started, if any;
    ``ask`` the proposal id chosen on the checklist (preselected)."""

    def __init__(
        self,
        ledger: Ledger,
        loan: Loan,
        note: CallNote | None = None,
        ask: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.loan = loan
        self.note = note
        self.note_id = ""
        self.setWindowTitle(self.tr("After the call — %1").replace("%1", loan.name))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        intro = QLabel(
            self.tr(
                "Write it down now, while you remember: who you spoke to, what they said, and "
                "what happens next."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        layout.addWidget(intro)
        form = QFormLayout()
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        start = note.occurred_at if note is not None else ledger.db.clock.now()
        self.when.setDateTime(QDateTime(start.replace(tzinfo=None)))
        self._offset = start.utcoffset()
        self._zone = start.tzinfo
        self.who = QLineEdit(note.counterpart if note else "")
        self.who.setPlaceholderText(self.tr("agent name or number"))
        self.said = QPlainTextEdit(note.text if note else "")
        self.said.setPlaceholderText(self.tr("what you said and what they said"))
        self.said.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.outcome = QLineEdit(note.outcome if note else "")
        self.outcome.setPlaceholderText(self.tr("e.g. they accept 24 months from 15 December"))
        self.promises = QLineEdit(note.promises if note else "")
        self.promises.setPlaceholderText(self.tr("what each side promised, with dates"))
        follow = QHBoxLayout()
        self.has_follow_up = QCheckBox(self.tr("Follow up on"))
        self.follow_up = DateEdit()
        self.follow_up.setCalendarPopup(True)
        self.follow_up.setDisplayFormat("yyyy-MM-dd")
        self.follow_up.setDate(QDate(start.date()).addDays(7))
        self.follow_up.setEnabled(False)
        self.has_follow_up.toggled.connect(self.follow_up.setEnabled)
        if note is not None and note.follow_up is not None:
            self.has_follow_up.setChecked(True)
            self.follow_up.setDate(QDate(note.follow_up))
        follow.addWidget(self.has_follow_up)
        follow.addWidget(self.follow_up)
        follow.addStretch(1)
        self.proposal = QComboBox()
        self.proposal.addItem(self.tr("— no change to a proposal —"), "")
        for p in loan.proposals:
            self.proposal.addItem(p.name or p.id, p.id)
        index = self.proposal.findData(ask)
        self.proposal.setCurrentIndex(max(index, 0))
        self.status = QComboBox()
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.tr("Who"), self.who)
        form.addRow(self.tr("What was said"), self.said)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Promises"), self.promises)
        form.addRow(self.tr("Next step"), follow)
        form.addRow(self.tr("Proposal"), self.proposal)
        form.addRow(self.tr("It is now"), self.status)
        layout.addLayout(form)
        # What went wrong, above the buttons in two lines whose room is kept: the dialog grew
        # with it and Save moved under the pointer.
        self.banner = ErrorLabel(lines=2)
        layout.addWidget(self.banner)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.proposal.currentIndexChanged.connect(self._fill_statuses)
        self._fill_statuses()
        self.resize(560, self.sizeHint().height())

    def _fill_statuses(self) -> None:
        """The proposal's status now, and the ones it may move to."""
        self.status.clear()
        proposal_id = self.proposal.currentData()
        found = next((p for p in self.loan.proposals if p.id == proposal_id), None)
        self.status.setEnabled(found is not None)
        if found is None:
            return
        names = status_names()
        for status in (found.status, *NEXT_STATUSES.get(found.status, ())):
            label = names.get(status, status)
            if status == found.status:
                label = self.tr("%1 (unchanged)").replace("%1", label)
            self.status.addItem(label, status)

    def outcome_value(self) -> Outcome:
        """What the fields say, as the service takes it."""
        when = self.when.dateTime().toPython()
        assert isinstance(when, datetime)
        occurred = when.replace(tzinfo=self._zone)
        if self.note is not None:
            occurred = when.replace(tzinfo=self.note.occurred_at.tzinfo)
        follow = self.follow_up.date().toPython() if self.has_follow_up.isChecked() else None
        return Outcome(
            note_id=self.note.id if self.note is not None else "",
            occurred_at=occurred,
            counterpart=self.who.text().strip(),
            text=self.said.toPlainText().strip(),
            outcome=self.outcome.text().strip(),
            promises=self.promises.text().strip(),
            follow_up=follow,  # type: ignore[arg-type]
            proposal_id=str(self.proposal.currentData() or ""),
            status=str(self.status.currentData() or ""),
        )

    def save(self) -> None:
        """Write the note and the status; stay open with the message when something is wrong."""
        try:
            self.note_id = record_outcome(self.ledger, self.loan.id, self.outcome_value())
        except (InputError, DataError) as problem:
            self.banner.show_message(user_message(problem))
            return
        self.accept()
