"""The Overview tab: what one loan costs today at a glance — the owed figure large, its parts in a
grid, how fast it grows, the lender's latest claim against ours, the next step, and the chart.

Over 500 lines because OverviewTab is one page whose cards (figures, yearly cost, claim, next
step) each word several states of a loan: with or without a plan, a claim, a settlement."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ashore.app.context import Context
from ashore.app.errors import InputError
from ashore.domain.money import Rate
from ashore.domain.records import Lender, Loan, Proposal
from ashore.finance import FinanceError, ProposalPlan, RateLines
from ashore.services import plans
from ashore.services.costs import loan_figures, lpr_table
from ashore.services.ledger import Ledger
from ashore.services.plans import Figures
from ashore.services.views import chart as chart_view
from ashore.services.views import comparison as comparison_view
from ashore.services.views import overview as overview_view
from ashore.ui.chart.view import NegotiationChart
from ashore.ui.files.common import chart_file
from ashore.ui.payments.models import late_sentence, missed_dates
from ashore.ui.widgets.columns import ColumnsLayout
from ashore.ui.widgets.style import (
    BADGE_COLOURS,
    BORDER,
    ERROR,
    MARGIN,
    MUTED,
    PANEL_BG,
    TEXT,
    tabular_font,
    title_font,
)
from ashore.ui.widgets.words import apr_explained
from ashore.ui.widgets.workspace import (
    date_text,
    export_chart,
    money_text,
    show_on_chart,
    stack_when_narrow,
)


def percent_text(rate: Decimal, locale: str) -> str:
    """A fraction as a percentage with two decimals, per locale ("13.03 %")."""
    from babel.numbers import format_decimal  # lazy, as money.format_amount

    value = (rate * 100).quantize(Decimal("0.01"))
    return f"{format_decimal(value, format='#,##0.00', locale=locale)} %"


def rate_quote(rate: Rate, locale: str) -> str:
    """The quoted rate in percent with its unit, through translation."""
    from babel.numbers import format_decimal

    pct = format_decimal((rate.value * 100).normalize(), format="#,##0.####", locale=locale)
    units = {
        "year": QCoreApplication.translate("OverviewTab", "%1 % a year"),
        "month": QCoreApplication.translate("OverviewTab", "%1 % a month"),
        "day": QCoreApplication.translate("OverviewTab", "%1 % a day"),
    }
    return units[rate.per].replace("%1", str(pct))


CARD_STYLE = (
    f"QFrame#card {{ background: {PANEL_BG}; border: 1px solid {BORDER}; border-radius: 8px; }}"
    f" QLabel#caption {{ color: {MUTED}; }}"
    f" QLabel#figure {{ color: {TEXT}; }}"
    f" QLabel#bigFigure {{ color: {TEXT}; }}"
    f" QLabel#alarm {{ color: {ERROR}; font-weight: 600; }}"
)


def card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 12)
    layout.setSpacing(4)
    return frame, layout


def caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("caption")
    return label


def figure_font(base: QFont) -> QFont:
    """Bold tabular digits a little larger than the text: the figures of a card."""
    font = tabular_font(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * 1.15)
    font.setBold(True)
    return font


class Figure(QWidget):
    """A caption over an amount, the amount right-aligned in tabular digits."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        self.caption = caption(text)
        self.value = QLabel()
        self.value.setObjectName("figure")
        self.value.setFont(figure_font(self.font()))
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        self.hint = QLabel()  # a short line under the value: what it adds to another figure
        self.hint.setObjectName("caption")
        self.hint.setWordWrap(True)
        self.hint.hide()
        layout.addWidget(self.hint)

    def set_value(self, text: str) -> None:
        self.value.setText(text)

    def set_hint(self, text: str, tooltip: str = "") -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
        self.setToolTip(tooltip)


