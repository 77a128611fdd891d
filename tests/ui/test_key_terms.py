"""One name for one thing, in each language (sixth walk's 3): the calendar PDF said "平台" where
the window says "出借方", the letter pointed to a "协商指南" page while the tab is "指南". The
key terms are listed here with the window's own word for each and the other words once used for
the same thing; neither the window's Chinese catalogue nor the reports' strings use those."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import ashore
from ashore.reports.strings import _TEXT

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "ashore_zh_CN.ts"
REPORTS = Path(ashore.__file__).parent / "reports"

# concept: (the window's word: its context and English source, the Chinese word, words not used)
TERMS: dict[str, tuple[tuple[str, str], str, tuple[str, ...]]] = {
    "the lender": (("LoanForm", "Lender"), "出借方", ("平台", "放款方", "贷方")),
    "the Guide tab": (("GuideController", "Guide"), "指南", ("协商指南",)),
    "the notes of calls and messages": (("NotesHookup", "Notes"), "沟通记录", ("通话记录",)),
    "a file's fingerprint (SHA-256)": ((), "指纹", ("哈希", "散列")),
    "paying off early": ((), "提前结清", ("提前还款",)),
    "a loan": ((), "借款", ("贷款",)),
}


def _catalogue() -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(TS).getroot():
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is not None:
                forms = translation.findall("numerusform")
                text = "".join(f.text or "" for f in forms) if forms else translation.text or ""
                found[(name, source)] = text
    return found


def _report_texts() -> list[tuple[str, str]]:
    """Every string of the reports' sources, with where it is."""
    texts: list[tuple[str, str]] = []
    for path in sorted(REPORTS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.append((f"{path.name}:{node.lineno}", node.value))
    return texts


def test_the_window_names_each_key_thing_with_its_one_word() -> None:
    catalogue = _catalogue()
    assert len(catalogue) > 900  # guard: the catalogue was read
    for concept, (key, word, _others) in TERMS.items():
        if key:
            assert catalogue[key] == word, concept
        assert any(word in text for text in catalogue.values()), concept


def test_no_other_word_names_a_key_thing_in_the_window() -> None:
    catalogue = _catalogue()
    used = {
        (concept, other, source): text
        for concept, (_key, _word, others) in TERMS.items()
        for (_context, source), text in catalogue.items()
        for other in others
        if other in text
    }
    assert used == {}


def test_no_other_word_names_a_key_thing_in_the_reports() -> None:
    assert _TEXT["lender"] == ("Lender", "出借方")  # the calendar PDF's column
    used = [
        (concept, other, where, text)
        for concept, (_key, _word, others) in TERMS.items()
        for where, text in _report_texts()
        for other in others
        if other in text
    ]
    assert used == []
