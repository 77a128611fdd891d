"""The matplotlib side of the negotiation chart: figure, axes and artists (colours in
``chart.palette``, fonts in ``chart.fonts``).

Imported only by ``NegotiationChart.__init__``, so importing ``ashore.ui.chart.view`` stays light.

Over 500 lines because ChartPlot is one matplotlib figure whose artists, legend, layout cache and
blitting share their state (what was drawn last decides what is drawn next).
"""

from __future__ import annotations

import re
import textwrap
import warnings
import zlib
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib import dates as mdates
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg, NavigationToolbar2QT
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import Bbox
from PySide6.QtCore import QSize, QTimer

from ashore.ui.chart.fonts import _setup_fonts
from ashore.ui.chart.palette import (
    AGREEMENT,
    CLAIM,
    GRID,
    LINESTYLES,
    MARKERS,
    MUTED,
    ORIGINAL,
    OVER_BUDGET,
    PAYMENT,
    PROPOSALS,
    STATUS_QUO,
    TEXT,
    _Style,
)

if TYPE_CHECKING:
    from matplotlib.backend_bases import Event
    from matplotlib.collections import FillBetweenPolyCollection
    from PySide6.QtWidgets import QWidget

    from ashore.ui.chart.view import Marker, MonthlyBar, Series


__all__ = ["ChartPlot"]


# Print size of an export (inches, 16:10 like the window), independent of the window's size.
EXPORT_SIZE = (11.0, 6.875)
PNG_DPI = 200
# From this height (pixels at 100 dpi) the upper panel has dates of its own under it.
TALL_CHART = 330


_DIGIT = re.compile(r"\d")


def _date_formatter(locator: Any, locale: str) -> mdates.ConciseDateFormatter:
    # strftime's month names follow the process's C locale, not the app's language: Chinese
    # readers get numeric months with 年/月/日 instead of "Jul".
    if not locale.lower().startswith("zh"):
        return mdates.ConciseDateFormatter(locator)
    formats = ["%Y年", "%m月", "%d日", "%H:%M", "%H:%M", "%S.%f"]
    offsets = ["", "%Y年", "%Y年%m月", "%Y年%m月%d日", "%Y年%m月%d日", "%Y年%m月%d日 %H:%M"]
    return mdates.ConciseDateFormatter(
        locator, formats=formats, zero_formats=["", *formats[:-1]], offset_formats=offsets
    )


