"""Which meetings are running or have ended, in one small file (``status.json``) so the meetings
list can mark each one planned / running / ended without reading every meeting's log.

The file is only a quick index: the logs are the truth. When it is missing or cannot be read,
``StatusBook.load`` returns None and the service builds it again from the logs.
"""

from __future__ import annotations

import threading
from pathlib import Path

from coprod_meet.storage.durable import CorruptFile, atomic_write, decode, encode

STATUS_FILE = "status.json"
PLANNED, RUNNING, ENDED = "planned", "running", "ended"


def status_from_types(types: list[str], *, started: str = "meeting_started", ended: str = "meeting_ended") -> str:
    """planned, running or ended, from the types of a meeting's events."""
    if ended in types:
        return ENDED
    return RUNNING if started in types else PLANNED


class StatusBook:
    """meeting id -> "running" or "ended" (planned meetings are not listed)."""

    def __init__(self, root: Path) -> None:
        self.path = Path(root) / STATUS_FILE
        self._lock = threading.Lock()
        self._data: dict[str, str] | None = None

    def _read(self) -> dict[str, str] | None:
        try:
            table = decode(self.path, self.path.read_bytes()).get("status", {})
        except (OSError, CorruptFile):
            return None
        # Stored as one line of ids per status: a big archive's file reads in a moment.
        return {m: status for status in (RUNNING, ENDED) for m in str(table.get(status, "")).split()}

    def load(self) -> dict[str, str] | None:
        with self._lock:
            if self._data is None:
                self._data = self._read()
            return None if self._data is None else dict(self._data)

    def put(self, statuses: dict[str, str], *, whole: bool = False) -> None:
        """Note these meetings' statuses (``whole``: they are all there is) and write the file."""
        with self._lock:
            data = {} if whole else dict(self._data if self._data is not None else self._read() or {})
            for meeting_id, status in statuses.items():
                if status == PLANNED:
                    data.pop(meeting_id, None)
                else:
                    data[meeting_id] = status
            if data == self._data and not whole:
                return
            table = {status: " ".join(sorted(m for m, st in data.items() if st == status)) for status in (RUNNING, ENDED)}
            from coprod_meet.storage.archive import SCHEMA_VERSION

            meta = {"1": {"schema": SCHEMA_VERSION, "kind": "status"}}
            atomic_write(self.path, encode({"_meta": meta, "status": table}))
            self._data = data
