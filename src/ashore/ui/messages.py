"""Words from below the interface, said in its language: the guide's warnings (named, with their
values, by the service layer) and the input errors a form shows (matched by their English)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ashore.domain.money import format_amount

if TYPE_CHECKING:  # only a type here: fields.py imports this module and stays light
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


def _fill(template: str, values: list[str]) -> str:
    """``template`` with %1, %2… replaced by ``values`` in one pass (a value holding "%2" stays)."""

    def value(found: re.Match[str]) -> str:
        number = int(found.group(1))
        return values[number - 1] if 0 < number <= len(values) else found.group(0)

    return re.sub(r"%(\d+)", value, template)


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
    return _fill(template, [_value_text(v, warning.currency, locale) for v in warning.args])


def _input_errors() -> list[tuple[re.Pattern[str], str]]:
    """The input errors a person can cause by typing into a form, as the core words them (without
    the field path) and as the interface says them; the groups fill %1, %2 in order."""
    translate = QCoreApplication.translate
    table = [
        (
            r"(.+) % a day is not a plausible rate",
            translate("InputError", "%1 % a day is not a plausible rate"),
        ),
        (
            r"(.+) is not a plausible rate \(a fraction: 0\.18 is 18 %\)",
            translate("InputError", "%1 is not a plausible rate (a fraction: 0.18 is 18 %)"),
        ),
        (r"(.+) is not a plausible rate", translate("InputError", "%1 is not a plausible rate")),
        (r"(.+) is not an amount", translate("InputError", "%1 is not an amount")),
        (r"(.+) is not a percentage", translate("InputError", "%1 is not a percentage")),
        (r"(.+) is not a date", translate("InputError", "%1 is not a date")),
        (r"(.+) is not a whole number", translate("InputError", "%1 is not a whole number")),
        (r"(.+) is too large", translate("InputError", "%1 is too large")),
        (
            r"(.+) has more decimals than (\w+) allows",
            translate("InputError", "%1 has more decimals than %2 allows"),
        ),
        (
            r"(\w+) amounts have at most (\d+) decimals",
            translate("InputError", "%1 amounts have at most %2 decimals"),
        ),
        (r"an amount is required", translate("InputError", "an amount is required")),
        (r"a rate is required", translate("InputError", "a rate is required")),
        (r"must not be negative", translate("InputError", "must not be negative")),
        (r"must be more than zero", translate("InputError", "must be more than zero")),
        (r"must not be empty", translate("InputError", "must not be empty")),
        (r"must be at least (\S+)", translate("InputError", "must be at least %1")),
        (r"keep it under (\d+) characters", translate("InputError", "keep it under %1 characters")),
        (
            r"must list at least one installment",
            translate("InputError", "must list at least one installment"),
        ),
        (
            r"give either amount or discount \(exactly one\)",
            translate("InputError", "give either amount or discount (exactly one)"),
        ),
        (
            r"days are only for a bullet loan; use month",
            translate("InputError", "days are only for a bullet loan; use month"),
        ),
        (
            r"the follow-up date is before the call",
            translate("InputError", "the follow-up date is before the call"),
        ),
        (
            r"is after the note was written; pick the call's time",
            translate("InputError", "is after the note was written; pick the call's time"),
        ),
        (r"say why the note is deleted", translate("InputError", "say why the note is deleted")),
        (
            r"choose another proposal than the one you ask for",
            translate("InputError", "choose another proposal than the one you ask for"),
        ),
    ]
    return [(re.compile(pattern), template) for pattern, template in table]


def input_error_text(text: str) -> str:
    """An input error's message (its field path already taken off) in the interface's language;
    the message itself when it is not one a form shows."""
    for pattern, template in _input_errors():
        found = pattern.fullmatch(text)
        if found is None:
            continue
        return _fill(template, list(found.groups()))
    return text
