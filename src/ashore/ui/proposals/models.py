"""Qt item models of the Proposals tab: the proposals list (with show-on-chart checkboxes), a
plan's installment table, the side-by-side comparison with the best value of each row marked, and
a proposal's status history.

About 500 lines: four small models of one tab, sharing its columns' words and formats.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from ashore import finance
from ashore.domain.records import Proposal, StatusChange
from ashore.services.views.comparison import InForce
from ashore.ui.widgets.words import _tr, apr_explained, unbroken_dates
from ashore.ui.widgets.workspace import (
    AnyIndex,
    PlainTableModel,
    date_text,
    method_names,
    method_short_names,
    money_text,
    status_names,
)

BEST_MARK = "★"
NAME_CHARS = 20


class ProposalListModel(PlainTableModel):
    """One row per proposal: shown on the chart (checkbox), name, method, status, start, monthly,
    total. ``visibilityChanged(id, shown)`` fires when a checkbox is clicked."""

    visibilityChanged = Signal(str, bool)

    class Column(IntEnum):
        """The columns, left to right."""

        NAME = 0
        METHOD = 1
        STATUS = 2
        START = 3
        MONTHLY = 4
        TOTAL = 5

    numeric = frozenset({Column.MONTHLY, Column.TOTAL})

    def __init__(self, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.babel = locale
        self.hidden: set[str] = set()
        # False while an agreement is in force: the chart draws it, not the other proposals
        # (services.views.chart.proposals_drawn), and their names' tooltips say so
        self.others_drawn = True
        self.columns = (
            self.tr("Proposal"),
            self.tr("Method"),
            self.tr("Status"),
            self.tr("Starts"),
            self.tr("Payment"),
            self.tr("Total to pay"),
        )

    def examples(self) -> dict[int, str]:
        """What the columns beside the name typically hold: their widths while the list is empty."""
        amount = money_text(Decimal("9999.99"), self.currency, self.babel)
        return {
            self.Column.METHOD: method_short_names()["reamortize"],  # a new proposal's method
            self.Column.STATUS: status_names()["draft"],
            self.Column.START: date_text(date(2026, 12, 31), self.babel),
            self.Column.MONTHLY: amount,
            self.Column.TOTAL: amount,
        }

    def set_proposals(
        self, items: Sequence[tuple[Proposal, finance.ProposalPlan | None, str]]
    ) -> None:
        self.hidden &= {p.id for p, _, _ in items}
        self.set_rows(items)

    def proposal_at(self, row: int) -> Proposal:
        proposal: Proposal = self.row_at(row)[0]
        return proposal

    def row_of(self, proposal_id: str) -> int:
        for i, (proposal, _, _) in enumerate(self._rows):
            if proposal.id == proposal_id:
                return i
        return -1

    def text(self, row: Any, column: int) -> str:
        proposal, plan, _problem = row
        if column == self.Column.NAME:
            return str(proposal.name or proposal.id)
        if column == self.Column.METHOD:
            return method_short_names().get(proposal.method, proposal.method)
        if column == self.Column.STATUS:
            return status_names().get(proposal.status, proposal.status)
        if column == self.Column.START:
            return date_text(proposal.start, self.babel)
        if plan is None:
            return self.tr("cannot be worked out") if column == self.Column.MONTHLY else ""
        if column == self.Column.MONTHLY:
            return payment_text(plan, self.currency, self.babel)
        return money_text(plan.total_paid, self.currency, self.babel)

    def tooltip(self, row: Any, column: int) -> str | None:
        # the name whole (a very long one is elided), the method's whole name beside its short one
        whole = {
            self.Column.NAME: self.text(row, column),
            self.Column.METHOD: "",
            self.Column.STATUS: self.text(row, column),
        }
        if column == self.Column.METHOD:
            whole[column] = method_names().get(row[0].method, row[0].method)
        undrawn = ""
        if column == self.Column.NAME and not self.others_drawn and row[0].status != "accepted":
            undrawn = self.tr(
                "While an agreement is in force, the chart draws this proposal only while it is "
                "open below (and ticked)."
            )
        texts = (whole.get(column, ""), row[2], undrawn)
        return "\n".join(text for text in texts if text) or None

    def font(self, row: Any, column: int) -> QFont | None:
        if column == self.Column.STATUS and row[0].status == "accepted":
            bold = QFont(self._font)
            bold.setBold(True)
            return bold
        return super().font(row, column)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.Column.NAME:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.CheckStateRole
            and index.isValid()
            and index.column() == self.Column.NAME
            and 0 <= index.row() < len(self._rows)
        ):
            shown = self._rows[index.row()][0].id not in self.hidden
            return Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        if index.column() != self.Column.NAME:
            return False
        key = self._rows[index.row()][0].id
        shown = Qt.CheckState(value) == Qt.CheckState.Checked
        if shown:
            self.hidden.discard(key)
        else:
            self.hidden.add(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.visibilityChanged.emit(key, shown)
        return True


def payment_text(plan: finance.ProposalPlan, currency: str, locale: str) -> str:
    """What a plan pays, as a person names it: "8,000.00 once" for a one-off payment (a lump
    sum), the first installment's amount for a plan of installments."""
    money = money_text(plan.installments[0].payment, currency, locale)
    return _tr("%1 once").replace("%1", money) if len(plan.installments) == 1 else money


