"""The exchange file: the INTERFACES.md example reads, records survive, errors name their paths."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ashore.app.errors import InputError
from ashore.domain.records import Attachment, Book
from ashore.exchange import read_book, write_book
from ashore.store.evidence import EvidenceStore

from .books import AUDIO, lender, loan

# The example of INTERFACES.md, as printed there (only the attachment's hash is filled in).
EXAMPLE = """{
  "format": "ashore", "version": 1,
  "currency": "CNY",
  "lenders": [{"id": "jb", "name": "借呗", "phone": "95188", "notes": ""}],
  "loans": [{
    "id": "jb-2026-01", "lender": "jb", "name": "借呗 January", "currency": "CNY",
    "principal": "12000.00",
    "rate": {"value": "0.18", "per": "year"},
    "method": "equal_installment",
    "term": {"count": 12, "unit": "month"},
    "first_due": "2026-02-15",
    "fees": [{"name": "service fee", "amount": "20.00", "per": "installment"}],
    "overdue": {"penalty_rate": {"value": "0.0005", "per": "day"}, "penalty_base": "overdue_amount",
                "late_fee": "50.00", "grace_days": 0, "accelerates_after_days": null},
    "payments": [{"date": "2026-02-15", "amount": "1100.16", "note": ""}],
    "claims": [{"date": "2026-11-20", "amount": "9830.55", "source": "SMS"}],
    "proposals": [{"id": "p1", "name": "24 months, penalty waived", "status": "proposed",
                   "method": "reamortize", "start": "2026-12-15",
                   "params": {"months": 24, "annual_rate": "0"},
                   "waive": {"penalty": "1", "late_fees": "1", "interest": "0"}}],
    "notes": [{"id": "n1", "occurred_at": "2026-11-20T10:15:00+08:00",
               "logged_at": "2026-11-20T10:40:12+08:00", "channel": "phone",
               "counterpart": "agent 0231", "text": "asked for 24 months", "outcome": "will review",
               "follow_up": "2026-11-27",
               "attachments": [{"path": "evidence/call-1120.m4a", "sha256": "HASH", "kind": "audio",
                                "name": "call-1120.m4a"}]}]
  }]
}"""


def _example(tmp_path: Path) -> Path:
    (tmp_path / "evidence").mkdir()
    (tmp_path / "evidence" / "call-1120.m4a").write_bytes(AUDIO)
    path = tmp_path / "example.json"
    path.write_text(EXAMPLE.replace("HASH", hashlib.sha256(AUDIO).hexdigest()), encoding="utf-8")
    return path


def test_the_interfaces_example_reads(tmp_path: Path) -> None:
    book = read_book(_example(tmp_path))
    (only,) = book.loans
    assert only.principal == Decimal("12000.00")
    assert only.rate.value == Decimal("0.18")
    assert only.overdue.penalty_rate is not None
    assert only.overdue.penalty_rate.value == Decimal("0.0005")
    assert only.proposals[0].params == {"months": 24, "annual_rate": Decimal("0")}
    assert only.proposals[0].waive.penalty == Decimal("1")
    note = only.notes[0]
    assert note.occurred_at.utcoffset() is not None
    assert note.occurred_at.isoformat() == "2026-11-20T10:15:00+08:00"
    assert note.follow_up == date(2026, 11, 27)
    attachment = note.attachments[0]
    assert Path(attachment.path).read_bytes() == AUDIO
    assert attachment.size == len(AUDIO)


def test_write_then_read_gives_the_same_records(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "store")
    source = tmp_path / "call.m4a"
    source.write_bytes(AUDIO)
    sha = store.put_file(source)
    record = loan()
    record.notes[0].attachments = [Attachment(sha, "call.m4a", "audio", size=len(AUDIO))]
    book = Book(lenders=[lender()], loans=[record], monthly_budget=Decimal("2500.00"))
    out = tmp_path / "out" / "book.json"
    write_book(book, out, store)
    raw = out.read_text(encoding="utf-8")
    assert '"principal": "12000.00"' in raw
    assert '"value": "0.0005"' in raw
    back = read_book(out)
    attachment = back.loans[0].notes[0].attachments[0]
    assert Path(attachment.path) == (out.parent / "evidence" / f"{sha[:16]}-call.m4a").resolve()
    assert Path(attachment.path).read_bytes() == AUDIO
    attachment.path = ""
    assert back == book


def _write(tmp_path: Path, change: Any) -> Path:
    data = json.loads(EXAMPLE.replace("HASH", "a" * 64))
    data["loans"][0]["notes"][0]["attachments"] = []
    change(data)
    path = tmp_path / "x.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("format"), "format: missing"),
        (lambda d: d.update(version=2), "version: 2 is not a version"),
        (lambda d: d["loans"][0].update(term={"count": 12}), "loans[0].term.unit: missing"),
        (
            lambda d: d["loans"][0]["notes"][0].update(occurred_at="2026-11-20T10:15:00"),
            "loans[0].notes[0].occurred_at: '2026-11-20T10:15:00' is not a time with offset",
        ),
        (
            lambda d: d["loans"][0]["payments"][0].update(date="2026-13-01"),
            'loans[0].payments[0].date: "2026-13-01" is not a date that exists',
        ),
        (
            lambda d: d["loans"][0]["proposals"][0].update(method="pray"),
            "loans[0].proposals[0].method: 'pray' is not a proposal method",
        ),
        (
            lambda d: d["loans"][0]["proposals"][0]["params"].update(first_due="2027-01-15x"),
            "loans[0].proposals[0].params.first_due: '2027-01-15x' is not a date",
        ),
        (
            lambda d: d["loans"][0]["overdue"].update(grace_days="3"),
            "loans[0].overdue.grace_days: '3' is not a whole number",
        ),
        (lambda d: d["lenders"].append("jb"), "lenders[1]: must be a JSON object"),
    ],
)
def test_read_errors_name_the_field(tmp_path: Path, change: Any, message: str) -> None:
    with pytest.raises(InputError) as error:
        read_book(_write(tmp_path, change))
    assert str(error.value).startswith(message), str(error.value)


def test_lump_sum_takes_amount_or_discount_not_both(tmp_path: Path) -> None:
    from ashore.domain.validation import check_book

    def both(d: dict[str, Any]) -> None:
        d["loans"][0]["proposals"][0].update(
            method="lump_sum",
            params={"amount": "8000.00", "discount": "0.2", "pay_by": "2026-12-31"},
        )

    book = read_book(_write(tmp_path, both))
    with pytest.raises(InputError, match=r"^loans\[0\]\.proposals\[0\]\.params: give either"):
        check_book(book)
