"""An agreed installment paid after its day reads "Paid N days late" in its own colour, and the
Overview and the Payments tab both say the agreement has had a late payment (walk 7's 61)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from ashore.app.context import Context
from ashore.domain.records import Payment
from ashore.services import Ledger, plans
from ashore.services.payments import Payments
from ashore.ui.loan.overview import OverviewTab
from ashore.ui.payments.models import PlanEntriesModel
from ashore.ui.widgets.style import BADGE_COLOURS

from .test_payments import JB, agree, make_tab, statuses

LATE_DAY = date(2026, 12, 30)  # the first agreed installment (Dec 20) paid 10 days late
SAID = (
    "The agreement has had 1 late payment: the last, due Dec 20, 2026, was paid on Dec 30, 2026."
    " Lenders often end an agreement at the second late payment: check what yours says, and pay"
    " the next ones on time."
)


def _paid_late(sample: Ledger) -> None:
    proposal = agree(sample)
    first = plans.work_out(sample.loan(JB), proposal).installments[0]
    assert first.due == LATE_DAY - timedelta(days=10)
    Payments(sample).add_payment(JB, Payment(LATE_DAY, first.payment))


def test_the_payments_tab_says_paid_ten_days_late(qtbot, sample, data_dir) -> None:
    _paid_late(sample)
    tab = make_tab(qtbot, sample, Context(data=data_dir, today=LATE_DAY))
    tab.set_loan(sample.loan(JB))
    rows = [s for _, src, s in statuses(tab) if src == "agreement"]
    assert rows[:2] == ["Paid 10 days late", "Coming"]
    cell = tab.entries_model.index(
        next(i for i, s in enumerate(statuses(tab)) if s[2].startswith("Paid 10")),
        PlanEntriesModel.Column.STATUS,
    )
    background = cell.data(Qt.ItemDataRole.BackgroundRole).color().name()
    assert background != BADGE_COLOURS["current"][0]  # not the green of one paid on time
    assert background == BADGE_COLOURS["agreement_missed"][0]
    assert tab.banner.isVisible()
    assert tab.banner_text() == SAID


def test_the_overview_says_the_agreement_had_a_late_payment(qtbot, sample, data_dir) -> None:
    _paid_late(sample)
    tab = OverviewTab(sample, Context(data=data_dir, today=LATE_DAY), "en")
    qtbot.addWidget(tab)
    tab.show()
    tab.set_loan(sample.loan(JB), None)
    assert tab.parts["overdue"].value.text() == "0.00"  # nothing is missed now
    assert tab.growth.text() == SAID
    # a caution in amber, not the alarm's red of money missed now
    assert BADGE_COLOURS["agreement_missed"][1] in tab.growth.styleSheet()
    # and another loan, under its contract, has the alarm's own colour back
    other = next(x for x in sample.loans() if x.id != JB)
    tab.set_loan(other, None)
    assert tab.growth.styleSheet() == ""
