"""The exchange file's shared pieces: its limits, the primitive readers that name the field path
of anything wrong, and the number type that keeps a JSON fraction from ever becoming a float."""

from __future__ import annotations

import os
import re
from datetime import datetime
from decimal import Decimal
from itertools import accumulate
from pathlib import Path
from typing import Any

from ashore.app.errors import InputError
from ashore.domain.money import Rate
from ashore.domain.validation import check_storable
from ashore.store.codec import read_decimal as _decimal
from ashore.store.codec import read_int as _int
from ashore.store.codec import (
    shown,
)
from ashore.store.evidence import regular_file

FORMAT = "ashore"
VERSION = 1

# Limits checked before the JSON is parsed: an exchange file holds text (the evidence files sit
# beside it), so 64 MB is far more than years of notes; the format nests 8 deep, so 64 levels
# leave room while a 2,000-deep file never reaches the parser's recursion.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
MAX_TEXT = 1_000_000
# A JSON integer longer than this is kept as text, so that reading it is not slow (or refused
# by Python's 4,300-digit limit); the field it is in reports it.
MAX_INT_DIGITS = 18

_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})"
)

_KIND_BY_SUFFIX = {
    **dict.fromkeys(("wav", "mp3", "m4a", "aac", "amr", "ogg", "opus", "flac"), "audio"),
    **dict.fromkeys(("png", "jpg", "jpeg", "gif", "webp", "heic", "bmp"), "image"),
    **dict.fromkeys(("pdf", "txt", "doc", "docx", "odt", "rtf", "html"), "document"),
}


def kind_of(name: str) -> str:
    """The evidence kind a file name suggests (audio, image, document, other)."""
    return _KIND_BY_SUFFIX.get(name.rsplit(".", 1)[-1].lower() if "." in name else "", "other")


def _object(
    raw: object, path: str, required: tuple[str, ...], optional: tuple[str, ...]
) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise InputError(f"{path or 'file'}: must be a JSON object")
    prefix = f"{path}." if path else ""
    for key in raw:
        if key not in required and key not in optional:
            raise InputError(f"{prefix}{shown(key)[1:-1]}: unknown field")
    for key in required:
        if key not in raw:
            raise InputError(f"{prefix}{key}: missing")
    return raw


def _list(raw: object, path: str) -> list[Any]:
    if not isinstance(raw, list):
        raise InputError(f"{path}: must be a list")
    return raw


def _str(raw: object, path: str) -> str:
    if not isinstance(raw, str):
        raise InputError(f"{path}: {shown(raw)} is not text")
    if len(raw) > MAX_TEXT:
        raise InputError(f"{path}: is {len(raw):,} characters long (at most {MAX_TEXT:,})")
    check_storable(raw, path)
    return raw


def _time(raw: object, path: str) -> datetime:
    if not isinstance(raw, str) or not _TIME.fullmatch(raw):
        raise InputError(f"{path}: {raw!r} is not a time with offset (2026-11-20T10:15:00+08:00)")
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        raise InputError(f'{path}: "{raw}" is not a time that exists') from None


def _opt(data: dict[str, Any], key: str, path: str, read: Any, default: Any) -> Any:
    value = data.get(key)
    if value is None:
        return default
    return read(value, f"{path}.{key}")


def _bool(raw: object, path: str) -> bool:
    if not isinstance(raw, bool):
        raise InputError(f"{path}: {raw!r} is not true or false")
    return raw


_BORROWER_FIELDS = ("name", "phone", "address", "email")
_GUIDE_TEXTS = ("reason", "reason_text", "ask", "fallback")

# A JSON string (what may hold brackets that do not nest), unrolled so the C engine runs through
# it in one go; then everything but the brackets goes.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def nesting_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in JSON ``text`` (brackets inside strings do not
    count); read without recursion, so any depth can be measured, and in C but for one step per
    bracket."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(0, max(accumulate(map(_STEP.__getitem__, brackets)), default=0))


