"""The index of decisions and actions, so searching never walks every meeting file.

Three files next to ``catalogue.sqlite``, each read only when something needs it:

* ``decisions.json``: one short line per decision, only what the decisions list, its filters and
  its search read: id, meeting_id, group_id, group_name, start (of its meeting), recorded (when
  it was recorded: the order within a meeting), item, text, method, dissent, review_date and
  superseded_by. Also ``conflicts``: decisions edited on two
  laptops at once. Opening the review screen reads this file and nothing else.
* ``actions.json``: one line per action: its fields, its group and meeting date, ``edits`` and
  ``search`` (lower-cased words to match).
* ``record-details.json``: the rest, read when one decision is shown in full, when decisions are
  listed whole (the command line, merging) or when a record changes: each decision's other
  fields (counts, who proposed it, who disagreed, ...) and, for every decision and action, the
  ``meetings`` whose logs hold an event about it. Fields with nothing in them are left out.

The lines of decisions and actions are kept as columns, newest meeting first: one list per
field (``{"id": [...], "text": [...], ...}``), an empty field being "", and within a meeting the
last recorded first. A list of thousands of
decisions is read several times faster than with one object per line, and is already in the
order the list shows. A record's state is the fold of every event about it, across all
meetings, in time order: an action recorded in March can be marked done at the May meeting.
Its ``meetings`` say which files to read to fold it again, so an edit (or an import that brings
older events) re-folds just the records it touches, and only files whose lines changed are
written.

``record-details.json`` is written last whenever the index changes, so its time says up to when
the index agrees with the meeting files. When the index opens, meeting files written since then
(say a crash came between a meeting's write and the index's) are folded again.

Archives saved before kept the whole index in ``records.json``. That file is brought over once,
when the index first opens: the three files are written from it, and only then is it removed.
A crash in between leaves ``records.json`` as it was, and the move is simply done again; so a
``records.json`` always means an index in the old shape (an older coprod-meet may write one
again), never today's.

Only decision and action events come here; live turn events never touch the index.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Protocol

from coprod_meet.domain import events as ev
from coprod_meet.storage.durable import CorruptFile, decode, fsync_folder
from coprod_meet.storage.schema import check_schema

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.domain.model import Event

DECISIONS = "decisions"
ACTIONS = "actions"
CONFLICTS = "conflicts"
INDEX_VERSION = 3  # 1: the whole index in records.json; 2: lines without "recorded"

DECISIONS_FILE = "decisions.json"
ACTIONS_FILE = "actions.json"
DETAILS_FILE = "record-details.json"
INDEX_FILES = (DECISIONS_FILE, ACTIONS_FILE, DETAILS_FILE)  # in the order they are written
OLD_INDEX_FILE = "records.json"  # the whole index, as archives saved before kept it
_FILE_OF = {DECISIONS: DECISIONS_FILE, ACTIONS: ACTIONS_FILE}

# What a line in the record's own file holds, field by field (with its empty value); every
# other field of its row is in record-details.json.
LINE_FIELDS: dict[str, dict[str, Any]] = {
    DECISIONS: {name: "" for name in ("id", "meeting_id", "group_id", "group_name", "start", "recorded", "item",
                                      "text", "method", "dissent", "review_date", "superseded_by")},
    ACTIONS: {name: "" for name in ("id", "meeting_id", "group_id", "group_name", "start", "recorded", "text",
                                    "owner", "owner_id", "due", "status", "reason", "item_id", "decision_id",
                                    "search")}
    | {"edits": 0},
}

# Fields of rows from before that are no longer kept (a decision's words are matched as stored).
_DROPPED = {DECISIONS: frozenset({"search"}), ACTIONS: frozenset()}

# Which index table an event type belongs to.
RECORD_EVENTS = {
    ev.DECISION_RECORDED: DECISIONS,
    ev.DECISION_EDITED: DECISIONS,
    ev.ACTION_RECORDED: ACTIONS,
    ev.ACTION_EDITED: ACTIONS,
}

_EMPTY = (None, "", [], {}, 0)


class ArchiveFiles(Protocol):
    """What the index needs of the archive folder it lives in (``storage.archive.Archive``)."""

    root: Path
    only_read: bool  # open while the app has it: nothing is written, changes stay in memory

    @property
    def meetings_dir(self) -> Path: ...

    def open_record(self, name: str, kind: str) -> Any: ...

    def quarantine(self, path: Path, reason: str) -> Any: ...

    def meeting_paths(self) -> list[Path]: ...

    def read_meeting(self, meeting_id: str) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]: ...

    def summary_lines(self) -> list[dict[str, Any]]: ...


def is_record_event(event_type: str) -> bool:
    return event_type in RECORD_EVENTS


def search_text(*parts: str) -> str:
    """The lower-cased text a search matches against."""
    return "\n".join(p for p in parts if p).casefold()


def searchable(name: str, row: dict[str, Any]) -> str:
    """The words a search of a table matches in one of its lines: for a decision its text, its
    agenda item and the disagreement; for an action its text and owner (kept in the line)."""
    if name == DECISIONS:
        return search_text(row.get("text") or "", row.get("item") or "", row.get("dissent") or "")
    return row.get("search") or ""


def _split(name: str, row: dict[str, Any]) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """A row as its line (every line field, empty ones as "") and the rest (empty fields left
    out); no line for a record not seen yet."""
    fields, dropped = LINE_FIELDS[name], _DROPPED[name]
    rest: dict[str, Any] = {"id": row["id"]}
    for key, value in row.items():
        if key not in fields and key not in dropped and not (value in _EMPTY and value is not False):
            rest[key] = value
    if row.get("pending"):
        return None, rest
    return {key: row.get(key) or empty for key, empty in fields.items()}, rest


def _columns(name: str, lines: Iterable[dict[str, Any]]) -> dict[str, list[Any]]:
    """Lines as a table of columns, newest meeting first (then by id, as the list shows them)."""
    ordered = sorted(lines, key=_newest_first, reverse=True)
    return {key: [line.get(key) or empty for line in ordered] for key, empty in LINE_FIELDS[name].items()}


def _newest_first(line: dict[str, Any]) -> tuple[str, str, str]:
    """Sorted by this and reversed: newest meeting first, and in a meeting the last recorded first."""
    return str(line.get("start") or ""), str(line.get("recorded") or ""), str(line.get("id") or "")


def _replacements(rows: Iterable[dict[str, Any]]) -> dict[str, str]:
    """{decision id: the decision that replaced it}, by the domain's rule, oldest meeting first."""
    from coprod_meet.domain.records import replacements  # not needed on start-up

    ordered = sorted(rows, key=_newest_first)
    return replacements((str(r["id"]), str(r.get("supersedes") or "")) for r in ordered)


