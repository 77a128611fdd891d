"""Proposal parameters between their parsed form (records) and their JSON form (exchange, database).

The JSON form is the exchange file's: decimal strings, ISO dates, whole numbers as JSON integers.
Each method's fields are read and written by its schema (``ashore.domain.params``). Decoding
raises an InputError with a code and the field path of anything wrong
(``loans[0].proposals[1].params.months: …``).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from ashore.app.errors import InputError
from ashore.domain.params import SCHEMAS, MethodSchema, ParamField
from ashore.domain.records import Agreed, AgreedInstallment

# ASCII digits only: ``\d`` would also take Arabic-Indic or Devanagari digits ("١٢٠٠٠").
_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# Amounts are under 10^12 (a trillion in any currency is a typing slip) and a decimal has at most
# 20 places: bigger ones would overflow Decimal's 28 digits when quantized to the minor unit.
MAX_INTEGER_DIGITS = 12
MAX_FRACTION_DIGITS = 20
# Whole numbers in the file (months, days, day counts, milliseconds) stay within this.
MAX_WHOLE = 10**9
_SHOWN = 40


def shown(raw: object) -> str:
    """``raw`` for a message: its repr, cut short so a hostile megabyte never reaches the screen."""
    text = repr(raw)
    return text if len(text) <= _SHOWN else f"{text[: _SHOWN - 5]}…({len(text)} characters)"


def decimal_text(value: Decimal) -> str:
    """The exchange text of a Decimal: fixed point, no exponent ("0.0005", "1100.16")."""
    return f"{value:f}"


def fail(path: str, code: str, detail: str, **arguments: object) -> InputError:
    """The input error on ``path`` with ``code``; ``detail`` is its English words."""
    return InputError.at(path, code, detail, **arguments)


def read_decimal(raw: object, path: str, what: str = "a decimal amount") -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, str):
        detail = f'{shown(raw)} is not {what} in quotes (e.g. "12.50")'
        raise fail(path, "decimal.not_text", detail, value=shown(raw), what=what)
    if not _DECIMAL.fullmatch(raw):
        raise fail(
            path, "decimal.invalid", f'"{shown(raw)[1:-1]}" is not {what}', value=raw, what=what
        )
    whole, _, fraction = raw.lstrip("-").partition(".")
    if len(whole.lstrip("0")) > MAX_INTEGER_DIGITS:
        raise fail(
            path,
            "number.too_large",
            f"{shown(raw)} is too large (must be under 10^12)",
            value=shown(raw),
            limit="10^12",
        )
    if len(fraction) > MAX_FRACTION_DIGITS:
        detail = f"{shown(raw)} has more than {MAX_FRACTION_DIGITS} decimals"
        raise fail(
            path, "decimal.too_many_places", detail, value=shown(raw), places=MAX_FRACTION_DIGITS
        )
    return Decimal(raw)


def read_int(raw: object, path: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise fail(
            path, "number.not_whole", f"{shown(raw)} is not a whole number", value=shown(raw)
        )
    if not -MAX_WHOLE <= raw <= MAX_WHOLE:
        raise fail(
            path,
            "number.too_large_whole",
            f"{shown(raw)} is too large (at most {MAX_WHOLE:,})",
            value=shown(raw),
            limit=f"{MAX_WHOLE:,}",
        )
    return raw


def read_date(raw: object, path: str) -> date:
    if not isinstance(raw, str) or not _DATE.fullmatch(raw):
        raise fail(
            path, "date.not_iso", f"{shown(raw)} is not a date (YYYY-MM-DD)", value=shown(raw)
        )
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise fail(path, "date.not_real", f'"{raw}" is not a date that exists', value=raw) from None


def method_schema(method: str, path: str) -> MethodSchema:
    """The parameter schema of ``method``; InputError on ``path`` when it is no proposal method."""
    schema = SCHEMAS.get(method)
    if schema is None:
        known = ", ".join(SCHEMAS)
        raise fail(
            path,
            "method.unknown",
            f"{shown(method)} is not a proposal method (one of {known})",
            value=shown(method),
            choices=known,
        )
    return schema


def decode_params(method: str, raw: object, path: str) -> dict[str, Any]:
    """Parse a proposal's ``params`` object for ``method``; InputError naming the field on error."""
    schema = method_schema(method, path.rsplit(".", 1)[0] + ".method")
    if not isinstance(raw, dict):
        raise fail(path, "object.expected", "must be an object")
    for key in raw:
        if schema.field(key) is None:
            raise fail(
                f"{path}.{key}",
                "param.unknown",
                f"unknown field for a {method} proposal",
                method=method,
            )
    for spec in schema.fields:
        if spec.required and spec.name not in raw:
            raise fail(f"{path}.{spec.name}", "field.missing", "missing")
    params: dict[str, Any] = {}
    for key, value in raw.items():
        known = schema.field(key)
        assert known is not None
        params[key] = _decode_value(known, value, f"{path}.{key}")
    return params


