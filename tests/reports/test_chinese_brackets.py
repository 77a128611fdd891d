"""Issue 13: Chinese text uses full-width brackets "（）", never "()" — in the printed reports'
word tables and in the window's translations (file-type patterns such as "(*.pdf)" and menu
mnemonics such as "(&F)" are codes, kept as Qt writes them)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ashore.reports import call_log, complaint, strings

TS = Path(__file__).parents[2] / "resources" / "translations" / "ashore_zh_CN.ts"
# Codes, not Chinese text: file patterns "(*.pdf)", a file-dialog filter's patterns put in later
# ("录音 (%1)" at the end: Qt reads a filter's patterns only inside ASCII brackets) and menu
# shortcuts "(&F)".
CODES = re.compile(r"\((?:\*\.[^)]*|\*|&.)\)| \(%1\)$")


def _pairs() -> list[tuple[str, str]]:
    found = []
    for module in (strings, call_log, complaint):
        for name, value in vars(module).items():
            if not isinstance(value, dict):
                continue
            for key, pair in value.items():
                if (
                    isinstance(pair, tuple)
                    and len(pair) == 2
                    and all(isinstance(x, str) for x in pair)
                ):
                    found.append((f"{module.__name__}.{name}[{key}]", pair[1]))
    return found


def test_the_reports_chinese_words_use_full_width_brackets() -> None:
    pairs = _pairs()
    assert len(pairs) > 100  # the tables were found
    assert [where for where, zh in pairs if re.search(r"[()]", zh)] == []
    assert strings.text("status_partly_paid", "zh_CN", paid="1.00") == "部分已还（1.00）"


def test_the_windows_chinese_uses_full_width_brackets() -> None:
    translations = [element.text or "" for element in ET.parse(TS).getroot().iter("translation")]
    assert len(translations) > 500
    bad = [t for t in translations if re.search(r"[()]", CODES.sub("", t))]
    assert bad == []
