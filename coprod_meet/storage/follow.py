"""Reading a meeting file while another app writes it: for the room view, which never writes.

Nothing here creates, locks, moves or removes a file. The app that runs the meeting replaces the
file whole (``os.replace``), so a file opened here is always one whole version, old or new: the
open file keeps the version it started with even if a newer one replaces it mid-read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from coprod_meet.storage.schema import check_schema
from coprod_meet.storage.durable import decode, is_temp_name

# What says that a file changed: a replaced file is a new inode; an appended one moves on.
Stamp = tuple[int, int, int]


def stamp(path: Path) -> Stamp | None:
    """The file's (inode, modified time, size), or None when it is not there. One stat call."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def read_meeting_file(path: Path) -> tuple[Stamp, dict[str, Any] | None, list[dict[str, Any]]]:
    """One whole version of a meeting file: its stamp, its plan and its events (read-only).

    Raises ``OSError`` when it cannot be read, ``CorruptFile`` when it will not parse and
    ``SchemaTooNew`` when a newer coprod-meet wrote it. A file of an older format is brought up
    to date in memory only.
    """
    with open(path, "rb") as f:
        st = os.fstat(f.fileno())
        raw = f.read()
    tables = check_schema(path, decode(path, raw))
    plan = tables.get("meeting", {}).get("1")
    events = tables.get("events", {})
    return (
        (st.st_ino, st.st_mtime_ns, st.st_size),
        plan if isinstance(plan, dict) else None,
        [e for e in events.values() if isinstance(e, dict)] if isinstance(events, dict) else [],
    )


def meeting_files(root: Path) -> list[tuple[str, Path, int]]:
    """Every meeting file of an archive as (meeting id, path, modified time), newest change first."""
    folder = Path(root) / "meetings"
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.endswith(".json") or is_temp_name(entry.name) or entry.name.startswith("."):
                continue
            try:
                found.append((entry.name[: -len(".json")], Path(entry.path), entry.stat().st_mtime_ns))
            except OSError:
                continue  # replaced or removed while we looked
    found.sort(key=lambda f: f[2], reverse=True)
    return found