def _column(values: Any, empty: Any, size: int) -> list[Any]:
    """A stored column as read: empties where it is missing or of another length, and in place
    of any value of another kind (a file changed by hand)."""
    if not isinstance(values, list) or len(values) != size:
        return [empty] * size
    kind = type(empty)
    if set(map(type, values)) <= {kind}:
        return values
    return [value if type(value) is kind else empty for value in values]


class Columns:
    """The lines of a table, read-only, as stored: one list per field, newest meeting first.

    Lists and searches look down a column without making every line into a dict; a line is
    made whole only when it is asked for. What a file changed by hand could spoil is put right
    as it is read (see :func:`_column`): a list never fails for it.
    """

    def __init__(self, name: str, table: dict[str, Any]) -> None:
        fields = LINE_FIELDS[name]
        ids = table.get("id")
        size = len(ids) if isinstance(ids, list) else 0
        self._columns = {key: _column(table.get(key), empty, size) for key, empty in fields.items()}
        ids = self._columns["id"]
        if "" in ids or len(set(ids)) != size:  # a file changed by hand: each record once, with an id
            seen: set[str] = set()
            keep = [n for n, record_id in enumerate(ids) if record_id and not (record_id in seen or seen.add(record_id))]
            self._columns = {key: [column[n] for n in keep] for key, column in self._columns.items()}
        self._name = name
        self._lines: list[dict[str, Any]] | None = None
        self._at: dict[str, int] | None = None
        self._texts: list[str] | None = None

    def __len__(self) -> int:
        return len(self._columns["id"])

    def column(self, key: str) -> list[Any]:
        return self._columns[key]

    def line(self, index: int) -> dict[str, Any]:
        return {key: column[index] for key, column in self._columns.items()}

    @property
    def lines(self) -> list[dict[str, Any]]:
        """Every line (with an id) as a dict; made once."""
        if self._lines is None:
            keys = list(self._columns)
            self._lines = [dict(zip(keys, values)) for values in zip(*self._columns.values())]
        return self._lines

    @property
    def texts(self) -> list[str]:
        """What a search matches in each line (see :func:`searchable`); worked out once."""
        if self._texts is None:
            if self._name == DECISIONS:
                c = self._columns
                self._texts = [search_text(*parts) for parts in zip(c["text"], c["item"], c["dissent"])]
            else:
                self._texts = list(self._columns["search"])
        return self._texts

    def index(self, record_id: str) -> int | None:
        if self._at is None:
            self._at = {record_id: n for n, record_id in enumerate(self._columns["id"])}
        return self._at.get(record_id)


