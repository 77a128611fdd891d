"""``ashore export letter``: the PDF from stored data; unknown ids exit 1 naming the option."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from ashore.app.resources import resource_path
from ashore.commands.cli import main

SAMPLE = resource_path("sample", "sample.json")


@pytest.fixture
def loaded(tmp_path: Path) -> list[str]:
    data = ["--data-dir", str(tmp_path / "data"), "--today", "2026-11-28"]
    assert main([*data, "import", str(SAMPLE)]) == 0
    return data


def test_export_letter_writes_the_pdf(loaded: list[str], tmp_path: Path, capsys) -> None:
    out = tmp_path / "letter.pdf"
    args = ["export", "letter", "--loan", "jb-2026-01", "--proposal", "p1", "--out", str(out)]
    assert main([*loaded, *args]) == 0
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "9,348.71CNY" in text
    assert "Monthlypayments(CNY):23×366.04andalast366.13" in text
    assert "wrote" in capsys.readouterr().out


def test_export_letter_in_chinese(loaded: list[str], tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    args = ["export", "letter", "--loan", "jb-2026-01", "--proposal", "p1", "--out", str(out)]
    assert main([*loaded, "--lang", "zh_CN", *args]) == 0
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "每月还款（CNY）：23×366.04，末期366.13" in text


@pytest.mark.parametrize(
    ("loan", "proposal", "start"),
    [("nope", "p1", "--loan: 'nope'"), ("jb-2026-01", "p9", "--proposal: 'p9'")],
)
def test_unknown_ids_exit_1_naming_the_field(
    loaded: list[str], tmp_path: Path, capsys, loan: str, proposal: str, start: str
) -> None:
    out = tmp_path / "letter.pdf"
    args = ["export", "letter", "--loan", loan, "--proposal", proposal, "--out", str(out)]
    assert main([*loaded, *args]) == 1
    err = capsys.readouterr().err.strip()
    assert start in err
    assert "\n" not in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("lang", "once", "monthly"),
    [
        ("en", "the sum I can raise at once", "every month"),
        ("zh_CN", "一次性还款金额", "每月能够"),
    ],
)
def test_a_one_off_settlement_is_not_called_a_monthly_payment(
    loaded: list[str], tmp_path: Path, lang: str, once: str, monthly: str
) -> None:
    out = tmp_path / f"settle-{lang}.pdf"
    args = ["--lang", lang, "export", "letter", "--loan", "jt360-bullet-0901", "--proposal", "p2"]
    assert main([*loaded, *args, "--out", str(out)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(out).pages).replace("\n", " ")
    assert once in text
    assert monthly not in text


def test_the_letter_cites_the_line_the_loan_crosses(loaded: list[str], tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    args = ["export", "letter", "--loan", "jb-2026-01", "--proposal", "p1", "--out", str(out)]
    assert main([*loaded, *args]) == 0
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(out).pages)
    # 18 % a year from 2026-01-15: above 4 × the 3.00 % LPR, below 24 % and 36 %.
    assert "theyearlycostofthisloanis18.00%" in text
    assert "above12.00%,fourtimestheone-yearLPR" in text
    assert "36%" not in text


def _font_runs(path: Path) -> list[tuple[str, str]]:
    """(font name without its subset tag, text) for every text run of the PDF."""
    runs: list[tuple[str, str]] = []

    def visit(text: str, _cm: object, _tm: object, font: object, _size: object) -> None:
        if text.strip() and isinstance(font, dict):
            runs.append((str(font.get("/BaseFont", "")).split("+")[-1], text))

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return runs


def test_english_letter_sets_its_quotes_in_the_latin_face(
    loaded: list[str], tmp_path: Path
) -> None:
    """The tester's walk: “Feb 2026 loan” printed with the Chinese font's full-width quotes (wide
    gaps round the name). In English the quotes come from the Latin face; the name between them
    (借呗 January here) stays in the font that has Chinese; a Chinese letter keeps its marks."""
    out = tmp_path / "letter.pdf"
    args = ["export", "letter", "--loan", "jb-2026-01", "--proposal", "p1", "--out", str(out)]
    assert main([*loaded, *args]) == 0
    runs = _font_runs(out)
    quotes = [(font, text) for font, text in runs if any(ch in text for ch in "“”")]
    assert len(quotes) >= 4  # the subject line's and the first paragraph's, open and close
    assert {font for font, _ in quotes} == {"BitstreamVeraSans-Roman"}
    assert ("WenQuanYiMicroHei-0", "借呗 January") in runs
    zh = tmp_path / "zh.pdf"
    assert main([*loaded, "--lang", "zh_CN", *args[:-1], str(zh)]) == 0
    fonts = {font for font, _ in _font_runs(zh)}
    assert fonts == {"WenQuanYiMicroHei-0"}
