"""The opt-in autostart entry: off by default, written under the test's own XDG config dir with
the tray option, removed again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ashore.app import autostart


def test_off_by_default_written_and_removed() -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"])  # the test's own HOME (conftest)
    path = config / "autostart" / "io.github.ashore.Ashore.desktop"
    assert autostart.entry_path() == path
    assert not autostart.is_enabled()
    written = autostart.enable(["/opt/Ashore Folder/ashore"])
    assert written == path
    assert autostart.is_enabled()
    text = path.read_text(encoding="utf-8")
    assert "Exec='/opt/Ashore Folder/ashore' --tray\n" in text
    assert "Type=Application\n" in text
    autostart.enable(["/usr/bin/ashore"])  # again: replaced, not doubled
    assert "Exec=/usr/bin/ashore --tray\n" in path.read_text(encoding="utf-8")
    assert list(path.parent.iterdir()) == [path]
    autostart.disable()
    assert not path.exists()
    assert not autostart.is_enabled()
    autostart.disable()  # nothing there: no error


def test_without_xdg_config_home_it_goes_under_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME")
    assert autostart.entry_path() == Path.home() / ".config" / "autostart" / (
        "io.github.ashore.Ashore.desktop"
    )
