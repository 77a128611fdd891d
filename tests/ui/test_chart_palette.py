"""The proposals' colours on the chart: any two proposals drawn together are told apart at a
glance, also by a red-green colour-blind eye, and by their line style when their lines overlap
(two proposals got an orange and an olive, both solid, on top of each other)."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal

import pytest

from ashore.ui.chart.palette import (
    AGREEMENT,
    LINESTYLES,
    MARKERS,
    ORIGINAL,
    OVER_BUDGET,
    PROPOSALS,
    STATUS_QUO,
)
from ashore.ui.chart.view import NegotiationChart, Series

TODAY = date(2026, 11, 28)


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    r, g, b = (_linear(int(value[i : i + 2], 16) / 255) for i in (0, 2, 4))
    return r, g, b


def _deuteranope(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    # Viénot, Brettel & Mollon (1999): what a deuteranope sees, in linear sRGB.
    r, g, b = rgb
    red_green = 0.29275 * r + 0.70725 * g
    return red_green, red_green, -0.02234 * r + 0.02234 * g + b


def _protanope(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = rgb
    red_green = 0.11238 * r + 0.88762 * g
    return red_green, red_green, 0.00401 * r - 0.00401 * g + b


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = (min(max(c, 0.0), 1.0) for c in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _distance(one: str, other: str, vision: str) -> float:
    see = {"normal": lambda c: c, "deuteranope": _deuteranope, "protanope": _protanope}[vision]
    a, b = _lab(see(_rgb(one))), _lab(see(_rgb(other)))
    return float(sum((p - q) ** 2 for p, q in zip(a, b, strict=True)) ** 0.5)


@pytest.mark.parametrize("vision", ["normal", "deuteranope", "protanope"])
def test_any_two_proposal_colours_differ_clearly(vision: str) -> None:
    # ΔE (CIE 1976): the orange and the olive the tester saw as one colour were 38.7 apart seen
    # normally and 18.4 as a protanope sees them; Okabe-Ito's bluish green and reddish purple
    # 19.0 for a deuteranope.
    least = 40 if vision == "normal" else 20
    for one, other in itertools.combinations(PROPOSALS, 2):
        assert _distance(one, other, vision) >= least, (one, other, vision)
    for colour in PROPOSALS:
        for other in (AGREEMENT, STATUS_QUO, ORIGINAL, OVER_BUDGET):
            assert _distance(colour, other, "normal") >= 20, (colour, other)


def test_every_slot_has_its_own_line_style_and_marker() -> None:
    # The chart gives proposal n slot n (its colour is PROPOSALS[n % 5]); the slots after the
    # fifth repeat a colour, never a line style or a marker.
    slots = len(PROPOSALS) * 2
    assert len({str(LINESTYLES[n % len(LINESTYLES)]) for n in range(slots)}) == slots
    assert len({MARKERS[n % len(MARKERS)] for n in range(slots)}) == slots
    assert "--" not in LINESTYLES  # the original contract's dashes


def test_proposals_drawn_together_differ_in_colour_and_line_style(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = NegotiationChart(currency="CNY", locale="en")
    qtbot.addWidget(chart)
    owed = Decimal("8000.00")
    # the same figures: the lines lie on top of each other
    points = [(TODAY, owed), (date(2027, 6, 1), Decimal("4000.00")), (date(2028, 1, 1), Decimal(0))]
    keys = [f"proposal-{n}" for n in range(1, 8)]
    chart.set_data(
        lines=[Series(key, key, points, "proposal") for key in keys],
        today=TODAY,
        monthly=[],
        budget=None,
    )

    def look(key: str) -> tuple[str, str, str]:
        line = chart.plot.line(key)
        dashes = line._unscaled_dash_pattern  # (offset, on-off lengths): what is drawn
        return chart.plot.colour(key), str(dashes), str(line.get_marker())

    looks = {key: look(key) for key in keys}
    # the first five take the five colours; the next two repeat a colour, never a line's look
    assert {looks[key][0] for key in keys[:5]} == set(PROPOSALS)
    assert len({dashes for _, dashes, _ in looks.values()}) == len(keys)
    assert len({marker for _, _, marker in looks.values()}) == len(keys)