class OverviewTab(QWidget):
    """One loan on ``ctx.today``; ``set_loan`` fills it."""

    def __init__(
        self, ledger: Ledger, ctx: Context, locale: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setStyleSheet(CARD_STYLE)
        self.ledger = ledger
        self.ctx = ctx
        self.babel = locale
        self.loan: Loan | None = None
        self.data: overview_view.LoanOverview | None = None
        self.chart_data: chart_view.ChartData | None = None
        self.currency = "CNY"
        # The page scrolls when the window is too low for every card and the chart at once:
        # a card's text is never cut off (at 1280x800 the lender's rules, the claim and the next
        # step need more height than the chart leaves them).
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("page")
        scroll.setWidget(body)
        outer.addWidget(scroll)
        self.scroll = scroll
        layout = QVBoxLayout(body)
        layout.setContentsMargins(MARGIN, 8, MARGIN, MARGIN)
        layout.setSpacing(10)

        row = QHBoxLayout()
        row.setSpacing(10)
        self._row = row  # stacks in a narrow window (resizeEvent)
        owed_card, owed = card()
        self.owed_caption = caption(self.tr("Owed today if nothing more is paid"))
        self.owed_value = QLabel()
        self.owed_value.setObjectName("bigFigure")
        big = title_font(tabular_font(self.font()), 2.1)
        self.owed_value.setFont(big)
        self.owed_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.growth = QLabel()
        self.growth.setObjectName("alarm")
        self.growth.setWordWrap(True)
        owed.addWidget(self.owed_caption)
        owed.addWidget(self.owed_value)
        owed.addWidget(self.growth)
        owed.addSpacing(6)
        # three columns where the card has room, two or one in a narrow window
        grid = ColumnsLayout(columns=3, spacing=18, row_spacing=8)
        self.figure_grid = grid
        self.parts = {
            "overdue": Figure(self.tr("Due and unpaid")),
            # Under an agreement, the installment due today (neither missed nor not yet due),
            # where the contract's penalty is otherwise: the parts add up to owed today.
            "due_today": Figure(self.tr("Due today")),
            "penalty": Figure(self.tr("Penalty interest")),
            "late_fees": Figure(self.tr("Late fees")),
            "not_yet_due": Figure(self.tr("Not yet due")),
            "days": Figure(self.tr("Days overdue")),
            "per_month": Figure(self.tr("Added in 30 days")),
            # Beside "owed today", never added to it (DOMAIN.md "A plan in force is a contract").
            "left_to_pay": Figure(self.tr("Left to pay under the plan")),
            "payoff": Figure(self.tr("To settle today")),
            "if_fails": Figure(self.tr("If the agreement fails")),
        }
        # a row each (more when narrow): what is due now; what falls due later and how fast it
        # grows; what stands beside owed today
        groups = (
            ("overdue", "due_today", "penalty", "late_fees"),
            ("not_yet_due", "days", "per_month"),
            ("left_to_pay", "payoff", "if_fails"),
        )
        for group, keys in enumerate(groups):
            for key in keys:
                grid.add(self.parts[key], group)
        owed.addLayout(grid)
        owed.addStretch(1)
        # The figures, then what the loan truly costs under them; the lender's side on the right.
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(owed_card)
        row.addLayout(left, 3)

        side = QVBoxLayout()
        side.setSpacing(10)
        claim_card, claim = card()
        claim.addWidget(caption(self.tr("The lender's latest claim")))
        self.claim_value = QLabel()
        self.claim_value.setObjectName("figure")
        self.claim_value.setFont(figure_font(self.font()))
        self.claim_detail = QLabel()
        self.claim_detail.setWordWrap(True)
        claim.addWidget(self.claim_value)
        claim.addWidget(self.claim_detail)
        side.addWidget(claim_card)
        next_card, nxt = card()
        nxt.addWidget(caption(self.tr("Next step")))
        self.next_text = QLabel()
        self.next_text.setWordWrap(True)
        self.next_text.setTextFormat(Qt.TextFormat.RichText)
        nxt.addWidget(self.next_text)
        side.addWidget(next_card)
        cost_card, cost = card()
        cost.addWidget(caption(self.tr("The true yearly cost")))
        self.cost_text = QLabel()
        self.cost_text.setWordWrap(True)
        self.cost_text.setTextFormat(Qt.TextFormat.RichText)
        self.cost_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cost_text.setToolTip(apr_explained())  # its first line is the APR
        cost.addWidget(self.cost_text)
        left.addWidget(cost_card)
        left.addStretch(1)
        side.addStretch(1)
        row.addLayout(side, 2)
        layout.addLayout(row)

        self.chart = NegotiationChart(currency=self.currency, locale=self.babel)
        self.chart.setMinimumHeight(300)
        layout.addWidget(self.chart, 1)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.export_button = QPushButton(self.tr("Export chart…"))
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.export_button.clicked.connect(
            lambda: export_chart(
                self, self.chart, chart_file(self.ledger, self.loan, self.ctx.today)
            )
        )

    def _to_top(self) -> None:
        """Scroll the page (and a scroll area the window put it in) back to its top."""
        self.scroll.verticalScrollBar().setValue(0)
        parent = self.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                parent.verticalScrollBar().setValue(0)
            parent = parent.parentWidget()

    def fit_room(self, width: int) -> None:
        """In a narrow window the lender's side goes below the figures instead of beside them.
        The page never cuts a card off at its right: what the cards cannot give up (a figure's
        caption, one column of them) is the least the page takes, and the window's page scrolls
        sideways beyond that instead."""
        stack_when_narrow([self._row], width)
        body = self.scroll.widget()
        least = body.minimumSizeHint().width() + self.scroll.verticalScrollBar().sizeHint().width()
        if self.scroll.minimumWidth() != least:
            self.scroll.setMinimumWidth(least)

    def _money(self, amount: Decimal | None) -> str:
        return money_text(amount, self.currency, self.babel)

    def set_loan(self, loan: Loan, lender: Lender | None) -> None:
        """Work the loan's figures out for today and show them."""
        self.loan = loan
        if loan.currency != self.currency:
            old = self.chart
            self.chart = NegotiationChart(currency=loan.currency, locale=self.babel)
            self.chart.setMinimumHeight(300)
            self.layout().replaceWidget(old, self.chart)
            old.deleteLater()
        self.currency = loan.currency
        today = self.ctx.today
        data = overview_view.overview(loan, lender, today)
        if self.data is None or data != self.data:
            # Another loan, or this one's figures changed (a payment, an agreement): back to the
            # top, where the changed figures are; the same figures again keep the user's place.
            self._to_top()
        self.data = data
        self.owed_value.setText(f"{self._money(data.total)} {loan.currency}")
        owed = data.owed
        fig = data.figures
        beside = {
            "left_to_pay": self._money(fig.left_to_pay_plan),
            "payoff": self._money(fig.payoff_today),
            "if_fails": self._money(fig.if_agreement_fails),
        }
        if owed is not None:
            self.owed_caption.setText(self.tr("Owed today if nothing more is paid"))
            self.parts["overdue"].caption.setText(self.tr("Due and unpaid"))
            # The contract's interest that runs on after a due date is interest, not penalty:
            # inside "due and unpaid", said so (a penalty waiver leaves it).
            self.parts["overdue"].setToolTip(
                self.tr(
                    "Of it, %1 is the contract's own interest since the due date: interest, not "
                    "penalty (a penalty waiver does not waive it)."
                ).replace("%1", self._money(owed.late_interest))
                if owed.late_interest > 0
                else ""
            )
            self.growth.setStyleSheet("")  # the alarm's red (an agreement's caution is amber)
            if data.per_day > 0:
                # "a day" is tomorrow's owed less today's; the 30 days' figure is more than 30
                # of those when installments fall due meanwhile: named so, not "a month"
                words = (
                    self.tr("Grows by %1 a day while nothing is paid: %2 in the next 30 days.")
                    if data.per_month == 30 * data.per_day
                    else self.tr(
                        "Grows by %1 a day while nothing is paid, by %2 in the next 30 days (with "
                        "the installments falling due)."
                    )
                )
                self.growth.setText(
                    words.replace("%1", self._money(data.per_day)).replace(
                        "%2", self._money(data.per_month)
                    )
                )
            else:
                self.growth.setText("")
            values = {
                "overdue": self._money(owed.overdue + owed.due),
                "penalty": self._money(owed.penalty),
                "late_fees": self._money(owed.late_fees),
                "not_yet_due": self._money(owed.not_yet_due),
                "days": str(data.days_overdue),
                "per_month": self._money(data.per_month),
                **beside,
            }
            for key, figure in self.parts.items():
                # due today is inside "due and unpaid" here (the contract's grace)
                figure.setVisible(key not in ("if_fails", "due_today"))
                figure.set_value(values.get(key, ""))
        else:
            name = data.agreement.name if data.agreement is not None else ""
            self.owed_caption.setText(
                self.tr("Owed today under the agreement “%1”").replace("%1", name)
            )
            missed = data.overdue > 0
            self.parts["overdue"].caption.setText(self.tr("Agreed installments missed"))
            self.parts["overdue"].setToolTip("")
            self.growth.setText(
                self.tr(
                    "%1 of it is missed. A second default usually voids the agreement: pay it now."
                ).replace("%1", self._money(data.overdue))
                if missed
                else late_sentence(list(data.late), self.babel)
            )
            # a late payment made is a caution (amber), not the red of money missed now
            self.growth.setStyleSheet(
                "" if missed or not data.late else f"color: {BADGE_COLOURS['agreement_missed'][1]};"
            )
            values = {
                "overdue": self._money(data.overdue),
                **({"due_today": self._money(fig.due_today)} if fig.due_today > 0 else {}),
                "not_yet_due": self._money(fig.not_yet_due),
                "days": str(data.days_overdue),
                **beside,
            }
            for key, figure in self.parts.items():
                figure.setVisible(key in values)
                if key in values:
                    figure.set_value(values[key])
        self._explain_payoff(fig)
        self._show_claim(data)
        self._show_next(data)
        self._show_cost(loan)
        self._settle()
        self.chart_data = chart_view.loan_chart(loan, today, self.ledger.monthly_budget())
        show_on_chart(self.chart, self.chart_data)

    def _settle(self) -> None:
        """Lay the page out now, until its wrapped texts have their heights: left to the event
        loop, each nesting level of the cards took a turn of its own, the chart took the
        difference meanwhile and gave it back at the next turn, and each size was a full draw of
        the chart (three per loan opened instead of one)."""
        if not self.isVisible():
            return
        for _ in range(4):  # the cards, their boxes, the page: a level each
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _explain_payoff(self, fig: Figures) -> None:
        """Say under "To settle today" what it adds to "owed today": the interest accrued since
        the last due date (and the prepayment fee, if the loan has one)."""
        extra = fig.payoff_today - fig.owed_today
        tooltip = self.tr(
            "To settle today = owed today + the interest accrued since the last due date (and the "
            "prepayment fee, if the loan has one). Owed today counts what is due and the "
            "principal not yet due."
        )
        if extra > 0:
            hint = self.tr("+%1 accrued interest").replace("%1", self._money(extra))
        else:
            hint = ""
        self.parts["payoff"].set_hint(hint, tooltip)

    def _show_cost(self, loan: Loan) -> None:
        """APR beside the quoted rate, what settling today costs, the money received, and each
        reference line crossed with who it applies to and how to use it in the call."""
        try:
            table = lpr_table(self.ledger.added_lpr())
            fig = loan_figures(loan, self.ctx.today, table)
        except (InputError, FinanceError):
            self.cost_text.setText("")
            return
        found = plans.agreement(loan)
        if found is not None:
            self.cost_text.setText(self._agreement_cost(loan, found, fig.payoff_today))
            return
        lines: list[str] = []
        if fig.cost is not None:
            lines.append(
                self.tr("<b>%1</b> a year by the IRR method, fees included (quoted: %2).")
                .replace("%1", percent_text(fig.cost.apr, self.babel))
                .replace("%2", rate_quote(loan.rate, self.babel))
            )
        lines.append(
            self.tr("To settle in full today: <b>%1</b>.").replace(
                "%1", self._money(fig.payoff_today)
            )
        )
        if fig.upfront_fees > 0:
            lines.append(
                self.tr(
                    "%1 was kept back when the money was paid out: you received %2, and the law "
                    "counts the loan as that amount (Civil Code art. 670)."
                )
                .replace("%1", self._money(fig.upfront_fees))
                .replace("%2", self._money(fig.received))
            )
        if fig.lines is not None:
            lines.extend(f"• {text}" for text in self._line_sentences(fig.lines))
        late = fig.lateness_lines
        if fig.lateness is not None and late is not None and late.over_24:
            lines.append(
                self.tr(
                    "Being late costs %1 a year on the whole overdue amount in penalty and late "
                    "fees, above the lines too: ask for them to be waived."
                ).replace("%1", percent_text(fig.lateness, self.babel))
            )
        self.cost_text.setText("<br>".join(lines))

    def _agreement_cost(
        self, loan: Loan, found: tuple[Proposal, ProposalPlan], payoff: Decimal
    ) -> str:
        """Under an accepted plan the advice is about the plan: what it costs a year on what it
        starts from, and that keeping it matters more than the contract's rate now."""
        record, plan = found
        lines = []
        # the one rule of every screen: a plan that pays back less than it starts from has no
        # yearly cost (services.views.comparison.plan_apr; the comparison shows "—")
        apr = comparison_view.plan_apr(plan)
        if apr is not None:
            lines.append(
                self.tr(
                    "The agreement “%1”: <b>%2</b> a year by the IRR method on the %3 it starts "
                    "from (the contract: %4)."
                )
                .replace("%1", record.name or record.id)
                .replace("%2", percent_text(apr, self.babel))
                .replace("%3", self._money(plan.base.amount))
                .replace("%4", rate_quote(loan.rate, self.babel))
            )
        lines.append(
            self.tr("To settle in full today: <b>%1</b>.").replace("%1", self._money(payoff))
        )
        lines.append(
            self.tr(
                "The agreement is a contract: pay each installment on time. If it fails, the "
                "lender may claim the contract's figure again."
            )
        )
        return "<br>".join(lines)

    def _line_sentences(self, crossed: RateLines) -> list[str]:
        out: list[str] = []
        if crossed.over_lpr4 and crossed.lpr4 is not None:
            out.append(
                self.tr(
                    "Above %1, four times the LPR when the loan began: courts do not support "
                    "interest, penalty and fees above it for private lending. Say so in the call "
                    "and ask for what is above it to be waived."
                ).replace("%1", percent_text(crossed.lpr4, self.babel))
            )
        if crossed.over_24:
            out.append(
                self.tr(
                    "Above 24 %: regulators expect licensed consumer lenders to keep the whole "
                    "cost below it. Ask the lender to bring the cost under it."
                )
            )
        if crossed.over_36:
            out.append(
                self.tr(
                    "Above 36 %: interest above this line was never protected. Name it in the "
                    "call and in your letter."
                )
            )
        return out

    def _show_claim(self, data: overview_view.LoanOverview) -> None:
        check = data.claim
        if check is None:
            self.claim_value.setText("—")
            self.claim_detail.setText(
                self.tr("None recorded. Note what the lender says you owe on the Payments tab.")
            )
            return
        self.claim_value.setText(self._money(check.claimed))
        source = f" · {data.claim_source}" if data.claim_source else ""
        # the sign in words, the amount without one (never "-962.35 less")
        if check.difference > 0:
            verdict = self.tr("The lender asks %1 more than we compute: ask them to explain it.")
        elif check.difference < 0:
            verdict = self.tr("The lender asks %1 less than we compute.")
        else:
            verdict = self.tr("The lender asks the same as we compute.")
        verdict = verdict.replace("%1", self._money(abs(check.difference)))
        self.claim_detail.setText(
            self.tr("On %1%2. Ours that day: %3.\n%4")
            .replace("%1", date_text(check.on, self.babel))
            .replace("%2", source)
            .replace("%3", self._money(check.ours))
            .replace("%4", verdict)
        )

    def _show_next(self, data: overview_view.LoanOverview) -> None:
        lines = []
        owed = data.owed
        if owed is not None and data.overdue > 0:
            charges = owed.penalty + owed.late_fees
            lines.append(
                self.tr(
                    "<b>%1</b> is due and unpaid (%2 days overdue)%3: pay it, or agree a plan on "
                    "Proposals."
                )
                .replace("%1", self._money(owed.overdue + owed.due))
                .replace("%2", str(data.days_overdue))
                .replace(
                    "%3",
                    self.tr(", with %1 of penalty interest and late fees").replace(
                        "%1", self._money(charges)
                    )
                    if charges > 0
                    else "",
                )
            )
        elif data.missed is not None:
            # Under an agreement: what is missed comes first, as the banners say (pay it now).
            # how many and together, as the Payments banner says (ninth walk's 4)
            missed = data.missed
            text = (
                self.tr(
                    "<b>Pay the missed installment first: %1</b>, due on <b>%2</b> (%3). A second "
                    "default usually voids the agreement."
                )
                if missed.count == 1
                else self.tr(
                    "<b>Pay the %n missed installment(s) first: %1</b>, due on <b>%2</b> (the "
                    "first %3). A second default usually voids the agreement.",
                    "",
                    missed.count,
                )
            )
            lines.append(
                text.replace("%1", self._money(missed.total))
                .replace("%2", missed_dates(missed, self.babel))
                .replace("%3", self.tr("%n day(s) late", "", missed.days))
            )
        if data.next_due is not None and data.next_due == data.today:
            lines.append(
                self.tr("Due today: <b>%1</b>.").replace("%1", self._money(data.next_amount))
            )
        elif data.next_due is not None:
            lines.append(
                self.tr("Next due: <b>%1</b> on <b>%2</b>.")
                .replace("%1", self._money(data.next_amount))
                .replace("%2", date_text(data.next_due, self.babel))
            )
        elif data.total > 0:
            lines.append(self.tr("Nothing is scheduled: everything owed is due now."))
        else:
            lines.append(self.tr("Nothing is owed."))
        if data.follow_up is not None:
            late = data.follow_up < self.ctx.today
            text = (
                self.tr("Follow-up with the lender was due on %1.")
                if late
                else self.tr("Follow up with the lender on %1.")
            )
            lines.append(text.replace("%1", date_text(data.follow_up, self.babel)))
        self.next_text.setText("<br>".join(lines))
