"""How the notes pane words a note's parts: its channel, its time (local, with the offset when
it differs), a file's size and a recording's length.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from ashore.domain.dates import date_text, offset_text
from ashore.domain.records import Attachment
from ashore.ui.widgets.words import interface_lang


def channel_text(channel: str) -> str:
    def tr(text: str) -> str:
        return QCoreApplication.translate("", text)  # lupdate files these under ""

    names = {
        "phone": tr("Phone"),
        "app_chat": tr("App chat"),
        "sms": tr("SMS"),
        "email": tr("Email"),
        "in_person": tr("In person"),
        "letter": tr("Letter"),
        "other": tr("Other"),
    }
    return names.get(channel, channel)


def _local(value: datetime) -> datetime:
    """A time the app set (written, revised, deleted), shown in this computer's zone."""
    return value.astimezone()


def stamp_text(value: datetime, call: datetime | None = None) -> str:
    """A time the app set, in this computer's zone (the clock's: every stamp is taken with it);
    the zone is named when the call beside it is shown in another, so "written 02:40" never
    reads as earlier than a call at "10:15 (UTC+8)"."""
    local = _local(value)
    # the window's one date style, as the call's time beside it: "Nov 20, 2026 10:40"
    text = f"{date_text(local.date(), interface_lang())} {local:%H:%M}"
    if call is not None and call.utcoffset() != call.astimezone().utcoffset():
        text += f" ({offset_text(local)})"
    return text


def when_text(value: datetime, locale: QLocale) -> str:
    """When a call happened, as the user recorded it (in its own zone, which is named when it is
    not this computer's), so the card reads the same as the exported log."""
    # the window's one date style, with the weekday: "Fri, Nov 20, 2026", "2026年11月20日 周五"
    day = date_text(value.date(), interface_lang(), weekday=True)
    text = f"{day} · {value:%H:%M}"
    # this computer's zone on that day (a summer-time change does not make it "another" zone)
    if value.utcoffset() != value.astimezone().utcoffset():
        text += f" ({offset_text(value)})"
    return text


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def duration_text(ms: int | None) -> str:
    if ms is None:
        return ""
    seconds = ms // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"


def file_details(attachment: Attachment) -> str:
    """How every attached file is described, a recording or a screenshot alike: its size, its
    length when it has one, and the start of its fingerprint ("130.1 KB · SHA-256 c0204f2492a7…");
    the whole fingerprint is the line's tooltip."""
    details = [size_text(attachment.size)]
    if attachment.duration_ms is not None:
        details.append(duration_text(attachment.duration_ms))
    details.append(f"SHA-256 {attachment.sha256[:12]}…")
    return " · ".join(details)
