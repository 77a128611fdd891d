"""The chart's colours, line styles and markers, chosen to be told apart with the common
colour-vision deficiencies and in a grey print.
"""

from __future__ import annotations

from typing import Any

# Okabe-Ito and Paul Tol colours: told apart with the common colour-vision deficiencies. Each
# proposal also gets its own line style and marker, so a grey print still separates them.
STATUS_QUO = "#8b1a1a"
ORIGINAL = "#7a7a7a"
AGREEMENT = "#0072b2"
PROPOSALS = ("#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#999933", "#332288")
LINESTYLES = ("-", "-.", (0, (1, 1.5)), (0, (6, 2, 1, 2, 1, 2)))  # never plain "--": the original
MARKERS = ("o", "s", "^", "D", "v", "P")
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
