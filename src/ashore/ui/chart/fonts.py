"""The chart's fonts: matplotlib draws Latin from DejaVu Sans and Chinese from the first installed
CJK family, or from the one Ashore ships.
"""

from __future__ import annotations

import warnings

import matplotlib
from matplotlib import font_manager

# Families with Chinese glyphs that are common on Linux, Windows and macOS, best first.
_CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimHei",
    "Droid Sans Fallback",
    "Arial Unicode MS",
)
_fonts_ready = False


def cjk_font_family() -> str | None:
    """The first installed font family that has Chinese glyphs, or None."""
    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((family for family in _CJK_FAMILIES if family in installed), None)


def bundled_cjk_family() -> str | None:
    """Add the CJK font Ashore ships (resources/fonts, as the PDF reports use) to matplotlib.

    Returns its family name, or None when the file is missing (a broken install).
    """
    from ashore.app.resources import resource_path

    path = resource_path("fonts", "wqy-microhei.ttc")
    if not path.is_file():
        return None
    font_manager.fontManager.addfont(str(path))
    return str(font_manager.get_font(str(path)).family_name)


def _setup_fonts() -> None:
    # matplotlib falls back glyph by glyph along the family list (3.6+): Latin from DejaVu Sans,
    # Chinese from the CJK family. Set once, on the process's rcParams: the chart is the only
    # matplotlib user in Ashore.
    global _fonts_ready
    if _fonts_ready:
        return
    _fonts_ready = True
    family = cjk_font_family() or bundled_cjk_family()
    if family is not None:
        # Fallback runs along font.family itself (a generic "sans-serif" resolves to one font).
        matplotlib.rcParams["font.family"] = ["DejaVu Sans", family]
    else:
        # Without a CJK font the labels still draw (as boxes); don't let it fail or spam the log.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
    matplotlib.rcParams["axes.unicode_minus"] = False  # U+2212 is missing from some CJK fonts
