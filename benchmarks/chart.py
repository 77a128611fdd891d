"""How long the negotiation chart takes to show a changed proposal, against a bare matplotlib draw.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/chart.py [--rounds N]
Prints the median update-to-drawn time of the widget (6 proposals x 60 months + a 365-day status
quo), the median bare draw of the same lines on the same canvas, and their ratio (aim: < 1.5x),
when the frame stays and when the axes move; then the proposal-edit path's chart part on the
sample book (from the service's new curves to the chart drawn).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import relativedelta
from PySide6.QtWidgets import QApplication

from ashore.domain.money import round_money
from ashore.ui.chart.view import MonthlyBar, NegotiationChart, Series

TODAY = date(2026, 11, 28)
OWED = Decimal("9348.71")
PROPOSALS = 6
MONTHS = 60


def status_quo() -> Series:
    step = Decimal("6600.96") * Decimal("0.0005")
    points = [(TODAY + timedelta(days=n), round_money(OWED + step * n)) for n in range(365)]
    return Series("status_quo", "If nothing is paid", points, "status_quo")


def proposal(index: int, payment: Decimal) -> tuple[Series, MonthlyBar]:
    """A 60-month plan at 6 % a year paying ``payment`` a month; the last month pays the rest."""
    rate = Decimal("0.005")
    balance = OWED
    points = [(TODAY, balance)]
    months = []
    for k in range(MONTHS):
        due = date(2026, 12, 15 + index) + relativedelta(months=k)
        interest = round_money(balance * rate)
        pay = min(payment, balance + interest) if k < MONTHS - 1 else balance + interest
        balance += interest - pay
        points.append((due, balance))
        months.append((due, pay))
    label = f"Plan {index + 1}"
    kind = "agreement" if index == 0 else "proposal"
    return Series(f"p{index}", label, points, kind), MonthlyBar(f"p{index}", label, months)


def dataset(changed: Decimal) -> dict[str, object]:
    lines: list[Series] = [status_quo()]
    bars: list[MonthlyBar] = []
    for index in range(PROPOSALS):
        payment = changed if index == 2 else Decimal(150 + 10 * index)
        series, bar = proposal(index, payment)
        lines.append(series)
        bars.append(bar)
    return {"lines": lines, "today": TODAY, "monthly": bars, "budget": Decimal("1500.00")}


def frames(chart: NegotiationChart) -> int:
    """Frames put on the canvas so far: full draws plus data-only repaints (blits)."""
    return chart.plot.full_draws + chart.plot.blits


def panel_draws(chart: NegotiationChart) -> int:
    """Frames that drew only the panels whose axes moved (0 on a chart from before them, so that
    this script measures the "before" too)."""
    return int(getattr(chart.plot, "panel_draws", 0))


def widget_round(app: QApplication, chart: NegotiationChart, data: dict[str, object]) -> float:
    """From set_data with one proposal changed to the new frame on the canvas.

    set_data either repaints the data at once (blit) or asks for draw_idle; Qt events are processed
    until a frame has been put on the canvas, which covers both.
    """
    before = frames(chart)
    start = time.perf_counter()
    chart.set_data(**data)  # type: ignore[arg-type]
    while frames(chart) == before:
        app.processEvents()
    return time.perf_counter() - start


def full_round(app: QApplication, chart: NegotiationChart) -> float:
    """One forced full draw of the widget's figure (what an update costs when the frame changes)."""
    start = time.perf_counter()
    chart.canvas.draw()  # type: ignore[attr-defined]
    app.processEvents()
    return time.perf_counter() - start


class BareFigure:
    """The same Line2D (same data, drawstyles) as the widget in a plain Figure, on its canvas."""

    def __init__(self, chart: NegotiationChart):
        from matplotlib.figure import Figure

        self.canvas = chart.canvas
        self.own = self.canvas.figure  # type: ignore[attr-defined]
        self.figure = Figure(figsize=self.own.get_size_inches(), dpi=self.own.dpi)
        top = self.figure.add_subplot(211)
        low = self.figure.add_subplot(212, sharex=top)
        self.axes = (top, low)
        self.count = 0
        for line in chart.plot.owed_axes.lines + chart.plot.monthly_axes.lines:
            if line.get_gid() == "cursor":  # the hover cursor: hidden, not part of the chart
                continue
            axes = top if line.axes is chart.plot.owed_axes else low
            x, y = line.get_data()
            axes.plot(x, y, drawstyle=line.get_drawstyle())
            self.count += 1

    def draw(self) -> float:
        """Time one canvas.draw() of the bare figure, then give the canvas back to the widget."""
        self.canvas.figure = self.figure  # type: ignore[attr-defined]
        self.figure.set_canvas(self.canvas)  # type: ignore[arg-type]
        try:
            for axes in self.axes:
                axes.lines[0].set_ydata(axes.lines[0].get_ydata())  # stale, like an update
            start = time.perf_counter()
            self.canvas.draw()  # type: ignore[attr-defined]
            return time.perf_counter() - start
        finally:
            self.canvas.figure = self.own  # type: ignore[attr-defined]
            self.own.set_canvas(self.canvas)


