"""Words from below the interface, said in its language: the guide's warnings (named, with their
values, by the service layer) and the input errors a form shows (by their code, with their
arguments; the field they are about is the error's ``field`` path, never read from the text)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ashore.app.errors import Fault, InputError
from ashore.domain.dates import date_text
from ashore.domain.money import format_amount
from ashore.ui.faults import rule_templates, world_templates
from ashore.ui.widgets.words import _tr

if TYPE_CHECKING:  # only a type here: fields.py imports this module and stays light
    from ashore.services.guide.warnings import Warning


# The argument (1-based, of Warning.args) that is a count, said with Qt's plural forms (%n).
_COUNTS = {"follow_up_passed": 3, "due_in": 3}


def _counted(n: int) -> dict[str, str]:
    # %n is the count named in _COUNTS, said with Qt's plural forms; %1… as in _templates.
    return {
        "follow_up_passed": _tr(
            "%1: the follow-up of %2 passed %n day(s) ago with no note since; "
            "call the lender again.",
            "",
            n,
        ),
        "due_in": _tr("%1: agreed payment of %2 is due in %n day(s), on %4.", "", n),
    }


def _templates() -> dict[str, str]:
    # %1… follow the order of Warning.args for that message (see ashore.services.guide).
    return {
        "follow_up_today": QCoreApplication.translate(
            "Warning", "%1: follow up with the lender today."
        ),
        "due_today": QCoreApplication.translate(
            "Warning", "%1: agreed payment of %2 is due today."
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
        return date_text(value, locale)
    return str(value)


def warning_text(warning: Warning, locale: str) -> str:
    """The warning in the interface's language (amounts grouped per the babel ``locale``); its
    English ``text`` when it carries no message this module knows."""
    counted = _COUNTS.get(warning.message)
    count = warning.args[counted - 1] if counted is not None else -1
    template = (
        _counted(count if isinstance(count, int) else -1) if counted is not None else _templates()
    ).get(warning.message)
    if template is None:
        return warning.text
    return _fill(template, [_value_text(v, warning.currency, locale) for v in warning.args])


def _error_templates() -> dict[str, str]:
    """The words of each error code a person can cause by typing into a form, in the interface's
    language; ``{name}`` is filled from the error's ``arguments``. The English text is the core's
    own (ashore.app.errors): a code not listed here shows the core's English words. The codes
    of the world below the window (files, the database) and of the money engine's rules are in
    ashore.ui.faults."""
    translate = QCoreApplication.translate
    return {
        **world_templates(),
        **rule_templates(),
        "rate.implausible_daily": translate(
            "InputError", "{value} % a day is not a plausible rate"
        ),
        "rate.implausible_fraction": translate(
            "InputError", "{value} is not a plausible rate (a fraction: 0.18 is 18 %)"
        ),
        "rate.implausible": translate("InputError", "{value} is not a plausible rate"),
        "amount.unreadable": translate("InputError", "{value} is not an amount"),
        "percent.unreadable": translate("InputError", "{value} is not a percentage"),
        "date.invalid": translate("InputError", "{value} is not a date"),
        "date.unreadable": translate("InputError", "{value} is not a date (YYYY-MM-DD)"),
        "date.unreadable_line": translate(
            "InputError", "line {line}: {value} is not a date (YYYY-MM-DD)"
        ),
        "number.not_whole": translate("InputError", "{value} is not a whole number"),
        "amount.too_large": translate("InputError", "{value} is too large"),
        "amount.too_many_decimals": translate(
            "InputError", "{value} has more decimals than {currency} allows"
        ),
        "amount.places": translate(
            "InputError", "{currency} amounts have at most {places} decimals"
        ),
        "amount.required": translate("InputError", "an amount is required"),
        "rate.required": translate("InputError", "a rate is required"),
        "amount.negative": translate("InputError", "must not be negative"),
        "amount.not_positive": translate("InputError", "must be more than zero"),
        "text.empty": translate("InputError", "must not be empty"),
        "number.below_minimum": translate("InputError", "must be at least {minimum}"),
        "number.above_maximum": translate("InputError", "must be at most {maximum}"),
        "text.too_long": translate("InputError", "keep it under {limit} characters"),
        "installments.empty": translate("InputError", "must list at least one installment"),
        "installments.line_incomplete": translate(
            "InputError", "line {line}: give a date and an amount"
        ),
        "share.above_full": translate("InputError", "at most 100 %"),
        "params.one_of": translate("InputError", "give either amount or discount (exactly one)"),
        "term.days_need_bullet": translate(
            "InputError", "days are only for a bullet loan; use month"
        ),
        "follow_up.before_call": translate("InputError", "the follow-up date is before the call"),
        "note.occurred_after_logged": translate(
            "InputError",
            "The “Call at” time is later than now, when the note is written: "
            "set it to when the call happened.",
        ),
        "note.reason_missing": translate("InputError", "say why the note is deleted"),
        "fallback.same_proposal": translate(
            "InputError", "choose another proposal than the one you ask for"
        ),
        "amount.below_interest": translate(
            "InputError", "must be at least {minimum} to cover the monthly interest"
        ),
        "amount.over_owed": translate("InputError", "is more than the {owed} owed"),
        "months.out_of_range": translate(
            "InputError", "must be a whole number of months from 1 to {maximum}"
        ),
        "plan.too_long": translate(
            "InputError", "too small, the plan would run over {maximum} months"
        ),
        "plan.nothing_owed": translate(
            "InputError", "nothing is owed on that day, there is nothing to plan"
        ),
        "date.before_start": translate("InputError", "must not be before the start date"),
        "date.not_after_start": translate("InputError", "must be after the start date"),
        "discount.not_below_full": translate("InputError", "must be below 100 %"),
    }


_NAMED = re.compile(r"\{(\w+)\}")


def _fill_named(template: str, values: Mapping[str, object]) -> str:
    """``template`` with each ``{name}`` replaced by ``values[name]`` in one pass (a value holding
    "{x}" stays as it is; a name with no value stays as written)."""

    def value(found: re.Match[str]) -> str:
        name = found.group(1)
        return str(values[name]) if name in values else found.group(0)

    return _NAMED.sub(value, template)


# "loan.principal: must be more than zero" -> "must be more than zero": only for an error raised
# as plain text (no code, no field): its path is for files and the command line.
_PATH_PREFIX = re.compile(r"^[\w.\[\]]+:\s+")


def error_detail(error: BaseException) -> str:
    """An error's message without its field path, in the interface's language when its code is
    one this module or ashore.ui.faults words (else the core's English words): what a form
    shows beside its field and what a dialog says of a fault from below the window."""
    if isinstance(error, Fault) and (error.code or error.field):
        template = _error_templates().get(error.code)
        if template is None or not set(_NAMED.findall(template)) <= set(error.arguments):
            return error.detail  # no words of our own, or not the values they need
        return _fill_named(template, error.arguments)
    return _PATH_PREFIX.sub("", str(error), count=1)


def as_error(problem: Exception | str) -> Exception:
    """``problem`` as an error with its field: a message given as text, or raised as plain text
    with no code and no field (the older way, "path: detail"), is an InputError on that path,
    without a code."""
    if isinstance(problem, Fault) and (problem.code or problem.field):
        return problem
    text = str(problem)
    path, colon, detail = text.partition(": ")
    if colon and _PATH_PREFIX.match(f"{path}: "):
        return InputError(detail, field=path)
    return problem if isinstance(problem, Exception) else InputError(text)


def error_field(error: BaseException) -> tuple[str, ...]:
    """The field path an error names, as its parts; () when it names none."""
    return error.field if isinstance(error, Fault) else ()


def error_text(error: BaseException) -> str:
    """An error's whole message, its field path (where in a file read in) in front: the words of
    its code in the interface's language, or the core's own line when it has no code."""
    if not isinstance(error, Fault) or not error.code:
        return str(error)
    detail = error_detail(error)
    return f"{error.path}: {detail}" if error.field else detail
