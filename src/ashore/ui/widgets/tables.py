"""The workspace's plain tables: a read-only table model over a list of rows, and the table view
that measures its columns once per change of its rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyleOptionViewItem, QTableView, QWidget

from ashore.ui.widgets.style import tabular_font

AnyIndex = QModelIndex | QPersistentModelIndex


class PlainTableModel(QAbstractTableModel):
    """A read-only table over a list of rows; subclasses say the columns and each cell's text.

    Numbers are right-aligned in a tabular font so the digits line up.
    """

    columns: tuple[str, ...] = ()
    numeric: frozenset[int] = frozenset()
    # What a sorting proxy orders by (setSortRole): a date column's date, never its text, which
    # reads "Dec 15, 2026" / "2026年12月15日".
    SORT_ROLE = Qt.ItemDataRole.UserRole + 40

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._font = tabular_font()

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.header(section)
        return None

    def header(self, column: int) -> str:
        return self.columns[column]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            return self.font(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == self.SORT_ROLE:
            return self.sort_key(row, column)
        return None

    def text(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, row: Any, column: int) -> Any:
        """What the column sorts by; its text unless a subclass says (a date's ordinal)."""
        return self.text(row, column)

    def font(self, row: Any, column: int) -> QFont | None:
        return self._font if column in self.numeric else None

    def tooltip(self, row: Any, column: int) -> str | None:
        return None


class MeasuredTableView(QTableView):
    """A table view that measures a column's contents once per change of its rows: the header
    sizing its columns to their contents, ``fit_columns`` and a page's own widths all ask
    ``sizeHintForColumn``, which reads every cell of every row (hundreds on the heavy data)."""

    def __init__(self) -> None:
        super().__init__()
        self._widths: dict[int, int] = {}

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            for signal in self._changes(old):
                signal.disconnect(self._forget)
        super().setModel(model)
        self._forget()
        if model is not None:
            for signal in self._changes(model):
                signal.connect(self._forget)

    @staticmethod
    def _changes(model: QAbstractItemModel) -> list[Any]:
        return [
            model.modelReset,
            model.layoutChanged,
            model.dataChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.columnsInserted,
            model.columnsRemoved,
        ]

    def _forget(self, *_args: Any) -> None:
        self._widths = {}

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._widths = {}
        super().changeEvent(event)

    def sizeHintForColumn(self, column: int) -> int:
        model = self.model()
        # Beyond the header's precision Qt reads the rows in sight first: they depend on the scroll.
        if model is None or model.rowCount() > self.horizontalHeader().resizeContentsPrecision():
            return super().sizeHintForColumn(column)
        known = self._widths.get(column)
        if known is None:
            known = self._widths[column] = self._measure(model, column)
        return known

    # The rows whose text is widest in the cell's font, asked of the delegate: a plain text's
    # cell is as wide as its text plus the style's margins, so the widest text makes the widest
    # cell (a few, not one: the delegate lays the text out itself, to the pixel).
    _CANDIDATES = 4

    def _measure(self, model: QAbstractItemModel, column: int) -> int:
        """``sizeHintForColumn`` as Qt works it out, reading each cell of a ``PlainTableModel``
        once (its text's width) and asking the delegate only of the widest few."""
        if (
            not isinstance(model, PlainTableModel)
            or type(model).data is not PlainTableModel.data
            or self.indexWidget(model.index(0, column)) is not None
        ):
            return super().sizeHintForColumn(column)  # a cell may be more than its text
        self.ensurePolished()
        metrics: dict[str, QFontMetrics] = {}
        default = self.font()
        widths = []
        for number in range(model.rowCount()):
            if self.isRowHidden(number):
                continue
            row = model.row_at(number)
            own = model.font(row, column)  # as the delegate takes it: over the view's font
            font = own.resolve(default) if own is not None else default
            known = metrics.get(font.key())
            if known is None:
                known = metrics[font.key()] = QFontMetrics(font)
            widths.append((known.horizontalAdvance(model.text(row, column)), number))
        widths.sort(reverse=True)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        delegate = self.itemDelegateForColumn(column) or self.itemDelegate()
        hint = 0
        for _width, number in widths[: self._CANDIDATES]:
            index = model.index(number, column)
            hint = max(hint, delegate.sizeHint(option, index).width())
        return hint + 1 if self.showGrid() else hint


def table_view(model: QAbstractTableModel, object_name: str = "") -> QTableView:
    view = MeasuredTableView()
    view.setModel(model)
    if object_name:
        view.setObjectName(object_name)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view
