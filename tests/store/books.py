"""Test helpers: records and exchange files to feed the store, the services and the commands."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from ashore.app.paths import DataDir
from ashore.app.resources import resource_path
from ashore.domain.money import Rate
from ashore.domain.records import (
    CallNote,
    Claim,
    Fee,
    Lender,
    Loan,
    OverdueRules,
    Payment,
    Proposal,
    StatusChange,
    Waive,
)

CST = timezone(timedelta(hours=8))
AUDIO = b"RIFF\x00\x01fake call recording\xff\x00" * 50


def sample_dict() -> dict[str, Any]:
    """The shipped sample book as decoded JSON (2 lenders, 3 loans)."""
    return json.loads(resource_path("sample", "sample.json").read_text(encoding="utf-8"))


def book_folder(tmp: Path, data: dict[str, Any] | None = None, *, with_file: bool = True) -> Path:
    """Write an exchange file (the sample plus one audio attachment) into ``tmp``; return it."""
    data = data if data is not None else sample_dict()
    tmp.mkdir(parents=True, exist_ok=True)
    if with_file:
        (tmp / "evidence").mkdir(exist_ok=True)
        (tmp / "evidence" / "call-1120.m4a").write_bytes(AUDIO)
        data["loans"][0]["notes"][0]["attachments"] = [
            {
                "path": "evidence/call-1120.m4a",
                "sha256": hashlib.sha256(AUDIO).hexdigest(),
                "kind": "audio",
                "name": "call-1120.m4a",
            }
        ]
    path = tmp / "book.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def lender(lender_id: str = "jb", name: str = "借呗") -> Lender:
    return Lender(id=lender_id, name=name, phone="95188")


def loan(loan_id: str = "loan-1", lender_id: str = "jb", *, notes: bool = True) -> Loan:
    """A full loan record: fees, payments, a claim, a proposal with history and a call note."""
    return Loan(
        id=loan_id,
        lender=lender_id,
        name="January loan",
        principal=Decimal("12000.00"),
        rate=Rate(Decimal("0.18"), "year"),
        method="equal_installment",
        term_count=12,
        term_unit="month",
        first_due=date(2026, 2, 15),
        fees=[Fee("service fee", Decimal("20.00"), "installment")],
        overdue=OverdueRules(
            penalty_rate=Rate(Decimal("0.0005"), "day"),
            late_fee=Decimal("50.00"),
            accelerates_after_days=90,
        ),
        payments=[Payment(date(2026, 2, 15), Decimal("1100.16"), note="on time")],
        claims=[Claim(date(2026, 11, 20), Decimal("9830.55"), source="SMS")],
        proposals=[
            Proposal(
                id="p1",
                name="24 months, penalty waived",
                method="reamortize",
                start=date(2026, 12, 15),
                params={"months": 24, "annual_rate": Decimal("0")},
                status="proposed",
                waive=Waive(penalty=Decimal("1"), late_fees=Decimal("1")),
                history=[StatusChange(datetime(2026, 11, 21, 9, 30, tzinfo=CST), "proposed")],
            )
        ],
        notes=[
            CallNote(
                id="n1",
                occurred_at=datetime(2026, 11, 20, 10, 15, tzinfo=CST),
                logged_at=datetime(2026, 11, 20, 10, 40, 12, tzinfo=CST),
                counterpart="agent 0231",
                text="asked for 24 months",
                outcome="will review",
                follow_up=date(2026, 11, 27),
            )
        ]
        if notes
        else [],
    )


def dump(data: DataDir) -> tuple[list[str], list[str]]:
    """The database's full SQL dump and the evidence store's file list, to compare before/after."""
    sql: list[str] = []
    if data.database.exists():
        con = sqlite3.connect(f"{data.database.as_uri()}?mode=ro", uri=True)
        try:
            sql = list(con.iterdump())
        finally:
            con.close()
    files = (
        sorted(str(p.relative_to(data.evidence)) for p in data.evidence.rglob("*"))
        if (data.evidence.exists())
        else []
    )
    return sql, files


def without_exported_at(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("exported_at")
    return data
