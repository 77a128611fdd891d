"""``ashore export complaint``: every collection contact with its time (in the note's own offset),
number, words and the rule it broke, every file's SHA-256, the lender's name as stored (Chinese),
what the user typed printed literally; Chinese by default for a CNY loan."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from ashore.app.resources import resource_path
from ashore.commands.cli import main
from ashore.services.complaint import complaint_lang

SAMPLE = resource_path("sample", "sample.json")
LOAN = "jb-2026-01"
RECORDINGS = {
    "collector-1121.m4a": b"RIFF fake recording one" * 40,
    "collector-1122.amr": b"#!AMR fake recording two" * 40,
}
# id, time, number, words, third party, abuse
CONTACTS: list[tuple[str, str, str, str, str, list[str]]] = [
    (
        "c1",
        "2026-11-21T23:10:00+08:00",
        "17100001111",
        "said <b>pay today</b> & <i>else</i>",
        "",
        [],
    ),
    ("c2", "2026-11-22T09:05:00+08:00", "17100001111", "asked where I work", "", []),
    ("c3", "2026-11-22T11:40:00+08:00", "17100002222", "same demand again", "", []),
    (
        "c4",
        "2026-11-22T14:15:00+08:00",
        "17100002222",
        "said they are from the court",
        "",
        ["impersonation"],
    ),
    (
        "c5",
        "2026-11-22T16:30:00+08:00",
        "17100003333",
        "called my mother about the debt",
        "我母亲",
        ["disclosure"],
    ),
    ("c6", "2026-11-23T23:30:00+01:00", "4930000000", "called while I was in Berlin", "", []),
]
OUTGOING = ("o1", "2026-11-24T23:45:00+08:00", "95188", "I called back late", "", [])


def _note(row: tuple[str, str, str, str, str, list[str]], direction: str) -> dict[str, Any]:
    note_id, at, number, words, third, abuse = row
    return {
        "id": note_id,
        "occurred_at": at,
        "logged_at": at.replace(":00+", ":30+"),
        "channel": "phone",
        "text": words,
        "kind": "collection",
        "direction": direction,
        "from_number": number,
        "third_party": third,
        "abuse": abuse,
    }


@pytest.fixture
def loaded(tmp_path: Path) -> list[str]:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    folder = tmp_path / "in"
    (folder / "evidence").mkdir(parents=True)
    notes = data["loans"][0]["notes"]
    for row in CONTACTS:
        notes.append(_note(row, "incoming"))
    notes.append(_note(OUTGOING, "outgoing"))
    for (name, content), note_id in zip(RECORDINGS.items(), ("c1", "c5"), strict=True):
        (folder / "evidence" / name).write_bytes(content)
        note = next(n for n in notes if n["id"] == note_id)
        note["attachments"] = [
            {"path": f"evidence/{name}", "sha256": hashlib.sha256(content).hexdigest()}
        ]
    data["borrower"] = {"name": "王小明", "phone": "13812345678", "address": "", "email": ""}
    book = folder / "book.json"
    book.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    args = ["--data-dir", str(tmp_path / "data"), "--today", "2026-11-28"]
    assert main([*args, "import", str(book)]) == 0
    return args


def _text(path: Path) -> str:
    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def _squash(value: str) -> str:
    return "".join(value.split())


def test_the_complaint_lists_every_breach_its_evidence_in_chinese(
    loaded: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "complaint.pdf"
    assert main([*loaded, "export", "complaint", "--loan", LOAN, "--out", str(out)]) == 0
    text = _text(out)
    assert "国家金融监督管理总局12378" in text
    assert "借呗" in text  # the lender's name as stored, in Chinese
    assert "王小明" in text
    # Each breach: its time as the note carries it, its number and words, the rule in Chinese.
    assert "2026-11-2123:10（UTC+08:00）" in text  # night call
    assert "2026-11-2216:30（UTC+08:00）" in text  # the 4th that day, a third party, disclosure
    assert "2026-11-2323:30（UTC+01:00）" in text  # a night call in its own zone
    for _id, _at, number, words, third, _abuse in CONTACTS:
        assert number in text
        assert _squash(words) in text
        assert _squash(third) in text
    assert "在22:00至次日08:00之间催收" in text
    assert "同一日催收超过3次" in text
    assert "联系债务人以外的第三人" in text
    assert "威胁、辱骂、冒充或泄露债务信息" in text
    # Markup-like words print as typed.
    assert "said<b>paytoday</b>&<i>else</i>" in text
    for content in RECORDINGS.values():
        assert hashlib.sha256(content).hexdigest() in text
    for name in RECORDINGS:
        assert name in text
    # The borrower's own late call is listed, and breaks nothing.
    assert "Icalledbacklate" in text
    # 6 incoming + 1 outgoing; c1 and c6 night, c4 abuse, c5 too many + third party + abuse.
    assert "共联系本人7次，其中4次违反" in text
    assert "共6项违规" in text
    assert "7 collection contact(s), 6 breach(es)" in capsys.readouterr().out


def test_english_to_the_central_bank_when_asked(loaded: list[str], tmp_path: Path) -> None:
    out = tmp_path / "complaint-en.pdf"
    args = ["export", "complaint", "--loan", LOAN, "--out", str(out), "--to", "12363"]
    assert main([*loaded, "--lang", "en", *args]) == 0
    text = _text(out)
    assert "People'sBankofChina,financialconsumerprotectionhotline12363" in text
    assert "Contactbetween22:00and08:00" in text
    assert "Morethan3contactsinoneday" in text
    assert "Contactedathirdparty" in text
    assert "借呗" in text
    assert "Norepaymentagreementhasbeenreachedyet" in text


def test_an_accepted_plan_is_stated(tmp_path: Path) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["loans"][0]["proposals"][0]["status"] = "accepted"
    data["loans"][0]["notes"].append(_note(CONTACTS[0], "incoming"))  # a night call
    book = tmp_path / "book.json"
    book.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    args = ["--data-dir", str(tmp_path / "data"), "--today", "2026-11-28"]
    assert main([*args, "import", str(book)]) == 0
    out = tmp_path / "c.pdf"
    assert main([*args, "export", "complaint", "--loan", LOAN, "--out", str(out)]) == 0
    text = _text(out)
    assert "每月还款（CNY）：23×366.04，末期366.13" in text
    assert "目前尚未达成" not in text


def test_language_defaults() -> None:
    assert complaint_lang("CNY", None, "en") == "zh_CN"
    assert complaint_lang("USD", None, "en") == "en"
    assert complaint_lang("CNY", "en", "zh_CN") == "en"


def test_unknown_loan_and_bad_hotline(
    loaded: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "c.pdf"
    assert main([*loaded, "export", "complaint", "--loan", "nope", "--out", str(out)]) == 1
    assert "--loan: 'nope' is not a known loan id" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(SystemExit) as stop:
        main([*loaded, "export", "complaint", "--loan", LOAN, "--out", str(out), "--to", "110"])
    assert stop.value.code == 2


def test_no_complaint_of_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No broken rule recorded (no collection contact, or only a daytime one): no PDF, exit 1 and
    a line that says what to record first."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    book = tmp_path / "book.json"
    book.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    args = ["--data-dir", str(tmp_path / "data"), "--today", "2026-11-28"]
    assert main([*args, "import", str(book)]) == 0
    out = tmp_path / "c.pdf"
    for _round in range(2):
        capsys.readouterr()
        assert main([*args, "export", "complaint", "--loan", LOAN, "--out", str(out)]) == 1
        err = capsys.readouterr().err
        assert "nothing to complain of" in err
        assert "record first a collector's call" in err
        assert len(err.strip().splitlines()) == 1
        assert not out.exists()
        # a daytime incoming call, one that day, nobody else, no abuse: no rule broken
        data["loans"][0]["notes"] = [_note(CONTACTS[1], "incoming")]
        again = tmp_path / "again.json"
        again.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        args = ["--data-dir", str(tmp_path / "data2"), "--today", "2026-11-28"]
        if _round == 0:
            assert main([*args, "import", str(again)]) == 0


def test_export_summary_carries_breaches_and_the_credit_record(
    loaded: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main([*loaded, "export", "summary", "--loan", LOAN]) == 0
    (loan,) = json.loads(capsys.readouterr().out)["loans"]
    assert loan["collection_breaches"] == [
        {"note": "c1", "rule": "night_call"},
        {"note": "c4", "rule": "abuse"},
        {"note": "c5", "rule": "too_many_calls"},
        {"note": "c5", "rule": "third_party"},
        {"note": "c5", "rule": "abuse"},
        {"note": "c6", "rule": "night_call"},
    ]
    assert loan["credit_record"] == {"settled_on": None, "clears_on": None}


def test_export_summary_credit_record_of_a_settled_loan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["loans"][0]["settlement"] = {"settled_on": "2028-02-29"}
    book = tmp_path / "book.json"
    book.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    args = ["--data-dir", str(tmp_path / "data"), "--today", "2028-03-01"]
    assert main([*args, "import", str(book)]) == 0
    capsys.readouterr()
    assert main([*args, "export", "summary", "--loan", LOAN]) == 0
    (loan,) = json.loads(capsys.readouterr().out)["loans"]
    assert loan["credit_record"] == {"settled_on": "2028-02-29", "clears_on": "2033-02-28"}
    assert loan["collection_breaches"] == []
