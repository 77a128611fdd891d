"""How long a WAV recording lasts, read from its header alone (exact to the sample, no Qt).

Other formats need a media backend: the window and the commands hand one in (``ashore.ui.audio.
probe.probe_duration_ms``) to whatever measures a recording; without it only WAV is measured.
"""

from __future__ import annotations

import os
import struct
import wave
from pathlib import Path
from typing import BinaryIO


def wav_duration_ms(path: Path | str) -> int | None:
    """The length of the WAV recording at ``path`` in whole milliseconds (half-up), or None when
    it is not a file or not a RIFF/WAVE file this can read."""
    path = Path(path)
    if not path.is_file():
        return None
    frames_rate = _wav_frames_and_rate(path)
    if frames_rate is None:
        return None
    frames, rate = frames_rate
    return ms_half_up(frames, rate)


def ms_half_up(frames: int, rate: int) -> int:
    # Integer arithmetic: frames * 1000 / rate rounded half-up, never through float.
    return (frames * 2000 + rate) // (2 * rate)


def _wav_frames_and_rate(path: Path) -> tuple[int, int] | None:
    """(sample frames, sample rate) of a RIFF/WAVE file, or None if it is not one we can read."""
    try:
        with wave.open(str(path), "rb") as wav:
            rate = wav.getframerate()
            if rate > 0:
                return wav.getnframes(), rate
    except (wave.Error, EOFError, OSError):
        pass
    # Python 3.11's wave reads plain PCM only; float and WAVE_FORMAT_EXTENSIBLE files (common from
    # phone recorders) still say their length in the fmt and data chunks.
    return _riff_frames_and_rate(path)


def _riff_frames_and_rate(path: Path) -> tuple[int, int] | None:
    try:
        with path.open("rb") as stream:
            head = stream.read(12)
            if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
                return None
            return _riff_chunks(path, stream)
    except OSError:
        return None


def _riff_chunks(path: Path, stream: BinaryIO) -> tuple[int, int] | None:
    """Walk the chunks after the RIFF header: the frames of ``data`` at the ``fmt `` rate."""
    rate = block_align = 0
    while True:
        chunk = stream.read(8)
        if len(chunk) < 8:
            return None
        name, size = chunk[:4], struct.unpack("<I", chunk[4:])[0]
        if name == b"fmt ":
            fmt = stream.read(size)
            if len(fmt) < 16:
                return None
            rate = struct.unpack("<I", fmt[4:8])[0]
            block_align = struct.unpack("<H", fmt[12:14])[0]
            if size % 2:
                stream.seek(1, os.SEEK_CUR)
        elif name == b"data":
            if rate <= 0 or block_align <= 0:
                return None
            # A recorder killed mid-call may leave the size unwritten: trust the file.
            available = path.stat().st_size - stream.tell()
            if size in (0, 0xFFFFFFFF) or size > available:
                size = available
            return size // block_align, rate
        else:
            stream.seek(size + (size % 2), os.SEEK_CUR)
