"""The chart's colours, line styles and markers, chosen to be told apart with the common
colour-vision deficiencies and in a grey print.
"""

from __future__ import annotations

from typing import Any

# Okabe-Ito colours, told apart with the common colour-vision deficiencies. The proposals get
# four of them that no other line or mark uses (blue is the agreement, vermillion the month over
# budget), in Okabe-Ito's order, and Paul Tol's purple: any two differ at a glance, also for a
# red-green colour-blind eye (ΔE ≥ 59 seen normally, ≥ 26 as a deuteranope or protanope sees
# them; the olive #999933 beside the orange was 39 and 18, Okabe-Ito's reddish purple beside its
# bluish green 19 for a deuteranope). Each slot also has its own line style and marker, so two
# proposals whose lines lie on top of each other, or a grey print, still separate them: a sixth
# proposal takes the first colour again, with a line style and a marker no other slot has.
STATUS_QUO = "#8b1a1a"
ORIGINAL = "#7a7a7a"
AGREEMENT = "#0072b2"
PROPOSALS = ("#e69f00", "#56b4e9", "#009e73", "#aa4499", "#000000")
LINESTYLES = (  # never plain "--": that is the original contract
    "-",
    "-.",
    (0, (1, 1.5)),
    (0, (6, 2, 1, 2, 1, 2)),
    (0, (8, 2.5)),
    (0, (3, 1.5, 1, 1.5)),
    (0, (1, 3)),
    (0, (10, 2, 2, 2)),
    (0, (4, 1, 1, 1, 1, 1)),
    (0, (2, 1)),
)
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "h", "<")
PAYMENT = "#1b7837"
CLAIM = "#762a83"
OVER_BUDGET = "#d55e00"
TEXT = "#1f2a33"
MUTED = "#5f6b76"
GRID = "#e3e7eb"


class _Style:
    def __init__(self, colour: str, width: float, linestyle: Any, marker: str, zorder: float):
        self.colour, self.width, self.linestyle = colour, width, linestyle
        self.marker, self.zorder = marker, zorder