def edit_round(
    app: QApplication, chart: NegotiationChart, loan: Any, months: int
) -> tuple[float, float]:
    """A proposal's months changed as the proposal form shows it: (curves, chart) seconds.

    Curves: the plan worked out and the loan's chart figures made (``loan_chart``, the service).
    Chart: from those figures handed to the chart (``show_on_chart``, as the window does) until
    they are on the canvas.
    """
    from dataclasses import replace

    from ashore.services import plans
    from ashore.services.views.chart import loan_chart
    from ashore.ui.widgets.workspace import show_on_chart

    start = time.perf_counter()
    proposal = next(p for p in loan.proposals if p.method == "reamortize")
    proposal = replace(proposal, params={**proposal.params, "months": months})
    data = loan_chart(loan, TODAY, None, [(proposal, plans.plan_in_force(loan, proposal))])
    curves = time.perf_counter()
    before = frames(chart)
    show_on_chart(chart, data)
    while frames(chart) == before:
        app.processEvents()
    return curves - start, time.perf_counter() - curves


def edit_scenario(app: QApplication, rounds: int) -> None:
    """The proposal-edit path's chart part, on the sample book's 借呗 loan (its 24-month plan
    made 23 or 25 months each round), against a bare draw of the same lines."""
    import tempfile
    from pathlib import Path

    from ashore.app.paths import DataDir
    from ashore.services import Ledger

    with tempfile.TemporaryDirectory() as folder:
        ledger = Ledger.open(DataDir(Path(folder) / "data"))
        try:
            ledger.load_sample()
            loan = ledger.loan("jb-2026-01")
        finally:
            ledger.close()
    chart = NegotiationChart()
    chart.resize(1280, 800)
    chart.show()
    app.processEvents()
    edit_round(app, chart, loan, 24)
    chart.canvas.draw()
    app.processEvents()
    curves, drawn, bare = [], [], []
    for n in range(rounds):
        worked, shown = edit_round(app, chart, loan, 23 if n % 2 else 25)
        curves.append(worked)
        drawn.append(shown)
        bare.append(BareFigure(chart).draw())
    curves_ms = statistics.median(curves) * 1000
    drawn_ms = statistics.median(drawn) * 1000
    bare_ms = statistics.median(bare) * 1000
    print(
        f"[proposal edit, sample book] {panel_draws(chart)} panel repaints, "
        f"{chart.plot.full_draws} full draws in all"
    )
    print(f"  curves worked out (plan + loan_chart):                   {curves_ms:7.1f} ms")
    print(f"  chart part (show_on_chart -> drawn):                     {drawn_ms:7.1f} ms")
    print(f"  bare matplotlib draw of the same lines:                 {bare_ms:7.1f} ms")
    print(f"  ratio of the chart part: {drawn_ms / bare_ms:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    chart = NegotiationChart()
    chart.resize(1280, 800)
    chart.show()
    app.processEvents()
    chart.set_data(**dataset(Decimal("300")))  # type: ignore[arg-type]
    chart.canvas.draw()
    app.processEvents()
    bare_figure = BareFigure(chart)
    bare_figure.draw()  # warm-up: the first draw fills font and text caches
    size = chart.canvas.size()
    print(
        f"canvas {size.width()}x{size.height()} px, {args.rounds} rounds, "
        f"{bare_figure.count} Line2D; widget vs bare draw interleaved, medians"
    )
    # Plan 3 changes each round. Same frame: its payment (and total, shown in the legend) changes
    # but the axes keep their limits. Axes move: its last payment becomes the largest of all, so
    # the monthly axis rescales and its tick labels change.
    scenarios = {
        "same frame": [Decimal(200 + (n % 7) * 25) for n in range(args.rounds)],
        "axes move": [Decimal(60 if n % 2 else 90) for n in range(args.rounds)],
    }
    for name, payments in scenarios.items():
        updates, bare, full = [], [], []
        blitted = panels = 0
        # Interleaved, so that load from elsewhere on the machine touches all three alike.
        for payment in payments:
            blits, panels_before = chart.plot.blits, panel_draws(chart)
            updates.append(widget_round(app, chart, dataset(payment)))
            panels += panel_draws(chart) - panels_before
            blitted += chart.plot.blits - blits - (panel_draws(chart) - panels_before)
            full.append(full_round(app, chart))
            bare.append(bare_figure.draw())
        widget_ms = statistics.median(updates) * 1000
        bare_ms = statistics.median(bare) * 1000
        full_ms = statistics.median(full) * 1000
        print(
            f"[{name}] of {len(payments)} updates, {blitted} repainted only the data layer, "
            f"{panels} only the panel whose axes moved (and the data)"
        )
        print(f"  widget update (set_data, one proposal changed -> drawn): {widget_ms:7.1f} ms")
        print(f"  bare matplotlib draw of the same lines:                 {bare_ms:7.1f} ms")
        print(f"  ratio: {widget_ms / bare_ms:.2f}x (aim: under 1.5x)")
        print(f"  (forced full redraw of the widget: {full_ms:.1f} ms = {full_ms / bare_ms:.2f}x)")
    edit_scenario(app, args.rounds)


if __name__ == "__main__":
    main()
