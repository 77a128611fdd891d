"""The sidebar: lenders, and under each its loans with what is owed today and a status badge.

Over 500 lines because the model and its two painting delegates belong together: each reads the
roles and columns the model names (the view that shows them: ``ashore.ui.loan.sidebar_view``).

``SidebarModel`` is a standalone Qt item model fed with plain values (lenders and LoanSummary
lines); ``BadgeDelegate`` paints the status as a small rounded pill, ``NameDelegate`` a loan's
negotiation stage as a small second line; ``sidebar_view.SidebarView`` puts them together.
``AllLoansRow`` is the row above them that opens the dashboard and shows the total owed.
"""

from __future__ import annotations

from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ashore.domain.dates import date_text
from ashore.domain.money import format_amount
from ashore.domain.records import Lender, LoanSummary
from ashore.ui.widgets.style import BADGE_COLOURS, ERROR, MUTED, tabular_font, title_font

AnyIndex = QModelIndex | QPersistentModelIndex
Cell = tuple[str, QModelIndex]  # a cell's text and its index


class SidebarColumn(IntEnum):
    """The sidebar's columns, left to right."""

    NAME = 0
    OWED = 1
    STATUS = 2


class SidebarRole(IntEnum):
    """What an index of the sidebar gives besides its text (``index.data(SidebarRole.KIND)``)."""

    KIND = Qt.ItemDataRole.UserRole + 1  # "lender" or "loan"
    LOAN_ID = Qt.ItemDataRole.UserRole + 2
    LENDER_ID = Qt.ItemDataRole.UserRole + 3
    STATUS = Qt.ItemDataRole.UserRole + 4  # LoanSummary.status
    DAYS_OVERDUE = Qt.ItemDataRole.UserRole + 5
    SUMMARY = Qt.ItemDataRole.UserRole + 6  # the LoanSummary itself
    STAGE = Qt.ItemDataRole.UserRole + 7  # the negotiation stage's words, set by the guide


# internalId of a top-level (lender) index; a loan's index carries its lender's row + 1.
_TOP = 0
_FEW = 8  # rows told one by one that they changed; more, and the view lays out once


def status_text(summary: LoanSummary) -> str:
    """The words on the badge: "Current", "Overdue 12 days", "Agreement", "Settled"."""

    def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
        # lupdate files these under ""
        return QCoreApplication.translate("", text, disambiguation or None, n)

    if summary.status == "overdue":
        return tr("Overdue %n day(s)", "", summary.days_overdue)
    labels = {
        "current": tr("Current"),
        "agreement": tr("Agreement"),
        "agreement_missed": tr("Agreement missed"),
        "settled": tr("Settled"),
    }
    return labels.get(summary.status, summary.status)


def _arranged(
    lenders: list[Lender], summaries: list[LoanSummary]
) -> tuple[list[Lender], list[list[LoanSummary]]]:
    """The lenders by name (a loan whose lender is missing gets one of its own) and under each
    its loans by name: the sidebar's rows."""
    by_lender: dict[str, list[LoanSummary]] = {}
    for summary in summaries:
        by_lender.setdefault(summary.lender_id, []).append(summary)
    known = {lender.id: lender for lender in lenders}
    for summary in summaries:
        if summary.lender_id not in known:
            known[summary.lender_id] = Lender(summary.lender_id, summary.lender_name)
    ordered = sorted(known.values(), key=lambda lender: (lender.name.casefold(), lender.id))
    loans = [
        sorted(
            by_lender.get(lender.id, []),
            key=lambda item: (item.loan_name.casefold(), item.loan_id),
        )
        for lender in ordered
    ]
    return ordered, loans


