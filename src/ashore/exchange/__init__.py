"""The JSON exchange file of INTERFACES.md: ``read_book`` parses one, ``write_book`` writes one.

Reading checks the shape and the types and names the field path of anything wrong (``loans[2].
principal: "12,000" is not a decimal amount``); the values themselves are checked by
``ashore.domain.validation`` when the book is imported. Writing is deterministic: sorted keys,
records in a fixed order, so two exports differ only in ``exported_at``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ashore.app.errors import InputError
from ashore.domain.kinds import ALLOCATION_PARTS, INTEREST_RULES, LOAN_METHODS, TERM_UNITS, as_kind
from ashore.domain.money import Rate
from ashore.domain.records import (
    Attachment,
    Book,
    CallNote,
    Claim,
    Fee,
    Lender,
    Loan,
    NoteEvent,
    NoteRevision,
    OverdueRules,
    Payment,
    Proposal,
    Settlement,
    StatusChange,
    Waive,
)
from ashore.domain.validation import check_storable
from ashore.store.codec import (
    decimal_text,
    decode_agreed,
    decode_params,
    encode_agreed,
    encode_params,
    shown,
)
from ashore.store.codec import read_date as _date
from ashore.store.codec import read_decimal as _decimal
from ashore.store.codec import read_int as _int
from ashore.store.evidence import EvidenceStore, regular_file, sha256_of

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


# --- reading -------------------------------------------------------------------------------------


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


def _lender(raw: object, path: str) -> Lender:
    data = _object(raw, path, ("id", "name"), ("phone", "notes", "hours", "website"))
    return Lender(
        id=_str(data["id"], f"{path}.id"),
        name=_str(data["name"], f"{path}.name"),
        phone=_opt(data, "phone", path, _str, ""),
        notes=_opt(data, "notes", path, _str, ""),
        hours=_opt(data, "hours", path, _str, ""),
        website=_opt(data, "website", path, _str, ""),
    )


def _bool(raw: object, path: str) -> bool:
    if not isinstance(raw, bool):
        raise InputError(f"{path}: {raw!r} is not true or false")
    return raw


def _penalty_rate(raw: object, path: str) -> Rate | Decimal:
    """A quoted penalty rate, or ``{"times_contract": "1.5"}``: a multiple of the contract rate."""
    if isinstance(raw, dict) and "times_contract" in raw:
        data = _object(raw, path, ("times_contract",), ())
        times: Decimal = _decimal(data["times_contract"], f"{path}.times_contract")
        return times
    return _rate(raw, path)


def _overdue(raw: object, path: str) -> OverdueRules:
    data = _object(
        raw,
        path,
        (),
        (
            "penalty_rate",
            "penalty_base",
            "late_fee",
            "grace_days",
            "accelerates_after_days",
            "allocation",
            "contract_interest_continues",
        ),
    )
    allocation: tuple[str, ...] = ALLOCATION_PARTS
    if data.get("allocation") is not None:
        parts = _list(data["allocation"], f"{path}.allocation")
        allocation = tuple(_str(p, f"{path}.allocation[{i}]") for i, p in enumerate(parts))
    penalty = _opt(data, "penalty_rate", path, _penalty_rate, None)
    return OverdueRules(
        penalty_rate=penalty if isinstance(penalty, Rate) else None,
        penalty_times_contract=penalty if isinstance(penalty, Decimal) else None,
        contract_interest_continues=_opt(data, "contract_interest_continues", path, _bool, False),
        penalty_base=_opt(data, "penalty_base", path, _str, "overdue_amount"),
        late_fee=_opt(data, "late_fee", path, _decimal, Decimal("0")),
        grace_days=_opt(data, "grace_days", path, _int, 0),
        accelerates_after_days=_opt(data, "accelerates_after_days", path, _int, None),
        allocation=allocation,
    )


def _fee(raw: object, path: str) -> Fee:
    data = _object(raw, path, ("amount",), ("name", "per"))
    return Fee(
        name=_opt(data, "name", path, _str, ""),
        amount=_decimal(data["amount"], f"{path}.amount"),
        per=_opt(data, "per", path, _str, "installment"),
    )


def _payment(raw: object, path: str) -> Payment:
    data = _object(raw, path, ("date", "amount"), ("note", "method", "reference"))
    return Payment(
        date=_date(data["date"], f"{path}.date"),
        amount=_decimal(data["amount"], f"{path}.amount"),
        note=_opt(data, "note", path, _str, ""),
        method=_opt(data, "method", path, _str, ""),
        reference=_opt(data, "reference", path, _str, ""),
    )


def _claim(raw: object, path: str) -> Claim:
    data = _object(raw, path, ("date", "amount"), ("source", "note"))
    return Claim(
        date=_date(data["date"], f"{path}.date"),
        amount=_decimal(data["amount"], f"{path}.amount"),
        source=_opt(data, "source", path, _str, ""),
        note=_opt(data, "note", path, _str, ""),
    )


def _waive(raw: object, path: str) -> Waive:
    data = _object(raw, path, (), ("penalty", "late_fees", "interest"))
    zero = Decimal("0")
    return Waive(
        penalty=_opt(data, "penalty", path, _decimal, zero),
        late_fees=_opt(data, "late_fees", path, _decimal, zero),
        interest=_opt(data, "interest", path, _decimal, zero),
    )


def _status_change(raw: object, path: str) -> StatusChange:
    data = _object(raw, path, ("at", "status"), ("note",))
    return StatusChange(
        at=_time(data["at"], f"{path}.at"),
        status=_str(data["status"], f"{path}.status"),
        note=_opt(data, "note", path, _str, ""),
    )


def _proposal(raw: object, path: str) -> Proposal:
    data = _object(
        raw,
        path,
        ("id", "method", "start", "params"),
        ("name", "status", "waive", "history", "agreed"),
    )
    method = _str(data["method"], f"{path}.method")
    return Proposal(
        id=_str(data["id"], f"{path}.id"),
        name=_opt(data, "name", path, _str, ""),
        method=method,
        start=_date(data["start"], f"{path}.start"),
        params=decode_params(method, data["params"], f"{path}.params"),
        status=_opt(data, "status", path, _str, "draft"),
        waive=_opt(data, "waive", path, _waive, Waive()),
        history=[
            _status_change(item, f"{path}.history[{i}]")
            for i, item in enumerate(_opt(data, "history", path, _list, []))
        ],
        agreed=_opt(data, "agreed", path, decode_agreed, None),
    )


def _attachment(raw: object, path: str, base: Path) -> Attachment:
    data = _object(
        raw, path, ("path",), ("sha256", "name", "kind", "size", "imported_at", "duration_ms")
    )
    source = contained_file(_str(data["path"], f"{path}.path"), base, f"{path}.path")
    sha = _opt(data, "sha256", path, _str, "")
    if sha and not re.fullmatch(r"[0-9a-f]{64}", sha):
        raise InputError(f"{path}.sha256: {sha!r} is not a SHA-256 (64 lowercase hex digits)")
    name = _opt(data, "name", path, _str, "") or source.name
    return Attachment(
        sha256=sha,
        name=name,
        kind=_opt(data, "kind", path, _str, kind_of(name)),
        size=source.stat().st_size,
        imported_at=_opt(data, "imported_at", path, _time, None),
        duration_ms=_opt(data, "duration_ms", path, _int, None),
        path=str(source),
    )


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


_NOTE_TEXTS = ("counterpart", "text", "outcome", "promises")
_COLLECTION_FIELDS = ("kind", "direction", "from_number", "third_party", "abuse")


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


def _collection_json(note: CallNote | NoteRevision) -> dict[str, Any]:
    """The collection fields for the file; none for an ordinary contact (old files unchanged)."""
    if note.kind == "contact" and not (
        note.direction or note.from_number or note.third_party or note.abuse
    ):
        return {}
    return {
        "kind": note.kind,
        "direction": note.direction,
        "from_number": note.from_number,
        "third_party": note.third_party,
        "abuse": list(note.abuse),
    }


_BORROWER_FIELDS = ("name", "phone", "address", "email")
_GUIDE_TEXTS = ("reason", "reason_text", "ask", "fallback")


def _revision(raw: object, path: str) -> NoteRevision:
    data = _object(
        raw,
        path,
        ("revised_at", "occurred_at"),
        ("channel", "follow_up", *_NOTE_TEXTS, *_COLLECTION_FIELDS),
    )
    return NoteRevision(
        revised_at=_time(data["revised_at"], f"{path}.revised_at"),
        occurred_at=_time(data["occurred_at"], f"{path}.occurred_at"),
        channel=_opt(data, "channel", path, _str, "phone"),
        counterpart=_opt(data, "counterpart", path, _str, ""),
        text=_opt(data, "text", path, _str, ""),
        outcome=_opt(data, "outcome", path, _str, ""),
        promises=_opt(data, "promises", path, _str, ""),
        follow_up=_opt(data, "follow_up", path, _date, None),
        **_collection(data, path),
    )


def _note(raw: object, path: str, base: Path) -> CallNote:
    data = _object(
        raw,
        path,
        ("id", "occurred_at", "logged_at"),
        (
            "channel",
            "follow_up",
            "attachments",
            "revisions",
            "deleted_at",
            "deleted_reason",
            *_NOTE_TEXTS,
            *_COLLECTION_FIELDS,
        ),
    )
    return CallNote(
        id=_str(data["id"], f"{path}.id"),
        occurred_at=_time(data["occurred_at"], f"{path}.occurred_at"),
        logged_at=_time(data["logged_at"], f"{path}.logged_at"),
        channel=_opt(data, "channel", path, _str, "phone"),
        counterpart=_opt(data, "counterpart", path, _str, ""),
        text=_opt(data, "text", path, _str, ""),
        outcome=_opt(data, "outcome", path, _str, ""),
        promises=_opt(data, "promises", path, _str, ""),
        follow_up=_opt(data, "follow_up", path, _date, None),
        attachments=[
            _attachment(item, f"{path}.attachments[{i}]", base)
            for i, item in enumerate(_opt(data, "attachments", path, _list, []))
        ],
        revisions=[
            _revision(item, f"{path}.revisions[{i}]")
            for i, item in enumerate(_opt(data, "revisions", path, _list, []))
        ],
        deleted_at=_opt(data, "deleted_at", path, _time, None),
        deleted_reason=_opt(data, "deleted_reason", path, _str, ""),
        **_collection(data, path),
    )


def _bool_or_null(raw: object, path: str) -> bool:
    if not isinstance(raw, bool):
        raise InputError(f"{path}: {raw!r} is not true, false or null")
    return raw


def _settlement(raw: object, path: str, base: Path) -> Settlement:
    data = _object(
        raw,
        path,
        ("settled_on",),
        ("certificate", "credit_report_checked_on", "credit_report_clean"),
    )
    certificate = data.get("certificate")
    return Settlement(
        settled_on=_date(data["settled_on"], f"{path}.settled_on"),
        certificate=(
            _attachment(certificate, f"{path}.certificate", base)
            if certificate is not None
            else None
        ),
        credit_report_checked_on=_opt(data, "credit_report_checked_on", path, _date, None),
        credit_report_clean=_opt(data, "credit_report_clean", path, _bool_or_null, None),
    )


_LOAN_OPTIONAL = (
    "guide",
    "start",
    "interest",
    "prepayment_fee",
    "currency",
    "reference",
    "fees",
    "overdue",
    "payments",
    "claims",
    "proposals",
    "notes",
    "note_chain",
    "settlement",
    "chain_head",
)


def _note_event(raw: object, path: str) -> NoteEvent:
    data = _object(raw, path, ("note", "kind", "at", "body", "prev_hash", "hash"), ())
    return NoteEvent(
        note=_str(data["note"], f"{path}.note"),
        kind=_str(data["kind"], f"{path}.kind"),
        at=_time(data["at"], f"{path}.at"),
        body=_str(data["body"], f"{path}.body"),
        prev_hash=_str(data["prev_hash"], f"{path}.prev_hash"),
        hash=_str(data["hash"], f"{path}.hash"),
    )


def _loan(raw: object, path: str, currency: str, base: Path) -> Loan:
    data = _object(
        raw,
        path,
        ("id", "lender", "name", "principal", "rate", "method", "term", "first_due"),
        _LOAN_OPTIONAL,
    )
    term = _object(data["term"], f"{path}.term", ("count", "unit"), ())

    def items(key: str) -> list[tuple[Any, str]]:
        values = _opt(data, key, path, _list, [])
        return [(item, f"{path}.{key}[{i}]") for i, item in enumerate(values)]

    chain = [_note_event(item, where) for item, where in items("note_chain")]
    # A file with no chain at all is read as hand-written (its notes get new entries); one that
    # has a chain must have all of it.
    if data.get("chain_head") is not None and chain:
        _check_chain_head(data["chain_head"], chain, path)
    return Loan(
        id=_str(data["id"], f"{path}.id"),
        lender=_str(data["lender"], f"{path}.lender"),
        name=_str(data["name"], f"{path}.name"),
        principal=_decimal(data["principal"], f"{path}.principal"),
        rate=_rate(data["rate"], f"{path}.rate"),
        method=as_kind(_str(data["method"], f"{path}.method"), LOAN_METHODS),
        term_count=_int(term["count"], f"{path}.term.count"),
        term_unit=as_kind(_str(term["unit"], f"{path}.term.unit"), TERM_UNITS),
        first_due=_date(data["first_due"], f"{path}.first_due"),
        currency=_opt(data, "currency", path, _str, currency),
        reference=_opt(data, "reference", path, _str, ""),
        fees=[_fee(item, where) for item, where in items("fees")],
        overdue=_opt(data, "overdue", path, _overdue, OverdueRules()),
        payments=[_payment(item, where) for item, where in items("payments")],
        claims=[_claim(item, where) for item, where in items("claims")],
        proposals=[_proposal(item, where) for item, where in items("proposals")],
        notes=[_note(item, where, base) for item, where in items("notes")],
        settlement=(
            _settlement(data["settlement"], f"{path}.settlement", base)
            if data.get("settlement") is not None
            else None
        ),
        # Checked against the notes when the loan is stored (ashore.store.mapping).
        note_chain=chain,
        start=_opt(data, "start", path, _date, None),
        interest=as_kind(_opt(data, "interest", path, _str, "monthly"), INTEREST_RULES),
        prepayment_fee=_opt(data, "prepayment_fee", path, _decimal, Decimal("0")),
    )


def _check_chain_head(raw: object, chain: list[NoteEvent], path: str) -> None:
    """The exported chain head (how many entries, the last one's hash) must match the chain the
    file holds: a tail cut from the file, with its notes, shows here."""
    head = _object(raw, f"{path}.chain_head", ("events", "hash"), ())
    events = _int(head["events"], f"{path}.chain_head.events")
    last = _str(head["hash"], f"{path}.chain_head.hash")
    if events != len(chain) or last != (chain[-1].hash if chain else ""):
        raise InputError(
            f"{path}.note_chain: holds {len(chain)} entries but chain_head says {events} ending "
            f"{last[:12] or 'nowhere'} (entries were removed from the file or changed)"
        )


def _borrower(raw: object, path: str) -> dict[str, str]:
    data = _object(raw, path, (), _BORROWER_FIELDS)
    return {key: _opt(data, key, path, _str, "") for key in _BORROWER_FIELDS}


def _guide(raw: object, path: str, base: Path) -> dict[str, Any]:
    """A loan's negotiation checklist; document paths resolved like attachments' (the meaning
    of reason, ask and result is checked against the loan when it is stored)."""
    data = _object(raw, path, (), (*_GUIDE_TEXTS, "documents", "credit_checks"))
    documents = []
    for i, item in enumerate(_opt(data, "documents", path, _list, [])):
        where = f"{path}.documents[{i}]"
        doc = _object(item, where, ("path", "kind"), ("sha256", "name", "size"))
        attachment = _attachment(
            {k: doc[k] for k in ("path", "sha256", "name") if k in doc}, where, base
        )
        documents.append(
            {
                "kind": _str(doc["kind"], f"{where}.kind"),
                "sha256": attachment.sha256,
                "name": attachment.name,
                "size": attachment.size,
                "path": attachment.path,
            }
        )
    checks = []
    for i, item in enumerate(_opt(data, "credit_checks", path, _list, [])):
        where = f"{path}.credit_checks[{i}]"
        check = _object(item, where, ("checked_on", "result"), ("note",))
        checks.append(
            {
                "checked_on": _date(check["checked_on"], f"{where}.checked_on").isoformat(),
                "result": _str(check["result"], f"{where}.result"),
                "note": _opt(check, "note", where, _str, ""),
            }
        )
    guide: dict[str, Any] = {key: _opt(data, key, path, _str, "") for key in _GUIDE_TEXTS}
    guide["documents"] = documents
    guide["credit_checks"] = checks
    return guide


def parse_book(data: object, base: Path) -> Book:
    """A Book from the decoded JSON; attachment paths are resolved against ``base``."""
    top = _object(
        data,
        "",
        ("format", "version"),
        ("currency", "lenders", "loans", "exported_at", "monthly_budget", "borrower"),
    )
    if top["format"] != FORMAT:
        raise InputError(f'format: {top["format"]!r} is not "{FORMAT}"')
    if top["version"] != VERSION or isinstance(top["version"], bool):
        raise InputError(f"version: {top['version']!r} is not a version this Ashore reads (1)")
    if top.get("exported_at") is not None:
        _time(top["exported_at"], "exported_at")
    currency = _opt(top, "currency", "", _str, "CNY")
    raw_loans = _opt(top, "loans", "", _list, [])
    guides = {}
    for i, item in enumerate(raw_loans):
        if isinstance(item, dict) and item.get("guide") is not None and "id" in item:
            guides[str(item["id"])] = _guide(item["guide"], f"loans[{i}].guide", base)
    return Book(
        borrower=_opt(top, "borrower", "", _borrower, None),
        guides=guides,
        currency=currency,
        lenders=[
            _lender(item, f"lenders[{i}]")
            for i, item in enumerate(_opt(top, "lenders", "", _list, []))
        ],
        loans=[_loan(item, f"loans[{i}]", currency, base) for i, item in enumerate(raw_loans)],
        monthly_budget=_opt(top, "monthly_budget", "", _decimal, None),
    )


def read_book(path: Path) -> Book:
    """Read an exchange file; InputError naming the file, line or field path of what is wrong."""
    path = Path(path)
    try:
        if regular_file(path) and path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(f"{path}: is larger than {MAX_FILE_BYTES // 2**20} MB")
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise InputError(f"{path}: is larger than {MAX_FILE_BYTES // 2**20} MB")
        text = raw.decode("utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a JSON file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: is not UTF-8 text") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read: {error.strerror}") from None
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        raise InputError(f"{path}: nests {depth} levels deep (an Ashore file needs at most 8)")
    try:
        data = json.loads(
            text, parse_float=BareNumber, parse_constant=BareNumber, parse_int=_json_int
        )
    except json.JSONDecodeError as error:
        raise InputError(
            f"{path}: line {error.lineno}, column {error.colno}: not valid JSON ({error.msg})"
        ) from None
    except RecursionError:  # pragma: no cover - nesting_depth refuses such files first
        raise InputError(f"{path}: nests too deep to read") from None
    return parse_book(data, path.resolve().parent)


_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def nesting_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in JSON ``text`` (brackets inside strings do not
    count); read without recursion, so any depth can be measured."""
    depth = deepest = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


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


# --- writing -------------------------------------------------------------------------------------


def _t(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _d(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _rate_json(rate: Rate | None) -> dict[str, Any] | None:
    if rate is None:
        return None
    return {"value": decimal_text(rate.value), "per": rate.per, "day_count": rate.day_count}


def _safe_name(name: str) -> str:
    cleaned = re.sub(r"[\\/\x00-\x1f:*?\"<>|]", "_", name).strip(" .")
    return cleaned or "file"


def _attachment_json(
    attachment: Attachment, store: EvidenceStore | None, folder: Path
) -> dict[str, Any]:
    relative = attachment.path
    if store is not None:
        relative = f"evidence/{attachment.sha256[:16]}-{_safe_name(attachment.name)}"
        target = folder / relative
        if not (target.is_file() and sha256_of(target) == attachment.sha256):
            if not target.parent.exists():
                target.parent.mkdir(mode=0o700, parents=True)
                os.chmod(target.parent, 0o700)
            with store.open(attachment.sha256) as src:
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                os.fchmod(fd, 0o600)  # private whatever the umask: it is the user's evidence
                with os.fdopen(fd, "wb") as dst:
                    shutil.copyfileobj(src, dst)
    return {
        "path": relative,
        "sha256": attachment.sha256,
        "name": attachment.name,
        "kind": attachment.kind,
        "size": attachment.size,
        "imported_at": _t(attachment.imported_at),
        "duration_ms": attachment.duration_ms,
    }


def _note_json(note: CallNote, store: EvidenceStore | None, folder: Path) -> dict[str, Any]:
    return {
        "id": note.id,
        "occurred_at": _t(note.occurred_at),
        "logged_at": _t(note.logged_at),
        "channel": note.channel,
        "counterpart": note.counterpart,
        "text": note.text,
        "outcome": note.outcome,
        "promises": note.promises,
        "follow_up": _d(note.follow_up),
        "attachments": [_attachment_json(a, store, folder) for a in note.attachments],
        "revisions": [
            {
                "revised_at": _t(r.revised_at),
                "occurred_at": _t(r.occurred_at),
                "channel": r.channel,
                "counterpart": r.counterpart,
                "text": r.text,
                "outcome": r.outcome,
                "promises": r.promises,
                "follow_up": _d(r.follow_up),
                **_collection_json(r),
            }
            for r in note.revisions
        ],
        "deleted_at": _t(note.deleted_at),
        "deleted_reason": note.deleted_reason,
        **_collection_json(note),
    }


def _conventions_json(loan: Loan, data: dict[str, Any]) -> dict[str, Any]:
    """Add the lender's conventions (INTERFACES.md "Additions (second wave)") where they differ
    from the defaults, so a file without them exports exactly as before."""
    rules = loan.overdue
    if loan.start is not None:
        data["start"] = loan.start.isoformat()
    if loan.interest != "monthly":
        data["interest"] = loan.interest
    if loan.prepayment_fee != 0:
        data["prepayment_fee"] = decimal_text(loan.prepayment_fee)
    if rules.penalty_times_contract is not None:
        data["overdue"]["penalty_rate"] = {
            "times_contract": decimal_text(rules.penalty_times_contract)
        }
    if rules.contract_interest_continues:
        data["overdue"]["contract_interest_continues"] = True
    return data


def _loan_json(loan: Loan, store: EvidenceStore | None, folder: Path) -> dict[str, Any]:
    rules = loan.overdue
    data = {
        "id": loan.id,
        "lender": loan.lender,
        "name": loan.name,
        "currency": loan.currency,
        "reference": loan.reference,
        "principal": decimal_text(loan.principal),
        "rate": _rate_json(loan.rate),
        "method": loan.method,
        "term": {"count": loan.term_count, "unit": loan.term_unit},
        "first_due": loan.first_due.isoformat(),
        "fees": [
            {"name": f.name, "amount": decimal_text(f.amount), "per": f.per} for f in loan.fees
        ],
        "overdue": {
            "penalty_rate": _rate_json(rules.penalty_rate),
            "penalty_base": rules.penalty_base,
            "late_fee": decimal_text(rules.late_fee),
            "grace_days": rules.grace_days,
            "accelerates_after_days": rules.accelerates_after_days,
            "allocation": list(rules.allocation),
        },
        "payments": [
            {
                "date": p.date.isoformat(),
                "amount": decimal_text(p.amount),
                "note": p.note,
                "method": p.method,
                "reference": p.reference,
            }
            for p in loan.payments
        ],
        "claims": [
            {
                "date": c.date.isoformat(),
                "amount": decimal_text(c.amount),
                "source": c.source,
                "note": c.note,
            }
            for c in loan.claims
        ],
        "proposals": [
            {
                "id": p.id,
                "name": p.name,
                "status": p.status,
                "method": p.method,
                "start": p.start.isoformat(),
                "params": encode_params(p.method, p.params),
                "waive": {
                    "penalty": decimal_text(p.waive.penalty),
                    "late_fees": decimal_text(p.waive.late_fees),
                    "interest": decimal_text(p.waive.interest),
                },
                "history": [
                    {"at": _t(h.at), "status": h.status, "note": h.note} for h in p.history
                ],
                **({} if p.agreed is None else {"agreed": encode_agreed(p.agreed)}),
            }
            for p in loan.proposals
        ],
        "notes": [_note_json(n, store, folder) for n in loan.notes],
        "chain_head": {
            "events": len(loan.note_chain),
            "hash": loan.note_chain[-1].hash if loan.note_chain else "",
        },
        "note_chain": [
            {
                "note": e.note,
                "kind": e.kind,
                "at": _t(e.at),
                "body": e.body,
                "prev_hash": e.prev_hash,
                "hash": e.hash,
            }
            for e in loan.note_chain
        ],
        **_settlement_json(loan.settlement, store, folder),
    }
    return _conventions_json(loan, data)


def _settlement_json(
    settlement: Settlement | None, store: EvidenceStore | None, folder: Path
) -> dict[str, Any]:
    """The loan's ``settlement`` for the file; nothing while it runs (old files unchanged)."""
    if settlement is None:
        return {}
    certificate = settlement.certificate
    return {
        "settlement": {
            "settled_on": settlement.settled_on.isoformat(),
            "certificate": (
                _attachment_json(certificate, store, folder) if certificate is not None else None
            ),
            "credit_report_checked_on": _d(settlement.credit_report_checked_on),
            "credit_report_clean": settlement.credit_report_clean,
        }
    }


def book_json(
    book: Book,
    store: EvidenceStore | None = None,
    folder: Path | None = None,
    exported_at: datetime | None = None,
) -> dict[str, Any]:
    """The JSON object of ``book``; attachment files are copied from ``store`` into ``folder``.

    ``exported_at`` (the context's clock, to the second) is the only field that differs between
    two exports of the same data; None writes null."""
    where = folder or Path(".")
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _t(exported_at.replace(microsecond=0) if exported_at is not None else None),
        "currency": book.currency,
        "monthly_budget": (
            decimal_text(book.monthly_budget) if book.monthly_budget is not None else None
        ),
        "lenders": [
            {
                "id": lender.id,
                "name": lender.name,
                "phone": lender.phone,
                "notes": lender.notes,
                "hours": lender.hours,
                "website": lender.website,
            }
            for lender in book.lenders
        ],
        "loans": [_with_guide(book, loan, store, where) for loan in book.loans],
        **({"borrower": dict(book.borrower)} if book.borrower is not None else {}),
    }


def _with_guide(
    book: Book, loan: Loan, store: EvidenceStore | None, folder: Path
) -> dict[str, Any]:
    """The loan's JSON with its optional ``guide`` (documents written like attachments)."""
    data = _loan_json(loan, store, folder)
    guide = book.guides.get(loan.id)
    if guide is None:
        return data
    documents = []
    for doc in guide.get("documents", []):
        attachment = Attachment(
            sha256=doc["sha256"], name=doc["name"], kind="document", path=doc.get("path", "")
        )
        written = _attachment_json(attachment, store, folder)
        documents.append(
            {
                "path": written["path"],
                "kind": doc["kind"],
                "sha256": doc["sha256"],
                "name": doc["name"],
                "size": doc.get("size", 0),
            }
        )
    data["guide"] = {
        **{key: guide.get(key, "") for key in _GUIDE_TEXTS},
        "documents": documents,
        "credit_checks": [dict(check) for check in guide.get("credit_checks", [])],
    }
    return data


def _private_folder(folder: Path, existed: bool) -> None:
    """Create the export's folder owner-only (0700); one the user already has is left as it is."""
    if not existed:
        folder.mkdir(mode=0o700, parents=True)
        os.chmod(folder, 0o700)


def write_book(
    book: Book,
    path: Path,
    store: EvidenceStore | None = None,
    exported_at: datetime | None = None,
) -> None:
    """Write ``book`` to ``path`` atomically; with ``store`` its files go to ``evidence/``."""
    path = Path(path)
    folder = path.resolve().parent
    evidence = folder / "evidence"
    had_folder, had_evidence = folder.exists(), evidence.exists()
    before = {p for p in evidence.rglob("*") if p.is_file()} if had_evidence else set()
    try:
        _private_folder(folder, had_folder)
        try:
            text = json.dumps(
                book_json(book, store, folder, exported_at),
                ensure_ascii=False,
                indent=2,
                sort_keys=True,
            )
        except BaseException:
            # A failed export changes nothing: remove the files it had copied so far.
            if evidence.exists():
                for added in {p for p in evidence.rglob("*") if p.is_file()} - before:
                    added.unlink(missing_ok=True)
                if not had_evidence:
                    shutil.rmtree(evidence, ignore_errors=True)
            if not had_folder:
                shutil.rmtree(folder, ignore_errors=True)
            raise
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except PermissionError as error:
        raise InputError(f"{error.filename or path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder; give a file name") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be written: {error.strerror}") from None
