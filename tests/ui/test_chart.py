"""The negotiation chart: exact data in the artists, reuse, hiding, export, hover read-out."""

from __future__ import annotations

import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from ashore.app.errors import InputError
from ashore.ui.chart.view import Marker, MonthlyBar, NegotiationChart, Series

TODAY = date(2026, 11, 28)
OWED = Decimal("9348.71")
JANUARY = Decimal("8936.34")  # the default plan's January payment: the top of the monthly axis


def status_quo(days: int = 30) -> Series:
    # The worked example: 9,348.71 owed today, penalty 0.05 % a day on the 6,600.96 overdue.
    points = [
        (TODAY + timedelta(days=n), (OWED + Decimal("6600.96") * Decimal("0.0005") * n).quantize(
            Decimal("0.01")
        ))
        for n in range(days)
    ]  # fmt: skip
    return Series("status_quo", "If nothing is paid", points, "status_quo")


def plan(key: str = "ream", first: Decimal = Decimal("412.37"), kind: str = "proposal") -> Series:
    points = [(TODAY, OWED), (date(2026, 12, 15), OWED - first), (date(2027, 1, 15), Decimal("0"))]
    return Series(key, f"Plan {key}", points, kind)  # type: ignore[arg-type]


def monthly(key: str = "ream", first: Decimal = Decimal("412.37")) -> MonthlyBar:
    return MonthlyBar(
        key, f"Plan {key}", [(date(2026, 12, 15), first), (date(2027, 1, 15), OWED - first)]
    )


@pytest.fixture
def chart(qtbot) -> NegotiationChart:  # type: ignore[no-untyped-def]
    widget = NegotiationChart(currency="CNY", locale="en")
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


def fill(chart: NegotiationChart, **extra: object) -> None:
    chart.set_data(
        lines=[status_quo(), plan()],
        today=TODAY,
        monthly=[monthly()],
        budget=Decimal("1500.00"),
        **extra,  # type: ignore[arg-type]
    )