class SidebarModel(QAbstractItemModel):
    """Two levels: lenders (sorted by name), under each its loans (sorted by name)."""

    # After set_data or update_loans: the loans shown (their figures at least) may have changed.
    refreshed = Signal()

    def __init__(self, locale: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.money_locale = locale
        self._lenders: list[Lender] = []
        self._loans: list[list[LoanSummary]] = []
        self._bold = QFont()
        self._bold.setWeight(QFont.Weight.DemiBold)
        self._amount_font = tabular_font(QFont())
        # loan id -> (stage title, next step), from ashore.services.guide via the Guide controller
        self.stages: dict[str, tuple[str, str]] = {}
        self.names_only = False  # True while only the stages change (set_stages)
        self._owed_texts: dict[tuple[Decimal, str], str] = {}

    # ----- feeding ---------------------------------------------------------------------------
    def set_data(self, lenders: list[Lender], summaries: list[LoanSummary]) -> None:
        """Show these lenders and loans; a loan whose lender is missing gets a row of its own."""
        ordered, loans = _arranged(lenders, summaries)
        self._owed_texts.clear()
        self.beginResetModel()
        self._lenders = ordered
        self._loans = loans
        self.endResetModel()
        self.refreshed.emit()

    def update_loans(self, lenders: list[Lender], summaries: list[LoanSummary]) -> bool:
        """Show these summaries in place when the lenders and the loans' places are as shown
        (after an edit of one loan): only the rows that changed are told, the view keeps its
        selection and scroll. False, changing nothing, when a lender or a loan's place differs."""
        ordered, loans = _arranged(lenders, summaries)
        if ordered != self._lenders or [[s.loan_id for s in group] for group in loans] != [
            [s.loan_id for s in group] for group in self._loans
        ]:
            return False
        changed = [
            (lender_row, row)
            for lender_row, group in enumerate(loans)
            for row, summary in enumerate(group)
            if summary != self._loans[lender_row][row]
        ]
        if len(changed) > _FEW:  # many (another day): the view lays out once, not per row
            self.layoutAboutToBeChanged.emit()
            self._loans = loans
            self.layoutChanged.emit()
        else:
            last = len(SidebarColumn) - 1
            for lender_row, row in changed:
                self._loans[lender_row][row] = loans[lender_row][row]
                index = self.createIndex(row, SidebarColumn.NAME, lender_row + 1)
                self.dataChanged.emit(index, index.siblingAtColumn(last))
        self.refreshed.emit()
        return True

    def set_stages(self, stages: dict[str, tuple[str, str]]) -> None:
        """The guide's stage words per loan id; the rows whose words changed are told, or the
        view lays out once when many did (a ``dataChanged`` per row lays out all, per row)."""
        old, self.stages = self.stages, stages
        changed = [key for key in {*old, *stages} if old.get(key) != stages.get(key)]
        # the stage is a line under the name: the owed and status columns' widths stay
        self.names_only = True
        try:
            if len(changed) > _FEW:
                self.layoutAboutToBeChanged.emit()
                self.layoutChanged.emit()
                return
            last = len(SidebarColumn) - 1
            for loan_id in changed:
                index = self.loan_index(loan_id)
                if index.isValid():
                    self.dataChanged.emit(index, index.siblingAtColumn(last))
        finally:
            self.names_only = False

    def loan_index(self, loan_id: str) -> QModelIndex:
        for lender_row, loans in enumerate(self._loans):
            for row, summary in enumerate(loans):
                if summary.loan_id == loan_id:
                    return self.createIndex(row, SidebarColumn.NAME, lender_row + 1)
        return QModelIndex()

    def lender_index(self, lender_id: str) -> QModelIndex:
        for row, lender in enumerate(self._lenders):
            if lender.id == lender_id:
                return self.createIndex(row, SidebarColumn.NAME, _TOP)
        return QModelIndex()

    def loan_count(self) -> int:
        return sum(len(loans) for loans in self._loans)

    # ----- QAbstractItemModel ----------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, SidebarColumn.NAME, _TOP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._lenders)
        if parent.internalId() == _TOP and parent.column() == SidebarColumn.NAME:
            return len(self._loans[parent.row()])
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(SidebarColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                SidebarColumn.NAME: self.tr("Lender / loan"),
                SidebarColumn.OWED: self.tr("Owed today"),
                SidebarColumn.STATUS: self.tr("Status"),
            }.get(section)
        if role == Qt.ItemDataRole.TextAlignmentRole and section == SidebarColumn.OWED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._lender_data(self._lenders[index.row()], index, role)
        summary = self._loans[index.internalId() - 1][index.row()]
        return self._loan_data(summary, index.column(), role)

    # Complexity over 10 on purpose: one branch per role a sidebar cell answers (text, tooltip,
    # colour, …).
    def _lender_data(self, lender: Lender, index: AnyIndex, role: int) -> Any:  # noqa: C901
        column = index.column()
        if role == SidebarRole.KIND:
            return "lender"
        if role == SidebarRole.LENDER_ID:
            return lender.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == SidebarColumn.NAME:
                return lender.name
            if column == SidebarColumn.STATUS:
                return self.tr("%n loan(s)", "", len(self._loans[index.row()]))
            return None
        if role == Qt.ItemDataRole.FontRole and column == SidebarColumn.NAME:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and column == SidebarColumn.STATUS:
            return QBrush(QColor(MUTED))
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [lender.name]
            if lender.phone:
                parts.append(self.tr("Phone: %1").replace("%1", lender.phone))
            if lender.hours:
                parts.append(self.tr("Hours: %1").replace("%1", lender.hours))
            return "\n".join(parts)
        return None

    # Complexity over 10 on purpose: one branch per role a sidebar cell answers (text, tooltip,
    # colour, …).
    def _loan_data(self, summary: LoanSummary, column: int, role: int) -> Any:  # noqa: C901
        if role == SidebarRole.KIND:
            return "loan"
        if role == SidebarRole.LOAN_ID:
            return summary.loan_id
        if role == SidebarRole.LENDER_ID:
            return summary.lender_id
        if role == SidebarRole.STATUS:
            return summary.status
        if role == SidebarRole.DAYS_OVERDUE:
            return summary.days_overdue
        if role == SidebarRole.SUMMARY:
            return summary
        if role == SidebarRole.STAGE:
            return self.stages.get(summary.loan_id, ("", ""))[0]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == SidebarColumn.NAME:
                return summary.loan_name
            if column == SidebarColumn.OWED:
                return self._owed_text(summary)
            if column == SidebarColumn.STATUS:
                return status_text(summary)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SidebarColumn.OWED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == SidebarColumn.OWED:
            return self._amount_font
        if role == Qt.ItemDataRole.ForegroundRole and column == SidebarColumn.OWED:
            if summary.status in ("overdue", "agreement_missed"):
                return QBrush(QColor(ERROR))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.tr("%1 owed today (%2)").replace(
                "%1",
                format_amount(summary.owed_today, summary.currency, self.money_locale, symbol=True),
            )
            text = text.replace("%2", status_text(summary))
            if summary.next_due is not None:
                text += "\n" + self.tr("Next due %1").replace(
                    "%1", date_text(summary.next_due, self.money_locale)
                )
            if summary.loan_id in self.stages:
                title, step = self.stages[summary.loan_id]
                line = self.tr("Negotiation: %1. Next: %2").replace("%1", title)
                text += "\n" + line.replace("%2", step)
            return text
        return None

    def cells_by_kind(self, column: int, open_lenders: list[int]) -> dict[str, list[Cell]]:
        """The text and index of ``column``'s cell in each lender's row and in the loans' rows of
        the open lenders (by row), by kind of row: what ``SidebarView`` measures."""
        cells: dict[str, list[Cell]] = {"lender": [], "loan": []}
        for row in range(len(self._lenders)):
            text = self.data(self.createIndex(row, column, _TOP))
            cells["lender"].append((str(text or ""), self.createIndex(row, column, _TOP)))
        for lender_row in open_lenders:
            for row, summary in enumerate(self._loans[lender_row]):
                if column == SidebarColumn.OWED:
                    text = self._owed_text(summary)
                else:
                    text = str(self._loan_data(summary, column, Qt.ItemDataRole.DisplayRole) or "")
                cells["loan"].append((text, self.createIndex(row, column, lender_row + 1)))
        return cells

    def cell_font(self, kind: str, column: int, font: QFont) -> QFont:
        """The font of a ``kind`` row's cell in ``column`` (``font`` where the model sets none)."""
        if kind == "lender" and column == SidebarColumn.NAME:
            return self._bold
        if kind == "loan" and column == SidebarColumn.OWED:
            return self._amount_font
        return font

    def _owed_text(self, summary: LoanSummary) -> str:
        """The owed figure as shown, formatted once per amount (painting and sizing a few
        hundred rows asks for it thousands of times)."""
        key = (summary.owed_today, summary.currency)
        text = self._owed_texts.get(key)
        if text is None:
            text = format_amount(summary.owed_today, summary.currency, self.money_locale)
            self._owed_texts[key] = text
        return text


class BadgeDelegate(QStyledItemDelegate):
    """Paints a loan's status as a small rounded pill, coloured by status."""

    PAD_X = 8
    PAD_Y = 2

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        status = index.data(SidebarRole.STATUS)
        if status is None:  # a lender row: plain text
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        background, foreground = BADGE_COLOURS.get(str(status), BADGE_COLOURS["settled"])
        metrics = opt.fontMetrics
        width = metrics.horizontalAdvance(text) + 2 * self.PAD_X
        height = metrics.height() + 2 * self.PAD_Y
        rect = QRect(
            opt.rect.left() + 4,
            opt.rect.center().y() - height // 2 + 1,
            min(width, opt.rect.width() - 8),
            height,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor(foreground))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        hint = super().sizeHint(option, index)
        if index.data(SidebarRole.STATUS) is None:
            return hint
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(text) + 2 * self.PAD_X + 8  # the pill's 4 px each side
        height = metrics.height() + 2 * self.PAD_Y + 8
        return QSize(max(hint.width(), width), max(hint.height(), height))


class NameDelegate(QStyledItemDelegate):
    """A loan's name with its negotiation stage under it, small and muted (none: one line)."""

    GAP = 1

    def _stage(self, index: AnyIndex) -> str:
        if index.data(SidebarRole.KIND) != "loan":
            return ""
        return str(index.data(SidebarRole.STAGE) or "")

    def _small(self, font: QFont) -> QFont:
        small = QFont(font)
        if font.pointSizeF() > 0:
            small.setPointSizeF(font.pointSizeF() * 0.86)
        return small

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        stage = self._stage(index)
        if not stage:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:  # the background and selection, without text
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        small = self._small(opt.font)
        name_height = opt.fontMetrics.height()
        stage_metrics = QFontMetrics(small)
        total = name_height + self.GAP + stage_metrics.height()
        left = opt.rect.left() + 4
        width = opt.rect.width() - 8
        top = opt.rect.center().y() - total // 2 + 1
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(QColor(opt.palette.color(opt.palette.ColorRole.Text)))
        elided = opt.fontMetrics.elidedText(name, Qt.TextElideMode.ElideRight, width)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(QRect(left, top, width, name_height), flags, elided)
        painter.setFont(small)
        painter.setPen(QColor(MUTED))
        elided = stage_metrics.elidedText(stage, Qt.TextElideMode.ElideRight, width)
        stage_top = top + name_height + self.GAP
        painter.drawText(QRect(left, stage_top, width, stage_metrics.height()), flags, elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        hint = super().sizeHint(option, index)
        stage = self._stage(index)
        if not stage:
            return hint
        small = QFontMetrics(self._small(option.font))
        height = option.fontMetrics.height() + self.GAP + small.height() + 10
        return QSize(hint.width(), max(hint.height(), height))


def total_text(summaries: list[LoanSummary], locale: str) -> str:
    """What all loans owe today, one amount per currency ("12,345.67 CNY")."""
    totals: dict[str, Decimal] = {}
    for summary in summaries:
        totals[summary.currency] = totals.get(summary.currency, Decimal(0)) + summary.owed_today
    return " + ".join(
        f"{format_amount(amount, currency, locale)} {currency}"
        for currency, amount in sorted(totals.items())
    )


class AllLoansRow(QPushButton):
    """The row above the lenders: "All loans" and the total owed; a click opens the dashboard.

    Checked while the dashboard is the page shown, so it reads like the sidebar's selection.
    """

    def __init__(self, locale: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allLoans")
        self.money_locale = locale
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(
            self.tr("Every loan at once: what to pay and what needs attention (Ctrl+D)")
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel(self.tr("All loans"))
        self.label.setFont(title_font(self.font(), 1.0))
        self.total = QLabel()
        self.total.setObjectName("allLoansTotal")
        self.total.setFont(tabular_font(self.font()))
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for label in (self.label, self.total):
            # clicks go to the button underneath
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            row.addWidget(label)
        row.setStretch(0, 1)
        self.setMinimumHeight(self.fontMetrics().height() * 2 + 6)

    def set_summaries(self, summaries: list[LoanSummary]) -> None:
        self.total.setText(total_text(summaries, self.money_locale))
        self.setVisible(bool(summaries))  # an empty data dir has no "all" to show
        layout = self.layout()
        if layout is not None:  # at once: the window may be busy building the dashboard next
            layout.activate()
