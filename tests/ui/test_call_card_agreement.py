"""Issue 13: after an agreement the call card speaks of the agreement (its terms, what is paid and
left of it, its next installment), not of the original contract's cost ("ask to waive the rest")
nor of an empty "(choose the proposal…)"; and the confirm line always names a date or asks
for one, never a placeholder."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QLabel

from ashore.services import Ledger, plans
from ashore.services.guide import call_card as guide_card
from ashore.ui.guide.card import CallCardWindow
from reports.walk_book import JB, KAKA, TODAY


def texts(window: CallCardWindow) -> list[str]:
    return [label.text() for label in window.findChildren(QLabel)]


def label(window: CallCardWindow, name: str) -> str:
    found = window.findChild(QLabel, name)
    assert found is not None, name
    return found.text()


def test_the_card_after_an_agreement_speaks_of_the_agreement(qtbot, book: Ledger) -> None:
    card = guide_card.call_card(book, JB, TODAY)
    summary = plans.summarize(book.loan(JB), None, TODAY)
    window = CallCardWindow(card, "en", lambda _loan: "n-x")
    qtbot.addWidget(window)
    shown = "\n".join(texts(window))
    assert label(window, "owedValue") == "8,352.77 CNY"  # the Overview's owed today
    assert label(window, "askValue").startswith("23 × 364.70 and a last 364.67, Dec 28, 2026 to")
    # 8,752.77 agreed, 400.00 paid: 8,352.77 left (the summary's left to pay under the plan)
    assert summary.left_to_pay_plan == Decimal("8352.77")
    assert label(window, "askTotalValue") == (
        "Agreed from Nov 28, 2026: 8,752.77 in all; paid so far 400.00, left to pay 8,352.77."
    )
    # the next installment: January's, 329.40 left of it after the 400.00
    assert (summary.next_due, summary.next_amount) == (
        date(2027, 1, 28),
        Decimal("329.40"),
    )
    assert label(window, "nextValue") == "Next installment: 329.40 on Jan 28, 2027."
    assert "8,948.71" in label(window, "fallbackValue")  # what the lender may claim if it fails
    assert "waive the rest" not in shown
    assert "18.00 %" not in shown
    assert "choose the proposal" not in shown
    assert "☐ The penalty stops from Nov 28, 2026." in shown


def test_the_card_without_a_plan_asks_for_the_date(qtbot, book: Ledger) -> None:
    card = guide_card.call_card(book, KAKA, TODAY)
    assert card.agreement is None
    window = CallCardWindow(card, "en", lambda _loan: "n-x")
    qtbot.addWidget(window)
    shown = "\n".join(texts(window))
    assert "☐ The day from which the penalty stops." in shown
    assert "the agreed date" not in shown
    assert label(window, "owedValue") == "3,315.56 CNY"
