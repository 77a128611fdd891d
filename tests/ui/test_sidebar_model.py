"""The sidebar model, without a window: structure (qtmodeltester), order, text, colours, roles."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt

from ashore.domain.records import Lender, LoanSummary
from ashore.ui.loan.sidebar import SidebarColumn, SidebarModel, SidebarRole
from ashore.ui.widgets.style import ERROR


def summary(
    loan_id: str, lender: str, name: str, owed: str, status: str, days: int = 0
) -> LoanSummary:
    return LoanSummary(
        loan_id=loan_id,
        lender_id=lender,
        lender_name=lender.upper(),
        loan_name=name,
        currency="CNY",
        principal=Decimal("1000.00"),
        owed_today=Decimal(owed),
        overdue_amount=Decimal("0"),
        days_overdue=days,
        growth_per_day=Decimal("0"),
        status=status,
    )


LENDERS = [Lender("jb", "Jiebei", phone="95188"), Lender("wl", "Weilidai"), Lender("zz", "Alpha")]
SUMMARIES = [
    summary("l2", "jb", "March", "9348.71", "overdue", 196),
    summary("l1", "jb", "January", "12000", "current"),
    summary("l3", "wl", "Short", "1500.5", "settled"),
]


def test_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = SidebarModel()
    model.set_data(LENDERS, SUMMARIES)
    qtmodeltester.check(model, force_py=True)
    model.set_data([], [])
    qtmodeltester.check(model, force_py=True)


def test_lenders_sorted_with_their_loans_sorted_under_them(qtbot) -> None:
    model = SidebarModel()
    model.set_data(LENDERS, SUMMARIES)
    names = [model.index(r, SidebarColumn.NAME).data() for r in range(model.rowCount())]
    assert names == ["Alpha", "Jiebei", "Weilidai"]
    jiebei = model.index(1, SidebarColumn.NAME)
    assert model.rowCount(jiebei) == 2
    loans = [model.index(r, SidebarColumn.NAME, jiebei).data() for r in range(2)]
    assert loans == ["January", "March"]
    assert (
        model.rowCount(model.index(0, SidebarColumn.NAME)) == 0
    )  # a lender without loans still shows
    assert model.index(0, SidebarColumn.STATUS).data() == "0 loans"
    assert model.index(1, SidebarColumn.STATUS).data() == "2 loans"
    assert model.loan_count() == 3


def test_loan_row_shows_amount_status_and_days(qtbot) -> None:
    model = SidebarModel()
    model.set_data(LENDERS, SUMMARIES)
    march = model.loan_index("l2")
    assert march.isValid()
    assert march.parent() == model.lender_index("jb")
    owed = march.siblingAtColumn(SidebarColumn.OWED)
    assert owed.data() == "9,348.71"
    assert owed.data(Qt.ItemDataRole.ForegroundRole).color().name() == ERROR
    assert int(owed.data(Qt.ItemDataRole.TextAlignmentRole)) & int(Qt.AlignmentFlag.AlignRight)
    assert march.siblingAtColumn(SidebarColumn.STATUS).data() == "Overdue 196 days"
    assert march.data(SidebarRole.DAYS_OVERDUE) == 196
    assert march.data(SidebarRole.STATUS) == "overdue"
    assert march.data(SidebarRole.KIND) == "loan"
    assert march.data(SidebarRole.LOAN_ID) == "l2"
    january = model.loan_index("l1")
    assert january.siblingAtColumn(SidebarColumn.OWED).data() == "12,000.00"
    assert january.siblingAtColumn(SidebarColumn.OWED).data(Qt.ItemDataRole.ForegroundRole) is None
    assert january.siblingAtColumn(SidebarColumn.STATUS).data() == "Current"
    assert model.loan_index("l3").siblingAtColumn(SidebarColumn.OWED).data() == "1,500.50"
    assert model.loan_index("l3").siblingAtColumn(SidebarColumn.STATUS).data() == "Settled"
    assert model.loan_index("missing") == QModelIndex()


def test_loan_of_unknown_lender_gets_a_lender_row(qtbot) -> None:
    model = SidebarModel()
    model.set_data([], [summary("x", "ghost", "Lost", "1", "agreement")])
    assert model.index(0, SidebarColumn.NAME).data() == "GHOST"
    assert model.loan_index("x").siblingAtColumn(SidebarColumn.STATUS).data() == "Agreement"


def test_chinese_locale_formats_amounts(qtbot) -> None:
    model = SidebarModel(locale="zh_CN")
    model.set_data(LENDERS, SUMMARIES)
    assert model.loan_index("l2").siblingAtColumn(SidebarColumn.OWED).data() == "9,348.71"
