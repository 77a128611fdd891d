"""A loan's figures as a lender would recognise them: owed today, settling today, the plan left
to pay, the true yearly cost (APR) of the loan and of each proposal, and the reference lines
crossed (DOMAIN.md "The true yearly cost (APR) and the legal lines").

What ``ashore export summary`` writes and what the Overview shows come from here, so they agree.
Rules this module adds where DOMAIN.md is silent:

- Under an agreement in force (accepted and started by today), owed today is its unpaid
  installments due by today + the principal of its installments not yet due (a payment pays an
  installment's interest before its principal); penalty and late fees are 0 (the agreement's
  table holds everything agreed); settling today costs owed today (an agreement has no rule for
  accrued interest); "if the agreement fails" is the original contract's owed today, every
  payment counted.
- The cost of lateness ("lateness", DOMAIN.md "The true yearly cost (APR) and the legal lines":
  penalty + late fees as a yearly rate) follows the plan in force, as the figures beside it do:
  under the original contract it is worked out from the contract's overdue installments (null when
  none is overdue); under an agreement in force it is null, since the agreement charges no
  penalty or late fees (its "penalty" and "late_fees" are 0.00) and the Overview shows no
  lateness figure either. The contract's lateness would only count again if the agreement failed.
- "Left to pay under the plan" is every unpaid installment of the plan in force with its interest,
  and for the original contract also the penalty and late fees already charged.
- A proposal that cannot be worked out (nothing owed on its start day, a bad parameter) is listed
  with its figures null.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from ashore import finance
from ashore.app.errors import InputError
from ashore.app.resources import resource_path
from ashore.domain.money import format_plain
from ashore.domain.records import Loan, Proposal
from ashore.services.collection import collection_breaches
from ashore.services.credit import credit_record
from ashore.services.plans import loan_terms, plan_in_force, standing

__all__ = [
    "LoanFigures",
    "ProposalFigures",
    "loan_figures",
    "loan_lines",
    "lpr_table",
    "rate_text",
    "shipped_lpr",
    "summary_json",
]


@dataclass(frozen=True)
class ShippedLpr:
    """The LPR table shipped with Ashore and the day its values were last checked."""

    checked_on: date
    values: tuple[finance.LprEntry, ...]


@lru_cache(maxsize=1)
def shipped_lpr() -> ShippedLpr:
    """The one-year LPR table of ``resources/lpr/lpr_cn.json``."""
    raw = json.loads(resource_path("lpr", "lpr_cn.json").read_text(encoding="utf-8"))
    values = tuple(
        finance.LprEntry(date.fromisoformat(v["since"]), Decimal(v["rate"])) for v in raw["values"]
    )
    return ShippedLpr(date.fromisoformat(raw["checked_on"]), values)


def lpr_table(added: Mapping[date, Decimal] | None = None) -> tuple[finance.LprEntry, ...]:
    """The shipped table joined with the values the user added (an added value for a date the
    table has replaces it)."""
    by_day = {e.since: e.rate for e in shipped_lpr().values}
    by_day.update(added or {})
    return tuple(finance.LprEntry(d, r) for d, r in sorted(by_day.items()))


@dataclass(frozen=True)
class ProposalFigures:
    """One proposal's figures; all None when it cannot be worked out."""

    id: str
    status: str
    starts_from: Decimal | None
    total: Decimal | None
    installments: int | None
    first_due: date | None
    last_due: date | None
    apr: Decimal | None
    effective: Decimal | None
    name: str = ""  # the user's own name for it (the summary's "name", added to the format)


