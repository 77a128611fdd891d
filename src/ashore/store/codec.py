"""Proposal parameters between their parsed form (records) and their JSON form (exchange, database).

The JSON form is the exchange file's: decimal strings, ISO dates, whole numbers as JSON integers.
Decoding names the field path of anything wrong (``loans[0].proposals[1].params.months: …``).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from ashore.errors import InputError
from ashore.records import Agreed, AgreedInstallment

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

_DECIMAL = re.compile(r"-?\d+(\.\d+)?")


def decimal_text(value: Decimal) -> str:
    """The exchange text of a Decimal: fixed point, no exponent ("0.0005", "1100.16")."""
    return f"{value:f}"


def read_decimal(raw: object, path: str, what: str = "a decimal amount") -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, str):
        raise InputError(f'{path}: {raw!r} is not {what} in quotes (e.g. "12.50")')
    if not _DECIMAL.fullmatch(raw):
        raise InputError(f'{path}: "{raw}" is not {what}')
    return Decimal(raw)


def read_int(raw: object, path: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise InputError(f"{path}: {raw!r} is not a whole number")
    return raw


def read_date(raw: object, path: str) -> date:
    if not isinstance(raw, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        raise InputError(f"{path}: {raw!r} is not a date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InputError(f'{path}: "{raw}" is not a date that exists') from None


def _method_kinds(method: str, path: str) -> dict[str, str]:
    kinds = PARAM_KINDS.get(method)
    if kinds is None:
        known = ", ".join(PARAM_KINDS)
        raise InputError(f"{path}: {method!r} is not a proposal method (one of {known})")
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
                raise InputError(f"{where}: {value!r} is not one of {', '.join(choices)}")
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
