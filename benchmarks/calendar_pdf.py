"""Time the PDF repayment calendar (50 loans, 12 months) against bare reportlab drawing the same
tables, in the same run, interleaved, medians; with each one's peak memory. Also how it grows
with 5, 50 and 500 loans.

The baseline is what the same pages cost with nothing of Ashore: the same bundled font, a summary
table of the loans, one month grid per page (a 7 × 6 table of day cells, each listing its
payments), and the full list of payments as a table, drawn with reportlab's platypus Table.
Each side runs as a fresh process, as a user runs the export.
Run: ``.venv/bin/python benchmarks/calendar_pdf.py [--loans 5 50 500] [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OURS = r"""
import sys
sys.path.insert(0, sys.argv[3])
from calendar_pdf import heavy_calendar
from ashore.reports.calendar_pdf import write_calendar_pdf
write_calendar_pdf(heavy_calendar(int(sys.argv[1])), __import__("pathlib").Path(sys.argv[2]))
"""

BARE = r"""
import sys, calendar
sys.path.insert(0, sys.argv[3])
from calendar_pdf import heavy_calendar
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, PageBreak
from ashore.app.resources import resource_path
data = heavy_calendar(int(sys.argv[1]))
font = str(resource_path("fonts", "wqy-microhei.ttc"))
pdfmetrics.registerFont(TTFont("F", font, subfontIndex=0))
style = TableStyle([("FONT", (0, 0), (-1, -1), "F", 8), ("GRID", (0, 0), (-1, -1), 0.3, "grey")])
story = [Table([[l.lender, l.loan, l.plan, f"{l.left_to_pay:,.2f}", str(l.end_date)]
                for l in data.loans], style=style, repeatRows=0), PageBreak()]
for year, month in data.months:
    rows = []
    for week in calendar.Calendar().monthdayscalendar(year, month):
        rows.append(["\n".join([str(d)] + [f"{e.lender} {e.amount:,.2f}" for e in data.entries
                     if e.due.year == year and e.due.month == month and e.due.day == d][:4])
                     if d else "" for d in week])
    story += [Table(rows, colWidths=[75] * 7, rowHeights=[110] * len(rows), style=style),
              PageBreak()]
story.append(Table([[str(e.due), e.lender, e.loan, f"{e.amount:,.2f}", e.status]
                    for e in sorted(data.entries, key=lambda e: e.due)], style=style,
                   repeatRows=0))
SimpleDocTemplate(sys.argv[2], pagesize=A4).build(story)
"""


def heavy_calendar(loans: int):  # type: ignore[no-untyped-def]  # a benchmark's generator
    """A year of ``loans`` loans from loans/4 lenders, one payment a month each, some paid."""
    from datetime import UTC, date, datetime
    from decimal import Decimal

    from ashore.reports.data import CalendarData, CalendarEntry, CalendarLoan

    lenders = [f"Lender {j}" for j in range(max(1, loans // 4))]
    entries, rows = [], []
    for k in range(loans):
        lender = lenders[k % len(lenders)]
        amount = Decimal(300 + 7 * k) + Decimal("0.50")
        for m in range(12):
            due = date(2026 + (10 + m) // 12, (10 + m) % 12 + 1, 1 + (k * 3) % 28)
            status = "paid" if m == 0 else ("overdue" if due < date(2026, 11, 28) else "due")
            paid = amount if status == "paid" else Decimal("0")
            entries.append(
                CalendarEntry(due, lender, f"Loan {k}", f"loan-{k}", amount, status, paid)
            )
        rows.append(
            CalendarLoan(
                lender,
                f"Loan {k}",
                "original schedule",
                amount * 12,
                date(2027, 10, 28),
                f"loan-{k}",
            )
        )
    months = [(2026 + (10 + m) // 12, (10 + m) % 12 + 1) for m in range(12)]
    return CalendarData(
        entries=entries,
        loans=rows,
        months=months,
        today=date(2026, 11, 28),
        generated_at=datetime(2026, 11, 28, 12, 0, tzinfo=UTC),
        budget=Decimal("20000.00"),
    )


def run(args: list[str]) -> tuple[float, float]:
    """Seconds and peak memory (MB, this child's own maximum resident size) of one process."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        assert child.stderr is not None
        raise SystemExit(f"{' '.join(args[:3])}… failed: {child.stderr.read().decode()[-600:]}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loans", type=int, nargs="+", default=[5, 50, 500])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    here = str(Path(__file__).resolve().parent)
    print(f"{'loans':<8}{'Ashore':>10}{'bare':>10}{'ratio':>8}{'MB ours':>9}{'MB bare':>9}")
    with tempfile.TemporaryDirectory(prefix="ashore-pdf-") as work:
        for loans in args.loans:
            times: dict[str, list[float]] = {"ours": [], "bare": []}
            peaks = {"ours": 0.0, "bare": 0.0}
            for r in range(args.rounds):  # interleaved: ours, then the baseline
                for side, code in (("ours", OURS), ("bare", BARE)):
                    out = str(Path(work) / f"{side}-{loans}-{r}.pdf")
                    seconds, peak = run([sys.executable, "-c", code, str(loans), out, here])
                    times[side].append(seconds)
                    peaks[side] = max(peaks[side], peak)
            ours, bare = statistics.median(times["ours"]), statistics.median(times["bare"])
            print(
                f"{loans:<8}{ours:>9.2f}s{bare:>9.2f}s{ours / bare:>7.1f}×"
                f"{peaks['ours']:>9.0f}{peaks['bare']:>9.0f}"
            )


if __name__ == "__main__":
    main()
