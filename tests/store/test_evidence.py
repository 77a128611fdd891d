"""The evidence store keeps files byte for byte, once, read-only, under their SHA-256."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import pytest

from ashore.app.errors import InputError
from ashore.store.evidence import Cancelled, EvidenceStore


def test_put_file_stores_once_read_only(tmp_path: Path) -> None:
    content = bytes(range(256)) * 5000  # more than one read chunk
    source = tmp_path / "call.m4a"
    source.write_bytes(content)
    store = EvidenceStore(tmp_path / "evidence")
    sha = store.put_file(source)
    assert sha == hashlib.sha256(content).hexdigest()
    stored = store.path_for(sha)
    assert stored == tmp_path / "evidence" / sha[:2] / sha
    assert stored.read_bytes() == content
    assert stat.S_IMODE(stored.stat().st_mode) == 0o400
    assert store.add(source) == (sha, False)
    assert store.stored() == [sha]
    assert store.verify(sha) is None
    assert [p.name for p in stored.parent.iterdir()] == [sha]  # no temp files left


def test_verify_names_a_changed_or_missing_file(tmp_path: Path) -> None:
    source = tmp_path / "a.png"
    source.write_bytes(b"\x89PNG picture")
    store = EvidenceStore(tmp_path / "evidence")
    sha = store.put_file(source)
    stored = store.path_for(sha)
    stored.chmod(0o600)
    stored.write_bytes(b"\x89PNG pictury")
    assert "content changed" in (store.verify(sha) or "")
    # Putting the original again repairs the damaged copy.
    assert store.add(source) == (sha, False)
    assert store.verify(sha) is None
    stored.unlink()
    assert store.verify(sha) == "the stored file is missing"


def test_missing_source_and_bad_hash(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    with pytest.raises(InputError, match="no such file"):
        store.put_file(tmp_path / "nope.wav")
    with pytest.raises(InputError, match="not a SHA-256"):
        store.path_for("../../etc/passwd")


def test_add_reports_each_chunk_and_a_cancel_leaves_nothing(tmp_path: Path) -> None:
    content = bytes(range(256)) * 4096 * 3  # three read chunks of 1 MiB
    source = tmp_path / "long-call.wav"
    source.write_bytes(content)
    store = EvidenceStore(tmp_path / "evidence")
    seen: list[tuple[int, int]] = []
    sha, new = store.add(source, progress=lambda done, total: seen.append((done, total)))
    assert (sha, new) == (hashlib.sha256(content).hexdigest(), True)
    size = len(content)
    assert seen == [(size // 3, size), (2 * size // 3, size), (size, size)]
    other = tmp_path / "other.wav"
    other.write_bytes(content[::-1])
    with pytest.raises(Cancelled):
        store.add(other, progress=lambda done, total: None, cancelled=lambda: True)
    assert store.stored() == [sha]
    assert [p.name for p in store.root.iterdir() if p.is_file()] == []  # no temporary copy left


def test_add_names_the_field_of_a_file_it_cannot_read(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "evidence")
    with pytest.raises(InputError, match=r"^file: .*missing\.wav: no such file$"):
        store.add(tmp_path / "missing.wav", field="file")
    with pytest.raises(InputError, match=r"^file: .*: is not a plain file$"):
        store.add(tmp_path, field="file")
