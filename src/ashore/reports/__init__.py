"""Printable and importable outputs: the PDF repayment calendar and the .ics due dates.

No Qt here, and reportlab is imported only when a PDF is written (``write_calendar_pdf``).
"""

from __future__ import annotations

from pathlib import Path

from ashore.app.progress import Progress
from ashore.reports.data import (
    PAPERS,
    STATUSES,
    CalendarData,
    CalendarEntry,
    CalendarLoan,
    Paper,
    Status,
)
from ashore.reports.ics import ics_text, write_ics

__all__ = [
    "PAPERS",
    "STATUSES",
    "CalendarData",
    "CalendarEntry",
    "CalendarLoan",
    "Paper",
    "Status",
    "ics_text",
    "write_calendar_pdf",
    "write_ics",
]


def write_calendar_pdf(data: CalendarData, path: Path, progress: Progress | None = None) -> None:
    """Write the PDF repayment calendar of ``data`` to ``path`` (see reports.calendar_pdf);
    ``progress`` hears (pages done, months + 1) and may cancel."""
    from ashore.reports.calendar_pdf import write_calendar_pdf as write  # lazy: reportlab is slow

    write(data, path, progress)
