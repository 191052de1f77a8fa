"""The catalogue: one line per meeting, for the meetings list, in an SQLite file.

``catalogue.sqlite`` (the standard library's ``sqlite3``) holds each meeting's line: its id,
group, title, start and end, and the key the list is sorted by. It is only an index: every line
is worked out from the meeting files. The archive puts it right when it is behind them (after a
crash between the two writes of a save, or files copied in), and builds it again from them when
it is missing or will not open (``storage/archive.py``).

Why SQLite here, when every other file is JSON: the first screen wants the newest hundred lines
and how many there are. A JSON catalogue has to be read and decoded whole for that (20,000
meetings: 4.5 MB, about 60 ms and 20 MB of memory), so a big archive used to keep a copy of its
first page on a clean close, which a crash lost. SQLite reads a few pages, after a clean close
or a crash alike, and its journal makes each change whole and durable (``synchronous=FULL``): a
crash leaves the old lines or the new ones, never half.

With the lines it keeps ``agrees_as_of`` (in a table ``meta``, changed in the same transaction):
a time such that every meeting file last written a tick or more before it agrees with the
catalogue. The archive reads again the meeting files written since (``Archive._heal_catalogue``).
The file's own modified time would not do: a change cut short by a crash moves it, and SQLite
then undoes the change. A catalogue made afresh has no such time until it has been filled.

The format version is SQLite's ``user_version``. A newer one is refused as for any other file; an
older one is made afresh from the meeting files (it holds nothing else).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable, Iterator

from coprod_meet.storage.durable import FILE_MODE, CorruptFile, SaveFailed
from coprod_meet.storage import schema

CATALOGUE_FILE = "catalogue.sqlite"
FIELDS = ("id", "group_id", "group_name", "title", "start", "end")
DAMAGED = "it is damaged, or is not a catalogue"
CANNOT_OPEN = ("The archive's list of meetings (catalogue.sqlite) could not be opened; check the archive "
               "folder and its permissions, and that no other program has it open.")
CANNOT_READ = ("The meetings list could not be read from the disk; please try again, and check the disk "
               "if it keeps happening.")
CANNOT_SAVE = ("The last change could not be saved to disk; please try again, and check the disk if it "
               "keeps happening.")
_COLUMNS = ", ".join(f'"{f}"' for f in FIELDS)
_NEWEST = f'SELECT {_COLUMNS} FROM meetings ORDER BY sort DESC, id DESC'


def local_time(text: str) -> datetime:
    """A stored date and time; one written with a time zone (by another tool) in local time."""
    when = datetime.fromisoformat(text)
    return when.astimezone().replace(tzinfo=None) if when.tzinfo is not None else when


def sort_key(start: Any) -> str:
    """What a line is sorted by: its start in local time, as text (which sorts as time does);
    a start that is not a date comes last."""
    try:
        return local_time(start).isoformat()
    except (TypeError, ValueError, OverflowError):  # (a time zone past the calendar's edge)
        return ""


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _plain(path: Path, error: sqlite3.DatabaseError, otherwise: str) -> Exception:
    """``CorruptFile`` when SQLite found the file damaged; otherwise (the disk full or failing,
    the file busy for too long) the plain sentence ``otherwise``, the file left as it is."""
    code = getattr(error, "sqlite_errorcode", None)  # not set on errors Python's sqlite3 raises itself
    if code is None or code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return CorruptFile(path, DAMAGED)  # (such as text that is not UTF-8)
    if code & 0xFF == sqlite3.SQLITE_FULL:
        return SaveFailed("The disk is full, so the last change was not saved; free some space and try again.")
    return SaveFailed(otherwise)


def normalised(summary: dict[str, Any]) -> dict[str, Any]:
    """A meeting's line as the catalogue keeps it (text in every field)."""
    return {f: _text(summary.get(f)) for f in FIELDS}


