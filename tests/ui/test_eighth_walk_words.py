"""Eighth walk's 3 and 4. Chinese: a Latin name or a number put straight against Chinese text
("Pine Bank的催收…"): where a placeholder that holds a lender's or a loan's name, a date or a
count meets a Chinese character, a space (as Chinese typography does). Proposals: under an
agreement the chart draws only the agreement (and the proposal open below), while the list said
"Tick a proposal to show it on the chart": its words now say what is drawn."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from ashore.services.proposals import Proposals

TS = Path(__file__).parents[2] / "resources/translations/ashore_zh_CN.ts"
CJK = "[\u3400-\u9fff]"
PLACEHOLDER = r"(%L?\d|%n|\{\w+\})"
# the entries whose placeholder holds Chinese words next to Chinese: no space there
CHINESE_INSIDE = {
    "%1 and %2",  # "罚息 651.29 和滞纳金 180.00"
    ", plus %1",  # "，另有罚息 651.29"
    "“%1” is now %2.",  # %2 a status, "已接受"
    # %3 "已逾期 33 天"
    "<b>Pay the %n missed installment(s) first: %1</b>, due on <b>%2</b> "
    "(the first %3). A second default usually voids the agreement.",
    "Complaint to {to} written in {language} to {path}: {contacts}, {breaches}.",  # "中文"
}
# the placeholders whose words end in Chinese ("1 次联系", "2 笔借款", "… 的记录"): Chinese may
# follow them without a space (a space goes before them: they start with a number)
ENDS_CHINESE = ("{contacts}", "{loans}", "{note}", "{notes}", "{times}", "{what}")
JB = "jb-2026-01"


def _translations() -> list[tuple[str, str]]:
    found = []
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        forms = [form.text or "" for form in translation.findall("numerusform")]
        for text in forms or [translation.text or ""]:
            found.append((source, text))
    return found


def test_a_name_or_number_is_spaced_from_chinese() -> None:
    before = re.compile(f"{CJK}{PLACEHOLDER}")
    after = re.compile(f"{PLACEHOLDER}(?={CJK})")
    tight = [
        (source, text)
        for source, text in _translations()
        if source not in CHINESE_INSIDE
        and (
            before.search(text)
            or any(found.group(1) not in ENDS_CHINESE for found in after.finditer(text))
        )
    ]
    assert tight == []


def test_the_collectors_line_spaces_the_lenders_name(qapp, lang) -> None:
    text = QCoreApplication.translate(
        "NotesPane", "{lender}'s collectors broke the rules {times} in {contacts}"
    ).format(lender="Pine Bank", times="2", contacts="1")
    expected = {
        "en": "Pine Bank's collectors broke the rules 2 in 1",
        "zh_CN": "Pine Bank 的催收在 1中违规 2",
    }
    assert text == expected[lang]


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_under_an_agreement_the_list_says_what_the_chart_draws(
    qtbot, sample, proposals_tab, lang
) -> None:
    loan = sample.loan(JB)
    first = loan.proposals[0].id
    draft = Proposals(sample).duplicate_proposal(JB, first, "A draft")
    tab = proposals_tab(sample, JB, locale=lang)
    model = tab.list_model
    tick = {
        "en": "Tick a proposal to show it on the chart.",
        "zh_CN": "勾选一个方案即可在图表上显示。",
    }
    assert tab.list_view.toolTip() == tick[lang]
    row = model.row_of(draft.id)
    assert "agreement" not in (model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) or "")
    Proposals(sample).change_status(JB, first, "accepted")
    tab.set_loan(sample.loan(JB))
    words = {
        "en": (
            "An agreement is in force: the chart draws it, and the proposal open below when "
            "ticked. The other proposals are not drawn."
        ),
        "zh_CN": "已有协议生效：图表画出该协议，以及下方打开且已勾选的方案；其他方案不会画出。",
    }
    assert tab.list_view.toolTip() == words[lang]
    row = model.row_of(draft.id)
    tip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    undrawn = {
        "en": "While an agreement is in force, the chart draws this proposal only while it is "
        "open below (and ticked).",
        "zh_CN": "协议生效期间，只有在下方打开（且已勾选）时，图表才会画出这个方案。",
    }
    assert tip.splitlines()[-1] == undrawn[lang]
    # and it is so: the ticked draft is not on the chart, the agreement is
    tab._select_row(model.row_of(first))
    views = tab.views
    views.setCurrentIndex(
        next(i for i in range(views.count()) if views.widget(i).isAncestorOf(tab.chart))
    )
    qtbot.wait(30)
    assert model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    drawn = {series.key for series in tab.chart._lines}
    assert first in drawn
    assert draft.id not in drawn
    agreed = model.index(model.row_of(first), 0).data(Qt.ItemDataRole.ToolTipRole) or ""
    assert undrawn[lang] not in agreed
