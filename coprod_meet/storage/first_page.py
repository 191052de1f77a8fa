"""The first page of the meetings list, kept in its own small file so a big archive opens fast.

``first-page.json`` holds the newest meetings' catalogue lines (newest first), how many meetings
there are, and a stamp: the sizes and modified times of the catalogue, the decisions index and
the meetings folder at the moment it was written. Every write of a meeting file moves the
folder's time, so a stamp that still matches proves nothing has changed since, and the first
screen can be shown without reading the whole catalogue (20,000 lines) or looking at each file.

It is only a copy. It is written when the archive is closed cleanly (everything saved, nothing
to catch up, nothing to report), and removed as soon as an archive opened through it, so a crash
during that run always leads to a full open next time. A missing, stale or damaged first page
just means a full open; it is never reported and never needed for anything to be correct.
"""

from __future__ import annotations

import os
import time
import re
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any, Sequence

from coprod_meet.storage.durable import CorruptFile, atomic_write, decode, encode, fsync_folder

FIRST_PAGE_FILE = "first-page.json"
FIRST_PAGE_LINES = 200  # two screens' worth of rows (the meetings list adds 100 at a time)
FORMAT = 1
KIND = "first-page"
SETTLED_NS = 2_000_000_000

_PLAIN_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?")


def plain_line(line: dict[str, Any]) -> bool:
    """Whether a catalogue line's start (and end) are dates and times as this app writes them,
    with no time zone (``2026-03-12T10:00:00``), so that text order is time order, and its id
    is text."""
    start, end = line.get("start"), line.get("end") or line.get("start")
    return (isinstance(start, str) and isinstance(end, str) and isinstance(line.get("id"), str)
            and _PLAIN_TIME.fullmatch(start) is not None and _PLAIN_TIME.fullmatch(end) is not None)


def newest_first(lines: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """Catalogue lines newest first (by start, then id), or None when some line's dates are not
    in the app's own form and must be read as dates to be put in order."""
    if not all(plain_line(line) for line in lines):
        return None
    return sorted(lines, key=itemgetter("start", "id"), reverse=True)


def stamp(root: Path, meetings: str) -> list[Any]:
    """What must not have changed for a first page to still be true: the name, file number
    (inode), size and modified time of every file of the archive's own folder (catalogue,
    indexes, groups), and the modified time of the meetings folder.

    Those files are only ever replaced whole, by a new file, so a new file number shows a write
    even within one tick of the file system's clock."""
    out: list[Any] = []
    with os.scandir(root) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.name.endswith(".json") and entry.name != FIRST_PAGE_FILE and entry.is_file():
                info = entry.stat()
                out.append([entry.name, info.st_ino, info.st_size, info.st_mtime_ns])
    out.append(os.stat(root / meetings).st_mtime_ns)
    return out


def settled(current: list[Any]) -> bool:
    """Whether the meetings folder last changed long enough ago that any later change must move
    its modified time (file systems keep times in ticks of up to 2 seconds)."""
    return current[-1] < time.time_ns() - SETTLED_NS


@dataclass(frozen=True)
class FirstPage:
    lines: list[dict[str, Any]]  # the newest catalogue lines, newest first
    count: int  # how many meetings the whole list has


def take(root: Path, expected: list[Any], schema: int) -> FirstPage | None:
    """The first page if its stamp matches ``expected`` and it was written by an app with the
    same ``schema`` (a newer app's files must be refused at open, as usual); it is removed
    either way, so it can vouch for this one open only."""
    path = root / FIRST_PAGE_FILE
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        path.unlink()
        fsync_folder(root)  # gone for good before anything else is written
    except Exception:  # noqa: BLE001 - it could not be removed, so it must not be trusted
        return None
    try:
        tables = decode(path, raw)
        meta = tables["_meta"]["1"]
        rows = tables.get("lines", {})
        lines = [rows[str(n)] for n in range(1, len(rows) + 1)]
        count = meta["count"]
        if (meta.get("kind") != KIND or meta.get("format") != FORMAT or meta.get("stamp") != expected
                or meta.get("schema") != schema
                or not isinstance(count, int) or len(lines) > count
                or not all(isinstance(line, dict) and plain_line(line) for line in lines)):
            return None
        return FirstPage(lines, count)
    except (CorruptFile, LookupError, TypeError, AttributeError):
        return None


def write(root: Path, ordered: Sequence[dict[str, Any]], count: int, current: list[Any], schema: int) -> None:
    """Write the first page of ``ordered`` (the whole list, newest first) with its stamp, in the
    same shape as every other file of the archive (tables of numbered documents)."""
    meta = {"kind": KIND, "format": FORMAT, "schema": schema, "stamp": current, "count": count}
    lines = {str(n): dict(line) for n, line in enumerate(ordered[:FIRST_PAGE_LINES], start=1)}
    atomic_write(root / FIRST_PAGE_FILE, encode({"_meta": {"1": meta}, "lines": lines}))
