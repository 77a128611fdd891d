"""The call card: one compact always-on-top window to keep open during a call with a lender, in
big type a stressed person can read aloud: what is owed and why, the hardship, the ask, the
fallback, and what to confirm before hanging up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ashore.domain.dates import date_text
from ashore.domain.money import format_amount
from ashore.finance import RateLines
from ashore.reports.letter import PlanSummary
from ashore.services.guide.call_card import CallCard
from ashore.ui.widgets.placement import fit_dialog
from ashore.ui.widgets.style import ACCENT, BORDER, ERROR, MUTED, TEXT, tabular_font
from ashore.ui.widgets.words import _tr

CARD_STYLE = f"""
QWidget#callCard {{ background: #fffdf7; }}
QLabel {{ color: {TEXT}; }}
QLabel[role="head"] {{ color: {MUTED}; font-weight: 600; text-transform: uppercase; }}
QLabel[role="big"] {{ font-weight: 700; }}
QLabel#owedValue {{ color: {ERROR}; font-weight: 700; }}
QLabel#askValue {{ color: {ACCENT}; font-weight: 700; }}
QFrame[role="rule"] {{ color: {BORDER}; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border-radius: 6px;
                       padding: 10px 18px; font-weight: 700; }}
"""


def reason_text(reason: str) -> str:
    """The hardship reason as the user would say it."""
    names = {
        "job_loss": _tr("I lost my job"),
        "illness": _tr("I fell seriously ill"),
        "family_event": _tr("A serious event hit my family"),
        "income_drop": _tr("My income fell sharply"),
        "disaster": _tr("A disaster struck my home"),
        "other": _tr("Something outside my control happened"),
    }
    return names.get(reason, "")


class CallCardWindow(QWidget):
    """The card for one loan. ``start_note(loan_id)`` starts a call note with the time filled in
    and returns its id; ``after_call(loan_id, note_id)`` opens the after-call dialog."""

    noteStarted = Signal(str)  # note id

    def __init__(
        self,
        card: CallCard,
        locale: str,
        start_note: Callable[[str], str | None],
        after_call: Callable[[str, str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("callCard")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.setStyleSheet(CARD_STYLE)
        self.card = card
        self.money_locale = locale
        self._start_note = start_note
        self._after_call = after_call
        self.note_id = ""
        self.setWindowTitle(self.tr("Call card — %1").replace("%1", card.lender_name))
        base = QFont(self.font())
        size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
        self.body_font = tabular_font(base)
        self.body_font.setPointSizeF(size * 1.35)
        self.big_font = tabular_font(base)
        self.big_font.setPointSizeF(size * 2.1)
        self.big_font.setWeight(QFont.Weight.Bold)
        self.head_font = QFont(base)
        self.head_font.setPointSizeF(size * 1.0)
        self.head_font.setWeight(QFont.Weight.DemiBold)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner.setObjectName("callCard")
        self.column = QVBoxLayout(inner)
        self.column.setContentsMargins(22, 18, 22, 18)
        self.column.setSpacing(6)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        self._fill()
        bar = QHBoxLayout()
        bar.setContentsMargins(22, 8, 22, 16)
        self.start_button = QPushButton(self.tr("Start a call note now"))
        self.start_button.setObjectName("primary")
        self.start_button.setFont(self.body_font)
        self.start_button.clicked.connect(self.start_note)
        self.after_button = QPushButton(self.tr("After the call…"))
        self.after_button.setFont(self.body_font)
        self.after_button.clicked.connect(self._open_after_call)
        if after_call is None:  # (hidden only: shown before it has a parent, it is a window)
            self.after_button.hide()
        self.started_label = QLabel()
        self.started_label.setFont(self.head_font)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setFont(self.body_font)
        self.close_button.setToolTip(self.tr("Close the card (Esc)"))
        self.close_button.clicked.connect(self.close)
        bar.addWidget(self.start_button)
        bar.addWidget(self.after_button)
        bar.addWidget(self.started_label, 1)
        bar.addWidget(self.close_button)
        outer.addLayout(bar)
        fit_dialog(self, 620, 860)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc or the system's Close key (Ctrl+W) closes the card, as a dialog closes: it is a
        window of its own, on top, and may have no title bar to click."""
        if event.key() == Qt.Key.Key_Escape or event.matches(QKeySequence.StandardKey.Close):
            self.close()
            return
        super().keyPressEvent(event)

    # ----- helpers ---------------------------------------------------------------------------
    def money(self, value: Decimal) -> str:
        return format_amount(value, self.card.currency, self.money_locale)

    def _day(self, value: date) -> str:
        return date_text(value, self.money_locale)

    def _head(self, text: str) -> None:
        label = QLabel(text)
        label.setProperty("role", "head")
        label.setFont(self.head_font)
        self.column.addSpacing(10)
        self.column.addWidget(label)

    def _line(self, text: str, name: str = "", font: QFont | None = None) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setFont(font or self.body_font)
        label.setTextFormat(Qt.TextFormat.PlainText)  # the user's words are never markup
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if name:
            label.setObjectName(name)
        self.column.addWidget(label)
        return label

    def plan_text(self, plan: PlanSummary) -> str:
        """ "24 × 366.04, Jan 15, 2027 to Dec 15, 2028, penalty and late fees waived" (the
        installments in the words of every place that states a plan)."""
        words = plan.installments(self.card.currency, self.money_locale)
        if plan.count == 1:
            text = self.tr("%1 by %2").replace("%1", words).replace("%2", self._day(plan.last_due))
        else:
            text = (
                self.tr("%1, %2 to %3")
                .replace("%1", words)
                .replace("%2", self._day(plan.first_due))
                .replace("%3", self._day(plan.last_due))
            )
        waived = []
        if plan.waive_penalty:
            waived.append(self.tr("penalty waived"))
        if plan.waive_late_fees:
            waived.append(self.tr("late fees waived"))
        if plan.waive_interest:
            waived.append(self.tr("interest waived"))
        # clauses of one sentence: "，" in Chinese ("、" joins items of a list)
        return self.tr(", ", "between clauses").join([text, *waived])

    # ----- content ---------------------------------------------------------------------------
    def _cost_text(self, lines: RateLines) -> str:
        """The lines this loan's true yearly cost crosses, in words to say on the call."""
        apr = f"{(lines.rate * 100).quantize(Decimal('0.01')):f} %"
        said = [self.tr("Its true yearly cost is %1, fees included.").replace("%1", apr)]
        if lines.over_36:
            said.append(self.tr("That is above 36 %: interest above it was never protected."))
        elif lines.over_24:
            said.append(self.tr("That is above the 24 % regulators expect of licensed lenders."))
        if lines.over_lpr4 and lines.lpr4 is not None:
            four = f"{(lines.lpr4 * 100).quantize(Decimal('0.01')):f} %"
            said.append(
                self.tr(
                    "Courts do not uphold more than %1 (4 × LPR): ask to waive the rest."
                ).replace("%1", four)
            )
        return " ".join(said)

    def _fill(self) -> None:
        c = self.card
        contact = " · ".join(x for x in (c.lender_phone, c.lender_hours) if x)
        title = QFont(self.big_font)
        title.setPointSizeF(self.big_font.pointSizeF() * 0.8)
        self._line(self.tr("Calling %1").replace("%1", c.lender_name), "lenderValue", title)
        if contact:
            self._line(contact, "contactValue")
        self._line(
            self.tr("Loan: %1").replace("%1", c.loan_name)
            + (f" ({c.reference})" if c.reference else "")
        )

        self._head(self.tr("What I owe today"))
        self.owed_label = self._line(f"{self.money(c.owed)} {c.currency}", "owedValue")
        self.owed_label.setFont(self.big_font)
        if c.under_agreement:
            self._line(self.tr("Owed today under the agreement in force."))
        else:
            self.why_label = self._line(
                self.tr("%1 payments overdue for %2 days: %3")
                .replace("%1", str(c.overdue_count))
                .replace("%2", str(c.days_overdue))
                .replace("%3", self.money(c.overdue)),
                "overdueValue",
            )
            self.penalty_label = self._line(
                self.tr("Penalty interest so far: %1").replace("%1", self.money(c.penalty)),
                "penaltyValue",
            )
            self.late_label = self._line(
                self.tr("Late fees: %1").replace("%1", self.money(c.late_fees)), "lateFeesValue"
            )
            self._line(
                self.tr("Not yet due: %1").replace("%1", self.money(c.not_yet_due)),
                "notYetDueValue",
            )
            self.growth_label = self._line(
                self.tr("It grows by %1 every day I don't pay.").replace(
                    "%1", self.money(c.growth_per_day)
                ),
                "growthValue",
            )

        # The original contract's cost is no ground to negotiate once an agreement is in force.
        if c.lines is not None and c.lines.crossed and c.agreement is None:
            self.cost_label = self._line(self._cost_text(c.lines), "costValue")
            self.cost_label.setWordWrap(True)

        self._head(self.tr("Why I fell behind"))
        reason = reason_text(c.reason)
        # sentences joined with the language's full stop ("。" in Chinese, no space after it)
        parts = [x.rstrip(".。") for x in (reason, c.reason_text.strip()) if x]
        story = self.tr(". ").join(parts)
        self.reason_label = self._line(
            (story + self.tr("."))
            if story
            else self.tr("(not written yet — say it in one sentence)"),
            "reasonValue",
        )
        self._line(self.tr("I want to pay. This difficulty is temporary."))

        self._head(self.tr("What I can pay each month"))
        if c.affordable is None:
            self.afford_label = self._line(self.tr("(no monthly budget set)"), "affordValue")
        else:
            self.afford_label = self._line(
                f"{self.money(c.affordable)} {c.currency}", "affordValue", self.big_font
            )
            if c.committed_elsewhere > 0:
                self._line(
                    self.tr("My budget is %1; %2 already goes to other agreements.")
                    .replace("%1", self.money(c.budget or Decimal(0)))
                    .replace("%2", self.money(c.committed_elsewhere))
                )

        if c.agreement is not None:
            self._fill_agreement(c, c.agreement)
        else:
            self._fill_ask(c)
        self._fill_confirm(c)
        self.column.addStretch(1)

    def _fill_agreement(self, c: CallCard, plan: PlanSummary) -> None:
        """Under an agreement: its terms, what is paid and left of it, its next installment, and
        what to do if an installment cannot be paid."""
        self._head(self.tr("The agreement in force"))
        self.ask_label = self._line(self.plan_text(plan), "askValue")
        left = plan.left if plan.left is not None else plan.total
        self._line(
            self.tr("Agreed from %1: %2 in all; paid so far %3, left to pay %4.")
            .replace("%1", self._day(plan.start))
            .replace("%2", self.money(plan.total))
            .replace("%3", self.money(plan.paid))
            .replace("%4", self.money(left)),
            "askTotalValue",
        )
        if c.next_due is not None and c.next_amount is not None:
            self._line(
                self.tr("Next installment: %1 on %2.")
                .replace("%1", self.money(c.next_amount))
                .replace("%2", self._day(c.next_due)),
                "nextValue",
            )
        self._head(self.tr("If I cannot pay an installment"))
        fails = c.if_agreement_fails
        self.fallback_label = self._line(
            (
                self.tr(
                    "Call before its due date and ask to move it: a second default can void the "
                    "agreement, and the lender may then claim %1."
                ).replace("%1", self.money(fails))
            )
            if fails is not None
            else self.tr(
                "Call before its due date and ask to move it: a second default can void the "
                "agreement."
            ),
            "fallbackValue",
        )

    def _fill_ask(self, c: CallCard) -> None:
        self._head(self.tr("What I ask for"))
        if c.ask is None:
            self.ask_label = self._line(
                self.tr("(choose the proposal to ask for on the Guide tab)"), "askValue"
            )
        else:
            self.ask_label = self._line(self.plan_text(c.ask), "askValue")
            self._line(
                self.tr("Total %1, starting %2.")
                .replace("%1", self.money(c.ask.total))
                .replace("%2", self._day(c.ask.start)),
                "askTotalValue",
            )
            if c.affordable is not None and c.ask.amount > c.affordable:
                warn = self._line(
                    self.tr("This is more than I can pay each month."), "askOverBudget"
                )
                warn.setStyleSheet(f"color: {ERROR};")

        self._head(self.tr("If they say no"))
        if c.fallback is not None:
            self.fallback_label = self._line(self.plan_text(c.fallback), "fallbackValue")
        else:
            self.fallback_label = self._line(
                self.tr(
                    "Ask what they can offer, and ask them to stop the penalty while they decide."
                ),
                "fallbackValue",
            )

    def _fill_confirm(self, c: CallCard) -> None:
        self._head(self.tr("Before I hang up, I confirm"))
        plan = c.agreement or c.ask
        stops = (
            self.tr("☐ The penalty stops from %1.").replace("%1", self._day(plan.start))
            if plan is not None
            else self.tr("☐ The day from which the penalty stops.")
        )
        for text in (
            self.tr("☐ The new amount and every date, sent to me in writing."),
            stops,
            self.tr("☐ Whether my credit report will be updated, and when."),
            self.tr("☐ The agent's name or number, and the time of this call."),
        ):
            self._line(text)

    # ----- actions ---------------------------------------------------------------------------
    def start_note(self) -> None:
        note_id = self._start_note(self.card.loan_id)
        if not note_id:
            return
        self.note_id = note_id
        self.start_button.setEnabled(False)
        self.started_label.setText(self.tr("Call note started."))
        self.noteStarted.emit(note_id)

    def _open_after_call(self) -> None:
        if self._after_call is not None:
            self._after_call(self.card.loan_id, self.note_id)
