"""After the last payment: record the settlement, keep its certificate (结清证明) as evidence, note
what the credit report showed, and write the dispute letter when it still shows the loan overdue.
Dates come from ``services.credit``."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from ashore.app.errors import InputError
from ashore.domain.records import Attachment, Loan, Settlement
from ashore.services.credit import BUREAU_ANSWERS_WITHIN_DAYS, dispute_answer_by
from ashore.services.ledger import Ledger
from ashore.services.notes import Notes

# What a settlement certificate must state to be of use in a dispute, in the Guide's order.
CERTIFICATE_MUST_STATE: tuple[str, ...] = ("name", "id_number", "contract", "zero_balance", "seal")


def record_settlement(ledger: Ledger, loan_id: str, settled_on: date) -> Loan:
    """Mark the loan settled on ``settled_on`` (what was recorded after it is kept)."""
    loan = ledger.loan(loan_id)
    old = loan.settlement
    if old is None:
        loan.settlement = Settlement(settled_on=settled_on)
    else:
        checked = old.credit_report_checked_on
        if checked is not None and checked < settled_on:
            raise InputError.at(
                "settled_on",
                "settlement.after_report",
                "is after the day the credit report was checked",
            )
        loan.settlement = replace(old, settled_on=settled_on)
    ledger.save_loan(loan)
    return ledger.loan(loan_id)


def clear_settlement(ledger: Ledger, loan_id: str) -> Loan:
    loan = ledger.loan(loan_id)
    loan.settlement = None
    ledger.save_loan(loan)
    return ledger.loan(loan_id)


def attach_certificate(ledger: Ledger, loan_id: str, source: Path) -> Loan:
    """Copy the certificate into the evidence store (byte for byte) and keep it on the loan."""
    loan = ledger.loan(loan_id)
    if loan.settlement is None:
        raise InputError.at(
            "settlement", "settlement.not_recorded", "record the day the loan was settled first"
        )
    stored = Notes(ledger).store(Path(source))
    certificate = Attachment(
        sha256=stored.sha256, name=stored.name, kind=stored.kind, size=stored.size
    )
    loan.settlement = replace(loan.settlement, certificate=certificate)
    try:
        ledger.save_loan(loan)
    except BaseException:
        if stored.new:
            ledger.db.evidence.discard(stored.sha256)
        raise
    return ledger.loan(loan_id)


def record_report(ledger: Ledger, loan_id: str, checked_on: date, clean: bool) -> Loan:
    """What the credit report showed on ``checked_on``: clean, or the loan still overdue."""
    loan = ledger.loan(loan_id)
    if loan.settlement is None:
        raise InputError.at(
            "settlement", "settlement.not_recorded", "record the day the loan was settled first"
        )
    loan.settlement = replace(
        loan.settlement, credit_report_checked_on=checked_on, credit_report_clean=clean
    )
    ledger.save_loan(loan)
    return ledger.loan(loan_id)


def dispute_text(loan: Loan, lender_name: str, borrower_name: str, today: date, lang: str) -> str:
    """The dispute letter to the credit reference centre, for a settled loan still shown overdue.

    It names the certificate (file name and SHA-256) sent with it and the 20 days the bureau has
    to answer (Regulations on the Administration of Credit Reporting, art. 25).
    """
    settlement = loan.settlement
    if settlement is None:
        raise InputError.at(
            "settlement", "settlement.not_settled", "the loan is not recorded as settled"
        )
    certificate = settlement.certificate
    answer_by = dispute_answer_by(today)
    ref = loan.reference or loan.id
    days = BUREAU_ANSWERS_WITHIN_DAYS
    checked = settlement.credit_report_checked_on or today
    if lang == "zh_CN":
        cert = (
            f"随信附上{lender_name}出具的结清证明（文件 {certificate.name}，"
            f"SHA-256 {certificate.sha256}）。"
            if certificate is not None
            else f"{lender_name}出具的结清证明将随后补交。"
        )
        parts = [
            borrower_name or "（姓名）",
            f"{today.year}年{today.month}月{today.day}日",
            "致：中国人民银行征信中心\n事由：个人信用报告异议申请",
            "您好！",
            f"本人在{lender_name}的借款“{loan.name}”（合同编号 {ref}）已于"
            f"{settlement.settled_on.year}年{settlement.settled_on.month}月"
            f"{settlement.settled_on.day}日全部结清，余额为零。但本人于"
            f"{checked.year}年{checked.month}月{checked.day}日查询的个人信用报告"
            "仍显示该笔借款处于逾期状态。",
            cert,
            "根据《征信业管理条例》第二十五条，特提出异议，请核查并更正上述记录，"
            f"并在收到异议之日起{days}日内（即{answer_by.year}年{answer_by.month}月"
            f"{answer_by.day}日前）书面答复本人。",
            "此致\n敬礼\n\n" + (borrower_name or ""),
        ]
    else:
        cert = (
            f"I enclose the settlement certificate issued by {lender_name} (file "
            f"{certificate.name}, SHA-256 {certificate.sha256})."
            if certificate is not None
            else f"I will send the settlement certificate issued by {lender_name} separately."
        )
        parts = [
            borrower_name or "(your name)",
            f"{today.day} {today.strftime('%B')} {today.year}",
            "To: Credit Reference Center of the People's Bank of China\n"
            "Re: dispute of an entry in my credit report",
            "Dear Sir or Madam,",
            f"My loan “{loan.name}” (contract number {ref}) with {lender_name} was settled in "
            f"full on {settlement.settled_on.isoformat()}, with nothing left to pay. My credit "
            f"report of {checked.isoformat()} still shows this loan as overdue.",
            cert,
            "Under article 25 of the Regulations on the Administration of Credit Reporting I "
            f"dispute this entry: please check and correct it, and answer me in writing within "
            f"{days} days of receiving this dispute (by {answer_by.isoformat()}).",
            "Yours faithfully,\n\n" + (borrower_name or ""),
        ]
    return "\n\n".join(part for part in parts if part.strip()) + "\n"
