"""Make a heavy user's exchange file: N loans from N/20 lenders, 2–3 proposals each, and notes.

``.venv/bin/python benchmarks/heavy_data.py --loans 300 --notes 20000 --out /tmp/heavy.json``
writes a file ``ashore import`` takes (all amounts valid, every proposal workable), the same
bytes for the same arguments. The benchmarks import it; it is not a test fixture.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta

BEIJING = timezone(timedelta(hours=8))
METHODS = ("equal_installment", "equal_principal", "interest_first")


def _loan(rng: random.Random, k: int, lender: str, notes: int) -> dict[str, Any]:
    months = rng.choice((6, 12, 24, 36))
    first_due = date(2025, 1 + k % 12, 1 + k % 28)
    principal = 1000 + rng.randrange(0, 49_000)
    paid = rng.randrange(0, months // 2 + 1)
    loan: dict[str, Any] = {
        "id": f"loan-{k:05d}",
        "lender": lender,
        "name": f"Loan {k}",
        "currency": "CNY",
        "principal": f"{principal}.00",
        "rate": {"value": f"0.{rng.randrange(8, 36):02d}", "per": "year"},
        "method": METHODS[k % len(METHODS)],
        "term": {"count": months, "unit": "month"},
        "first_due": first_due.isoformat(),
        "fees": [],
        "overdue": {
            "penalty_rate": {"value": "0.0005", "per": "day"},
            "penalty_base": "overdue_amount",
            "late_fee": "30.00",
            "grace_days": k % 4,
            "accelerates_after_days": None,
        },
        # small payments on the first due dates: the loan is behind but partly paid
        "payments": [
            {
                "date": (first_due + relativedelta(months=m)).isoformat(),
                "amount": "50.00",
                "note": "",
            }
            for m in range(paid)
        ],
        "claims": [],
        "proposals": _proposals(rng, k),
        "notes": [_note(rng, k, n) for n in range(notes)],
    }
    return loan


def _proposals(rng: random.Random, k: int) -> list[dict[str, Any]]:
    out = [
        {
            "id": f"p{k}-1",
            "name": "24 months, penalty waived",
            "status": "proposed",
            "method": "reamortize",
            "start": "2026-12-15",
            "params": {"months": 24, "annual_rate": "0"},
            "waive": {"penalty": "1", "late_fees": "1", "interest": "0"},
        },
        {
            "id": f"p{k}-2",
            "name": "Settle at 70 %",
            "status": "draft",
            "method": "lump_sum",
            "start": "2026-12-15",
            "params": {"discount": "0.3", "pay_by": "2027-01-15"},
        },
    ]
    if rng.random() < 0.5:
        out.append(
            {
                "id": f"p{k}-3",
                "name": "Three months' holiday",
                "status": "draft",
                "method": "deferral",
                "start": "2026-12-15",
                "params": {
                    "holiday_months": 3,
                    "interest_during": "freeze",
                    "months_after": 18,
                    "annual_rate": "0.06",
                },
            }
        )
    return out


def _note(rng: random.Random, k: int, n: int) -> dict[str, Any]:
    when = datetime(2026, 6, 1, 9, 0, tzinfo=BEIJING) + timedelta(hours=7 * n + k % 7)
    return {
        "id": f"n{k}-{n}",
        "occurred_at": when.isoformat(),
        "logged_at": (when + timedelta(minutes=20)).isoformat(),
        "channel": rng.choice(("phone", "app_chat", "sms")),
        "counterpart": f"agent {rng.randrange(1000, 9999)}",
        "text": "Asked for more time; they will review the hardship papers. " * 2,
        "outcome": "will call back",
        "follow_up": None,
        "attachments": [],
    }


def heavy_book(loans: int, notes: int, seed: int = 7) -> dict[str, Any]:
    """The exchange object: ``loans`` loans, ``notes`` notes spread over them."""
    rng = random.Random(seed)
    lenders = max(1, loans // 20)
    per_loan = [notes // loans + (1 if k < notes % loans else 0) for k in range(loans)]
    return {
        "format": "ashore",
        "version": 1,
        "currency": "CNY",
        "lenders": [
            {"id": f"lender-{j}", "name": f"Lender {j}", "phone": "95188", "notes": ""}
            for j in range(lenders)
        ],
        "loans": [_loan(rng, k, f"lender-{k % lenders}", per_loan[k]) for k in range(loans)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loans", type=int, default=300)
    parser.add_argument("--notes", type=int, default=20_000)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    book = heavy_book(args.loans, args.notes)
    args.out.write_text(json.dumps(book, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {args.out}: {args.loans} loans, {args.notes} notes")


if __name__ == "__main__":
    main()
