"""The state of a loan on a day: partial payments, surplus, grace, acceleration, cap, order."""

from __future__ import annotations

from datetime import date

from ashore.domain.money import Rate
from ashore.finance import LoanTerms, OverdueRules, Payment, loan_state, owed_on

from .helpers import D, worked_payments, worked_terms

DAILY = Rate(D("0.001"), "day")  # 0.1 % a day


def two_halves(rate: str = "0", **rules: object) -> LoanTerms:
    """1000.00 in two equal-principal installments due 2026-01-10 and 2026-02-10."""
    overdue = OverdueRules(penalty_rate=DAILY, **rules)  # type: ignore[arg-type]
    return LoanTerms(
        D("1000.00"), Rate(D(rate)), "equal_principal", 2, date(2026, 1, 10), overdue=overdue
    )


def test_partial_payment_lowers_the_penalty_base_from_its_date() -> None:
    terms = two_halves()
    state = loan_state(terms, [Payment(date(2026, 1, 20), D("200.00"))], date(2026, 1, 30))
    first = state.installments[0]
    # 10 days on 500.00 = 5.00 paid first; then 10 days on 305.00 = 3.05 still owed.
    assert first.status == "overdue"
    assert first.paid == D("200.00")
    assert first.unpaid_principal == D("305.00")
    assert first.penalty == D("3.05")
    assert first.days_overdue == 20
    assert state.owed.overdue == D("305.00")
    assert state.owed.not_yet_due == D("500.00")
    assert state.owed.total == D("808.05")
    assert state.installments[1].status == "due"


def test_allocation_order_is_a_setting_of_the_loan() -> None:
    terms = LoanTerms(
        D("1000.00"),
        Rate(D("0")),
        "equal_principal",
        2,
        date(2026, 1, 10),
        overdue=OverdueRules(penalty_rate=DAILY),
        allocation=("principal", "interest", "fees", "penalty"),
    )
    state = loan_state(terms, [Payment(date(2026, 1, 20), D("300.00"))], date(2026, 1, 30))
    first = state.installments[0]
    # All 300.00 went to principal; 5.00 accrued before the payment, 2.00 on 200.00 after.
    assert first.unpaid_principal == D("200.00")
    assert first.penalty == D("7.00")


def test_overpayment_settles_early_and_leaves_a_surplus() -> None:
    terms = two_halves("0.12")  # rows: 510.00 (500 + 10.00), 505.00 (500 + 5.00)
    state = loan_state(terms, [Payment(date(2026, 1, 10), D("1100.00"))], date(2026, 1, 10))
    # 510.00 pays the first; 500.00 the principal not yet due (its interest is not owed).
    assert state.surplus == D("90.00")
    assert state.owed.total == D("0.00")
    assert [s.status for s in state.installments] == ["paid", "paid"]
    later = loan_state(terms, [Payment(date(2026, 1, 10), D("1100.00"))], date(2026, 6, 1))
    assert later.surplus == D("90.00")
    assert later.owed.total == D("0.00")


def test_paying_ahead_pays_the_next_installment_whole() -> None:
    terms = two_halves("0.12")
    state = loan_state(terms, [Payment(date(2026, 1, 10), D("600.00"))], date(2026, 1, 10))
    second = state.installments[1]
    assert second.status == "partly_paid"
    assert (second.unpaid_interest, second.unpaid_principal) == (D("0.00"), D("415.00"))
    assert state.owed.not_yet_due == D("415.00")
    assert state.surplus == D("0.00")


def test_grace_days() -> None:
    terms = two_halves(grace_days=3, late_fee=D("30.00"))
    within = owed_on(terms, [], date(2026, 1, 13))
    assert (within.due, within.overdue, within.penalty, within.late_fees) == (
        D("500.00"),
        D("0.00"),
        D("0.00"),
        D("0.00"),
    )
    state = loan_state(terms, [], date(2026, 1, 14))
    # Once the grace has passed, days count from the due date: 4 × 500.00 × 0.1 %.
    assert state.installments[0].status == "overdue"
    assert (state.owed.overdue, state.owed.penalty, state.owed.late_fees) == (
        D("500.00"),
        D("2.00"),
        D("30.00"),
    )
    assert state.days_overdue == 4
    # Paid inside the grace: no penalty, no late fee, ever.
    paid = loan_state(terms, [Payment(date(2026, 1, 12), D("500.00"))], date(2026, 2, 1))
    assert paid.installments[0].status == "paid"
    assert (paid.owed.penalty, paid.owed.late_fees) == (D("0.00"), D("0.00"))


