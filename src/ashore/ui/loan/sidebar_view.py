"""The sidebar's tree view: the lenders open, the columns sized for reading at a glance and
measured once per change of the rows (the heavy data's hundreds of rows were each measured
several times per fill), the three columns whole at any width the splitter allows.

``SidebarView`` shows ``ashore.ui.loan.sidebar.SidebarModel`` with its delegates.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from ashore.ui.loan.sidebar import BadgeDelegate, NameDelegate, SidebarColumn, SidebarModel

# The model's signals after which the sidebar's columns are measured again.
_CHANGES = ("modelReset", "layoutChanged", "dataChanged", "rowsInserted", "rowsRemoved")


class SidebarView(QTreeView):
    """The tree of lenders and loans, columns sized for reading at a glance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setIndentation(14)
        self.setUniformRowHeights(False)
        self.setAllColumnsShowFocus(True)
        self.setItemDelegateForColumn(SidebarColumn.STATUS, BadgeDelegate(self))
        self.setItemDelegateForColumn(SidebarColumn.NAME, NameDelegate(self))
        self.header().setStretchLastSection(False)
        self._widths: dict[int, int] = {}  # column -> Qt's width for it, until the rows change
        self._fit_pending = False
        self.expanded.connect(self._forget)
        self.collapsed.connect(self._forget)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        header = self.header()
        header.setSectionResizeMode(SidebarColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SidebarColumn.OWED, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SidebarColumn.STATUS, QHeaderView.ResizeMode.ResizeToContents)
        if model is not None:
            model.modelReset.connect(self._open_lenders)
            for name in _CHANGES:
                getattr(model, name).connect(self._forget)
        self._forget()

    def _open_lenders(self) -> None:
        """Every lender open after a reset, without a layout: the reset left one pending, so
        ``expand`` only notes each lender (``expandAll`` lays every row out at once, before the
        guide's stages arrive, and the layout after them does it again); the columns are fitted
        in that one layout (``doItemsLayout``)."""
        model = self.model()
        for row in range(model.rowCount()):
            self.expand(model.index(row, SidebarColumn.NAME))
        self._fit_pending = True

    def doItemsLayout(self) -> None:
        super().doItemsLayout()
        if self._fit_pending:
            self._fit_pending = False
            self._fit_columns()

    def _forget(self, *_args: Any) -> None:
        if getattr(self.model(), "names_only", False):
            return  # only the names' second lines changed (the stages): the widths hold
        self._widths = {}

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget()
        super().changeEvent(event)

    def sizeHintForColumn(self, column: int) -> int:
        """Qt's width for the owed and status columns, measured once per change of the rows:
        the header sizing them to their contents and ``_fit_columns`` each ask,
        and Qt reads every row's cell (its delegate, and the model for each role) each time."""
        model = self.model()
        if not isinstance(model, SidebarModel) or column == SidebarColumn.NAME:
            return super().sizeHintForColumn(column)
        if self._rows_laid_out() > self.header().resizeContentsPrecision():
            return super().sizeHintForColumn(column)  # Qt reads the rows in sight first
        known = self._widths.get(column)
        if known is None:
            known = self._widths[column] = self._measure(model, column)
        return known

    def _rows_laid_out(self) -> int:
        """The rows laid out: the lenders and the loans of the open ones."""
        model = self.model()
        count = model.rowCount()
        for row in range(count):
            lender = model.index(row, SidebarColumn.NAME)
            if self.isExpanded(lender):
                count += model.rowCount(lender)
        return count

    # The widest few texts of each kind of row (lender, loan: their own font and delegate path)
    # asked of the delegate: a cell is as wide as its text plus what the delegate adds, the same
    # for every row of a kind.
    _CANDIDATES = 3

    def _measure(self, model: SidebarModel, column: int) -> int:
        """``QTreeView.sizeHintForColumn`` as Qt works it out (the widest delegate size hint of
        the rows laid out), each row's text read once and the delegate asked of the widest few."""
        lenders = [
            row
            for row in range(model.rowCount())
            if self.isExpanded(model.index(row, SidebarColumn.NAME))
        ]
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        delegate = self.itemDelegateForColumn(column) or self.itemDelegate()
        width = -1
        for kind, cells in model.cells_by_kind(column, lenders).items():
            font = QFontMetrics(model.cell_font(kind, column, self.font()))
            cells.sort(key=lambda cell: font.horizontalAdvance(cell[0]), reverse=True)
            for _text, index in cells[: self._CANDIDATES]:
                width = max(width, delegate.sizeHint(option, index).width())
        return width

    def _fit_columns(self) -> None:
        """Never narrower than its three columns need: the names' heading, the owed figures and
        the status badges, all whole (a small window gives the page less room instead)."""
        header = self.header()
        # the names' heading whole (a long loan name is shortened with "…", whole in its
        # tooltip): at 800x600 the page keeps room for its six tabs
        needed = header.sectionSizeHint(SidebarColumn.NAME)
        for column in (SidebarColumn.OWED, SidebarColumn.STATUS):
            needed += max(header.sectionSizeHint(column), self.sizeHintForColumn(column))
        scrollbar = self.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(needed + 2 * self.frameWidth() + scrollbar)
