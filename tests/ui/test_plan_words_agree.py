"""Every place that states the walker's agreement words its installments alike: "23 × 364.70 and a
last 364.67" (8,752.77 in all), never "24 × 364.70" (8,752.80), the walker found in the letter,
the complaint, the calendar, the Guide and the call card while only the Accept question was right;
and the Chinese Accept question has no space after its full stop 。."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ashore.reports.letter import letter_text
from ashore.services import Ledger
from ashore.services import calendars as cal
from ashore.services.complaint import complaint_data
from ashore.services.guide import call_card as guide_card
from ashore.services.guide import letter as guide_letter
from ashore.ui.guide.card import CallCardWindow
from ashore.ui.guide.tab import GuideTab
from reports.walk_book import JB, TODAY, night_call

WORDS = {"en": "23 × 364.70 and a last 364.67", "zh_CN": "23 × 364.70，末期 364.67"}
LUMP = {"en": "one payment of 6,544.10", "zh_CN": "一次性还款 6,544.10"}


def test_every_place_words_the_agreement_alike(qtbot, book: Ledger, proposals_tab, lang) -> None:
    words = WORDS[lang]
    night_call(book, JB)  # a complaint is due
    letter = letter_text(guide_letter.letter_data(book, JB, "p-24", TODAY), lang)
    complaint = "\n".join(complaint_data(book, JB, TODAY, lang=lang).agreed)
    calendar = cal.collect(book, TODAY, [(2026, 12)], [JB], lang).loans[0].plan
    guide = GuideTab(book, TODAY, lang)
    qtbot.addWidget(guide)
    guide.set_loan(JB)

    def label(pid: str) -> str:  # the Guide's "what you ask for" choices
        return guide.ask.itemText(guide.ask.findData(pid))

    card = CallCardWindow(guide_card.call_card(book, JB, TODAY), lang, lambda _loan: "n-x")
    qtbot.addWidget(card)
    ask = card.findChild(QLabel, "askValue")
    assert ask is not None
    tab = proposals_tab(book, JB, lang, size=None)
    accept = tab._agreed_terms(next(p for p in book.loan(JB).proposals if p.id == "p-24"))
    places = {
        "letter": letter,
        "complaint": complaint,
        "calendar": calendar,
        "guide": label("p-24"),
        "call card": ask.text(),
        "accept": accept,
    }
    for place, shown in places.items():
        assert words in shown, place
        assert "24 × 364.70" not in shown, place
        assert "24 monthly" not in shown, place
        assert "分 24 期" not in shown, place
    assert label("p-24") == f"24 months, penalty waived — {words}"
    assert ask.text().startswith(words)
    assert calendar.startswith(("Agreement from Nov 28, 2026: ", "协议自 2026年11月28日 起："))
    # the lump sum alike: the Guide's label says "one payment of", as the letter does
    assert label("p-70") == f"Settle at 70 % — {LUMP[lang]}"
    lump = letter_text(guide_letter.letter_data(book, JB, "p-70", TODAY), lang)
    assert LUMP[lang] in lump.replace("One", "one")


def test_the_chinese_accept_question_has_no_space_after_its_full_stop(
    book: Ledger, proposals_tab, lang
) -> None:
    tab = proposals_tab(book, JB, lang, size=None)
    tab._select_row(tab.list_model.row_of("p-400"))
    terms = tab._agreed_terms(tab.form.original)
    starts = tab.form.base_label.text()
    assert starts
    assert terms.endswith(starts)
    if lang == "zh_CN":
        assert "。 " not in terms
        assert "；共 " in terms
    else:
        assert ". " + starts in terms