def test_acceleration_makes_all_principal_due() -> None:
    # 1000.00 at 12 %, 4 equal-principal rows: 260.00, 257.50, 255.00, 252.50.
    terms = LoanTerms(
        D("1000.00"),
        Rate(D("0.12")),
        "equal_principal",
        4,
        date(2026, 1, 10),
        overdue=OverdueRules(penalty_rate=DAILY, late_fee=D("10.00"), accelerates_after_days=30),
    )
    before = loan_state(terms, [], date(2026, 2, 9))
    assert before.accelerated_on is None
    assert before.owed.not_yet_due == D("750.00")
    state = loan_state(terms, [], date(2026, 2, 20))
    assert state.accelerated_on == date(2026, 2, 10)
    assert [s.accelerated for s in state.installments] == [False, False, True, True]
    assert [s.status for s in state.installments] == ["overdue"] * 4
    # Future interest (5.00 + 2.50) is not owed; the accelerated principal accrues from 02-10.
    assert state.owed.overdue == D("1017.50")
    assert state.owed.not_yet_due == D("0.00")
    assert [s.penalty for s in state.installments] == [D("10.66"), D("2.58"), D("2.50"), D("2.50")]
    assert state.owed.penalty == D("18.24")
    assert state.owed.late_fees == D("20.00")
    assert state.owed.total == D("1055.74")
    assert state.days_overdue == 41


def test_penalty_on_overdue_principal() -> None:
    state = loan_state(
        worked_terms(penalty_base="overdue_principal"), worked_payments(), date(2026, 11, 28)
    )
    # 976.62 × 0.05 % × 166 days = 81.05946
    assert state.installments[4].penalty == D("81.06")


def test_charges_cap_limits_penalty_plus_late_fee() -> None:
    cap = Rate(D("0.24"))  # 24 % a year, 360-day year
    state = loan_state(worked_terms(charges_cap=cap), worked_payments(), date(2026, 11, 28))
    june, november = state.installments[4], state.installments[9]
    # June: limit 1100.16 × 0.24/360 × 166 = 121.75; penalty 91.31 kept, late fee cut to 30.44.
    assert (june.penalty, june.late_fee) == (D("91.31"), D("30.44"))
    # November: limit 9.53 after 13 days.
    assert (november.penalty, november.late_fee) == (D("7.15"), D("2.38"))


def test_partial_payment_inside_the_grace_then_late() -> None:
    terms = two_halves(grace_days=3, late_fee=D("30.00"))
    state = loan_state(terms, [Payment(date(2026, 1, 12), D("200.00"))], date(2026, 1, 20))
    # Still 300.00 unpaid when the grace ended (01-14): missed. Penalty from the due date:
    # 2 days on 500.00 (1.00) + 8 days on 300.00 (2.40).
    first = state.installments[0]
    assert (first.status, first.penalty, first.late_fee) == ("overdue", D("3.40"), D("30.00"))
    assert state.owed.total == D("833.40")


def test_acceleration_comes_before_that_days_payment() -> None:
    terms = LoanTerms(
        D("1000.00"),
        Rate(D("0.12")),
        "equal_principal",
        4,
        date(2026, 1, 10),
        overdue=OverdueRules(penalty_rate=DAILY, late_fee=D("10.00"), accelerates_after_days=30),
    )
    state = loan_state(terms, [Payment(date(2026, 2, 10), D("300.00"))], date(2026, 2, 10))
    assert state.accelerated_on == date(2026, 2, 10)
    first, second = state.installments[:2]
    # 10.00 late fee + 8.06 penalty (31 days on 260.00) + 260.00 settle the first; 21.94 is left
    # for the second, due today: 7.50 interest, then 14.44 principal.
    assert (first.status, first.paid) == ("paid", D("278.06"))
    assert (second.status, second.unpaid_interest, second.unpaid_principal) == (
        "partly_paid",
        D("0.00"),
        D("235.56"),
    )
    assert (state.owed.due, state.owed.overdue, state.owed.total) == (
        D("235.56"),
        D("500.00"),
        D("735.56"),
    )


def test_bullet_loan_overdue() -> None:
    terms = LoanTerms(
        D("1234.56"),
        Rate(D("0.0005"), "day"),
        "bullet",
        14,
        date(2026, 3, 15),
        term_unit="day",
        overdue=OverdueRules(penalty_rate=Rate(D("0.0005"), "day"), late_fee=D("20.00")),
    )
    owed = owed_on(terms, [], date(2026, 3, 25))
    # 1243.20 × 0.05 % × 10 days = 6.216
    assert (owed.overdue, owed.penalty, owed.late_fees, owed.total) == (
        D("1243.20"),
        D("6.22"),
        D("20.00"),
        D("1269.42"),
    )
