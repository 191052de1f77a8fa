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
    except (TypeError, ValueError):
        return ""


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _plain(path: Path, error: sqlite3.DatabaseError, otherwise: str) -> Exception:
    """``CorruptFile`` when SQLite found the file damaged; otherwise (the disk full or failing,
    the file busy for too long) the plain sentence ``otherwise``, the file left as it is."""
    if error.sqlite_errorcode & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return CorruptFile(path, DAMAGED)
    if error.sqlite_errorcode & 0xFF == sqlite3.SQLITE_FULL:
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
            os.close(os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE))
        self.created = False  # whether its table was made now (a new file, one emptied, or older)
        with self._lock, self._connection(CANNOT_OPEN) as db:
            version, current = db.execute("PRAGMA user_version").fetchone()[0], schema.SCHEMA_VERSION
            if version > current:
                raise schema.too_new(self.path, version)
            tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            # Read now, so a file cut short is found at once.
            if "meetings" in tables and version == current:
                db.execute(_NEWEST + " LIMIT 1").fetchall()
                db.execute("SELECT count(*) FROM meetings").fetchall()
                return
        # New, or of an older format: made afresh, and filled from the meeting files.
        self._change_with(lambda db: (
            db.execute("DROP TABLE IF EXISTS meetings"),
            db.execute("CREATE TABLE meetings (id TEXT PRIMARY KEY, group_id TEXT, group_name TEXT, "
                       "title TEXT, start TEXT, \"end\" TEXT, sort TEXT) WITHOUT ROWID"),
            db.execute("CREATE INDEX newest ON meetings (sort DESC, id DESC)"),
            db.execute(f"PRAGMA user_version = {current}"),
        ), CANNOT_OPEN)
        self.created = True

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

    def count(self) -> int:
        return self._query("SELECT count(*) FROM meetings")[0][0]

    def newest(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Lines newest first (by start, then id): the first ``limit``, or all."""
        rows = self._query(_NEWEST + " LIMIT ?", (limit,)) if limit is not None else self._query(_NEWEST)
        return [dict(zip(FIELDS, row)) for row in rows]

    def first(self, limit: int) -> tuple[list[dict[str, Any]], int]:
        """The newest ``limit`` lines, and how many lines there are, read together."""
        with self._lock, self._connection(CANNOT_READ) as db:
            rows = db.execute(_NEWEST + " LIMIT ?", (limit,)).fetchall()
            count = db.execute("SELECT count(*) FROM meetings").fetchone()[0]
        return [dict(zip(FIELDS, row)) for row in rows], count

    def line(self, meeting_id: str) -> dict[str, Any] | None:
        rows = self._query(f"SELECT {_COLUMNS} FROM meetings WHERE id = ?", (meeting_id,))
        return dict(zip(FIELDS, rows[0])) if rows else None

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

    def put(self, lines: Iterable[dict[str, Any]]) -> None:
        """Add or replace lines (by id), all in one change that is on disk when this returns."""
        rows = [tuple(_text(line.get(f)) for f in FIELDS) + (sort_key(line.get("start")),) for line in lines]
        if rows:
            sql = f"INSERT OR REPLACE INTO meetings ({_COLUMNS}, sort) VALUES (?, ?, ?, ?, ?, ?, ?)"
            self._change_with(lambda db: db.executemany(sql, rows), CANNOT_SAVE)

    def remove(self, meeting_ids: Iterable[str]) -> None:
        ids = [(m,) for m in meeting_ids]
        if ids:
            self._change_with(lambda db: db.executemany("DELETE FROM meetings WHERE id = ?", ids), CANNOT_SAVE)

    def close(self) -> None:
        with self._lock:
            if self._memory is not None:
                self._memory.close()
                self._memory = None
