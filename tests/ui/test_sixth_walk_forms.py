"""Issue 13 (the sixth walk): forms and views a person can use without surprises - the chart
keeps its height whatever the read-out says, the proposal form stays put and in order."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtWidgets import QWidget

from ashore.ui.chart.view import Marker, MonthlyBar, NegotiationChart, Series

TODAY = date(2026, 12, 2)
OWED = Decimal("9361.91")
NAMES = ("24 months, penalty waived", "500 a month", "Settle for 7000")


def _walk_chart(chart: NegotiationChart) -> None:
    """The walker's chart: doing nothing, the original schedule, three plans, payments, claims."""
    days = [TODAY + timedelta(days=30 * n) for n in range(25)]
    growing = [(d, OWED + Decimal(n * 73)) for n, d in enumerate(days)]
    lines = [
        Series("status_quo", "If nothing is paid", growing, "status_quo"),
        Series("original", "Original schedule", [(TODAY, OWED)], "original"),
    ]
    monthly = []
    for index, name in enumerate(NAMES):
        key = f"p{index}"
        first = Decimal("364.70") * (index + 1)
        points = [(d, max(Decimal(0), OWED - first * n)) for n, d in enumerate(days)]
        lines.append(Series(key, name, points, "proposal"))
        monthly.append(MonthlyBar(key, name, [(d, first) for d in days[1:]]))
    paid = [Marker(TODAY - timedelta(days=200 - 30 * n), Decimal("800.00"), "") for n in range(4)]
    claims = [Marker(TODAY - timedelta(days=3), Decimal("9800.00"), "SMS")]
    chart.set_data(lines=lines, today=TODAY, payments=paid, claims=claims, monthly=monthly)


def _owed_height(chart: NegotiationChart) -> float:
    chart.canvas.draw()
    return float(chart.plot.owed_axes.get_window_extent().height)


def test_the_chart_keeps_its_height_when_the_read_out_is_long(qtbot) -> None:
    """Three plans: the read-out of a day names five lines. It stays in its one row (elided,
    whole in its tooltip) and the plot keeps its height; the legend (seven entries) beside the
    plot no longer squashes the owed panel to a strip."""
    holder = QWidget()
    qtbot.addWidget(holder)
    chart = NegotiationChart(holder, currency="CNY", locale="en")
    holder.resize(832, 250)  # the chart's share of the Proposals tab at 1280×800
    chart.resize(832, 250)
    holder.show()
    _walk_chart(chart)
    qtbot.wait(20)
    label = chart.findChild(QWidget, "chartReadout")
    label_before, canvas_before = label.height(), chart.canvas.height()
    owed_before = _owed_height(chart)
    assert owed_before >= 0.4 * canvas_before, (owed_before, canvas_before)  # was 9 of 209 px

    from matplotlib.dates import date2num

    text = chart.hover_at(float(date2num(date(2027, 12, 9))))
    qtbot.wait(20)
    assert all(name in text for name in NAMES)  # the figures are all there in plain text
    assert all(name in label.toolTip() for name in NAMES)  # and whole in the tooltip
    assert label.height() == label_before
    assert chart.canvas.height() == canvas_before
    assert _owed_height(chart) == owed_before
    # what the label shows fits its height: no third line cut in half
    assert label.heightForWidth(label.width()) <= label.height()
