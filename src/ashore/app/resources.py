"""Find Ashore's bundled resources (icons, fonts, sample data, translations), in a checkout, an
installed package, or a PyInstaller bundle alike."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    """The folder that holds ``resources/``'s contents.

    In a PyInstaller bundle it is ``<sys._MEIPASS>/resources``; from a source checkout (also an
    editable install) it is the repository's ``resources/`` folder.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[3] / "resources"


def resource_path(*parts: str) -> Path:
    """The path of one resource, e.g. ``resource_path("sample", "sample.json")``."""
    return resources_root().joinpath(*parts)
