"""Money parsing, rounding and formatting."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ashore.domain.money import (
    AmountError,
    Rate,
    format_amount,
    from_minor,
    minor_unit,
    parse_amount,
    parse_decimal,
    parse_rate_percent,
    round_money,
    to_minor,
)

amounts = st.decimals(
    min_value=Decimal("0"), max_value=Decimal("999999999.99"), places=2, allow_nan=False
)


@given(amounts, st.sampled_from(["en", "zh_CN", "en_US", "de_DE"]))
def test_parse_of_format_is_identity(value: Decimal, locale: str) -> None:
    text = format_amount(value, "CNY", "en" if locale == "de_DE" else locale)
    assert parse_amount(text) == value


@given(amounts)
def test_minor_units_round_trip(value: Decimal) -> None:
    assert from_minor(to_minor(value)) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12,000", "12000.00"),
        ("12000", "12000.00"),
        ("12 000.50", "12000.50"),
        ("¥12,000.00", "12000.00"),
        ("１２，０００", "12000.00"),
        ("12,5", "12.50"),
        ("0.01", "0.01"),
        (".5", "0.50"),
        ("CNY 1,100.16", "1100.16"),
    ],
)
def test_parse_accepts_what_people_type(text: str, expected: str) -> None:
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "is not an amount"),
        ("", "required"),
        ("-5", "must not be negative"),
        ("1.234", "at most 2 decimals"),
        ("12,00,0", "is not an amount"),
        ("1e5", "is not an amount"),
        ("NaN", "is not an amount"),
    ],
)
def test_parse_refuses_malformed(text: str, message: str) -> None:
    with pytest.raises(AmountError, match=message) as info:
        parse_amount(text, field="principal")
    assert str(info.value).startswith("principal:")


def test_zero_refused_when_asked() -> None:
    with pytest.raises(AmountError, match="more than zero"):
        parse_amount("0", allow_zero=False)


def test_round_half_up() -> None:
    assert round_money(Decimal("0.005")) == Decimal("0.01")
    assert round_money(Decimal("2.675")) == Decimal("2.68")
    assert round_money(Decimal("-0.005")) == Decimal("-0.01")
    assert round_money(Decimal("100.5"), "JPY") == Decimal("101")


def test_strict_decimal_for_exchange_format() -> None:
    assert parse_decimal("1100.16") == Decimal("1100.16")
    for bad in ("12,000", "1e3", " ", "abc", "1."):
        with pytest.raises(AmountError):
            parse_decimal(bad, field="loans[0].principal")


def test_rate_conversions() -> None:
    yearly = Rate(Decimal("0.18"), "year")
    assert yearly.monthly() == Decimal("0.015")
    assert yearly.daily() == Decimal("0.18") / 360
    daily = Rate(Decimal("0.0005"), "day")
    assert daily.annual() == Decimal("0.18")
    assert Rate(Decimal("0.0005"), "day", 365).annual() == Decimal("0.1825")
    assert Rate(Decimal("0.02"), "month").annual() == Decimal("0.24")


def test_implausible_rate_refused() -> None:
    with pytest.raises(AmountError, match="not a plausible rate"):
        Rate(Decimal("5"), "day")  # 500 % a day


def test_rate_percent_parsing() -> None:
    assert parse_rate_percent("18") == Decimal("0.18")
    assert parse_rate_percent("0.05 %") == Decimal("0.0005")
    assert parse_rate_percent("１８％") == Decimal("0.18")
    with pytest.raises(AmountError, match="not a percentage"):
        parse_rate_percent("abc")


def test_format_groups_by_locale() -> None:
    assert format_amount(Decimal("12000"), "CNY", "en") == "12,000.00"
    assert format_amount(Decimal("1100.16"), "CNY", "zh_CN") == "1,100.16"
    assert format_amount(Decimal("1234"), "JPY", "en") == "1,234"


def _babel_text(value: Decimal, currency: str, locale: str) -> str:
    """``format_amount``'s text the way it was made before its own formatting: all by babel."""
    from babel.numbers import format_decimal

    value = round_money(value, currency)
    places = max(0, -int(minor_unit(currency).as_tuple().exponent))
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return str(format_decimal(value, format=pattern, locale=locale, decimal_quantization=True))


@pytest.mark.parametrize("locale", ["en", "zh_CN", "de", "fr", "es", "pl", "hi_IN", "ar"])
def test_amount_text_is_babels_to_the_character(locale: str) -> None:
    import random

    rng = random.Random(15)
    values = [Decimal(x) for x in ("0", "-0", "0.005", "0.004", "999.995", "1000", "-1234.5")]
    values += [Decimal("1E+3"), Decimal("12345678901234.565"), Decimal("-0.001")]
    values += [Decimal(rng.randrange(-(10**9), 10**9)) / 1000 for _ in range(300)]
    for currency in ("CNY", "JPY"):
        for value in values:
            assert format_amount(value, currency, locale) == _babel_text(value, currency, locale)
