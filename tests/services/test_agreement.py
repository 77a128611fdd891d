"""DOMAIN.md "A plan in force is a contract": the table agreed on acceptance is kept as it was
agreed, payments pay it oldest first, more than is due is a credit for the next installments, and
nothing re-spreads it; an imported ``agreed`` table is kept verbatim."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from ashore.app.errors import InputError
from ashore.app.paths import DataDir
from ashore.domain.records import Agreed, AgreedInstallment, Payment, Proposal, Waive
from ashore.services import Ledger, plans
from ashore.services.payments import Payments
from ashore.services.proposals import Proposals
from ashore.services.views import payments as payments_view

JB = "jb-2026-01"  # the worked example of DOMAIN.md
START = date(2026, 11, 28)
CST = timezone(timedelta(hours=8))
CENT = Decimal("0.01")


def annuity(principal: Decimal, annual: Decimal, months: int) -> Decimal:
    """A = P·i / (1 − (1 + i)^−n), written out independently of the engine."""
    i = annual / 12
    return (principal * i / (1 - (1 + i) ** -months)).quantize(CENT, ROUND_HALF_UP)


@pytest.fixture
def with_agreement(ledger: Ledger) -> Ledger:
    space = Proposals(ledger)
    # "24 months, penalty waived" at the contract's 18 %, taking effect on the worked example's day
    space.save_proposal(
        JB,
        Proposal(
            id="p24",
            name="24 months, penalty waived",
            method="reamortize",
            start=START,
            params={"months": 24, "annual_rate": Decimal("0.18")},
            waive=Waive(penalty=Decimal("1")),
        ),
    )
    space.change_status(JB, "p24", "accepted", "agent 0231", datetime(2026, 11, 28, 10, tzinfo=CST))
    return ledger


def table(ledger: Ledger) -> list[tuple[date, Decimal]]:
    found = plans.agreement(ledger.loan(JB))
    assert found is not None
    return [(r.due, r.payment) for r in found[1].installments]


def test_acceptance_writes_the_agreed_table(ledger: Ledger, with_agreement: Ledger) -> None:
    proposal = next(p for p in ledger.loan(JB).proposals if p.id == "p24")
    assert proposal.agreed is not None
    assert proposal.agreed.on == START
    # it starts from the 9,348.71 owed less the 295.94 penalty waived
    base = Decimal("9348.71") - Decimal("295.94")
    monthly = annuity(base, Decimal("0.18"), 24)
    assert monthly == Decimal("451.95")
    rows = proposal.agreed.installments
    assert len(rows) == 24
    assert [r.amount for r in rows[:-1]] == [monthly] * 23
    assert rows[0].due == date(2026, 12, 28)
    assert rows[-1].due == date(2028, 11, 28)
    assert sum((r.principal or Decimal(0) for r in rows), Decimal(0)) == base
    assert rows[0].principal == monthly - (base * Decimal("0.015")).quantize(CENT, ROUND_HALF_UP)


@pytest.mark.parametrize(
    ("paid_on", "amount"),
    [
        (START, Decimal("451.95")),  # on its first day
        (START, Decimal("1000.00")),  # more than is due
        (date(2027, 1, 10), Decimal("451.95")),  # late
        (date(2026, 12, 28), Decimal("200.00")),  # less than is due
    ],
)
def test_a_payment_never_changes_the_table(
    ledger: Ledger, with_agreement: Ledger, paid_on: date, amount: Decimal
) -> None:
    before = table(ledger)
    proposal = next(p for p in ledger.loan(JB).proposals if p.id == "p24")
    Payments(with_agreement).add_payment(JB, Payment(paid_on, amount))
    assert table(ledger) == before
    assert next(p for p in ledger.loan(JB).proposals if p.id == "p24").agreed == proposal.agreed
    # the calendar, the letter's plan and the schedule export read the same table
    entries = [
        e
        for e in payments_view.plan_entries(ledger.loan(JB), date(2027, 2, 1))
        if e.source != "original"
    ]
    assert [(e.due, e.amount) for e in entries] == before


def test_paying_on_the_first_day_pays_the_first_installment(
    ledger: Ledger, with_agreement: Ledger
) -> None:
    Payments(with_agreement).add_payment(JB, Payment(START, Decimal("451.95")))
    loan = ledger.loan(JB)
    entries = [e for e in payments_view.plan_entries(loan, START) if e.source == "agreement"]
    assert (entries[0].status, entries[0].remaining) == ("paid", Decimal("0.00"))
    assert entries[1].remaining == Decimal("451.95")
    fig = plans.figures(loan, START)
    principal_1 = Decimal("451.95") - Decimal("135.79")  # interest 9,052.77 × 1.5 %
    assert fig.owed_today == Decimal("9052.77") - principal_1
    assert fig.left_to_pay_plan == sum((a for _, a in table(ledger)), Decimal(0)) - Decimal(
        "451.95"
    )


def test_a_credit_pays_the_next_installments(ledger: Ledger, with_agreement: Ledger) -> None:
    Payments(with_agreement).add_payment(JB, Payment(START, Decimal("1000.00")))
    loan = ledger.loan(JB)
    # 1,000 pays the first installment and leaves 548.05 of credit: on the second due date that
    # pays the second whole (nothing missed) and 96.10 of the third
    day = date(2027, 1, 28)
    agreed = [e for e in payments_view.plan_entries(loan, day) if e.source == "agreement"]
    assert [e.status for e in agreed[:3]] == ["paid", "paid", "partly_paid"]
    assert agreed[1].paid == Decimal("451.95")
    assert agreed[2].paid == Decimal("96.10") == Decimal("1000.00") - 2 * Decimal("451.95")
    assert plans.summarize(loan, None, day).status == "agreement"
    # without the credit the second installment would be missed the day after it fell due
    Payments(with_agreement).delete_payment(JB, len(loan.payments) - 1)
    Payments(with_agreement).add_payment(JB, Payment(START, Decimal("451.95")))
    later = plans.summarize(ledger.loan(JB), None, date(2027, 1, 29))
    assert later.status == "agreement_missed"
    assert later.overdue_amount == Decimal("451.95")


def test_late_payment_is_missed_until_paid_and_the_table_stays(
    ledger: Ledger, with_agreement: Ledger
) -> None:
    missed = plans.summarize(ledger.loan(JB), None, date(2027, 1, 5))
    assert (missed.status, missed.days_overdue) == ("agreement_missed", 8)
    # owed today: the missed installment + the principal not yet due (no future interest)
    assert missed.owed_today == Decimal("9052.77") + Decimal("135.79")
    assert missed.if_agreement_fails is not None
    assert missed.if_agreement_fails > missed.owed_today
    Payments(with_agreement).add_payment(JB, Payment(date(2027, 1, 5), Decimal("451.95")))
    paid = plans.summarize(ledger.loan(JB), None, date(2027, 1, 5))
    assert paid.status == "agreement"
    assert paid.owed_today == Decimal("9052.77") - (Decimal("451.95") - Decimal("135.79"))


def test_an_accepted_proposal_is_not_re_spread_by_editing(
    ledger: Ledger, with_agreement: Ledger
) -> None:
    stored = next(p for p in ledger.loan(JB).proposals if p.id == "p24")
    edited = Proposal(**{**stored.__dict__, "params": {"months": 12, "annual_rate": Decimal(0)}})
    with pytest.raises(InputError, match=r"^proposal\.params: an accepted proposal"):
        Proposals(with_agreement).save_proposal(JB, edited)
    renamed = Proposal(**{**stored.__dict__, "name": "the agreement"})
    Proposals(with_agreement).save_proposal(JB, renamed)
    assert next(p for p in ledger.loan(JB).proposals if p.id == "p24").agreed == stored.agreed


def test_an_imported_agreed_table_is_kept_verbatim(ledger: Ledger, tmp_path: Path) -> None:
    # A table the lender's agent read out, not what the parameters would give: kept as it is.
    agreed = {
        "on": "2026-12-01",
        "installments": [
            {"due": "2027-01-01", "amount": "574.03", "principal": "479.12"},
            {"due": "2027-02-01", "amount": "600.00"},
            {"due": "2027-03-01", "amount": "8000.00", "principal": "7900.00"},
        ],
    }
    book = json.loads(Path("resources/sample/sample.json").read_text(encoding="utf-8"))
    proposal = book["loans"][0]["proposals"][0]
    proposal["status"] = "accepted"
    proposal["agreed"] = agreed
    source = tmp_path / "in.json"
    source.write_text(json.dumps(book, ensure_ascii=False), encoding="utf-8")
    fresh = Ledger.open(DataDir(tmp_path / "other"))
    try:
        fresh.import_json(source)
        loan = fresh.loan(JB)
        found = plans.agreement(loan)
        assert found is not None
        assert [(r.due.isoformat(), f"{r.payment}") for r in found[1].installments] == [
            ("2027-01-01", "574.03"),
            ("2027-02-01", "600.00"),
            ("2027-03-01", "8000.00"),
        ]
        assert found[0].agreed == Agreed(
            date(2026, 12, 1),
            [
                AgreedInstallment(date(2027, 1, 1), Decimal("574.03"), Decimal("479.12")),
                AgreedInstallment(date(2027, 2, 1), Decimal("600.00"), None),
                AgreedInstallment(date(2027, 3, 1), Decimal("8000.00"), Decimal("7900.00")),
            ],
        )
        out = tmp_path / "out.json"
        fresh.export_json(out)
        written = json.loads(out.read_text(encoding="utf-8"))
        assert written["loans"][0]["proposals"][0]["agreed"] == agreed
    finally:
        fresh.close()


def test_a_wrong_agreed_table_is_refused_naming_the_field(ledger: Ledger, tmp_path: Path) -> None:
    book = json.loads(Path("resources/sample/sample.json").read_text(encoding="utf-8"))
    book["loans"][0]["proposals"][0]["agreed"] = {
        "on": "2026-12-01",
        "installments": [{"due": "2027-01-01", "amount": "12,00"}],
    }
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(book, ensure_ascii=False), encoding="utf-8")
    fresh = Ledger.open(DataDir(tmp_path / "other"))
    try:
        with pytest.raises(InputError, match=r"agreed\.installments\[0\]\.amount"):
            fresh.import_json(source)
        assert fresh.is_empty()
    finally:
        fresh.close()
