"""What each command and the window run with: data dir, the day taken as today, language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ashore.paths import DataDir

LANGUAGES: tuple[str, ...] = ("en", "zh_CN")


@dataclass(frozen=True)
class Context:
    data: DataDir
    today: date
    lang: str = "en"
