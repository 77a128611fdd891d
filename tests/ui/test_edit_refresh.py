"""After an edit the window re-reads only the edited loan, the sidebar updates that loan's row in
place (no reset, the others' rows as they were) and the figures are those of a fresh read
(issue 15: "after an edit, only the edited loan is re-read and recomputed")."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from ashore.app.context import Context
from ashore.domain.money import format_amount
from ashore.domain.records import Payment, Proposal, Waive
from ashore.services import Ledger, plans
from ashore.store.models import LoanRow
from ashore.ui.loan.sidebar import SidebarColumn, SidebarRole

from .helpers import open_tab

JB = "jb-2026-01"


@pytest.fixture
def loaded() -> Any:
    """The ids of the loan rows read, as they are read."""
    ids: list[str] = []

    def loan_loaded(target: LoanRow, _context: Any) -> None:
        ids.append(target.id)

    event.listen(LoanRow, "load", loan_loaded)
    yield ids
    event.remove(LoanRow, "load", loan_loaded)


def owed_in_sidebar(window: Any, loan_id: str) -> str:
    return str(window.model.loan_index(loan_id).siblingAtColumn(SidebarColumn.OWED).data())


def summaries_shown(window: Any) -> dict[str, Any]:
    out = {}
    for summary in window.ledger.summaries(window.ctx.today):
        index = window.model.loan_index(summary.loan_id)
        out[summary.loan_id] = index.data(SidebarRole.SUMMARY)
    return out


def test_a_proposal_edit_reads_only_that_loan_and_updates_its_row(
    qtbot, ledger: Ledger, ctx: Context, make_window, loaded: list[str]
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    window.open_loan(JB)
    before = summaries_shown(window)
    resets: list[int] = []
    window.model.modelReset.connect(lambda: resets.append(1))
    loaded.clear()
    window.proposals_tab.save(
        Proposal(
            "p12",
            "12 months",
            "reamortize",
            ctx.today,
            {"months": 12, "annual_rate": Decimal("0.06")},
            waive=Waive(penalty=Decimal(1)),
        )
    )
    qtbot.wait(5)
    assert loaded
    assert set(loaded) == {JB}  # the other loans were not read again
    assert resets == []  # the sidebar was not reset: the row changed in place
    after = summaries_shown(window)
    for loan_id, summary in after.items():
        if loan_id != JB:
            assert summary is before[loan_id]  # not worked out again
    fresh = plans.summarize_all(ledger.loans(), ledger.lenders(), ctx.today)
    assert after == {s.loan_id: s for s in fresh}
    assert window.showing == ("loan", JB)
    assert window.sidebar.selectionModel().currentIndex() == window.model.loan_index(JB)
    assert [p.id for p in window.proposals_tab.loan.proposals][-1] == "p12"


def test_a_payment_moves_that_loans_owed_in_the_sidebar_and_the_total(
    qtbot, ledger: Ledger, ctx: Context, make_window
) -> None:
    ledger.load_sample()
    window = make_window(ledger)
    window.open_loan(JB)
    others = {k: v for k, v in summaries_shown(window).items() if k != JB}
    from ashore.services.payments import Payments

    Payments(ledger).add_payment(JB, Payment(ctx.today, Decimal("100.00")))
    window.reload()
    figures = {loan.id: plans.figures(loan, ctx.today).owed_today for loan in ledger.loans()}
    assert owed_in_sidebar(window, JB) == format_amount(figures[JB], "CNY")
    total = sum(figures.values(), Decimal(0))
    assert window.all_loans.total.text() == f"{format_amount(total, 'CNY')} CNY"
    again = summaries_shown(window)
    for loan_id, summary in others.items():
        assert again[loan_id] is summary  # worked out once, kept


def twelve_months(ctx: Context) -> Proposal:
    """A new proposal: 12 months at 6 %."""
    return Proposal(
        "p12", "12 months", "reamortize", ctx.today, {"months": 12, "annual_rate": Decimal("0.06")}
    )


def test_a_hidden_proposals_tab_compares_when_it_is_opened_not_at_each_reload(
    qtbot, ledger: Ledger, ctx: Context, make_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save from the Overview reloads the Proposals tab unseen: its comparison (the costliest
    view of the edit) waits until the tab is opened, and then shows the plan just saved."""
    from ashore.ui.proposals import tab as proposals_module

    ledger.load_sample()
    window = make_window(ledger)
    window.open_loan(JB)
    proposals = window.proposals_tab
    assert not proposals.isVisible()  # the Overview is the tab open
    compared: list[int] = []
    real = proposals_module.comparison_view.comparison
    monkeypatch.setattr(
        proposals_module.comparison_view,
        "comparison",
        lambda *args, **kwargs: compared.append(1) or real(*args, **kwargs),
    )
    proposals.save(twelve_months(ctx))
    qtbot.wait(5)
    assert [p.id for p in proposals.loan.proposals][-1] == "p12"
    assert compared == []  # not worked out for a tab nobody sees
    open_tab(qtbot, window, proposals)
    assert compared == [1]  # once, on opening
    model = proposals.comparison_model
    names = [
        str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
        for c in range(1, model.columnCount())
    ]
    assert "12 months" in names
    fresh, _order = real(proposals.loan, ctx.today, proposals.budget)
    # the same figures as a comparison worked out afresh from the loan as saved
    assert [o.total_paid for o in model._options] == [o.total_paid for o in fresh.options]
    assert len(fresh.options) == model.columnCount() - 1


def test_a_hidden_payments_tab_fills_when_it_is_opened_with_the_loan_as_saved(
    qtbot, ledger: Ledger, ctx: Context, make_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each write reloads the loan's tabs; the Payments tab, not open, is filled when opened,
    once, with the loan as it is then (a payment recorded meanwhile included)."""
    from ashore.ui.payments import tab as payments_module

    ledger.load_sample()
    window = make_window(ledger)
    window.open_loan(JB)
    payments = window.payments_tab
    assert not payments.isVisible()
    filled: list[str] = []
    fill = payments_module.PaymentsTab._fill
    monkeypatch.setattr(
        payments_module.PaymentsTab,
        "_fill",
        lambda tab, loan: filled.append(loan.id) or fill(tab, loan),
    )
    loan = ledger.loan(JB)
    paid = len(loan.payments)
    loan.payments.append(Payment(ctx.today, Decimal("100.00")))
    ledger.save_loan(loan)
    window.proposals_tab.save(twelve_months(ctx))
    qtbot.wait(5)
    assert filled == []  # the two reloads filled nothing unseen
    open_tab(qtbot, window, payments)
    assert filled == [JB]
    assert payments.payments_model.rowCount() == paid + 1  # the payment made meanwhile
    fresh = ledger.loan(JB)
    real = payments_module.payments_view.in_force_entries
    expected = real(fresh, ctx.today, plans.standing(fresh, ctx.today))
    assert payments.entries_model.rowCount() == len(expected)
