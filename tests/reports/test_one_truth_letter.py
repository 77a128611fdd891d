"""Issue 13, "one truth on every screen": the hardship letter and the complaint state the figures
the Overview and ``export summary`` show for the same thing (the walker's book: the worked example
under "24 months, penalty waived", 400.00 paid under it; a 30-day loan overdue), never the app's
internal loan id, and the complaint announces the SHA-256 list only when files follow."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from ashore.app.paths import DataDir
from ashore.domain.money import format_amount
from ashore.reports import complaint as complaint_report
from ashore.reports.letter import letter_text
from ashore.services import Ledger, plans
from ashore.services.complaint import complaint_data
from ashore.services.guide import letter as guide_letter

from .walk_book import JB, KAKA, TODAY, build, night_call


def money(value: str) -> str:
    return f"{format_amount(Decimal(value), 'CNY', 'en')} CNY"


def test_the_letter_under_the_agreement_states_the_overviews_figures(book: Ledger) -> None:
    loan = book.loan(JB)
    figures = plans.figures(loan, TODAY)
    summary = plans.summarize(loan, None, TODAY)
    # Independent sums: 9,348.71 owed less 295.94 penalty and 300.00 late fees waived = 8,752.77
    # agreed; 400.00 paid under it leaves 8,352.77, all principal at 0 %.
    assert figures.owed_today == figures.left_to_pay_plan == Decimal("8352.77")
    assert summary.days_overdue == 0
    data = guide_letter.letter_data(book, JB, "p-24", TODAY)
    assert (data.owed, data.days_overdue) == (figures.owed_today, summary.days_overdue)
    body = letter_text(data, "en")
    assert f"what I owe today under it is {money('8352.77')}" in body
    assert f"{money('8352.77')} is left to pay under the plan" in body
    assert f"Total to repay: {money('8752.77')}" in body
    assert f"Paid so far: {money('400.00')}" in body
    # The contract's figure after 400.00 (the "if the agreement fails" one) and its 166 days
    # overdue are not what the borrower owes under the agreement: neither is stated.
    assert figures.if_agreement_fails == Decimal("8948.71")
    assert "8,948.71" not in body
    assert "166 days" not in body
    # Agreed today, no installment of it has fallen due yet: nothing is yet kept (third walk's 3).
    assert "I have kept to it so far." not in body
    assert "Its first installment, due on Dec 28, 2026, is paid already." in body  # 400.00 paid
    zh = letter_text(data, "zh_CN")
    # Nothing is due today (the next installment is months ahead): "owed" is 尚欠, not 应还.
    assert "按协议我尚欠 8,352.77 CNY" in zh
    assert "按还款计划尚需还款 8,352.77 CNY" in zh
    assert "应还" not in zh.split("我一直按协议还款")[0].split("达成还款协议")[-1]
    assert "逾期 166 天" not in zh


def test_the_letter_before_an_agreement_states_the_contracts_figures(
    data_dir: DataDir, tmp_path: Path
) -> None:
    ledger = Ledger.open(data_dir)
    try:
        build(ledger, tmp_path, accept=False, pay=False)
        loan = ledger.loan(JB)
        figures = plans.figures(loan, TODAY)
        body = letter_text(guide_letter.letter_data(ledger, JB, "p-24", TODAY), "en")
    finally:
        ledger.close()
    # DOMAIN.md's worked example: 9,348.71 owed, 295.94 penalty, 300.00 late fees, 166 days.
    assert figures.owed_today == Decimal("9348.71")
    assert f"what I owe today at {money('9348.71')}" in body
    assert f"including {money('295.94')} of penalty interest and {money('300.00')}" in body
    assert f"{(TODAY - date(2026, 6, 15)).days} days overdue" in body
    assert "Paid so far" not in body


def test_an_empty_reference_never_prints_the_internal_id(book: Ledger) -> None:
    data = guide_letter.letter_data(book, JB, "p-24", TODAY)
    for lang in ("en", "zh_CN"):
        body = letter_text(data, lang)
        assert JB not in body
        assert "reference" not in body
        assert "编号" not in body
    complaint = complaint_data(night_call(book, JB), JB, TODAY, lang="zh_CN")
    text = "\n".join(t for _s, t in complaint_report.intro_paragraphs(complaint, "zh_CN"))
    assert JB not in text
    assert "合同编号" not in text
    # With a contract number, it is the one printed.
    loan = book.loan(KAKA)
    loan.reference = "KK-2026-0910"
    book.save_loan(loan)
    complaint = complaint_data(night_call(book, KAKA), KAKA, TODAY, lang="en")
    text = "\n".join(t for _s, t in complaint_report.intro_paragraphs(complaint, "en"))
    assert "contract number KK-2026-0910" in text
    assert KAKA not in text


def test_the_complaint_announces_hashes_only_when_files_follow(book: Ledger) -> None:
    data = complaint_data(night_call(book, JB), JB, TODAY, lang="zh_CN")
    assert data.evidence == []
    closing = "\n".join(t for _s, t in complaint_report.closing_paragraphs(data, "zh_CN"))
    assert "SHA-256" not in closing
    assert "投诉请求" in closing


def test_the_complaints_agreement_says_what_is_left_of_it(book: Ledger) -> None:
    data = complaint_data(night_call(book, JB), JB, TODAY, lang="en")
    assert f"Paid so far: {money('400.00')}" in "\n".join(data.agreed)
