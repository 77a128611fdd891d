"""Proposals: each method's table hand-checked on small numbers, waivers, refusals."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from ashore.finance import (
    Custom,
    Deferral,
    FeeWaiver,
    FinanceError,
    LumpSum,
    Owed,
    ProposalPlan,
    ProposalTerms,
    Reamortize,
    ReducedInstallment,
    Waivers,
    plan_from_params,
    plan_proposal,
    propose,
)

from .helpers import D, worked_payments, worked_terms

START = date(2026, 1, 1)
# 900.00 of installments (60.00 of it interest), 80.00 penalty, 20.00 late fees: 1000.00 owed.
OWED = Owed(
    START, D("900.00"), D("0.00"), D("60.00"), D("80.00"), D("20.00"), D("0.00"), D("1000.00")
)


def rows(plan: ProposalPlan) -> list[tuple[str, str, str, str, str]]:
    return [
        (r.due.isoformat(), str(r.payment), str(r.principal), str(r.interest), str(r.balance_after))
        for r in plan.installments
    ]


def check_totals(plan: ProposalPlan) -> None:
    assert plan.total_paid == sum(r.payment for r in plan.installments)
    assert plan.total_paid == plan.base.amount - plan.forgiven + plan.total_interest
    for r in plan.installments:
        assert r.payment == r.principal + r.interest + r.fees


def test_reamortize_with_half_the_penalty_waived() -> None:
    plan = plan_proposal(OWED, ProposalTerms(START, Reamortize(3, D("0.12")), Waivers(D("0.5"))))
    assert plan.method == "reamortize"
    assert plan.base.waived_penalty == D("40.00")
    assert plan.base.amount == D("960.00")
    assert rows(plan) == [
        ("2026-02-01", "326.42", "316.82", "9.60", "643.18"),
        ("2026-03-01", "326.42", "319.99", "6.43", "323.19"),
        ("2026-04-01", "326.42", "323.19", "3.23", "0.00"),
    ]
    assert (plan.total_paid, plan.total_interest, plan.end_date) == (
        D("979.26"),
        D("19.26"),
        date(2026, 4, 1),
    )
    check_totals(plan)


def test_reduced_installment() -> None:
    terms = ProposalTerms(START, ReducedInstallment(D("400.00"), D("0.12")), Waivers(D("0.5")))
    plan = plan_proposal(OWED, terms)
    assert rows(plan) == [
        ("2026-02-01", "400.00", "390.40", "9.60", "569.60"),
        ("2026-03-01", "400.00", "394.30", "5.70", "175.30"),
        ("2026-04-01", "177.05", "175.30", "1.75", "0.00"),
    ]
    assert plan.total_paid == D("977.05")
    check_totals(plan)


def test_reduced_installment_below_the_interest_is_refused_with_the_minimum() -> None:
    terms = ProposalTerms(START, ReducedInstallment(D("9.60"), D("0.12")), Waivers(D("0.5")))
    with pytest.raises(FinanceError) as caught:
        plan_proposal(OWED, terms)
    assert str(caught.value) == "amount: must be at least 9.61 to cover the monthly interest"


def test_fee_waiver_is_one_payment_without_the_waived_fees() -> None:
    waive = Waivers(D("1"), D("1"))
    plan = plan_proposal(OWED, ProposalTerms(START, FeeWaiver(date(2026, 1, 31)), waive))
    assert plan.base.waived_total == D("100.00")
    assert rows(plan) == [("2026-01-31", "900.00", "900.00", "0.00", "0.00")]
    check_totals(plan)


def test_lump_sum_by_discount_and_by_amount() -> None:
    by_share = plan_proposal(
        OWED, ProposalTerms(START, LumpSum(date(2026, 1, 15), discount=D("0.3")))
    )
    assert rows(by_share) == [("2026-01-15", "700.00", "700.00", "0.00", "300.00")]
    assert by_share.forgiven == D("300.00")
    check_totals(by_share)
    by_amount = plan_proposal(OWED, ProposalTerms(START, LumpSum(date(2026, 1, 15), D("650.00"))))
    assert (by_amount.total_paid, by_amount.forgiven) == (D("650.00"), D("350.00"))
    with pytest.raises(FinanceError, match=re.escape("amount: is more than the 1000.00 owed")):
        plan_proposal(OWED, ProposalTerms(START, LumpSum(date(2026, 1, 15), D("1200.00"))))


def test_deferral_with_interest_accruing() -> None:
    plan = plan_proposal(OWED, ProposalTerms(START, Deferral(2, 2, "accrue", D("0.12"))))
    # Holiday: 1000.00 → 1010.00 → 1020.10; then two payments from April.
    assert plan.capitalized_interest == D("20.10")
    assert rows(plan) == [
        ("2026-04-01", "517.71", "507.51", "10.20", "512.59"),
        ("2026-05-01", "517.72", "512.59", "5.13", "0.00"),
    ]
    assert (plan.total_paid, plan.total_interest) == (D("1035.43"), D("35.43"))
    check_totals(plan)


def test_deferral_with_interest_frozen() -> None:
    plan = plan_proposal(OWED, ProposalTerms(START, Deferral(2, 2, "freeze", D("0.12"))))
    assert plan.capitalized_interest == D("0.00")
    assert rows(plan) == [
        ("2026-04-01", "507.51", "497.51", "10.00", "502.49"),
        ("2026-05-01", "507.51", "502.49", "5.02", "0.00"),
    ]
    check_totals(plan)


def test_custom_lists_are_taken_as_offered() -> None:
    less = Custom(
        ((date(2026, 2, 1), D("300")), (date(2026, 3, 1), D("300")), (date(2026, 4, 1), D("300")))
    )
    plan = plan_proposal(OWED, ProposalTerms(START, less))
    assert rows(plan)[-1] == ("2026-04-01", "300.00", "300.00", "0.00", "100.00")
    assert (plan.total_paid, plan.forgiven) == (D("900.00"), D("100.00"))
    check_totals(plan)
    more = Custom(((date(2026, 3, 1), D("500.00")), (date(2026, 2, 1), D("600.00"))))
    plan = plan_proposal(OWED, ProposalTerms(START, more))
    assert rows(plan) == [
        ("2026-02-01", "600.00", "600.00", "0.00", "400.00"),
        ("2026-03-01", "500.00", "400.00", "100.00", "0.00"),
    ]
    check_totals(plan)


def test_interest_waiver_acts_on_the_unpaid_interest() -> None:
    plan = plan_proposal(OWED, ProposalTerms(START, Reamortize(2), Waivers(interest=D("0.25"))))
    assert plan.base.waived_interest == D("15.00")
    assert plan.base.amount == D("985.00")
    assert [r.payment for r in plan.installments] == [D("492.50"), D("492.50")]


def test_24_months_penalty_waived_on_the_worked_example() -> None:
    proposal = ProposalTerms(
        date(2026, 12, 15), Reamortize(24, D("0")), Waivers(D("1"), D("1"), D("0"))
    )
    plan = propose(worked_terms(), worked_payments(), proposal)
    base = plan.base
    # Owed on 2026-12-15: 7 installments (the 12-15 one due that day) 7701.12, penalties
    # 100.66 + 84.16 + 67.11 + 50.06 + 33.55 + 16.50 = 352.04, late fees 300.00, and 1083.93
    # not yet due.
    assert base.owed.overdue + base.owed.due == D("7701.12")
    assert base.owed.penalty == D("352.04")
    assert base.owed.late_fees == D("300.00")
    assert base.owed.not_yet_due == D("1083.93")
    assert base.owed.total == D("9437.09")
    assert (base.waived_penalty, base.waived_late_fees, base.waived_interest) == (
        D("352.04"),
        D("300.00"),
        D("0.00"),
    )
    assert base.amount == D("8785.05")
    assert len(plan.installments) == 24
    assert [r.payment for r in plan.installments[:23]] == [D("366.04")] * 23
    assert plan.installments[-1].payment == D("366.13")
    assert plan.installments[0].due == date(2027, 1, 15)
    assert plan.end_date == date(2028, 12, 15)
    assert (plan.total_paid, plan.total_interest) == (D("8785.05"), D("0.00"))
    check_totals(plan)


@pytest.mark.parametrize(
    ("method", "params", "message"),
    [
        ("reamortize", {"months": 0, "annual_rate": "0"}, "months: must be a whole number"),
        ("reamortize", {"months": 12, "annual_rate": "-0.1"}, "annual_rate: must be a yearly rate"),
        ("reamortize", {"annual_rate": "0"}, "months: is required"),
        ("reamortize", {"months": 12, "rate": "0"}, "rate: is not a parameter of reamortize"),
        ("reduced_installment", {"amount": "abc"}, "amount: 'abc' is not a decimal number"),
        ("reduced_installment", {"amount": "0"}, "amount: must be more than zero"),
        ("fee_waiver", {"pay_by": "2026-02-30"}, "pay_by: '2026-02-30' is not a date"),
        ("lump_sum", {"pay_by": "2026-02-01"}, "amount: give either an amount or a discount"),
        ("lump_sum", {"pay_by": "2026-02-01", "discount": "1"}, "discount: must be a share"),
        (
            "deferral",
            {"holiday_months": 2, "months_after": 6, "interest_during": "later"},
            "interest_during: must be accrue or freeze",
        ),
        ("custom", {"installments": []}, "installments: at least one is needed"),
        (
            "custom",
            {"installments": [{"due": "2026-02-01", "amount": "-5"}]},
            "installments[0].amount: must be more than zero",
        ),
        ("barter", {}, "method: 'barter' is not one of"),
    ],
)
def test_bad_params_are_refused_naming_the_param(
    method: str, params: dict[str, Any], message: str
) -> None:
    with pytest.raises(FinanceError, match="^" + re.escape(message)):
        plan_from_params(method, params)


def test_params_from_the_exchange_file() -> None:
    plan = plan_from_params("reamortize", {"months": 24, "annual_rate": "0"})
    assert plan == Reamortize(24, D("0"))
    custom = plan_from_params(
        "custom", {"installments": [{"due": "2026-02-01", "amount": "10.00"}]}
    )
    assert custom == Custom(((date(2026, 2, 1), D("10.00")),))
    lump = plan_from_params("lump_sum", {"discount": Decimal("0.2"), "pay_by": date(2026, 3, 1)})
    assert lump == LumpSum(date(2026, 3, 1), None, D("0.2"))


def test_bad_waivers_and_dates_are_refused() -> None:
    with pytest.raises(FinanceError, match=r"^waive\.penalty: must be a share"):
        Waivers(D("1.5"))
    with pytest.raises(FinanceError, match=r"^first_due: must be after the start date"):
        plan_proposal(OWED, ProposalTerms(START, Reamortize(3, first_due=START)))
    with pytest.raises(FinanceError, match=r"^pay_by: must not be before the start date"):
        plan_proposal(OWED, ProposalTerms(START, FeeWaiver(date(2025, 12, 31))))
