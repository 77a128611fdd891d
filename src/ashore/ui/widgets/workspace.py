"""What the workspace tabs share: words for methods and statuses, date and money fields, money
text, a plain table model base and its view (``ui.widgets.tables``), and feeding the negotiation
chart from the services' plain data."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Collection, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import (
    QEvent,
    QObject,
    Qt,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QMainWindow,
    QScrollArea,
    QWidget,
)

from ashore.app.errors import InputError
from ashore.domain import dates
from ashore.domain.money import format_amount, parse_amount
from ashore.services.views.chart import ChartData
from ashore.ui import dialogs
from ashore.ui.chart.view import Marker, MonthlyBar, NegotiationChart, Series
from ashore.ui.files.common import save_folder
from ashore.ui.messages import error_detail
from ashore.ui.widgets.fields import CheckedLineEdit
from ashore.ui.widgets.tables import AnyIndex as AnyIndex
from ashore.ui.widgets.tables import MeasuredTableView as MeasuredTableView
from ashore.ui.widgets.tables import PlainTableModel as PlainTableModel
from ashore.ui.widgets.tables import table_view as table_view
from ashore.ui.widgets.words import _tr


@runtime_checkable
class StatusLine(Protocol):
    """The window's one status message path (``MainWindow.show_status``)."""

    def show_status(self, text: str, ms: int) -> None: ...


def say(widget: QWidget, text: str, ms: int = 8000) -> None:
    """Tell the user in the window's status bar what was just done (a tab in a test of its own,
    without the window, says nothing)."""
    window = widget.window()
    if window is widget:
        return
    if isinstance(window, StatusLine):
        window.show_status(text, ms)
    elif isinstance(window, QMainWindow):  # a plain main window: its status bar
        window.statusBar().showMessage(text, ms)


def method_names() -> dict[str, str]:
    """The negotiation methods in the user's words."""
    return {
        "reamortize": _tr("Spread over more months"),
        "reduced_installment": _tr("Smaller monthly payment"),
        "fee_waiver": _tr("Waive fees, pay once"),
        "lump_sum": _tr("Settle with one payment"),
        "deferral": _tr("Payment holiday, then installments"),
        "custom": _tr("The lender's own list"),
    }


def method_short_names() -> dict[str, str]:
    """The methods in a word or two, for the proposals list: a long method name beside the
    proposal's own name left the name elided ("24 months, penalty wa…"). The tooltip and the form
    have the whole name (``method_names``)."""
    return {
        "reamortize": _tr("More months"),
        "reduced_installment": _tr("Lower payment"),
        "fee_waiver": _tr("Fees waived"),
        "lump_sum": _tr("One payment"),
        "deferral": _tr("Holiday first"),
        "custom": _tr("Lender's list"),
    }


def status_names() -> dict[str, str]:
    """Proposal statuses in the user's words."""
    return {
        "draft": _tr("Draft"),
        "proposed": _tr("Proposed"),
        "countered": _tr("Countered"),
        "accepted": _tr("Accepted"),
        "rejected": _tr("Rejected"),
        "withdrawn": _tr("Withdrawn"),
    }


def entry_status_names() -> dict[str, str]:
    """Installment statuses on the Payments tab."""
    return {
        "paid": _tr("Paid"),
        "partly_paid": _tr("Partly paid"),
        "due": _tr("Due"),
        "overdue": _tr("Overdue"),
        "replaced": _tr("Replaced by the agreement"),
    }


def money_text(amount: Decimal | None, currency: str, locale: str) -> str:
    return "" if amount is None else format_amount(amount, currency, locale)


def signed_money(amount: Decimal, currency: str, locale: str) -> str:
    """An amount with an explicit + for a positive difference."""
    text = format_amount(amount, currency, locale)
    return f"+{text}" if amount > 0 else text


def date_text(day: date | None, locale: str) -> str:
    """A date as a person reads it (ashore.domain.dates: "Dec 15, 2026", "2026年12月15日");
    empty for None."""
    return "" if day is None else dates.date_text(day, locale)


