"""Proposal parameters between their parsed form (records) and their JSON form (exchange, database).

The JSON form is the exchange file's: decimal strings, ISO dates, whole numbers as JSON integers.
Decoding names the field path of anything wrong (``loans[0].proposals[1].params.months: …``).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from ashore.app.errors import InputError
from ashore.domain.records import Agreed, AgreedInstallment

# For each method: the parameters it takes and how each is read. "?" marks an optional one.
PARAM_KINDS: dict[str, dict[str, str]] = {
    "reamortize": {"months": "int", "annual_rate": "decimal", "first_due?": "date"},
    "reduced_installment": {"amount": "decimal", "annual_rate": "decimal", "first_due?": "date"},
    "fee_waiver": {"pay_by": "date"},
    "lump_sum": {"amount?": "decimal", "discount?": "decimal", "pay_by": "date"},
    "deferral": {
        "holiday_months": "int",
        "interest_during": "choice:accrue,freeze",
        "months_after": "int",
        "annual_rate": "decimal",
        "first_due?": "date",
    },
    "custom": {"installments": "installments"},
}

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


def read_decimal(raw: object, path: str, what: str = "a decimal amount") -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, str):
        raise InputError(f'{path}: {shown(raw)} is not {what} in quotes (e.g. "12.50")')
    if not _DECIMAL.fullmatch(raw):
        raise InputError(f'{path}: "{shown(raw)[1:-1]}" is not {what}')
    whole, _, fraction = raw.lstrip("-").partition(".")
    if len(whole.lstrip("0")) > MAX_INTEGER_DIGITS:
        raise InputError(f"{path}: {shown(raw)} is too large (must be under 10^12)")
    if len(fraction) > MAX_FRACTION_DIGITS:
        raise InputError(f"{path}: {shown(raw)} has more than {MAX_FRACTION_DIGITS} decimals")
    return Decimal(raw)


def read_int(raw: object, path: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise InputError(f"{path}: {shown(raw)} is not a whole number")
    if not -MAX_WHOLE <= raw <= MAX_WHOLE:
        raise InputError(f"{path}: {shown(raw)} is too large (at most {MAX_WHOLE:,})")
    return raw


def read_date(raw: object, path: str) -> date:
    if not isinstance(raw, str) or not _DATE.fullmatch(raw):
        raise InputError(f"{path}: {shown(raw)} is not a date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InputError(f'{path}: "{raw}" is not a date that exists') from None


def _method_kinds(method: str, path: str) -> dict[str, str]:
    kinds = PARAM_KINDS.get(method)
    if kinds is None:
        known = ", ".join(PARAM_KINDS)
        raise InputError(f"{path}: {shown(method)} is not a proposal method (one of {known})")
    return kinds


# Complexity over 10 on purpose: one branch per negotiation method; the per-method schema of issue
# 16 splits it.
def decode_params(method: str, raw: object, path: str) -> dict[str, Any]:  # noqa: C901
    """Parse a proposal's ``params`` object for ``method``; InputError naming the field on error."""
    kinds = _method_kinds(method, path.rsplit(".", 1)[0] + ".method")
    if not isinstance(raw, dict):
        raise InputError(f"{path}: must be an object")
    names = {key.rstrip("?"): kind for key, kind in kinds.items()}
    for key in raw:
        if key not in names:
            raise InputError(f"{path}.{key}: unknown field for a {method} proposal")
    for key in kinds:
        if not key.endswith("?") and key not in raw:
            raise InputError(f"{path}.{key}: missing")
    params: dict[str, Any] = {}
    for key, value in raw.items():
        kind = names[key]
        where = f"{path}.{key}"
        if kind == "int":
            params[key] = read_int(value, where)
        elif kind == "decimal":
            params[key] = read_decimal(value, where)
        elif kind == "date":
            params[key] = read_date(value, where)
        elif kind.startswith("choice:"):
            choices = kind.split(":", 1)[1].split(",")
            if value not in choices:
                raise InputError(f"{where}: {shown(value)} is not one of {', '.join(choices)}")
            params[key] = value
        else:  # installments
            if not isinstance(value, list):
                raise InputError(f"{where}: must be a list")
            rows: list[tuple[date, Decimal]] = []
            for i, item in enumerate(value):
                at = f"{where}[{i}]"
                if not isinstance(item, dict):
                    raise InputError(f"{at}: must be an object with due and amount")
                for extra in set(item) - {"due", "amount"}:
                    raise InputError(f"{at}.{extra}: unknown field")
                for need in ("due", "amount"):
                    if need not in item:
                        raise InputError(f"{at}.{need}: missing")
                rows.append(
                    (
                        read_date(item["due"], f"{at}.due"),
                        read_decimal(item["amount"], f"{at}.amount"),
                    )
                )
            params[key] = rows
    return params


def encode_params(method: str, params: dict[str, Any]) -> dict[str, Any]:
    """The JSON form of parsed ``params``: the method's keys, values as the exchange has them."""
    kinds = _method_kinds(method, "method")
    names = {key.rstrip("?"): kind for key, kind in kinds.items()}
    out: dict[str, Any] = {}
    for key, value in params.items():
        kind = names.get(key)
        if kind is None or value is None:
            continue
        if kind == "decimal":
            out[key] = decimal_text(value)
        elif kind == "date":
            out[key] = value.isoformat()
        elif kind == "installments":
            out[key] = [{"due": d.isoformat(), "amount": decimal_text(a)} for d, a in value]
        else:
            out[key] = value
    return out


def decode_agreed(raw: object, path: str) -> Agreed:
    """Parse an accepted proposal's ``agreed`` object (INTERFACES.md, second wave), verbatim."""
    if not isinstance(raw, dict):
        raise InputError(f"{path}: must be an object with on and installments")
    for extra in set(raw) - {"on", "installments"}:
        raise InputError(f"{path}.{extra}: unknown field")
    for need in ("on", "installments"):
        if need not in raw:
            raise InputError(f"{path}.{need}: missing")
    items = raw["installments"]
    if not isinstance(items, list) or not items:
        raise InputError(f"{path}.installments: must be a list of at least one installment")
    rows = [_agreed_row(item, f"{path}.installments[{i}]") for i, item in enumerate(items)]
    return Agreed(read_date(raw["on"], f"{path}.on"), rows)


def _agreed_row(item: object, at: str) -> AgreedInstallment:
    if not isinstance(item, dict):
        raise InputError(f"{at}: must be an object with due and amount")
    for extra in set(item) - {"due", "amount", "principal"}:
        raise InputError(f"{at}.{extra}: unknown field")
    for need in ("due", "amount"):
        if need not in item:
            raise InputError(f"{at}.{need}: missing")
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