@dataclass(frozen=True)
class LoanFigures:
    """Everything the summary and the Overview say about one loan on ``today``."""

    loan_id: str
    currency: str
    today: date
    plan: str  # "original" or "agreement:<proposal id>"
    owed_today: Decimal
    overdue: Decimal
    penalty: Decimal
    late_fees: Decimal
    not_yet_due: Decimal
    payoff_today: Decimal
    accrued_interest: Decimal
    prepayment_fee: Decimal
    left_to_pay_plan: Decimal
    if_agreement_fails: Decimal | None
    received: Decimal
    upfront_fees: Decimal
    start: date
    cost: finance.YearlyCost | None
    lines: finance.RateLines | None
    lateness: Decimal | None
    lateness_lines: finance.RateLines | None
    proposals: tuple[ProposalFigures, ...]
    # The collection rules broken (services.collection) and the credit record (services.credit).
    collection_breaches: tuple[dict[str, str], ...] = ()
    credit_record: dict[str, str | None] = field(
        default_factory=lambda: {"settled_on": None, "clears_on": None}
    )
    # The loan's own name and its lender's id, so the summary can say which loan is which.
    name: str = ""
    lender: str = ""


def plan_cost(plan: finance.ProposalPlan) -> finance.YearlyCost | None:
    """A plan's true yearly cost (DOMAIN.md: the amount it starts from received on its start day,
    its installments paid back), or None where it has none: a plan that pays back less than it
    starts from (a settlement at a discount) costs nothing a year; its IRR would be a negative
    "cost", and what it is worth is its saving. The one rule of every screen and of ``export
    summary`` (``"apr": null``). ``finance.FinanceError`` when the IRR cannot be found."""
    if plan.total_paid < plan.base.amount:
        return None
    return finance.proposal_cost(plan)


def _proposal_figures(loan: Loan, proposal: Proposal) -> ProposalFigures:
    try:
        plan = plan_in_force(loan, proposal)  # an agreement: its agreed table
        cost = plan_cost(plan)
    except (InputError, finance.FinanceError):
        return ProposalFigures(
            proposal.id, proposal.status, None, None, None, None, None, None, None, proposal.name
        )
    rows = plan.installments
    return ProposalFigures(
        proposal.id,
        proposal.status,
        plan.base.amount,
        plan.total_paid,
        len(rows),
        min(r.due for r in rows),
        max(r.due for r in rows),
        cost.apr if cost is not None else None,
        cost.effective if cost is not None else None,
        proposal.name,
    )


def loan_figures(
    loan: Loan,
    today: date,
    lpr: Iterable[finance.LprEntry] | None = None,
    others: Sequence[Loan] = (),
) -> LoanFigures:
    """The loan's figures on ``today``; ``lpr`` is the LPR table (default: the shipped one);
    ``others``: the user's other loans (a lender's collection contacts count together)."""
    table = tuple(lpr) if lpr is not None else lpr_table()
    terms = loan_terms(loan)
    rows = finance.schedule(terms)
    st = standing(loan, today)
    original = st.state.owed
    cost: finance.YearlyCost | None
    try:
        cost = finance.loan_cost(terms, rows)
    except finance.FinanceError:
        cost = None
    start = terms.start_date()
    lines = finance.rate_lines(cost.apr, start, table) if cost is not None else None
    # The lateness of the plan in force: an agreement charges none (module docstring).
    lateness = finance.lateness_cost(st.state) if st.figures.plan == "original" else None
    lateness_lines = finance.rate_lines(lateness, start, table) if lateness is not None else None
    proposals = tuple(_proposal_figures(loan, p) for p in loan.proposals)
    base = {
        "loan_id": loan.id,
        "name": loan.name,
        "lender": loan.lender,
        "currency": loan.currency,
        "today": today,
        "received": terms.received(),
        "upfront_fees": terms.upfront_fees(),
        "start": start,
        "cost": cost,
        "lines": lines,
        "lateness": lateness,
        "lateness_lines": lateness_lines,
        "proposals": proposals,
        "collection_breaches": tuple(collection_breaches(loan, others)),
        "credit_record": credit_record(loan),
    }
    fig = st.figures  # the one "owed today" and its companions, as every screen shows them
    zero = fig.owed_today - fig.owed_today
    payoff = finance.payoff_from(terms, original, rows) if st.owed is not None else None
    return LoanFigures(
        plan=fig.plan,
        owed_today=fig.owed_today,
        overdue=fig.overdue,
        penalty=fig.penalty,
        late_fees=fig.late_fees,
        not_yet_due=fig.not_yet_due,
        payoff_today=fig.payoff_today,
        accrued_interest=payoff.accrued_interest if payoff is not None else zero,
        prepayment_fee=payoff.prepayment_fee if payoff is not None else zero,
        left_to_pay_plan=fig.left_to_pay_plan,
        if_agreement_fails=fig.if_agreement_fails,
        **base,  # type: ignore[arg-type]
    )


