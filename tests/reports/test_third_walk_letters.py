"""Issue 13, the third walk: the complaint prints each contact's time in the offset its note
carries (``UTC+08:00``, once in the heading when all share it) and each SHA-256 in even groups in
a monospaced face; the letter and the complaint end with a signature block; the letter says it
kept to the agreement only once an agreed installment fell due and was paid on time, and its
title says whether it asks for a plan or confirms the agreed one; ``export summary``'s lateness
follows the plan in force, as the window does."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from ashore.app.paths import DataDir
from ashore.commands.cli import main
from ashore.domain.guide import Borrower
from ashore.domain.records import Payment
from ashore.reports import complaint as complaint_report
from ashore.reports.letter import BLANK, letter_text, signature_lines
from ashore.services import Ledger, plans
from ashore.services.complaint import complaint_data
from ashore.services.costs import loan_figures, summary_json
from ashore.services.guide import letter as guide_letter
from ashore.services.guide.storage import save_borrower
from ashore.services.notes import Notes
from ashore.services.payments import Payments

from .walk_book import CST, JB, TODAY, build


def _text(path: Path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def _fonts(path: Path) -> set[str]:
    names: set[str] = set()
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def _call(ledger: Ledger, at: datetime, text: str, files: tuple[Path, ...] = ()) -> None:
    note = Notes(ledger).add(
        JB,
        occurred_at=at,
        kind="collection",
        direction="incoming",
        from_number="17100001111",
        text=text,
    )
    for path in files:
        Notes(ledger).attach(JB, note.id, path)


# --- 1. times in the note's offset, hashes in even monospaced groups -----------------------


def test_a_time_prints_in_the_offset_its_note_carries() -> None:
    at = datetime(2026, 11, 20, 23, 10, tzinfo=timezone(timedelta(hours=8)))
    assert complaint_report.contact_time(at) == "2026-11-20 23:10 (UTC+08:00)"
    assert complaint_report.contact_time(at, "zh_CN") == "2026-11-20 23:10（UTC+08:00）"
    assert complaint_report.contact_time(at, zone=False) == "2026-11-20 23:10"
    india = datetime(2026, 11, 20, 9, 5, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    assert complaint_report.zone_text(india) == "UTC+05:30"
    west = datetime(2026, 11, 20, 9, 5, tzinfo=timezone(-timedelta(hours=5)))
    assert complaint_report.zone_text(west) == "UTC-05:00"
    assert complaint_report.zone_text(datetime(2026, 1, 1, tzinfo=UTC)) == "UTC+00:00"


def test_a_hash_is_two_lines_of_four_groups_of_eight() -> None:
    digest = hashlib.sha256(b"recording").hexdigest()
    lines = complaint_report.hash_lines(digest).split("\n")
    assert [len(line) for line in lines] == [35, 35]
    assert all([len(g) for g in line.split(" ")] == [8, 8, 8, 8] for line in lines)
    assert "".join("".join(lines).split()) == digest


def test_one_offset_is_named_once_in_the_heading_and_hashes_print_monospaced(
    book: Ledger, tmp_path: Path
) -> None:
    recording = tmp_path / "collector-2311.wav"
    recording.write_bytes(b"RIFF not really a recording" * 30)
    _call(book, datetime(2026, 11, 20, 23, 10, tzinfo=CST), "night call", (recording,))
    _call(book, datetime(2026, 11, 21, 9, 5, tzinfo=CST), "morning call")
    data = complaint_data(book, JB, TODAY, lang="en")
    rows = complaint_report.contact_rows(data, "en")
    assert rows[0][1] == "Time (UTC+08:00)"
    assert [row[1].split("\n")[0] for row in rows[1:]] == ["2026-11-20 23:10", "2026-11-21 09:05"]
    assert all("UTC" not in row[1] for row in rows[1:])
    assert complaint_report.contact_rows(data, "zh_CN")[0][1] == "时间（UTC+08:00）"
    out = tmp_path / "complaint.pdf"
    complaint_report.write_complaint_pdf(data, out, "en")
    text = _text(out)
    assert "Time(UTC+08:00)" in text
    assert "2026-11-2023:10" in text
    assert "UTC+0)" not in text  # the walker's "(UTC+0)" and "(UTC+8)" forms are gone
    digest = hashlib.sha256(recording.read_bytes()).hexdigest()
    assert digest in text
    assert any("WenQuanYiMicroHeiMono" in name for name in _fonts(out))  # the mono face


def test_contacts_in_different_offsets_each_carry_theirs(book: Ledger) -> None:
    _call(book, datetime(2026, 11, 20, 23, 10, tzinfo=CST), "from China")
    _call(book, datetime(2026, 11, 21, 23, 30, tzinfo=timezone(timedelta(hours=1))), "Berlin")
    rows = complaint_report.contact_rows(complaint_data(book, JB, TODAY, lang="en"), "en")
    assert rows[0][1] == "Time"
    assert [row[1].split("\n")[:2] for row in rows[1:]] == [
        ["2026-11-20 23:10", "(UTC+08:00)"],
        ["2026-11-21 23:30", "(UTC+01:00)"],
    ]


# --- 2. a signature block, filled from the profile where it can be ---------------------------


def test_the_signature_block_has_lines_for_what_the_profile_lacks() -> None:
    assert signature_lines("", "", "en") == [
        f"Name: {BLANK}",
        f"ID number: {BLANK}",
        f"Phone: {BLANK}",
        f"Date: {BLANK}",
        f"Signature: {BLANK}",
    ]
    assert signature_lines("王小明", "13812345678", "zh_CN") == [
        "姓名：王小明",
        f"身份证号：{BLANK}",
        "联系电话：13812345678",
        f"日期：{BLANK}",
        f"签名：{BLANK}",
    ]


def test_the_letter_and_the_complaint_end_with_the_signature_block(
    book: Ledger, tmp_path: Path
) -> None:
    _call(book, datetime(2026, 11, 20, 23, 10, tzinfo=CST), "night call")
    empty = letter_text(guide_letter.letter_data(book, JB, "p-24", TODAY), "en")
    assert empty.rstrip().endswith("\n".join(signature_lines("", "", "en")))
    out = tmp_path / "complaint.pdf"
    complaint_report.write_complaint_pdf(
        complaint_data(book, JB, TODAY, "12378", "zh_CN"), out, "zh_CN"
    )
    text = _text(out)
    fields = ("身份证号：", "联系电话：", "日期：", "签名：")
    assert text.endswith("此致敬礼姓名：" + BLANK + "".join(f + BLANK for f in fields))
    save_borrower(book, Borrower(name="Wang Xiaoming", phone="13812345678"))
    signed = letter_text(guide_letter.letter_data(book, JB, "p-24", TODAY), "en")
    assert "Name: Wang Xiaoming\nID number: " + BLANK in signed
    assert "Phone: 13812345678\nDate: " + BLANK + "\nSignature: " + BLANK in signed


# --- 3. "kept to it" only on the record; a confirmation is titled as one ----------------------


def test_an_agreement_made_today_is_not_said_to_be_kept(book: Ledger) -> None:
    # The book pays 400.00 on the agreement's first day: the first installment (364.70) is paid
    # ahead of its date. Neither "kept to it" nor "falls due" (it shows Paid on the calendar).
    data = guide_letter.letter_data(book, JB, "p-24", TODAY)
    first = plans.agreement(book.loan(JB))[1].installments[0].due  # type: ignore[index]
    assert (data.kept, data.agreed_first_due) == ("paid_ahead", first)
    body = letter_text(data, "en")
    assert "kept to it" not in body
    assert "falls due" not in body
    assert f"Its first installment, due on Dec {first.day}, {first.year}, is paid already." in body
    assert "confirmation of the agreed repayment plan" in body
    assert "request for a hardship repayment plan" not in body
    zh = letter_text(data, "zh_CN")
    assert "到期的各期我都已按时还款" not in zh
    assert "一直按协议" not in zh
    assert f"协议首期（{first.year}年{first.month}月{first.day}日到期）我已提前还清。" in zh
    assert "已约定还款方案的书面确认" in zh
    assert "困难协商还款申请" not in zh


def test_an_agreement_with_nothing_paid_yet_names_its_first_due_day(book: Ledger) -> None:
    plan = plans.agreement(book.loan(JB))[1]  # type: ignore[index]
    first = plan.installments[0].due
    assert guide_letter.agreement_record(plan, (), TODAY) == ("none_due", first)
    data = replace(guide_letter.letter_data(book, JB, "p-24", TODAY), kept="none_due")
    assert f"Its first installment falls due on Dec {first.day}, {first.year}." in letter_text(
        data, "en"
    )
    assert f"协议首期将于{first.year}年{first.month}月{first.day}日到期。" in letter_text(
        data, "zh_CN"
    )


def test_a_letter_before_any_agreement_asks_for_the_plan(data_dir: DataDir, tmp_path: Path) -> None:
    ledger = Ledger.open(data_dir)
    try:
        build(ledger, tmp_path, accept=False, pay=False)
        data = guide_letter.letter_data(ledger, JB, "p-24", TODAY)
    finally:
        ledger.close()
    assert data.kept == ""
    assert "request for a hardship repayment plan" in letter_text(data, "en")
    assert "困难协商还款申请" in letter_text(data, "zh_CN")


def test_kept_once_an_installment_fell_due_and_was_paid_on_time(book: Ledger) -> None:
    rows = plans.agreement(book.loan(JB))[1].installments  # type: ignore[index]
    # 400.00 paid on the first day covers the first installment (364.70) before its date.
    assert rows[0].payment < Decimal("400.00") < rows[0].payment + rows[1].payment
    after_first = rows[0].due + timedelta(days=1)
    data = guide_letter.letter_data(book, JB, "p-24", after_first)
    assert data.kept == "on_time"
    assert "I have kept to it so far." in letter_text(data, "en")
    assert "到期的各期我都已按时还款。" in letter_text(data, "zh_CN")
    # The second falls due unpaid: late, then paid a few days after its date.
    late = rows[1].due + timedelta(days=3)
    overdue = guide_letter.letter_data(book, JB, "p-24", late)
    assert "An installment of it is now 3 days overdue." in letter_text(overdue, "en")
    rest = rows[0].payment + rows[1].payment - Decimal("400.00")
    Payments(book).add_payment(JB, Payment(date=late, amount=rest, method="Alipay"))
    caught_up = guide_letter.letter_data(book, JB, "p-24", late + timedelta(days=1))
    assert caught_up.kept == "caught_up"
    body = letter_text(caught_up, "en")
    assert "kept to it" not in body
    assert "Every installment due so far is paid." in body


def test_an_installment_due_today_counts_once_it_is_paid(book: Ledger) -> None:
    loan = book.loan(JB)
    plan = plans.agreement(loan)[1]  # type: ignore[index]
    rows = plan.installments
    payments = plans.loan_payments(loan)
    # Due today and covered: fallen due and on time. The second due today, not yet covered: not
    # fallen due yet, so the record is that of the first.
    assert guide_letter.agreement_record(plan, payments, rows[0].due) == ("on_time", rows[0].due)
    assert guide_letter.agreement_record(plan, payments, rows[1].due) == ("on_time", rows[0].due)
    assert guide_letter.agreement_record(plan, (), rows[0].due) == ("none_due", rows[0].due)
    assert guide_letter.agreement_record(plan, (), rows[0].due + timedelta(days=1))[0] == ""


# --- 4. the summary's lateness follows the plan in force -------------------------------------


def test_lateness_is_the_contracts_before_the_agreement_and_none_under_it(
    data_dir: DataDir, tmp_path: Path
) -> None:
    ledger = Ledger.open(data_dir)
    try:
        build(ledger, tmp_path, accept=False, pay=False)
        before = loan_figures(ledger.loan(JB), TODAY)
    finally:
        ledger.close()
    assert before.plan == "original"
    assert before.penalty > 0
    assert before.lateness is not None
    assert before.lateness > 0
    (loan,) = [x for x in summary_json([before], TODAY)["loans"] if x["id"] == JB]
    assert loan["lateness"]["rate"] == f"{before.lateness:.4f}"


def test_under_the_agreement_the_summary_has_no_lateness(book: Ledger) -> None:
    fig = loan_figures(book.loan(JB), TODAY)
    assert fig.plan == "agreement:p-24"
    (loan,) = summary_json([fig], TODAY)["loans"]
    assert (loan["penalty"], loan["late_fees"]) == ("0.00", "0.00")
    assert "lateness" in loan  # the field stays
    assert loan["lateness"] is None
    assert fig.lateness is None  # what the Overview reads
    assert fig.lateness_lines is None


def test_an_agreement_accepted_for_a_later_day_leaves_the_contracts_lateness(
    data_dir: DataDir, tmp_path: Path
) -> None:
    ledger = Ledger.open(data_dir)
    try:
        build(ledger, tmp_path, pay=False)
        fig = loan_figures(ledger.loan(JB), TODAY - timedelta(days=1))  # before it starts
    finally:
        ledger.close()
    assert fig.plan == "original"
    assert fig.lateness is not None


def test_the_command_says_it_wrote_a_confirmation(
    data_dir: DataDir, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger = Ledger.open(data_dir)
    try:
        build(ledger, tmp_path)
    finally:
        ledger.close()
    out = tmp_path / "letter.pdf"
    args = ["--data-dir", str(data_dir.root), "--today", "2026-11-28", "--lang", "en"]
    assert (
        main([*args, "export", "letter", "--loan", JB, "--proposal", "p-24", "--out", str(out)])
        == 0
    )
    assert "letter to Jiebei confirming “24 months, penalty waived”" in capsys.readouterr().out
    assert "confirmationoftheagreedrepaymentplan" in _text(out)
    assert (
        main([*args, "export", "letter", "--loan", JB, "--proposal", "p-400", "--out", str(out)])
        == 0
    )
    assert "asking for “400 a month”" in capsys.readouterr().out
