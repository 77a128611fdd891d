"""The printable repayment calendar: a summary page, one month grid per page, and the full list.

Everything reads in black and white: a paid payment carries a tick, an overdue one a black box with
"!", today a circle; grey shades only repeat what a mark or a word already says. reportlab is
imported here only, so the window never pays for it at start-up.
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
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

from ashore.app.progress import Progress, report
from ashore.domain.money import format_amount
from ashore.reports.calendar_month import MonthPage
from ashore.reports.calendar_parts import (
    HEAD_SHADE,
    INK,
    LIST_NAME_LIMIT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    OVER_SHADE,
    RULE,
    WEEKEND_SHADE,
    Mark,
    _clean,
    _numbered_canvas,
    _para,
    cell,
)
from ashore.reports.data import (
    CalendarData,
    CalendarEntry,
    entries_after,
    month_entries,
    sum_amounts,
)
from ashore.reports.fonts import register_fonts
from ashore.reports.strings import (
    counted,
    date_text,
    day_text,
    later_note,
    moment_text,
    month_name,
    month_short,
    text,
)

# ---------------------------------------------------------------------------- styles


class _Styles:
    def __init__(self, font: str, lang: str = "en") -> None:
        # Chinese wraps between characters with the rules of Chinese type (no "。" or "）"
        # starting a line), keeping a Latin word whole; the default broke only at spaces, then
        # split the long run of Chinese anywhere, a lone "。" starting the footnote's last line.
        wrap = "CJK" if lang == "zh_CN" else None
        base = ParagraphStyle(
            "base", fontName=font, fontSize=9, leading=11.5, textColor=INK, wordWrap=wrap
        )
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
        self.styles = _Styles(font, data.lang)
        self.by_month = {ym: month_entries(data.entries, *ym) for ym in data.months}
        # Unpaid installments due before the first month printed: the most urgent of all, so the
        # summary names them and the list starts with them.
        start = date(*data.months[0], 1)
        self.earlier = sorted(
            (e for e in data.entries if e.due < start and e.status != "paid"),
            key=lambda e: (e.due, e.lender, e.loan, e.loan_id),
        )
        # Installments due after the last month printed: the summary says how many, how much
        # and until when, so its totals never read as all there is to pay.
        self.later = entries_after(data.entries, data.months)
        self.left_total = sum_amounts([loan.left_to_pay for loan in data.loans])
        self.frame_width = 0.0  # set by story(), once the page size is known
        self._money: dict[str, str] = {}

    def money(self, value: Decimal) -> str:
        # the same few amounts come back on every page: each is formatted (by babel) once
        key = str(value)  # by its text: 1.0 and 1.00 are equal Decimals but may print apart
        shown = self._money.get(key)
        if shown is None:
            shown = self._money[key] = format_amount(value, self.data.currency, self.lang)
        return shown

    def status_text(self, entry: CalendarEntry) -> str:
        if entry.status == "partly_paid":
            return text("status_partly_paid", self.lang, paid=self.money(entry.paid))
        return text(f"status_{entry.status}", self.lang)

    def left_after(self, year: int, month: int) -> Decimal:
        """What the loans still owe once this month is over: the sum of each loan's own figure
        (``CalendarLoan.left_after``: under a plan, what is left once its payments due by then
        are made; an overdue loan without an agreement, what it owes then if nothing is paid).
        Without it (data made by hand), what is left once every payment due by then is made."""
        known = [dict(loan.left_after).get((year, month)) for loan in self.data.loans]
        if self.data.loans and all(value is not None for value in known):
            return sum_amounts([value for value in known if value is not None])
        last = date(year, month, _calendar.monthrange(year, month)[1])
        coming = sum_amounts([e.to_pay for e in self.data.entries if e.due <= last])
        return max(self.left_total - coming, Decimal("0"))

    def left_after_text(self, year: int, month: int) -> str:
        """The month's "left to pay after this month" line, saying when an overdue loan without
        an agreement is counted as if nothing is paid."""
        key = "left_after_unplanned" if any(x.unplanned for x in self.data.loans) else "left_after"
        return text(key, self.lang, amount=self.money(self.left_after(year, month)))

    # -- page 1 -------------------------------------------------------------------------------

    def summary(self) -> list[Flowable]:
        st, lang, data = self.styles, self.lang, self.data
        first, last = data.months[0], data.months[-1]
        made = moment_text(data.generated_at, lang)
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
            # What it takes to clear them today, the penalty and late fees they ran up included:
            # the figure the loans table below and the Overview show for such a loan.
            amount = self.money(sum_amounts([e.to_pay for e in self.earlier]))
            charges = sum_amounts([e.charges for e in self.earlier])
            words = text(
                "earlier_note_charges" if charges > 0 else "earlier_note",
                lang,
                n=len(self.earlier),
                payments=counted(len(self.earlier), "payment", "payments"),
                month=first_month,
                amount=amount,
                charges=self.money(charges),
            )
            warning = Table(
                [[_para(words, st.body)]],
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
            story.append(self._loans_table())
            if all(loan.owed_today is not None for loan in data.loans):
                story += [Spacer(1, 3), _para(text("figures_note", lang), st.muted)]
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
        rows: list[list[Any]] = [
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
        story.extend(self._later_note())
        # the months from this one on that are left out are named, so a December missing from
        # the table reads as "nothing new then", not as a page forgotten (what is unpaid from
        # before is in the banner above; months gone by before the plan began stay unnamed)
        now = (data.today.year, data.today.month)
        left_out = [ym for ym in data.months if not self.by_month[ym] and ym >= now]
        if left_out and shown:
            joiner = "、" if lang == "zh_CN" else ", "
            months = joiner.join(month_short(*ym, lang) for ym in left_out)
            story += [
                Spacer(1, 3),
                _para(text("months_without_new", lang, months=months), st.muted),
            ]
        story.append(Spacer(1, 6))
        story.extend(self._notes())
        return story

    def _later_note(self) -> list[Flowable]:
        """How many payments, how much and until when fall after the last month printed."""
        if not self.later:
            return []
        later = later_note(self.later, self.data.months[-1], self.lang, self.money)
        return [Spacer(1, 3), _para(later, self.styles.body)]

    def _loans_table(self) -> Table:
        """Each loan's plan in force, its "owed today" (the window's and ``export summary``'s,
        when the data has it) and what is left to pay under the plan, interest to come and the
        charges so far included, each under its own name."""
        st, lang, loans = self.styles, self.lang, self.data.loans
        owed = all(loan.owed_today is not None for loan in loans)
        keys = ("owed_today", "left_to_pay", "ends") if owed else ("left_to_pay", "ends")
        rows: list[list[Any]] = [
            [_para(text(k, lang), st.head) for k in ("lender", "loan", "plan")]
            + [_para(text(k, lang), st.head_right) for k in keys],
        ]
        shares = (0.15, 0.17, 0.26, 0.14, 0.14, 0.14) if owed else (0.18, 0.2, 0.32, 0.16, 0.14)
        widths = _widths(self.frame_width, shares)
        for loan in loans:
            figures = [self.money(loan.left_to_pay)]
            if loan.owed_today is not None and owed:
                figures.insert(0, self.money(loan.owed_today))
            ends = day_text(loan.end_date, lang) if loan.end_date else "—"
            rows.append(
                [
                    cell(loan.lender, st.cell, widths[0], 300),
                    cell(loan.loan, st.cell, widths[1], 300),
                    cell(loan.plan, st.cell, widths[2], 300),
                    *(cell(f, st.cell_right, widths[3 + i]) for i, f in enumerate(figures)),
                    cell(ends, st.cell_right, widths[-1]),
                ]
            )
        totals = [_para(self.money(self.left_total), st.cell_right)]
        if owed:
            owed_total = sum_amounts([loan.owed_today or Decimal("0") for loan in loans])
            totals.insert(0, _para(self.money(owed_total), st.cell_right))
        rows.append([_para(text("total", lang), st.cell), "", "", *totals, ""])
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
        return table

    def _notes(self) -> list[Flowable]:
        """The small print under the monthly table: the currency, the budget mark, the loans
        counted as if nothing is paid, and the payments made before a plan began."""
        st, lang, data = self.styles, self.lang, self.data
        notes = text("amounts_in", lang, currency=data.currency)
        if data.budget is not None:
            notes = text("over_budget_note", lang) + " " + notes
        story: list[Flowable] = [_para(notes, st.muted)]
        unplanned = [loan.loan for loan in data.loans if loan.unplanned]
        if unplanned:
            names = ("、" if lang == "zh_CN" else ", ").join(unplanned)
            story.append(_para(text("unplanned_note", lang, loans=names), st.muted))
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
                        "day": day_text(day, self.lang),
                        "start": day_text(loan.plan_start, self.lang),
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
        widths = _widths(self.frame_width, (0.06, 0.17, 0.18, 0.2, 0.14, 0.25))
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
                    # the installment as scheduled in "Amount", and what clears it today, named:
                    # the first page's and the window's figure for it
                    if entry.charges > 0:
                        status = text("status_overdue_owed", lang, owed=self.money(entry.to_pay))
                    status = "! " + status
                rows.append(
                    [
                        Mark("paid" if entry.status == "paid" else "due", 10),
                        cell(date_text(entry.due, lang), st.cell, widths[1]),
                        cell(entry.lender, st.cell, widths[2], LIST_NAME_LIMIT),
                        cell(entry.loan, st.cell, widths[3], LIST_NAME_LIMIT),
                        cell(self.money(entry.amount), st.cell_right, widths[4]),
                        cell(status, st.cell, widths[5]),
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


# ---------------------------------------------------------------------------- entry point


class _Document(BaseDocTemplate):
    """The document, telling ``progress`` each month page drawn (and the list, at the end)."""

    def __init__(self, path: str, progress: Progress | None, steps: int, **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        self.progress, self.steps, self.done = progress, steps, 0

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, MonthPage):
            self.done += 1
            report(self.progress, self.done, self.steps)


def write_calendar_pdf(data: CalendarData, path: Path, progress: Progress | None = None) -> None:
    """Write the repayment calendar of ``data`` to ``path`` (summary, months, list).

    ``progress`` hears (pages done, months + 1) and may cancel (``Cancelled``) between pages."""
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
    made = moment_text(data.generated_at, data.lang)
    footer = text("footer", data.lang) + "  ·  " + text("made", data.lang, when=made)
    steps = len(data.months) + 1
    report(progress, 0, steps)
    doc = _Document(
        str(path),
        progress,
        steps,
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
    report(progress, steps, steps)
