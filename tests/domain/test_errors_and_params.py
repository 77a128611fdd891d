"""Errors carry a code, a field path and the values their message names, with the English text
unchanged; each proposal method's parameters go through one schema (domain.params) on the way in
and out of the store and the exchange file."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ashore import finance
from ashore.app.errors import Fault, InputError, field_parts
from ashore.domain.money import AmountError, Rate, parse_amount, parse_rate_percent
from ashore.domain.params import SCHEMAS
from ashore.domain.records import Loan, Proposal
from ashore.domain.validation import check_loan, check_params
from ashore.services import plans
from ashore.store.codec import decode_params, encode_params

# One proposal of each method, its parameters as the exchange file writes them.
EXCHANGE_PARAMS: dict[str, dict[str, object]] = {
    "reamortize": {"months": 24, "annual_rate": "0.12", "first_due": "2027-01-15"},
    "reduced_installment": {"amount": "500.00", "annual_rate": "0"},
    "fee_waiver": {"pay_by": "2026-12-31"},
    "lump_sum": {"discount": "0.3", "pay_by": "2026-12-20"},
    "deferral": {
        "holiday_months": 3,
        "interest_during": "accrue",
        "months_after": 12,
        "annual_rate": "0.06",
    },
    "custom": {
        "installments": [
            {"due": "2027-01-10", "amount": "1000.00"},
            {"due": "2027-02-10", "amount": "2000.50"},
        ]
    },
}


def loan(**changes: object) -> Loan:
    values: dict[str, object] = {
        "id": "jb",
        "lender": "jd",
        "name": "Jiebei",
        "principal": Decimal("12000.00"),
        "rate": Rate(Decimal("0.18")),
        "method": "equal_installment",
        "term_count": 12,
        "term_unit": "month",
        "first_due": date(2026, 2, 15),
    }
    values.update(changes)
    return Loan(**values)  # type: ignore[arg-type]


# ----- the error value -------------------------------------------------------------------------
def test_a_fault_is_its_path_a_colon_and_its_detail() -> None:
    error = InputError.at("loans[0].principal", "amount.not_positive", "must be more than zero")
    assert str(error) == "loans[0].principal: must be more than zero"
    assert error.field == ("loans[0]", "principal")
    assert error.code == "amount.not_positive"
    moved = InputError.like(
        finance.FinanceError.at("months", "x.y", "no"), "proposals[a.b]", "params"
    )
    assert moved.field == ("proposals[a.b]", "params", "months")  # the dot inside [] stays
    assert str(moved) == "proposals[a.b].params.months: no"
    assert isinstance(moved, InputError)
    assert moved.code == "x.y"
    assert field_parts("notes[1.5].text") == ("notes[1.5]", "text")
    plain = InputError("database: disk full")
    assert (str(plain), plain.code, plain.field) == ("database: disk full", "", ())


# ----- finance ---------------------------------------------------------------------------------
def test_finance_refusals_carry_code_field_and_arguments() -> None:
    with pytest.raises(finance.FinanceError) as months:
        finance.plan_from_params("reamortize", {"months": 0})
    assert months.value.code == "months.out_of_range"
    assert months.value.field == ("months",)
    assert months.value.arguments == {"maximum": 600}
    assert str(months.value) == "months: must be a whole number of months from 1 to 600"

    with pytest.raises(finance.FinanceError) as kind:
        finance.plan_from_params("reamortize", {"months": "24"})
    assert (kind.value.code, kind.value.field) == ("number.not_whole_value", ("months",))
    assert kind.value.arguments == {"value": "'24'"}
    assert str(kind.value) == "months: must be a whole number, not '24'"

    with pytest.raises(finance.FinanceError) as row:
        finance.plan_from_params("custom", {"installments": [("2027-01-10", "1"), ("x", "2")]})
    assert row.value.field == ("installments[1]", "due")
    assert str(row.value) == "installments[1].due: 'x' is not a date (YYYY-MM-DD)"

    with pytest.raises(finance.FinanceError) as stranger:
        finance.plan_from_params("fee_waiver", {"pay_by": "2027-01-01", "months": 3})
    assert (stranger.value.code, stranger.value.arguments) == (
        "param.not_of_method",
        {"method": "fee_waiver"},
    )


def test_a_reduced_installment_below_the_interest_names_the_amount_and_the_minimum() -> None:
    record = loan(proposals=[])
    proposal = Proposal(
        "p", "", "reduced_installment", date(2026, 12, 15), {"amount": Decimal("10")}
    )
    proposal = Proposal(
        "p",
        "",
        "reduced_installment",
        date(2026, 12, 15),
        {"amount": Decimal("10"), "annual_rate": Decimal("0.24")},
    )
    with pytest.raises(InputError) as refused:
        plans.work_out(record, proposal)
    error = refused.value
    owed = finance.owed_on(plans.loan_terms(record), (), date(2026, 12, 15)).total
    minimum = (owed * Decimal("0.24") / 12).quantize(Decimal("0.01")) + Decimal("0.01")
    assert error.code == "amount.below_interest"
    assert error.field == ("proposals[p]", "params", "amount")
    assert error.arguments == {"minimum": f"{minimum:f}"}
    assert str(error) == (
        f"proposals[p].params.amount: must be at least {minimum:f} to cover the monthly interest"
    )


def test_amount_parsing_refusals_carry_codes() -> None:
    with pytest.raises(AmountError) as unreadable:
        parse_amount("12x", field="loan.principal")
    assert (unreadable.value.code, unreadable.value.field) == (
        "amount.unreadable",
        ("loan", "principal"),
    )
    assert unreadable.value.arguments == {"value": "'12x'"}
    assert str(unreadable.value) == "loan.principal: '12x' is not an amount"
    with pytest.raises(AmountError) as places:
        parse_amount("1.005", field="amount")
    assert places.value.arguments == {"currency": "CNY", "places": 2}
    with pytest.raises(AmountError) as negative:
        parse_rate_percent("-3", field="rate")
    assert (negative.value.code, str(negative.value)) == (
        "amount.negative",
        "rate: must not be negative",
    )


# ----- validation ------------------------------------------------------------------------------
def test_validation_failures_carry_code_field_and_arguments() -> None:
    with pytest.raises(InputError) as principal:
        check_loan(loan(principal=Decimal("0")), {"jd"}, "loans[2]")
    assert principal.value.code == "amount.not_positive"
    assert principal.value.field == ("loans[2]", "principal")
    assert str(principal.value) == "loans[2].principal: must be more than zero"

    with pytest.raises(InputError) as days:
        check_loan(loan(term_unit="day", term_count=30), {"jd"}, "loan")
    assert (days.value.code, days.value.field) == (
        "term.days_need_bullet",
        ("loan", "term", "unit"),
    )
    assert str(days.value) == "loan.term.unit: days are only for a bullet loan; use month"

    with pytest.raises(InputError) as months:
        check_params("reamortize", {"months": 601, "annual_rate": Decimal(0)}, "p.params")
    assert (months.value.code, months.value.arguments) == ("number.above_maximum", {"maximum": 600})
    assert str(months.value) == "p.params.months: must be at most 600"

    with pytest.raises(InputError) as both:
        check_params(
            "lump_sum",
            {"amount": Decimal(5), "discount": Decimal("0.1"), "pay_by": date(2027, 1, 1)},
            "p.params",
        )
    assert both.value.code == "params.one_of"
    assert str(both.value) == "p.params: give either amount or discount (exactly one)"

    with pytest.raises(InputError) as holiday:
        check_params(
            "deferral",
            {
                "holiday_months": -1,
                "interest_during": "freeze",
                "months_after": 6,
                "annual_rate": Decimal(0),
            },
            "q",
        )
    assert (holiday.value.field, holiday.value.arguments) == (
        ("q", "holiday_months"),
        {"minimum": 0},
    )


def test_validation_imports_neither_the_store_nor_the_engine() -> None:
    import ast

    import ashore.domain.validation as validation

    tree = ast.parse(Path(validation.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }
    assert not {m for m in imported if m.startswith(("ashore.store", "ashore.finance"))}


# ----- the schema ------------------------------------------------------------------------------
@pytest.mark.parametrize("method", sorted(EXCHANGE_PARAMS))
def test_each_method_s_params_go_round_through_the_schema(method: str) -> None:
    raw = EXCHANGE_PARAMS[method]
    parsed = decode_params(method, raw, "loans[0].proposals[0].params")
    for name, value in parsed.items():
        spec = SCHEMAS[method].field(name)
        assert spec is not None
        if spec.kind == "installments":
            assert all(isinstance(d, date) and isinstance(a, Decimal) for d, a in value)
        else:
            assert isinstance(
                value, {"months": int, "date": date, "choice": str}.get(spec.kind, Decimal)
            )
    check_params(method, parsed, "p")  # what was read is valid as it is
    assert encode_params(method, parsed) == raw
    # The engine reads the same values, parsed or as exchange text, into the same plan.
    assert finance.plan_from_params(method, parsed) == finance.plan_from_params(method, raw)


def test_the_engine_takes_a_rate_left_out_as_zero_and_a_deferral_frozen() -> None:
    plan = finance.plan_from_params("deferral", {"holiday_months": 2, "months_after": 6})
    assert plan == finance.Deferral(2, 6, "freeze", Decimal(0), None)


def test_a_stored_param_of_the_wrong_kind_names_its_field() -> None:
    with pytest.raises(InputError) as stored:
        decode_params("reamortize", {"months": "24", "annual_rate": "0.1"}, "proposal p1.params")
    assert stored.value.field == ("proposal p1", "params", "months")
    assert stored.value.code == "number.not_whole"
    assert str(stored.value) == "proposal p1.params.months: '24' is not a whole number"
    with pytest.raises(InputError) as rate:
        decode_params("reduced_installment", {"amount": "5", "annual_rate": 0.1}, "x.params")
    assert rate.value.field == ("x", "params", "annual_rate")
    assert rate.value.code == "decimal.not_text"


def test_an_imported_param_of_the_wrong_kind_names_its_field(tmp_path: Path) -> None:
    from ashore.exchange import read_book

    book = {
        "format": "ashore",
        "version": 1,
        "currency": "CNY",
        "lenders": [{"id": "jd", "name": "JD"}],
        "loans": [
            {
                "id": "jb",
                "lender": "jd",
                "name": "Jiebei",
                "principal": "12000.00",
                "rate": {"value": "0.18", "per": "year"},
                "method": "equal_installment",
                "term": {"count": 12, "unit": "month"},
                "first_due": "2026-02-15",
                "proposals": [
                    {
                        "id": "p1",
                        "name": "",
                        "method": "deferral",
                        "start": "2026-12-01",
                        "params": {
                            "holiday_months": 3,
                            "interest_during": "sometimes",
                            "months_after": 12,
                            "annual_rate": "0",
                        },
                    }
                ],
            }
        ],
    }
    path = tmp_path / "book.json"
    path.write_text(json.dumps(book), encoding="utf-8")
    with pytest.raises(InputError) as refused:
        read_book(path)
    error = refused.value
    assert isinstance(error, Fault)
    assert error.field == ("loans[0]", "proposals[0]", "params", "interest_during")
    assert error.code == "choice.unknown"
    assert str(error) == (
        "loans[0].proposals[0].params.interest_during: 'sometimes' is not one of accrue, freeze"
    )


def test_the_engine_imports_only_the_pure_base() -> None:
    """finance may use money, the shared choices and the parameter schema of the domain, and the
    coded error of app.errors: modules that import nothing of ashore but each other."""
    import ast

    import ashore.finance

    allowed = {"ashore.domain.money", "ashore.domain.kinds", "ashore.domain.params"}
    allowed.add("ashore.app.errors")
    used: set[str] = set()
    pure = [
        Path(ashore.finance.__file__).parent.glob("*.py"),
        *[[Path(__import__(m, fromlist=["_"]).__file__)] for m in sorted(allowed)],
    ]
    for files in pure:
        for path in files:
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    used.add(node.module)
                elif isinstance(node, ast.Import):
                    used.update(alias.name for alias in node.names)
    assert {m for m in used if m.startswith("ashore")} <= allowed
