"""The guide's warnings worded in the interface's language: the service layer gives each one a
message name and the values it was built from; this module holds the translatable wording."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from ashore.money import format_amount
from ashore.services.guide import Warning


def _templates() -> dict[str, str]:
    # %1… follow the order of Warning.args for that message (see ashore.services.guide).
    return {
        "follow_up_passed": QCoreApplication.translate(
            "Warning",
            "%1: the follow-up of %2 passed %3 day(s) ago with no note since; "
            "call the lender again.",
        ),
        "follow_up_today": QCoreApplication.translate(
            "Warning", "%1: follow up with the lender today."
        ),
        "due_today": QCoreApplication.translate(
            "Warning", "%1: agreed payment of %2 is due today."
        ),
        "due_in": QCoreApplication.translate(
            "Warning", "%1: agreed payment of %2 is due in %3 day(s), on %4."
        ),
        "credit_check": QCoreApplication.translate(
            "Warning",
            "%1: the agreement is paid off (last payment %2). Check your credit report shows "
            "the overdue cleared, and record what it says.",
        ),
        "budget_monthly": QCoreApplication.translate(
            "Warning",
            "%1: “%2” needs %3 a month; with %5 agreed on other loans that is %6, "
            "%7 over your monthly budget of %8.",
        ),
        "budget_once": QCoreApplication.translate(
            "Warning",
            "%1: “%2” needs %3 at once by %4; with %5 agreed on other loans that is %6, "
            "%7 over your monthly budget of %8.",
        ),
    }


def _value_text(value: object, currency: str, locale: str) -> str:
    if isinstance(value, Decimal):
        return format_amount(value, currency, locale)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def warning_text(warning: Warning, locale: str) -> str:
    """The warning in the interface's language (amounts grouped per the babel ``locale``); its
    English ``text`` when it carries no message this module knows."""
    template = _templates().get(warning.message)
    if template is None:
        return warning.text
    values = [_value_text(value, warning.currency, locale) for value in warning.args]

    def fill(found: re.Match[str]) -> str:
        number = int(found.group(1))
        return values[number - 1] if 0 < number <= len(values) else found.group(0)

    # one pass, so a value that itself contains "%2" is never filled in again
    return re.sub(r"%(\d+)", fill, template)