def parse_day(text: str, field: str = "date", line: int | None = None) -> date:
    """A date typed whole, as people type it: 2026-02-05, 2026-2-5, 2026/02/05, 2026.2.5 or
    2026年2月5日 (year, month, day)."""
    from ashore.ui.widgets.fields import typed_date

    found = typed_date(text)
    if found is None:
        # with its code, said in the window's language (ashore.ui.messages); the line of a
        # list of installments it is on named with it
        shown = repr(text.strip())
        detail = f"{shown} is not a date (YYYY-MM-DD)"
        if line is not None:
            raise InputError.at(
                field, "date.unreadable_line", f"line {line}: {detail}", value=shown, line=line
            )
        raise InputError.at(field, "date.unreadable", detail, value=shown)
    return found


def date_field(required: bool = True) -> CheckedLineEdit:
    field = CheckedLineEdit(parse_day, required=required, placeholder="YYYY-MM-DD")
    field.setMaximumWidth(160)
    return field


def amount_field(
    currency: str | Callable[[], str], *, required: bool = True, positive: bool = True
) -> CheckedLineEdit:
    """An amount typed as people type it; ``currency`` may be a function (the loan shown)."""

    def parse(text: str) -> Decimal:
        code = currency() if callable(currency) else currency
        return parse_amount(text, currency=code, allow_zero=not positive, units=True)

    field = CheckedLineEdit(parse, required=required, numeric=True, placeholder="0.00")
    field.setMaximumWidth(200)
    return field


@runtime_checkable
class FitsRoom(Protocol):
    """A page that lays itself out for the width it is shown in (see ``stack_when_narrow``)."""

    def fit_room(self, width: int) -> None: ...


class _FitScroll(QScrollArea):
    """A scroll area that gives its widget exactly the room shown, never less than its minimum.

    ``widgetResizable`` would ask a layout with wrapping labels for its height at that width
    (height-for-width), which counts the charts at their preferred size and scrolls needlessly.
    """

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)
        self.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the widget's layout changed its needs (rows stacked, a label wrapped), or the room did
        # (a scroll bar came or went): fit it again
        if (watched is self.widget() and event.type() == QEvent.Type.LayoutRequest) or (
            watched is self.viewport() and event.type() == QEvent.Type.Resize
        ):
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        widget = self.widget()
        if widget is None:
            return
        if isinstance(widget, FitsRoom):
            widget.fit_room(self.viewport().width())  # may stack rows: a new minimum, asked below
        minimum = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        room = self.viewport().size()
        width = max(room.width(), minimum.width())
        height = minimum.height()
        layout = widget.layout()
        if layout is not None and layout.hasHeightForWidth():
            # wrapped labels need more lines when narrow: at least that, or they overlap
            height = max(height, layout.minimumHeightForWidth(width))
        widget.resize(width, max(room.height(), height))
        # a bar only when something is cut off: Qt can leave one shown with nothing to scroll
        # after a vertical bar came and the widget was narrowed to the new room
        sideways = width > room.width()
        self.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if sideways
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )


NARROW_PAGE = 760  # px: a page narrower than this stacks its side-by-side cards