class InstallmentTableModel(PlainTableModel):
    """A plan's installments: due date, payment, principal, interest, balance after."""

    class Column(IntEnum):
        """The columns, left to right."""

        DUE = 0
        PAYMENT = 1
        PRINCIPAL = 2
        INTEREST = 3
        BALANCE = 4

    numeric = frozenset({Column.PAYMENT, Column.PRINCIPAL, Column.INTEREST, Column.BALANCE})

    def __init__(self, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.babel = locale
        self.forgiven = Decimal(0)
        self.columns = (
            self.tr("Due"),
            self.tr("Payment"),
            self.tr("Principal"),
            self.tr("Interest"),
            self.tr("Balance after"),
        )

    def set_installments(
        self, rows: Sequence[finance.Installment], forgiven: Decimal = Decimal(0)
    ) -> None:
        # What a settlement forgives is not owed: the balance after its last payment is zero.
        self.forgiven = forgiven
        self.set_rows(rows)

    def text(self, row: Any, column: int) -> str:
        item: finance.Installment = row
        if column == self.Column.DUE:
            return date_text(item.due, self.babel)
        balance = item.balance_after - self.forgiven
        value = (item.payment, item.principal, item.interest, balance)[column - 1]
        return money_text(value, self.currency, self.babel)


def apr_text(rate: Decimal, locale: str) -> str:
    """A yearly rate (a fraction) as a percentage with two decimals, per locale."""
    from babel.numbers import format_decimal  # lazy: babel's data load is slow

    value = (rate * 100).quantize(Decimal("0.01"))
    return f"{format_decimal(value, format='#,##0.00', locale=locale)} %"


def _best(values: Sequence[Decimal | int | date], higher: bool) -> set[int]:
    if not values:
        return set()
    target = max(values) if higher else min(values)
    return {i for i, v in enumerate(values) if v == target}


def header_lines(name: str, wrap: int = 12) -> str:
    """A column title on at most two lines: a name longer than ``wrap`` breaks at the space
    nearest its middle, and a line longer than NAME_CHARS ends in "…"."""

    def cut(line: str) -> str:
        return line if len(line) <= NAME_CHARS else line[: NAME_CHARS - 1] + "…"

    if len(name) <= wrap or " " not in name.strip():
        return cut(name)
    middle = len(name) / 2
    spaces = [i for i, ch in enumerate(name) if ch == " " and 0 < i < len(name) - 1]
    if not spaces:
        return cut(name)
    at = min(spaces, key=lambda i: abs(i - middle))
    return f"{cut(name[:at].strip())}\n{cut(name[at + 1 :].strip())}"


class ComparisonModel(PlainTableModel):
    """Options side by side (columns: doing nothing, the original schedule, each proposal) and
    one row per measure; the best value of each row is bold and starred (not colour alone)."""

    class Column(IntEnum):
        """The columns, left to right."""

        TOTAL = 0
        SAVING = 1
        LARGEST = 2
        TYPICAL = 3
        END = 4
        OVER = 5
        APR = 6

    def __init__(self, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.babel = locale
        self._options: list[finance.OptionSummary] = []
        self._names: list[str] = []
        self._best: list[set[int]] = []
        self._aprs: list[Decimal | None] = []
        self._current: tuple[int, InForce] | None = None  # (option index, its progress)
        self._horizon: date | None = None
        self._today: date | None = None
        # What the original schedule asks today (overdue, with its charges): its first month
        # is that lump, not a month of installments (services.views.comparison.due_now).
        self._due_now = Decimal("0")
        self._has_budget = True
        self._measures = (
            self.tr("Total paid"),
            self.tr("Saving against doing nothing"),
            self.tr("Largest monthly payment"),
            self.tr("Typical monthly payment"),
            self.tr("Paid off by"),
            self.tr("Months over budget"),
            self.tr("True yearly cost (APR)"),
        )

    def set_comparison(
        self,
        comparison: finance.Comparison | None,
        names: Sequence[str],
        aprs: Sequence[Decimal | None] = (),
        current: InForce | None = None,
        order: Sequence[Proposal] = (),
        *,
        due_now: Decimal = Decimal("0"),
        has_budget: bool = True,
    ) -> None:
        """``names``: the column titles of the proposals, in the comparison's order; ``aprs``:
        each option's true yearly cost (None where there is none, as for doing nothing or a
        settlement that pays back less than it starts from); ``current``: the plan in force,
        found among ``order`` (the proposals in the comparison's order), whose total says what
        was paid of it and what is left, as the Overview does; ``due_now``: what the original
        schedule asks today (its largest month says so); ``has_budget``: False when no monthly
        budget is set (no month can be "over" it: the row says so instead of 0)."""
        self.beginResetModel()
        self._aprs = list(aprs)
        self._due_now = due_now
        self._has_budget = has_budget
        self._current = None
        self._horizon = comparison.horizon if comparison is not None else None
        # the day the options count from: the original's first month is the arrears then
        self._today = comparison.counted_from if comparison is not None else None
        if current is not None:
            ids = [p.id for p in order]
            if current.proposal_id in ids:
                self._current = (ids.index(current.proposal_id) + 2, current)
        if comparison is None:
            self._options, self._names = [], []
        else:
            self._options = list(comparison.options)
            self._names = [self.tr("Doing nothing"), self.tr("Original schedule"), *names]
        self._rows = list(range(len(self._measures))) if self._options else []
        self._best = [self._best_of(measure) for measure in range(len(self._measures))]
        self.columns = tuple(self._names)
        self.endResetModel()

    def _values(self, measure: int) -> list[Any]:
        getters: tuple[Callable[[finance.OptionSummary], Any], ...] = (
            lambda o: o.total_paid,
            lambda o: o.saving,
            lambda o: o.largest_monthly,
            lambda o: o.typical_payment,
            lambda o: o.end_date,
            lambda o: o.months_over_budget,
        )
        if measure == self.Column.APR:
            return [
                self._aprs[i] if i < len(self._aprs) else None for i in range(len(self._options))
            ]
        return [getters[measure](o) for o in self._options]

    def _best_of(self, measure: int) -> set[int]:
        if len(self._options) < 2:
            return set()
        values = self._values(measure)
        if measure == self.Column.APR:
            known = [(i, v) for i, v in enumerate(values) if v is not None]
            low = min((v for _i, v in known), default=None)
            return {i for i, v in known if v == low} if len(known) > 1 else set()
        if measure == self.Column.SAVING:
            # Doing nothing is the baseline (saving 0), not an option that saves.
            best = _best(values[1:], higher=True)
            return {i + 1 for i in best} if max(values[1:]) > 0 else set()
        if measure in (
            self.Column.END,
            self.Column.TOTAL,
            self.Column.LARGEST,
            self.Column.TYPICAL,
        ):
            # Doing nothing pays nothing: what it "totals" is owed at the horizon, not paid, and
            # it "ends" there with everything still owed; it is no option to star.
            best = _best(values[1:], higher=False)
            return {i + 1 for i in best}
        if measure == self.Column.OVER and (
            not self._has_budget or all(v == values[0] for v in values)
        ):
            return set()
        return _best(values, higher=False)

    def is_best(self, row: int, column: int) -> bool:
        """Whether the cell at (row, column) holds its row's best value (column 0: the measure)."""
        return 0 <= row < len(self._best) and column - 1 in self._best[row]

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._names else len(self._names) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= len(self._names):
            return None
        name = self._names[section - 1] if section > 0 else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return name or None
        if role == Qt.ItemDataRole.DisplayRole:
            # Long names would force the column wide (at 1280x800 they were cut): on two lines,
            # each at most NAME_CHARS; the tooltip has the whole name.
            return header_lines(name)
        return None

    def text(self, row: Any, column: int) -> str:
        if column == 0:
            if row == self.Column.OVER and not self._has_budget:
                return self.tr("Months over budget (set a budget in the Guide tab)")
            return str(self._measures[row])
        option = column - 1
        value = self._values(row)[option]
        if row == self.Column.END:
            # Doing nothing is never paid off: its "end" is only the horizon of the comparison.
            shown = "—" if option == 0 else date_text(value, self.babel)
        elif row == self.Column.OVER:
            shown = str(value) if self._has_budget else "—"  # the row's name says why
        elif row == self.Column.APR:
            shown = "—" if value is None else apr_text(value, self.babel)
        elif option == 0 and row in (self.Column.LARGEST, self.Column.TYPICAL):
            shown = "—"  # doing nothing pays nothing each month
        elif option == 0 and row == self.Column.TOTAL:
            shown = self._nothing_total(value)
        elif row == self.Column.TOTAL and self._current and self._current[0] == option:
            progress = self._current[1]
            shown = (
                self.tr("%1 (paid %2, left %3)")
                .replace("%1", money_text(value, self.currency, self.babel))
                .replace("%2", money_text(progress.paid, self.currency, self.babel))
                .replace("%3", money_text(progress.left, self.currency, self.babel))
            )
        else:
            shown = self._payment_text(row, option, value)
        return f"{BEST_MARK} {shown}" if self.is_best(row, column) else shown

    def _payment_text(self, row: int, option: int, value: Decimal) -> str:
        """A money cell, with what it is where a month's figure would mislead."""
        money = money_text(value, self.currency, self.babel)
        if row == self.Column.LARGEST and option == 1 and self._arrears_month():
            # the original schedule's largest "month" is everything overdue, all due now; an
            # installment due later this month is in the month's sum, never in "due now"
            if value == self._due_now:
                return self.tr("%1 (overdue, due now)").replace("%1", money)
            return (
                self.tr("%1 (%2 of it overdue, due now)")
                .replace("%1", money)
                .replace("%2", money_text(self._due_now, self.currency, self.babel))
            )
        if row in (self.Column.LARGEST, self.Column.TYPICAL) and self._one_off(option):
            # a lump sum is one payment, not a month of installments
            return self.tr("%1 (one payment)").replace("%1", money)
        return money

    def _one_off(self, option: int) -> bool:
        """Whether the option pays in one payment (a lump sum), not month by month."""
        return 0 < option < len(self._options) and self._options[option].payment_count == 1

    def _arrears_month(self) -> bool:
        """Whether the original schedule's largest month is this month, with what is overdue
        (all of it due now) in it."""
        today = self._today
        if self._due_now <= 0 or len(self._options) < 2 or today is None:
            return False
        original = self._options[1]
        if not original.monthly:
            return False
        first, amount = original.monthly[0]
        return (
            first == (today.year, today.month)
            and amount == original.largest_monthly
            and amount >= self._due_now
        )

    def _nothing_total(self, value: Decimal) -> str:
        """What doing nothing costs, in words: nothing is paid, and this much is owed at the end
        of the comparison (DOMAIN.md's status quo: everything owed then, in one go)."""
        money = money_text(value, self.currency, self.babel)
        if self._horizon is None:
            return money
        return (
            self.tr("nothing paid; %1 owed by %2")
            .replace("%1", money)
            .replace("%2", date_text(self._horizon, self.babel))
        )

    def font(self, row: Any, column: int) -> QFont | None:
        if column == 0:
            return None
        if self.is_best(row, column):
            bold = QFont(self._font)
            bold.setBold(True)
            return bold
        return self._font

    def tooltip(self, row: Any, column: int) -> str | None:
        if row == self.Column.END and column == 1:
            return self.tr("Doing nothing never pays the loan off; the debt keeps growing.")
        if column == 1 and row in (self.Column.TOTAL, self.Column.LARGEST, self.Column.TYPICAL):
            return self.tr(
                "Doing nothing pays nothing each month; what is owed keeps growing and can be "
                "claimed in one go."
            )
        if row == self.Column.LARGEST and column == 2 and self._arrears_month():
            return self.tr(
                "Keeping to the original schedule means paying everything overdue now, %1 with "
                "its penalty and late fees; then each installment as scheduled."
            ).replace("%1", money_text(self._due_now, self.currency, self.babel))
        if row == self.Column.OVER and column > 0 and not self._has_budget:
            return self.tr("Set a monthly budget on the dashboard to see which months go over it.")
        if row == self.Column.APR and column > 2 and self._values(row)[column - 1] is None:
            return self.tr(
                "It pays back less than it starts from, so it has no yearly cost: see its saving."
            )
        best = self.tr("The best value of this row") if self.is_best(row, column) else None
        if row == self.Column.APR and (column == 0 or self._values(row)[column - 1] is not None):
            return apr_explained() if best is None else f"{best}\n{apr_explained()}"
        return best

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid() and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DisplayRole:  # the cells wrap: a date stays on one line
            return unbroken_dates(str(super().data(index, role) or ""))
        return super().data(index, role)


class HistoryModel(PlainTableModel):
    """A proposal's status changes, oldest first: when, status, note."""

    class Column(IntEnum):
        """The columns, left to right."""

        WHEN = 0
        STATUS = 1
        NOTE = 2

    def __init__(self, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.babel = locale
        self.columns = (self.tr("When"), self.tr("Status"), self.tr("Note"))

    def set_history(self, history: Sequence[StatusChange]) -> None:
        self.set_rows(history)

    def text(self, row: Any, column: int) -> str:
        change: StatusChange = row
        if column == self.Column.WHEN:
            local = change.at.astimezone()  # recorded in UTC, read in this computer's zone
            return f"{date_text(local.date(), self.babel)} {local:%H:%M}"
        if column == self.Column.STATUS:
            return status_names().get(change.status, change.status)
        return change.note
