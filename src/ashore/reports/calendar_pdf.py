"""The printable repayment calendar: a summary page, one month grid per page, and the full list.

Everything reads in black and white: a paid payment carries a tick, an overdue one a black box with
"!", today a circle; grey shades only repeat what a mark or a word already says. reportlab is
imported here only, so the window never pays for it at start-up.
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ashore.domain.money import format_amount
from ashore.reports.data import CalendarData, CalendarEntry, month_entries, sum_amounts
from ashore.reports.fonts import printable, register_fonts
from ashore.reports.strings import (
    date_text,
    holiday,
    month_name,
    month_short,
    text,
    weekday_name,
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


def _para(value: str, style: ParagraphStyle, limit: int | None = None) -> Paragraph:
    """A Paragraph that prints ``value`` literally: markup-looking text is escaped, not obeyed."""
    return Paragraph(escape(_clean(value, limit)), style)


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


# ---------------------------------------------------------------------------- styles


class _Styles:
    def __init__(self, font: str) -> None:
        base = ParagraphStyle("base", fontName=font, fontSize=9, leading=11.5, textColor=INK)
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=8, leading=10)
        self.muted = ParagraphStyle("muted", parent=base, fontSize=8.5, leading=11, textColor=MUTED)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5)
        self.cell_right = ParagraphStyle("cell_right", parent=self.cell, alignment=TA_RIGHT)
        self.head = ParagraphStyle("head", parent=self.cell, fontSize=8, textColor=INK)
        self.head_right = ParagraphStyle("head_right", parent=self.head, alignment=TA_RIGHT)
        self.title = ParagraphStyle("title", parent=base, fontSize=22, leading=27)
        self.h2 = ParagraphStyle(
            "h2", parent=base, fontSize=13, leading=17, spaceBefore=10, spaceAfter=5
        )


def _table_style(font: str, extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    return TableStyle(
        [
            # plain-string cells (the blanks) would otherwise set unembedded Helvetica
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            *extra,
        ]
    )


# ---------------------------------------------------------------------------- document


class _Calendar:
    """One rendering: the data, its derived totals, and the flowables of every page."""

    def __init__(self, data: CalendarData, font: str) -> None:
        self.data = data
        self.font = font
        self.lang = data.lang
        self.styles = _Styles(font)
        self.by_month = {ym: month_entries(data.entries, *ym) for ym in data.months}
        # Unpaid installments due before the first month printed: the most urgent of all, so the
        # summary names them and the list starts with them.
        start = date(*data.months[0], 1)
        self.earlier = sorted(
            (e for e in data.entries if e.due < start and e.status != "paid"),
            key=lambda e: (e.due, e.lender, e.loan, e.loan_id),
        )
        self.left_total = sum_amounts([loan.left_to_pay for loan in data.loans])
        self.frame_width = 0.0  # set by story(), once the page size is known

    def money(self, value: Decimal) -> str:
        return format_amount(value, self.data.currency, self.lang)

    def status_text(self, entry: CalendarEntry) -> str:
        if entry.status == "partly_paid":
            return text("status_partly_paid", self.lang, paid=self.money(entry.paid))
        return text(f"status_{entry.status}", self.lang)

    def left_after(self, year: int, month: int) -> Decimal:
        """What is left to pay once every payment due up to the end of this month is made."""
        last = date(year, month, _calendar.monthrange(year, month)[1])
        coming = sum_amounts([e.unpaid for e in self.data.entries if e.due <= last])
        return max(self.left_total - coming, Decimal("0"))

    # -- page 1 -------------------------------------------------------------------------------

    def summary(self) -> list[Flowable]:
        st, lang, data = self.styles, self.lang, self.data
        first, last = data.months[0], data.months[-1]
        made = data.generated_at.strftime("%Y-%m-%d %H:%M")
        story: list[Flowable] = [
            _para(text("title", lang), st.title),
            Paragraph(
                escape(
                    text(
                        "period",
                        lang,
                        first=month_name(*first, lang),
                        last=month_name(*last, lang),
                    )
                    + "  ·  "
                    + text("made", lang, when=made)
                ),
                st.muted,
            ),
            Spacer(1, 4),
        ]
        if self.earlier:
            first_month = month_name(*first, lang)
            amount = self.money(sum_amounts([e.unpaid for e in self.earlier]))
            warning = Table(
                [
                    [
                        _para(
                            text(
                                "earlier_note",
                                lang,
                                n=len(self.earlier),
                                month=first_month,
                                amount=amount,
                            ),
                            st.body,
                        )
                    ]
                ],
                colWidths=[self.frame_width],
            )
            warning.setStyle(
                TableStyle(
                    [
                        ("BOX", (0, 0), (-1, -1), 1.2, INK),
                        ("BACKGROUND", (0, 0), (-1, -1), WEEKEND_SHADE),
                        ("FONTNAME", (0, 0), (-1, -1), self.font),
                        ("TOPPADDING", (0, 0), (-1, -1), 5),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ]
                )
            )
            story += [Spacer(1, 4), warning]
        story.append(_para(text("loans", lang), st.h2))
        if data.loans:
            rows: list[list[Any]] = [
                [_para(text(k, lang), st.head) for k in ("lender", "loan", "plan")]
                + [_para(text(k, lang), st.head_right) for k in ("left_to_pay", "ends")],
            ]
            for loan in data.loans:
                rows.append(
                    [
                        _para(loan.lender, st.cell, 300),
                        _para(loan.loan, st.cell, 300),
                        _para(loan.plan, st.cell, 300),
                        _para(self.money(loan.left_to_pay), st.cell_right),
                        _para(loan.end_date.isoformat() if loan.end_date else "—", st.cell_right),
                    ]
                )
            rows.append(
                [
                    _para(text("total", lang), st.cell),
                    "",
                    "",
                    _para(self.money(self.left_total), st.cell_right),
                    "",
                ]
            )
            widths = _widths(self.frame_width, (0.18, 0.2, 0.32, 0.16, 0.14))
            table = Table(rows, colWidths=widths, repeatRows=1)
            table.setStyle(
                _table_style(
                    self.font,
                    [
                        ("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
                        ("LINEBELOW", (0, -1), (-1, -1), 0, colors.white),
                    ],
                )
            )
            story.append(table)
        else:
            story.append(_para(text("no_loans", lang), st.body))

        story.append(_para(text("by_month", lang), st.h2))
        budget = data.budget
        if budget is not None:
            story.append(_para(text("budget", lang, amount=self.money(budget)), st.body))
        else:
            story.append(_para(text("no_budget", lang), st.muted))
        story.append(Spacer(1, 4))
        heads = ("month", "payments", "due_total", "paid_so_far", "still_to_pay", "vs_budget")
        rows = [
            [_para(text(heads[0], lang), st.head)]
            + [_para(text(k, lang), st.head_right) for k in heads[1:]]
        ]
        extra: list[tuple[Any, ...]] = []
        totals: dict[str, list[Decimal]] = {"due": [], "paid": [], "left": []}
        # A month with nothing due (before the plan in force began, its installments replaced)
        # is left out: a row of 0.00 would read as "paid nothing" when payments were made.
        shown = [ym for ym in data.months if self.by_month[ym]]
        for row_number, ym in enumerate(shown, start=1):
            entries = self.by_month[ym]
            due = sum_amounts([e.amount for e in entries])
            paid = sum_amounts([min(e.paid, e.amount) for e in entries])
            left = sum_amounts([e.unpaid for e in entries])
            totals["due"].append(due)
            totals["paid"].append(paid)
            totals["left"].append(left)
            if budget is None:
                verdict = "—"
            elif due > budget:
                verdict = text("over_budget", lang, amount=self.money(due - budget))
                extra.append(("BACKGROUND", (0, row_number), (-1, row_number), OVER_SHADE))
            else:
                verdict = text("within_budget", lang)
            month_label = month_short(*ym, lang)
            if budget is not None and due > budget:
                month_label = "▲ " + month_label
            rows.append(
                [
                    _para(month_label, st.cell),
                    _para(str(len(entries)), st.cell_right),
                    _para(self.money(due), st.cell_right),
                    _para(self.money(paid), st.cell_right),
                    _para(self.money(left), st.cell_right),
                    _para(verdict, st.cell_right),
                ]
            )
        rows.append(
            [
                _para(text("total", lang), st.cell),
                _para(str(sum(len(v) for v in self.by_month.values())), st.cell_right),
                _para(self.money(sum_amounts(totals["due"])), st.cell_right),
                _para(self.money(sum_amounts(totals["paid"])), st.cell_right),
                _para(self.money(sum_amounts(totals["left"])), st.cell_right),
                "",
            ]
        )
        extra.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, INK))
        widths = _widths(self.frame_width, (0.2, 0.1, 0.17, 0.17, 0.17, 0.19))
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(_table_style(self.font, extra))
        story.append(table)
        story.append(Spacer(1, 6))
        notes = text("amounts_in", lang, currency=data.currency)
        if budget is not None:
            notes = text("over_budget_note", lang) + " " + notes
        story.append(_para(notes, st.muted))
        story.extend(_para(line, st.muted) for line in self.paid_before_plan())
        return story

    def paid_before_plan(
        self, month: tuple[int, int] | None = None, short: bool = False
    ) -> list[str]:
        """The payments made before a plan in force began, in the months shown (or ``month``)
        where no installment is printed: on their own line, not as a false "paid 0.00"."""
        # only the months with nothing printed: a payment in a month with an installment shows
        # in its "paid"
        months = {ym for ym in self.data.months if not self.by_month[ym]}
        if month is not None:
            months &= {month}
        lines = []
        for loan in self.data.loans:
            if loan.plan_start is None:
                continue
            for day, amount in loan.paid_before_plan:
                if (day.year, day.month) in months:
                    values = {
                        "loan": _clean(loan.loan, 200),
                        "amount": self.money(amount),
                        "day": day.isoformat(),
                        "start": loan.plan_start.isoformat(),
                    }
                    key = "paid_before_plan_short" if short else "paid_before_plan"
                    lines.append(text(key, self.lang, **values))
        return lines

    # -- the list -----------------------------------------------------------------------------

    def payment_list(self) -> list[Flowable]:
        st, lang = self.styles, self.lang
        story: list[Flowable] = [
            _para(text("list_title", lang), st.h2),
            _para(text("list_hint", lang), st.muted),
            Spacer(1, 5),
        ]
        # the unpaid ones from before the first month open the list: they are the most urgent
        groups = [self.earlier] + [self.by_month[ym] for ym in self.data.months]
        if not any(groups):
            story.append(_para(text("no_payments", lang), st.body))
            return story
        widths = _widths(self.frame_width, (0.07, 0.17, 0.2, 0.24, 0.14, 0.18))
        rows: list[list[Any]] = [
            [
                _para(text("tick", lang), st.head),
                _para(text("date", lang), st.head),
                _para(text("lender", lang), st.head),
                _para(text("loan", lang), st.head),
                _para(text("amount", lang), st.head_right),
                _para(text("status", lang), st.head),
            ]
        ]
        # One table whose heads repeat on every page; a heavier rule starts each month (a month
        # heading row could be left alone at the foot of a page, and the dates say the month).
        extra: list[tuple[Any, ...]] = []
        for month in groups:
            if not month:
                continue
            if len(rows) > 1:
                extra.append(("LINEABOVE", (0, len(rows)), (-1, len(rows)), 1.0, INK))
            for entry in month:
                status = self.status_text(entry)
                if entry.status == "overdue":
                    status = "! " + status
                rows.append(
                    [
                        Mark("paid" if entry.status == "paid" else "due", 10),
                        _para(date_text(entry.due, lang), st.cell),
                        _para(entry.lender, st.cell, LIST_NAME_LIMIT),
                        _para(entry.loan, st.cell, LIST_NAME_LIMIT),
                        _para(self.money(entry.amount), st.cell_right),
                        _para(status, st.cell),
                    ]
                )
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(_table_style(self.font, extra))
        story.append(table)
        return story

    # -- assembly -----------------------------------------------------------------------------

    def story(self, frame_width: float, frame_height: float) -> list[Flowable]:
        self.frame_width = frame_width
        story = self.summary()
        for ym in self.data.months:
            story += [PageBreak(), MonthPage(self, ym, frame_width, frame_height)]
        story += [PageBreak(), *self.payment_list()]
        return story


def _widths(total: float, shares: Sequence[float]) -> list[float]:
    return [total * share for share in shares]


# ---------------------------------------------------------------------------- month page


class MonthPage(Flowable):
    """One month as a grid of weeks, filling the whole frame of its page."""

    def __init__(self, cal: _Calendar, ym: tuple[int, int], width: float, height: float) -> None:
        super().__init__()
        self.cal = cal
        self.year, self.month = ym
        self.width = width
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # A hair less than the frame, so rounding never pushes the page onto the next one.
        return self.width, min(self.height, avail_height) - 0.5

    def draw(self) -> None:
        canv, cal = self.canv, self.cal
        lang, font = cal.lang, cal.font
        entries = cal.by_month[(self.year, self.month)]
        width, top = self.width, self.height - 0.5
        month_total = sum_amounts([e.amount for e in entries])

        # heading
        canv.setFillColor(INK)
        canv.setFont(font, 20)
        canv.drawString(0, top - 20, month_name(self.year, self.month, lang))
        canv.setFont(font, 10)
        if len(entries) == 1:
            count = text("count_payment", lang)
        else:
            count = text("count_payments", lang, n=len(entries))
        summary = count + "  ·  " + text("month_total", lang, amount=cal.money(month_total))
        if not entries:
            summary = text("no_payments_month", lang)
        canv.drawRightString(width, top - 18, summary)

        first_weekday = 0 if cal.data.week_starts_monday else 6
        weeks = _calendar.Calendar(first_weekday).monthdatescalendar(self.year, self.month)
        foot_height = 62.0
        head_y = top - 34
        weekday_bar = 15.0
        grid_top = head_y - weekday_bar
        grid_bottom = foot_height
        col = width / 7
        row_height = (grid_top - grid_bottom) / len(weeks)

        # weekday names
        canv.setFillColor(HEAD_SHADE)
        canv.rect(0, grid_top, width, weekday_bar, stroke=0, fill=1)
        canv.setFillColor(INK)
        canv.setFont(font, 8.5)
        for i in range(7):
            weekday = (first_weekday + i) % 7
            canv.drawCentredString(col * i + col / 2, grid_top + 4.5, weekday_name(weekday, lang))

        by_day: dict[date, list[CalendarEntry]] = {}
        for entry in entries:
            by_day.setdefault(entry.due, []).append(entry)

        for r, week in enumerate(weeks):
            y = grid_top - (r + 1) * row_height
            for i, day in enumerate(week):
                x = col * i
                self._cell(day, x, y, col, row_height, by_day.get(day, []))

        # grid lines over the shading
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        for i in range(8):
            canv.line(col * i, grid_bottom, col * i, grid_top + weekday_bar)
        for r in range(len(weeks) + 1):
            canv.line(0, grid_top - r * row_height, width, grid_top - r * row_height)
        canv.setStrokeColor(INK)
        canv.setLineWidth(0.9)
        canv.rect(0, grid_bottom, width, grid_top + weekday_bar - grid_bottom, stroke=1, fill=0)

        self._foot(entries, month_total, foot_height)

    # Complexity over 10 on purpose: one calendar cell: its day, marks, entries and overflow line
    # are drawn in one pass.
    def _cell(  # noqa: C901
        self,
        day: date,
        x: float,
        y: float,
        w: float,
        h: float,
        entries: list[CalendarEntry],
    ) -> None:
        canv, cal, font = self.canv, self.cal, self.cal.font
        in_month = day.month == self.month
        if not in_month:
            return
        holiday_name = holiday(day, cal.lang, cal.data.country)
        if day.weekday() >= 5 or holiday_name:
            canv.setFillColor(WEEKEND_SHADE)
            canv.rect(x, y, w, h, stroke=0, fill=1)
        if holiday_name:
            canv.setFillColor(MUTED)
            canv.setFont(font, 6.5)
            canv.drawRightString(
                x + w - CELL_PAD, y + h - 10.5, fit(holiday_name, font, 6.5, w - 24)
            )
        pad = CELL_PAD
        # day number, circled when it is today
        canv.setFillColor(INK)
        canv.setFont(font, 9)
        number = str(day.day)
        nx, ny = x + pad + 5.5, y + h - 11
        canv.drawCentredString(nx, ny, number)
        if day == cal.data.today:
            canv.setStrokeColor(INK)
            canv.setLineWidth(1.1)
            canv.circle(nx, ny + 3.1, 7.2, stroke=1, fill=0)
        if not entries:
            return

        inner = w - 2 * pad
        total_height = 11.0 if len(entries) > 1 else 0.0
        bottom = y + pad + total_height
        cursor = y + h - 15
        blocks = [self._entry_lines(entry, inner) for entry in entries]
        heights = [ENTRY_AMOUNT_LEAD + NAME_LEAD * len(lines) + ENTRY_GAP for lines in blocks]
        # Show as many as fit; when some do not, keep a line for "+N more" (the list has them all).
        shown = len(entries)
        if cursor - sum(heights) < bottom:
            shown = 0
            room = cursor - bottom - NAME_LEAD
            while shown < len(entries) and sum(heights[: shown + 1]) <= room:
                shown += 1
        for entry, lines in zip(entries[:shown], blocks[:shown], strict=True):
            cursor -= ENTRY_AMOUNT_LEAD
            draw_mark(canv, entry.status, x + pad, cursor - 0.5, MARK_SIZE)
            canv.setFillColor(MUTED if entry.status == "paid" else INK)
            canv.setFont(font, AMOUNT_SIZE)
            canv.drawRightString(x + w - pad, cursor, cal.money(entry.amount))
            canv.setFont(font, NAME_SIZE)
            for line in lines:
                cursor -= NAME_LEAD
                canv.drawString(x + pad, cursor, line)
            cursor -= ENTRY_GAP
        if shown < len(entries):
            cursor -= NAME_LEAD + 1
            canv.setFillColor(INK)
            canv.setFont(font, NAME_SIZE)
            more = text("more", cal.lang, n=len(entries) - shown)
            canv.drawString(x + pad, cursor, fit(more, font, NAME_SIZE, inner))
        if total_height:
            line_y = y + pad + 9
            canv.setStrokeColor(RULE)
            canv.setLineWidth(0.4)
            canv.line(x + pad, line_y, x + w - pad, line_y)
            canv.setFillColor(INK)
            canv.setFont(font, 7.5)
            day_total = sum_amounts([e.amount for e in entries])
            label = text("day_total", cal.lang, amount=cal.money(day_total))
            canv.drawRightString(x + w - pad, y + pad + 1, fit(label, font, 7.5, inner))

    def _entry_lines(self, entry: CalendarEntry, width: float) -> list[str]:
        name = _clean(entry.lender, 200) + " · " + _clean(entry.loan, 200)
        return wrap_lines(name, self.cal.font, NAME_SIZE, width, NAME_LINES)

    def _foot(self, entries: list[CalendarEntry], month_total: Decimal, height: float) -> None:
        canv, cal, font, lang = self.canv, self.cal, self.cal.font, self.cal.lang
        paid = sum_amounts([min(e.paid, e.amount) for e in entries])
        still = sum_amounts([e.unpaid for e in entries])
        after = cal.left_after(self.year, self.month)
        y = height - 16
        canv.setFillColor(INK)
        canv.setFont(font, 10)
        canv.drawString(0, y, text("month_total", lang, amount=cal.money(month_total)))
        canv.drawRightString(self.width, y, text("left_after", lang, amount=cal.money(after)))
        y -= 13
        canv.setFont(font, 8.5)
        canv.setFillColor(MUTED)
        if entries:
            line = (
                text("month_paid", lang, amount=cal.money(paid))
                + "   "
                + text("month_left", lang, amount=cal.money(still))
            )
        else:  # not "Paid: 0.00" in a month whose payments came before the plan began
            line = " ".join(
                [text("nothing_due", lang), *cal.paid_before_plan((self.year, self.month), True)]
            )
        room = self.width * (0.62 if cal.data.budget is not None else 1.0)
        canv.drawString(0, y, fit(line, font, 8.5, room))
        budget = cal.data.budget
        if budget is not None:
            if month_total > budget:
                verdict = text("over_budget", lang, amount=cal.money(month_total - budget))
            else:
                verdict = text("within_budget", lang)
            canv.setFillColor(INK if month_total > budget else MUTED)
            canv.drawRightString(
                self.width,
                y,
                text("budget", lang, amount=cal.money(budget)) + "  " + verdict,
            )
        # legend: every mark drawn exactly as in the grid
        y -= 17
        canv.setFont(font, 7.5)
        x = 0.0
        items: list[tuple[Callable[[float], float], str]] = []
        for status, key in (
            ("due", "legend_due"),
            ("paid", "legend_paid"),
            ("partly_paid", "legend_partly"),
            ("overdue", "legend_overdue"),
        ):
            items.append((self._legend_mark(status, y), text(key, lang)))
        items.append((self._legend_today(y), text("legend_today", lang)))
        items.append((self._legend_weekend(y), text("legend_weekend", lang)))
        for draw, label in items:
            x = draw(x) + 3
            canv.setFillColor(INK)
            canv.drawString(x, y, label)
            x += stringWidth(label, font, 7.5) + 12

    def _legend_mark(self, status: str, y: float) -> Callable[[float], float]:
        def draw(x: float) -> float:
            draw_mark(self.canv, status, x, y - 0.5, 7)
            return x + 7

        return draw

    def _legend_today(self, y: float) -> Callable[[float], float]:
        def draw(x: float) -> float:
            self.canv.setStrokeColor(INK)
            self.canv.setLineWidth(1)
            self.canv.circle(x + 4.5, y + 2.6, 4.5, stroke=1, fill=0)
            return x + 9

        return draw

    def _legend_weekend(self, y: float) -> Callable[[float], float]:
        def draw(x: float) -> float:
            self.canv.setFillColor(WEEKEND_SHADE)
            self.canv.setStrokeColor(RULE)
            self.canv.setLineWidth(0.5)
            self.canv.rect(x, y - 1, 12, 8, stroke=1, fill=1)
            return x + 12

        return draw


# ---------------------------------------------------------------------------- entry point


def write_calendar_pdf(data: CalendarData, path: Path) -> None:
    """Write the repayment calendar of ``data`` to ``path`` (summary, months, list)."""
    font = register_fonts()
    pagesize = A4 if data.paper == "A4" else letter
    width, height = pagesize
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        width - 2 * MARGIN_X,
        height - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    made = data.generated_at.strftime("%Y-%m-%d %H:%M")
    footer = text("footer", data.lang) + "  ·  " + text("made", data.lang, when=made)
    doc = BaseDocTemplate(
        str(path),
        pagesize=pagesize,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=text("title", data.lang),
        author="Ashore",
        creator="Ashore",
        invariant=1,
        initialFontName=font,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    cal = _Calendar(data, font)
    story = cal.story(frame.width, frame.height)
    doc.build(story, canvasmaker=_numbered_canvas(footer, data.lang, font))
