"""The calendar PDF's building blocks: its measures and shades, user text made printable and cut
to fit, the paid/due/overdue marks, and the page canvas that prints "Page X of Y"."""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Paragraph,
)

from ashore.reports.fonts import latin_marks, printable
from ashore.reports.strings import (
    text,
)

MARGIN_X = 15 * mm
MARGIN_TOP = 14 * mm
MARGIN_BOTTOM = 18 * mm  # the footer sits inside it, clear of a home printer's dead band
LIST_NAME_LIMIT = 1000
# the month grid's cells
CELL_PAD = 3.5
AMOUNT_SIZE = 9.0
NAME_SIZE = 7.0
NAME_LINES = 2  # a lender and loan name longer than two lines ends with an ellipsis
ENTRY_AMOUNT_LEAD = 10.5
NAME_LEAD = 8.3
ENTRY_GAP = 3.0
MARK_SIZE = 7.5  # even the full list cuts a name somewhere, so one row always fits a page

INK = colors.black
MUTED = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.55, 0.55, 0.55)
HEAD_SHADE = colors.Color(0.88, 0.88, 0.88)
WEEKEND_SHADE = colors.Color(0.93, 0.93, 0.93)
OVER_SHADE = colors.Color(0.82, 0.82, 0.82)


# ---------------------------------------------------------------------------- text


def _clean(value: str, limit: int | None = None) -> str:
    """User text made printable, optionally cut to ``limit`` characters with an ellipsis."""
    value = printable(value)
    if limit is not None and len(value) > limit:
        value = value[: limit - 1] + "…"
    return value


def _lang_of(style: ParagraphStyle) -> str:
    """The document's language as its styles carry it: a Chinese calendar's wrap by character."""
    return "zh_CN" if style.wordWrap == "CJK" else "en"


def _para(value: str, style: ParagraphStyle, limit: int | None = None) -> Paragraph:
    """A Paragraph that prints ``value`` literally: markup-looking text is escaped, not obeyed;
    an English calendar's quotation marks in the Latin face (``fonts.latin_marks``)."""
    return Paragraph(latin_marks(escape(_clean(value, limit)), _lang_of(style)), style)