def _wrap(text: str, width: int = 40) -> str:
    """A legend text on lines of about ``width`` characters, so the list beside the plot stays
    narrow; a text without spaces (Chinese) breaks anywhere."""
    if len(text) <= width:
        return text
    if " " in text:
        return textwrap.fill(text, width, break_long_words=False)
    return "\n".join(text[i : i + width // 2] for i in range(0, len(text), width // 2))


class _SteadyLayout(ConstrainedLayoutEngine):
    """Constrained layout that runs again only when what it measures can have changed.

    Laying out costs about as much as drawing. Its result depends only on the figure's size and dpi
    and on the extents of the decorations (tick labels, axis labels, legend); when a plan's data
    changes but the tick labels and the legend read the same, the positions it found still hold.
    """

    def __init__(self, chart: ChartPlot, **kwargs: Any):
        super().__init__(**kwargs)
        self._chart = chart
        self._last: object = None

    def execute(self, fig: Any) -> Any:
        key = self._chart.layout_key()
        if key == self._last:
            return None
        self._last = key
        self._beside_legend(fig)
        self._chart.date_rows(fig.bbox.height)
        with warnings.catch_warnings():
            # A chart not shown yet (or squeezed to nothing) has no room for its decorations;
            # matplotlib then leaves the axes as they are, and lays out at the real size later.
            warnings.filterwarnings("ignore", message="constrained_layout not applied")
            return super().execute(fig)

    def _beside_legend(self, fig: Any) -> None:
        """Lay the two panels out left of the legend's width, the legend left out of the layout.

        Measured as a decoration of the owed panel, a legend taller than that panel (three plans,
        payments and claims: seven entries) squashed it to a strip; beside both panels, it may
        reach down past the monthly one's top, where nothing else is drawn."""
        legend = self._chart.owed_axes.get_legend()
        right = 1.0
        if legend is not None:
            legend.set_in_layout(False)
            width = self._chart.legend_width()
            if fig.bbox.width > 0:
                right = max(0.5, 1.0 - (width + 12) / fig.bbox.width)
        self.set(rect=(0, 0, right, 1))


class _Toolbar(NavigationToolbar2QT):
    """The standard toolbar, whose "save" leaves the cursor out and keeps the blit state sound."""

    def __init__(self, canvas: FigureCanvasQTAgg, parent: QWidget, plot: ChartPlot):
        super().__init__(canvas, parent, coordinates=False)
        self._plot = plot

    def save_figure(self, *args: Any) -> Any:
        with self._plot.saving():
            return super().save_figure(*args)


class ChartPlot:
    """Two axes sharing the date axis: amount owed (top), monthly payment and budget (bottom)."""

    def __init__(
        self,
        parent: QWidget,
        *,
        texts: Mapping[str, str],
        tick_label: Callable[[float], str],
        locale: str = "en",
        on_hover: Callable[[float], None],
        on_legend_toggle: Callable[[str], None],
    ):
        _setup_fonts()
        self._texts = dict(texts)
        self._on_hover = on_hover
        self._on_legend_toggle = on_legend_toggle

        self.figure = Figure(figsize=(10, 6.25), facecolor="white")
        self.figure.set_layout_engine(_SteadyLayout(self, h_pad=0.06, w_pad=0.08))
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setParent(parent)
        # The toolbar's own coordinate read-out would print float amounts; ours is exact.
        self.toolbar = _Toolbar(self.canvas, parent, self)
        # No taller than the read-out's two lines beside it: the row above the plot is all the
        # Proposals tab's chart can spare.
        self.toolbar.setIconSize(QSize(18, 18))
        # Data artists are "animated": a full draw paints everything else, keeps it as the
        # background, then paints the data on top. When new data leaves the frame as it was
        # (limits, ticks, legend), an update restores that background and repaints only the data.
        self._background: Any = None
        self._with_legend: Any = None
        self._legend_pixels: Any = None
        self._legend_key: object = None
        self._legend_painted: tuple[str, ...] = ()
        self._drawn_frame: object = None
        self._exporting = False
        self._drawn_bounds = (0.0, 0.0)
        self._ticks_cache: tuple[object, object] | None = None
        self._legend_measured: tuple[Any, object, Bbox] | None = None
        self._repaint_pending = False
        # Frames put on the canvas: full draws; blits (every frame painted over the kept
        # background: the data alone, or after a panel whose axes moved was drawn again); and
        # of those, the panel repaints.
        self.full_draws = 0
        self.blits = 0
        self.panel_draws = 0

        # The monthly panel holds the payments made too: a third of the height, not a strip.
        grid = self.figure.add_gridspec(2, 1, height_ratios=(2, 1))
        self.owed_axes = self.figure.add_subplot(grid[0])
        self.monthly_axes = self.figure.add_subplot(grid[1], sharex=self.owed_axes)
        labels: dict[float, str] = {}

        def money_tick(value: float, _pos: int | None) -> str:
            # Cached: babel's formatting is slow, and the same few tick values come back each draw.
            text = labels.get(value)
            if text is None:
                if len(labels) > 1000:  # zooming and panning make new values without end
                    labels.clear()
                text = labels[value] = tick_label(value)
            return text

        money = FuncFormatter(money_tick)
        for axes, title in ((self.owed_axes, texts["owed"]), (self.monthly_axes, texts["monthly"])):
            self._dress(axes)
            axes.yaxis.set_major_formatter(money)
            axes.set_ylabel(title, color=MUTED, fontsize=10)
            axes.format_coord = lambda _x, _y: ""
        locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
        self.owed_axes.xaxis.set_major_locator(locator)
        self.owed_axes.xaxis.set_major_formatter(_date_formatter(locator, locale))
        # The dates under both panels: in a tall chart (the Overview, scrolled) the upper panel
        # is read far from the lower one's dates. The year the dates count in ("2027") once,
        # under the lower panel.
        self.owed_axes.xaxis.get_offset_text().set_visible(False)
        for axes in (self.owed_axes, self.monthly_axes):
            # The dates have no axis name under them: placing that empty name would measure every
            # date label of both panels at each draw.
            axes.xaxis.set_label_coords(0.5, 0.0)

        self._lines: dict[str, Line2D] = {}
        self._kinds: dict[str, str] = {}
        self._monthly_lines: dict[str, Line2D] = {}
        self._over_budget: dict[str, FillBetweenPolyCollection] = {}
        self._slots: dict[str, int] = {}
        # What each line was last given: a line given the same again keeps its data and path.
        self._points: dict[str, tuple[tuple[date, Decimal], ...]] = {}
        self._months: dict[str, object] = {}
        self._over: dict[str, bool] = {}
        self._legend_keys: dict[Any, str] = {}
        self._legend_entries: object = None
        self._hidden: set[str] = set()

        self._today_line = self.owed_axes.axvline(0, color=TEXT, linewidth=1, linestyle=":")
        self._today_line_low = self.monthly_axes.axvline(0, color=TEXT, linewidth=1, linestyle=":")
        # With no plan to show, the lower panel says what would appear there instead of an
        # empty 0–0.05 axis.
        self._monthly_empty = self.monthly_axes.text(
            0.5, 0.5, texts.get("no_monthly", ""), transform=self.monthly_axes.transAxes,
            ha="center", va="center", color=MUTED, fontsize=9, visible=False,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 2},
        )  # fmt: skip
        self._today_text = self.owed_axes.text(
            0, 1, " " + texts["today"], transform=self.owed_axes.get_xaxis_transform(),
            va="top", ha="left", fontsize=9, color=TEXT, clip_on=True,
        )  # fmt: skip
        for artist in (self._today_line, self._today_line_low, self._today_text):
            artist.set_visible(False)
        # A payment is an amount paid, not owed: it is drawn in the monthly panel, on its day at
        # its amount, beside what each plan asks a month (a payment made as agreed sits on the
        # agreement's step), never as a balance in the owed panel.
        self._payments = self.monthly_axes.plot(
            [], [], linestyle="none", marker="o", markersize=6, color=PAYMENT,
            markeredgecolor="white", markeredgewidth=0.8, zorder=6, label=texts["payments"],
            animated=True,
        )[0]  # fmt: skip
        self._claims = self.owed_axes.plot(
            [], [], linestyle="none", marker="X", markersize=8, color=CLAIM,
            markeredgecolor="white", markeredgewidth=0.6, zorder=6, label=texts["claims"],
            animated=True,
        )[0]  # fmt: skip
        self._budget = self.monthly_axes.axhline(
            0, color=TEXT, linewidth=1.1, linestyle=(0, (5, 3)), zorder=4, visible=False
        )
        self._budget_text = self.monthly_axes.text(
            1, 0, "", transform=self.monthly_axes.get_yaxis_transform(), ha="right", va="bottom",
            fontsize=9, color=TEXT, visible=False,
        )  # fmt: skip

        # A thin vertical cursor where the read-out reads; not an axes line, so never in relim.
        self._cursors = []
        for axes in (self.owed_axes, self.monthly_axes):
            cursor = Line2D(
                [0, 0], [0, 1], transform=axes.get_xaxis_transform(), color=MUTED,
                linewidth=0.8, zorder=7, animated=True, visible=False, gid="cursor",
            )  # fmt: skip
            axes.add_artist(cursor)
            self._cursors.append(cursor)

        self.canvas.mpl_connect("motion_notify_event", self._motion)
        self.canvas.mpl_connect("draw_event", self._drawn)
        self.canvas.mpl_connect("pick_event", self._pick)

    def date_rows(self, height: float) -> None:
        """Dates under both panels in a chart tall enough to read one panel far from the other
        (the Overview's, scrolled); in a short one (the Proposals tab's) the dates under the lower
        panel stand right under the upper one too, and the row they would take is the panels'."""
        both = height >= TALL_CHART * self.figure.dpi / 100
        self.owed_axes.tick_params(axis="x", labelbottom=both)

    @staticmethod
    def _dress(axes: Any) -> None:
        axes.set_facecolor("white")
        axes.grid(True, color=GRID, linewidth=0.6)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        for side in ("left", "bottom"):
            axes.spines[side].set_color("#9aa5ae")
        axes.tick_params(colors=MUTED, labelsize=9, labelcolor=TEXT)

    # ----- styles ----------------------------------------------------------------------------

    def _slot(self, key: str) -> int:
        # A plan keeps its colour for its life: the colour follows from its id (the same in every
        # run, whatever the order plans are drawn in); only when another plan shown holds that
        # colour does it take the next free one.
        if key not in self._slots:
            taken = set(self._slots.values())
            count = len(PROPOSALS)
            preferred = zlib.crc32(key.encode("utf-8")) % count
            candidates = [(preferred + k) % count for k in range(count)]
            candidates += [count + k for k in range(len(taken) + 1)]  # then a new line style
            self._slots[key] = next(slot for slot in candidates if slot not in taken)
        return self._slots[key]

    def _style(self, key: str, kind: str) -> _Style:
        if kind == "status_quo":
            return _Style(STATUS_QUO, 2.2, "-", "", 3)
        if kind == "original":
            return _Style(ORIGINAL, 1.4, "--", "", 2)
        if kind == "agreement":
            return _Style(AGREEMENT, 3.2, "-", "", 5)
        slot = self._slot(key)
        return _Style(
            PROPOSALS[slot % len(PROPOSALS)],
            1.6,
            LINESTYLES[slot % len(LINESTYLES)],
            MARKERS[slot % len(MARKERS)],
            4,
        )

    def colour(self, key: str) -> str:
        """The colour of the line (or monthly plan) of ``key``."""
        line = self._lines.get(key) or self._monthly_lines.get(key)
        return str(line.get_color()) if line is not None else TEXT

    @staticmethod
    def marker_colour(claim: bool) -> str:
        return CLAIM if claim else PAYMENT

    @staticmethod
    def _apply(line: Line2D, style: _Style) -> None:
        line.set_color(style.colour)
        line.set_linewidth(style.width)
        line.set_linestyle(style.linestyle)
        line.set_marker(style.marker or "None")
        line.set_markersize(4.5)
        line.set_zorder(style.zorder)

    # ----- data ------------------------------------------------------------------------------

    # Complexity over 10 on purpose: one pass over the chart lines: add, update or drop each.
    def update(  # noqa: C901
        self,
        *,
        lines: Sequence[Series],
        today: date,
        payments: Sequence[Marker],
        claims: Sequence[Marker],
        monthly: Sequence[MonthlyBar],
        month_ends: Mapping[str, date | None],
        budget: Decimal | None,
        budget_text: str,
        legend_labels: Mapping[str, str],
        hidden: Collection[str],
    ) -> None:
        """Bring the artists in line with the data: update kept keys, add new, remove vanished."""
        self._hidden = set(hidden)
        for key in set(self._lines) - {series.key for series in lines}:
            self._lines.pop(key).remove()
            self._kinds.pop(key, None)
            self._points.pop(key, None)
        for key in set(self._monthly_lines) - {bar.key for bar in monthly}:
            self._monthly_lines.pop(key).remove()
            self._over_budget.pop(key).remove()
            self._months.pop(key, None)
            self._over.pop(key, None)
        for key in set(self._slots) - set(self._lines) - set(self._monthly_lines):
            if key not in {s.key for s in lines} and key not in {b.key for b in monthly}:
                del self._slots[key]

        for series in lines:
            points = tuple(series.points)
            line = self._lines.get(series.key)
            if line is None or self._points.get(series.key) != points:
                # Floats only for the artist's coordinates; the exact values stay with the widget.
                x = mdates.date2num([day for day, _ in points]) if points else []
                y = [float(amount) for _, amount in points]
                if line is None:
                    line = self.owed_axes.plot(x, y, animated=True, gid=f"line-{series.key}")[0]
                    self._lines[series.key] = line
                else:
                    line.set_data(x, y)
                self._points[series.key] = points
            # (A line whose points are those it shows keeps its data, and its cached path.)
            # A balance holds from one due date to the next, as the read-out looks it up; the
            # status quo has a point a day and reads better as a smooth line.
            line.set_drawstyle("default" if series.kind == "status_quo" else "steps-post")
            if self._kinds.get(series.key) != series.kind:
                self._apply(line, self._style(series.key, series.kind))
                self._kinds[series.key] = series.kind
            line.set_markevery(max(1, len(points) // 12))  # a dozen markers tell lines apart
            line.set_label(series.label)
            line.set_visible(series.key not in self._hidden)

        kinds = {series.key: series.kind for series in lines}
        budget_y = float(budget) if budget is not None else None
        empty = not monthly and budget is None and not payments
        self._monthly_empty.set_visible(empty)
        self.monthly_axes.tick_params(axis="y", labelleft=not empty)
        for bar in monthly:
            kind = kinds.get(bar.key, "proposal")
            shown = (tuple(bar.months), month_ends[bar.key], budget_y, kind)
            line = self._monthly_lines.get(bar.key)
            if line is None or self._months.get(bar.key) != shown:
                self._monthly_line(bar, line, month_ends[bar.key], budget_y, kind)
                self._months[bar.key] = shown
            line = self._monthly_lines[bar.key]
            fill = self._over_budget[bar.key]
            # A plan never over budget has nothing to hatch: skip drawing its empty polygon.
            fill.set_visible(bar.key not in self._hidden and self._over[bar.key])
            line.set_label(bar.label)
            line.set_visible(bar.key not in self._hidden)

        self._set_markers(self._payments, payments)
        self._set_markers(self._claims, claims)
        today_x = float(mdates.date2num(today))
        for artist in (self._today_line, self._today_line_low):
            artist.set_xdata([today_x, today_x])
            artist.set_visible(True)
        self._today_text.set_x(today_x)
        self._today_text.set_visible(True)
        if budget_y is None:
            self._budget.set_visible(False)
            self._budget_text.set_visible(False)
        else:
            self._budget.set_ydata([budget_y, budget_y])
            self._budget.set_visible(True)
            self._budget_text.set_y(budget_y)
            self._budget_text.set_text(budget_text)
            self._budget_text.set_visible(True)
        self._legend(legend_labels, payments=bool(payments), claims=bool(claims))
        self.rescale()

    def _monthly_line(
        self,
        bar: MonthlyBar,
        line: Line2D | None,
        end: date | None,
        budget: float | None,
        kind: str,
    ) -> None:
        """Give the monthly line of ``bar`` (a new one if ``line`` is None) its steps, style and
        hatched months over ``budget``."""
        x, y = self._month_steps(bar, end)
        if line is None:
            line = self.monthly_axes.plot(
                x, y, drawstyle="steps-post", animated=True, gid=f"monthly-{bar.key}"
            )[0]
            self._monthly_lines[bar.key] = line
            self._over_budget[bar.key] = self.monthly_axes.fill_between(
                x, 0, 0, step="post", color=OVER_BUDGET, alpha=0.22, hatch="////",
                linewidth=0, zorder=1, animated=True,
            )  # fmt: skip
        else:
            line.set_data(x, y)
        line.set_label(bar.label)  # named in the legend when no owed line stands for it
        style = self._style(bar.key, kind)
        self._apply(line, style)
        line.set_marker("None")
        # Thinner than above: plans of similar monthly amounts run close together here.
        line.set_linewidth(2.2 if style.width > 2 else 1.4)
        fill = self._over_budget[bar.key]
        # Whether any month is over the budget: only then has the fill something to hatch.
        self._over[bar.key] = budget is not None and bool(len(x)) and bool((y > budget).any())
        if budget is not None and len(x):
            # Zero-height where under budget: the hatched area is exactly the months over it.
            fill.set_data(x, budget, np.maximum(y, budget))

    @staticmethod
    def _month_steps(bar: MonthlyBar, end: date | None) -> tuple[np.ndarray, np.ndarray]:
        # Each month's payment holds until the next month: the step starts and ends at zero.
        if not bar.months or end is None:
            return np.array([]), np.array([])
        days = [bar.months[0][0], *(day for day, _ in bar.months), end]
        amounts = [0.0, *(float(amount) for _, amount in bar.months), 0.0]
        return mdates.date2num(days), np.array(amounts)

    @staticmethod
    def _set_markers(line: Line2D, markers: Sequence[Marker]) -> None:
        line.set_data(
            mdates.date2num([marker.day for marker in markers]) if markers else [],
            [float(marker.amount) for marker in markers],
        )
        line.set_visible(bool(markers))

    # Complexity over 10 on purpose: the legend entries follow the lines shown, hidden and
    # highlighted.
    def _legend(self, labels: Mapping[str, str], *, payments: bool, claims: bool) -> None:  # noqa: C901
        self._legend_args = (labels, payments, claims)
        handles: list[Any] = list(self._lines.values())
        texts = [_wrap(labels.get(key, line.get_label())) for key, line in self._lines.items()]
        # A monthly line with no owed line of its own (the dashboard's "due each month"): its
        # own entry, or a reader sees a line nobody names.
        for key, monthly in self._monthly_lines.items():
            if key not in self._lines and monthly.get_label():
                handles.append(monthly)
                texts.append(_wrap(monthly.get_label()))
        if payments:
            handles.append(self._payments)
            texts.append(self._texts["payments"])
        if claims:
            handles.append(self._claims)
            texts.append(self._texts["claims"])
        # The entries are the artists and their styles; the texts (with totals) may change alone.
        ncols = 1  # a list beside the plot
        entries = (
            tuple(map(id, handles)),
            tuple(self._kinds.get(key) for key in self._lines),
            ncols,
        )
        old = self.owed_axes.get_legend()
        if entries == self._legend_entries and old is not None:
            for text, new in zip(old.get_texts(), texts, strict=True):
                if text.get_text() != new:
                    text.set_text(new)
            for (handle, text), key in zip(self._legend_pairs(), self._lines, strict=False):
                self._fade(handle, text, key in self._hidden)
            return
        self._legend_entries = entries
        if old is not None:
            old.remove()
        self._legend_keys = {}
        if not handles:
            return
        # A list beside the plot, outside the axes: above it, three proposals took seven rows and
        # left the plot a strip. Long names wrap, so the list never takes most of the width.
        legend = self.owed_axes.legend(
            handles, texts, loc="upper left",
            bbox_to_anchor=(1.01, 1), ncols=ncols, frameon=False, fontsize=9, handlelength=3.2,
            borderaxespad=0.2, labelspacing=0.7,
        )  # fmt: skip
        # Drawn with the data (its totals change with the plans); the layout still measures it.
        legend.set_animated(True)
        keys = list(self._lines)
        for index, (handle, text) in enumerate(
            zip(legend.legend_handles, legend.get_texts(), strict=False)
        ):
            if index >= len(keys) or handle is None:
                continue
            handle.set_picker(6)
            text.set_picker(True)
            self._legend_keys[handle] = keys[index]
            self._legend_keys[text] = keys[index]
            self._fade(handle, text, keys[index] in self._hidden)

    def _legend_pairs(self) -> list[tuple[Any, Any]]:
        pairs: dict[str, list[Any]] = {}
        for artist, owner in self._legend_keys.items():
            pairs.setdefault(owner, []).append(artist)
        return [(pair[0], pair[1]) for pair in pairs.values() if len(pair) == 2]

    def layout_key(self) -> object:
        """What the layout depends on: size, dpi, the widths of the tick labels, the legend's size.

        Digits have one width in the fonts used (tabular figures), so "6,000" and "8,000" take the
        same room: only the shapes of the labels count, and a rescale from 6,000 to 8,000 keeps
        the layout. The same holds for the dates: their height is the font's, and how far the
        first or last sticks out sideways is less than the amount labels (left) and the legend
        (right) take anyway, so a pan along the dates keeps the layout too; only a chart without
        a legend lays out again for each span.
        """
        legend = self.owed_axes.get_legend()
        return (
            tuple(self.figure.bbox.size),
            self.figure.dpi,
            self._ticks_key(legend is None),
            self._legend_size(legend),
        )

    def _ticks_key(self, with_span: bool) -> object:
        """The shapes of the tick labels shown (they follow from the axes' limits and sizes)."""
        owed, monthly = self.owed_axes, self.monthly_axes
        views = (
            tuple(np.round(owed.viewLim.intervalx, 6)),
            tuple(np.round(owed.viewLim.intervaly, 6)),
            tuple(np.round(monthly.viewLim.intervaly, 6)),
            self._monthly_empty.get_visible(),  # the monthly amounts are hidden then
            with_span,
            # How many ticks fit depends on the axes' length in pixels.
            tuple(np.round(owed.bbox.bounds, 3)),
            tuple(np.round(monthly.bbox.bounds, 3)),
        )
        if self._ticks_cache is not None and self._ticks_cache[0] == views:
            return self._ticks_cache[1]
        shapes = []
        for axis, (low, high) in (
            (owed.yaxis, sorted(owed.get_ylim())),
            (monthly.yaxis, sorted(monthly.get_ylim())),
            (owed.xaxis, sorted(owed.get_xlim())),
        ):
            span = (high - low) * 1e-9  # as matplotlib does: ticks outside the view are not drawn
            locs = [v for v in axis.get_major_locator()() if low - span <= v <= high + span]
            formatter = axis.get_major_formatter()
            labels = [*formatter.format_ticks(locs), formatter.get_offset()]
            shapes.append(frozenset(_DIGIT.sub("0", label) for label in labels))
        key = (*shapes, views[3], views[0] if with_span else None)
        self._ticks_cache = (views, key)
        return key

    def legend_width(self) -> float:
        """The legend's width in pixels (0 without one)."""
        legend = self.owed_axes.get_legend()
        return 0.0 if legend is None else float(self._legend_box(legend).width)

    def _legend_size(self, legend: Any) -> tuple[int, int] | None:
        if legend is None:
            return None
        box = self._legend_box(legend)
        return (round(box.width), round(box.height))

    def _legend_box(self, legend: Any) -> Bbox:
        """Where the legend is drawn, in pixels. Measuring it costs a tenth of a draw; it moves
        only with the plot's place and changes size only with its texts' shapes (digits have one
        width), so the measure is kept until one of them changes."""
        texts = tuple(_DIGIT.sub("0", text) for text in self._legend_texts())
        place = (texts, self.figure.dpi, tuple(self.owed_axes.bbox.bounds))
        cached = self._legend_measured
        if cached is not None and cached[0] is legend and cached[1] == place:
            return cached[2]
        box = legend.get_window_extent(self.figure._get_renderer())  # type: ignore[attr-defined]
        self._legend_measured = (legend, place, box.frozen())
        return box

    @staticmethod
    def _fade(handle: Any, text: Any, hidden: bool) -> None:
        handle.set_alpha(0.25 if hidden else 1.0)
        text.set_alpha(0.4 if hidden else 1.0)

    def rescale(self) -> None:
        """Fit the axes to the visible data (owed from zero up) and ask for a redraw."""
        shown = [cursor.get_visible() for cursor in self._cursors]
        for cursor in self._cursors:
            cursor.set_visible(False)  # the pointer's position must not widen the axes
        for axes in (self.owed_axes, self.monthly_axes):
            axes.relim(visible_only=True)
            axes.autoscale_view()
            high = axes.get_ybound()[1]
            if axes.dataLim.y0 >= 0 and high > 0:
                # Amounts are read against zero; a little room below keeps a zero line visible.
                axes.set_ybound(-0.03 * high, high)
        for cursor, visible in zip(self._cursors, shown, strict=True):
            cursor.set_visible(visible)
        self.refresh()

    # ----- drawing ---------------------------------------------------------------------------

    def _data_artists(self) -> list[Any]:
        artists: list[Any] = [*self._lines.values(), *self._monthly_lines.values()]
        artists += [*self._over_budget.values(), self._payments, self._claims, *self._cursors]
        return sorted(artists, key=lambda artist: artist.get_zorder())

    def _legend_texts(self) -> tuple[str, ...]:
        legend = self.owed_axes.get_legend()
        return () if legend is None else tuple(text.get_text() for text in legend.get_texts())

    def _paint_legend(self) -> None:
        # The legend sits above the axes, clear of the (clipped) data, so it can be painted on the
        # background before the data and kept with it until its texts change.
        legend = self.owed_axes.get_legend()
        texts = self._legend_texts()
        if legend is not None:
            # Laying out and drawing the legend costs about a third of a full draw, and most full
            # draws (a rescale, a pan) leave it as it was, or change only a total in it: then its
            # pixels are put back, and only the changed texts are painted again.
            box = self._legend_box(legend)
            box = Bbox.from_extents(box.x0 - 2, box.y0 - 2, box.x1 + 2, box.y1 + 2)
            alphas = tuple(handle.get_alpha() for handle in legend.legend_handles if handle)
            place = (alphas, tuple(np.round(box.bounds, 3)), self.figure.dpi)
            cached = self._legend_key
            if isinstance(cached, tuple) and cached[1] == place and cached[0] == texts:
                self.canvas.restore_region(self._legend_pixels)
            elif (
                isinstance(cached, tuple)
                and cached[1] == place
                and self._same_shapes(cached[0], texts)
            ):
                self.canvas.restore_region(self._legend_pixels)
                self._repaint_texts(cached[0], texts)
                self._legend_pixels = self.canvas.copy_from_bbox(box)
            else:
                self.figure.draw_artist(legend)
                self._legend_pixels = self.canvas.copy_from_bbox(box)
            self._legend_key = (texts, place)
        self._with_legend = self.canvas.copy_from_bbox(self.figure.bbox)
        self._legend_painted = texts

    @staticmethod
    def _same_shapes(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
        # Digits have one width (tabular figures): "9,348.71" and "9,536.34" take the same room.
        return len(old) == len(new) and all(
            _DIGIT.sub("0", a) == _DIGIT.sub("0", b) for a, b in zip(old, new, strict=True)
        )

    def _repaint_texts(self, old: tuple[str, ...], new: tuple[str, ...]) -> None:
        """Repaint, in place, the legend texts that changed (a plan's total) from ``old``.

        Same shapes mean the same widths, so the legend's layout holds: each changed text gets
        the background without the legend put back under it, then is drawn anew.
        """
        legend = self.owed_axes.get_legend()
        assert legend is not None  # texts differ, so there is a legend
        renderer = self.figure._get_renderer()  # type: ignore[attr-defined]
        height = self.figure.bbox.height
        for text, before, after in zip(legend.get_texts(), old, new, strict=True):
            if before == after:
                continue
            box = text.get_window_extent(renderer)
            # Agg reads a partial bbox in the buffer's rows counted from the top, and xy as an
            # offset: (0, 0) puts the piece of the whole-figure background back where it was.
            extents = (box.x0 - 2, height - box.y1 - 2, box.x1 + 2, height - box.y0 + 2)
            self.canvas.restore_region(self._background, bbox=extents, xy=(0, 0))
            self.figure.draw_artist(text)

    def _frame(self) -> tuple[object, object, object]:
        """Everything drawn around the data: when it is unchanged, the background still holds.

        In three parts: what both panels share (the layout, today, the legend's entries), what the
        owed panel shows (the dates, its amounts), what the monthly panel shows (the dates, its
        amounts, the budget). When the shared part is unchanged, only the panels whose part
        changed are drawn again (``_repaint_panels``): one when its amounts' axis moved, both
        when the dates did.
        """
        # Rounded far below a pixel: autoscaling the same data again may differ in the last bit.
        dates = tuple(np.round(self.owed_axes.viewLim.intervalx, 4))  # both panels show them
        return (
            (
                self.layout_key(),
                self._legend_entries,
                frozenset(self._hidden),
                tuple(self._today_line.get_xdata()),
            ),
            (dates, tuple(np.round(self.owed_axes.viewLim.intervaly, 4))),
            (
                dates,
                tuple(np.round(self.monthly_axes.viewLim.intervaly, 4)),
                self._monthly_empty.get_visible(),
                self._budget.get_visible(),
                tuple(self._budget.get_ydata()),
                self._budget_text.get_text(),
            ),
        )

    def _drawn(self, _event: Any) -> None:
        # A full draw just painted everything but the data: keep it, then paint the data on top.
        if self._exporting:
            return
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self._drawn_frame = self._frame()
        self._drawn_bounds = self._bounds()
        self._paint_legend()
        for artist in self._data_artists():
            self.figure.draw_artist(artist)
        self.full_draws += 1

    def refresh(self) -> None:
        """Show the current data: repaint only the data when the frame is unchanged (at once),
        else draw again what changed when Qt is idle (the panels that moved, or everything)."""
        if self._background is not None and self._frame() == self._drawn_frame:
            self._blit_data()
            return
        if not self._repaint_pending:
            # Several changes in one go (new data, then lines hidden) make one repaint.
            self._repaint_pending = True
            QTimer.singleShot(0, self.canvas, self._repaint)  # dropped with the canvas

    def _repaint(self) -> None:
        """Bring the canvas up to date: the data alone, the panels whose axes moved, or all."""
        if not self._repaint_pending:
            return
        self._repaint_pending = False
        if self.canvas.width() <= 0 or self.canvas.height() <= 0 or self._exporting:
            return  # as matplotlib's draw_idle: nothing to show yet
        frame = self._frame()
        if self._background is None or not isinstance(self._drawn_frame, tuple):
            self.canvas.draw()
        elif frame == self._drawn_frame:
            self._blit_data()
        elif frame[0] != self._drawn_frame[0] or not self._repaint_panels(frame):
            self.canvas.draw()

    def _bounds(self) -> tuple[float, float]:
        """Where the panels' pixels reach (rows counted from the bottom): the highest of the
        monthly panel and the lowest of the owed one, each with a margin.

        The owed panel's dates (and tick marks) stick out below it; the monthly panel's
        amount labels stick out above it by half their height when a tick sits at its top, as the
        owed panel's do below it when one sits at its bottom.
        """
        owed, monthly = self.owed_axes, self.monthly_axes
        points = self.figure.dpi / 72
        ticks_out = float(owed.xaxis.get_major_ticks()[0].tick1line.get_markersize()) * points
        low = owed.bbox.y0 - ticks_out - 2
        renderer = self.figure._get_renderer()  # type: ignore[attr-defined]
        for tick in owed.xaxis.get_major_ticks():
            # the owed panel's dates under it (one height for all: measure one with a text)
            if tick.label1.get_visible() and tick.label1.get_text():
                low = min(low, float(tick.label1.get_window_extent(renderer).y0) - 2)
                break
        high = monthly.bbox.y1 + 2
        for axes, top in ((monthly, True), (owed, False)):
            if not axes.yaxis.get_tick_params().get("labelleft", True):
                continue
            lower, upper = sorted(axes.get_ybound())
            span = (upper - lower) * 1e-9
            locs = [
                v for v in axes.yaxis.get_major_locator()() if lower - span <= v <= upper + span
            ]
            if not locs:
                continue
            above, below = self._label_reach(axes)
            rows = axes.transData.transform([(0.0, v) for v in locs])[:, 1]
            if top:
                high = max(high, float(rows.max()) + above + 2)
            else:
                low = min(low, float(rows.min()) - below - 2)
        return high, low

    def _label_reach(self, axes: Any) -> tuple[float, float]:
        """How far an amount label reaches above and below its tick, in pixels.

        Every label of an axis has one height (the font's ascent and descent, whatever the
        digits), so one label measured tells it for all; before any has a text, the font's size
        in pixels either way (more than enough).
        """
        size = axes.yaxis.get_major_ticks()[0].label1.get_fontsize() * self.figure.dpi / 72
        renderer = self.figure._get_renderer()  # type: ignore[attr-defined]
        for tick in axes.yaxis.get_major_ticks():
            label = tick.label1
            if label.get_text():
                box = label.get_window_extent(renderer)
                y = label.get_transform().transform(label.get_position())[1]
                return float(box.y1 - y), float(y - box.y0)
        return size, size

    def _repaint_panels(self, frame: tuple[object, object, object]) -> bool:
        """Draw again only the panels whose part of the frame changed, over the kept background,
        then the legend and the data. False when the panels' pixels cannot be told apart (then
        the caller draws everything).

        The layout is the one drawn (the frame's shared part, with the layout's key, is the
        same), so every artist stands where it stood: a panel's side of the background is cleared
        to the figure's colour and that panel (its non-animated artists) drawn on it again; the
        figure has nothing else there (the legend is painted with the data).
        """
        drawn, before = self._drawn_frame, self._drawn_bounds
        assert isinstance(drawn, tuple)
        bounds = self._bounds()
        # One row parts the panels in the frame drawn and in the new one alike.
        high, low = max(bounds[0], before[0]), min(bounds[1], before[1])
        if high >= low:
            return False
        split = int((high + low) / 2)
        self.canvas.restore_region(self._background)
        # The Agg buffer, rows from the top: the figure's colour under the panel, as the figure's
        # patch paints it at the start of a full draw.
        pixels = np.asarray(self.canvas.get_renderer().buffer_rgba())
        height = pixels.shape[0]
        colour = np.round(np.asarray(to_rgba(self.figure.get_facecolor())) * 255).astype(np.uint8)
        under_legend = self._under_legend(pixels)
        kept = None if under_legend is None else pixels[under_legend].copy()
        for part, axes in ((1, self.owed_axes), (2, self.monthly_axes)):
            if frame[part] == drawn[part]:
                continue
            if axes is self.owed_axes:
                pixels[: height - split, :] = colour
            else:
                pixels[height - split :, :] = colour
            self.figure.draw_artist(axes)
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self._drawn_frame, self._drawn_bounds = frame, bounds
        if under_legend is not None and not np.array_equal(kept, pixels[under_legend]):
            self._legend_key = None  # its kept pixels hold what was under it before
        self._paint_legend()
        for artist in self._data_artists():
            self.figure.draw_artist(artist)
        self.canvas.blit(self.figure.bbox)
        self.blits += 1
        self.panel_draws += 1
        return True

    def _under_legend(self, pixels: np.ndarray) -> tuple[slice, slice] | None:
        """The rows and columns of the Agg buffer that the legend's kept pixels cover."""
        legend = self.owed_axes.get_legend()
        if legend is None:
            return None
        box = self._legend_box(legend)
        height, width = pixels.shape[:2]
        rows = slice(max(0, int(height - box.y1 - 3)), min(height, int(height - box.y0 + 3)))
        return rows, slice(max(0, int(box.x0 - 3)), min(width, int(box.x1 + 3)))

    def _blit_data(self) -> None:
        """Repaint the data (and the legend's changed texts) over the kept background."""
        texts = self._legend_texts()
        if texts == self._legend_painted:
            self.canvas.restore_region(self._with_legend)
        elif self._same_shapes(self._legend_painted, texts):
            self.canvas.restore_region(self._with_legend)
            self._repaint_texts(self._legend_painted, texts)
            self._with_legend = self.canvas.copy_from_bbox(self.figure.bbox)
            self._legend_painted = texts
            self._legend_key = None  # the kept legend pixels show the old texts
        else:  # the legend's entries changed size: lay it out and paint it again
            self.canvas.restore_region(self._background)
            self._paint_legend()
        for artist in self._data_artists():
            self.figure.draw_artist(artist)
        self.canvas.blit(self.figure.bbox)
        self.blits += 1

    @contextmanager
    def saving(self) -> Iterator[None]:
        """While a file is written: no cursor in it, and no background kept from its renders.

        (matplotlib draws animated artists too when saving, so the data needs nothing more.)
        """
        shown = [cursor.get_visible() for cursor in self._cursors]
        for cursor in self._cursors:
            cursor.set_visible(False)
        self._exporting = True
        try:
            yield
        finally:
            for cursor, visible in zip(self._cursors, shown, strict=True):
                cursor.set_visible(visible)
            self._exporting = False
            self._background = None  # the canvas may hold a print-size render now
            self._legend_key = None
            self.canvas.draw_idle()

    def set_visible(self, key: str, visible: bool) -> None:
        """Show or hide the artists of ``key`` and fade its legend entry."""
        if visible:
            self._hidden.discard(key)
        else:
            self._hidden.add(key)
        for artist in (self._lines.get(key), self._monthly_lines.get(key)):
            if artist is not None:
                artist.set_visible(visible)
        fill = self._over_budget.get(key)
        if fill is not None:
            fill.set_visible(visible and self._over.get(key, False))
        for handle, text in self._legend_pairs():
            if self._legend_keys[handle] == key:
                self._fade(handle, text, not visible)
        self.rescale()

    def line(self, key: str) -> Line2D:
        return self._lines[key]

    def monthly_line(self, key: str) -> Line2D:
        return self._monthly_lines[key]

    def over_budget(self, key: str) -> FillBetweenPolyCollection:
        return self._over_budget[key]

    # ----- events and export -----------------------------------------------------------------

    def _motion(self, event: Event) -> None:
        xdata = getattr(event, "xdata", None)
        inside = getattr(event, "inaxes", None) in (self.owed_axes, self.monthly_axes)
        if inside and xdata is not None:
            self._on_hover(float(xdata))
            self.show_cursor(float(xdata))
        elif self._cursors[0].get_visible():
            self.show_cursor(None)

    @property
    def cursor_x(self) -> float | None:
        """Where the read-out's cursor stands (a date number), or None when it is hidden."""
        cursor = self._cursors[0]
        return float(cursor.get_xdata()[0]) if cursor.get_visible() else None  # type: ignore[index]

    def show_cursor(self, x: float | None) -> None:
        """Draw the read-out's vertical cursor at date number ``x`` (None: hide it)."""
        for cursor in self._cursors:
            cursor.set_visible(x is not None)
            if x is not None:
                cursor.set_xdata([x, x])
        if self._background is not None:  # before the first draw there is nothing to move on
            self.refresh()

    def _pick(self, event: Event) -> None:
        key = self._legend_keys.get(getattr(event, "artist", None))
        if key is not None:
            self._on_legend_toggle(key)

    def export(self, path: Path, *, fmt: str) -> None:
        """Save at print size: PNG at 200 dpi, SVG as vectors. The window's figure size is kept."""
        size = self.figure.get_size_inches().copy()
        self.figure.set_size_inches(EXPORT_SIZE, forward=False)
        try:
            with self.saving():
                self.figure.savefig(
                    path, format=fmt, dpi=PNG_DPI if fmt == "png" else 100, facecolor="white"
                )
        finally:
            self.figure.set_size_inches(size, forward=False)
            self.canvas.draw_idle()