def test_importing_the_chart_module_does_not_import_matplotlib() -> None:
    code = (
        "import sys; import ashore.ui.chart.view; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_line_data_is_the_given_points_as_date_numbers_and_floats(chart: NegotiationChart) -> None:
    from matplotlib.dates import date2num

    fill(chart)
    series = plan()
    data = chart.line_data("ream")
    assert data.shape == (3, 2)
    assert list(data[:, 0]) == [date2num(day) for day, _ in series.points]
    assert list(data[:, 1]) == [9348.71, 8936.34, 0.0]
    quo = chart.line_data("status_quo")
    assert quo[0, 1] == 9348.71
    assert quo[29, 1] == 9444.42  # 9,348.71 + 29 days × 3.30048, rounded half-up per day
    assert quo[29, 0] - quo[0, 0] == 29


def test_set_data_with_the_same_keys_reuses_the_artists(chart: NegotiationChart) -> None:
    fill(chart)
    line = chart.plot.line("ream")
    quo = chart.plot.line("status_quo")
    month = chart.plot.monthly_line("ream")
    over = chart.plot.over_budget("ream")
    count = len(chart.plot.owed_axes.lines)
    chart.set_data(
        lines=[status_quo(), plan(first=Decimal("500.00"))],
        today=TODAY,
        monthly=[monthly(first=Decimal("500.00"))],
        budget=Decimal("1500.00"),
    )
    assert chart.plot.line("ream") is line
    assert chart.plot.line("status_quo") is quo
    assert chart.plot.monthly_line("ream") is month
    assert chart.plot.over_budget("ream") is over
    assert len(chart.plot.owed_axes.lines) == count
    assert chart.line_data("ream")[1, 1] == 8848.71  # the new figures reached the same artist


def test_an_update_in_the_same_frame_repaints_only_the_data_and_matches_a_full_draw(
    chart: NegotiationChart,
) -> None:
    import numpy as np

    fill(chart)
    chart.canvas.draw()
    chart.canvas.draw()  # the very first draw's text antialiasing differs a little from later ones
    full_draws, blits = chart.plot.full_draws, chart.plot.blits
    # The plan changes within the same limits and ticks (its total, in the legend, changes too):
    # only the data and the legend are repainted.
    december, january = date(2026, 12, 15), date(2027, 1, 15)
    chart.set_data(
        lines=[status_quo(), plan(first=Decimal("600.00"))],
        today=TODAY,
        monthly=[MonthlyBar("ream", "Plan ream", [(december, Decimal("600")), (january, JANUARY)])],
        budget=Decimal("1500.00"),
    )
    assert (chart.plot.full_draws, chart.plot.blits) == (full_draws, blits + 1)
    legend = [text.get_text() for text in chart.plot.owed_axes.get_legend().get_texts()]
    assert "Plan ream · 9,536.34 in total" in legend
    blitted = np.asarray(chart.canvas.buffer_rgba()).copy()
    chart.canvas.draw()
    assert chart.plot.full_draws == full_draws + 1
    assert np.array_equal(blitted, np.asarray(chart.canvas.buffer_rgba()))
    # A change of the frame (a larger amount moves the y axis) asks for a full draw instead.
    chart.set_data(lines=[status_quo(), plan(), plan("big", kind="proposal")], today=TODAY)
    assert chart.plot.blits == blits + 1


def test_a_full_redraw_that_reuses_the_legend_matches_a_chart_drawn_from_scratch(
    chart: NegotiationChart, qtbot
) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    final = {
        "lines": [status_quo(), plan(first=Decimal("600.00"))],
        "today": TODAY,
        # January's 9,000.00 moves the monthly axis (a full redraw); the total keeps its shape.
        "monthly": [
            MonthlyBar(
                "ream",
                "Plan ream",
                [(date(2026, 12, 15), Decimal("600")), (date(2027, 1, 15), Decimal("9000"))],
            )
        ],
        "budget": Decimal("1500.00"),
    }
    fill(chart)
    chart.canvas.draw()
    chart.set_data(**final)  # type: ignore[arg-type]
    full_draws = chart.plot.full_draws
    chart.canvas.draw()
    chart.canvas.draw()
    assert chart.plot.full_draws == full_draws + 2
    fresh = NegotiationChart()
    qtbot.addWidget(fresh)
    fresh.set_data(**final)  # type: ignore[arg-type]
    fresh.canvas.draw()
    fresh.canvas.draw()
    reused = np.asarray(chart.canvas.buffer_rgba()).astype(int)
    scratch = np.asarray(fresh.canvas.buffer_rgba()).astype(int)
    # Layouts found from different histories may differ in the 16th digit, which can shade a
    # few edge pixels by one level; a stale total in the legend would differ by far more.
    difference = np.abs(reused - scratch)
    assert difference.max() <= 1
    assert np.count_nonzero(difference.any(axis=2)) < 100


def test_a_new_key_adds_a_line_and_a_vanished_key_removes_it(chart: NegotiationChart) -> None:
    fill(chart)
    gone = chart.plot.line("ream")
    chart.set_data(lines=[status_quo(), plan("lump")], today=TODAY)
    assert gone not in chart.plot.owed_axes.lines
    assert gone.axes is None
    assert chart.plot.line("lump") in chart.plot.owed_axes.lines
    with pytest.raises(InputError, match=r"^key: 'ream' is not a line"):
        chart.line_data("ream")
    legend = [text.get_text() for text in chart.plot.owed_axes.get_legend().get_texts()]
    assert not any("Plan ream" in text for text in legend)
    assert any("Plan lump" in text for text in legend)


def test_set_visible_hides_a_line_and_drops_it_from_the_readout(chart: NegotiationChart) -> None:
    from matplotlib.dates import date2num

    fill(chart)
    assert "8,936.34" in chart.hover_at(date2num(date(2026, 12, 20)))
    chart.set_visible("ream", False)
    assert not chart.plot.line("ream").get_visible()
    assert not chart.plot.monthly_line("ream").get_visible()
    assert chart.plot.line("status_quo").get_visible()
    assert "8,936.34" not in chart.readout_text()  # the read-out follows at once
    # A later update with the same keys keeps it hidden.
    fill(chart)
    assert not chart.plot.line("ream").get_visible()
    chart.set_visible("ream", True)
    assert chart.plot.line("ream").get_visible()
    with pytest.raises(InputError, match=r"^key: 'nope' is not a line"):
        chart.set_visible("nope", False)


def test_clicking_a_legend_entry_toggles_its_line(chart: NegotiationChart) -> None:
    from matplotlib.backend_bases import MouseEvent, PickEvent

    fill(chart)
    chart.canvas.draw()
    legend = chart.plot.owed_axes.get_legend()
    handle = legend.legend_handles[1]  # the order of set_data: status quo, then "ream"
    click = MouseEvent("button_press_event", chart.canvas, 10, 10, button=1)
    PickEvent("pick_event", chart.canvas, click, handle)._process()
    assert not chart.plot.line("ream").get_visible()
    assert handle.get_alpha() == 0.25
    PickEvent("pick_event", chart.canvas, click, legend.get_texts()[1])._process()
    assert chart.plot.line("ream").get_visible()


def test_hover_shows_the_exact_decimal_figures_of_the_visible_lines(
    chart: NegotiationChart,
) -> None:
    from matplotlib.backend_bases import MouseEvent
    from matplotlib.dates import date2num

    fill(chart, payments=[Marker(TODAY, Decimal("100.10"), "WeChat")])
    text = chart.hover_at(date2num(TODAY) + 0.6)  # within the day: still that day's figures
    assert "Nov 28, 2026" in text
    assert "If nothing is paid 9,348.71" in text
    assert "Plan ream 9,348.71" in text
    assert "WeChat (paid) 100.10" in text
    text = chart.hover_at(date2num(date(2027, 1, 15)))
    assert "Plan ream 0.00 (8,936.34 a month)" in text  # the last month's payment, exactly
    assert "If nothing is paid" not in text  # past the last point of the status quo

    # The same through a real mouse move over the canvas.
    chart.canvas.draw()
    axes = chart.plot.owed_axes
    x_px, y_px = axes.transData.transform((date2num(TODAY + timedelta(days=3)), 9000.0))
    blits = chart.plot.blits
    MouseEvent("motion_notify_event", chart.canvas, x_px, y_px)._process()
    assert "If nothing is paid 9,358.61" in chart.readout_text()
    assert "9,358.61" in chart.findChild(QLabel, "chartReadout").text()
    # The cursor moves with a repaint of the data layer only, and leaves with the pointer.
    assert chart.plot.cursor_x == pytest.approx(date2num(TODAY + timedelta(days=3)))
    assert chart.plot.blits == blits + 1
    MouseEvent("motion_notify_event", chart.canvas, 1, 1)._process()
    assert chart.plot.cursor_x is None


def test_a_chart_too_small_to_lay_out_draws_without_warnings(chart: NegotiationChart) -> None:
    figure = chart.plot.figure
    figure.set_size_inches(0.6, 0.4)  # a canvas of 60 x 40 px, e.g. in a tab not shown yet
    fill(chart)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        chart.canvas.draw()
    figure.set_size_inches(10, 6.25)
    chart.canvas.draw()
    assert chart.plot.owed_axes.get_position().width > 0.6  # laid out once there is room


def test_money_axis_labels_are_formatted_amounts(chart: NegotiationChart) -> None:
    fill(chart)
    formatter = chart.plot.owed_axes.yaxis.get_major_formatter()
    assert formatter(2000.0, 0) == "2,000"
    assert formatter(2500.5, 0) == "2,500.50"
    assert formatter(0.1 + 0.2, 0) == "0.30"


def test_export_writes_a_png_at_print_size_and_an_svg(
    chart: NegotiationChart, tmp_path: Path
) -> None:
    fill(chart, claims=[Marker(TODAY, Decimal("9612.40"), "95188")])
    chart.canvas.draw()
    chart.plot.show_cursor(chart.line_data("ream")[1, 0])  # the pointer is over the chart
    chart.export(tmp_path / "chart.png")
    chart.export(tmp_path / "chart.SVG")
    png = (tmp_path / "chart.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (2200, 1375)  # 11 × 6.875 inches at 200 dpi
    root = ET.parse(tmp_path / "chart.SVG").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    # The data lines are in the file too (on screen they are painted apart from the figure).
    ids = {element.get("id") for element in root.iter()}
    assert {"line-status_quo", "line-ream", "monthly-ream"} <= ids
    assert "cursor" not in ids  # the mouse position is not part of a saved chart
    with pytest.raises(InputError, match=r"^path: 'chart.pdf' must end in .png or .svg"):
        chart.export(tmp_path / "chart.pdf")


def test_months_over_budget_are_filled_up_from_the_budget(chart: NegotiationChart) -> None:
    fill(chart)
    chart.canvas.draw()
    extents = chart.plot.over_budget("ream").get_datalim(chart.plot.monthly_axes.transData)
    assert extents.y0 == 1500.0  # from the budget line...
    assert extents.y1 == pytest.approx(8936.34)  # ...up to January's 8,936.34
    chart.set_data(lines=[plan()], today=TODAY, monthly=[monthly()], budget=None)
    assert not chart.plot.over_budget("ream").get_visible()


def test_chinese_labels_render_with_a_cjk_font(chart: NegotiationChart, tmp_path: Path) -> None:
    from ashore.ui.chart.fonts import cjk_font_family

    if cjk_font_family() is None:
        pytest.skip("no CJK font installed: labels draw as boxes")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would fail here
        chart.set_data(
            lines=[Series("jb", "借呗 分期 24 个月", plan().points, "agreement")], today=TODAY
        )
        chart.export(tmp_path / "zh.png")
    assert (tmp_path / "zh.png").stat().st_size > 10_000


def test_the_bundled_cjk_font_is_there_for_machines_without_one(chart: NegotiationChart) -> None:
    from matplotlib import font_manager

    from ashore.ui.chart.fonts import bundled_cjk_family

    family = bundled_cjk_family()
    assert family == "WenQuanYi Micro Hei"
    found = font_manager.fontManager.findfont(family, fallback_to_default=False)
    assert found.endswith(".ttc")


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([Series("a", "A", [(TODAY, 9348.71)], "proposal")], r"^lines\[0\]\.points\[0\]: 9348\.71"),
        (
            [Series("a", "A", [(TODAY, OWED), (TODAY, OWED)], "proposal")],
            r"^lines\[0\]\.points\[1\]: 2026-11-28 does not come after",
        ),
        ([Series("a", "A", [], "forecast")], r"^lines\[0\]\.kind: 'forecast' is not one of"),  # type: ignore[arg-type]
        ([plan("a"), plan("a")], r"^lines\[1\]\.key: 'a' is used twice"),
    ],
)
def test_bad_series_are_refused_with_the_field_path(
    chart: NegotiationChart, lines: list[Series], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        chart.set_data(lines=lines, today=TODAY)


@pytest.mark.parametrize(("width", "height"), [(850, 420), (1280, 800)])
def test_with_three_proposals_the_legend_sits_beside_the_plot_uncut(
    chart: NegotiationChart, width: int, height: int
) -> None:
    # Above the plot, the legend of three proposals took seven rows and left the plot ~90 px, and
    # its right-hand texts were cut ("…in tot").
    long = "36 months with the penalty halved and late fees dropped"
    lines = [status_quo(), plan("ream"), plan("freeze"), plan("lump")]
    lines[3] = Series("lump", long, lines[3].points, "proposal")
    chart.set_data(
        lines=lines,
        today=TODAY,
        monthly=[monthly("ream"), monthly("freeze"), monthly("lump")],
        budget=Decimal("1500.00"),
    )
    chart.resize(width, height)
    chart.show()
    chart.plot.canvas.draw()
    figure = chart.plot.figure
    renderer = figure.canvas.get_renderer()
    canvas_height = figure.bbox.height
    top = chart.plot.owed_axes.get_window_extent(renderer)
    bottom = chart.plot.monthly_axes.get_window_extent(renderer)
    assert (top.y1 - bottom.y0) / canvas_height >= 0.6
    assert top.height / canvas_height >= 0.4
    legend = chart.plot.owed_axes.get_legend()
    texts = legend.get_texts()
    assert len(texts) == 4
    assert any("36 months with the penalty" in text.get_text() for text in texts)
    frame = figure.bbox
    for text in texts:
        box = text.get_window_extent(renderer)
        assert frame.x0 <= box.x0, text.get_text()
        assert box.x1 <= frame.x1, text.get_text()
        assert frame.y0 <= box.y0, text.get_text()
        assert box.y1 <= frame.y1, text.get_text()
        assert box.x0 >= top.x1  # beside the plot, not over it