def _json_int(text: str) -> int | BareNumber:
    return int(text) if len(text.lstrip("-")) <= MAX_INT_DIGITS else BareNumber(text)


class BareNumber:
    """A JSON number with a fraction (or NaN): kept as its text so it never becomes a float.

    Amounts must be decimal strings, so the field that holds one reports it with its path.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text if len(self.text) <= 40 else f"{self.text[:30]}…({len(self.text)} digits)"


def _rate(raw: object, path: str) -> Rate:
    data = _object(raw, path, ("value", "per"), ("day_count",))
    value = _decimal(data["value"], f"{path}.value", "a decimal rate")
    per = data["per"]
    if per not in ("year", "month", "day"):
        raise InputError(f"{path}.per: {per!r} is not one of year, month, day")
    day_count = _opt(data, "day_count", path, _int, 360)
    if day_count not in (360, 365):
        raise InputError(f"{path}.day_count: {day_count} must be 360 or 365")
    if value < 0:
        raise InputError.at(f"{path}.value", "amount.negative", "must not be negative")
    if value > 100:
        raise InputError(f"{path}.value: {value} is not a plausible rate (0.18 is 18 %)")
    return Rate(value, per, day_count)


def _penalty_rate(raw: object, path: str) -> Rate | Decimal:
    """A quoted penalty rate, or ``{"times_contract": "1.5"}``: a multiple of the contract rate."""
    if isinstance(raw, dict) and "times_contract" in raw:
        data = _object(raw, path, ("times_contract",), ())
        times: Decimal = _decimal(data["times_contract"], f"{path}.times_contract")
        return times
    return _rate(raw, path)


_SPECIAL_ROOTS = (Path("/proc"), Path("/sys"), Path("/dev"))


def contained_file(relative: str, base: Path, field: str) -> Path:
    """The regular file ``relative`` names inside the folder ``base``, resolved; InputError naming
    ``field`` for a path that leaves the folder (``..``, a link pointing out), is absolute, or is
    no plain file (a device, FIFO, socket, folder or anything under /proc, /sys, /dev)."""
    if not relative or "\x00" in relative:
        if not relative:
            raise InputError.at(field, "text.empty", "must not be empty")
        raise InputError.at(field, "text.nul", "must not hold a NUL character")
    if Path(relative).is_absolute() or relative.startswith("\\"):
        raise InputError(f"{field}: {shown(relative)} must be relative to the JSON file's folder")
    folder = Path(os.path.realpath(base))
    source = Path(os.path.realpath(folder / relative))
    if not source.is_relative_to(folder):
        raise InputError(
            f"{field}: {shown(relative)} leads outside the JSON file's folder "
            "(files must sit in it or below it; links out of it are not followed)"
        )
    if any(source.is_relative_to(root) for root in _SPECIAL_ROOTS):
        raise InputError(f"{field}: {shown(relative)} is a system file, not evidence")
    if not os.path.lexists(source):
        raise InputError(f"{field}: {shown(relative)[1:-1]}: no such file next to the JSON file")
    if not regular_file(source):
        raise InputError(
            f"{field}: {shown(relative)} is not a plain file (a folder, device, FIFO or socket)"
        )
    return source


def _abuse(raw: object, path: str) -> tuple[str, ...]:
    return tuple(_str(item, f"{path}[{i}]") for i, item in enumerate(_list(raw, path)))


def _collection(data: dict[str, Any], path: str) -> dict[str, Any]:
    """A note's (or revision's) collection-contact fields; an ordinary contact by default."""
    kind = _opt(data, "kind", path, _str, "contact")
    return {
        "kind": kind,
        # A collector's contact is taken as incoming (they called) unless the file says so.
        "direction": _opt(
            data, "direction", path, _str, "incoming" if kind == "collection" else ""
        ),
        "from_number": _opt(data, "from_number", path, _str, ""),
        "third_party": _opt(data, "third_party", path, _str, ""),
        "abuse": _opt(data, "abuse", path, _abuse, ()),
    }
