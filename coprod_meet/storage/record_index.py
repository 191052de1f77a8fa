"""The catalogue's index of decisions and actions, so searching never walks every meeting file.

Two tables in ``records.json`` (next to ``catalogue.json``; read only when something needs them),
one line per record:

* ``decisions``: id, meeting_id, group_id, group_name, start (of its meeting), item, text, method,
  dissent, review_date, supersedes/superseded_by, ``search`` (lower-cased words to match) and
  ``meetings`` (every meeting whose log holds an event about it).
* ``actions``: id, meeting_id, group, text, owner, due, status, reason and ``meetings``.

A record's state is the fold of every event about it, across all meetings, in time order: an
action recorded in March can be marked done at the May meeting. The ``meetings`` list says which
files to read to fold it again, so an edit (or an import that brings older events) re-folds just
the records it touches. ``conflicts`` remembers decisions edited on two laptops at once.

Only decision and action events come here; live turn events never touch the catalogue.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from tinydb.table import Document

from coprod_meet.domain import events as ev
from coprod_meet.domain.model import Event

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.storage.archive import Archive, RecordFile

DECISIONS = "decisions"
ACTIONS = "actions"
CONFLICTS = "conflicts"
INDEX_VERSION = 1

# Which catalogue table an event type belongs to.
RECORD_EVENTS = {
    ev.DECISION_RECORDED: DECISIONS,
    ev.DECISION_EDITED: DECISIONS,
    ev.ACTION_RECORDED: ACTIONS,
    ev.ACTION_EDITED: ACTIONS,
}


def is_record_event(event_type: str) -> bool:
    return event_type in RECORD_EVENTS


def search_text(*parts: str) -> str:
    """The lower-cased text a search matches against."""
    return "\n".join(p for p in parts if p).casefold()


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
    out = []
    for e in raw:
        try:
            out.append(Event.from_dict(e))
        except (KeyError, ValueError, TypeError):
            continue  # a damaged event is skipped here; `check` looks at files
    out.sort(key=lambda e: e.sort_key)
    return out


def fold_row(
    table: str, record_id: str, raw_events: list[dict[str, Any]], meetings: list[str],
    summaries: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """The catalogue line of one record, from every event about it."""
    from coprod_meet.domain.records import actions_from, decisions_from  # not needed on start-up

    events = _as_events(raw_events)
    base: dict[str, Any] = {"id": record_id, "meetings": sorted(set(meetings))}
    try:
        found = decisions_from(events) if table == DECISIONS else actions_from(events)
    except (KeyError, ValueError, TypeError, AttributeError):
        found = []
    record = next((r for r in found if r.id == record_id), None)
    if record is None:
        # Edits whose record we have not seen yet (its meeting may come in a later import).
        return base | {"pending": True}
    summary = summaries.get(record.meeting_id, {})
    row = record.to_dict() | base | {
        "group_id": summary.get("group_id", ""),
        "group_name": summary.get("group_name", ""),
        "start": summary.get("start", ""),
        "edits": sum(1 for e in events if e.type.endswith("_edited")),
    }
    if table == DECISIONS:
        row["search"] = search_text(record.text, record.item_title, record.dissent)
    else:
        row["search"] = search_text(record.text, record.owner)
    return row


class RecordIndex:
    """The decisions and actions tables (``records.json``)."""

    def __init__(self, archive: Archive, catalogue: RecordFile) -> None:
        self.archive = archive
        self.catalogue = catalogue
        self._ids: dict[str, dict[str, int]] = {}
        for name in (DECISIONS, ACTIONS):
            self._ids[name] = {
                d["id"]: int(doc_id) for doc_id, d in self._raw(name).items() if isinstance(d, dict) and "id" in d
            }

    def table(self, name: str):
        return self.catalogue.table(name)

    # -- reading --------------------------------------------------------------------------

    def _raw(self, name: str) -> dict[str, dict[str, Any]]:
        """The table as stored, {doc id: line}: read straight from memory, for speed.

        The lines are the storage's own: callers must not change them.
        """
        tables = self.catalogue.db.storage.read() or {}
        table = tables.get(name, {})
        return table if isinstance(table, dict) else {}

    def rows(self, name: str) -> list[dict[str, Any]]:
        """Every line of a table (records whose first event we have not seen are left out)."""
        return [d for d in self._raw(name).values() if isinstance(d, dict) and not d.get("pending")]

    def row(self, name: str, record_id: str) -> dict[str, Any] | None:
        doc_id = self._ids[name].get(record_id)
        if doc_id is None:
            return None
        doc = self.table(name).get(doc_id=doc_id)
        return dict(doc) if doc is not None and not doc.get("pending") else None

    def events_about(self, name: str, record_id: str) -> list[Event]:
        """Every event about one record, from every meeting that holds one, in time order."""
        doc_id = self._ids[name].get(record_id)
        doc = self.table(name).get(doc_id=doc_id) if doc_id is not None else None
        meetings = list(doc.get("meetings", [])) if doc else []
        raw = []
        for mid in meetings:
            raw += _refs(self._meeting_events(mid)).get((name, record_id), [])
        return _as_events(raw)

    def conflicts(self) -> dict[str, dict[str, Any]]:
        return {d["id"]: dict(d) for d in self.table(CONFLICTS).all() if "id" in d}

    # -- keeping it up to date ------------------------------------------------------------

    @property
    def built(self) -> bool:
        meta = self.table("_meta").get(doc_id=1) or {}
        return meta.get("records") == INDEX_VERSION

    def _mark_built(self) -> None:
        meta = dict(self.table("_meta").get(doc_id=1) or {})
        meta["records"] = INDEX_VERSION
        self.table("_meta").upsert(Document(meta, doc_id=1))

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
        folding, the lines touched and the lines they replace are put right together.
        """
        fresh = {r["id"]: r for r in rows[DECISIONS] if not r.get("pending")}
        if not fresh:
            return
        merged = {d["id"]: d for d in self.rows(DECISIONS)} | fresh
        replaced_by = {d["supersedes"]: d["id"] for d in merged.values() if d.get("supersedes")}
        for record_id, row in merged.items():
            wanted = replaced_by.get(record_id)
            if record_id in fresh or (row.get("superseded_by") or None) != wanted:
                fresh[record_id] = dict(row) | {"superseded_by": wanted}
        rows[DECISIONS] = list(fresh.values())

    def _write_rows(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        """Put lines in place of the old ones: at most one replace and one insert per table."""
        self._link_replacements(rows)
        for name, new_rows in rows.items():
            if not new_rows:
                continue
            table = self.table(name)
            ids = self._ids[name]
            by_id = {r["id"]: r for r in new_rows}
            old = [ids[r] for r in by_id if r in ids]
            fresh = [r for r in by_id.values() if r["id"] not in ids]
            if old:

                def replace(doc: dict[str, Any]) -> None:
                    new = by_id[doc["id"]]
                    doc.clear()
                    doc.update(new)

                table.update(replace, doc_ids=old)
            if fresh:
                created = table.insert_multiple(fresh)
                ids.update({r["id"]: doc_id for r, doc_id in zip(fresh, created)})

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
        summaries = self._summaries()
        rows: dict[str, list[dict[str, Any]]] = {DECISIONS: [], ACTIONS: []}
        cache: dict[str, dict[tuple[str, str], list[dict[str, Any]]]] = {}
        for (name, record_id), mids in touched.items():
            known = self.table(name).get(doc_id=self._ids[name][record_id]) if record_id in self._ids[name] else None
            meetings = set(mids) | set(known.get("meetings", []) if known else [])
            raw: list[dict[str, Any]] = []
            for mid in sorted(meetings):
                if mid not in cache:
                    cache[mid] = _refs(self._meeting_events(mid, given))
                raw += cache[mid].get((name, record_id), [])
            meetings = {mid for mid in meetings if cache[mid].get((name, record_id))}
            rows[name].append(fold_row(name, record_id, raw, sorted(meetings), summaries))
        self._write_rows(rows)
        return [record_id for _name, record_id in touched]

    def rebuild(self) -> None:
        """Index every decision and action again from the meeting files (heals the catalogue)."""
        refs: dict[tuple[str, str], list[dict[str, Any]]] = {}
        where: dict[tuple[str, str], set[str]] = {}
        for path in self.archive.meeting_paths():
            for ref, events in _refs(self._meeting_events(Path(path).stem)).items():
                refs.setdefault(ref, []).extend(events)
                where.setdefault(ref, set()).add(Path(path).stem)
        summaries = self._summaries()
        for name in (DECISIONS, ACTIONS):
            self.table(name).truncate()
            self._ids[name] = {}
        rows: dict[str, list[dict[str, Any]]] = {DECISIONS: [], ACTIONS: []}
        for (name, record_id), raw in refs.items():
            rows[name].append(fold_row(name, record_id, raw, sorted(where[(name, record_id)]), summaries))
        self._write_rows(rows)
        self._mark_built()

    def forget_meetings(self, meeting_ids: set[str]) -> None:
        """A meeting file went away: fold again the records it held events about."""
        if not meeting_ids:
            return
        for name in (DECISIONS, ACTIONS):
            for doc in self.table(name).all():
                if meeting_ids & set(doc.get("meetings", [])):
                    self.rebuild()
                    return

    def note_conflict(self, record_id: str, message: str, noted: str) -> None:
        table = self.table(CONFLICTS)
        existing = [d.doc_id for d in table.all() if d.get("id") == record_id]
        if existing:
            table.update({"message": message, "noted": noted}, doc_ids=existing)
        else:
            table.insert({"id": record_id, "message": message, "noted": noted})
