"""The thread that hashes and copies an evidence file into the store, with progress and Cancel.

Only the copy runs here (no database work): the pane links the stored file to its note back on
the main thread. A cancelled copy removes its temporary file, so nothing half-written remains.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from ashore.app.errors import AshoreError
from ashore.services.notes import Notes, StoredFile
from ashore.store.evidence import Cancelled
from ashore.ui.messages import error_detail


class AttachThread(QThread):
    """Copies one file; emits ``progress(done, total)`` then exactly one of the three endings."""

    progress = Signal(int, int)
    stored = Signal(object)  # services.notes.StoredFile
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, notes: Notes, source: Path, note_id: str) -> None:
        super().__init__()
        self.notes = notes
        self.source = Path(source)
        self.note_id = note_id
        self._stop = threading.Event()
        self.result: StoredFile | None = None  # set before ``stored`` is emitted

    def cancel(self) -> None:
        """Ask the copy to stop at the next chunk (thread-safe)."""
        self._stop.set()

    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def run(self) -> None:
        try:
            result = self.notes.store(
                self.source,
                progress=lambda done, total: self.progress.emit(done, total),
                cancelled=self._stop.is_set,
            )
        except Cancelled:
            self.cancelled.emit()
        except AshoreError as error:
            self.failed.emit(error_detail(error))
        except OSError as error:  # pragma: no cover - EvidenceStore.add maps these to DataError
            self.failed.emit(f"{self.source}: {error.strerror}")
        else:
            if self._stop.is_set():
                # Cancelled after the last chunk: undo a copy nothing will point at.
                if result.new:
                    self.notes.db.evidence.discard(result.sha256)
                self.cancelled.emit()
            else:
                self.result = result
                self.stored.emit(result)
