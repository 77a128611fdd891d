"""``ashore export calendar`` and ``ashore export ics``: the plan in force of each loan, as a
printable PDF calendar or as events for calendar apps (``services.calendars`` does the work, the
same as the window's File ▸ Export)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from ashore.app.context import Context
from ashore.app.errors import InputError
from ashore.services import Ledger
from ashore.services import calendars as cal

DEFAULT_MONTHS = cal.DEFAULT_MONTHS


def run_export_calendar(args: argparse.Namespace, ctx: Context) -> int:
    """Write the PDF calendar of the chosen loans and months to ``args.out``."""
    book = _collect(args, ctx)
    data = cal.calendar_data(book, ctx.today, ctx.clock.now(), ctx.lang, args.paper)
    cal.write_pdf(data, args.out)
    print(
        f"wrote {args.out}: {len(book.months)} month(s), {len(book.shown())} payment(s),"
        f" {data.paper}"
    )
    return 0


def run_export_ics(args: argparse.Namespace, ctx: Context) -> int:
    """Write one all-day event per installment due in the chosen months to ``args.out``."""
    book = _collect(args, ctx)
    count = cal.write_ics_file(book, args.out, ctx.clock.now(), ctx.lang)
    print(f"wrote {args.out}: {count} event(s) in {len(book.months)} month(s)")
    return 0


def _collect(args: argparse.Namespace, ctx: Context) -> cal.CalendarBook:
    first = _first_month(args.from_month, ctx.today)
    months = cal.months_from(first, args.months or DEFAULT_MONTHS)
    ledger = Ledger.open(ctx.data, ctx.clock, read_only=True)  # beside the window too
    try:
        return cal.collect(ledger, ctx.today, months, args.loans or [], ctx.lang)
    finally:
        ledger.close()


def _first_month(text_value: str | None, today: date) -> date:
    if text_value is None:
        return today.replace(day=1)
    try:
        return datetime.strptime(text_value, "%Y-%m").date()
    except ValueError:
        raise InputError(f"--from: {text_value!r} is not a month (YYYY-MM)") from None


def _write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Kept for the commands that import it (the letter): see services.calendars."""
    cal.write_atomically(path, write)