def _refs(events: Iterable[dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Record events grouped by (table, record id)."""
    found: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for e in events:
        table = RECORD_EVENTS.get(e.get("type", ""))
        data = e.get("data")
        if table is None or not isinstance(data, dict) or not isinstance(data.get("id"), str):
            continue
        found.setdefault((table, data["id"]), []).append(e)
    return found


def _as_events(raw: Iterable[dict[str, Any]]) -> list[Event]:
    from coprod_meet.domain.model import Event  # not needed to list or search

    out = []
    for e in raw:
        try:
            out.append(Event.from_dict(e))
        except (KeyError, ValueError, TypeError):
            continue  # a damaged event is skipped here; `check` looks at files
    out.sort(key=lambda e: e.sort_key)
    return out


def fold_row(
    table: str, record_id: str, raw_events: list[tuple[str, dict[str, Any]]], meetings: list[str],
    summaries: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """The whole index row of one record, from every event about it, each with the meeting whose
    log holds it (where a correction was written, for its history)."""
    from coprod_meet.domain.records import RecordBook  # not needed on start-up

    pairs = [(mid, e) for mid, raw in raw_events for e in _as_events([raw])]
    events = sorted((e for _mid, e in pairs), key=lambda e: e.sort_key)
    base: dict[str, Any] = {"id": record_id, "meetings": sorted(set(meetings))}
    try:
        book = RecordBook.fold(pairs)
        record = (book.decisions if table == DECISIONS else book.actions).get(record_id)
    except (KeyError, ValueError, TypeError, AttributeError):
        record = None
    if record is None:
        # Edits whose record we have not seen yet (its meeting may come in a later import).
        return base | {"pending": True}
    summary = summaries.get(record.meeting_id, {})
    row = record.to_dict() | base | {
        "group_id": summary.get("group_id", ""),
        "group_name": summary.get("group_name", ""),
        "start": summary.get("start", ""),
        "edits": sum(1 for e in events if e.type.endswith("_edited")),
        # When it was recorded: the order of records within one meeting.
        # (Its time and place in its meeting's log, so records of one second keep their order.)
        "recorded": next((f"{e.at.isoformat()} {e.seq:06d}" for e in events if e.type.endswith("_recorded")), ""),
        # Its corrections, so a whole listing needs no meeting file (left out when there are none).
        "history": [c.to_dict() for c in record.history],
    }
    if table == ACTIONS:
        row["search"] = search_text(record.text, record.owner)
    return row


class _IndexFile:
    """One file of the index, opened the first time it is read.

    Its tables are read straight from the storage's memory and never changed in place: a
    change writes new table objects (see ``DurableStorage``), so a reader holding the old ones
    is never disturbed, and what is worked out from a table can be kept while it is the same.
    """

    def __init__(self, archive: ArchiveFiles, name: str) -> None:
        self.archive = archive
        self.name = name
        self.path = archive.root / name
        self._file: Any = None  # the archive's RecordFile, once open
        self._ids: dict[str, tuple[Any, dict[str, str]]] = {}  # table -> (the table, {record id: doc id})

    @property
    def file(self) -> Any:
        if self._file is None:
            self._file = self.archive.open_record(self.name, self.name.removesuffix(".json"))
        return self._file

    @property
    def is_open(self) -> bool:
        return self._file is not None

    def tables(self) -> dict[str, Any]:
        return self.file.db.storage.read() or {}

    def table(self, name: str) -> dict[str, Any]:
        """{doc id: document} as stored (read-only)."""
        table = self.tables().get(name, {})
        return table if isinstance(table, dict) else {}

    def ids(self, name: str) -> dict[str, str]:
        """{record id: doc id} of a table, worked out again only when the table has changed."""
        table = self.table(name)
        known = self._ids.get(name)
        if known is None or known[0] is not table:
            known = self._ids[name] = (table, {
                d["id"]: k for k, d in table.items() if isinstance(d, dict) and isinstance(d.get("id"), str)})
        return known[1]

    def get(self, name: str, record_id: str) -> dict[str, Any] | None:
        key = self.ids(name).get(record_id)
        return self.table(name)[key] if key is not None else None

    @property
    def version(self) -> Any:
        meta = self.table("_meta").get("1")
        return meta.get("records") if isinstance(meta, dict) else None

    def write(self, changed: dict[str, dict[str, Any]], *, whole: bool = False) -> None:
        """One durable write: these tables in place of the old ones (``whole``: and no others,
        the file marked as holding today's index)."""
        tables = {"_meta": self.tables().get("_meta", {})} if whole else dict(self.tables())
        tables.update(changed)
        if whole:
            meta = dict(tables["_meta"].get("1") or {})
            tables["_meta"] = {"1": meta | {"records": INDEX_VERSION}}
        self.file.db.storage.write(tables)

    def replaced(self, name: str, docs: dict[str, dict[str, Any] | None]) -> dict[str, Any] | None:
        """The table with these documents (by record id) put in, or taken out where None; None
        when nothing would change. Doc ids stay TinyDB's: numbers, new ones after the last."""
        table = self.table(name)
        ids = self.ids(name)
        new = dict(table)
        last = max((int(k) for k in table if k.isdigit()), default=0)
        changed = False
        for record_id, doc in docs.items():
            key = ids.get(record_id)
            if doc is None:
                if key is not None:
                    del new[key]
                    changed = True
            elif key is None:
                last += 1
                new[str(last)] = doc
                changed = True
            elif table[key] != doc:
                new[key] = doc
                changed = True
        return new if changed else None

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._ids = {}


def _numbered(docs: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """A whole table: documents under TinyDB's doc ids 1, 2, 3..."""
    return {str(n): d for n, d in enumerate(docs, start=1)}


class RecordIndex:
    """The decisions and actions index: ``decisions.json``, ``actions.json`` and ``record-details.json``."""

    def __init__(self, archive: ArchiveFiles) -> None:
        self.archive = archive
        self._files = {name: _IndexFile(archive, name) for name in INDEX_FILES}
        self._lock = threading.RLock()  # a save thread and the screen may both read a file first
        self._columns: dict[str, tuple[Any, Columns]] = {}  # table -> (as stored, read), while it is the same

    def _file(self, name: str) -> _IndexFile:
        """An index file, open. One missing, broken (moved aside and said) or not of today's shape
        when first read means the index is made again from the meeting files."""
        f = self._files[name]
        if not f.is_open:
            with self._lock:
                if not f.is_open and f.version != INDEX_VERSION:
                    self.rebuild()
        return f

    def close(self) -> None:
        for f in self._files.values():
            f.close()
        self._columns = {}

    # -- opening --------------------------------------------------------------------------

    def open(self, *, rebuild: bool = False) -> None:
        """Ready to read: made again if asked, brought over from the old shape once, and caught up
        with meeting files written since the index was. Usually this reads ``decisions.json`` only."""
        with self._lock:
            try:
                old = self.archive.root / OLD_INDEX_FILE
                details = self._files[DETAILS_FILE].path
                if rebuild:
                    self.rebuild()
                elif old.exists():
                    since = old.stat().st_mtime_ns
                    self._bring_over(old)
                    self._catch_up(since)
                elif not details.exists() or self._files[DECISIONS_FILE].version != INDEX_VERSION:
                    self.rebuild()
                else:
                    self._catch_up(details.stat().st_mtime_ns)
            except BaseException:
                self.close()  # not opened: the next look tries again from the files as they are
                raise

    def _bring_over(self, path: Path) -> None:
        """Move an index of the old shape (the whole index in records.json) into today's files.

        The new files are written first and records.json removed last, so a crash at any moment
        leaves either the old index to bring over again or the new one. Decisions noted as edited
        on two laptops are kept (from both, should an older coprod-meet have written records.json
        again after this one moved it).
        """
        try:
            old = check_schema(path, decode(path, path.read_bytes()))
        except CorruptFile as error:
            self.archive.quarantine(path, error.reason)  # said plainly; made again from the meetings
            self.rebuild()
            return
        if (old.get("_meta", {}).get("1") or {}).get("records") != 1:  # never finished: made again
            self.rebuild()
            if not self.archive.only_read:
                path.unlink()
                fsync_folder(path.parent)
            return
        # Its rows lack what today's lines hold, so they are folded again from the meeting files;
        # what cannot be made again, the decisions noted as changed on two laptops, comes over.
        noted = dict(self._files[DECISIONS_FILE].table(CONFLICTS)) if self._files[DECISIONS_FILE].path.exists() else {}
        conflicts = {d["id"]: d for d in [*noted.values(), *(old.get(CONFLICTS) or {}).values()]
                     if isinstance(d, dict) and isinstance(d.get("id"), str)}
        self._write_all({DECISIONS: [], ACTIONS: []}, list(conflicts.values()))
        self.rebuild()
        if not self.archive.only_read:
            path.unlink()
            fsync_folder(path.parent)

    def _catch_up(self, since: int) -> None:
        """Fold again the meeting files written since ``since`` (when the index was last written)."""
        folder = self.archive.meetings_dir
        try:
            newest = folder.stat().st_mtime_ns
        except OSError:
            return
        if newest < since:
            return  # no meeting file was written, added or removed since
        recent = []
        for entry in os.scandir(folder):
            if entry.name.endswith(".json") and not entry.name.startswith("."):
                written = entry.stat().st_mtime_ns
                if written >= since:
                    recent.append(Path(entry.path).stem)
                    newest = max(newest, written)
        self.update({mid: self._meeting_events(mid) for mid in recent})
        # The index now agrees with every file looked at: its time says so (if nothing had to be
        # written), so the next opening need not look again.
        details = self._files[DETAILS_FILE].path
        if self.archive.only_read:
            return
        try:
            if details.stat().st_mtime_ns <= newest:
                os.utime(details, ns=(newest + 1, newest + 1))
        except OSError:
            pass

    # -- reading --------------------------------------------------------------------------

    def columns(self, name: str) -> Columns:
        """The lines of a table as stored, newest meeting first (shared and read-only; made
        again only when the file changes). Listing decisions reads ``decisions.json`` only."""
        table = self._file(_FILE_OF[name]).table(name)
        if table and not isinstance(table.get("id"), list):  # not lines as this index keeps them
            with self._lock:
                self.rebuild()
            table = self._file(_FILE_OF[name]).table(name)
        known = self._columns.get(name)
        if known is None or known[0] is not table:
            known = self._columns[name] = (table, Columns(name, table))
        return known[1]

    def lines(self, name: str) -> list[dict[str, Any]]:
        """Every line of a table as a dict, newest meeting first (shared: do not change them)."""
        return self.columns(name).lines

    def search_texts(self, name: str) -> list[str]:
        """What a search matches in each line, in the order of :meth:`columns`."""
        return self.columns(name).texts

    def rows(self, name: str) -> list[dict[str, Any]]:
        """Every record of a table, whole (records whose first event we have not seen are left out)."""
        return self.whole(name, self.lines(name))

    def whole(self, name: str, lines: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """These lines with the rest of their rows (from record-details.json)."""
        details = self._file(DETAILS_FILE)
        return [d | (details.get(name, d["id"]) or {}) for d in lines]

    def row(self, name: str, record_id: str) -> dict[str, Any] | None:
        """One record, whole, or None."""
        columns = self.columns(name)
        index = columns.index(record_id)
        if index is None:
            return None
        return columns.line(index) | (self._file(DETAILS_FILE).get(name, record_id) or {})

    def _meetings_of(self, name: str, record_id: str) -> list[str]:
        rest = self._file(DETAILS_FILE).get(name, record_id) or {}
        return list(rest.get("meetings", []))

    def events_about(self, name: str, record_id: str) -> list[Event]:
        """Every event about one record, from every meeting that holds one, in time order."""
        return [e for _mid, e in self.events_by_meeting(name, record_id)]

    def events_by_meeting(self, name: str, record_id: str) -> list[tuple[str, Event]]:
        """Every event about one record in time order, each with the meeting whose log holds it."""
        found = []
        for mid in self._meetings_of(name, record_id):
            found += [(mid, e) for e in _as_events(_refs(self._meeting_events(mid)).get((name, record_id), []))]
        found.sort(key=lambda pair: pair[1].sort_key)
        return found

    def conflicts(self) -> dict[str, dict[str, Any]]:
        return {d["id"]: dict(d) for d in self._file(DECISIONS_FILE).table(CONFLICTS).values()
                if isinstance(d, dict) and "id" in d}

    # -- keeping it up to date ------------------------------------------------------------

    def _meeting_events(self, meeting_id: str, given: dict[str, list[dict[str, Any]]] | None = None,
                        ) -> list[dict[str, Any]]:
        """A meeting's events: from ``given``, an open file, or read once without keeping it open."""
        if given is not None and meeting_id in given:
            return given[meeting_id]
        return self.archive.read_meeting(meeting_id)[1]

    def _summaries(self) -> dict[str, dict[str, Any]]:
        return {s["id"]: s for s in self.archive.summary_lines() if "id" in s}

    def _link_replacements(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        """Set ``superseded_by`` on every decision another one replaces (as ``decisions_from`` does).

        A decision's own events never say it was replaced: the later decision says so. So after
        folding, the rows touched and the rows they replace are put right together.
        """
        fresh = {r["id"]: r for r in rows[DECISIONS] if not r.get("pending")}
        if not fresh:
            return
        merged = {d["id"]: d for d in self.rows(DECISIONS)} | fresh
        replaced_by = _replacements(merged.values())
        for record_id, row in merged.items():
            wanted = replaced_by.get(record_id)
            if record_id in fresh or (row.get("superseded_by") or None) != wanted:
                fresh[record_id] = dict(row) | {"superseded_by": wanted}
        rows[DECISIONS] = [r for r in rows[DECISIONS] if r.get("pending")] + list(fresh.values())

    def _write_rows(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        """Put rows in place of the old ones. Only files whose lines changed are written: the
        decisions and actions files first, record-details.json last (even when only a line
        changed), so its time says the index is whole."""
        self._link_replacements(rows)
        details = self._file(DETAILS_FILE)
        changed: dict[str, dict[str, Any]] = {}
        wrote = False
        for name, new_rows in rows.items():
            if not new_rows:
                continue
            lines = {line["id"]: line for line in self.lines(name)}
            rests: dict[str, dict[str, Any] | None] = {}
            lines_changed = False
            for row in new_rows:
                line, rests[row["id"]] = _split(name, row)
                if line is None:
                    lines_changed = lines.pop(row["id"], None) is not None or lines_changed
                elif lines.get(row["id"]) != line:
                    lines[row["id"]] = line
                    lines_changed = True
            if lines_changed:
                self._file(_FILE_OF[name]).write({name: _columns(name, lines.values())})
                wrote = True
            rest = details.replaced(name, rests)
            if rest is not None:
                changed[name] = rest
        if changed or wrote:
            details.write(changed)

    def _write_all(self, rows: dict[str, list[dict[str, Any]]], conflicts: list[dict[str, Any]]) -> None:
        """Write the three files afresh from whole rows, record-details.json last."""
        lines: dict[str, list[dict[str, Any]]] = {DECISIONS: [], ACTIONS: []}
        rests: dict[str, list[dict[str, Any]]] = {DECISIONS: [], ACTIONS: []}
        for name, found in rows.items():
            for row in found:
                line, rest = _split(name, row)
                if line is not None:
                    lines[name].append(line)
                rests[name].append(rest)
        self._files[DECISIONS_FILE].write(
            {DECISIONS: _columns(DECISIONS, lines[DECISIONS]), CONFLICTS: _numbered(conflicts)}, whole=True)
        self._files[ACTIONS_FILE].write({ACTIONS: _columns(ACTIONS, lines[ACTIONS])}, whole=True)
        self._files[DETAILS_FILE].write({name: _numbered(found) for name, found in rests.items()}, whole=True)

    def update(self, given: dict[str, list[dict[str, Any]]], only: set[str] | None = None) -> list[str]:
        """Fold again every record that the events of these meetings touch.

        ``given`` maps meeting ids to their whole event lists (as stored). Other meetings that
        hold events about the same records are read from their files. ``only`` limits it to
        some record ids. Returns the ids of the records touched.
        """
        touched: dict[tuple[str, str], set[str]] = {}
        for mid, events in given.items():
            for ref in _refs(events):
                if only is None or ref[1] in only:
                    touched.setdefault(ref, set()).add(mid)
        if not touched:
            return []
        with self._lock:
            summaries = self._summaries()
            rows: dict[str, list[dict[str, Any]]] = {DECISIONS: [], ACTIONS: []}
            cache: dict[str, dict[tuple[str, str], list[dict[str, Any]]]] = {}
            for (name, record_id), mids in touched.items():
                meetings = set(mids) | set(self._meetings_of(name, record_id))
                raw: list[tuple[str, dict[str, Any]]] = []
                for mid in sorted(meetings):
                    if mid not in cache:
                        cache[mid] = _refs(self._meeting_events(mid, given))
                    raw += [(mid, e) for e in cache[mid].get((name, record_id), [])]
                meetings = {mid for mid in meetings if cache[mid].get((name, record_id))}
                rows[name].append(fold_row(name, record_id, raw, sorted(meetings), summaries))
            self._write_rows(rows)
        return [record_id for _name, record_id in touched]

    def rebuild(self) -> None:
        """Index every decision and action again from the meeting files (heals the index)."""
        with self._lock:
            refs: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = {}
            where: dict[tuple[str, str], set[str]] = {}
            for path in self.archive.meeting_paths():
                mid = Path(path).stem
                for ref, events in _refs(self._meeting_events(mid)).items():
                    refs.setdefault(ref, []).extend((mid, e) for e in events)
                    where.setdefault(ref, set()).add(mid)
            summaries = self._summaries()
            rows: dict[str, list[dict[str, Any]]] = {DECISIONS: [], ACTIONS: []}
            for (name, record_id), raw in refs.items():
                rows[name].append(fold_row(name, record_id, raw, sorted(where[(name, record_id)]), summaries))
            replaced_by = _replacements(r for r in rows[DECISIONS] if not r.get("pending"))
            for row in rows[DECISIONS]:
                if not row.get("pending"):
                    row["superseded_by"] = replaced_by.get(row["id"])
            decisions = self._files[DECISIONS_FILE]
            kept = list(decisions.table(CONFLICTS).values()) if decisions.path.exists() else []
            self._write_all(rows, kept)

    def forget_meetings(self, meeting_ids: set[str]) -> None:
        """A meeting file went away: fold again the records it held events about."""
        if not meeting_ids:
            return
        details = self._file(DETAILS_FILE)
        for name in (DECISIONS, ACTIONS):
            for rest in details.table(name).values():
                if isinstance(rest, dict) and meeting_ids & set(rest.get("meetings", [])):
                    self.rebuild()
                    return

    def note_conflict(self, record_id: str, message: str, noted: str) -> None:
        with self._lock:
            decisions = self._file(DECISIONS_FILE)
            table = decisions.replaced(CONFLICTS, {record_id: {"id": record_id, "message": message, "noted": noted}})
            if table is not None:
                decisions.write({CONFLICTS: table})
                self._files[DETAILS_FILE].write({})  # last, as after every change
