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


def test_a_window_opened_and_closed_leaves_nothing_readable_by_others(
    qtbot, ctx, make_window
) -> None:
    from ashore.services import Ledger

    ledger = Ledger.open(ctx.data)
    try:
        ledger.load_sample()
        window = make_window(ledger)
        window.open_loan("jb-2026-01")
        window.close()  # writes the window's place and the last loan to settings.ini
        assert "jb-2026-01" in ctx.data.settings.read_text(encoding="utf-8")
        assert ctx.data.tighten() == []  # the next start has nothing to make private
    finally:
        ledger.close()
