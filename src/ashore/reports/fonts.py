"""The one font the PDF reports print with, registered once and embedded, and text made printable.

WenQuanYi Micro Hei (bundled under resources/fonts) covers Latin and Chinese, so a lender called
借呗 prints the same on any machine; characters it lacks (most emoji) become a visible box instead
of an invisible .notdef glyph that breaks text extraction. Its quotation marks are full-width,
as Chinese wants: an English document sets them in a Latin face (``latin_marks``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from ashore.app.errors import DataError
from ashore.app.resources import resource_path

FONT = "AshoreSans"
# The same file's monospaced face (WenQuanYi Micro Hei Mono): for values read character by
# character, such as a file's SHA-256.
MONO = "AshoreMono"
FONT_FILE = ("fonts", "wqy-microhei.ttc")
MISSING = "□"
# The Latin face an English document's quotation marks are set in: the CJK font draws them
# full-width, as Chinese text wants (“借呗” reads right, “Feb 2026 loan” read with wide gaps).
# Bitstream Vera Sans, shipped with reportlab (and collected into the bundle with its fonts).
LATIN = "AshoreLatin"
LATIN_FILE = "Vera.ttf"
LATIN_MARKS = "‘’‚‛“”„‟"
_LATIN_RUN = re.compile(f"[{LATIN_MARKS}]+")


def font_path() -> Path:
    """Where the bundled font lives (a checkout's resources/ or the frozen bundle's)."""
    return resource_path(*FONT_FILE)


@functools.cache
def register_fonts() -> str:
    """Register the font with reportlab (once per process) and return its name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = font_path()
    if not path.is_file():
        raise DataError.about(path, "font.missing", "the report font is missing; reinstall Ashore")
    pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    # Paragraph markup maps <b>/<i> through the family; with one face they all resolve to it.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FONT, bold, italic, FONT)
    chinese_line_rules()
    return FONT


@functools.cache
def register_latin() -> str | None:
    """Register the Latin face (once per process) and return its name; None without it (the
    marks are then drawn by the one font, wide but there)."""
    import reportlab
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = Path(reportlab.__file__).parent / "fonts" / LATIN_FILE
    if not path.is_file():
        return None
    pdfmetrics.registerFont(TTFont(LATIN, str(path)))
    # <b>/<i> around a mark resolve to the one face, as the main font's do
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(LATIN, bold, italic, LATIN)
    return LATIN


def latin_marks(markup: str, lang: str) -> str:
    """Paragraph ``markup`` with its quotation marks set in the Latin face in an English document
    (``lang`` other than zh_CN); a Chinese one keeps the CJK font's marks. Made for escaped text:
    the marks never stand inside a tag."""
    if lang == "zh_CN" or not _LATIN_RUN.search(markup):
        return markup
    name = register_latin()
    if name is None:
        return markup
    return _LATIN_RUN.sub(lambda run: f'<font name="{name}">{run.group(0)}</font>', markup)


# Chinese punctuation that never starts a line: reportlab's list (its CJK wrapping) has the
# ASCII forms and "。、）" but not the full-width comma, semicolon, colon, "!" or "?" that Chinese
# text uses, so "；每晚还一天…" could start a line of the calendar's footnote.
CANNOT_START = "，；：！？》〉～…"


def chinese_line_rules() -> None:
    """Teach reportlab's CJK wrapping the closing marks Chinese text uses (once; idempotent)."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    missing = "".join(c for c in CANNOT_START if c not in textsplit.ALL_CANNOT_START)
    if missing:
        rules = textsplit.ALL_CANNOT_START + missing
        for module in (textsplit, paragraph):  # paragraph took its own name for it at import
            setattr(module, "ALL_CANNOT_START", rules)  # noqa: B010 (a constant to mypy)


@functools.cache
def register_mono() -> str:
    """Register the bundled monospaced face (once per process) and return its name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    register_fonts()  # the same file: a missing one is said once, the same way
    pdfmetrics.registerFont(TTFont(MONO, str(font_path()), subfontIndex=1))
    return MONO


@functools.cache
def _covered() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(register_fonts())
    # a TrueType font (the bundled one) knows which characters it has glyphs for
    face = getattr(font, "face", None)
    return frozenset(getattr(face, "charToGlyph", {}))


def printable(value: str) -> str:
    """``value`` with every character the font cannot draw replaced or dropped.

    A newline or tab becomes a space; controls, joiners, variation selectors, combining marks and
    skin-tone modifiers the font lacks are dropped; any other missing character becomes one box (a
    run of them, like an emoji sequence, one box in all).
    """
    covered = _covered()
    out: list[str] = []
    boxed = False  # the last character written was a box standing for missing ones
    for ch in value:
        code = ord(ch)
        if ch in "\r\n\t":
            out.append(" ")
            boxed = False
        elif (
            unicodedata.category(ch) in ("Cc", "Cf", "Cs")
            or 0xFE00 <= code <= 0xFE0F
            or 0x1F3FB <= code <= 0x1F3FF
        ):
            continue  # invisible: controls, joiners, variation selectors, skin tones
        elif code in covered:
            out.append(ch)
            boxed = False
        elif unicodedata.category(ch) in ("Mn", "Me"):
            continue  # a combining mark the font lacks: keep the base letter alone
        elif not boxed:
            out.append(MISSING)
            boxed = True
    return "".join(out)
