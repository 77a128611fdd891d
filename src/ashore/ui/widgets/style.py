"""The look of the window: fonts with tabular digits, table columns, the invalid outline; and,
from ``theme``, the palette, the stylesheet and the shared colours."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

# The colours, spacings and the stylesheet live in ``theme`` (what the first frame needs); here
# too, so that every page keeps one place to import its look from.
from ashore.ui.widgets.theme import (
    ACCENT,
    ACCENT_DARK,
    BADGE_COLOURS,
    BORDER,
    ERROR,
    ERROR_BG,
    MARGIN,
    MUTED,
    PANEL_BG,
    SPACING,
    STYLESHEET,
    TEXT,
    WINDOW_BG,
    apply_theme,
)

__all__ = [
    "ACCENT",
    "ACCENT_DARK",
    "BADGE_COLOURS",
    "BORDER",
    "ERROR",
    "ERROR_BG",
    "MARGIN",
    "MUTED",
    "PANEL_BG",
    "SPACING",
    "STYLESHEET",
    "TEXT",
    "WINDOW_BG",
    "apply_theme",
    "fit_columns",
    "set_invalid",
    "spread_columns",
    "table_height",
    "tabular_font",
    "title_font",
]


def tabular_font(base: QFont | None = None) -> QFont:
    """A font whose digits all have the same width, so amounts line up in columns."""
    font = QFont(base) if base is not None else QFont(QApplication.font())
    font.setFeature(QFont.Tag("tnum"), 1)
    return font


def title_font(base: QFont, scale: float = 1.5) -> QFont:
    """A larger font for page titles, relative to the user's font (never a hard-coded size)."""
    font = QFont(base)
    size = base.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * scale)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Outline ``widget`` in red (through the ``invalid`` property the stylesheet matches)."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    # A dynamic property change needs a re-polish before the stylesheet sees it.
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class RoomyCells(QStyledItemDelegate):
    """Cells measured with room beside their text: a column sized to its contents had one or
    two pixels to spare, and "2026年9月10日 起" or "逾期＋罚息滞纳金" came out cut where the
    screen's Chinese face is a little wider than the one measured."""

    ROOM = 12

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + self.ROOM, hint.height())


def fit_columns(
    view: QAbstractItemView, stretch: int | tuple[int, ...], fixed: dict[int, int] | None = None
) -> None:
    """Columns sized to their contents, ``stretch`` (one column or several) taking what is left,
    and no horizontal scrollbar: every column stays in sight (a long text is elided in a
    stretched column, never a date or an amount in one sized to its contents).

    ``fixed`` gives columns a set width in characters of the view's font (long free text)."""
    header = getattr(view, "horizontalHeader", None)
    header = header() if callable(header) else getattr(view, "header", lambda: None)()
    if not isinstance(header, QHeaderView):
        return
    header.setStretchLastSection(False)
    for column in range(header.count()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    for column, chars in (fixed or {}).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, view.fontMetrics().averageCharWidth() * chars + 16)
    stretched = (stretch,) if isinstance(stretch, int) else stretch
    for column in stretched:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(40)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    model = view.model()
    if model is not None:

        def fit() -> None:
            view.setMinimumWidth(columns_least(view, stretched))

        model.modelReset.connect(fit)
        model.layoutChanged.connect(fit)
        fit()


def columns_least(view: QAbstractItemView, stretched: tuple[int, ...]) -> int:
    """The least width of ``view`` with every column whole but the ``stretched`` ones, which
    keep their headings whole and shorten their cells ("方案" beside wide figures)."""
    header = getattr(view, "horizontalHeader", None)
    header = header() if callable(header) else getattr(view, "header", lambda: None)()
    if not isinstance(header, QHeaderView):
        return 0
    needed = sum(
        header.sectionSizeHint(column)
        if column in stretched
        else max(header.sectionSizeHint(column), view.sizeHintForColumn(column))
        for column in range(header.count())
        if not header.isSectionHidden(column)
    )
    return needed + 2 * view.frameWidth()


def spread_columns(view: QAbstractItemView) -> None:
    """Every column shares the width evenly (a table of short dates, amounts and statuses that
    is the main element of its page), no horizontal scrollbar."""
    header = getattr(view, "horizontalHeader", None)
    if not callable(header):
        return
    found = header()
    found.setStretchLastSection(False)
    found.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def table_height(view: QAbstractItemView, rows: int) -> int:
    """The height that shows the header and ``rows`` rows of ``view``."""
    vertical = getattr(view, "verticalHeader", None)
    row = vertical().defaultSectionSize() if callable(vertical) else view.sizeHintForRow(0)
    header = getattr(view, "horizontalHeader", None)
    head = header().sizeHint().height() if callable(header) else 0
    return head + rows * row + 2 * 2 + 2
