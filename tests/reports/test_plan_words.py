"""A plan's installments in words, the one wording of every place that states a plan: "24 × 364.70"
only when all are equal (the walker read "24 × 364.70" of a plan of 23 × 364.70 and a last
364.67, 8,752.77 in all, not 8,752.80)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ashore.reports.strings import installments_words, sentence

D = Decimal


@pytest.mark.parametrize(
    ("payments", "en", "zh"),
    [
        (
            [D("364.70")] * 23 + [D("364.67")],
            "23 × 364.70 and a last 364.67",
            "23 × 364.70，末期 364.67",
        ),
        ([D("364.70")] * 24, "24 × 364.70", "24 × 364.70"),
        ([D("7000")], "one payment of 7,000.00", "一次性还款 7,000.00"),
        (
            [D("500.00") - 15 * i for i in range(18)] + [D("207.34")],
            "19 payments, 500.00 to 207.34",
            "共 19 期，500.00 至 207.34",
        ),
    ],
)
def test_the_installments_in_words(payments: list[Decimal], en: str, zh: str) -> None:
    assert installments_words(payments, "CNY", "en") == en
    assert installments_words(payments, "CNY", "zh_CN") == zh


def test_a_sentence_opens_with_a_capital() -> None:
    assert sentence("one payment of 7,000.00") == "One payment of 7,000.00"
    assert sentence("一次性还款 7,000.00") == "一次性还款 7,000.00"
