"""``_tr``: the translation of a text outside any class (Qt's context ""), for the module-level
word tables (stage names, rules broken, hardship reasons). ``make translations`` reads ``_tr(...)``
calls as ``tr`` (``-tr-function-alias tr+=_tr``), so each module imports this one under that name.

Counts are said with Qt's plural forms, never built by hand: ``self.tr("%n note(s)", "", n)`` or
``_tr("%n day(s)", "", n)`` (lupdate marks a message with a count as numerus; the English forms
live in ashore_en.ts, which holds only those).
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication

from ashore.domain.dates import date_text


def _tr(text: str, disambiguation: str = "", n: int = -1) -> str:
    """``text`` translated; with ``n``, a count: "%n day(s)" says "1 day", "2 days" (the English
    catalogue, ashore_en.ts, holds the plural forms; Chinese has one)."""
    # lupdate files these under ""
    return QCoreApplication.translate("", text, disambiguation or None, n)


def apr_explained() -> str:
    """What the APR (the true yearly cost) is and why it can differ from the quoted rate: the one
    tooltip wherever it shows (the comparison's row, the Overview's cost). "500 a month at 6 %"
    showed 6.38 %: its first payment, 13 days after the start, carries a full month's interest
    (DOMAIN.md), and the yearly cost of those cash flows on their dates is above 6 %."""
    return _tr(
        "The yearly cost of these payments on their dates (IRR method). It can differ from the "
        "quoted rate: fees count, and a first period shorter or longer than a month still "
        "carries a full month's interest."
    )


def joined(items: list[str]) -> str:
    """``items`` as a list in the interface's language: "a, b, c" in English, "a、b、c" in Chinese
    (the separator is translated)."""
    return _tr(", ").join(items)


def interface_lang() -> str:
    """The interface's language, "zh_CN" or "en", as the installed catalogue says it (for code
    that is not handed the language: a note's card, the tray)."""
    code = _tr("en", "the code of the interface's language: zh_CN in the Chinese catalogue")
    return "zh_CN" if code.startswith("zh") else "en"


def day_text(day: date | None) -> str:
    """A date as a person reads it in the interface's language ("Dec 15, 2026", "2026年12月15日";
    ashore.domain.dates owns the style); empty for None."""
    return "" if day is None else date_text(day, interface_lang())


# Qt breaks Chinese text between any two characters: a date in a wrapped cell or label came out
# as "2026年6" / "月15日". A word joiner (U+2060, nothing on screen) between its characters keeps
# each date on one line. (English breaks only at spaces.)
WORD_JOINER = "\u2060"
_DATES = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
_CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def unbroken_dates(text: str) -> str:
    """``text`` with every Chinese date in it ("2026年12月15日") kept on one line when the text
    wraps."""
    return _DATES.sub(lambda found: WORD_JOINER.join(found.group(0)), text)


def no_lone_end(text: str, keep: int = 4) -> str:
    """Chinese ``text`` whose last line, when it wraps, holds at least its last ``keep``
    characters ("负担过" / "重。" left one character alone on the last line)."""
    end = text[-keep:]
    if len(text) <= keep or not all(_CHINESE.match(c) for c in end):
        return text
    return text[:-keep] + WORD_JOINER.join(end)
