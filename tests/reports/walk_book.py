"""The book the issue-13 walker built by hand, rebuilt for tests: the DOMAIN.md worked example
(Jiebei, paid February to May) and a Kaka-like 30-day bullet loan never paid, three proposals on
the worked example ("24 months, penalty waived", "400 a month", "Settle at 70 %"), the first
accepted on 2026-11-28 and 400.00 paid under it that day."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from ashore.domain.records import Payment
from ashore.services import Ledger
from ashore.services.payments import Payments
from ashore.services.proposals import Proposals

TODAY = date(2026, 11, 28)
JB = "jb-1"
KAKA = "kaka-1"
CST = timezone(timedelta(hours=8))


def _overdue(penalty: str, fee: str, grace: int) -> dict[str, object]:
    return {
        "penalty_rate": {"value": penalty, "per": "day"},
        "penalty_base": "overdue_amount",
        "late_fee": fee,
        "grace_days": grace,
        "accelerates_after_days": None,
    }


def _proposal(
    pid: str, name: str, method: str, params: dict[str, str | int], waive: tuple[str, str]
) -> dict[str, object]:
    return {
        "id": pid,
        "name": name,
        "status": "draft",
        "method": method,
        "start": "2026-11-28",
        "params": params,
        "waive": {"penalty": waive[0], "late_fees": waive[1], "interest": "0"},
        "history": [],
    }


def book_json(reference: str = "") -> dict[str, object]:
    paid = [{"date": f"2026-0{m}-15", "amount": "1100.16", "note": ""} for m in (2, 3, 4, 5)]
    jiebei = {
        "id": JB,
        "lender": "jiebei",
        "name": "Jiebei January",
        "currency": "CNY",
        "principal": "12000.00",
        "rate": {"value": "0.18", "per": "year"},
        "method": "equal_installment",
        "term": {"count": 12, "unit": "month"},
        "first_due": "2026-02-15",
        "fees": [],
        "overdue": _overdue("0.0005", "50.00", 0),
        "payments": paid,
        "claims": [],
        "proposals": [
            _proposal(
                "p-24",
                "24 months, penalty waived",
                "reamortize",
                {"months": 24, "annual_rate": "0"},
                ("1", "1"),
            ),
            _proposal(
                "p-400",
                "400 a month",
                "reduced_installment",
                {"amount": "400", "annual_rate": "0"},
                ("1", "0"),
            ),
            _proposal(
                "p-70",
                "Settle at 70 %",
                "lump_sum",
                {"discount": "0.3", "pay_by": "2026-12-20"},
                ("0", "0"),
            ),
        ],
        "notes": [],
    }
    if reference:
        jiebei["reference"] = reference
    kaka = {
        "id": KAKA,
        "lender": "kaka",
        "name": "Kaka 30-day loan",
        "currency": "CNY",
        "principal": "3000.00",
        "rate": {"value": "0.0005", "per": "day"},
        "method": "bullet",
        "term": {"count": 30, "unit": "day"},
        "first_due": "2026-09-10",
        "fees": [],
        "overdue": _overdue("0.001", "30.00", 3),
        "payments": [],
        "claims": [],
        "proposals": [],
        "notes": [],
    }
    return {
        "format": "ashore",
        "version": 1,
        "currency": "CNY",
        "lenders": [
            {
                "id": "jiebei",
                "name": "Jiebei",
                "phone": "95188",
                "hours": "9:00-21:00",
                "website": "",
                "notes": "",
            },
            {
                "id": "kaka",
                "name": "Kaka Loan",
                "phone": "400-888-6666",
                "hours": "9:00-18:00",
                "website": "",
                "notes": "",
            },
        ],
        "loans": [jiebei, kaka],
    }


def build(ledger: Ledger, tmp: Path, *, accept: bool = True, pay: bool = True) -> Ledger:
    """Import the two loans, accept "24 months, penalty waived" and pay 400.00 under it."""
    path = tmp / "walk-book.json"
    path.write_text(json.dumps(book_json()), encoding="utf-8")
    ledger.import_json(path)
    if accept:
        Proposals(ledger).change_status(
            JB, "p-24", "accepted", "agent", datetime(2026, 11, 28, 10, tzinfo=CST)
        )
    if pay:
        Payments(ledger).add_payment(
            JB, Payment(date=TODAY, amount=Decimal("400.00"), method="Alipay")
        )
    return ledger


def night_call(ledger: Ledger, loan_id: str) -> Ledger:
    """A collector's call at 23:10 (+08:00) on the loan: a rule broken, so a complaint is due."""
    from ashore.services.notes import Notes

    at = datetime(2026, 11, 21, 23, 10, tzinfo=timezone(timedelta(hours=8)))
    Notes(ledger).add(loan_id, occurred_at=at, kind="collection", direction="incoming", text="pay")
    return ledger