def loan_lines(
    loan: Loan, lpr: Iterable[finance.LprEntry] | None = None
) -> finance.RateLines | None:
    """The loan's true yearly cost held against the lines (None when it has no yearly cost)."""
    table = tuple(lpr) if lpr is not None else lpr_table()
    terms = loan_terms(loan)
    try:
        cost = finance.loan_cost(terms)
    except finance.FinanceError:
        return None
    return finance.rate_lines(cost.apr, terms.start_date(), table)


def rate_text(rate: Decimal | None) -> str | None:
    """A rate as the summary writes it: a fraction with four decimals ("0.1303" is 13.03 %)."""
    return None if rate is None else f"{rate.quantize(Decimal('0.0001')):f}"


def _lines_json(lines: finance.RateLines | None) -> dict[str, Any]:
    if lines is None:
        return {"lpr4": {"rate": None, "lpr_on": None, "over": False}, "24": {"over": False},
                "36": {"over": False}}  # fmt: skip
    return {
        "lpr4": {
            "rate": rate_text(lines.lpr4),
            "lpr_on": lines.lpr_since.isoformat() if lines.lpr_since else None,
            "over": lines.over_lpr4,
        },
        "24": {"over": lines.over_24},
        "36": {"over": lines.over_36},
    }


def _lateness_json(f: LoanFigures) -> dict[str, Any] | None:
    """The cost of lateness as a yearly rate and the lines it crosses (added to the format)."""
    if f.lateness is None or f.lateness_lines is None:
        return None
    return {"rate": rate_text(f.lateness), "lines": list(f.lateness_lines.crossed)}


def _proposal_json(p: ProposalFigures, currency: str) -> dict[str, Any]:
    def money(value: Decimal | None) -> str | None:
        return None if value is None else format_plain(value, currency)

    return {
        "id": p.id,
        "name": p.name,
        "status": p.status,
        "starts_from": money(p.starts_from),
        "total": money(p.total),
        "installments": p.installments,
        "first_due": p.first_due.isoformat() if p.first_due else None,
        "last_due": p.last_due.isoformat() if p.last_due else None,
        "apr": rate_text(p.apr),
    }


def _loan_json(f: LoanFigures, lender_names: Mapping[str, str]) -> dict[str, Any]:
    cur = f.currency

    def money(value: Decimal) -> str:
        return format_plain(value, cur)

    return {
        "id": f.loan_id,
        "name": f.name,
        "lender_name": lender_names.get(f.lender, f.lender),
        "currency": cur,
        "plan": f.plan,
        "owed_today": money(f.owed_today),
        "overdue": money(f.overdue),
        "penalty": money(f.penalty),
        "late_fees": money(f.late_fees),
        "not_yet_due": money(f.not_yet_due),
        "payoff_today": money(f.payoff_today),
        "left_to_pay_plan": money(f.left_to_pay_plan),
        "if_agreement_fails": (
            money(f.if_agreement_fails) if f.if_agreement_fails is not None else None
        ),
        "received": money(f.received),
        "apr": rate_text(f.cost.apr if f.cost else None),
        "effective_annual": rate_text(f.cost.effective if f.cost else None),
        "lines": _lines_json(f.lines),
        "lateness": _lateness_json(f),
        "proposals": [_proposal_json(p, cur) for p in f.proposals],
        "collection_breaches": [dict(b) for b in f.collection_breaches],
        "credit_record": dict(f.credit_record),
    }


def summary_json(
    figures: Iterable[LoanFigures], today: date, lender_names: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The document of ``ashore export summary`` (INTERFACES.md "Additions (second wave)");
    ``lender_names``: lender id to name (a lender not in it is named by its id)."""
    names = lender_names or {}
    return {
        "format": "ashore-summary",
        "version": 1,
        "today": today.isoformat(),
        "loans": [_loan_json(f, names) for f in figures],
    }
