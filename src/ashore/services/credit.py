"""The credit record after a loan is settled: when the overdue record drops off the report, and
what the Guide reminds the user of. Pure functions over records: no Qt, no database.

An overdue record stays on the credit report for five years from the day the debt is settled
(Regulations on the Administration of Credit Reporting, art. 16). Five years after a 29 February
is 28 February (the same month and day five years on; a day that does not exist that year falls
back to the last day of the month), so 2028-02-29 clears on 2033-02-28.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from ashore.domain.records import Loan

RECORD_YEARS = 5
CHECK_AFTER_MONTHS = 1  # the report updates within a month or so of the last payment
BUREAU_ANSWERS_WITHIN_DAYS = 20  # a dispute must be answered within 20 days


def clears_on(settled_on: date) -> date:
    """The day the overdue record drops off: five years after ``settled_on``."""
    result: date = settled_on + relativedelta(years=RECORD_YEARS)
    return result


def check_report_on(settled_on: date) -> date:
    """When to look at the credit report: a month after settling."""
    result: date = settled_on + relativedelta(months=CHECK_AFTER_MONTHS)
    return result


def dispute_answer_by(sent_on: date) -> date:
    """By when the credit bureau must answer a dispute sent on ``sent_on``."""
    return date.fromordinal(sent_on.toordinal() + BUREAU_ANSWERS_WITHIN_DAYS)


def credit_record(loan: Loan) -> dict[str, str | None]:
    """The loan's ``credit_record`` in ``export summary``'s shape."""
    settlement = loan.settlement
    if settlement is None:
        return {"settled_on": None, "clears_on": None}
    return {
        "settled_on": settlement.settled_on.isoformat(),
        "clears_on": clears_on(settlement.settled_on).isoformat(),
    }


def needs_dispute(loan: Loan) -> bool:
    """The report was checked after settling and still shows the loan overdue."""
    settlement = loan.settlement
    return settlement is not None and settlement.credit_report_clean is False
