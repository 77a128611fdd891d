"""The .ics export: valid for icalendar, one event per installment on the right day with the right
amount, a reminder three days before, stable UIDs, CRLF, folding at 75 octets and escaping."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import icalendar
import pytest

from ashore.app.errors import InputError
from ashore.reports import CalendarEntry, write_ics
from ashore.reports.ics import event_uid
from ashore.reports.sample import sample_calendar

STAMP = datetime(2026, 11, 29, 9, 30, tzinfo=UTC)


def _events(path: Path) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return [c for c in cal.walk("VEVENT")]


def test_one_event_per_installment_on_its_day(tmp_path: Path) -> None:
    entries = sample_calendar().entries
    path = tmp_path / "due.ics"
    write_ics(entries, path, generated_at=STAMP)
    events = _events(path)
    assert len(events) == len(entries) == 31
    by_uid = {str(e["UID"]): e for e in events}
    assert len(by_uid) == len(entries)
    for entry in entries:
        event = by_uid[event_uid(entry)]
        assert event.decoded("DTSTART") == entry.due
        assert event.decoded("DTEND") == entry.due + timedelta(days=1)
        summary = str(event["SUMMARY"])
        assert f"{entry.amount:,.2f} CNY" in summary
        assert entry.lender in summary
        assert entry.loan in summary
        assert event.decoded("DTSTAMP") == STAMP
        alarms = event.walk("VALARM")
        if entry.status == "paid":
            assert alarms == []
        else:
            # three days before, the day before and on the day, each at 09:00
            assert [alarm.decoded("TRIGGER") for alarm in alarms] == [
                -timedelta(days=3) + timedelta(hours=9),
                -timedelta(days=1) + timedelta(hours=9),
                timedelta(hours=9),
            ]
            assert {str(alarm["ACTION"]) for alarm in alarms} == {"DISPLAY"}
            words = [str(alarm["DESCRIPTION"]).split(":")[0] for alarm in alarms]
            assert words == ["In 3 days", "Tomorrow", "Today"]
    jb = by_uid["jb-2026-01.p1.20270115@ashore.invalid"]
    assert str(jb["SUMMARY"]) == "Pay 412.50 CNY: 借呗 · 2026年1月借款"


def test_uids_stay_the_same_on_a_second_export(tmp_path: Path) -> None:
    entries = sample_calendar().entries
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    write_ics(entries, first, generated_at=STAMP)
    write_ics(list(reversed(entries)), second, generated_at=STAMP + timedelta(days=3))
    uids_a = [str(e["UID"]) for e in _events(first)]
    uids_b = [str(e["UID"]) for e in _events(second)]
    assert uids_a == uids_b
    assert len(set(uids_a)) == len(uids_a)


def test_crlf_folding_and_header(tmp_path: Path) -> None:
    long_name = "借呗" * 40 + " & a very long English name, with commas; and semicolons"
    entries = [
        CalendarEntry(
            date(2027, 3, 15),
            long_name,
            "loan\nsecond line",
            "x y/z",
            Decimal("1234.56"),
            "due",
            plan_id="agreement 2",
        )
    ]
    path = tmp_path / "long.ics"
    write_ics(entries, path, generated_at=STAMP, lang="zh_CN")
    raw = path.read_bytes()
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # no bare LF anywhere
    lines = raw.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # something was folded
    for line in lines:
        line.decode("utf-8")  # folding never cuts a character in two
    assert lines[:3] == [
        b"BEGIN:VCALENDAR",
        b"VERSION:2.0",
        b"PRODID:-//Ashore//Ashore repayment calendar//EN",
    ]
    assert b"DTSTAMP:20261129T093000Z" in raw
    event = _events(path)[0]
    assert str(event["SUMMARY"]) == f"还款 1,234.56 CNY：{long_name} · loan\nsecond line"
    assert "出借方：" in str(event["DESCRIPTION"])
    assert str(event["UID"]) == "x%20y%2Fz.agreement%202.20270315@ashore.invalid"


def test_escaping_round_trips(tmp_path: Path) -> None:
    name = "A, B; C\\D <b>&amp;"
    entries = [CalendarEntry(date(2027, 3, 1), name, "x", "id", Decimal("1.00"), "overdue")]
    path = tmp_path / "esc.ics"
    write_ics(entries, path, generated_at=STAMP)
    assert b"A\\, B\\; C\\\\D <b>&amp\\;" in path.read_bytes()
    assert (
        str(_events(path)[0]["SUMMARY"]) == f"OVERDUE (due Mar 1, 2027): pay 1.00 CNY: {name} · x"
    )


def test_lines_fold_at_75_octets(tmp_path: Path) -> None:
    name = "é" * 80
    entries = [CalendarEntry(date(2027, 3, 1), name, "x", "id", Decimal("1.00"), "due")]
    path = tmp_path / "fold.ics"
    write_ics(entries, path, generated_at=STAMP)
    raw = path.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert name in str(_events(path)[0]["SUMMARY"])


def test_local_time_stamp_is_written_in_utc(tmp_path: Path) -> None:
    beijing = timezone(timedelta(hours=8))
    path = tmp_path / "tz.ics"
    write_ics([], path, generated_at=datetime(2026, 11, 29, 17, 30, tzinfo=beijing))
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    assert cal.walk("VEVENT") == []
    with pytest.raises(InputError, match=r"^generated_at: needs a time zone"):
        write_ics([], path, generated_at=datetime(2026, 11, 29, 17, 30))


def test_any_typed_name_gives_a_valid_file(tmp_path: Path) -> None:
    names = ["a\ud800b", "tab\there", "nul\x00", "emoji 😀👨‍👩‍👧", "\r\nline"]
    entries = [
        CalendarEntry(date(2027, 3, 1 + i), name, name, f"id{i}", Decimal("5.00"), "due")
        for i, name in enumerate(names)
    ]
    path = tmp_path / "odd.ics"
    write_ics(entries, path, generated_at=STAMP)
    summaries = [str(e["SUMMARY"]) for e in _events(path)]
    assert summaries[0] == "Pay 5.00 CNY: a\ufffdb · a\ufffdb"
    assert summaries[1] == "Pay 5.00 CNY: tabhere · tabhere"
    assert summaries[3] == "Pay 5.00 CNY: emoji 😀👨‍👩‍👧 · emoji 😀👨‍👩‍👧"
    assert summaries[4] == "Pay 5.00 CNY: \nline · \nline"
