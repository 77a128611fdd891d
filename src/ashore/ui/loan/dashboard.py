"""The dashboard over all loans: total owed today and how fast it grows, what needs attention
(most urgent first), what to pay in the next 30 days, follow-ups promised on calls, the monthly
budget, and a chart of the total owed if nothing is paid against the agreements kept.

Over 500 lines because its table models, which keep each cell's text and measure their columns
once per refresh (a few hundred loans make a few hundred rows), belong with the page they fill."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ashore.app.context import Context
from ashore.app.errors import DataError, InputError
from ashore.domain.money import AmountError, format_plain
from ashore.services.ledger import Ledger
from ashore.services.views import dashboard as dashboard_view
from ashore.services.views.status_quo import UnitsMemo
from ashore.ui.chart.view import NegotiationChart
from ashore.ui.files.common import chart_file
from ashore.ui.loan.overview import CARD_STYLE, Figure, caption, card
from ashore.ui.messages import warning_text
from ashore.ui.widgets.fields import ErrorLabel, user_message
from ashore.ui.widgets.style import (
    BADGE_COLOURS,
    MARGIN,
    SPACING,
    RoomyCells,
    fit_columns,
    table_height,
    tabular_font,
    title_font,
)
from ashore.ui.widgets.words import no_lone_end, unbroken_dates
from ashore.ui.widgets.workspace import (
    PlainTableModel,
    amount_field,
    date_text,
    entry_status_names,
    export_chart,
    money_text,
    show_on_chart,
    stack_when_narrow,
    table_view,
)


class UpcomingModel(PlainTableModel):
    """Installments to pay in the next days (and those already late), soonest first."""

    class Column(IntEnum):
        """The columns, left to right."""

        DUE = 0
        LOAN = 1
        LENDER = 2
        AMOUNT = 3
        STATUS = 4

    numeric = frozenset({Column.AMOUNT})

    def __init__(self, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.babel = locale
        self.columns = (
            self.tr("Due"),
            self.tr("Loan"),
            self.tr("Lender"),
            self.tr("Amount"),
            self.tr("Status"),
        )

        # (row, column) -> its text: sizing the columns and painting ask for each cell many
        # times, and a few hundred loans have a few hundred rows (money formatting is slow).
        self._texts: dict[tuple[int, int], str] = {}

    def set_rows(self, rows: Sequence[Any]) -> None:
        self._texts = {}
        super().set_rows(rows)

    def sort_key(self, row: Any, column: int) -> Any:
        if column == self.Column.DUE:
            return row.due.toordinal()
        return super().sort_key(row, column)

    def text(self, row: Any, column: int) -> str:
        key = (id(row), column)  # the rows are kept by the model until ``set_rows``
        known = self._texts.get(key)
        if known is None:
            known = self._texts[key] = self._text(row, column)
        return known

    def _text(self, row: Any, column: int) -> str:
        item: dashboard_view.UpcomingPayment = row
        if column == self.Column.DUE:
            if item.status == "overdue":  # all the loan's arrears, from the oldest
                return self.tr("since %1").replace("%1", date_text(item.due, self.babel))
            return date_text(item.due, self.babel)
        if column == self.Column.LOAN:
            return item.loan_name
        if column == self.Column.LENDER:
            return item.lender_name
        if column == self.Column.AMOUNT:
            return money_text(item.remaining, self.currency, self.babel)
        if item.status == "overdue" and item.penalty + item.late_fees > 0:
            # the amount is what clears the arrears today, penalty and late fees included (the
            # Overview's and "Needs attention"'s parts): say so, not only "overdue"
            if item.count > 1:
                return self.tr("%1 overdue + charges").replace("%1", str(item.count))
            return self.tr("Overdue + charges")
        if item.status == "overdue" and item.count > 1:
            # one line for all the loan's arrears: say it is several, the oldest first
            return self.tr("%1 overdue").replace("%1", str(item.count))
        return entry_status_names().get(item.status, item.status)

    def tooltip(self, row: Any, column: int) -> str | None:
        item: dashboard_view.UpcomingPayment = row
        if item.status == "overdue":
            money = lambda amount: money_text(amount, self.currency, self.babel)  # noqa: E731
            head = (
                self.tr("%1 installments unpaid since %2").replace("%1", str(item.count))
                if item.count > 1
                else self.tr("Unpaid since %2")
            )
            return (
                self.tr("%1: %2 due and unpaid + %3 penalty interest + %4 late fees = %5 to pay")
                .replace("%1", head.replace("%2", date_text(item.due, self.babel)))
                .replace("%2", money(item.due_unpaid))
                .replace("%3", money(item.penalty))
                .replace("%4", money(item.late_fees))
                .replace("%5", money(item.remaining))
            )
        return item.lender_name if column == self.Column.LOAN else None


class FollowUpModel(PlainTableModel):
    """Follow-ups promised on call notes (services.notes.follow_ups), soonest first."""

    class Column(IntEnum):
        """The columns, left to right."""

        DUE = 0
        LOAN = 1
        TEXT = 2

    def __init__(self, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.babel = locale
        self.names: dict[str, str] = {}
        self.columns = (self.tr("When"), self.tr("Loan"), self.tr("About"))

    def sort_key(self, row: Any, column: int) -> Any:
        if column == self.Column.DUE:
            return row.due.toordinal()
        return super().sort_key(row, column)

    def text(self, row: Any, column: int) -> str:
        if column == self.Column.DUE:
            late = self.tr(" (late)") if row.overdue else ""
            return f"{date_text(row.due, self.babel)}{late}"
        if column == self.Column.LOAN:
            return str(self.names.get(row.loan_id, row.loan_id))
        return str(row.text)


# The order of "Needs attention": money already late first (missed agreed installments, then
# overdue loans), then what falls due in days, then
# promises to call back, then plans that do not fit the budget, and the credit report last.
ATTENTION_ORDER = ("missed", "overdue", "due_soon", "follow_up", "budget", "credit_check")


@dataclass(frozen=True)
class Attention:
    """One line of "Needs attention": what kind, which loan, the words, and the day it is about."""

    kind: str
    loan_id: str
    text: str
    on: date | None = None


def needs_attention(
    upcoming: list[dashboard_view.UpcomingPayment],
    warnings: list[Any],
    today: date,
    locale: str = "en",
) -> list[Attention]:
    """Missed agreed payments and overdue loans (the dashboard's arrears) and the guide's
    warnings, most urgent
    first: by kind in ATTENTION_ORDER, then the earliest day."""
    found: list[Attention] = []
    for item in upcoming:
        if item.status == "overdue":
            kind = "missed" if item.source == "agreement" else "overdue"
            found.append(Attention(kind, item.loan_id, "", item.due))
    for warning in warnings:
        text = warning_text(warning, locale)  # in the interface's language
        found.append(Attention(warning.kind, warning.loan_id, text, warning.on))
    rank = {kind: index for index, kind in enumerate(ATTENTION_ORDER)}
    return sorted(
        found,
        key=lambda item: (rank.get(item.kind, len(rank)), item.on or today, item.loan_id),
    )


class Dashboard(QWidget):
    """All loans at once; ``openLoan(id)`` when a row is double-clicked, ``budgetChanged``."""

    openLoan = Signal(str)
    budgetChanged = Signal()

    def __init__(
        self, ledger: Ledger, ctx: Context, locale: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setStyleSheet(CARD_STYLE)
        self.ledger = ledger
        self.ctx = ctx
        self.babel = locale
        self.data: dashboard_view.Dashboard | None = None
        self._refreshes = 0  # how many times refreshed: the rows the columns were measured for
        self._measured: tuple[tuple[int, str], int] | None = None
        self._shown_of: tuple[object, int, object] | None = None  # (database, writes, day)
        self._budget_shown = ""
        self._curves = UnitsMemo()  # each loan's "if nothing is paid" line
        self.items: list[Attention] = []  # the "Needs attention" lines, as listed
        self.currency = "CNY"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN + 2, MARGIN, MARGIN + 2, MARGIN)
        layout.setSpacing(SPACING)
        title = QLabel(self.tr("All loans"))
        title.setObjectName("pageTitle")
        title.setFont(title_font(self.font()))
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageSubtitle")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(12)
        head.addWidget(self.subtitle, 0, Qt.AlignmentFlag.AlignBottom)
        head.addStretch(1)
        layout.addLayout(head)

        figures = QHBoxLayout()
        figures.setSpacing(SPACING)
        self._figures = figures
        owed_card, owed = card()
        owed.addWidget(caption(self.tr("Owed today, all loans")))
        self.total = QLabel()
        self.total.setObjectName("bigFigure")
        self.total.setFont(title_font(tabular_font(self.font()), 2.1))
        self.growth = QLabel()
        self.growth.setObjectName("alarm")
        self.growth.setWordWrap(True)
        owed.addWidget(self.total)
        owed.addWidget(self.growth)
        owed.addStretch(1)
        figures.addWidget(owed_card, 3)
        month_card, month = card()
        self.this_month = Figure(self.tr("To pay this month, arrears included"))
        self.budget_line = QLabel()
        self.budget_line.setWordWrap(True)
        month.addWidget(self.this_month)
        month.addWidget(self.budget_line)
        month.addStretch(1)
        figures.addWidget(month_card, 2)
        budget_card, budget = card()
        budget.addWidget(caption(self.tr("Monthly budget (income − essential costs)")))
        row = QHBoxLayout()
        self.budget = amount_field(lambda: self.currency, required=False, positive=False)
        self.budget.setObjectName("budgetField")
        self.save_budget = QPushButton(self.tr("Set"))
        row.addWidget(self.budget, 1)
        row.addWidget(self.save_budget, 0, Qt.AlignmentFlag.AlignTop)
        budget.addLayout(row)
        self.budget_error = ErrorLabel()
        budget.addWidget(self.budget_error)
        budget.addStretch(1)
        figures.addWidget(budget_card, 2)
        layout.addLayout(figures)

        # What needs doing (left) beside what to pay (right); the chart below takes the width,
        # which its legend and the months need more than the height.
        middle = QHBoxLayout()
        middle.setSpacing(SPACING)
        self._middle = middle
        attention_card, attention = card()
        self.attention_title = caption(self.tr("Needs attention"))
        attention.addWidget(self.attention_title)
        self.attention = QListWidget()
        self.attention.setObjectName("attention")
        self.attention.setWordWrap(True)
        self.attention.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.attention.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.attention.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.attention.setStyleSheet(
            "QListWidget#attention { border: none; background: transparent; }"
            " QListWidget#attention::item { padding: 4px 0px; }"
            # the transparent list drew its scroll bar's handle black: one drawn whole here
            " QListWidget#attention QScrollBar:vertical { background: #f0f3f5; width: 10px;"
            " margin: 0px; border: none; }"
            " QListWidget#attention QScrollBar::handle:vertical { background: #c3ccd4;"
            " border-radius: 4px; min-height: 24px; }"
            " QListWidget#attention QScrollBar::add-line:vertical,"
            " QListWidget#attention QScrollBar::sub-line:vertical { height: 0px; border: none; }"
        )
        self.attention.setCursor(Qt.CursorShape.PointingHandCursor)
        self.attention.setToolTip(self.tr("Click a line to open its loan"))
        attention.addWidget(self.attention, 1)
        self.calm = QLabel(self.tr("Nothing needs attention today."))
        self.calm.setObjectName("hint")
        attention.addWidget(self.calm)
        attention.addStretch(0)
        middle.addWidget(attention_card, 2)

        lists = QTabWidget()
        lists.setDocumentMode(True)
        self.upcoming_model = UpcomingModel(self.currency, locale, self)
        self.upcoming_view = table_view(self.upcoming_model, "upcoming")
        roomy = RoomyCells(self.upcoming_view)  # the long Chinese dates and statuses
        for column in (UpcomingModel.Column.DUE, UpcomingModel.Column.STATUS):
            self.upcoming_view.setItemDelegateForColumn(column, roomy)
        fit_columns(self.upcoming_view, UpcomingModel.Column.LOAN)
        lists.addTab(self.upcoming_view, self.tr("To pay, next 30 days"))
        self.follow_model = FollowUpModel(locale, self)
        self.follow_view = table_view(self.follow_model, "followUps")
        self.follow_view.setItemDelegateForColumn(
            FollowUpModel.Column.DUE, RoomyCells(self.follow_view)
        )
        fit_columns(self.follow_view, FollowUpModel.Column.TEXT)
        lists.addTab(self.follow_view, self.tr("Follow-ups"))
        # five rows in sight, more scroll
        lists.setFixedHeight(
            table_height(self.upcoming_view, 5) + lists.tabBar().sizeHint().height() + 4
        )
        self.lists = lists
        middle.addWidget(lists, 3)
        layout.addLayout(middle)

        self.chart = NegotiationChart(currency=self.currency, locale=locale)
        self.chart.setMinimumSize(360, 300)
        layout.addWidget(self.chart, 1)
        export_row = QHBoxLayout()
        export_row.addStretch(1)
        self.export_button = QPushButton(self.tr("Export chart…"))
        export_row.addWidget(self.export_button)
        layout.addLayout(export_row)

        self.save_budget.clicked.connect(self.set_budget)
        self.budget.line.returnPressed.connect(self.set_budget)
        self.upcoming_view.doubleClicked.connect(
            lambda index: self.openLoan.emit(self.upcoming_model.row_at(index.row()).loan_id)
        )
        self.attention.itemClicked.connect(
            lambda item: self.openLoan.emit(str(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.follow_view.doubleClicked.connect(
            lambda index: self.openLoan.emit(self.follow_model.row_at(index.row()).loan_id)
        )
        self.export_button.clicked.connect(
            lambda: export_chart(self, self.chart, chart_file(self.ledger, None, self.ctx.today))
        )
        # The focus enters the dashboard only by a click: were it handed here when a page closes,
        # it would move on to the sidebar when a loan opens, and the sidebar would then select
        # its first row (a lender) over the loan being opened.
        for child in self.findChildren(QWidget):
            if child.focusPolicy() & Qt.FocusPolicy.TabFocus:
                child.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def _data_key(self) -> tuple[object, int, object]:
        db = self.ledger.db
        return (db, db.changes.writes, self.ctx.today)

    def refresh_if_changed(self) -> None:
        """``refresh`` unless what it showed is still so: nothing written to the data since, and
        the same day (coming back to "All loans" shows the figures at once, not after the rows,
        lists and chart are made again). A budget typed and not set goes back to the one kept,
        as a refresh would."""
        if self.data is not None and self._shown_of == self._data_key():
            self.budget.setText(self._budget_shown)
            self.budget_error.show_message("")
            return
        self.refresh()

    def refresh(self) -> None:
        """Read every loan again and show where they stand on ``ctx.today``."""
        ledger = self.ledger
        key = self._data_key()  # as of the read below: a write during the fill shows next time
        currency = self.ledger.currency()
        self.currency = currency
        # The refresh's shared read of every loan, each worked out once (shared with the
        # sidebar, the guide's stages and the warnings).
        figures = ledger.figures(self.ctx.today)
        loans = [found.loan for found in figures]
        budget = ledger.monthly_budget()
        data = dashboard_view.dashboard(
            loans,
            ledger.lenders(),
            self.ctx.today,
            budget,
            currency,
            summaries=[found.summary for found in figures],
            standings={found.loan.id: found.standing for found in figures},
            memo=self._curves,
        )
        self.data = data
        self._refreshes += 1
        self.upcoming_model.currency = currency
        money = self._money
        day = date_text(self.ctx.today, self.babel)
        self.subtitle.setText(self.tr("%n loan(s) · today %2", "", len(loans)).replace("%2", day))
        self.total.setText(f"{money(data.total_owed)} {currency}")
        self.growth.setText(
            self.tr("Grows by %1 a day while nothing is paid.").replace("%1", money(data.per_day))
            if data.per_day > 0
            else ""
        )
        self.this_month.set_value(money(data.this_month))
        if budget is None:
            hint = self.tr("Set a budget to see which months are too heavy.")
        elif data.this_month > budget:
            hint = (
                self.tr("%1 over the budget of %2.")
                .replace("%1", money(data.this_month - budget))
                .replace("%2", money(budget))
            )
        else:
            hint = self.tr("Within the budget of %1.").replace("%1", money(budget))
        self.budget_line.setText(no_lone_end(hint))
        self._budget_shown = format_plain(budget, currency) if budget is not None else ""
        self.budget.setText(self._budget_shown)
        self.budget_error.show_message("")
        self.upcoming_model.set_rows(data.upcoming)
        self._fit_upcoming()
        self._show_attention(data.upcoming, {loan.id: loan.name for loan in loans})
        self._show_follow_ups(loans)
        show_on_chart(self.chart, data.chart)
        self._shown_of = key

    def _show_attention(
        self, upcoming: list[dashboard_view.UpcomingPayment], names: dict[str, str]
    ) -> None:
        from ashore.services.guide import warnings as guide_warnings

        try:
            warnings = guide_warnings.warnings(self.ledger, self.ctx.today)
        except (InputError, DataError):
            warnings = []  # a loan that cannot be worked out shows its own error on its page
        items = needs_attention(upcoming, warnings, self.ctx.today, self.babel)
        self.items = items
        labels = {
            "missed": self.tr("Missed"),
            "overdue": self.tr("Overdue"),
            "due_soon": self.tr("Due soon"),
            "follow_up": self.tr("Follow up"),
            "budget": self.tr("Over budget"),
            "credit_check": self.tr("Credit report"),
        }
        late = {item.loan_id: item for item in upcoming if item.status == "overdue"}
        self.attention.clear()
        for item in items:
            if item.kind == "missed":
                arrears = late[item.loan_id]
                text = (
                    self.tr(
                        "%1: an agreed payment is late since %2 (%3 to pay); pay it and call "
                        "the lender before the agreement is cancelled."
                    )
                    .replace("%1", names.get(item.loan_id, item.loan_id))
                    .replace("%2", date_text(item.on, self.babel) if item.on else "")
                    .replace("%3", self._money(arrears.remaining))
                )
            elif item.kind == "overdue":
                arrears = late[item.loan_id]
                text = (
                    self.tr("%1: %2 due and unpaid since %3 (%4 days)%5; pay it or agree a plan.")
                    .replace("%1", names.get(item.loan_id, item.loan_id))
                    .replace("%2", self._money(arrears.due_unpaid))
                    .replace("%3", date_text(item.on, self.babel) if item.on else "")
                    .replace("%4", str((self.ctx.today - item.on).days if item.on else 0))
                    .replace("%5", self._charges(arrears))
                )
            else:
                text = item.text
            line = QListWidgetItem(unbroken_dates(f"{labels.get(item.kind, item.kind)} · {text}"))
            line.setData(Qt.ItemDataRole.UserRole, item.loan_id)
            urgent = item.kind in ("missed", "overdue", "due_soon")
            colour = BADGE_COLOURS["overdue"][1] if urgent else None
            if colour is not None:
                line.setForeground(QBrush(QColor(colour)))
            self.attention.addItem(line)
        self.attention.setVisible(bool(items))
        self.calm.setVisible(not items)
        self.attention_title.setText(
            self.tr("Needs attention (%1)").replace("%1", str(len(items)))
            if items
            else self.tr("Needs attention")
        )

    def fit_room(self, width: int) -> None:
        """In a narrow window the cards and "Needs attention" stack instead of side by side."""
        if stack_when_narrow([self._figures, self._middle], width):
            self._fit_upcoming()

    def _fit_upcoming(self) -> None:
        """The lists are at least as wide as the table's five columns need: all stay in sight
        (in a narrow window, stacked, they scroll sideways instead of widening the page). The
        columns are measured once per refresh (every row of every column: slow on many loans)."""
        view = self.upcoming_view
        header = view.horizontalHeader()
        stacked = self._middle.direction() == QBoxLayout.Direction.TopToBottom
        # stacked, the table scrolls sideways by itself, its loan names whole, and the cards
        # above keep the page's width (at 800x600 beside the sidebar's three columns)
        header.setSectionResizeMode(
            UpcomingModel.Column.LOAN,
            QHeaderView.ResizeMode.ResizeToContents if stacked else QHeaderView.ResizeMode.Stretch,
        )
        view.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if stacked
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        if stacked:
            view.setMinimumWidth(0)
            self.lists.setMinimumWidth(0)
            return
        key = (self._refreshes, view.font().key())
        if self._measured is None or self._measured[0] != key:
            width = sum(
                max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
                for column in range(self.upcoming_model.columnCount())
            )
            self._measured = (key, width)
        needed = self._measured[1]
        scrollbar = view.verticalScrollBar().sizeHint().width()
        self.lists.setMinimumWidth(needed + 2 * view.frameWidth() + scrollbar + 4)

    def _show_follow_ups(self, loans: list[Any]) -> None:
        from ashore.services.notes import follow_ups

        self.follow_model.names = {loan.id: loan.name for loan in loans}
        items = follow_ups(self.ledger, self.ctx.today)
        self.follow_model.set_rows(items)
        title = self.tr("Follow-ups (%1)").replace("%1", str(len(items)))
        self.lists.setTabText(1, title if items else self.tr("Follow-ups"))

    def _money(self, amount: Decimal) -> str:
        return money_text(amount, self.currency, self.babel)

    def _charges(self, arrears: dashboard_view.UpcomingPayment) -> str:
        """ ", plus 1,697.15 penalty interest and 50.00 late fees": the charges on the arrears,
        named as on Overview; empty when there are none."""
        parts = []
        if arrears.penalty > 0:
            parts.append(self.tr("%1 penalty interest").replace("%1", self._money(arrears.penalty)))
        if arrears.late_fees > 0:
            parts.append(self.tr("%1 late fees").replace("%1", self._money(arrears.late_fees)))
        if not parts:
            return ""
        if len(parts) == 2:
            parts = [self.tr("%1 and %2").replace("%1", parts[0]).replace("%2", parts[1])]
        return self.tr(", plus %1").replace("%1", parts[0])

    def set_budget(self) -> None:
        """Keep the budget typed (empty clears it)."""
        if not self.budget.valid:
            self.budget_error.show_message(self.budget.error)
            return
        try:
            self.ledger.set_monthly_budget(self.budget.value)
        except (InputError, AmountError, DataError) as problem:
            self.budget_error.show_message(user_message(problem))
            return
        self.refresh()
        self.budgetChanged.emit()
