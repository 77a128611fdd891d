"""A holiday's name on the printed calendar reads whole: beside the day number when it fits there,
else on up to two lines under it ("Chinese New Year (Spring Festival)" was cut to "Chinese New…";
a bracketed tail such as "(observed)" goes before anything else is cut)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from ashore.commands.cli import main


def _february(tmp_path: Path, lang: str) -> str:
    folder, out = tmp_path / "data", tmp_path / f"feb-{lang}.pdf"
    sample = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample.json"
    base = ["--data-dir", str(folder), "--today", "2026-11-28"]
    assert main([*base, "import", str(sample)]) == 0
    args = ["export", "calendar", "--out", str(out), "--from", "2027-02", "--months", "1"]
    assert main([*base, *args, "--lang", lang]) == 0
    return PdfReader(str(out)).pages[1].extract_text()  # page 1 lists the loans, 2 the month


def test_spring_festival_is_named_whole_in_english(tmp_path: Path) -> None:
    page = " ".join(_february(tmp_path, "en").split())
    assert "Chinese New" + "…" not in page
    # 2027-02-06..08: the holiday itself, its name on two lines under the day number
    assert page.count("Chinese New Year (Spring Festival)") >= 3
    assert "Chinese New Year's Eve" in page  # 2027-02-05


def test_spring_festival_beside_the_day_in_chinese(tmp_path: Path) -> None:
    page = _february(tmp_path, "zh_CN")
    assert page.count("春节") >= 5
    assert "农历除夕" in page


def test_a_month_with_nothing_new_beside_unpaid_installments(tmp_path: Path) -> None:
    """The sample's loans are overdue: February 2027 said "Nothing falls due this month" while
    13 installments from before it were unpaid (the first page lists them)."""
    page = " ".join(_february(tmp_path, "en").split())
    assert "Nothing new due this month." in page
    assert "Nothing new falls due this month; what is unpaid from before still is" in page
    assert "Nothing falls due this month." not in page
