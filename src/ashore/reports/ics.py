"""The due dates as an iCalendar file (RFC 5545) for phone and desktop calendar apps.

Written by hand, so it needs nothing at run time: one all-day event per installment with a
reminder three days before, and UIDs that stay the same from one export to the next, so importing
again updates the events instead of doubling them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from ashore.errors import InputError
from ashore.money import format_amount
from ashore.reports.data import CalendarEntry
from ashore.reports.strings import text

PRODID = "-//Ashore//Ashore repayment calendar//EN"
UID_DOMAIN = "ashore.invalid"
# Three days before the due date, at 09:00 local time: an all-day event starts at 00:00, and a
# reminder in the middle of the night is one nobody sees.
REMINDER = "-P2DT15H"


def escape_text(value: str) -> str:
    """RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines.

    Control characters other than newline are dropped and a lone surrogate (which UTF-8 cannot
    encode) becomes U+FFFD, so no name a user typed can break the file.
    """
    value = "".join(
        "\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch
        for ch in value
        if ch in "\r\n" or (ord(ch) >= 0x20 and ord(ch) != 0x7F)
    )
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold one content line into pieces of at most 75 octets, never inside a UTF-8 character."""
    pieces: list[str] = []
    current = ""
    size = 0
    limit = 75
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size = " ", 1  # a continuation line starts with one space, counted
            limit = 75
        current += ch
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def event_uid(entry: CalendarEntry) -> str:
    """The stable UID of one installment: loan id, plan id and due date, percent-encoded."""
    loan = quote(entry.loan_id or entry.loan, safe="-_.")
    plan = quote(entry.plan_id or "schedule", safe="-_.")
    return f"{loan}.{plan}.{entry.due:%Y%m%d}@{UID_DOMAIN}"


def _stamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise InputError("generated_at: needs a time zone (an aware datetime)")
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _status_text(entry: CalendarEntry, lang: str, currency: str) -> str:
    if entry.status == "partly_paid":
        return text("status_partly_paid", lang, paid=format_amount(entry.paid, currency, lang))
    return text(f"status_{entry.status}", lang)


def ics_text(
    entries: Iterable[CalendarEntry],
    *,
    generated_at: datetime,
    lang: str = "en",
    currency: str = "CNY",
) -> str:
    """The whole calendar as one string with CRLF line ends (what :func:`write_ics` writes)."""
    stamp = _stamp(generated_at)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(text('ics_name', lang))}",
    ]
    seen: dict[str, int] = {}
    ordered = sorted(entries, key=lambda e: (e.due, e.lender, e.loan, e.loan_id, e.plan_id))
    for entry in ordered:
        uid = event_uid(entry)
        if uid in seen:
            # Two installments of one loan and plan on one day: keep both, numbered in order.
            seen[uid] += 1
            uid = uid.replace("@", f".{seen[uid]}@", 1)
        else:
            seen[uid] = 1
        amount = format_amount(entry.amount, currency, lang)
        summary = text(
            "ics_summary",
            lang,
            amount=amount,
            currency=currency,
            lender=entry.lender,
            loan=entry.loan,
        )
        description = text(
            "ics_description",
            lang,
            lender=entry.lender,
            loan=entry.loan,
            amount=amount,
            currency=currency,
            status=_status_text(entry, lang, currency),
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{entry.due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{entry.due + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(summary)}",
            f"DESCRIPTION:{escape_text(description)}",
            "TRANSP:TRANSPARENT",
            "CATEGORIES:Ashore",
        ]
        if entry.status != "paid":
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{escape_text(text('ics_reminder', lang, summary=summary))}",
                f"TRIGGER:{REMINDER}",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_ics(
    entries: Iterable[CalendarEntry],
    path: Path,
    *,
    generated_at: datetime,
    lang: str = "en",
    currency: str = "CNY",
) -> None:
    """Write ``entries`` to ``path`` as an .ics file: one all-day event each, reminder included.

    Paid installments are kept (the calendar shows the whole plan) but carry no reminder.
    """
    data = ics_text(entries, generated_at=generated_at, lang=lang, currency=currency)
    # newline="" keeps the CRLF line ends RFC 5545 requires on every platform.
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        fh.write(data)
