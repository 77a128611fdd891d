"""One month of the calendar PDF as a grid of weeks filling its page, drawn straight on the
canvas: each day's payments with their marks, the month's total, the legend."""

from __future__ import annotations

import calendar as _calendar
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
)

from ashore.reports.calendar_parts import (
    AMOUNT_SIZE,
    CELL_PAD,
    ENTRY_AMOUNT_LEAD,
    ENTRY_GAP,
    HEAD_SHADE,
    INK,
    MARK_SIZE,
    MUTED,
    NAME_LEAD,
    NAME_LINES,
    NAME_SIZE,
    RULE,
    WEEKEND_SHADE,
    _clean,
    draw_mark,
    fit,
    fit_holiday,
    wrap_lines,
)
from ashore.reports.data import CalendarEntry, sum_amounts
from ashore.reports.strings import (
    holiday,
    month_name,
    text,
    weekday_name,
)

HOLIDAY_SIZE, HOLIDAY_LEAD = 6.5, 7.5  # points: a holiday's name and its line

if TYPE_CHECKING:
    from ashore.reports.calendar_pdf import _Calendar


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
            summary = text("no_new_payments_month" if cal.earlier else "no_payments_month", lang)
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
        below = self._holiday(holiday_name, x, y, w, h) if holiday_name else 0.0
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
        cursor = y + h - 15 - below
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

    def _holiday(self, name: str, x: float, y: float, w: float, h: float) -> float:
        """The holiday's name beside the day number when it fits there, else whole on up to two
        lines under it ("Chinese New Year's Day" was cut to "Chinese New…"); the height taken."""
        canv, font = self.canv, self.cal.font
        canv.setFillColor(MUTED)
        canv.setFont(font, HOLIDAY_SIZE)
        beside = w - 24
        short = fit_holiday(name, font, HOLIDAY_SIZE, beside)  # "(observed)" may go, no more
        if not short.endswith("…"):
            canv.drawRightString(x + w - CELL_PAD, y + h - 10.5, short)
            return 0.0
        lines = wrap_lines(name, font, HOLIDAY_SIZE, w - 2 * CELL_PAD, 2)
        if lines and lines[-1].endswith("…"):  # as beside the number: "(observed)" goes first
            base = re.sub(r"\s*[(（][^()（）]*[)）]$", "", name)
            lines = wrap_lines(base or name, font, HOLIDAY_SIZE, w - 2 * CELL_PAD, 2)
        top = y + h - 19.5
        for number, line in enumerate(lines):
            canv.drawString(x + CELL_PAD, top - number * HOLIDAY_LEAD, line)
        return len(lines) * HOLIDAY_LEAD

    def _entry_lines(self, entry: CalendarEntry, width: float) -> list[str]:
        name = _clean(entry.lender, 200) + " · " + _clean(entry.loan, 200)
        return wrap_lines(name, self.cal.font, NAME_SIZE, width, NAME_LINES)

    def _foot(self, entries: list[CalendarEntry], month_total: Decimal, height: float) -> None:
        canv, cal, font, lang = self.canv, self.cal, self.cal.font, self.cal.lang
        paid = sum_amounts([min(e.paid, e.amount) for e in entries])
        still = sum_amounts([e.unpaid for e in entries])
        y = height - 16
        canv.setFillColor(INK)
        canv.setFont(font, 10)
        canv.drawString(0, y, text("month_total", lang, amount=cal.money(month_total)))
        canv.drawRightString(self.width, y, cal.left_after_text(self.year, self.month))
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
                [
                    text("nothing_new_due" if cal.earlier else "nothing_due", lang),
                    *cal.paid_before_plan((self.year, self.month), True),
                ]
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