def _decode_value(spec: ParamField, value: object, where: str) -> object:
    if spec.kind == "months":
        return read_int(value, where)
    if spec.kind in ("rate", "amount", "share"):
        return read_decimal(value, where)
    if spec.kind == "date":
        return read_date(value, where)
    if spec.kind == "choice":
        if value not in spec.choices:
            choices = ", ".join(spec.choices)
            raise fail(
                where,
                "choice.unknown",
                f"{shown(value)} is not one of {choices}",
                value=shown(value),
                choices=choices,
            )
        return value
    return _decode_installments(value, where)


def _decode_installments(value: object, where: str) -> list[tuple[date, Decimal]]:
    if not isinstance(value, list):
        raise fail(where, "list.expected", "must be a list")
    rows: list[tuple[date, Decimal]] = []
    for i, item in enumerate(value):
        at = f"{where}[{i}]"
        if not isinstance(item, dict):
            raise fail(at, "installment.not_object", "must be an object with due and amount")
        for extra in set(item) - {"due", "amount"}:
            raise fail(f"{at}.{extra}", "field.unknown", "unknown field")
        for need in ("due", "amount"):
            if need not in item:
                raise fail(f"{at}.{need}", "field.missing", "missing")
        rows.append(
            (read_date(item["due"], f"{at}.due"), read_decimal(item["amount"], f"{at}.amount"))
        )
    return rows


def encode_params(method: str, params: dict[str, Any]) -> dict[str, Any]:
    """The JSON form of parsed ``params``: the method's keys, values as the exchange has them."""
    schema = method_schema(method, "method")
    out: dict[str, Any] = {}
    for key, value in params.items():
        spec = schema.field(key)
        if spec is None or value is None:
            continue
        if spec.kind in ("rate", "amount", "share"):
            out[key] = decimal_text(value)
        elif spec.kind == "date":
            out[key] = value.isoformat()
        elif spec.kind == "installments":
            out[key] = [{"due": d.isoformat(), "amount": decimal_text(a)} for d, a in value]
        else:
            out[key] = value
    return out


def decode_agreed(raw: object, path: str) -> Agreed:
    """Parse an accepted proposal's ``agreed`` object (INTERFACES.md, second wave), verbatim."""
    if not isinstance(raw, dict):
        raise fail(path, "agreed.not_object", "must be an object with on and installments")
    for extra in set(raw) - {"on", "installments"}:
        raise fail(f"{path}.{extra}", "field.unknown", "unknown field")
    for need in ("on", "installments"):
        if need not in raw:
            raise fail(f"{path}.{need}", "field.missing", "missing")
    items = raw["installments"]
    if not isinstance(items, list) or not items:
        raise fail(
            f"{path}.installments",
            "agreed.installments_empty",
            "must be a list of at least one installment",
        )
    rows = [_agreed_row(item, f"{path}.installments[{i}]") for i, item in enumerate(items)]
    return Agreed(read_date(raw["on"], f"{path}.on"), rows)


def _agreed_row(item: object, at: str) -> AgreedInstallment:
    if not isinstance(item, dict):
        raise fail(at, "installment.not_object", "must be an object with due and amount")
    for extra in set(item) - {"due", "amount", "principal"}:
        raise fail(f"{at}.{extra}", "field.unknown", "unknown field")
    for need in ("due", "amount"):
        if need not in item:
            raise fail(f"{at}.{need}", "field.missing", "missing")
    principal = item.get("principal")
    return AgreedInstallment(
        read_date(item["due"], f"{at}.due"),
        read_decimal(item["amount"], f"{at}.amount"),
        None if principal is None else read_decimal(principal, f"{at}.principal"),
    )


def encode_agreed(agreed: Agreed) -> dict[str, Any]:
    """The JSON form of what was agreed (``principal`` left out where it is not known)."""
    rows: list[dict[str, str]] = []
    for row in agreed.installments:
        item = {"due": row.due.isoformat(), "amount": decimal_text(row.amount)}
        if row.principal is not None:
            item["principal"] = decimal_text(row.principal)
        rows.append(item)
    return {"on": agreed.on.isoformat(), "installments": rows}
