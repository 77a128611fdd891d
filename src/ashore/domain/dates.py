"""The one way a date a person reads is written, per language: "Dec 15, 2026" in English,
"2026年12月15日" in Chinese — in the window's tables, lists, labels and status bar, in the tray's
messages, in the printable calendar and in the letters (with its weekday where a list shows one:
"Tue, Dec 15, 2026", "2026年12月15日 周二"), and in the words of the .ics events. Date fields keep
the typed ISO form (2026-12-15), and what programs read (exchange JSON, the .ics's own date fields,
file names, the command line's output) keeps ISO too.
"""

from __future__ import annotations

from datetime import date, datetime

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def date_text(day: date, lang: str, *, weekday: bool = False) -> str:
    """``day`` as a person reads it in ``lang`` ("en" or "zh_CN"; any "zh…" is Chinese), with
    its weekday when ``weekday``."""
    if lang.startswith("zh"):
        text = f"{day.year}年{day.month}月{day.day}日"
        return f"{text} {_WEEKDAYS_ZH[day.weekday()]}" if weekday else text
    text = f"{_MONTHS_EN[day.month - 1]} {day.day}, {day.year}"
    return f"{_WEEKDAYS_EN[day.weekday()]}, {text}" if weekday else text


def offset_text(value: datetime) -> str:
    """The zone of a recorded time as ``UTC+8`` (``UTC+5:30``, ``UTC+0``)."""
    offset = value.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
