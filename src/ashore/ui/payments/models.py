"""Qt item models of the Payments tab: the installments of the plan in force with their status
today, the payments made, and the lender's claims beside our figure."""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QWidget

from ashore import finance
from ashore.domain.records import Payment
from ashore.services.views.payments import ClaimLine, LatePayment, MissedInstallments
from ashore.ui.widgets.style import BADGE_COLOURS
from ashore.ui.widgets.words import _tr
from ashore.ui.widgets.workspace import (
    AnyIndex,
    PlainTableModel,
    date_text,
    entry_status_names,
    money_text,
    signed_money,
)

# Status -> the badge colours of the sidebar, so "overdue" looks the same everywhere.
_STATUS_COLOURS = {
    "paid": BADGE_COLOURS["current"],
    "partly_paid": BADGE_COLOURS["agreement_missed"],
    "due": BADGE_COLOURS["settled"],
    "overdue": BADGE_COLOURS["overdue"],
    "replaced": BADGE_COLOURS["settled"],
    # an agreed installment paid after its day: not the green of one paid on time
    "paid_late": BADGE_COLOURS["agreement_missed"],
}


def late_sentence(late: list[LatePayment], locale: str) -> str:
    """What the Overview and the Payments tab say of the agreement's late payments ("" for
    none): how many, the last one, and that a lender may end an agreement for them (no rule
    of ours: the lender's agreement says)."""
    if not late:
        return ""
    last = late[-1]
    return (
        _tr(
            "The agreement has had %n late payment(s): the last, due %1, was paid on %2. "
            "Lenders often end an agreement at the second late payment: check what yours "
            "says, and pay the next ones on time.",
            "",
            len(late),
        )
        .replace("%1", date_text(last.due, locale))
        .replace("%2", date_text(last.paid_on, locale))
    )


def missed_dates(missed: MissedInstallments, locale: str) -> str:
    """The due dates of the missed installments in a few words: the one, "A and B", or the
    first to the last."""
    days = [date_text(due, locale) for due in missed.dues]
    if len(days) == 1:
        return days[0]
    text = _tr("%1 and %2") if len(days) == 2 else _tr("%1 to %2")
    return text.replace("%1", days[0]).replace("%2", days[-1])


class PlanEntriesModel(PlainTableModel):
    """Each installment of the plan in force: due, from (original/agreement), amount, paid,
    still owed, status (in words, with the badge colours as a second cue)."""

    class Column(IntEnum):
        """The columns, left to right."""

        DUE = 0
        SOURCE = 1
        AMOUNT = 2
        PAID = 3
        REMAINING = 4
        STATUS = 5

    numeric = frozenset({Column.AMOUNT, Column.PAID, Column.REMAINING})

    def __init__(self, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.babel = locale
        self.today: date | None = None  # the tab's day: tells "due now" from "coming"
        self.late: dict[int, int] = {}  # agreed installment number -> days it was paid late
        self.columns = (
            self.tr("Due"),
            self.tr("Plan"),
            self.tr("Amount"),
            self.tr("Paid"),
            self.tr("Still owed"),
            self.tr("Status"),
        )

    def sort_key(self, row: Any, column: int) -> Any:
        if column == self.Column.DUE:
            return row.due.toordinal()
        return super().sort_key(row, column)

    def text(self, row: Any, column: int) -> str:
        e: finance.CalendarEntry = row
        if column == self.Column.DUE:
            return date_text(e.due, self.babel)
        if column == self.Column.SOURCE:
            return self.tr("agreement") if e.source == "agreement" else self.tr("original")
        if column == self.Column.STATUS:
            return self.status_text(e)
        value = (e.amount, e.paid, e.remaining)[column - self.Column.AMOUNT]
        return money_text(value, self.currency, self.babel)

    def tooltip(self, row: Any, column: int) -> str | None:
        """The plan and status words whole: in a narrow window those columns give way to the
        dates and amounts, and are shortened with "…"."""
        if column in (self.Column.SOURCE, self.Column.STATUS):
            return self.text(row, column)
        return None

    def status_text(self, e: finance.CalendarEntry) -> str:
        """The status in words; an unpaid installment says whether it is due now (its day has
        come, grace days included) or still coming, never the one word "Due" for both."""
        if e.status == "due":
            if self.today is not None and e.due > self.today:
                return self.tr("Coming")
            return self.tr("Due now")
        days = self._days_late(e)
        if days:
            return self.tr("Paid %n day(s) late", "", days)
        return entry_status_names().get(e.status, e.status)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            index.isValid()
            and index.column() == self.Column.STATUS
            and 0 <= index.row() < len(self._rows)
        ):
            entry = self._rows[index.row()]
            status = "paid_late" if self._days_late(entry) else entry.status
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(_STATUS_COLOURS[status][0]))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(_STATUS_COLOURS[status][1]))
        return super().data(index, role)

    def _days_late(self, e: finance.CalendarEntry) -> int:
        if e.source != "agreement" or e.status != "paid":
            return 0
        return self.late.get(e.number, 0)

    def font(self, row: Any, column: int) -> QFont | None:
        if row.status == "overdue" and column in (self.Column.STATUS, self.Column.REMAINING):
            bold = QFont(self._font)
            bold.setBold(True)
            return bold
        return super().font(row, column)


