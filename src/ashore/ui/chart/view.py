"""The negotiation chart: what is owed over time if nothing is paid, against each repayment plan.

A standalone widget fed with plain series; matplotlib is imported only when the first one is built.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ashore.app.errors import InputError
from ashore.domain.money import format_amount

if TYPE_CHECKING:
    import numpy as np

    from ashore.ui.chart.plot import ChartPlot

__all__ = ["Marker", "MonthlyBar", "NegotiationChart", "ReadoutEntry", "Series", "SeriesKind"]

SeriesKind = Literal["status_quo", "original", "proposal", "agreement"]
_KINDS: tuple[str, ...] = get_args(SeriesKind)


@dataclass(frozen=True)
class Series:
    """One line of the top panel: exact amounts owed on dates (dates strictly increasing)."""

    key: str
    label: str
    points: Sequence[tuple[date, Decimal]]
    kind: SeriesKind


@dataclass(frozen=True)
class Marker:
    """One dated amount drawn as a symbol: a payment made (dot) or a lender's claim (cross)."""

    day: date
    amount: Decimal
    label: str


@dataclass(frozen=True)
class MonthlyBar:
    """The monthly payment of one plan: the amount due in each month, months increasing."""

    key: str
    label: str
    months: Sequence[tuple[date, Decimal]]


@dataclass(frozen=True)
class ReadoutEntry:
    """One item of the hover read-out: a plan's exact balance and monthly payment, or a marker."""

    key: str
    label: str
    colour: str
    amount: Decimal | None
    monthly: Decimal | None = None


class _ExactSteps:
    """Exact Decimal values of a series, looked up by date as a steps-post line shows them."""

    def __init__(self, points: Sequence[tuple[date, Decimal]], *, until: date | None = None):
        self.days = [day.toordinal() for day, _ in points]
        self.amounts = [amount for _, amount in points]
        # Past the last point a line shows nothing; a monthly plan still owes its last month.
        self.until = until.toordinal() if until is not None else (self.days[-1] if self.days else 0)

    def at(self, day: date) -> Decimal | None:
        ordinal = day.toordinal()
        index = bisect_right(self.days, ordinal) - 1
        if index < 0 or ordinal > self.until:
            return None
        return self.amounts[index]


def _check_day(value: object, field: str) -> date:
    # datetime is a date too, but a time of day would shift the exact look-up by date.
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InputError.at(field, "date.invalid", f"{value!r} is not a date", value=repr(value))
    return value


def _check_amount(value: object, field: str) -> Decimal:
    if not isinstance(value, Decimal):
        raise InputError(f"{field}: {value!r} is not a Decimal amount (money never passes float)")
    if not value.is_finite():
        raise InputError(f"{field}: {value} is not a finite amount")
    return value


def _check_points(points: object, field: str) -> list[tuple[date, Decimal]]:
    if isinstance(points, str | bytes) or not isinstance(points, Sequence):
        raise InputError(f"{field}: must be a sequence of (date, Decimal) pairs")
    checked: list[tuple[date, Decimal]] = []
    for index, pair in enumerate(points):
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise InputError(f"{field}[{index}]: {pair!r} is not a (date, Decimal) pair")
        day = _check_day(pair[0], f"{field}[{index}]")
        amount = _check_amount(pair[1], f"{field}[{index}]")
        if checked and day <= checked[-1][0]:
            raise InputError(f"{field}[{index}]: {day} does not come after {checked[-1][0]}")
        checked.append((day, amount))
    return checked


def _check_keys(items: Sequence[Series | MonthlyBar], field: str) -> None:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if not isinstance(item.key, str) or not item.key:
            raise InputError(f"{field}[{index}].key: must be a non-empty string")
        if item.key in seen:
            raise InputError(f"{field}[{index}].key: {item.key!r} is used twice")
        seen.add(item.key)


def _add_month(day: date) -> date:
    from dateutil.relativedelta import relativedelta

    result: date = day + relativedelta(months=1)
    return result


