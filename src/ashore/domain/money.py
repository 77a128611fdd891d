"""Exact money and rates: parse what a person types, round half-up to the minor unit, format.

Money is always ``decimal.Decimal``; nothing here (or anywhere in Ashore) passes an amount through
float. Rates keep the unit they were quoted in and convert explicitly (DOMAIN.md).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

from ashore.app.errors import Fault

__all__ = [
    "CENT",
    "ZERO",
    "AmountError",
    "Rate",
    "RateUnit",
    "format_amount",
    "format_plain",
    "from_minor",
    "minor_unit",
    "parse_amount",
    "parse_decimal",
    "parse_rate_percent",
    "round_money",
    "to_minor",
]

ZERO = Decimal("0")
CENT = Decimal("0.01")

# ISO 4217 exponents for currencies a borrower of online loans may meet; the rest use 2.
_EXPONENTS = {"JPY": 0, "KRW": 0, "VND": 0, "IDR": 2, "CLP": 0, "ISK": 0, "KWD": 3, "BHD": 3}

RateUnit = Literal["year", "month", "day"]
RATE_UNITS: tuple[RateUnit, ...] = ("year", "month", "day")

# Hard ceilings that catch typing slips ("500 % a day") rather than real contracts.
_MAX_RATE_PER_YEAR = Decimal("100")  # 10,000 % a year
_MAX_AMOUNT = Decimal("1000000000000")  # 10^12


class AmountError(Fault, ValueError):
    """A string is not an acceptable amount or rate: a code, the field and the values the
    message names."""


_QUANTA: dict[str, Decimal] = {}  # currency code as asked -> its quantum (asked very often)


def minor_unit(currency: str = "CNY") -> Decimal:
    """The smallest unit of ``currency`` as a Decimal quantum (0.01 for CNY, 1 for JPY)."""
    found = _QUANTA.get(currency)
    if found is None:
        exponent = _EXPONENTS.get(currency.upper(), 2)
        found = _QUANTA[currency] = Decimal(1).scaleb(-exponent)
    return found


def round_money(value: Decimal, currency: str = "CNY") -> Decimal:
    """Round half-up to the currency's minor unit: the rounding of every stored step."""
    return value.quantize(minor_unit(currency), rounding=ROUND_HALF_UP)


def to_minor(value: Decimal, currency: str = "CNY") -> int:
    """Integer minor units (cents) of an amount already rounded to the minor unit."""
    quantum = minor_unit(currency)
    if value.quantize(quantum) != value:
        raise AmountError(
            f"{value} has more decimals than {currency} allows",
            code="amount.too_many_decimals",
            arguments={"value": str(value), "currency": currency},
        )
    return int(value.scaleb(-quantum.as_tuple().exponent))  # type: ignore[operator]


def from_minor(units: int, currency: str = "CNY") -> Decimal:
    """The amount of ``units`` minor units."""
    quantum = minor_unit(currency)
    return (Decimal(units) * quantum).quantize(quantum)


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
_CURRENCY_MARKS = re.compile(r"^[A-Za-z]{3}|[A-Za-z]{3}$|[¥￥$€£元]|RMB|rmb")


# Chinese amount units a person types in the window: "1.2万" is 12,000.
_UNITS = {"万": 10_000, "千": 1_000}


def _normalise(text: str) -> str:
    # NFKC turns full-width digits and punctuation (１２，０００．５０) into ASCII.
    text = unicodedata.normalize("NFKC", text).strip()
    text = text.replace("−", "-").replace("，", ",").replace("。", ".")
    return text


def _unreadable(field: str, original: str) -> AmountError:
    shown = repr(original.strip())
    return AmountError.at(field, "amount.unreadable", f"{shown} is not an amount", value=shown)


def parse_decimal(text: str, *, field: str = "value") -> Decimal:
    """Parse a plain decimal string strictly (the exchange format: "1100.16", "-3", "0.0005").

    No grouping separators, no currency marks, no exponent. Raises AmountError naming ``field``.
    """
    if not isinstance(text, str):
        raise AmountError.at(
            field, "decimal.not_string", f"{text!r} is not a decimal string", value=repr(text)
        )
    if not re.fullmatch(r"-?[0-9]{1,12}(\.[0-9]{1,20})?", text.strip()):
        raise AmountError.at(
            field,
            "decimal.not_plain",
            f"{text[:40]!r} is not a decimal amount (under 10^12)",
            value=repr(text[:40]),
        )
    return Decimal(text.strip())


