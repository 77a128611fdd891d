"""The due dates as an iCalendar file (RFC 5545) for phone and desktop calendar apps.

Written with the ``icalendar`` package (escaping, folding at 75 octets, CRLF): one all-day event
per installment with reminders three days before, the day before and on the day (09:00), and
UIDs that stay the same from one export to the next, so importing again updates the events
instead of doubling them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

from ashore.app.errors import InputError
from ashore.domain.money import format_amount
from ashore.reports.data import CalendarEntry
from ashore.reports.strings import day_text, later_note, month_short, text

PRODID = "-//Ashore//Ashore repayment calendar//EN"
UID_DOMAIN = "ashore.invalid"
# Three days before the due date, at 09:00 local time: an all-day event starts at 00:00, and a
# reminder in the middle of the night is one nobody sees.
REMINDER = -timedelta(days=2, hours=15)
# The same reminders as the app's tray (ashore.services.reminders): 3 days before, the day before
# and on the day, each at 09:00, with the words for each.
REMINDERS: tuple[tuple[timedelta, str], ...] = (
    (REMINDER, "ics_reminder"),
    (-timedelta(hours=15), "ics_reminder_1"),
    (timedelta(hours=9), "ics_reminder_0"),
)


def clean_text(value: str) -> str:
    """What a user typed, made safe for a calendar file: control characters other than newline
    are dropped and a lone surrogate (which UTF-8 cannot encode) becomes U+FFFD."""
    value = "".join(
        "\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch
        for ch in value
        if ch in "\r\n" or (ord(ch) >= 0x20 and ord(ch) != 0x7F)
    )
    return value.replace("\r\n", "\n").replace("\r", "\n")


def event_uid(entry: CalendarEntry) -> str:
    """The stable UID of one installment: loan id, plan id and due date, percent-encoded."""
    loan = quote(entry.loan_id or entry.loan, safe="-_.")
    plan = quote(entry.plan_id or "schedule", safe="-_.")
    return f"{loan}.{plan}.{entry.due:%Y%m%d}@{UID_DOMAIN}"


def _stamp(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise InputError("generated_at: needs a time zone (an aware datetime)")
    return moment.astimezone(UTC).replace(microsecond=0)


def _status_text(entry: CalendarEntry, lang: str, currency: str) -> str:
    if entry.status == "partly_paid":
        return text("status_partly_paid", lang, paid=format_amount(entry.paid, currency, lang))
    return text(f"status_{entry.status}", lang)


def _words(entry: CalendarEntry, lang: str, currency: str) -> tuple[str, str]:
    """The event's summary and description: a paid installment says paid, a partly paid one
    what is left of it, an overdue one that it is overdue and what it takes to clear it today."""

    def money(value: Decimal) -> str:
        return format_amount(value, currency, lang)

    names = {"lender": clean_text(entry.lender), "loan": clean_text(entry.loan)}
    amount, left = money(entry.amount), money(entry.to_pay)
    if entry.status == "paid":
        summary = text("ics_summary_paid", lang, amount=amount, currency=currency, **names)
    elif entry.status == "overdue":
        summary = text(
            "ics_summary_overdue",
            lang,
            due=day_text(entry.due, lang),  # the one date style, in the export's language
            left=left,
            currency=currency,
            **names,
        )
    elif entry.status == "partly_paid":
        summary = text(
            "ics_summary_partly", lang, amount=amount, left=left, currency=currency, **names
        )
    else:
        summary = text("ics_summary", lang, amount=amount, currency=currency, **names)
    lines = [
        text(
            "ics_description",
            lang,
            amount=amount,
            currency=currency,
            status=_status_text(entry, lang, currency),
            **names,
        )
    ]
    if entry.charges > 0:
        lines.append(text("ics_owed_today", lang, owed=left, currency=currency))
    elif entry.status == "partly_paid":
        lines.append(text("ics_left", lang, left=left, currency=currency))
    return summary, "\n".join(lines)


def calendar_description(
    months: Sequence[tuple[int, int]], later: Sequence[CalendarEntry], lang: str, currency: str
) -> str:
    """The calendar's own description: the months it covers and, when the plans go on after
    them, how many payments (how much, until when) it leaves out, as the PDF's summary says."""
    if not months:
        return ""
    first, last = month_short(*months[0], lang), month_short(*months[-1], lang)
    words = [text("ics_range", lang, first=first, last=last)]
    if later:
        words.append(
            later_note(later, months[-1], lang, lambda value: format_amount(value, currency, lang))
        )
    return ("" if lang == "zh_CN" else " ").join(words)


def ics_text(
    entries: Iterable[CalendarEntry],
    *,
    generated_at: datetime,
    lang: str = "en",
    currency: str = "CNY",
    today: date | None = None,
    months: Sequence[tuple[int, int]] = (),
    later: Sequence[CalendarEntry] = (),
) -> str:
    """The whole calendar as one string with CRLF line ends (what :func:`write_ics` writes).

    With ``today``, an overdue installment's event is on that day (see ``_words``). With
    ``months`` (the months exported) the calendar's description names them and the ``later``
    payments after them (X-WR-CALDESC, which calendar apps show, and DESCRIPTION, RFC 7986)."""
    from icalendar import Alarm, Calendar, Event  # lazy: only an export needs it

    stamp = _stamp(generated_at)
    cal = Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID)
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", text("ics_name", lang))
    described = calendar_description(months, later, lang, currency)
    if described:
        cal.add("x-wr-caldesc", described)
        cal.add("description", described)
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
        summary, description = _words(entry, lang, currency)
        # An overdue installment is shown on the day of the export (its due date is past, and a
        # reminder there is one nobody sees), still keyed by its due date.
        day = (
            today if today is not None and entry.status == "overdue" and entry.due < today else None
        )
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", day or entry.due)
        event.add("dtend", (day or entry.due) + timedelta(days=1))
        event.add("summary", summary)
        event.add("description", description)
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["Ashore"])
        if entry.status != "paid":
            for trigger, words in REMINDERS[-1:] if day else REMINDERS:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", text(words, lang, summary=summary))
                alarm.add("trigger", trigger)
                event.add_component(alarm)
        cal.add_component(event)
    return str(cal.to_ical().decode("utf-8"))


def write_ics(
    entries: Iterable[CalendarEntry],
    path: Path,
    *,
    generated_at: datetime,
    lang: str = "en",
    currency: str = "CNY",
    today: date | None = None,
    months: Sequence[tuple[int, int]] = (),
    later: Sequence[CalendarEntry] = (),
) -> None:
    """Write ``entries`` to ``path`` as an .ics file: one all-day event each, reminder included.

    Paid installments are kept, marked paid (the calendar shows the whole plan), and carry no
    reminder.
    """
    data = ics_text(
        entries,
        generated_at=generated_at,
        lang=lang,
        currency=currency,
        today=today,
        months=months,
        later=later,
    )
    # newline="" keeps the CRLF line ends RFC 5545 requires on every platform.
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        fh.write(data)