def fit(value: str, font: str, size: float, width: float) -> str:
    """``value`` cut with an ellipsis so it is at most ``width`` points wide in ``font``."""
    if stringWidth(value, font, size) <= width:
        return value
    low, high = 0, len(value)
    while low < high:  # the longest prefix that fits beside the ellipsis
        mid = (low + high + 1) // 2
        if stringWidth(value[:mid] + "…", font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return value[:low].rstrip() + "…" if low else "…"


def fit_holiday(name: str, font: str, size: float, width: float) -> str:
    """A holiday's name for a narrow cell: whole if it fits, else without its bracketed tail
    ("National Day (observed)" → "National Day", "国庆节（补假）" → "国庆节") before any cut."""
    if stringWidth(name, font, size) <= width:
        return name
    base = re.sub(r"\s*[(（][^()（）]*[)）]$", "", name)
    return fit(base or name, font, size, width)


def wrap_lines(value: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """``value`` broken into at most ``max_lines`` lines of ``width`` points, the last one cut
    with an ellipsis if the text goes on. Breaks after a space where it can, else anywhere
    (Chinese has no spaces, and a 300-character name may have none either)."""
    lines: list[str] = []
    rest = value.strip()
    while rest and len(lines) < max_lines:
        if len(lines) == max_lines - 1 or stringWidth(rest, font, size) <= width:
            lines.append(fit(rest, font, size, width))
            break
        # the longest prefix that fits
        low, high = 1, len(rest)
        while low < high:
            mid = (low + high + 1) // 2
            if stringWidth(rest[:mid], font, size) <= width:
                low = mid
            else:
                high = mid - 1
        cut = low
        space = rest.rfind(" ", 0, cut + 1)
        if space > 0:
            cut = space
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return lines


# ---------------------------------------------------------------------------- marks


def draw_mark(canv: Canvas, status: str, x: float, y: float, size: float) -> None:
    """The status mark with its lower-left corner at (x, y): a box, empty, ticked, half or "!"."""
    canv.saveState()
    canv.setLineWidth(0.7)
    canv.setStrokeColor(INK)
    if status == "overdue":
        canv.setFillColor(INK)
        canv.rect(x, y, size, size, stroke=1, fill=1)
        canv.setFillColor(colors.white)
        bar = size * 0.16
        canv.rect(x + (size - bar) / 2, y + size * 0.38, bar, size * 0.46, stroke=0, fill=1)
        canv.rect(x + (size - bar) / 2, y + size * 0.14, bar, bar, stroke=0, fill=1)
    else:
        canv.setFillColor(colors.white)
        canv.rect(x, y, size, size, stroke=1, fill=1)
        if status == "partly_paid":
            canv.setFillColor(INK)
            path = canv.beginPath()
            path.moveTo(x, y)
            path.lineTo(x + size, y)
            path.lineTo(x, y + size)
            path.close()
            canv.drawPath(path, stroke=0, fill=1)
        elif status == "paid":
            canv.setLineWidth(max(0.9, size * 0.16))
            canv.setLineCap(1)
            canv.setLineJoin(1)
            path = canv.beginPath()
            path.moveTo(x + size * 0.18, y + size * 0.52)
            path.lineTo(x + size * 0.42, y + size * 0.22)
            path.lineTo(x + size * 0.86, y + size * 0.86)
            canv.drawPath(path, stroke=1, fill=0)
    canv.restoreState()


class Mark(Flowable):
    """A status mark as a table cell (the hand-tick box of the list pages)."""

    def __init__(self, status: str, size: float = 9) -> None:
        super().__init__()
        self.status = status
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_mark(self.canv, self.status, 0, 0, self.size)


# ---------------------------------------------------------------------------- page frame


def _numbered_canvas(footer: str, lang: str, font: str) -> type[Canvas]:
    """A Canvas class that holds pages back until the end, to print "Page X of Y" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = font  # never a standard (unembedded) font, not even unused
            super().__init__(*args, **kwargs)
            self.page_width = float(kwargs.get("pagesize", A4)[0])
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            # the stubs omit it; reportlab's own "page X of Y" recipe calls it
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            pages = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                self._footer(number, pages)
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, number: int, pages: int) -> None:
            width = self.page_width
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            y = MARGIN_BOTTOM - 7 * mm
            self.line(MARGIN_X, y + 10, width - MARGIN_X, y + 10)
            self.setFillColor(MUTED)
            self.setFont(font, 7.5)
            self.drawString(MARGIN_X, y, footer)
            self.drawRightString(width - MARGIN_X, y, text("page", lang, page=number, pages=pages))
            self.restoreState()

    return NumberedCanvas


class Line(Flowable):
    """A table cell's text that fits on one line, printed as the Paragraph of ``style`` prints it
    (same font, size, colour, alignment, baseline and height) with a single drawString instead
    of Paragraph's parsing and line breaking."""

    def __init__(self, value: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.value = value
        self.style = style

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, float(self.style.leading)
        return self.width, self.height

    def draw(self) -> None:
        canv, style = self.canv, self.style
        canv.setFont(style.fontName, style.fontSize)
        canv.setFillColor(style.textColor)
        y = self.height - style.fontSize
        if style.alignment == TA_RIGHT:
            canv.drawRightString(self.width, y, self.value)
        else:
            canv.drawString(0, y, self.value)


CELL_PADDING = 8.0  # the tables' left plus right padding (see calendar_pdf._table_style)


def cell(value: str, style: ParagraphStyle, width: float, limit: int | None = None) -> Flowable:
    """``value`` for a table column ``width`` points wide: a ``Line`` when it fits on one line as
    written (nothing for Paragraph to break or collapse), else a Paragraph that wraps it."""
    cleaned = _clean(value, limit)
    marked = latin_marks(escape(cleaned), _lang_of(style))
    if (
        cleaned
        and marked == escape(cleaned)  # one font throughout: a Line draws it
        and " ".join(cleaned.split()) == cleaned
        and stringWidth(cleaned, style.fontName, style.fontSize) <= width - CELL_PADDING
    ):
        return Line(cleaned, style)
    return Paragraph(marked, style)
