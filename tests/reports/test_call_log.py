"""The evidence bundle's pieces: safe, unique file names; the PDF text holds a note as typed."""

from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from pypdf import PdfReader

from ashore.domain.money import Rate
from ashore.domain.records import Attachment, CallNote, Lender, Loan, NoteEvent, NoteRevision
from ashore.reports.call_log import bundle_names, call_log_pdf, safe_name
from ashore.store.chain import append_event

CST = timezone(timedelta(hours=8))


def _att(sha: str, name: str) -> Attachment:
    return Attachment(sha256=sha * 64, name=name, kind="audio", size=10)


def test_names_stay_inside_files_and_are_unique() -> None:
    names = bundle_names(
        [
            _att("a", "../../etc/passwd"),
            _att("b", "passwd"),
            _att("c", "C:\\Users\\me\\call.m4a"),
            _att("d", "CALL.m4a"),
            _att("a", "same content, other name.m4a"),  # stored once
            _att("e", "line\nbreak.wav"),
            _att("f", "..."),
        ]
    )
    assert names == {
        "a" * 64: "files/passwd",
        "b" * 64: "files/passwd (2)",
        "c" * 64: "files/call.m4a",
        "d" * 64: "files/CALL (2).m4a",
        "e" * 64: "files/line_break.wav",
        "f" * 64: "files/file",
    }
    assert safe_name(" .hidden ") == "hidden"


def _loan(loan_id: str, lender: str, name: str, note: CallNote) -> Loan:
    """A loan of 12,000.00 at 18 % a year holding ``note``."""
    return Loan(
        id=loan_id,
        lender=lender,
        name=name,
        principal=Decimal("12000.00"),
        rate=Rate(Decimal("0.18"), "year"),
        method="equal_installment",
        term_count=12,
        term_unit="month",
        first_due=note.occurred_at.date(),
        notes=[note],
    )


def test_pdf_prints_text_literally_with_history_and_tombstone() -> None:
    at = datetime(2026, 11, 20, 10, 15, tzinfo=CST)
    note = CallNote(
        id="n1",
        occurred_at=at,
        logged_at=at + timedelta(minutes=25),
        counterpart="agent <i>0231</i>",
        text="他说：<b>&amp; 全部减免</b>",
        outcome="will review",
        revisions=[
            NoteRevision(
                revised_at=at + timedelta(hours=1),
                occurred_at=at,
                channel="phone",
                counterpart="agent",
                text="first version of the words",
                outcome="",
                promises="",
                follow_up=None,
            )
        ],
        deleted_at=at + timedelta(days=1),
        deleted_reason="wrong loan & wrong day",
    )
    loan = _loan("jb-1", "jb", "借呗 January", note)
    chain: list[NoteEvent] = []
    append_event(chain, loan.id, note, "created", at)
    pdf = call_log_pdf(loan, Lender("jb", "借呗"), chain, "zh_CN", at)
    text = "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = "".join(text.split())
    for expected in (
        "他说：<b>&amp;全部减免</b>",
        "agent<i>0231</i>",
        "firstversionofthewords",
        "wrongloan&wrongday",
        chain[0].hash,
        "2026-11-2010:15:00+08:00",
        "2026-11-2010:40:00+08:00",
        "沟通记录",
    ):
        assert expected in flat, expected


def _walked_log(lang: str) -> str:
    """The walk's call log: one note with a recording and a screenshot, as the PDF's text."""
    at = datetime(2026, 11, 20, 10, 15, tzinfo=CST)
    note = CallNote(
        id="note-1",
        occurred_at=at,
        logged_at=at + timedelta(minutes=25),
        counterpart="Agent Li",
        text="agreed",
        attachments=[
            Attachment(sha256="a" * 64, name="call.wav", kind="audio", size=297292),
            Attachment(sha256="b" * 64, name="screen.png", kind="image", size=133273),
        ],
    )
    loan = _loan("loan-1", "lender-1", "February loan", note)
    chain: list[NoteEvent] = []
    append_event(chain, loan.id, note, "created", at)
    made = datetime(2026, 12, 2, 13, 43, 19, tzinfo=CST)
    pdf = call_log_pdf(loan, Lender("lender-1", "Haixin Finance"), chain, lang, made)
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_log_names_the_loan_and_lender_and_reads_times_as_the_window_does() -> None:
    """Sixth walk's 5: the log showed "loan-1" and "note-1" where a person reads the loan's and
    the lender's names, and times only as ISO: each time now reads in the window's date style
    with its zone, the ISO kept on a second line (the evidence the chain hashes)."""
    text = _walked_log("en")
    flat = " ".join(text.split())
    assert "loan-1" not in text
    assert "note-1" not in text
    assert "lender-1" not in text
    assert "Haixin Finance · February loan · Made Wed, Dec 2, 2026 · 13:43 (UTC+8)" in flat
    assert "Note 1 · Fri, Nov 20, 2026 · 10:15 (UTC+8)" in flat
    assert "Fri, Nov 20, 2026 · 10:40 (UTC+8) 2026-11-20 10:40:00+08:00" in flat  # written at
    assert "Note 1 · created" in flat  # the chain names the note as the log does
    zh = " ".join(_walked_log("zh_CN").split())
    assert "第 1 条记录 · 2026年11月20日 周五 · 10:15（UTC+8）" in zh
    assert "note-1" not in zh
