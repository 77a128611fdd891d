"""The window's settings.ini is private from its first write (issue 13, item 22): no start then
finds it readable by others and says it made it private."""

from __future__ import annotations

import stat

from ashore.app.paths import DataDir
from ashore.ui.app import open_settings


def _mode(data: DataDir) -> int:
    return stat.S_IMODE(data.settings.stat().st_mode)


def test_settings_are_written_0600_and_stay_so_over_rewrites(data_dir: DataDir) -> None:
    settings = open_settings(data_dir)
    settings.setValue("window/size", "1280x800")
    settings.sync()
    assert data_dir.settings.read_text(encoding="utf-8").count("1280x800") == 1
    assert _mode(data_dir) == 0o600
    settings.setValue("window/last_loan", "jb-2026-01")  # Qt writes a new file and renames it
    settings.sync()
    assert "jb-2026-01" in data_dir.settings.read_text(encoding="utf-8")
    assert _mode(data_dir) == 0o600


def test_a_settings_file_left_readable_is_made_private_when_opened(data_dir: DataDir) -> None:
    data_dir.root.mkdir(parents=True, exist_ok=True)
    data_dir.settings.write_text("[window]\nsize=1280x800\n", encoding="utf-8")
    data_dir.settings.chmod(0o644)
    settings = open_settings(data_dir)
    assert _mode(data_dir) == 0o600
    assert settings.value("window/size") == "1280x800"
