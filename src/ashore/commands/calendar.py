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
from ashore.reports.data import entries_after
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
    _say_later(book)
    return 0


def run_export_ics(args: argparse.Namespace, ctx: Context) -> int:
    """Write one all-day event per installment due in the chosen months to ``args.out``."""
    book = _collect(args, ctx)
    count = cal.write_ics_file(book, args.out, ctx.clock.now(), ctx.lang)
    print(f"wrote {args.out}: {count} event(s) in {len(book.months)} month(s)")
    _say_later(book)
    return 0


def _say_later(book: cal.CalendarBook) -> None:
    """One line when the months chosen leave later payments out (the default is 12 months, the
    plans may run longer): how many, and the ``--months`` that takes them in."""
    later = book.later()
    wanted = book.months_to_include_later()
    if not later or wanted is None:
        return
    after = f"{len(later)} more payment(s) fall after {book.months[-1][0]}-{book.months[-1][1]:02d}"
    last = later[-1].due
    still_out = entries_after(later, cal.months_from(date(*book.months[0], 1), wanted))
    if still_out:  # the plans run beyond the most months one calendar takes
        taken = len(later) - len(still_out)
        print(f"{after}, until {last}: --months {wanted} (the most) takes in {taken} of them")
    else:
        print(f"{after}, until {last}: --months {wanted} takes them in")


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
