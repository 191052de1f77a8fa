"""The archive: a folder with one TinyDB file per meeting, a catalogue and the groups.

    ARCHIVE/
      catalogue.sqlite      every meeting, one line each, for the meetings list (an SQLite file,
                            so the first screen reads only its first page; see storage/catalogue.py)
      decisions.json        the index of decisions, actions and what keeps them whole, for
      actions.json            search without reading every meeting (each read only when needed;
      record-details.json     see storage/record_index.py)
      groups.json           groups, members and their settings
      meetings/<uuid>.json  one meeting: its plan and its append-only event log
      quarantine/           files that would not parse, moved aside (never overwritten)
      .lock                 held while an app has the archive open

A live event rewrites only its meeting's small file, whatever the size of the archive.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from tinydb import TinyDB
from tinydb.table import Document

from coprod_meet.domain.errors import UserError
from coprod_meet.storage import schema
from coprod_meet.storage.catalogue import CATALOGUE_FILE, Catalogue, normalised
from coprod_meet.storage.schema import SCHEMA_VERSION, SchemaTooNew, check_schema, schema_version
from coprod_meet.storage.lock import ArchiveLock, LockHeld
from coprod_meet.storage.durable import (
    DIR_MODE,
    FILE_MODE,
    IN_MEMORY,
    ONLY_READING,
    REFUSE,
    WRITE,
    CorruptFile,
    DurableStorage,
    OnlyReading,
    SaveFailed,
    atomic_write,
    decode,
    encode,
    ensure_private_dir,
    is_temp_name,
    fsync_folder,
)

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.storage.record_index import RecordIndex

RECORDS_FILE = "records.json"
TICK_NS = 2_000_000_000  # file systems keep modified times in ticks of up to 2 seconds
OLD_CATALOGUE_FILE = "catalogue.json"  # the catalogue before it was SQLite (read once, then removed)
RECORD_TABLES = ("decisions", "actions", "conflicts")
SAVED_AT = "_saved_at"  # in a meeting's plan: when it was last saved on this laptop
# Meeting files written at once when many are saved together (demo, import); their fsyncs overlap.
WRITERS = 8
APP_NAME = "coprod-meet"


class ArchiveBusy(UserError):
    pass


class NotAnArchive(UserError):
    pass


@dataclass
class Problem:
    """Something wrong with one file, in plain words."""

    path: Path
    reason: str
    moved_to: Path | None = None

    def __str__(self) -> str:
        if self.moved_to is not None:
            return (
                f"{self.path.name} could not be read ({self.reason}); it was moved aside to "
                f"{self.moved_to.parent.name}/{self.moved_to.name} and the rest of the archive carries on."
            )
        if self.reason.startswith(self.path.name):
            return f"{self.reason}."
        return f"{self.path.name}: {self.reason}."


@dataclass
class CheckReport:
    files_checked: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def sound(self) -> bool:
        return not self.problems


def default_archive_dir() -> Path:
    """``COPROD_MEET_ARCHIVE`` if set, else the user data folder."""
    env = os.environ.get("COPROD_MEET_ARCHIVE")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "archive"


def _open_db(path: Path, changes: str = WRITE) -> TinyDB:
    return TinyDB(path, storage=DurableStorage, changes=changes)


class RecordFile:
    """One TinyDB file with a ``_meta`` table holding its kind and schema version."""

    def __init__(self, path: Path, kind: str, changes: str = WRITE) -> None:
        self.path = path
        self.kind = kind
        self.db = _open_db(path, changes)
        storage: DurableStorage = self.db.storage  # type: ignore[assignment]
        tables = storage.read()
        if tables is None:
            if changes != REFUSE:
                self.db.table("_meta").insert(Document({"schema": schema.SCHEMA_VERSION, "kind": kind}, doc_id=1))
        elif schema_version(path, tables) != schema.SCHEMA_VERSION:
            # Refuse a newer file; bring an older one up to date and keep it that way on disk
            # (in memory only when the archive is open only to read).
            migrated = check_schema(path, tables)
            if changes == WRITE:
                storage.write(migrated)
            else:
                storage.keep(migrated)

    def table(self, name: str):
        return self.db.table(name, cache_size=0)

    def close(self) -> None:
        self.db.close()


class MeetingFile(RecordFile):
    """One meeting: ``meeting`` (its plan, one document) and ``events`` (the append-only log)."""

    def __init__(self, path: Path, changes: str = WRITE) -> None:
        super().__init__(path, "meeting", changes)

    def meeting(self) -> dict[str, Any] | None:
        doc = self.table("meeting").get(doc_id=1)
        return dict(doc) if doc is not None else None

    def put_meeting(self, data: dict[str, Any]) -> None:
        """Replace the plan (fields left out are gone), stamped with when it was saved (a merge
        keeps the newest plan)."""
        stamped = {**data, SAVED_AT: datetime.now().isoformat(timespec="seconds")}
        table = self.table("meeting")
        if table.contains(doc_id=1):
            table.update(lambda doc: (doc.clear(), doc.update(stamped)), doc_ids=[1])
        else:
            table.insert(Document(stamped, doc_id=1))

    # The events table is kept by the storage directly (not a TinyDB table): an event is
    # appended by encoding just that event, whatever the length of the log.

    @property
    def storage(self) -> DurableStorage:
        return self.db.storage  # type: ignore[return-value]

    def _events(self) -> dict[str, Any]:
        table = (self.storage.read() or {}).get("events", {})
        return table if isinstance(table, dict) else {}

    def events(self) -> list[dict[str, Any]]:
        return [dict(e) for e in self._events().values() if isinstance(e, dict)]

    def event_count(self) -> int:
        return len(self._events())

    def append_event(self, data: dict[str, Any]) -> None:
        self.append_events([data])

    def append_events(self, items: Iterable[dict[str, Any]]) -> None:
        """Add events to the log in one durable write; returns when they are on disk."""
        items = list(items)
        if not items:
            return
        table = self._events()
        last = next(reversed(table), "0")  # ids grow as events are added, so the last is the largest
        first = int(last) + 1 if last.isdigit() else 1
        if any(str(first + n) in table for n in range(len(items))):  # not so in this file
            first = max((int(k) for k in table if k.isdigit()), default=0) + 1
        self.storage.append("events", {str(first + n): dict(e) for n, e in enumerate(items)})

    def remove_event(self, event_id: str) -> bool:
        """Remove one event by its id (for repairs, such as a duplicate after a merge).

        A meeting's log is otherwise append-only: corrections are new events. Returns whether
        an event was removed; when it returns True the removal is on disk.
        """
        keys = [k for k, e in self._events().items() if isinstance(e, dict) and e.get("id") == event_id]
        if not keys:
            return False
        self.storage.remove("events", keys)
        return True


class Archive:
    """An open archive folder, locked for this app's run.

    ``only_read``: opened without the lock, to read while the app has the archive open. Nothing
    is written then: the app replaces every file whole, so each file read is the old one or the
    new one, never half; what would be put right on disk (a catalogue or index behind the meeting
    files) is put right in memory only; a broken file is said but not moved; and any change to
    a meeting or group is refused with a plain sentence (``OnlyReading``).
    """

    def __init__(self, root: Path | str, *, lock: bool = True, only_read: bool = False) -> None:
        self.root = Path(root).expanduser()
        self.only_read = only_read
        lock = lock and not only_read
        if self.root.exists() and not self.root.is_dir():
            raise NotAnArchive(f"{self.root} is a file, not a folder; please give a folder for the archive.")
        try:
            if not (only_read and self.meetings_dir.is_dir()):
                ensure_private_dir(self.root)
                ensure_private_dir(self.meetings_dir)
        except OSError:
            raise NotAnArchive(
                f"The archive folder {self.root} cannot be created or opened; check the path and its permissions."
            ) from None
        self._lock: ArchiveLock | None = None
        if lock:
            self._lock = ArchiveLock(self.root / ".lock", mode=0o600)
            try:
                self._lock.acquire()
            except LockHeld:
                raise ArchiveBusy(
                    "This archive is already open in another coprod-meet; close that one first, "
                    "or choose another folder with --archive."
                ) from None
        self.problems: list[Problem] = []
        self._reported = 0  # how many of the problems a check has reported already
        self._open_meetings: dict[str, MeetingFile] = {}
        # The index of decisions and actions is big; it is read the first time something needs it.
        self._records: RecordIndex | None = None
        self._records_lock = threading.Lock()
        self.catalogue: Catalogue | None = None
        # Every catalogue line, newest first: read when the whole list is first wanted (the
        # first screen reads only its first page), kept until the catalogue changes.
        self._newest: list[dict[str, Any]] | None = None
        # Held while the catalogue, or the lines kept from it, are used or replaced.
        self._catalogue_lock = threading.RLock()
        self._replacing = False  # a damaged catalogue is being made again
        try:
            if not only_read:  # the app's writes in progress are temp files too
                self._remove_temp_files()
            self.groups = self.open_record("groups.json", "groups", changes=REFUSE if only_read else WRITE)
            self._open_catalogue()
        except BaseException:
            self.close()  # e.g. SchemaTooNew: let go of the lock before saying so
            raise

    def _open_catalogue(self) -> None:
        """Open the catalogue and make it agree with the meeting files."""
        path = self.root / CATALOGUE_FILE
        try:
            self.catalogue = Catalogue(path, only_read=self.only_read)
        except CorruptFile as error:
            self.catalogue = self._catalogue_instead_of(path, error.reason)
        self._catalogue_behind = False  # a change to it failed in this run: it vouches for no more
        if not self.only_read:  # a copy of the first page that earlier versions kept: not used now
            (self.root / "first-page.json").unlink(missing_ok=True)
        old = self.root / OLD_CATALOGUE_FILE
        vouches: int | None = self.catalogue.agrees_as_of
        if old.exists():
            # Brought over until it is gone: should this open be cut short, the next one does it again.
            vouches = self._take_old_catalogue()
        changed, _ = self._heal_catalogue(vouches)
        if old.exists() and not self.only_read:
            old.unlink()
        if changed:
            self._open_records(rebuild=True)
        # Otherwise the decisions index catches up by itself when it is opened (meeting files
        # written since it was are read again then).

    def _catalogue_instead_of(self, path: Path, reason: str) -> Catalogue:
        """A new, empty catalogue in place of one that will not open (moved aside and said);
        the meeting files then fill it. Open only to read: said, and kept in memory."""
        self.quarantine(path, reason)
        if self.only_read:
            return Catalogue(self.root / f".{CATALOGUE_FILE}.unreadable", only_read=True)
        # Its journal belongs to the damaged file: SQLite must not play it into the new one.
        path.with_name(path.name + "-journal").unlink(missing_ok=True)
        return Catalogue(path)

    def _take_old_catalogue(self) -> int | None:
        """Archives saved before the catalogue was SQLite kept it in ``catalogue.json`` (and,
        before ``records.json``, the index of decisions and actions in it too): its lines become
        the catalogue's. Returns the time they agreed with the meeting files as of (the file's
        time), or None when it could not be read whole."""
        problems = len(self.problems)
        written = (self.root / OLD_CATALOGUE_FILE).stat().st_mtime_ns
        old = self.open_record(OLD_CATALOGUE_FILE, "catalogue")  # moved aside if it will not parse
        try:
            tables = old.db.storage.read() or {}
        finally:
            old.close()
        self._move_records_out_of(tables)
        lines = tables.get("meetings")
        lines = list(lines.values()) if isinstance(lines, dict) else []
        self.catalogue.change(clear=True, put=[normalised(line) for line in lines
                                               if isinstance(line, dict) and isinstance(line.get("id"), str)])
        return written if len(self.problems) == problems else None

    def newest_lines(self) -> list[dict[str, Any]]:
        """Every catalogue line, newest first (shared: do not change them)."""
        with self._catalogue_lock:
            if self._newest is None:
                self._newest = self._from_catalogue(lambda c: c.newest())
            return self._newest

    def first_lines(self, limit: int) -> tuple[list[dict[str, Any]], int]:
        """The newest ``limit`` catalogue lines, and how many lines there are in all."""
        return self._from_catalogue(lambda c: c.first(limit))

    def _catalogue_changed(self) -> None:
        with self._catalogue_lock:
            self._newest = None

    def _from_catalogue(self, use: Any) -> Any:
        """``use(catalogue)``. A catalogue SQLite finds damaged now is moved aside (and said),
        made again from the meeting files, and used again."""
        with self._catalogue_lock:
            try:
                return use(self.catalogue)
            except CorruptFile as error:
                if self._replacing:  # the new one is damaged too: the disk is failing
                    raise SaveFailed("The archive's list of meetings cannot be written whole; the disk may be "
                                     "failing: copy the archive folder somewhere safe, then run coprod-meet check.") from None
                self._replace_catalogue(error.reason)
                return use(self.catalogue)

    def _replace_catalogue(self, reason: str) -> None:
        with self._catalogue_lock:
            self.catalogue.close()
            self.catalogue = self._catalogue_instead_of(self.root / CATALOGUE_FILE, reason)
            self._catalogue_changed()
            self._replacing = True
            try:
                self._heal_catalogue(None)
            finally:
                self._replacing = False

    @property
    def records(self) -> RecordIndex:
        """The decisions and actions index (``records.json``), opened the first time it is needed."""
        if self._records is None:
            self._open_records(rebuild=False)
        assert self._records is not None
        return self._records

    def _open_records(self, *, rebuild: bool) -> None:
        from coprod_meet.storage.record_index import RecordIndex

        with self._records_lock:  # a save thread and the screen may both ask first
            if self._records is None:
                records = RecordIndex(self)
                # It catches up by itself with meeting files written since it was, reading
                # only what has changed.
                records.open(rebuild=rebuild)
                self._records = records
            elif rebuild:
                self._records.rebuild()

    def _move_records_out_of(self, tables: dict[str, Any]) -> None:
        """Archives saved before ``records.json`` kept the index in the catalogue: move it out once."""
        old = {name: tables[name] for name in RECORD_TABLES if name in tables}
        if not old:
            return
        built = (tables.get("_meta", {}).get("1") or {}).get("records")
        path = self.root / RECORDS_FILE
        if not path.exists() and built is not None and not self.only_read:
            meta = {"schema": schema.SCHEMA_VERSION, "kind": "records", "records": built}
            atomic_write(path, encode({"_meta": {"1": meta}, **old}))

    def _index_files(self) -> list[Path]:
        """The files of the index of decisions and actions (and one of the old shape)."""
        from coprod_meet.storage.record_index import INDEX_FILES

        return [self.root / name for name in (*INDEX_FILES, RECORDS_FILE)]

    def _index_on_disk(self) -> bool:
        return any(p.exists() for p in self._index_files())

    # -- layout ---------------------------------------------------------------------------

    @property
    def meetings_dir(self) -> Path:
        return self.root / "meetings"

    @property
    def quarantine_dir(self) -> Path:
        return self.root / "quarantine"

    def meeting_path(self, meeting_id: str) -> Path:
        return self.meetings_dir / f"{meeting_id}.json"

    def meeting_paths(self) -> list[Path]:
        return [
            Path(entry.path)
            for entry in os.scandir(self.meetings_dir)
            if entry.name.endswith(".json") and not entry.name.startswith(".")
        ]

    # -- life cycle -----------------------------------------------------------------------

    def close(self) -> None:
        for f in self._open_meetings.values():
            f.close()
        self._open_meetings.clear()
        if self._records is not None:
            self._records.close()
        if self.catalogue is not None:
            self.catalogue.close()
            self.catalogue = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _meetings_untouched_since(self, since_ns: int) -> bool:
        """Whether no file in ``meetings/`` was added, replaced or removed since ``since_ns``.

        Every write of a meeting file (and every temp file, quarantine or removal) renames,
        creates or unlinks a name in the folder, which moves the folder's modified time. A folder
        older than the catalogue therefore holds exactly the files the catalogue was written
        from, and a big archive opens without looking at each file. Equal times count as touched.
        """
        try:
            return self.meetings_dir.stat().st_mtime_ns < since_ns
        except OSError:
            return False

    def _remove_temp_files(self) -> None:
        try:
            since = (self.root / CATALOGUE_FILE).stat().st_mtime_ns
        except FileNotFoundError:
            since = 0  # a new archive (or one saved before the catalogue was SQLite): look everywhere
        folders = [self.root] if self._meetings_untouched_since(since) else [self.root, self.meetings_dir]
        for folder in folders:
            for entry in os.scandir(folder):
                if is_temp_name(entry.name):
                    Path(entry.path).unlink(missing_ok=True)

    def quarantine(self, path: Path, reason: str) -> Problem:
        """Move a file that will not parse aside, never overwriting anything (only said, not
        moved, when the archive is open only to read)."""
        if self.only_read:
            problem = Problem(path, reason)
            self.problems.append(problem)
            return problem
        ensure_private_dir(self.quarantine_dir)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.quarantine_dir / f"{path.name}.{stamp}.broken"
        n = 1
        while target.exists():
            n += 1
            target = self.quarantine_dir / f"{path.name}.{stamp}-{n}.broken"
        os.replace(path, target)
        os.chmod(target, FILE_MODE)
        problem = Problem(path, reason, target)
        self.problems.append(problem)
        return problem

    def open_record(self, name: str, kind: str, changes: str | None = None) -> RecordFile:
        """One of the archive's own files. Open only to read, its changes stay in memory
        (the catalogue and the index are worked out from the meeting files)."""
        path = self.root / name
        changes = changes or (IN_MEMORY if self.only_read else WRITE)
        try:
            return RecordFile(path, kind, changes)
        except CorruptFile as error:
            self.quarantine(path, error.reason)
            if self.only_read:  # said; read as empty, the file left as it is
                return RecordFile(self.root / f".{name}.unreadable", kind, IN_MEMORY)
            return RecordFile(path, kind, changes)

    # -- meetings -------------------------------------------------------------------------

    def meeting_file(self, meeting_id: str) -> MeetingFile | None:
        """The open file of one meeting, or None if it is missing or was moved aside."""
        if meeting_id in self._open_meetings:
            return self._open_meetings[meeting_id]
        path = self.meeting_path(meeting_id)
        if not path.exists():
            return None
        try:
            f = MeetingFile(path, REFUSE if self.only_read else WRITE)
            f.meeting()
        except CorruptFile as error:
            self.quarantine(path, error.reason)
            self.unindex_meeting(meeting_id)
            return None
        self._open_meetings[meeting_id] = f
        return f

    def create_meeting_file(self, meeting_id: str) -> MeetingFile:
        if self.only_read:
            raise OnlyReading(ONLY_READING)
        f = MeetingFile(self.meeting_path(meeting_id))
        self._open_meetings[meeting_id] = f
        return f

    def write_meeting_whole(self, meeting: dict[str, Any], events: list[dict[str, Any]]) -> None:
        """Write a whole meeting file in one durable write (used for demo data and imports)."""
        self.write_meetings_whole([(meeting, events)])

    def write_meetings_whole(self, items: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> None:
        """Write many whole meeting files; returns when every one of them is on disk.

        Each file is written atomically on its own. The writes run a few at a time, so the disk
        can commit their fsyncs together, and the folder is fsynced once at the end. If one
        fails, ``SaveFailed`` is raised once the others are done; those are whole and are listed
        the next time the archive is opened.
        """
        if self.only_read:
            raise OnlyReading(ONLY_READING)
        jobs = []
        for meeting, events in items:
            tables = {
                "_meta": {"1": {"schema": schema.SCHEMA_VERSION, "kind": "meeting"}},
                "meeting": {"1": meeting},
                "events": {str(i): e for i, e in enumerate(events, start=1)},
            }
            stale = self._open_meetings.pop(meeting["id"], None)
            if stale is not None:
                stale.close()
            jobs.append((self.meeting_path(meeting["id"]), tables))

        def write(job: tuple[Path, dict[str, Any]]) -> None:
            path, tables = job
            atomic_write(path, encode(tables), sync_folder=False)

        if len(jobs) == 1:
            write(jobs[0])
        elif jobs:
            from concurrent.futures import ThreadPoolExecutor  # (with logging, 10 ms to import)

            with ThreadPoolExecutor(max_workers=WRITERS, thread_name_prefix="coprod-write") as pool:
                failures = [f.exception() for f in [pool.submit(write, job) for job in jobs]]
            first = next((e for e in failures if e is not None), None)
            if first is not None:
                raise first
        fsync_folder(self.meetings_dir)

    def read_meeting(self, meeting_id: str) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        """A meeting's plan and events, read without keeping the file open (for walks over many).

        A file that is missing or will not parse gives ``(None, [])``; `check` reports it.
        """
        open_file = self._open_meetings.get(meeting_id)
        if open_file is not None:
            return open_file.meeting(), open_file.events()
        path = self.meeting_path(meeting_id)
        try:
            tables = check_schema(path, decode(path, path.read_bytes()))
        except (OSError, CorruptFile, UserError):
            return None, []
        plan = tables.get("meeting", {}).get("1")
        events = tables.get("events", {})
        return (
            plan if isinstance(plan, dict) else None,
            [e for e in events.values() if isinstance(e, dict)] if isinstance(events, dict) else [],
        )

    # -- catalogue ------------------------------------------------------------------------

    def summary_lines(self) -> list[dict[str, Any]]:
        """The catalogue's meeting lines, newest first (shared: do not change them)."""
        return self.newest_lines()

    def summaries(self) -> list[dict[str, Any]]:
        return [dict(d) for d in self.summary_lines()]

    def index_meeting(self, summary: dict[str, Any]) -> None:
        self.index_meetings([summary])

    def index_meetings(self, summaries: list[dict[str, Any]]) -> None:
        """Add or replace the lines of meetings just written, in one write."""
        self._change_catalogue(put=summaries)

    def unindex_meeting(self, meeting_id: str, *, forget_records: bool = True) -> None:
        self._change_catalogue(remove=[meeting_id])
        if forget_records and (self._records is not None or self._index_on_disk()):
            self.records.forget_meetings({meeting_id})

    def _change_catalogue(self, **change: Any) -> None:
        """A change for meeting files just written: it also says the catalogue agrees with the
        meeting files as of now, unless a change failed earlier in this run (then the next open
        reads again what was written since the last time it agreed)."""
        as_of = None if self._catalogue_behind else time.time_ns()
        try:
            self._from_catalogue(lambda c: c.change(**change, as_of=as_of))
        except Exception:
            self._catalogue_behind = True
            raise
        finally:
            self._catalogue_changed()

    def _heal_catalogue(self, as_of: int | None) -> tuple[bool, dict[str, list[dict[str, Any]]]]:
        """Make the catalogue agree with the meeting files (e.g. after a crash).

        ``as_of``: the time the catalogue agreed with the meeting files as of (None: it vouches
        for none of them). A meeting file the catalogue does not list is added; a line whose file
        is gone is dropped; a meeting file written since a tick before ``as_of`` (a crash can fall
        between the two writes of a save) is read again and its line brought up to date. The
        changes are one change, with the time this began, so a crash leaves all or none.
        Returns whether the list of meetings changed, and the events of the files read again.
        """
        began = time.time_ns()
        since = None if as_of is None else as_of - TICK_NS
        if since is not None and self._meetings_untouched_since(since):
            return False, {}
        listed = self._from_catalogue(lambda c: c.ids())
        on_disk: dict[str, str] = {}
        to_read: list[str] = []
        for entry in os.scandir(self.meetings_dir):
            if not entry.name.endswith(".json") or entry.name.startswith("."):
                continue
            mid = entry.name[: -len(".json")]
            on_disk[mid] = entry.path
            if since is None or mid not in listed or entry.stat().st_mtime_ns >= since:
                to_read.append(mid)
        wanted = [m for m in to_read if m in listed]
        known = self._from_catalogue(lambda c: c.lines(wanted))  # one query, not one a file
        dropped = []
        fresh = []
        recent: dict[str, list[dict[str, Any]]] = {}
        for mid in to_read:
            path = Path(on_disk[mid])
            try:
                tables = check_schema(path, decode(path, path.read_bytes()))
            except CorruptFile as error:
                if mid in listed:
                    dropped.append(mid)  # the caller rebuilds the index
                self.quarantine(path, error.reason)
                continue
            except SchemaTooNew as error:
                # Left as it is for a newer coprod-meet; said plainly, never moved or changed.
                if mid not in listed:
                    self.problems.append(Problem(path, str(error).rstrip(".")))
                continue
            data = tables.get("meeting", {}).get("1")
            if not (isinstance(data, dict) and data.get("id") == mid):
                continue
            events = tables.get("events", {})
            if isinstance(events, dict):
                recent[mid] = [e for e in events.values() if isinstance(e, dict)]
            summary = normalised(summary_of(data))
            if known.get(mid) != summary:
                fresh.append(summary)
        gone = [m for m in listed if m not in on_disk]
        changed = bool(fresh or gone or dropped)
        if changed or not self.only_read:  # (unchanged, it is said to agree as of now, for a quick next open)
            self._from_catalogue(lambda c: c.change(put=fresh, remove=dropped + gone, as_of=began))
            self._catalogue_changed()
        return changed, recent

    # -- groups ---------------------------------------------------------------------------

    def all_groups(self) -> list[dict[str, Any]]:
        return [dict(d) for d in self.groups.table("groups").all()]

    def put_group(self, data: dict[str, Any]) -> None:
        table = self.groups.table("groups")
        existing = [d.doc_id for d in table.all() if d.get("id") == data["id"]]
        if existing:
            table.update(data, doc_ids=existing[:1])
        else:
            table.insert(data)

    # -- checking -------------------------------------------------------------------------

    def check(self) -> CheckReport:
        """Read every file; move aside any that will not parse and say so."""
        report = CheckReport()
        before = len(self.problems)
        # Files moved aside since the last check (e.g. while opening) were checked too.
        moved_since = [p for p in self.problems[self._reported:] if p.moved_to is not None]
        report.files_checked += len(moved_since)
        index = [p for p in self._index_files() if p.exists()]
        payments = sorted((self.root / "payments").glob("*.json"))  # each group's private claims
        report.files_checked += 1
        reason = self.catalogue.problem()
        if reason is not None:  # moved aside, and made again from the meeting files
            self._replace_catalogue(reason)
        for path in [*index, self.root / "groups.json", *self.meeting_paths(), *payments]:
            report.files_checked += 1
            try:
                tables = decode(path, path.read_bytes())
                check_schema(path, tables)
            except CorruptFile as error:
                if path.parent == self.meetings_dir:
                    stale = self._open_meetings.pop(path.stem, None)
                    if stale is not None:
                        stale.close()
                    self.unindex_meeting(path.stem)
                self.quarantine(path, error.reason)
            except SchemaTooNew as error:
                self.problems.append(Problem(path, str(error).rstrip(".")))
        report.problems = moved_since + self.problems[before:]
        self._reported = len(self.problems)
        already = sorted(self.quarantine_dir.glob("*.broken")) if self.quarantine_dir.exists() else []
        fresh = {p.moved_to for p in report.problems if p.moved_to is not None}
        for path in already:
            if path not in fresh:
                report.problems.append(
                    Problem(path, "moved aside earlier because it could not be read; look at it or remove it")
                )
        return report


def summary_of(meeting: dict[str, Any]) -> dict[str, Any]:
    """The catalogue's line for a meeting."""
    return {
        "id": meeting["id"],
        "group_id": meeting.get("group_id", ""),
        "group_name": meeting.get("group_name", ""),
        "title": meeting.get("title", ""),
        "start": meeting.get("start", ""),
        "end": meeting.get("end", ""),
    }


__all__ = [
    "Archive",
    "ArchiveBusy",
    "CheckReport",
    "DIR_MODE",
    "MeetingFile",
    "Problem",
    "SCHEMA_VERSION",
    "SchemaTooNew",
    "default_archive_dir",
]