def stack_when_narrow(rows: list[QBoxLayout], width: int) -> bool:
    """Lay ``rows`` top to bottom on a page narrower than NARROW_PAGE, side by side otherwise,
    so a small window scrolls down instead of cutting cards off; True when it changed."""
    narrow = width < NARROW_PAGE
    direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
    changed = False
    for row in rows:
        if row.direction() != direction:
            row.setDirection(direction)
            changed = True
    return changed


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a scroll area: a tab keeps its layout in a small window and scrolls."""
    area = _FitScroll()
    area.setObjectName("tabScroll")
    area.setWidgetResizable(False)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields inside take the focus, not the frame
    area.setWidget(widget)
    return area


def line_label(
    key: str, kind: str, label: str, *, agreed: bool = False, overdue_now: bool = False
) -> str:
    """The translated name of a line the services leave unnamed. Beside an agreement in force
    (``agreed``) the original contract's line is what is owed if the agreement fails, the name
    the Overview gives that figure: "if nothing is paid" would read as a second "owed today".
    With something overdue (``overdue_now``) the original schedule's line drops at today, all
    the overdue paid at once: its name says so, or it reads as "if nothing is paid"."""
    if key == "status_quo" and agreed:
        return _tr("If the agreement fails")
    if key == "original" and overdue_now:
        return _tr("Original schedule, paying all overdue now")
    names = {
        "status_quo": _tr("If nothing is paid"),
        "original": _tr("Original schedule"),
        "agreements": _tr("With the agreements kept"),
        "plans": _tr("Due each month"),
    }
    if label:
        return label + (_tr(" (agreement)") if kind == "agreement" else "")
    return names.get(key, key)


class _PendingChart(QObject):
    """Holds the figures of a chart not shown yet and gives them to it when it is shown.

    A chart in a tab that is not open has no real size: drawing it would be wasted work, and
    matplotlib would complain that its layout collapsed.
    """

    def __init__(self, chart: NegotiationChart) -> None:
        super().__init__(chart)
        self.chart = chart
        self.pending: tuple[ChartData, Collection[str]] | None = None
        chart.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.pending is not None:
            data, hidden = self.pending
            self.pending = None
            _apply(self.chart, data, hidden)
        return False


def show_on_chart(chart: NegotiationChart, data: ChartData, hidden: Collection[str] = ()) -> None:
    """Give the chart the plain figures of ``data`` (now, or when it is first shown); keys in
    ``hidden`` stay hidden."""
    holder = chart.findChild(_PendingChart)
    if holder is None:
        holder = _PendingChart(chart)
    if chart.isVisible():
        holder.pending = None
        _apply(chart, data, hidden)
    else:
        holder.pending = (data, tuple(hidden))


def _apply(chart: NegotiationChart, data: ChartData, hidden: Collection[str]) -> None:
    # Being shown, the chart may still be laid out at a tiny size for a moment; matplotlib's
    # "layout not applied" then says nothing: it lays out again at the real size.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="constrained_layout not applied")
        _set_chart_data(chart, data)
    for key in hidden:
        if chart.is_visible(key):
            try:
                chart.set_visible(key, False)
            except InputError:
                pass  # the key is no longer a line of this chart


def _drops(points: Sequence[tuple[date, Decimal]]) -> bool:
    """The line falls the day after its first point (what is overdue, paid at once)."""
    return (
        len(points) > 1
        and points[1][0] == points[0][0] + timedelta(days=1)
        and (points[1][1] < points[0][1])
    )


def _set_chart_data(chart: NegotiationChart, data: ChartData) -> None:
    agreed = any(line.kind == "agreement" and line.points for line in data.lines)
    chart.set_data(
        lines=[
            Series(
                line.key,
                line_label(
                    line.key, line.kind, line.label, agreed=agreed, overdue_now=_drops(line.points)
                ),
                line.points,
                line.kind,  # type: ignore[arg-type]
            )
            for line in data.lines
            if line.points
        ],
        today=data.today,
        payments=[Marker(day, amount, text) for day, amount, text in data.payments],
        claims=[Marker(day, amount, text) for day, amount, text in data.claims],
        monthly=[
            MonthlyBar(bar.key, line_label(bar.key, "", bar.label), bar.months)
            for bar in data.monthly
            if bar.months
        ],
        budget=data.budget,
    )


def export_chart(parent: QWidget, chart: NegotiationChart, suggested: str) -> Path | None:
    """Ask where to save the chart (PNG or SVG) and write it there."""
    path = dialogs.get_save_path(
        parent,
        _tr("Export chart"),
        _tr("PNG image (*.png);;SVG drawing (*.svg)"),
        str(save_folder() / suggested),
    )
    if path is None:
        return None
    if path.suffix.lower() not in (".png", ".svg"):
        path = path.with_suffix(".png")
    try:
        chart.export(path)
    except (InputError, OSError) as problem:
        dialogs.error(parent, error_detail(problem))
        return None
    return path
