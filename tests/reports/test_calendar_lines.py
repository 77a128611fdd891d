"""The Chinese calendar's paragraphs wrap as Chinese type does (issue 13, the tester's walk): no
line starts with "。" or another closing mark, and a Latin word (a loan named "借呗 January") is
never cut in two."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from ashore.reports.calendar_pdf import _Styles
from ashore.reports.fonts import FONT, register_fonts
from ashore.reports.strings import text

CLOSING = "。，、）；：！？」』"


def _lines(paragraph: Paragraph, width: float) -> list[str]:
    paragraph.wrap(width, 10_000)
    lines = []
    for line in paragraph.blPara.lines:
        if isinstance(line, tuple):  # a line of plain words
            lines.append(" ".join(line[1]))
        else:
            lines.append("".join(getattr(piece, "text", "") for piece in line.words))
    return lines


def test_the_footnote_never_starts_a_line_with_a_closing_mark() -> None:
    register_fonts()
    loans = "360借条 14-day loan、360借条 24 months、借呗 January"
    footnote = text("unplanned_note", "zh_CN", loans=loans)
    styles = _Styles(FONT, "zh_CN")
    for style in (styles.body, styles.muted, styles.small):
        for width in range(200, 520, 3):
            lines = _lines(Paragraph(footnote, style), width)
            assert "".join(lines).replace(" ", "") == footnote.replace(" ", "")
            for line in lines[1:]:
                assert line[:1] not in CLOSING, (width, lines)
            for word in ("January", "months", "14-day"):
                assert any(word in line for line in lines), (width, word, lines)