class PaymentsModel(PlainTableModel):
    """The payments made (rows are (index in the loan, Payment)), newest first."""

    class Column(IntEnum):
        """The columns, left to right."""

        DATE = 0
        AMOUNT = 1
        METHOD = 2
        REFERENCE = 3

    numeric = frozenset({Column.AMOUNT})

    def __init__(self, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.babel = locale
        self.columns = (self.tr("Date"), self.tr("Amount"), self.tr("Method"), self.tr("Reference"))

    def set_payments(self, payments: list[Payment]) -> None:
        rows = sorted(enumerate(payments), key=lambda item: (item[1].date, item[0]), reverse=True)
        self.set_rows(rows)

    def index_in_loan(self, row: int) -> int:
        index: int = self.row_at(row)[0]
        return index

    def sort_key(self, row: Any, column: int) -> Any:
        if column == self.Column.DATE:
            return row[1].date.toordinal()
        return super().sort_key(row, column)

    def text(self, row: Any, column: int) -> str:
        payment: Payment = row[1]
        if column == self.Column.DATE:
            return date_text(payment.date, self.babel)
        if column == self.Column.AMOUNT:
            return money_text(payment.amount, self.currency, self.babel)
        if column == self.Column.METHOD:
            return payment.method
        return payment.reference or payment.note


class ClaimsModel(PlainTableModel):
    """The lender's claims, newest first: date, claimed, ours that day, difference, source."""

    class Column(IntEnum):
        """The columns, left to right."""

        DATE = 0
        CLAIMED = 1
        OURS = 2
        DIFFERENCE = 3
        SOURCE = 4

    numeric = frozenset({Column.CLAIMED, Column.OURS, Column.DIFFERENCE})

    def __init__(self, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.babel = locale
        self.columns = (
            self.tr("Date"),
            self.tr("They say"),
            self.tr("We compute"),
            self.tr("Difference"),
            self.tr("Source"),
        )

    def set_claims(self, lines: list[ClaimLine]) -> None:
        self.set_rows(lines)

    def index_in_loan(self, row: int) -> int:
        line: ClaimLine = self.row_at(row)
        return line.index

    def sort_key(self, row: Any, column: int) -> Any:
        if column == self.Column.DATE:
            return row.claim.date.toordinal()
        return super().sort_key(row, column)

    def text(self, row: Any, column: int) -> str:
        line: ClaimLine = row
        if column == self.Column.DATE:
            return date_text(line.claim.date, self.babel)
        if column == self.Column.CLAIMED:
            return money_text(line.check.claimed, self.currency, self.babel)
        if column == self.Column.OURS:
            return money_text(line.check.ours, self.currency, self.babel)
        if column == self.Column.DIFFERENCE:
            return signed_money(line.check.difference, self.currency, self.babel)
        return line.claim.source

    def tooltip(self, row: Any, column: int) -> str | None:
        line: ClaimLine = row
        if column != self.Column.DIFFERENCE or line.check.difference == 0:
            return None
        if line.check.difference > 0:
            return self.tr("The lender asks for more than the contract gives: ask how they got it.")
        return self.tr("The lender asks for less than we compute.")
