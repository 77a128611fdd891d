"""Column types that keep values exact: Decimal as text (never REAL), aware times as ISO 8601."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Dialect, String
from sqlalchemy.types import TypeDecorator

from ashore.store.rows import amount, moment


class DecimalText(TypeDecorator[Decimal]):
    """A Decimal stored as its exact text ("1100.16", "0.0005"), so no value ever meets a float."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        return amount(value)  # a float here is a bug upstream: refused, the column stays exact

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise ValueError(f"stored amount {value!r} is not a decimal") from None


class AwareDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime stored as ISO 8601 text with its offset, as the user gave it."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return moment(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(str(value))
