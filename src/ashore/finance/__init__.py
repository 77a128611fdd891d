"""The money engine: pure functions over plain frozen values, exact to the minor unit.

Money is ``Decimal`` rounded half-up to the currency's minor unit at every stored step; a total is
the exact sum of its rounded parts (DOMAIN.md "Conventions"). Nothing here touches Qt, the
database, or any part of Ashore but ``ashore.domain.money``.

Public API (all re-exported here):

Terms (``terms``): ``LoanTerms``, ``Fee``, ``OverdueRules``, ``Payment``, ``Installment``,
``FinanceError`` (a ValueError whose message starts with the parameter's name),
``ALLOCATION_PARTS``, ``LOAN_METHODS``.

Schedules (``schedule``): ``schedule(terms) -> list[Installment]``,
``due_dates(first_due, count)``, ``annuity_payment(principal, annual_rate, count, currency)``,
``annuity_rows(...)``, ``borrowed_on(terms)``, ``schedule_csv_rows(rows, currency)``,
``SCHEDULE_CSV_HEADER``.

State (``state``): ``loan_state(terms, payments, as_of, rows=None) -> LoanState``,
``owed_on(terms, payments, as_of, rows=None) -> Owed``, ``InstallmentState``.

Projection (``projection``): ``projection(terms, payments, start, end, rows=None) -> list[Owed]``,
``growth(terms, payments, as_of, rows=None) -> Growth``, ``projection_csv_rows(rows, currency)``,
``PROJECTION_CSV_HEADER``; the same totals from the curve's breakpoints (``curve``):
``status_quo_totals(terms, payments, start, end, rows=None) -> list[Decimal]``,
``status_quo_segments(...) -> list[Segment] | None``, the same told once per line
``status_quo_runs(...) -> Runs | None``.

Proposals (``proposals``): plans ``Reamortize``, ``ReducedInstallment``, ``FeeWaiver``,
``LumpSum``, ``Deferral``, ``Custom``; ``Waivers``; ``ProposalTerms(start, plan, waive)``;
``propose(terms, payments, proposal, rows=None) -> ProposalPlan``,
``plan_proposal(owed, proposal, currency)``, ``proposal_base(owed, waive, currency)``,
``plan_from_params(method, params) -> Plan``, ``ProposalBase``, ``PROPOSAL_METHODS``.

Comparison (``compare``): ``compare(terms, payments, today, horizon, proposals, *,
monthly_budget, claims, rows) -> Comparison``, ``check_claim(...) -> ClaimCheck``,
``summarize(label, payments, ...) -> OptionSummary``.

Cost (``cost``): ``payoff(terms, payments, as_of, rows=None) -> Payoff`` (settling in full on a
day), ``loan_cost(terms)`` / ``proposal_cost(plan)`` -> ``YearlyCost`` (APR by the IRR method and
the effective yearly rate), ``rate_lines(rate, start, lpr_table) -> RateLines`` (4 × LPR, 24 %,
36 %), ``lpr_on``, ``LprEntry``, ``lateness_cost(state)``.

Calendar (``calendar``): ``effective_plan(original, agreement) -> tuple[PlanInstallment, ...]``,
``repayment_calendar(loans, first_month, months, today) -> RepaymentCalendar``,
``loan_calendar_entries(loan, today)``, ``CalendarLoan``, ``CalendarEntry``.
"""

from __future__ import annotations

from .calendar import (
    CalendarEntry,
    CalendarLoan,
    CalendarStatus,
    PlanInstallment,
    RepaymentCalendar,
    effective_plan,
    loan_calendar_entries,
    repayment_calendar,
)
from .compare import ClaimCheck, Comparison, OptionSummary, check_claim, compare, summarize
from .cost import (
    LINE_24,
    LINE_36,
    LprEntry,
    Payoff,
    RateLines,
    YearlyCost,
    lateness_cost,
    loan_cost,
    lpr_on,
    month_time,
    payoff,
    payoff_from,
    proposal_cost,
    rate_lines,
    yearly_cost,
)
from .curve import Runs, Segment, status_quo_runs, status_quo_segments, status_quo_totals
from .projection import (
    PROJECTION_CSV_HEADER,
    Growth,
    growth,
    projection,
    projection_csv_rows,
    state_and_growth,
)
from .proposals import (
    PROPOSAL_METHODS,
    Custom,
    Deferral,
    FeeWaiver,
    LumpSum,
    Plan,
    ProposalBase,
    ProposalPlan,
    ProposalTerms,
    Reamortize,
    ReducedInstallment,
    Waivers,
    agreed_plan,
    plan_from_params,
    plan_proposal,
    proposal_base,
    propose,
)
from .schedule import (
    SCHEDULE_CSV_HEADER,
    annuity_payment,
    annuity_rows,
    borrowed_on,
    due_dates,
    period_days,
    schedule,
    schedule_csv_rows,
)
from .state import InstallmentState, InstallmentStatus, LoanState, Owed, loan_state, owed_on
from .terms import (
    ALLOCATION_PARTS,
    LOAN_METHODS,
    Fee,
    FinanceError,
    Installment,
    InterestRule,
    LoanMethod,
    LoanTerms,
    OverdueRules,
    Payment,
)

__all__ = [
    "ALLOCATION_PARTS",
    "LINE_24",
    "LINE_36",
    "LOAN_METHODS",
    "PROJECTION_CSV_HEADER",
    "PROPOSAL_METHODS",
    "SCHEDULE_CSV_HEADER",
    "CalendarEntry",
    "CalendarLoan",
    "CalendarStatus",
    "ClaimCheck",
    "Comparison",
    "Custom",
    "Deferral",
    "Fee",
    "FeeWaiver",
    "FinanceError",
    "Growth",
    "Installment",
    "InstallmentState",
    "InstallmentStatus",
    "InterestRule",
    "LoanMethod",
    "LoanState",
    "LoanTerms",
    "LprEntry",
    "LumpSum",
    "OptionSummary",
    "OverdueRules",
    "Owed",
    "Payment",
    "Payoff",
    "Plan",
    "PlanInstallment",
    "ProposalBase",
    "ProposalPlan",
    "ProposalTerms",
    "RateLines",
    "Reamortize",
    "ReducedInstallment",
    "RepaymentCalendar",
    "Runs",
    "Segment",
    "Waivers",
    "YearlyCost",
    "agreed_plan",
    "annuity_payment",
    "annuity_rows",
    "borrowed_on",
    "check_claim",
    "compare",
    "due_dates",
    "effective_plan",
    "growth",
    "lateness_cost",
    "loan_calendar_entries",
    "loan_cost",
    "loan_state",
    "lpr_on",
    "month_time",
    "owed_on",
    "payoff",
    "payoff_from",
    "period_days",
    "plan_from_params",
    "plan_proposal",
    "projection",
    "projection_csv_rows",
    "proposal_base",
    "proposal_cost",
    "propose",
    "rate_lines",
    "repayment_calendar",
    "schedule",
    "schedule_csv_rows",
    "state_and_growth",
    "status_quo_runs",
    "status_quo_segments",
    "status_quo_totals",
    "summarize",
    "yearly_cost",
]
