"""Issue 13, third walk's 5: on a day a payment was already recorded, the proposal form's "Starts
from" figure is what was owed as that day began (DOMAIN.md: a payment on or after the start date
pays the plan), so the label says so and names the payment, instead of reading as a second
"owed today"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from ashore.app.context import Context
from ashore.domain.money import format_amount
from ashore.domain.records import Payment
from ashore.services import Ledger, plans
from ashore.services.payments import Payments
from ashore.services.proposals import Proposals
from ashore.ui.proposals.tab import ProposalsTab

from .helpers import click, type_into

JB = "jb-2026-01"
TODAY = date(2026, 11, 28)


@pytest.fixture
def paid_today(ctx: Context) -> Iterator[Ledger]:
    ledger = Ledger.open(ctx.data)
    ledger.load_sample()
    Payments(ledger).add_payment(JB, Payment(date=TODAY, amount=Decimal("100.00")))
    yield ledger
    ledger.close()


def _label_for(qtbot, ledger: Ledger, ctx: Context, start: str) -> str:
    tab = ProposalsTab(Proposals(ledger), ctx, "en")
    qtbot.addWidget(tab)
    tab.resize(900, 720)
    tab.show()
    tab.set_loan(ledger.loan(JB))
    click(qtbot, tab.new_button)
    form = tab.form
    type_into(qtbot, form.name, "12 months")
    type_into(qtbot, form.start, start)
    type_into(qtbot, form.fields["reamortize"]["months"], "12")
    type_into(qtbot, form.fields["reamortize"]["annual_rate"], "0")
    qtbot.waitUntil(lambda: not form.pending(), timeout=2000)
    assert form.plan is not None
    return form.base_label.text()


def test_a_payment_on_the_start_day_is_named_beside_what_the_plan_starts_from(
    qtbot, paid_today: Ledger, ctx: Context, dialog_log
) -> None:
    loan = paid_today.loan(JB)
    owed_today = plans.figures(loan, TODAY).owed_today
    # The base counts the payments before the start only: 100.00 more than owed today.
    text = _label_for(qtbot, paid_today, ctx, TODAY.isoformat())
    base = format_amount(owed_today + Decimal("100.00"), "CNY", "en")
    assert text == (
        f"Starts from {base} owed at the start of Nov 28, 2026; "
        "the 100.00 paid from that day on counts toward the plan."
    )


def test_without_such_a_payment_the_label_stays_short(
    qtbot, paid_today: Ledger, ctx: Context, dialog_log
) -> None:
    text = _label_for(qtbot, paid_today, ctx, "2026-11-29")  # the payment is before the start
    assert text.startswith("Starts from ")
    assert text.endswith(" owed on that day.")
    assert "counts toward" not in text
