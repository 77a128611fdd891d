"""Reading an exchange file: ``read_book`` parses one and names the field path of anything wrong
(``loans[2].principal: "12,000" is not a decimal amount``); the values themselves are checked by
``ashore.domain.validation`` when the book is imported."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from ashore.app.errors import InputError
from ashore.domain.kinds import ALLOCATION_PARTS, INTEREST_RULES, LOAN_METHODS, TERM_UNITS, as_kind
from ashore.domain.money import Rate
from ashore.domain.records import (
    Book,
    Claim,
    Fee,
    Lender,
    Loan,
    NoteEvent,
    OverdueRules,
    Payment,
    Proposal,
    Settlement,
    StatusChange,
    Waive,
)
from ashore.exchange.codec import (
    _BORROWER_FIELDS,
    _GUIDE_TEXTS,
    FORMAT,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    VERSION,
    BareNumber,
    _bool,
    _json_int,
    _list,
    _object,
    _opt,
    _penalty_rate,
    _rate,
    _str,
    _time,
    nesting_depth,
)
from ashore.exchange.read_notes import _attachment, _note
from ashore.store.codec import (
    decode_agreed,
    decode_params,
)
from ashore.store.codec import read_date as _date
from ashore.store.codec import read_decimal as _decimal
from ashore.store.codec import read_int as _int
from ashore.store.evidence import regular_file


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
    data = _object(raw, path, ("date", "amount"), ("source", "note", "ours"))
    return Claim(
        date=_date(data["date"], f"{path}.date"),
        amount=_decimal(data["amount"], f"{path}.amount"),
        source=_opt(data, "source", path, _str, ""),
        note=_opt(data, "note", path, _str, ""),
        ours=_opt(data, "ours", path, _decimal, None),
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


def _deeper_than(data: object, limit: int) -> bool:
    """Whether the parsed JSON ``data`` nests arrays and objects more than ``limit`` deep: a walk
    level by level over its containers (no entry made for each value: 20,000 notes' worth)."""
    level: list[object] = [data] if type(data) in (dict, list) else []
    depth = 1
    while level:
        if depth > limit:
            return True
        deeper: list[object] = []
        for value in level:
            items = value.values() if type(value) is dict else cast(list[object], value)
            deeper.extend([item for item in items if type(item) is dict or type(item) is list])
        level = deeper
        depth += 1
    return False


def _refuse_deep(path: Path, text: str) -> None:
    """InputError when ``text`` nests deeper than an exchange file may, naming its depth."""
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        raise InputError(f"{path}: nests {depth} levels deep (an Ashore file needs at most 8)")


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
    # The nesting is measured on the parsed data (a walk over its containers) rather than on
    # the text (two passes of regular expressions over every byte): the same depth, as brackets
    # inside strings count in neither. Only a file the parser refuses, or one found too deep, has
    # its text measured, for the depth to name (the depth is said first, as before).
    try:
        data = json.loads(
            text, parse_float=BareNumber, parse_constant=BareNumber, parse_int=_json_int
        )
    except json.JSONDecodeError as error:
        _refuse_deep(path, text)
        raise InputError(
            f"{path}: line {error.lineno}, column {error.colno}: not valid JSON ({error.msg})"
        ) from None
    except RecursionError:
        _refuse_deep(path, text)
        raise InputError(f"{path}: nests too deep to read") from None  # pragma: no cover
    if _deeper_than(data, MAX_DEPTH):
        _refuse_deep(path, text)
    return parse_book(data, path.resolve().parent)
