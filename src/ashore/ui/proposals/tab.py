"""The Proposals tab: the loan's proposals (add, duplicate, edit, delete, show on the chart), the
form with its live installment table, the chart and the side-by-side comparison, and the status
workflow from draft to an agreement.

About 500 lines: ProposalsTab is one widget whose list, form, chart and comparison follow the same
proposal; the form and the models live beside it (``proposals.form``, ``proposals.models``)."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ashore import finance
from ashore.app.context import Context
from ashore.app.errors import DataError, InputError
from ashore.domain.money import AmountError
from ashore.domain.records import Loan, Proposal
from ashore.services.proposals import NEXT_STATUSES, Proposals, new_proposal_id
from ashore.services.views import chart as chart_view
from ashore.services.views import comparison as comparison_view
from ashore.ui import dialogs
from ashore.ui.chart.view import NegotiationChart
from ashore.ui.files.common import chart_file
from ashore.ui.messages import error_detail
from ashore.ui.proposals.form import ProposalForm
from ashore.ui.proposals.models import (
    ComparisonModel,
    HistoryModel,
    InstallmentTableModel,
    ProposalListModel,
)
from ashore.ui.widgets.fields import ErrorLabel, user_message
from ashore.ui.widgets.style import (
    MARGIN,
    SPACING,
    columns_least,
    fit_columns,
    spread_columns,
    table_height,
)
from ashore.ui.widgets.workspace import (
    date_field,
    date_text,
    export_chart,
    say,
    scrolling,
    show_on_chart,
    stack_when_narrow,
    status_names,
    table_view,
)

NEW_KEY = "new"  # the chart key of a proposal being written, before it has an id
VIEWS_LEAST = 250  # the height the table, comparison or chart below the form keeps at least
HISTORY_ROWS = 4  # a proposal's history shows at least this many rows
# the list's words, which give way ("…") to its dates and figures on a narrow page
LIST_WORDS = (
    ProposalListModel.Column.NAME,
    ProposalListModel.Column.METHOD,
    ProposalListModel.Column.STATUS,
)
CELL_ROOM = 8  # a cell's margin each side of its text, with room to spare


class ProposalsTab(QWidget):
    """Everything about negotiating one loan's new terms. ``loanChanged(id)`` after a write."""

    loanChanged = Signal(str)

    def __init__(
        self, proposals: Proposals, ctx: Context, locale: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.proposals = proposals
        self.ctx = ctx
        self.babel = locale
        self.loan: Loan | None = None
        self.budget: Decimal | None = None
        self.selected_id = ""
        self._base_chart: chart_view.ChartData | None = None
        self.last_update_ms = 0.0
        self._build("CNY")

    def _size_empty_list(self) -> None:
        """Before the first proposal the columns are as wide as what they will hold, not as
        their headings (seventh walk's 2: "Method", "Status", "Starts" squeezed at the right)."""
        header = self.list_view.horizontalHeader()
        empty = self.list_model.rowCount() == 0
        metrics = self.list_view.fontMetrics()
        for column, example in self.list_model.examples().items():
            mode = QHeaderView.ResizeMode
            header.setSectionResizeMode(
                column, mode.Interactive if empty else mode.ResizeToContents
            )
            if not empty and self._narrow_list and column in LIST_WORDS:
                header.setSectionResizeMode(column, mode.Stretch)
            if empty:
                needed = metrics.horizontalAdvance(example) + 2 * CELL_ROOM
                header.resizeSection(column, max(header.sectionSizeHint(column), needed))
        if not empty:
            words = LIST_WORDS if self._narrow_list else (ProposalListModel.Column.NAME,)
            self.list_view.setMinimumWidth(columns_least(self.list_view, words))

    # ----- building ----------------------------------------------------------------------------
    def _build(self, currency: str) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, 6, MARGIN, MARGIN)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter)

        # Top: the proposals (a short list, buttons beside it), then the form of the one edited.
        top = QWidget()
        stack = QVBoxLayout(top)
        stack.setContentsMargins(0, 0, 0, 6)
        stack.setSpacing(8)
        # the list with its buttons beside it; on a narrow page (800x600) the buttons go under it
        # in a row (``fit_room``): beside it they ran past the page's right edge
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setSpacing(SPACING)
        self._list_row = row
        self.list_model = ProposalListModel(currency, self.babel, self)
        self.list_view = table_view(self.list_model, "proposalList")
        # the name takes the room left; the figures are as wide as they need, all in sight; on a
        # narrow page the method and status too give way ("…", whole in the tooltip)
        self._narrow_list = False
        fit_columns(self.list_view, ProposalListModel.Column.NAME)
        self.list_model.modelReset.connect(self._size_empty_list)
        self._size_empty_list()
        self.list_view.setFixedHeight(table_height(self.list_view, 3))  # three in sight
        row.addWidget(self.list_view, 1)
        buttons = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        buttons.setSpacing(6)
        self._list_buttons = buttons
        self.new_button = QPushButton(self.tr("New"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("danger")
        # Accepting is what the user comes for: offered beside the proposal, not only under
        # Status & history.
        self.accept_button = QPushButton(self.tr("Accept this proposal…"))
        self.accept_button.setObjectName("acceptProposal")
        for button in (
            self.new_button,
            self.duplicate_button,
            self.delete_button,
            self.accept_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        stack.addLayout(row)
        self.form = ProposalForm(currency, self.babel)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("formBody")
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 4, 0)
        inner.addWidget(self.form)
        scroll.setWidget(body)
        self.form_scroll = scroll
        stack.addWidget(scroll, 1)
        stack.addWidget(self.form.footer)  # Save and Revert in sight, whatever scrolls above
        splitter.addWidget(top)

        # Bottom: what the plan being edited means, updated as it is typed.
        self.views = QTabWidget()
        self.views.setDocumentMode(True)
        self.table_model = InstallmentTableModel(currency, self.babel, self)
        self.table_view = table_view(self.table_model, "installmentTable")
        spread_columns(self.table_view)  # five short columns share the width
        self.views.addTab(self.table_view, self.tr("Installments"))
        compare_page = QWidget()
        compare_column = QVBoxLayout(compare_page)
        compare_column.setContentsMargins(0, 6, 0, 0)
        self.comparison_model = ComparisonModel(currency, self.babel, self)
        self.comparison_view = table_view(self.comparison_model, "comparison")
        self.comparison_view.verticalHeader().setVisible(True)
        self.comparison_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.comparison_view.setSelectionMode(self.comparison_view.SelectionMode.NoSelection)
        self.comparison_view.setWordWrap(True)  # "nothing paid; 12,695.98 owed by …" in two lines
        compare_column.addWidget(self.comparison_view)
        self.compare_legend = QLabel()
        self.compare_legend.setObjectName("hint")
        self.compare_legend.setWordWrap(True)
        self._say_counted_from(None)
        compare_column.addWidget(self.compare_legend)
        compare_column.addStretch(1)
        # scrolling: the table's own fixed height (its rows) must not raise the views' least
        # height, or each plan worked out moved the divider and the tabs with it
        self.views.addTab(scrolling(compare_page), self.tr("Comparison"))
        chart_page = QWidget()
        chart_column = QVBoxLayout(chart_page)
        chart_column.setContentsMargins(0, 4, 0, 0)
        self.chart_column = chart_column
        self.chart_currency = currency
        self.chart = NegotiationChart(currency=currency, locale=self.babel)
        self.chart.setMinimumSize(360, 150)
        chart_column.addWidget(self.chart, 1)
        # on the chart's toolbar row: the plot keeps the height a row of its own would take
        self.export_button = QPushButton(self.tr("Export chart…"))
        self.chart.add_beside_toolbar(self.export_button)
        self.chart_index = self.views.addTab(chart_page, self.tr("Chart"))
        self.views.addTab(scrolling(self._status_page()), self.tr("Status and history"))
        splitter.addWidget(self.views)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        self._sized = False  # True once the user has moved the divider
        splitter.splitterMoved.connect(lambda *_: setattr(self, "_sized", True))

        self._selecting_row = False  # set_loan selects a row and edits it once, not twice
        # the comparison owed to a tab not shown (see _on_plan)
        self._pending_compare: list[tuple[Proposal, finance.ProposalPlan]] | None = None
        self.list_view.selectionModel().currentRowChanged.connect(self._on_current)
        self.list_model.visibilityChanged.connect(self._on_visibility)
        self.new_button.clicked.connect(self.new_proposal)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.delete_button.clicked.connect(self.delete)
        self.accept_button.clicked.connect(self.accept_selected)
        self.form.planChanged.connect(self._on_plan)
        self.form.saveRequested.connect(self.save)
        self.export_button.clicked.connect(
            lambda: export_chart(
                self, self.chart, chart_file(self.proposals.ledger, self.loan, self.ctx.today)
            )
        )

    def _status_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 6, 0, 0)
        self.status_label = QLabel()
        self.status_label.setObjectName("pageSubtitle")
        self.status_label.setWordWrap(True)
        column.addWidget(self.status_label)
        box = QGroupBox(self.tr("Record what happened"))
        form = QFormLayout(box)
        form.setHorizontalSpacing(12)
        self.next_status = QComboBox()
        self.next_status.setObjectName("nextStatus")
        self.next_status.currentIndexChanged.connect(lambda _index: self._status_chosen())
        self.status_day = date_field()
        self.status_who = QLineEdit()
        self.status_who.setPlaceholderText(self.tr("e.g. agent 0231, by phone"))
        self.status_note = QLineEdit()
        self.status_note.setPlaceholderText(self.tr("what was said or offered"))
        self.record_button = QPushButton(self.tr("Record"))
        self.record_button.setObjectName("primary")
        self.status_error = ErrorLabel()
        form.addRow(self.tr("New status"), self.next_status)
        form.addRow(self.tr("On"), self.status_day)
        form.addRow(self.tr("With / to whom"), self.status_who)
        form.addRow(self.tr("Note"), self.status_note)
        form.addRow("", self.record_button)
        form.addRow("", self.status_error)
        # The history beside what is recorded, not under it: below, in the views' share of the
        # screen, it showed about a row and a half; beside, it has the page's height.
        pair = QHBoxLayout()
        pair.setSpacing(SPACING)
        pair.addWidget(box, 1)
        past = QVBoxLayout()
        past.setSpacing(4)
        self.history_model = HistoryModel(self.babel, self)
        self.history_view = table_view(self.history_model, "history")
        fit_columns(self.history_view, HistoryModel.Column.NOTE)
        self.history_view.setMinimumHeight(table_height(self.history_view, HISTORY_ROWS))
        past.addWidget(QLabel(self.tr("History")))
        past.addWidget(self.history_view, 1)
        pair.addLayout(past, 1)
        column.addLayout(pair, 1)
        self.record_button.clicked.connect(self.record_status)
        return page

    # ----- filling -----------------------------------------------------------------------------
    def set_loan(self, loan: Loan) -> None:
        """Show ``loan``'s proposals; keeps the selected proposal when it is still there."""
        switching = self.loan is None or self.loan.id != loan.id
        self.loan = loan
        self.budget = self.proposals.ledger.monthly_budget()
        for model in (self.list_model, self.table_model, self.comparison_model):
            model.currency = loan.currency
        self.form.set_loan(loan)
        self._ensure_chart(loan.currency)
        if switching:
            self.list_model.hidden.clear()
            self.selected_id = ""
        items = chart_view.worked_out(loan)
        drawn = chart_view.proposals_drawn(loan, self.ctx.today)
        self.list_model.others_drawn = drawn
        self.list_model.set_proposals(items)
        self.list_view.setToolTip(
            self.tr("Tick a proposal to show it on the chart.")
            if drawn
            else self.tr(
                "An agreement is in force: the chart draws it, and the proposal open below when "
                "ticked. The other proposals are not drawn."
            )
        )
        self._base_chart = chart_view.loan_chart(loan, self.ctx.today, self.budget)
        row = self.list_model.row_of(self.selected_id) if self.selected_id else -1
        if row < 0 and items:
            accepted = [i for i, (p, _, _) in enumerate(items) if p.status == "accepted"]
            row = accepted[0] if accepted else 0
        if row >= 0:
            self._select_row(row)
        else:
            self._new_draft()  # no focus taken: the tab may not even be shown

    def _select_row(self, row: int) -> None:
        index = self.list_model.index(row, 0)
        self._selecting_row = True
        try:
            self.list_view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._selecting_row = False
        self._edit(self.list_model.proposal_at(row))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._selecting_row:
            self._edit(self.list_model.proposal_at(current.row()))

    def _edit(self, proposal: Proposal | None) -> None:
        self.selected_id = proposal.id if proposal else ""
        self.duplicate_button.setEnabled(proposal is not None)
        self.delete_button.setEnabled(proposal is not None)
        self.accept_button.setEnabled(
            proposal is not None and "accepted" in NEXT_STATUSES.get(proposal.status, ())
        )
        self.form.edit(proposal, self.ctx.today)
        self.form_scroll.verticalScrollBar().setValue(0)  # each proposal opens at its name
        self._show_status(proposal)

    def new_proposal(self) -> None:
        """An empty draft in the form (saved only when the user saves it), ready to type."""
        self._new_draft()
        self.form.name.setFocus()
        self.form_scroll.verticalScrollBar().setValue(0)

    def _new_draft(self) -> None:
        self.list_view.selectionModel().clearSelection()
        self.list_view.selectionModel().setCurrentIndex(
            QModelIndex(), QItemSelectionModel.SelectionFlag.Clear
        )
        self._edit(None)

    def _show_status(self, proposal: Proposal | None) -> None:
        names = status_names()
        self.next_status.clear()
        self.status_error.show_message("")
        if proposal is None:
            self.status_label.setText(self.tr("Save the proposal first; it starts as a draft."))
            self.history_model.set_history([])
            self.record_button.setEnabled(False)
            return
        self.status_label.setText(
            self.tr("“%1” is %2.")
            .replace("%1", proposal.name or proposal.id)
            .replace("%2", names.get(proposal.status, proposal.status).lower())
        )
        # Nothing is chosen for the user: the first line says what the usual next step is, and
        # Record waits until a status is picked (after Accepted the agreement simply stands).
        self.next_status.addItem(self._next_step_hint(proposal.status), "")
        for status in NEXT_STATUSES.get(proposal.status, ()):
            self.next_status.addItem(names[status], status)
        self.status_day.setText(self.ctx.today.isoformat())
        self.status_who.clear()
        self.status_note.clear()
        self._status_chosen()
        self.history_model.set_history(proposal.history)

    def _next_step_hint(self, status: str) -> str:
        hints = {
            "draft": self.tr("— choose what happened (usually: Proposed, once sent) —"),
            "proposed": self.tr("— choose the lender's answer —"),
            "countered": self.tr("— choose what happened (usually: Proposed, your answer) —"),
            "accepted": self.tr("— it stands (choose only if it ended) —"),
            "rejected": self.tr("— choose what happened (a new draft to try again) —"),
        }
        return hints.get(status, self.tr("— choose what happened —"))

    def accept_selected(self) -> None:
        """Record that the lender accepted the proposal shown, today (asked first)."""
        original = self.form.original
        index = self.next_status.findData("accepted")
        if self.loan is None or original is None or index < 0:
            return
        replacing = any(p.status == "accepted" and p.id != original.id for p in self.loan.proposals)
        # Replacing an agreement is asked by record_status; a first agreement is asked here.
        if not replacing and not dialogs.confirm(
            self,
            self.tr("Accept this proposal"),
            self.tr(
                "Record that the lender accepted “%1” today? From its start date its table is "
                "the plan in force, kept as agreed."
            ).replace("%1", original.name or original.id)
            + self._agreed_terms(original),
            self.tr("Accept"),
        ):
            return
        self.next_status.setCurrentIndex(index)
        self.record_status()

    def _agreed_terms(self, proposal: Proposal) -> str:
        """What is agreed, in figures, for the Accept question: "23 × 364.70 and a last 364.67
        from Jan 15, 2027; 8,752.77 in all." and what it starts from - the plan summary and the
        installments' words the call card and the letter state, and the form's "Starts from"."""
        from ashore.reports.strings import sentence
        from ashore.services.guide.figures import plan_summary
        from ashore.ui.widgets.workspace import money_text

        if self.loan is None:
            return ""
        try:
            plan = plan_summary(self.loan, proposal)
        except (InputError, finance.FinanceError):
            return ""
        currency = self.loan.currency
        words = sentence(plan.installments(currency, self.babel))
        if plan.count == 1:
            text = self.tr("%1 by %2.").replace("%1", words)
            text = text.replace("%2", date_text(plan.last_due, self.babel))
        else:
            text = (
                self.tr("%1 from %2; %3 in all.")
                .replace("%1", words)
                .replace("%2", date_text(plan.first_due, self.babel))
                .replace("%3", money_text(plan.total, currency, self.babel))
            )
        starts = self.form.base_label.text() if self.form.original is proposal else ""
        # after a full stop 。 a Chinese sentence follows without a space
        return "\n\n" + text + (" " if starts and not text.endswith("。") else "") + starts

    def _status_chosen(self) -> None:
        self.record_button.setEnabled(bool(self.next_status.currentData()))

    # ----- live plan ---------------------------------------------------------------------------
    def _editing_key(self) -> str:
        return self.form.original.id if self.form.original is not None else NEW_KEY

    def _on_plan(self, plan: finance.ProposalPlan | None) -> None:
        """The form worked a plan out: table, chart and comparison follow."""
        began = time.perf_counter()
        if plan is not None:
            self.table_model.set_installments(plan.installments, plan.forgiven)
        else:
            self.table_model.set_installments([])
        if self.loan is None or self._base_chart is None:
            return
        key = self._editing_key()
        base = self._base_chart
        lines: list[chart_view.Line | None] = list(base.lines)
        monthly: list[chart_view.MonthlyLine | None] = list(base.monthly)
        extra: list[tuple[Proposal, finance.ProposalPlan]] = []
        proposal = self.form.proposal()
        line = bar = None
        if plan is not None and proposal is not None:
            record = replace(proposal, id=key)
            label = proposal.name or self.tr("New proposal")
            kind = "agreement" if proposal.status == "accepted" else "proposal"
            line = chart_view.Line(key, label, kind, chart_view.balance_points(plan))
            bar = chart_view.MonthlyLine(key, label, chart_view.monthly_points(plan))
            extra.append((record, plan))
        # the plan being edited keeps its saved place (the order the proposals were made in)
        made = [p.id for p in self.loan.proposals]
        data = replace(
            base,
            lines=chart_view.in_place(lines, key, line, made),
            monthly=chart_view.in_place(monthly, key, bar, made),
        )
        show_on_chart(self.chart, data, self.list_model.hidden)
        if self.window().isVisible() and not self.isVisible():
            # A tab not open in a window on screen (a save from another tab reloads this one):
            # the comparison is worked out when the tab is shown, not at every reload unseen.
            self._pending_compare = extra
        else:
            self._compare(extra)
        self.last_update_ms = (time.perf_counter() - began) * 1000 + self.form.last_compute_ms

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_compare is not None:
            self._compare(self._pending_compare)

    def _compare(self, extra: list[tuple[Proposal, finance.ProposalPlan]]) -> None:
        """The comparison of the loan's options, ``extra`` (the plan being edited) among them."""
        self._pending_compare = None
        if self.loan is None:
            return
        try:
            result, order = comparison_view.comparison(
                self.loan, self.ctx.today, self.budget, extra
            )
        except (InputError, finance.FinanceError):
            self.comparison_model.set_comparison(None, [])
            self._say_counted_from(None)
        else:
            names = [
                p.name or (self.tr("New proposal") if p.id == NEW_KEY else p.id) for p in order
            ]
            aprs = comparison_view.option_aprs(self.loan, order, extra)
            current = comparison_view.in_force(self.loan, self.ctx.today)
            self.comparison_model.set_comparison(
                result,
                names,
                aprs,
                current,
                order,
                # "due now" only when the options count from today
                due_now=comparison_view.due_now(self.loan, self.ctx.today)
                if result.counted_from == self.ctx.today
                else Decimal("0"),
                has_budget=self.budget is not None,
            )
            self._say_counted_from(result.counted_from)
        self._fit_comparison()

    def _say_counted_from(self, start: date | None) -> None:
        """The comparison's legend: the star, and the day its figures count from."""
        if start is None or start == self.ctx.today:
            text = self.tr("★ marks the best value of each row. Figures count from today.")
        else:
            text = self.tr(
                "★ marks the best value of each row. Figures count from %1, when the agreement "
                "began: payments made under it are counted in its column, so its saving stays."
            ).replace("%1", date_text(start, self.babel))
        self.compare_legend.setText(text)

    def fit_room(self, width: int) -> None:
        """On a narrow page the proposals' buttons go in a row under the list, and the form's
        two columns one above the other, so nothing runs past the page's right edge."""
        stack_when_narrow([self._list_row, self.form.columns], width)
        stacked = self._list_row.direction() == QBoxLayout.Direction.TopToBottom
        if stacked != self._narrow_list:
            self._narrow_list = stacked
            self._size_empty_list()
        self._list_buttons.setDirection(
            QBoxLayout.Direction.LeftToRight if stacked else QBoxLayout.Direction.TopToBottom
        )
        # the comparison's plans shared out again at the new width
        QTimer.singleShot(0, self.comparison_view, self._fit_comparison_rows)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._sized:
            # The layout gives the splitter its new height after this event: fit it then.
            QTimer.singleShot(0, self._fit_splitter)

    def _fit_splitter(self) -> None:
        """Until the user moves the divider, the form gets what it needs, the views the rest."""
        total = sum(self.splitter.sizes())
        if self._sized or total < 200:
            return
        # The fields of the tallest method's page, the footer with its message lines: the same
        # height whichever method is chosen and whatever was saved, so the views' tabs stay
        # where they are (they moved after a Save, and a click meant for "Comparison" selected
        # a row). The views get the rest, never too little; the fields scroll if they must,
        # Save and Revert stay in sight under them.
        form = self.form
        pages = form.pages
        tallest = max(pages.widget(i).sizeHint().height() for i in range(pages.count()))
        need = form.sizeHint().height() - pages.sizeHint().height() + tallest
        footer = form.footer.sizeHint().height()  # its message line's room kept in it
        wanted = self.list_view.height() + need + footer + 30
        top = min(wanted, total - VIEWS_LEAST, total * 2 // 3)
        self.splitter.setSizes([top, total - top])

    def _fit_comparison(self) -> None:
        """The comparison is a few rows: the table is as tall as they are, no taller; the row
        names (its first column) whole, long cells wrapped (again once the columns have their
        widths: a wrapped cell's height follows its column's)."""
        header = self.comparison_view.horizontalHeader()
        if header.count():
            # the row names read whole ("Saving against doing nothing"), the plans share the rest
            # (set after each fill: a reset of the columns forgets a section's own mode)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self._fit_comparison_rows()
        # (the view as the call's context: a tab closed meanwhile drops the call with its view)
        QTimer.singleShot(0, self.comparison_view, self._fit_comparison_rows)

    def _fit_comparison_rows(self) -> None:
        view = self.comparison_view
        self._keep_figures_whole()
        view.resizeRowsToContents()
        rows = view.verticalHeader().length()
        view.setFixedHeight(
            rows + view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
        )

    def _keep_figures_whole(self) -> None:
        """The plans share the width left by the row names while each has room for its widest
        amount or date; on a narrow page each is as wide as that instead and the table scrolls
        sideways (at 800x600 an even share cut "7,005.00" to "7,0…"). Longer cells wrap."""
        view = self.comparison_view
        model = self.comparison_model
        header = view.horizontalHeader()
        if header.count() < 2:
            return
        needs = {}
        for column in range(1, header.count()):
            need = 0
            for row in range(model.rowCount()):
                index = model.index(row, column)
                text = str(model.data(index) or "")
                font = model.data(index, Qt.ItemDataRole.FontRole)
                metrics = QFontMetrics(font) if isinstance(font, QFont) else view.fontMetrics()
                # a date whole; any other cell wraps between its words, never inside one
                words = [text] if row == ComparisonModel.Column.END else text.split()
                widest = max((metrics.horizontalAdvance(word) for word in words), default=0)
                need = max(need, widest + 2 * CELL_ROOM)
            needs[column] = need
        mode = QHeaderView.ResizeMode
        room = view.viewport().width()
        names = view.sizeHintForColumn(0)  # the row names on one line each
        roomy = all((room - names) // len(needs) >= need for need in needs.values())
        if roomy:
            header.setSectionResizeMode(0, mode.ResizeToContents)
        else:
            # the row names wrap between their words (the rows grow taller) before the plans
            # lose room: at most two fifths of the table, never narrower than a word
            words = [
                str(model.data(model.index(row, 0)) or "").split()
                for row in range(model.rowCount())
            ]
            metrics = view.fontMetrics()
            longest = max((metrics.horizontalAdvance(w) for ws in words for w in ws), default=0)
            names = min(names, max(room * 2 // 5, longest + 2 * CELL_ROOM))
            header.setSectionResizeMode(0, mode.Interactive)
            header.resizeSection(0, names)
            roomy = all((room - names) // len(needs) >= need for need in needs.values())
        for column, need in needs.items():
            header.setSectionResizeMode(column, mode.Stretch if roomy else mode.Interactive)
            if not roomy:
                header.resizeSection(column, need)
        view.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if roomy else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )

    def _on_visibility(self, key: str, shown: bool) -> None:
        try:
            self.chart.set_visible(key, shown)
        except InputError:
            pass  # a proposal that cannot be worked out has no line to show or hide

    def _ensure_chart(self, currency: str) -> None:
        """The chart formats in one currency: a loan in another gets a chart of its own."""
        if self.chart_currency == currency:
            return
        old = self.chart
        self.chart = NegotiationChart(currency=currency, locale=self.babel)
        self.chart.setMinimumSize(360, 150)
        self.chart_column.replaceWidget(old, self.chart)
        self.chart.add_beside_toolbar(self.export_button)
        old.deleteLater()
        self.chart_currency = currency

    # ----- writes ------------------------------------------------------------------------------
    def _after_write(self, select: str = "") -> None:
        assert self.loan is not None
        if select:
            self.selected_id = select
        try:
            self.set_loan(self.proposals.ledger.loan(self.loan.id))
        except (InputError, DataError) as problem:
            dialogs.error(self, user_message(problem))
        self.loanChanged.emit(self.loan.id)

    def save(self, proposal: Proposal) -> None:
        if self.loan is None:
            return
        if not proposal.id:
            proposal = replace(proposal, id=new_proposal_id(self.proposals.ledger))
        try:
            saved = self.proposals.save_proposal(self.loan.id, proposal)
        except (InputError, AmountError) as problem:
            self.form.show_save_error(problem)
            return
        except DataError as problem:
            dialogs.error(self, error_detail(problem))
            return
        self._after_write(saved.id)
        say(self, self.tr("Proposal “%1” saved.").replace("%1", saved.name or saved.id))

    def duplicate(self) -> None:
        original = self.form.original
        if self.loan is None or original is None:
            return
        name = self.tr("%1 (copy)").replace("%1", original.name or original.id)
        try:
            copy = self.proposals.duplicate_proposal(self.loan.id, original.id, name)
        except (InputError, DataError) as problem:
            dialogs.error(self, user_message(problem))
            return
        self._after_write(copy.id)

    def delete(self) -> None:
        original = self.form.original
        if self.loan is None or original is None:
            return
        if not dialogs.confirm(
            self,
            self.tr("Delete proposal"),
            self.tr("Delete the proposal “%1” and its history?").replace(
                "%1", original.name or original.id
            ),
            self.tr("Delete"),
        ):
            return
        try:
            self.proposals.delete_proposal(self.loan.id, original.id)
        except (InputError, DataError) as problem:
            dialogs.error(self, user_message(problem))
            return
        self.selected_id = ""
        self._after_write()
        say(self, self.tr("Proposal “%1” deleted.").replace("%1", original.name or original.id))

    def record_status(self) -> None:
        """Record the chosen status change; accepting asks before it supersedes an agreement."""
        original = self.form.original
        status = self.next_status.currentData()
        if self.loan is None or original is None or not status:
            return
        if not self.status_day.valid:
            self.status_error.show_message(self.status_day.error)
            return
        if status == "accepted":
            current = [
                p for p in self.loan.proposals if p.status == "accepted" and p is not original
            ]
            current = [p for p in current if p.id != original.id]
            if current and not dialogs.confirm(
                self,
                self.tr("Replace the agreement"),
                self.tr(
                    "“%1” is the agreement in force. Accepting “%2” withdraws it, and from its "
                    "start date “%2” replaces the schedule everywhere."
                )
                .replace("%1", current[0].name or current[0].id)
                .replace("%2", original.name or original.id)
                + self._agreed_terms(original),
                self.tr("Accept"),
            ):
                return
        parts = []
        day: date = self.status_day.value
        if day != self.ctx.today:
            parts.append(self.tr("on %1").replace("%1", date_text(day, self.babel)))
        if self.status_who.text().strip():
            parts.append(self.status_who.text().strip())
        if self.status_note.text().strip():
            parts.append(self.status_note.text().strip())
        try:
            self.proposals.change_status(self.loan.id, original.id, status, " · ".join(parts))
        except (InputError, DataError) as problem:
            self.status_error.show_message(user_message(problem))
            return
        self._after_write(original.id)
        name = original.name or original.id
        if status == "accepted":
            text = self.tr("Agreement recorded: “%1”, the plan in force from %2.").replace(
                "%2", date_text(original.start, self.babel)
            )
        else:
            text = self.tr("“%1” is now %2.").replace(
                "%2", status_names().get(status, status).lower()
            )
        say(self, text.replace("%1", name))
