"""store.media: a WAV recording's length from its header alone, below the ui and without Qt."""

from __future__ import annotations

import struct
import wave
from pathlib import Path

from ashore.store.media import ms_half_up, wav_duration_ms


def write_wav(path: Path, frames: int, rate: int = 8000) -> Path:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(b"\x01\x02" * frames)
    return path


def test_wav_duration_is_exact_to_the_ms_half_up(tmp_path: Path) -> None:
    # frames * 1000 / rate: 2500 exactly, 1543.125 -> 1543, 1000.5 -> 1001, 999.875 -> 1000
    assert wav_duration_ms(write_wav(tmp_path / "a.wav", 20_000)) == 2500
    assert wav_duration_ms(write_wav(tmp_path / "b.wav", 12_345)) == 1543
    assert wav_duration_ms(write_wav(tmp_path / "c.wav", 8004)) == 1001
    assert wav_duration_ms(write_wav(tmp_path / "d.wav", 7999)) == 1000
    assert wav_duration_ms(write_wav(tmp_path / "e.wav", 0)) == 0
    assert (ms_half_up(1, 2000), ms_half_up(3, 2000)) == (1, 2)  # 0.5 -> 1, 1.5 -> 2


def test_a_float_wav_is_read_from_its_chunks(tmp_path: Path) -> None:
    # 32-bit float (format 3): Python 3.11's wave refuses it, the fmt and data chunks still tell
    frames, rate = 24_000, 16_000
    data = struct.pack(f"<{frames}f", *([0.25] * frames))
    fmt = struct.pack("<HHIIHH", 3, 1, rate, rate * 4, 4, 32)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt
    body += b"data" + struct.pack("<I", len(data)) + data
    path = tmp_path / "float.wav"
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    assert wav_duration_ms(path) == 1500


def test_anything_but_a_wav_file_has_no_length_here(tmp_path: Path) -> None:
    mp3 = tmp_path / "call.mp3"
    mp3.write_bytes(b"ID3\x03\x00" + b"\x00" * 500)
    assert wav_duration_ms(mp3) is None  # other formats need the window's probe
    assert wav_duration_ms(tmp_path / "missing.wav") is None
    assert wav_duration_ms(tmp_path) is None
