"""How the proposal form reads its text fields: whole months, percentages, shares, the lump sum's
discount and a custom plan's rows; each error names its field.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ashore.app.errors import InputError
from ashore.domain.money import parse_amount, parse_rate_percent
from ashore.domain.params import MAX_TERM_MONTHS
from ashore.ui.widgets.workspace import parse_day


def _whole(text: str, field: str, minimum: int) -> int:
    cleaned = text.strip()
    if not cleaned.isdigit():
        raise InputError.at(
            field, "number.not_whole", f"{cleaned!r} is not a whole number", value=repr(cleaned)
        )
    value = int(cleaned)
    if value < minimum:
        raise InputError.at(
            field, "number.below_minimum", f"must be at least {minimum}", minimum=minimum
        )
    most = MAX_TERM_MONTHS
    if value > most:
        raise InputError.at(field, "number.above_maximum", f"must be at most {most}", maximum=most)
    return value


def _percent(text: str, field: str) -> Decimal:
    return parse_rate_percent(text, field=field)


def _share(text: str, field: str) -> Decimal:
    value = parse_rate_percent(text, field=field)
    if value > 1:
        raise InputError.at(field, "share.above_full", "at most 100 %")
    return value


def _percent_text(value: Decimal) -> str:
    text = f"{value * 100:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _lump_discount(text: str) -> Decimal:
    value = parse_rate_percent(text, field="discount")
    if value >= 1:
        raise InputError.at("discount", "discount.not_below_full", "must be below 100 %")
    return value


def _custom_rows(text: str, currency: str) -> list[tuple[date, Decimal]]:
    rows: list[tuple[date, Decimal]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.strip().split(None, 1)
        if len(parts) != 2 and "," in line:
            parts = line.strip().split(",", 1)
        if len(parts) != 2:
            raise InputError.at(
                "installments",
                "installments.line_incomplete",
                f"line {number}: give a date and an amount",
                line=number,
            )
        due = parse_day(parts[0], f"installments: line {number}", line=number)
        amount = parse_amount(
            parts[1],
            field=f"installments: line {number}",
            currency=currency,
            allow_zero=False,
            units=True,
        )
        rows.append((due, amount))
    if not rows:
        raise InputError.at(
            "installments", "installments.empty", "must list at least one installment"
        )
    return rows
