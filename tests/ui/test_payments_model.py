"""The payments table's model without a window: its named columns, newest first, the amount
written in the loan's currency and right-aligned, and a row mapped back to the loan's payment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt

from ashore.domain.records import Payment
from ashore.ui.payments.models import PaymentsModel

Column = PaymentsModel.Column
PAYMENTS = [
    Payment(date(2026, 10, 15), Decimal("366.04"), method="alipay", reference="A-1"),
    Payment(date(2026, 11, 15), Decimal("1200.5"), note="part of November"),
    Payment(date(2026, 10, 15), Decimal("20"), method="bank"),
]


def test_the_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = PaymentsModel("CNY", "en")
    model.set_payments(PAYMENTS)
    qtmodeltester.check(model, force_py=True)


def test_columns_are_named_in_order_with_their_headers() -> None:
    model = PaymentsModel("CNY", "en")
    assert [c.name for c in Column] == ["DATE", "AMOUNT", "METHOD", "REFERENCE"]
    assert model.columnCount() == len(Column)
    headers = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) for c in Column
    ]
    assert headers == ["Date", "Amount", "Method", "Reference"]


def test_rows_newest_first_and_each_maps_back_to_the_loan() -> None:
    model = PaymentsModel("CNY", "en")
    model.set_payments(PAYMENTS)

    def cell(row: int, column: Column) -> object:
        return model.index(row, column).data()

    assert [cell(r, Column.DATE) for r in range(model.rowCount())] == [
        "Nov 15, 2026",
        "Oct 15, 2026",  # the same day: the later one entered first
        "Oct 15, 2026",
    ]
    assert [model.index_in_loan(r) for r in range(3)] == [1, 2, 0]
    assert cell(0, Column.AMOUNT) == "1,200.50"
    assert cell(2, Column.AMOUNT) == "366.04"
    assert cell(0, Column.REFERENCE) == "part of November"  # no reference: the note
    assert cell(2, Column.REFERENCE) == "A-1"
    assert cell(1, Column.METHOD) == "bank"
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(0, Column.AMOUNT).data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.index(0, Column.METHOD).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.index(3, Column.DATE).data() is None
    assert model.data(QModelIndex()) is None
    assert model.columnCount(model.index(0, 0)) == 0  # a table: no children
    assert model.rowCount(model.index(0, 0)) == 0
