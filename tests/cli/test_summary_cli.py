"""``ashore export summary``, ``ashore lpr`` and the exchange fields of the lender's conventions:
DOMAIN.md's figures to the cent and to 0.01 %, lossless round trips, old files unchanged."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ashore.app.paths import DataDir
from ashore.app.resources import resource_path
from ashore.commands.cli import main
from store.books import without_exported_at

WORKED = {
    "id": "jb-2026-01",
    "lender": "jb",
    "name": "借呗 January",
    "currency": "CNY",
    "principal": "12000.00",
    "rate": {"value": "0.18", "per": "year"},
    "method": "equal_installment",
    "term": {"count": 12, "unit": "month"},
    "first_due": "2026-02-15",
    "overdue": {
        "penalty_rate": {"value": "0.0005", "per": "day"},
        "penalty_base": "overdue_amount",
        "late_fee": "50.00",
        "grace_days": 0,
        "accelerates_after_days": None,
    },
    "payments": [{"date": f"2026-0{m}-15", "amount": "1100.16", "note": ""} for m in (2, 3, 4, 5)],
    "proposals": [
        {
            "id": "p1",
            "name": "24 months, penalty waived",
            "status": "proposed",
            "method": "reamortize",
            "start": "2026-12-15",
            "params": {"months": 24, "annual_rate": "0"},
            "waive": {"penalty": "1", "late_fees": "1", "interest": "0"},
        }
    ],
}

WEILIDAI = {
    "id": "wld",
    "lender": "wb",
    "name": "微粒贷",
    "principal": "5000.00",
    "rate": {"value": "0.0005", "per": "day", "day_count": 365},
    "method": "equal_principal",
    "term": {"count": 5, "unit": "month"},
    "first_due": "2026-06-01",
    "start": "2026-05-01",
    "interest": "daily",
    "prepayment_fee": "0.01",
    "fees": [{"name": "service", "amount": "100.00", "per": "upfront"}],
    "overdue": {
        "penalty_rate": {"times_contract": "1.5"},
        "penalty_base": "overdue_principal",
        "late_fee": "0.00",
        "contract_interest_continues": True,
    },
}


def _book(*loans: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": "ashore",
        "version": 1,
        "currency": "CNY",
        "lenders": [{"id": "jb", "name": "借呗"}, {"id": "wb", "name": "微众银行"}],
        "loans": list(loans),
    }


def _run(data: DataDir, *args: str) -> int:
    return main(["--data-dir", str(data.root), *args])


def _import(data: DataDir, tmp_path: Path, *loans: dict[str, Any]) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(_book(*loans), ensure_ascii=False), encoding="utf-8")
    assert _run(data, "import", str(source)) == 0


def _summary(data: DataDir, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    capsys.readouterr()
    assert _run(data, "--today", "2026-11-28", "export", "summary", *args) == 0
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    return result


def test_summary_of_the_worked_example(
    data_dir: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _import(data_dir, tmp_path, WORKED)
    doc = _summary(data_dir, capsys)
    assert (doc["format"], doc["version"], doc["today"]) == ("ashore-summary", 1, "2026-11-28")
    (loan,) = doc["loans"]
    assert loan["id"] == "jb-2026-01"
    assert loan["plan"] == "original"
    assert loan["owed_today"] == "9348.71"
    assert loan["overdue"] == "6600.96"
    assert loan["penalty"] == "295.94"
    assert loan["late_fees"] == "300.00"
    assert loan["not_yet_due"] == "2151.81"
    assert loan["payoff_today"] == "9362.70"
    assert loan["if_agreement_fails"] is None
    assert loan["received"] == "12000.00"
    assert loan["apr"] == "0.1800"
    assert loan["effective_annual"] == "0.1956"
    assert loan["lines"] == {
        "lpr4": {"rate": "0.1200", "lpr_on": "2025-05-20", "over": True},
        "24": {"over": False},
        "36": {"over": False},
    }
    # Six unpaid installments with their charges, and the last two (1,100.16 and 1,100.19).
    left = Decimal("6600.96") + Decimal("295.94") + Decimal("300.00") + Decimal("2200.35")
    assert loan["left_to_pay_plan"] == f"{left:f}" == "9397.25"
    (proposal,) = loan["proposals"]
    assert proposal["id"] == "p1"
    assert proposal["status"] == "proposed"
    assert proposal["installments"] == 24
    assert proposal["first_due"] == "2027-01-15"
    assert proposal["last_due"] == "2028-12-15"
    assert proposal["apr"] == "0.0000"
    assert proposal["total"] == proposal["starts_from"]
    assert loan["collection_breaches"] == []
    assert loan["credit_record"] == {"settled_on": None, "clears_on": None}


def test_summary_of_an_agreement_in_force(
    data_dir: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    accepted = json.loads(json.dumps(WORKED))
    accepted["proposals"][0]["status"] = "accepted"
    accepted["proposals"][0]["start"] = "2026-10-01"
    _import(data_dir, tmp_path, accepted)
    (loan,) = _summary(data_dir, capsys)["loans"]
    assert loan["plan"] == "agreement:p1"
    # Nothing is due yet under the agreement (first due 2026-11-01, unpaid: overdue).
    assert loan["if_agreement_fails"] == "9348.71"
    assert loan["penalty"] == "0.00"
    assert loan["payoff_today"] == loan["owed_today"]
    starts_from = loan["proposals"][0]["starts_from"]
    assert loan["left_to_pay_plan"] == starts_from  # 0 %: the plan is what it starts from


def test_summary_of_lender_conventions_and_the_choice_of_loans(
    data_dir: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _import(data_dir, tmp_path, WORKED, WEILIDAI)
    doc = _summary(data_dir, capsys, "--loan", "wld")
    (loan,) = doc["loans"]
    assert loan["id"] == "wld"
    assert loan["received"] == "4900.00"
    # 0.05 % a day (18.25 % a year) with 100.00 kept back of 5,000 repaid over 5 months.
    assert Decimal("0.24") < Decimal(loan["apr"]) < Decimal("0.36")
    assert (loan["lines"]["24"]["over"], loan["lines"]["36"]["over"]) == (True, False)
    out = tmp_path / "summary.json"
    assert _run(data_dir, "--today", "2026-11-28", "export", "summary", "--out", str(out)) == 0
    assert [x["id"] for x in json.loads(out.read_text(encoding="utf-8"))["loans"]] == [
        "jb-2026-01",
        "wld",
    ]
    capsys.readouterr()
    assert _run(data_dir, "export", "summary", "--loan", "nope") == 1
    assert "--loan: 'nope' is not a known loan id" in capsys.readouterr().err


def test_schedule_follows_daily_interest(
    data_dir: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    weilidai = dict(WEILIDAI, rate={"value": "0.0005", "per": "day"}, fees=[])
    _import(data_dir, tmp_path, weilidai)
    capsys.readouterr()
    assert _run(data_dir, "export", "schedule", "--loan", "wld") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:] == [
        "2026-06-01,1077.50,1000.00,77.50,0.00,4000.00",
        "2026-07-01,1060.00,1000.00,60.00,0.00,3000.00",
        "2026-08-01,1046.50,1000.00,46.50,0.00,2000.00",
        "2026-09-01,1031.00,1000.00,31.00,0.00,1000.00",
        "2026-10-01,1015.00,1000.00,15.00,0.00,0.00",
    ]


def test_new_fields_round_trip_losslessly(data_dir: DataDir, tmp_path: Path) -> None:
    _import(data_dir, tmp_path, WORKED, WEILIDAI)
    out = tmp_path / "out" / "book.json"
    out.parent.mkdir()
    assert _run(data_dir, "export", "json", "--out", str(out)) == 0
    exported = without_exported_at(out)
    wld = next(x for x in exported["loans"] if x["id"] == "wld")
    for key in ("start", "interest", "prepayment_fee", "rate", "fees"):
        assert wld[key] == WEILIDAI[key], key
    assert wld["overdue"]["penalty_rate"] == {"times_contract": "1.5"}
    assert wld["overdue"]["contract_interest_continues"] is True
    # An old loan's export carries none of the new keys: old files stay as they were.
    old = next(x for x in exported["loans"] if x["id"] == "jb-2026-01")
    assert not {"start", "interest", "prepayment_fee"} & old.keys()
    assert "contract_interest_continues" not in old["overdue"]
    # And the export imports again into an empty data dir, giving the same file.
    again = DataDir(tmp_path / "again")
    assert _run(again, "import", str(out)) == 0
    out2 = tmp_path / "out2" / "book.json"
    out2.parent.mkdir()
    assert _run(again, "export", "json", "--out", str(out2)) == 0
    assert without_exported_at(out2) == exported


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"start": "2026-06-01"}, "loans[0].start: must be before the first due date"),
        ({"interest": "weekly"}, "loans[0].interest:"),
        ({"prepayment_fee": "2"}, "loans[0].prepayment_fee:"),
        (
            {"overdue": {"penalty_rate": {"times_contract": "0"}}},
            "loans[0].overdue.penalty_rate.times_contract:",
        ),
        (
            {"overdue": {"contract_interest_continues": "yes"}},
            "loans[0].overdue.contract_interest_continues:",
        ),
        (
            {"fees": [{"amount": "5000.00", "per": "upfront"}]},
            "loans[0].fees: the upfront fees must be less than the principal",
        ),
    ],
)
def test_bad_new_fields_are_refused_by_name(
    data_dir: DataDir,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: dict[str, Any],
    message: str,
) -> None:
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(_book(dict(WEILIDAI, **change))), encoding="utf-8")
    assert _run(data_dir, "import", str(source)) == 1
    assert message in capsys.readouterr().err


def test_lpr_added_value_moves_the_line(
    data_dir: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = dict(WORKED, first_due="2026-10-15", payments=[], proposals=[])
    _import(data_dir, tmp_path, later)
    before = _summary(data_dir, capsys)["loans"][0]["lines"]["lpr4"]
    assert before == {"rate": "0.1200", "lpr_on": "2025-05-20", "over": True}
    assert _run(data_dir, "lpr", "add", "2026-09-15", "2.90") == 0
    after = _summary(data_dir, capsys)["loans"][0]["lines"]["lpr4"]
    assert after == {"rate": "0.1160", "lpr_on": "2026-09-15", "over": True}
    capsys.readouterr()
    assert _run(data_dir, "lpr", "list") == 0
    listing = capsys.readouterr().out
    assert "checked on 2026-05-20" in listing
    assert "2026-09-15  2.90 %  (added)" in listing
    assert _run(data_dir, "lpr", "add", "2026-13-01", "2.9") == 1
    assert _run(data_dir, "lpr", "add", "2026-09-15", "abc") == 1
    assert "percent:" in capsys.readouterr().err


def test_projection_follows_the_penalty_multiple(
    data_dir: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    times = dict(
        WORKED,
        payments=[],
        proposals=[],
        overdue={
            "penalty_rate": {"times_contract": "1.5"},
            "penalty_base": "overdue_principal",
            "late_fee": "50.00",
        },
    )
    _import(data_dir, tmp_path, times)
    capsys.readouterr()
    args = ["--today", "2026-03-17", "export", "projection", "--loan", "jb-2026-01"]
    assert _run(data_dir, *args, "--until", "2026-03-17") == 0
    lines = capsys.readouterr().out.splitlines()
    # February's installment 30 days late: 920.16 × 0.18 / 360 × 1.5 × 30 = 20.70; March's
    # 2 days: 933.96 × 0.00075 × 2 = 1.40; two late fees; 12,000 − 920.16 − 933.96 not yet due.
    assert lines[1] == "2026-03-17,12468.30,2200.32,22.10,100.00,10145.88"


def test_summary_names_each_loan_its_lender_and_its_proposals(
    data_dir: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Added keys (a tester could not tell loan-1 from loan-2): the names the user gave, beside
    the ids; every key that was there before is still there with the same value."""
    sample = resource_path("sample", "sample.json")
    assert _run(data_dir, "import", str(sample)) == 0
    loans = {loan["id"]: loan for loan in _summary(data_dir, capsys)["loans"]}
    names = {i: (x["name"], x["lender_name"]) for i, x in loans.items()}
    assert names == {
        "jb-2026-01": ("借呗 January", "借呗 Jiebei"),
        "jt360-bullet-0901": ("360借条 14-day loan", "360借条 Jietiao"),
        "jt360-2025-11": ("360借条 24 months", "360借条 Jietiao"),
    }
    proposals = {i: [(p["id"], p["name"]) for p in x["proposals"]] for i, x in loans.items()}
    assert proposals == {
        "jb-2026-01": [("p1", "24 months, penalty waived")],
        "jt360-bullet-0901": [("p2", "Settle once for 2,800")],
        "jt360-2025-11": [],
    }
    # The format's keys, all kept (INTERFACES.md: added to, never changed).
    loan = loans["jb-2026-01"]
    assert {
        "id",
        "currency",
        "plan",
        "owed_today",
        "overdue",
        "penalty",
        "late_fees",
        "not_yet_due",
        "payoff_today",
        "left_to_pay_plan",
        "if_agreement_fails",
        "received",
        "apr",
        "effective_annual",
        "lines",
        "proposals",
        "collection_breaches",
        "credit_record",
    } <= set(loan)
    assert {
        "id",
        "status",
        "starts_from",
        "total",
        "installments",
        "first_due",
        "last_due",
        "apr",
    } <= set(loan["proposals"][0])
    assert loan["currency"] == "CNY"
    assert loan["proposals"][0]["status"] == "proposed"


def test_summary_keys_other_than_the_names_are_unchanged(
    data_dir: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The worked example's loan without the added name keys is exactly what it was: same keys,
    same values (the figures checked in test_summary_of_the_worked_example)."""
    _import(data_dir, tmp_path, WORKED)
    (loan,) = _summary(data_dir, capsys)["loans"]
    assert (loan.pop("name"), loan.pop("lender_name")) == ("借呗 January", "借呗")
    (proposal,) = loan["proposals"]
    assert proposal.pop("name") == "24 months, penalty waived"
    assert list(proposal) == [
        "id",
        "status",
        "starts_from",
        "total",
        "installments",
        "first_due",
        "last_due",
        "apr",
    ]
    assert list(loan) == [
        "id",
        "currency",
        "plan",
        "owed_today",
        "overdue",
        "penalty",
        "late_fees",
        "not_yet_due",
        "payoff_today",
        "left_to_pay_plan",
        "if_agreement_fails",
        "received",
        "apr",
        "effective_annual",
        "lines",
        "lateness",
        "proposals",
        "collection_breaches",
        "credit_record",
    ]
    assert (loan["id"], loan["owed_today"], loan["payoff_today"]) == (
        "jb-2026-01",
        "9348.71",
        "9362.70",
    )