class Catalogue:
    """The catalogue of one archive. Safe to use from the save threads and the screen alike.

    The file is opened for each use and closed after it, so no file stays open for the run
    (a copy or a backup tool sees it whole, and a failing disk is found at the next use).

    ``only_read``: the file is opened read-only and never changed; a change (the catalogue put
    right to agree with the meeting files) is made to a copy in memory. A path that does not
    exist then gives an empty catalogue in memory.

    Raises ``CorruptFile`` for a file that is not a sound catalogue and ``SchemaTooNew`` for one
    written by a newer coprod-meet.
    """

    def __init__(self, path: Path, *, only_read: bool = False) -> None:
        self.path = path
        self._only_read = only_read
        self._lock = threading.RLock()
        self._memory: sqlite3.Connection | None = None  # the copy in memory, open only to read
        if only_read and not path.exists():
            self._memory = sqlite3.connect(":memory:", check_same_thread=False)
        elif not only_read:
            # Made private before SQLite opens it (its journal takes the same permissions).
            fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
            try:
                os.fchmod(fd, FILE_MODE)
            finally:
                os.close(fd)
        self.agrees_as_of: int | None = None
        with self._lock, self._connection(CANNOT_OPEN) as db:
            version, current = db.execute("PRAGMA user_version").fetchone()[0], schema.SCHEMA_VERSION
            if version > current:
                raise schema.too_new(self.path, version)
            tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            # Read now, so a file cut short is found at once.
            if {"meetings", "meta"} <= tables and version == current:
                db.execute(_NEWEST + " LIMIT 1").fetchall()
                db.execute("SELECT count(*) FROM meetings").fetchall()
                row = db.execute("SELECT value FROM meta WHERE key = 'agrees_as_of'").fetchone()
                self.agrees_as_of = row[0] if row and isinstance(row[0], int) else None
                return
        # New, or of an older format: made afresh with no stamp, so it vouches for nothing
        # until it has been filled from the meeting files (a fill cut short is made again).
        self._change_with(lambda db: (
            db.execute("DROP TABLE IF EXISTS meetings"),
            db.execute("DROP TABLE IF EXISTS meta"),
            db.execute("CREATE TABLE meetings (id TEXT PRIMARY KEY, group_id TEXT, group_name TEXT, "
                       "title TEXT, start TEXT, \"end\" TEXT, sort TEXT) WITHOUT ROWID"),
            db.execute("CREATE INDEX newest ON meetings (sort DESC, id DESC)"),
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value)"),
            db.execute(f"PRAGMA user_version = {current}"),
        ), CANNOT_OPEN)

    @contextmanager
    def _connection(self, otherwise: str) -> Iterator[sqlite3.Connection]:
        """A connection for one use; SQLite's errors become ``CorruptFile`` or a plain sentence."""
        try:
            if self._memory is not None:
                yield self._memory
                return
            if self._only_read:
                db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
            else:
                db = sqlite3.connect(self.path, timeout=10)
                db.execute("PRAGMA synchronous = FULL")
            try:
                yield db
            finally:
                db.close()
        except sqlite3.DatabaseError as error:
            raise _plain(self.path, error, otherwise) from None

    def _change_with(self, change: Any, otherwise: str) -> None:
        """One change, whole: on disk when this returns (in memory when open only to read)."""
        with self._lock:
            if self._only_read and self._memory is None:
                copy = sqlite3.connect(":memory:", check_same_thread=False)
                with self._connection(otherwise) as db:
                    db.backup(copy)
                self._memory = copy
            with self._connection(otherwise) as db:
                with db:  # one transaction
                    change(db)

    # -- reading (each raises ``CorruptFile`` when SQLite finds the file damaged) ---------

    def newest(self) -> list[dict[str, Any]]:
        """Every line, newest first (by start, then id)."""
        return [dict(zip(FIELDS, row)) for row in self._query(_NEWEST)]

    def first(self, limit: int) -> tuple[list[dict[str, Any]], int]:
        """The newest ``limit`` lines, and how many lines there are, read together."""
        with self._lock, self._connection(CANNOT_READ) as db:
            db.execute("BEGIN")  # both from the same state, should the app be writing
            rows = db.execute(_NEWEST + " LIMIT ?", (limit,)).fetchall()
            count = db.execute("SELECT count(*) FROM meetings").fetchone()[0]
            db.execute("COMMIT")
        return [dict(zip(FIELDS, row)) for row in rows], count

    def lines(self, meeting_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The lines of these meetings (those it has), by meeting id, read at once."""
        ids = list(meeting_ids)
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(ids), 500):  # (SQLite takes so many values in one query)
            chunk = ids[start:start + 500]
            sql = f"SELECT {_COLUMNS} FROM meetings WHERE id IN ({', '.join('?' * len(chunk))})"
            found.update((row[0], dict(zip(FIELDS, row))) for row in self._query(sql, tuple(chunk)))
        return found

    def ids(self) -> set[str]:
        return {meeting_id for (meeting_id,) in self._query("SELECT id FROM meetings")}

    def _query(self, sql: str, values: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock, self._connection(CANNOT_READ) as db:
            return db.execute(sql, values).fetchall()

    def problem(self) -> str | None:
        """What is wrong with the file, in words, or None when SQLite finds it sound."""
        try:
            found = [row[0] for row in self._query("PRAGMA quick_check")]
        except CorruptFile:
            return DAMAGED
        return None if found == ["ok"] else DAMAGED

    # -- changing -------------------------------------------------------------------------

    def change(self, *, put: Iterable[dict[str, Any]] = (), remove: Iterable[str] = (), clear: bool = False,
               as_of: int | None = None) -> None:
        """One change, whole, on disk when this returns: all lines removed first (``clear``),
        the lines of ``remove`` (meeting ids) taken out, those of ``put`` added or replaced (by
        id). ``as_of``: a time (``time.time_ns()``) such that every meeting file last written a
        tick or more before it agrees with the catalogue; kept with the lines, so a change
        undone by a crash takes its time with it (see ``Archive._heal_catalogue``)."""
        rows = [tuple(_text(line.get(f)) for f in FIELDS) + (sort_key(line.get("start")),) for line in put]
        ids = [(m,) for m in remove]
        if not (rows or ids or clear or as_of is not None):
            return

        def write(db: sqlite3.Connection) -> None:
            if clear:
                db.execute("DELETE FROM meetings")
            db.executemany("DELETE FROM meetings WHERE id = ?", ids)
            db.executemany(f"INSERT OR REPLACE INTO meetings ({_COLUMNS}, sort) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            if as_of is not None:
                db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('agrees_as_of', ?)", (as_of,))

        self._change_with(write, CANNOT_SAVE)
        if as_of is not None:
            self.agrees_as_of = as_of

    def close(self) -> None:
        with self._lock:
            if self._memory is not None:
                self._memory.close()
                self._memory = None
