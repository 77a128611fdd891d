"""How the loan form writes and reads a value: an amount in its currency, a percentage, and a
text field that must not be empty.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ashore.app.errors import InputError
from ashore.domain.money import format_amount


def amount_text(value: Decimal, currency: str, locale: str) -> str:
    """An amount as the form shows it: grouped per locale, which parse_amount reads back."""
    return format_amount(value, currency, locale)


def percent_text(fraction: Decimal) -> str:
    """0.0005 -> "0.05": a rate as the percentage a person types."""
    pct = (fraction * 100).normalize()
    return f"{pct:f}"


def _required_text(field: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        value = text.strip()
        if not value:
            raise InputError(f"{field}: required")
        return value

    return parse
