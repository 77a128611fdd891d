"""Writing an exchange file: deterministic (sorted keys, records in a fixed order), so two exports
differ only in ``exported_at``; the loans are written one by one as they come, so a book of any
size takes the memory of one loan, and the file appears only when it is complete."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from json.encoder import encode_basestring
from pathlib import Path
from typing import IO, Any

from ashore.app.errors import InputError
from ashore.domain.money import Rate
from ashore.domain.records import (
    Attachment,
    Book,
    CallNote,
    Loan,
    NoteRevision,
    Settlement,
)
from ashore.exchange.codec import _GUIDE_TEXTS, FORMAT, VERSION
from ashore.store.chain import canonical
from ashore.store.codec import (
    decimal_text,
    encode_agreed,
    encode_params,
)
from ashore.store.evidence import EvidenceStore, sha256_of


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
                **({} if c.ours is None else {"ours": decimal_text(c.ours)}),
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


# The C encoder (no indent): a record written on one line by it costs a tenth of what the pure
# Python indenting encoder takes. Sorted keys, ", " and ": " between items: readable, the same
# bytes every time; ``canonical`` is that encoder with its C core made once, not per record.
_one_line = canonical


def _value_text(value: object, pad: str) -> str:
    """A field's value in an expanded object: a list of records one record per line, at ``pad``
    plus two spaces; anything else (text, a number, a small object like ``rate``) on one line."""
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        inner = pad + "  "
        items = ",\n".join(inner + _one_line(item) for item in value)
        return f"[\n{items}\n{pad}]"
    return _one_line(value)


def _expanded(data: dict[str, Any], pad: str) -> str:
    """``data`` with one field per line (sorted by key), each at ``pad`` plus two spaces."""
    inner = pad + "  "
    fields = ",\n".join(
        f"{inner}{encode_basestring(key)}: {_value_text(data[key], inner)}" for key in sorted(data)
    )
    return f"{{\n{fields}\n{pad}}}" if data else "{}"


def layout(data: dict[str, Any]) -> str:
    """The file's text of the exchange object ``data``, as ``write_json`` streams it: the top level
    and each loan one field per line; lenders, and each loan's notes, proposals, payments and
    chain entries, one record per line; everything else on the line of its field."""
    return "".join(_layout_parts(data, data.get("loans", [])))


def _layout_parts(top: dict[str, Any], loans: Iterable[dict[str, Any]]) -> Iterator[str]:
    """``layout`` of ``top`` piece by piece, its loans taken one at a time from ``loans``."""
    yield "{"
    for n, key in enumerate(sorted({**top, "loans": []})):
        yield ("\n  " if n == 0 else ",\n  ") + encode_basestring(key) + ": "
        if key != "loans":
            yield _value_text(top[key], "  ")
            continue
        count = 0
        for loan in loans:
            yield ("[\n    " if count == 0 else ",\n    ") + _expanded(loan, "    ")
            count += 1
        yield "\n  ]" if count else "[]"
    yield "\n}\n"


def write_json(
    fh: IO[str],
    book: Book,
    loans: Iterable[Loan],
    store: EvidenceStore | None,
    folder: Path,
    exported_at: datetime | None,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Write the exchange JSON of ``book`` with ``loans`` (taken one at a time, in order) to
    ``fh``: the very text ``layout(book_json(...))`` gives, without ever holding more than one
    loan's JSON; ``progress`` hears how many loans are written."""
    top = book_json(replace(book, loans=[]), store, folder, exported_at)
    count = 0

    def records() -> Iterator[dict[str, Any]]:
        nonlocal count
        for loan in loans:
            if count and progress is not None:
                progress(count)
            yield _with_guide(book, loan, store, folder)
            count += 1

    for part in _layout_parts(top, records()):
        fh.write(part)
    if count and progress is not None:
        progress(count)


def write_book(
    book: Book,
    path: Path,
    store: EvidenceStore | None = None,
    exported_at: datetime | None = None,
    *,
    loans: Iterable[Loan] | None = None,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Write ``book`` to ``path`` atomically; with ``store`` its files go to ``evidence/``.

    ``loans`` (streamed in order, e.g. from the database page by page) stands for
    ``book.loans``; ``progress`` hears the number of loans written, and may raise to stop: the
    file is written to a temporary name and renamed at the end, so a stopped or failed export
    leaves nothing behind (the evidence files it had copied are removed again)."""
    path = Path(path)
    folder = path.resolve().parent
    evidence = folder / "evidence"
    had_folder, had_evidence = folder.exists(), evidence.exists()
    before = {p for p in evidence.rglob("*") if p.is_file()} if had_evidence else set()
    tmp: str | None = None
    try:
        _private_folder(folder, had_folder)
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                source = book.loans if loans is None else loans
                write_json(fh, book, source, store, folder, exported_at, progress)
            os.replace(tmp, path)
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
        finally:
            if tmp is not None and os.path.exists(tmp):
                os.unlink(tmp)
    except PermissionError as error:
        raise InputError(f"{error.filename or path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder; give a file name") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be written: {error.strerror}") from None
