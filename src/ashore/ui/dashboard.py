"""The dashboard over all loans: total owed today and how fast it grows, what to pay in the next
30 days, follow-ups promised on calls, the monthly budget, and a chart of the total owed if nothing
is paid against the agreements kept, with the monthly total against the budget."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ashore.context import Context
from ashore.errors import DataError, InputError
from ashore.money import AmountError, format_plain
from ashore.services import workspace as ws
from ashore.ui.chart import NegotiationChart
from ashore.ui.fields import ErrorLabel, user_message
from ashore.ui.overview import CARD_STYLE, Figure, caption, card
from ashore.ui.style import MARGIN, SPACING, tabular_font, title_font
from ashore.ui.workspace_common import (
    PlainTableModel,
    amount_field,
    date_text,
    entry_status_names,
    export_chart,
    money_text,
    show_on_chart,
    table_view,
)


class UpcomingModel(PlainTableModel):
    """Installments to pay in the next days (and those already late), soonest first."""

    DUE, LOAN, LENDER, AMOUNT, STATUS = range(5)
    numeric = frozenset({AMOUNT})

    def __init__(self, currency: str, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.babel = locale
        self.columns = (
            self.tr("Due"),
            self.tr("Loan"),
            self.tr("Lender"),
            self.tr("To pay"),
            self.tr("Status"),
        )

    def text(self, row: Any, column: int) -> str:
        item: ws.UpcomingPayment = row
        if column == self.DUE:
            return item.due.isoformat()
        if column == self.LOAN:
            return item.loan_name
        if column == self.LENDER:
            return item.lender_name
        if column == self.AMOUNT:
            return money_text(item.remaining, self.currency, self.babel)
        if item.status == "overdue" and item.count > 1:
            return self.tr("%1 overdue").replace("%1", str(item.count))
        return entry_status_names().get(item.status, item.status)

    def tooltip(self, row: Any, column: int) -> str | None:
        item: ws.UpcomingPayment = row
        return item.lender_name if column == self.LOAN else None


class FollowUpModel(PlainTableModel):
    """Follow-ups promised on call notes (services.notes.follow_ups), soonest first."""

    DUE, LOAN, TEXT = range(3)

    def __init__(self, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.babel = locale
        self.names: dict[str, str] = {}
        self.columns = (self.tr("When"), self.tr("Loan"), self.tr("About"))

    def text(self, row: Any, column: int) -> str:
        if column == self.DUE:
            late = self.tr(" (late)") if row.overdue else ""
            return f"{row.due.isoformat()}{late}"
        if column == self.LOAN:
            return str(self.names.get(row.loan_id, row.loan_id))
        return str(row.text)


class Dashboard(QWidget):
    """All loans at once; ``openLoan(id)`` when a row is double-clicked, ``budgetChanged``."""

    openLoan = Signal(str)
    budgetChanged = Signal()

    def __init__(
        self, workspace: ws.Workspace, ctx: Context, locale: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setStyleSheet(CARD_STYLE)
        self.workspace = workspace
        self.ctx = ctx
        self.babel = locale
        self.data: ws.Dashboard | None = None
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
        self.this_month = Figure(self.tr("The plans ask this month"))
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

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        lists = QTabWidget()
        lists.setDocumentMode(True)
        self.upcoming_model = UpcomingModel(self.currency, locale, self)
        self.upcoming_view = table_view(self.upcoming_model, "upcoming")
        # Loan names usually say the lender; the lender stays in the model for the tooltip.
        self.upcoming_view.setColumnHidden(UpcomingModel.LENDER, True)
        lists.addTab(self.upcoming_view, self.tr("To pay, next 30 days"))
        self.follow_model = FollowUpModel(locale, self)
        self.follow_view = table_view(self.follow_model, "followUps")
        lists.addTab(self.follow_view, self.tr("Follow-ups"))
        self.lists = lists
        splitter.addWidget(lists)
        chart_box = QWidget()
        chart_column = QVBoxLayout(chart_box)
        chart_column.setContentsMargins(0, 0, 0, 0)
        self.chart = NegotiationChart(currency=self.currency, locale=locale)
        self.chart.setMinimumSize(360, 280)
        chart_column.addWidget(self.chart, 1)
        export_row = QHBoxLayout()
        export_row.addStretch(1)
        self.export_button = QPushButton(self.tr("Export chart…"))
        export_row.addWidget(self.export_button)
        chart_column.addLayout(export_row)
        splitter.addWidget(chart_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 400])
        layout.addWidget(splitter, 1)

        self.save_budget.clicked.connect(self.set_budget)
        self.budget.line.returnPressed.connect(self.set_budget)
        self.upcoming_view.doubleClicked.connect(
            lambda index: self.openLoan.emit(self.upcoming_model.row_at(index.row()).loan_id)
        )
        self.follow_view.doubleClicked.connect(
            lambda index: self.openLoan.emit(self.follow_model.row_at(index.row()).loan_id)
        )
        self.export_button.clicked.connect(lambda: export_chart(self, self.chart, "all-loans.png"))
        # The focus enters the dashboard only by a click: were it handed here when a page closes,
        # it would move on to the sidebar when a loan opens, and the sidebar would then select
        # its first row (a lender) over the loan being opened.
        for child in self.findChildren(QWidget):
            if child.focusPolicy() & Qt.FocusPolicy.TabFocus:
                child.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def refresh(self) -> None:
        """Read every loan again and show where they stand on ``ctx.today``."""
        ledger = self.workspace.ledger
        currency = self.workspace.currency()
        self.currency = currency
        loans = ledger.loans()
        budget = ledger.monthly_budget()
        data = ws.dashboard(loans, ledger.lenders(), self.ctx.today, budget, currency)
        self.data = data
        self.upcoming_model.currency = currency
        money = self._money
        self.subtitle.setText(
            self.tr("%1 loans · today %2")
            .replace("%1", str(len(loans)))
            .replace("%2", date_text(self.ctx.today, self.babel))
        )
        self.total.setText(f"{money(data.total_owed)} {currency}")
        self.growth.setText(
            self.tr("Grows by %1 a day while nothing is paid.").replace("%1", money(data.per_day))
            if data.per_day > 0
            else ""
        )
        self.this_month.set_value(money(data.this_month))
        if budget is None:
            self.budget_line.setText(self.tr("Set a budget to see which months are too heavy."))
        elif data.this_month > budget:
            self.budget_line.setText(
                self.tr("%1 over the budget of %2.")
                .replace("%1", money(data.this_month - budget))
                .replace("%2", money(budget))
            )
        else:
            self.budget_line.setText(
                self.tr("Within the budget of %1.").replace("%1", money(budget))
            )
        self.budget.setText(format_plain(budget, currency) if budget is not None else "")
        self.budget_error.show_message("")
        self.upcoming_model.set_rows(data.upcoming)
        self._show_follow_ups(loans)
        show_on_chart(self.chart, data.chart)

    def _show_follow_ups(self, loans: list[Any]) -> None:
        from ashore.services.notes import follow_ups

        self.follow_model.names = {loan.id: loan.name for loan in loans}
        items = follow_ups(self.workspace.ledger, self.ctx.today)
        self.follow_model.set_rows(items)
        title = self.tr("Follow-ups (%1)").replace("%1", str(len(items)))
        self.lists.setTabText(1, title if items else self.tr("Follow-ups"))

    def _money(self, amount: Decimal) -> str:
        return money_text(amount, self.currency, self.babel)

    def set_budget(self) -> None:
        """Keep the budget typed (empty clears it)."""
        if not self.budget.valid:
            self.budget_error.show_message(self.budget.error)
            return
        try:
            self.workspace.set_monthly_budget(self.budget.value)
        except (InputError, AmountError, DataError) as problem:
            self.budget_error.show_message(user_message(problem))
            return
        self.refresh()
        self.budgetChanged.emit()
