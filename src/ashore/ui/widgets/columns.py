"""A grid of figures that takes fewer columns when its card is narrow, so a small window shows
every caption and amount whole (at 800x600 the Overview's three columns ran past the page and
were cut: "If the agreement fa…").

``ColumnsLayout`` lays its widgets in groups, each group's shown widgets in rows of as many
columns as the width has room for (at most ``columns``), every group with the same column widths
so the figures stay lined up. A hidden widget takes no cell: the next one of its group moves up.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem


class ColumnsLayout(QLayout):
    """Groups of widgets in rows of up to ``columns`` cells; fewer columns when narrow."""

    def __init__(
        self,
        columns: int = 3,
        spacing: int = 18,
        row_spacing: int = 8,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.column_spacing = spacing
        self.row_spacing = row_spacing
        self._items: list[tuple[QLayoutItem, int]] = []  # item, its group

    # ----- the items -------------------------------------------------------------------------
    def add(self, widget: QWidget, group: int) -> None:
        """``widget`` at the end of ``group`` (groups are laid out in the order of their number)."""
        self.addChildWidget(widget)
        self._items.append((QWidgetItem(widget), group))
        self.invalidate()

    def addItem(self, item: QLayoutItem) -> None:  # Qt adds an item: to the last group
        self._items.append((item, self._items[-1][1] if self._items else 0))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index][0] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index)[0] if 0 <= index < len(self._items) else None

    # ----- sizes -----------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def sizeHint(self) -> QSize:
        widths = self._column_widths(self.columns)
        width = sum(widths) + self.column_spacing * max(0, len(widths) - 1)
        margins = self.contentsMargins()
        width += margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:
        """One column: the widest figure."""
        margins = self.contentsMargins()
        width = max((item.minimumSize().width() for item in self._shown()), default=0)
        width += margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    # ----- the arrangement -------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item, _group in self._items if not item.isEmpty()]

    def _groups(self) -> list[list[QLayoutItem]]:
        groups: dict[int, list[QLayoutItem]] = {}
        for item, group in self._items:
            if not item.isEmpty():
                groups.setdefault(group, []).append(item)
        return [groups[key] for key in sorted(groups)]

    def _column_widths(self, columns: int) -> list[int]:
        """Each column's width at ``columns`` columns: its widest figure's preferred width."""
        widths = [0] * columns
        for group in self._groups():
            for index, item in enumerate(group):
                column = index % columns
                widths[column] = max(widths[column], item.sizeHint().width())
        while len(widths) > 1 and widths[-1] == 0:
            widths.pop()  # no group fills it
        return widths

    def columns_for(self, width: int) -> int:
        """The most columns (up to ``columns``) whose figures fit ``width``; at least one."""
        for columns in range(self.columns, 1, -1):
            widths = self._column_widths(columns)
            if sum(widths) + self.column_spacing * (len(widths) - 1) <= width:
                return columns
        return 1

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the figures out in ``rect`` (``place``) and return the height they take."""
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        columns = self.columns_for(inner.width())
        widths = self._column_widths(columns)
        if len(widths) == 1:
            widths = [inner.width()]  # one column: the whole width, however narrow
        else:  # the room left over shared out evenly, as a grid shares it among its columns
            spare = inner.width() - sum(widths) - self.column_spacing * (len(widths) - 1)
            widths = [w + max(0, spare) // len(widths) for w in widths]
        lefts = []
        x = inner.x()
        for w in widths:
            lefts.append(x)
            x += w + self.column_spacing
        y = inner.y()
        first = True
        for group in self._groups():
            for start in range(0, len(group), columns):
                row = group[start : start + columns]
                heights = [
                    item.heightForWidth(widths[i]) if item.hasHeightForWidth() else -1
                    for i, item in enumerate(row)
                ]
                heights = [
                    h if h >= 0 else item.sizeHint().height()
                    for h, item in zip(heights, row, strict=True)
                ]
                if not first:
                    y += self.row_spacing
                first = False
                if place:
                    for i, item in enumerate(row):
                        item.setGeometry(QRect(lefts[i], y, widths[i], heights[i]))
                y += max(heights)
        return y - inner.y() + margins.top() + margins.bottom()