class NegotiationChart(QWidget):
    """Owed over time (top) and monthly payment per plan against the budget (bottom).

    Exact Decimal values stay here; matplotlib gets floats for the artist coordinates only, and
    every figure a person reads (read-out, legend) is looked up from the Decimals by date.
    """

    def __init__(self, parent: QWidget | None = None, *, currency: str = "CNY", locale: str = "en"):
        super().__init__(parent)
        # Lazy on purpose: matplotlib costs seconds to import. The app loads it in the
        # background after its first frame; wait for that rather than import it alongside.
        from ashore.ui import warmup

        warmup.settle()
        from ashore.ui.chart.plot import ChartPlot

        self._currency = currency
        self._locale = locale
        self._lines: list[Series] = []
        self._exact: dict[str, _ExactSteps] = {}
        self._monthly: list[MonthlyBar] = []
        self._monthly_exact: dict[str, _ExactSteps] = {}
        self._payments: list[Marker] = []
        self._claims: list[Marker] = []
        self._budget: Decimal | None = None
        self._today: date | None = None
        self._hidden: set[str] = set()
        self._readout: list[ReadoutEntry] = []
        self._readout_day: date | None = None

        self._plot: ChartPlot = ChartPlot(
            self,
            texts={
                "owed": self.tr("Owed"),
                "monthly": self.tr("Per month"),
                "no_monthly": self.tr(
                    "Add a proposal to see what it asks each month against your budget"
                ),
                "today": self.tr("today"),
                "payments": self.tr("payments made"),
                "claims": self.tr("lender claims"),
            },
            tick_label=self._tick_label,
            locale=locale,
            on_hover=self._hover,
            on_legend_toggle=self._toggle_from_legend,
        )
        self._label = QLabel(self)
        self._label.setObjectName("chartReadout")
        self._label.setTextFormat(Qt.TextFormat.RichText)
        self._label.setWordWrap(True)
        self._label.setContentsMargins(8, 2, 8, 2)
        # Two lines, never more: a read-out of three plans wrapped to a third line and took it
        # from the plot. What does not fit is left out (with "…"); the tooltip has it whole.
        self._label.setFixedHeight(2 * self._label.fontMetrics().lineSpacing() + 6)
        self._label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._label.setText(self._hint())
        self._label.setMinimumWidth(self._hint_room())

        # The read-out beside the toolbar, not under it: one row less above the plot, so the
        # chart keeps its height where a form shares the page (the Proposals tab).
        self._top = QHBoxLayout()
        self._top.setContentsMargins(0, 0, 0, 0)
        self._top.setSpacing(6)
        self._top.addWidget(self._plot.toolbar)
        self._top.addWidget(self._label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self._top)
        layout.addWidget(self._plot.canvas, 1)
        self._plot.canvas.setMinimumHeight(160)  # two panels and their dates, never a strip

    # ----- public API ------------------------------------------------------------------------

    def add_beside_toolbar(self, widget: QWidget) -> None:
        """Put ``widget`` (an "Export chart…" button) at the end of the toolbar's row."""
        self._top.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)

    # Complexity over 10 on purpose: one pass over the chart lines: add, update or drop each.
    def set_data(  # noqa: C901
        self,
        *,
        lines: Sequence[Series],
        today: date,
        payments: Sequence[Marker] = (),
        claims: Sequence[Marker] = (),
        monthly: Sequence[MonthlyBar] = (),
        budget: Decimal | None = None,
    ) -> None:
        """Show these series; artists of keys seen before are updated in place, not rebuilt."""
        lines = list(lines)
        monthly = list(monthly)
        _check_day(today, "today")
        exact: dict[str, _ExactSteps] = {}
        for index, series in enumerate(lines):
            if not isinstance(series, Series):
                raise InputError(f"lines[{index}]: {series!r} is not a Series")
            if series.kind not in _KINDS:
                raise InputError(
                    f"lines[{index}].kind: {series.kind!r} is not one of {', '.join(_KINDS)}"
                )
            points = _check_points(series.points, f"lines[{index}].points")
            exact[series.key] = _ExactSteps(points)
        _check_keys(lines, "lines")
        monthly_exact: dict[str, _ExactSteps] = {}
        month_ends: dict[str, date | None] = {}
        for index, bar in enumerate(monthly):
            if not isinstance(bar, MonthlyBar):
                raise InputError(f"monthly[{index}]: {bar!r} is not a MonthlyBar")
            months = _check_points(bar.months, f"monthly[{index}].months")
            end = _add_month(months[-1][0]) if months else None
            # The last month's payment holds until the day before the next month would start.
            until = date.fromordinal(end.toordinal() - 1) if end is not None else None
            monthly_exact[bar.key] = _ExactSteps(months, until=until)
            month_ends[bar.key] = end
        _check_keys(monthly, "monthly")
        for field, markers in (("payments", payments), ("claims", claims)):
            for index, marker in enumerate(markers):
                if not isinstance(marker, Marker):
                    raise InputError(f"{field}[{index}]: {marker!r} is not a Marker")
                _check_day(marker.day, f"{field}[{index}].day")
                _check_amount(marker.amount, f"{field}[{index}].amount")
        if budget is not None:
            _check_amount(budget, "budget")

        self._lines, self._exact = lines, exact
        self._monthly, self._monthly_exact = monthly, monthly_exact
        self._payments, self._claims = list(payments), list(claims)
        self._budget, self._today = budget, today
        self._hidden &= set(exact) | set(monthly_exact)
        self._plot.update(
            lines=lines,
            today=today,
            payments=self._payments,
            claims=self._claims,
            monthly=monthly,
            month_ends=month_ends,
            budget=budget,
            budget_text=self.tr("budget %1").replace("%1", self._money(budget))
            if budget is not None
            else "",
            legend_labels={series.key: self._legend_label(series) for series in lines},
            hidden=self._hidden,
        )
        if self._readout_day is not None:
            self.show_readout(self._readout_day)

    def set_visible(self, key: str, visible: bool) -> None:
        """Show or hide the line (and the monthly payment) of one key."""
        if key not in self._exact and key not in self._monthly_exact:
            raise InputError(f"key: {key!r} is not a line of this chart")
        if visible:
            self._hidden.discard(key)
        else:
            self._hidden.add(key)
        self._plot.set_visible(key, visible)
        if self._readout_day is not None:
            self.show_readout(self._readout_day)

    def is_visible(self, key: str) -> bool:
        """Whether the line of ``key`` is shown."""
        return key not in self._hidden

    def export(self, path: Path) -> None:
        """Write the chart as PNG (200 dpi) or SVG, chosen by the file's suffix."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in (".png", ".svg"):
            raise InputError(f"path: {path.name!r} must end in .png or .svg")
        self._plot.export(path, fmt=suffix[1:])

    def line_data(self, key: str) -> np.ndarray:
        """The (x, y) coordinates the line of ``key`` is drawn with (matplotlib date numbers)."""
        if key not in self._exact:
            raise InputError(f"key: {key!r} is not a line of this chart")
        import numpy as np

        return np.asarray(self._plot.line(key).get_xydata())

    @property
    def canvas(self) -> QWidget:
        """The matplotlib canvas widget (for grabbing, benchmarks and tests)."""
        return self._plot.canvas

    @property
    def plot(self) -> ChartPlot:
        """The matplotlib side: figure, axes and artists."""
        return self._plot

    # ----- hover read-out --------------------------------------------------------------------

    def readout_at(self, day: date) -> list[ReadoutEntry]:
        """The exact figures on ``day``: balance and monthly payment of every visible key."""
        entries: list[ReadoutEntry] = []
        monthly = {bar.key: bar for bar in self._monthly}
        for series in self._lines:
            if series.key in self._hidden:
                continue
            amount = self._exact[series.key].at(day)
            month = self._monthly_exact[series.key].at(day) if series.key in monthly else None
            if amount is not None or month is not None:
                colour = self._plot.colour(series.key)
                entries.append(ReadoutEntry(series.key, series.label, colour, amount, month))
        for bar in self._monthly:
            if bar.key in self._hidden or bar.key in self._exact:
                continue
            month = self._monthly_exact[bar.key].at(day)
            if month is not None:
                colour = self._plot.colour(bar.key)
                entries.append(ReadoutEntry(bar.key, bar.label, colour, None, month))
        for markers, kind in (
            (self._payments, self.tr("paid")),
            (self._claims, self.tr("claimed")),
        ):
            for marker in markers:
                if marker.day == day:
                    label = f"{marker.label} ({kind})" if marker.label else kind
                    colour = self._plot.marker_colour(markers is self._claims)
                    entries.append(ReadoutEntry("", label, colour, marker.amount))
        return entries

    def _entry_figures(self, entry: ReadoutEntry) -> tuple[str, str]:
        """The balance text and the "(x a month)" text of one entry; either may be empty."""
        balance = self._money(entry.amount) if entry.amount is not None else ""
        month = ""
        if entry.monthly is not None:
            month = self.tr("%1 a month").replace("%1", self._money(entry.monthly))
            if balance:
                month = f"({month})"
        return balance, month

    def show_readout(self, day: date) -> None:
        """Put the exact figures of ``day`` in the read-out above the canvas."""
        self._readout_day = day
        self._readout = self.readout_at(day)
        self._label.setToolTip(self.readout_text().replace(" · ", "\n"))
        entries = list(self._readout)
        text = self._readout_html(day, entries, monthly=True)
        if not self._fits(text):  # the "(x a month)" parts go first, then the last entries
            text = self._readout_html(day, entries, monthly=False)
        while not self._fits(text) and entries:
            entries.pop()
            text = self._readout_html(day, entries, monthly=False, cut=True)
        self._label.setText(text)

    def _fits(self, html: str) -> bool:
        """Whether ``html`` fits the read-out's two lines at its width."""
        from PySide6.QtGui import QTextDocument

        margins = self._label.contentsMargins()
        width = self._label.width() - margins.left() - margins.right()
        if width <= 0 or not self._label.isVisible():
            return True  # not laid out yet: fitted again when it is resized (shown)
        document = QTextDocument()
        document.setDefaultFont(self._label.font())
        document.setDocumentMargin(0)
        document.setHtml(html)
        document.setTextWidth(width)
        height = self._label.height() - margins.top() - margins.bottom()
        return document.size().height() <= height

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._readout_day is not None:
            self.show_readout(self._readout_day)

    def _readout_html(
        self, day: date, entries: list[ReadoutEntry], *, monthly: bool, cut: bool = False
    ) -> str:
        parts = [f"<b>{_escape(self._day_text(day))}</b>"]
        for entry in entries:
            balance, month = self._entry_figures(entry)
            if not monthly and balance:
                month = ""
            figures = " ".join(
                text
                for text in (f"<b>{_escape(balance)}</b>" if balance else "", _escape(month))
                if text
            )
            parts.append(
                f'<span style="color:{entry.colour}">&#9632;</span>&nbsp;{_escape(entry.label)}'
                f"&nbsp;{figures}"
            )
        if cut:
            parts.append("…")
        if not self._readout:
            parts.append(_escape(self.tr("nothing shown on this day")))
        return " &nbsp; ".join(parts)

    def readout_text(self) -> str:
        """The read-out as plain text: the date, then ``label balance (monthly)`` per key."""
        if self._readout_day is None:
            return ""
        items = [self._day_text(self._readout_day)]
        for entry in self._readout:
            figures = " ".join(text for text in self._entry_figures(entry) if text)
            items.append(f"{entry.label} {figures}")
        return " · ".join(items)

    def hover_at(self, x: float) -> str:
        """Show the read-out for the matplotlib date number ``x`` and return it as plain text."""
        self._hover(x)
        return self.readout_text()

    def _hover(self, x: float) -> None:
        # A steps-post line holds a day's value until the next day, so the day is x rounded down.
        from matplotlib.dates import num2date

        self.show_readout(num2date(x).date())

    # ----- formatting ------------------------------------------------------------------------

    def _money(self, amount: Decimal) -> str:
        return format_amount(amount, self._currency, self._locale)

    def _day_text(self, day: date) -> str:
        from babel.dates import format_date

        return str(format_date(day, format="medium", locale=self._locale))

    def _tick_label(self, value: float) -> str:
        # Tick positions are axis coordinates chosen by matplotlib, not money: the shortest repr
        # of the float is the number the locator meant (2000.0, 2500.0), formatted as money.
        text = format_amount(Decimal(repr(float(value))), self._currency, self._locale)
        zero = format_amount(Decimal(0), self._currency, self._locale)
        tail = zero[1:]  # ".00" in this locale: round ticks read better without it
        if tail and text.endswith(tail):
            text = text[: -len(tail)]
        return text

    def _legend_label(self, series: Series) -> str:
        for bar in self._monthly:
            if bar.key == series.key and bar.months:
                total = sum((amount for _, amount in bar.months), Decimal(0))
                return (
                    self.tr("%1 · %2 in total")
                    .replace("%1", series.label)
                    .replace("%2", self._money(total))
                )
        assert self._today is not None
        owed = self._exact[series.key].at(self._today)
        if owed is None:
            return series.label
        return self.tr("%1 · %2 today").replace("%1", series.label).replace("%2", self._money(owed))

    def _toggle_from_legend(self, key: str) -> None:
        self.set_visible(key, key in self._hidden)

    def _hint_room(self) -> int:
        """The narrowest the read-out shows its hint whole on its two lines: in a small window
        the page gives the chart no less (at 89 px it read "Move the pointer over the")."""
        margins = self._label.contentsMargins()
        whole = (
            self._label.fontMetrics().horizontalAdvance(self._label.text())
            + margins.left()
            + margins.right()
        )
        for width in range(whole // 2, whole, 4):
            if self._label.heightForWidth(width) <= self._label.height():
                return width
        return whole

    def _hint(self) -> str:
        return _escape(self.tr("Move the pointer over the chart to read the exact figures."))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
