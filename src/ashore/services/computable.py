"""Whether the money engine can work out every loan and proposal of a book about to be imported:
refused before anything is stored, naming the field by its place in the book."""

from __future__ import annotations

from datetime import date

from ashore import finance
from ashore.app.errors import InputError
from ashore.domain.records import Book, Loan, Proposal
from ashore.services import plans


def check_computable(book: Book) -> None:
    """Refuse, naming the field, a loan or proposal the money engine cannot work out: once stored,
    it would break every screen and export that adds the loans up."""
    for i, loan in enumerate(book.loans):
        try:
            terms = plans.loan_terms(loan)
            rows = finance.schedule(terms)
        except finance.FinanceError as error:
            raise InputError.like(error, f"loans[{i}]") from None
        owed: dict[date, finance.Owed] = {}  # what is owed on each start day, worked out once
        for j, proposal in enumerate(loan.proposals):
            try:
                if proposal.agreed is None:
                    _work_out(loan, proposal, terms, rows, owed)
                else:
                    plans.plan_in_force(loan, proposal)
            except InputError as error:
                # The proposal named by its place in the book, not by its id.
                rest = error.field[1:] if error.field[:1] == (f"proposals[{proposal.id}]",) else ()
                if not rest:
                    raise
                where = (f"loans[{i}]", f"proposals[{j}]", *rest)
                raise InputError.at(where, error.code, error.detail, **error.arguments) from None


def _work_out(
    loan: Loan,
    proposal: Proposal,
    terms: finance.LoanTerms,
    rows: list[finance.Installment],
    owed: dict[date, finance.Owed],
) -> None:
    """``plans.work_out(loan, proposal)``, raising what it raises, over the loan's ``terms`` and
    schedule ``rows`` worked out once for all its proposals, and the amount owed on each start
    day kept in ``owed`` for the next proposal starting that day."""
    try:
        proposed = plans.proposal_terms(proposal)
        start = proposal.start
        if start not in owed:
            before = tuple(p for p in plans.loan_payments(loan) if p.date < start)
            owed[start] = finance.owed_on(terms, before, start, rows)
        finance.plan_proposal(owed[start], proposed, terms.currency)
    except finance.FinanceError as error:
        raise InputError.like(error, f"proposals[{proposal.id}]", "params") from None