# Complexity over 10 on purpose: each branch is one way people write an amount (grouping, signs,
# full-width, percent).
def parse_amount(  # noqa: C901
    text: str,
    *,
    field: str = "amount",
    currency: str = "CNY",
    allow_zero: bool = True,
    allow_negative: bool = False,
    units: bool = False,
) -> Decimal:
    """Parse an amount as a person types it and return it rounded to the minor unit.

    ``units`` (the window's amount fields only; never the command line or the exchange format,
    which take plain decimals) also reads a Chinese unit after the number: "1.2万" is 12,000 and
    "3千" 3,000 (万 = 10,000, 千 = 1,000), "1.2万元" as well.

    Accepts grouping with commas, spaces or apostrophes ("12,000", "12 000.50"), full-width digits,
    and a currency sign ("¥12,000"). A comma followed by exactly one or two digits at the end is
    read as a decimal comma ("12,5"). Refuses anything else with an AmountError whose message names
    ``field`` and says what is wrong; refuses more decimals than the currency has.
    """
    original = text
    if not isinstance(text, str) or not text.strip():
        raise AmountError.at(field, "amount.required", "an amount is required")
    text = _normalise(text)
    text = _CURRENCY_MARKS.sub("", text).strip()
    text = _SPACES.sub("", text)
    multiplier = 1
    if units and text[-1:] in _UNITS:
        multiplier, text = _UNITS[text[-1]], text[:-1]
    negative = False
    if text.startswith("-"):
        negative, text = True, text[1:]
    if re.fullmatch(r"[0-9]+,[0-9]{1,2}", text):  # decimal comma: "12,5" or "12,50"
        text = text.replace(",", ".")
    elif re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+,[0-9]{1,2}", text):  # "12.000,50"
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?", text):  # "12,000.50"
        text = text.replace(",", "")
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?|\.[0-9]+", text):
        raise _unreadable(field, original)
    try:
        value = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regex above admits only valid literals
        raise _unreadable(field, original) from None
    if negative:
        value = -value
    value *= multiplier
    if abs(value) >= _MAX_AMOUNT:  # before quantize: 10^26 would overflow its 28 digits
        shown = repr(original.strip()[:40])
        raise AmountError.at(field, "amount.too_large", f"{shown} is too large", value=shown)
    quantum = minor_unit(currency)
    if value != value.quantize(quantum, rounding=ROUND_HALF_UP):
        places = -quantum.as_tuple().exponent  # type: ignore[operator]
        raise AmountError.at(
            field,
            "amount.places",
            f"{currency} amounts have at most {places} decimals",
            currency=currency,
            places=places,
        )
    if value < 0 and not allow_negative:
        raise AmountError.at(field, "amount.negative", "must not be negative")
    if value == 0 and not allow_zero:
        raise AmountError.at(field, "amount.not_positive", "must be more than zero")
    return value.quantize(quantum)


def parse_rate_percent(text: str, *, field: str = "rate") -> Decimal:
    """Parse a rate typed in percent ("18", "0.05 %", "１８％"); return it as a fraction (0.18)."""
    if not isinstance(text, str) or not text.strip():
        raise AmountError.at(field, "rate.required", "a rate is required")
    cleaned = _normalise(text).replace("%", "").strip()
    if re.fullmatch(r"[0-9]+,[0-9]+", cleaned):
        cleaned = cleaned.replace(",", ".")
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?|\.[0-9]+", cleaned):
        if cleaned.startswith("-"):
            raise AmountError.at(field, "amount.negative", "must not be negative")
        shown = repr(text.strip())
        raise AmountError.at(
            field, "percent.unreadable", f"{shown} is not a percentage", value=shown
        )
    return Decimal(cleaned) / 100


@dataclass(frozen=True, slots=True)
class Rate:
    """An interest rate as quoted: ``value`` is a fraction (0.18 = 18 %) per ``per``.

    A daily quote converts to a year of ``day_count`` days (360 unless the loan says 365).
    """

    value: Decimal
    per: RateUnit = "year"
    day_count: int = 360

    def __post_init__(self) -> None:
        if self.per not in RATE_UNITS:
            raise AmountError.at(
                "rate.per",
                "choice.unknown",
                f"{self.per!r} is not one of year, month, day",
                value=repr(self.per),
                choices="year, month, day",
            )
        if self.day_count not in (360, 365):
            raise AmountError.at(
                "rate.day_count",
                "rate.day_count",
                f"{self.day_count!r} must be 360 or 365",
                value=repr(self.day_count),
            )
        if self.value < 0:
            raise AmountError.at("rate.value", "amount.negative", "must not be negative")
        if self.annual() > _MAX_RATE_PER_YEAR:
            raise AmountError.at(
                "rate.value",
                "rate.implausible",
                f"{self.percent_text()} is not a plausible rate",
                value=self.percent_text(),
            )

    def annual(self) -> Decimal:
        """The yearly rate: monthly × 12, daily × day_count."""
        if self.per == "year":
            return self.value
        if self.per == "month":
            return self.value * 12
        return self.value * self.day_count

    def monthly(self) -> Decimal:
        """The monthly periodic rate i = annual / 12 (exact for month quotes)."""
        if self.per == "month":
            return self.value
        return self.annual() / 12

    def daily(self) -> Decimal:
        """The daily rate: exact for day quotes, else annual / day_count."""
        if self.per == "day":
            return self.value
        return self.annual() / self.day_count

    def percent_text(self) -> str:
        """ "18 % a year", "0.05 % a day": the quote as a person reads it."""
        pct = (self.value * 100).normalize()
        text = f"{pct:f}"
        return f"{text} % a {self.per}"


def format_plain(value: Decimal, currency: str = "CNY") -> str:
    """The exchange-format text of an amount: fixed point, minor-unit decimals ("1100.16")."""
    return f"{round_money(value, currency):f}"


def format_amount(
    value: Decimal,
    currency: str = "CNY",
    locale: str = "en",
    *,
    symbol: bool = False,
) -> str:
    """An amount for people: grouped per locale ("12,000.00"), with the currency sign if asked."""
    from babel.numbers import format_currency, format_decimal  # lazy: babel's data load is slow

    value = round_money(value, currency)
    places = max(0, -int(minor_unit(currency).as_tuple().exponent))
    if symbol:
        return str(format_currency(value, currency, locale=locale, decimal_quantization=True))
    if value.is_finite() and not value.is_signed():
        # babel's own text for this pattern, its symbols looked up once per locale: a window of
        # 300 loans formats some thousands of amounts, and babel's pattern work is most of it.
        point, group = _symbols(locale)
        text = f"{value:,.{places}f}"
        return text.translate({44: group, 46: point}) if (point, group) != (".", ",") else text
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return str(format_decimal(value, format=pattern, locale=locale, decimal_quantization=True))


@functools.cache
def _symbols(locale: str) -> tuple[str, str]:
    """The locale's decimal point and thousands separator, as ``format_decimal`` writes them."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return get_decimal_symbol(locale), get_group_symbol(locale)
