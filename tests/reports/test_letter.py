"""The hardship letter: the template carries the loan's figures, and the PDF prints the user's text
literally, markup-looking and Chinese text included."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from ashore.app.context import Context
from ashore.domain import guide as guide_records
from ashore.domain.money import format_amount
from ashore.reports import letter as letter_report
from ashore.reports.letter import letter_text, plan_lines, write_letter_pdf
from ashore.services import Ledger, plans
from ashore.services.guide import letter as guide_letter
from ashore.services.guide import storage as guide_storage

HOSTILE = "我失业了 <b>not bold</b> &amp; </para> <font size=40>x</font> 5 < 6 & 7 > 3"


@pytest.fixture
def ledger(ctx: Context) -> Ledger:
    opened = Ledger.open(ctx.data)
    opened.load_sample()
    yield opened
    opened.close()


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def squash(text: str) -> str:
    return "".join(text.split())


def _prepare(ledger: Ledger, tmp_path: Path) -> None:
    proof = tmp_path / "失业证明.pdf"
    proof.write_bytes(b"proof")
    guide_storage.attach_document(ledger, "jb-2026-01", proof, "unemployment_proof")
    guide = guide_storage.load_guide(ledger, "jb-2026-01")
    guide.reason, guide.reason_text, guide.ask = "job_loss", HOSTILE, "p1"
    guide_storage.save_guide(ledger, guide)
    guide_storage.save_borrower(
        ledger, guide_records.Borrower("Wang <Xiaoming>", "138 0013 8000", "1 Road & Co\nBeijing")
    )


def test_the_letter_text_states_the_figures(ledger: Ledger, tmp_path: Path) -> None:
    _prepare(ledger, tmp_path)
    data = guide_letter.letter_data(ledger, "jb-2026-01", "p1", date(2026, 11, 28))
    loan = ledger.loan("jb-2026-01")
    rows = plans.work_out(loan, loan.proposals[0]).installments
    body = letter_text(data, "en")
    assert "9,348.71 CNY" in body  # owed on the day (DOMAIN.md's worked example)
    assert "295.94 CNY of penalty interest" in body
    assert "300.00 CNY of late fees" in body
    first, last = format_amount(rows[0].payment), format_amount(rows[-1].payment)
    assert f"Monthly payments (CNY): 23 × {first} and a last {last}" in body
    assert "First payment Jan 15, 2027, last payment Dec 15, 2028" in body
    total = format_amount(sum((r.payment for r in rows), Decimal(0)))
    assert f"Total to repay: {total} CNY" in body
    assert "penalty interest and the late fees waived" in body
    assert HOSTILE in body
    assert "失业证明.pdf" in body
    assert body.startswith("Wang <Xiaoming>\n1 Road & Co\nBeijing\n138 0013 8000")
    zh = letter_text(data, "zh_CN")
    assert f"每月还款（CNY）：23 × {first}，末期 {last}" in zh
    assert "合计还款" in zh
    assert "逾期 166 天" in zh


def test_plan_lines_for_one_payment() -> None:
    plan = letter_report.PlanSummary(
        "p2",
        "settle",
        "lump_sum",
        "proposed",
        date(2026, 12, 1),
        1,
        Decimal("2800.00"),
        Decimal("2800.00"),
        date(2026, 12, 10),
        date(2026, 12, 10),
        Decimal("2800.00"),
        Decimal("3500.00"),
        Decimal("700.00"),
        True,
        False,
        False,
    )
    assert plan_lines(plan, "CNY", "en") == [
        "One payment of 2,800.00 CNY by Dec 10, 2026",
        "Total to repay: 2,800.00 CNY (with the penalty interest waived)",
    ]


def test_the_pdf_prints_the_users_text_literally(ledger: Ledger, tmp_path: Path) -> None:
    _prepare(ledger, tmp_path)
    data = guide_letter.letter_data(ledger, "jb-2026-01", "p1", date(2026, 11, 28))
    body = letter_text(data, "en") + "\n\nP.S. " + HOSTILE + "\n    indented line"
    out = tmp_path / "letter.pdf"
    write_letter_pdf(body, out, title="借呗 <letter>")
    text = pdf_text(out)
    for piece in (
        "<b>not bold</b>",
        "&amp;",
        "</para>",
        "<font size=40>x</font>",
        "我失业了",
        "5 < 6 & 7 > 3",
        "Wang <Xiaoming>",
        "9,348.71 CNY",
        "Yours sincerely",
    ):
        assert squash(piece) in squash(text), piece
    assert PdfReader(out).metadata.title == "借呗 <letter>"


def test_a_chinese_letter_pdf(ledger: Ledger, tmp_path: Path) -> None:
    _prepare(ledger, tmp_path)
    data = guide_letter.letter_data(ledger, "jb-2026-01", "p1", date(2026, 11, 28))
    out = tmp_path / "letter-zh.pdf"
    write_letter_pdf(letter_text(data, "zh_CN"), out)
    text = squash(pdf_text(out))
    assert squash("困难协商还款申请") in text
    assert squash("9,348.71 CNY") in text
    assert "此致" in text
