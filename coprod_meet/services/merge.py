"""Merging laptops: import meeting files or another archive, and export one meeting.

Everything has a UUID, so merging is by identity:

* a meeting we do not have is added whole;
* a meeting we have gets the events it lacks (the log is append-only, events have ids), and the
  merged log is kept in time order;
* the meeting's plan (agenda, roster, times) is the one saved most recently: each laptop stamps a
  plan when it saves it. Without stamps, the plan of the laptop whose log has the latest event
  wins; on a tie this archive's plan stays, so importing the same thing twice changes nothing;
* groups merge by id and their members by id; where both laptops have the same group or member,
  this archive's version stays and members only the other laptop knew are added;
* a group with another id but the same name as one here is never added beside it: it is reported
  and nothing of it is imported, unless ``merge_groups`` is given, when it is merged into the group
  here (its members added, its meetings moved into it);
* two copies of one meeting id whose group or date differ are refused with a sentence: they are
  not the same meeting, and merging them would blend two meetings into one;
* a decision changed on both laptops (each has an edit the other never saw) keeps both edits in
  its history; the later one shows, and the user is told plainly to check it.

Files to import are untrusted: each is read and checked whole before anything is written, text in
it is cleaned like typed text, and a file that is broken or not ours is named in one sentence and
skipped, while the other files are still imported.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from coprod_meet.domain import events as ev
from coprod_meet.domain.dates import date_in_words
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import Event, Group, Meeting, now
from coprod_meet.domain.text import clean_note, clean_short, count
from coprod_meet.services.archive import ArchiveService
from coprod_meet.storage.archive import SAVED_AT, Problem
from coprod_meet.storage.schema import SCHEMA_VERSION, check_schema
from coprod_meet.storage.durable import CorruptFile, atomic_write, decode, encode, is_temp_file
from coprod_meet.storage.record_index import DECISIONS

MAX_FILE_BYTES = 50 * 1024 * 1024
_EVENT_TYPE = re.compile(r"[a-z][a-z_]{0,39}")
_BROKEN = (KeyError, ValueError, TypeError, AttributeError, OverflowError, UserError)


class ImportProblem(UserError):
    """A file that cannot be imported; nothing from it was added."""


@dataclass
class Incoming:
    """One meeting read from a file, checked and cleaned, ready to merge."""

    label: str
    meeting: Meeting
    saved_at: str
    events: list[Event]
    group: Group | None = None
    payments: list[dict[str, Any]] = field(default_factory=list)  # only in files exported --with-payments


@dataclass
class ImportReport:
    files: int = 0
    added: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    unchanged: int = 0
    events_added: int = 0
    groups_added: list[str] = field(default_factory=list)
    members_added: int = 0
    conflicts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    claims: int = 0  # payment claims taken from files exported --with-payments
    groups_merged: list[str] = field(default_factory=list)
    # Names of groups with another id and the same name as a group here, left out (not merged).
    same_name_groups: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        # A group merged again brings nothing new by itself: what changed is its members and meetings.
        return bool(self.added or self.merged or self.groups_added or self.members_added or self.claims)

    def lines(self) -> list[str]:
        out = []
        if not self.changed:
            if self.files and not (self.problems or self.same_name_groups):
                out.append(f"Nothing new: this archive already had everything in the {count(self.files, 'meeting file')} "
                           f"read.")
            elif self.files:  # what was left out, and why, follows
                out.append(f"Nothing new was imported; {count(self.unchanged, 'meeting')} "
                           f"{'was' if self.unchanged == 1 else 'were'} already here." if self.unchanged
                           else "Nothing was imported.")
        else:
            if self.added:
                out.append(f"Added {count(len(self.added), 'meeting')}.")
            if self.merged:
                out.append(f"Brought {count(len(self.merged), 'meeting')} up to date with "
                           f"{count(self.events_added, 'thing')} recorded on the other laptop.")
            if self.unchanged:
                out.append(f"{count(self.unchanged, 'meeting')} {'was' if self.unchanged == 1 else 'were'} already "
                           f"up to date.")
            if self.groups_added:
                out.append(f"Added the {'group' if len(self.groups_added) == 1 else 'groups'} "
                           f"{', '.join(self.groups_added)}.")
            for name in self.groups_merged:
                out.append(f"Merged the other laptop's group {name} into the group of that name here.")
            if self.members_added:
                out.append(f"Added {count(self.members_added, 'member')} to groups we already had.")
        out += self.notes
        if self.claims:
            out.append(f"Took {count(self.claims, 'payment claim')} into the groups' private payment files.")
        out += [f"Please check: {c}" for c in self.conflicts]
        out += self.problems
        return out


# -- reading untrusted files -----------------------------------------------------------------


def _valid_uuid(value: Any) -> bool:
    try:
        return isinstance(value, str) and str(uuid.UUID(value)) == value
    except ValueError:
        return False


def _clean_value(value: Any) -> Any:
    """Event data from a file, with every piece of text cleaned like typed text."""
    if isinstance(value, str):
        return clean_note(value)
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    if isinstance(value, dict):
        return {clean_short(k, "field name"): _clean_value(v) for k, v in value.items()}
    if value is None or isinstance(value, (bool, int, float)):
        return value
    raise ValueError("not a plain value")


def _event(raw: Any) -> Event:
    if not isinstance(raw, dict) or not isinstance(raw.get("data", {}), dict):
        raise ValueError("an event is not a record")
    e = Event.from_dict(raw)
    if not _EVENT_TYPE.fullmatch(e.type) or not isinstance(raw.get("id"), str) or not 0 < len(e.id) <= 100:
        raise ValueError("an event has a strange type or id")
    return Event(type=e.type, data=_clean_value(e.data), id=e.id, at=e.at.replace(tzinfo=None), seq=e.seq)


def _tables(path: Path, label: str) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ImportProblem(f"{label} is too large to be a meeting file; nothing from it was imported.")
        raw = path.read_bytes()
    except OSError:
        raise ImportProblem(f"{label} could not be opened; check the name and that you may read it.") from None
    try:
        return check_schema(path, decode(path, raw))
    except CorruptFile as error:
        raise ImportProblem(f"{label} could not be imported ({error.reason}); nothing from it was added.") from None
    except UserError as error:  # saved by a newer coprod-meet
        raise ImportProblem(f"{label} was not imported: {error}") from None


def read_meeting_file(path: Path, label: str | None = None) -> Incoming:
    """One meeting file (from an archive or from export-meeting), checked whole.

    Raises ``ImportProblem`` with one sentence naming the file if anything in it is wrong.
    """
    label = label or path.name
    tables = _tables(path, label)
    meta = tables.get("_meta", {}).get("1", {})
    if not isinstance(meta, dict) or meta.get("kind") != "meeting":
        raise ImportProblem(f"{label} is not a coprod-meet meeting file; nothing from it was imported.")
    try:
        plan = tables["meeting"]["1"]
        meeting = Meeting.from_dict(plan)
        if not _valid_uuid(meeting.id):
            raise ValueError("the meeting id is not a UUID")
        saved_at = plan.get(SAVED_AT) or ""
        if saved_at:
            datetime.fromisoformat(saved_at)
        raw_events = tables.get("events", {})
        if not isinstance(raw_events, dict):
            raise ValueError("the events are not a table")
        seen: dict[str, Event] = {}
        for raw in raw_events.values():
            e = _event(raw)
            seen.setdefault(e.id, e)
        group_doc = tables.get("group", {}).get("1")
        group = Group.from_dict(group_doc) if isinstance(group_doc, dict) else None
    except _BROKEN:
        raise ImportProblem(f"{label} does not hold a meeting coprod-meet can read; nothing from it was imported."
                            ) from None
    events = sorted(seen.values(), key=lambda e: e.sort_key)
    payments = tables.get("payments", {})
    claims = [c for c in payments.values() if isinstance(c, dict)] if isinstance(payments, dict) else []
    return Incoming(label, meeting, saved_at, events, group, claims)


def _read_groups(path: Path, label: str) -> list[Group]:
    tables = _tables(path, label)
    try:
        return [Group.from_dict(g) for g in tables.get("groups", {}).values()]
    except _BROKEN:
        raise ImportProblem(f"{label} does not hold groups coprod-meet can read; its groups were not imported."
                            ) from None


def _sources(path: Path, report: ImportReport) -> tuple[list[Incoming], list[Group]]:
    """The meetings and groups in one path: a meeting file, an archive folder or a folder of files."""
    if not path.exists():
        report.problems.append(f"{path} does not exist; check the name and try again.")
        return [], []
    if path.is_file():
        try:
            incoming = read_meeting_file(path, path.name)
        except ImportProblem as error:
            report.problems.append(str(error))
            return [], []
        report.files += 1
        return [incoming], []
    folder = path / "meetings" if (path / "meetings").is_dir() else path
    files = sorted(p for p in folder.glob("*.json") if not is_temp_file(p) and p.is_file())
    groups: list[Group] = []
    if (path / "groups.json").is_file():
        try:
            groups = _read_groups(path / "groups.json", f"{path.name}/groups.json")
        except ImportProblem as error:
            report.problems.append(str(error))
    if not files and not groups:
        report.problems.append(f"{path} holds no coprod-meet meetings; give a meeting file or an archive folder.")
        return [], []
    found = []
    for f in files:
        label = f"{path.name}/{f.relative_to(path)}"
        try:
            found.append(read_meeting_file(f, label))
            report.files += 1
        except ImportProblem as error:
            report.problems.append(str(error))
    return found, groups


# -- merging ---------------------------------------------------------------------------------


def merge_logs(ours: list[Event], theirs: list[Event]) -> list[Event]:
    """Two copies of one meeting's log as one, in time order, each event once.

    Both logs are in their own time order. Events are taken by time; within the same second
    each laptop's own order is kept, and an event both laptops have is a meeting point (what
    one laptop recorded after it stays after it). On a tie, this laptop's events come first.
    """
    shared = {e.id for e in ours} & {e.id for e in theirs}
    done: set[str] = set()
    merged: list[Event] = []
    i = j = 0
    while i < len(ours) or j < len(theirs):
        if i < len(ours) and ours[i].id in done:
            i += 1
            continue
        if j < len(theirs) and theirs[j].id in done:
            j += 1
            continue
        if j >= len(theirs):
            take = ours[i]
        elif i >= len(ours):
            take = theirs[j]
        else:
            a, b = ours[i], theirs[j]
            if a.id == b.id or a.at < b.at:
                take = a
            elif b.at < a.at:
                take = b
            else:  # the same second: an event both have waits until the other side reaches it
                take = b if a.id in shared and b.id not in shared else a
        merged.append(take)
        done.add(take.id)
    return merged


def _plan_key(saved_at: str, events: list[Event]) -> tuple[str, str]:
    last = max((e.at for e in events), default=None)
    return saved_at, last.isoformat() if last else ""


def _merge_members(service: ArchiveService, local: Group, incoming: Group, report: ImportReport) -> None:
    """Add to ``local`` the members only the other laptop knew (by id)."""
    fresh = [m for m in incoming.members if local.member(m.id) is None]
    if not fresh:
        return
    names = {m.name.casefold() for m in local.members}
    for m in fresh:
        if m.name.casefold() in names:
            report.notes.append(f"Both laptops have a member called {m.name} in {local.name}; they are kept as two "
                                "people. If they are the same person, take one off the group.")
        local = local.with_member(m)
    service.save_group(local)
    report.members_added += len(fresh)


def _merge_groups(
    service: ArchiveService, groups: list[Group], report: ImportReport, merge_groups: bool,
    meetings_of: dict[str, int],
) -> tuple[dict[str, Group], set[str]]:
    """Merge the incoming groups; returns (incoming group id -> the local group it went into for a
    group with another id and the same name, ids of groups left out)."""
    moved: dict[str, Group] = {}
    left_out: set[str] = set()
    seen: set[str] = set()
    for incoming in groups:
        if incoming.id in seen:
            continue
        seen.add(incoming.id)
        here = service.groups()
        local = next((g for g in here if g.id == incoming.id), None)
        if local is not None:
            _merge_members(service, local, incoming, report)
            continue
        namesake = next((g for g in here if g.name.casefold() == incoming.name.casefold()), None)
        if namesake is None:
            try:
                service.save_group(incoming)
            except UserError as error:
                left_out.add(incoming.id)
                report.problems.append(f"The group {incoming.name} could not be imported: {error}")
                continue
            report.groups_added.append(incoming.name)
        elif merge_groups:
            _merge_members(service, namesake, incoming, report)
            moved[incoming.id] = service.group(namesake.id)
            report.groups_merged.append(incoming.name)
        else:
            left_out.add(incoming.id)
            report.same_name_groups.append(incoming.name)
            theirs = meetings_of.get(incoming.id, 0)
            report.problems.append(
                f"The group {incoming.name} being imported has the same name as a group here but is a different "
                f"group, so it and its {count(theirs, 'meeting')} were not imported; to merge the two into one group, "
                "import again with --merge-groups."
            )
    return moved, left_out


def _decision_edits(events: list[Event]) -> dict[str, set[str]]:
    edits: dict[str, set[str]] = {}
    for e in events:
        if e.type == ev.DECISION_EDITED and isinstance(e.data.get("id"), str):
            edits.setdefault(e.data["id"], set()).add(e.id)
    return edits


def _not_the_same(a: Meeting, b: Meeting) -> bool:
    """Two plans with one id that cannot be one meeting: another group or another day."""
    return a.group_id != b.group_id or a.start.date() != b.start.date()


def _refuse_twins(title: str, ours: Meeting, theirs: Meeting, where: str) -> str:
    return (f"The meeting {title} was not imported: {where} has a meeting with the same id but "
            f"{'another group' if ours.group_id != theirs.group_id else 'another date'} "
            f"({ours.group_name}, {date_in_words(ours.start)} against {theirs.group_name}, "
            f"{date_in_words(theirs.start)}), so they are not the same meeting; export it again from the laptop "
            "that has it right.")


def import_paths(service: ArchiveService, paths: list[Path], *, merge_groups: bool = False) -> ImportReport:
    """Merge meeting files and archive folders into this archive; see the module notes."""
    report = ImportReport()
    incoming: dict[str, Incoming] = {}
    twins: set[str] = set()
    groups: list[Group] = []
    for path in paths:
        path = Path(path).expanduser()
        try:
            same = path.resolve() == service.root.resolve()
        except OSError:
            same = False
        if same:
            report.problems.append(f"{path} is this archive itself; there is nothing to import from it.")
            continue
        found, found_groups = _sources(path, report)
        groups += found_groups
        for item in found:
            if item.group is not None:
                groups.append(item.group)
            if item.meeting.id in incoming:  # the same meeting in two files: merge them first
                known = incoming[item.meeting.id]
                if _not_the_same(known.meeting, item.meeting):
                    if item.meeting.id not in twins:
                        report.problems.append(_refuse_twins(item.meeting.title, known.meeting, item.meeting,
                                                             "another file being imported"))
                    twins.add(item.meeting.id)
                    continue
                known.events = merge_logs(known.events, item.events)
                if _plan_key(item.saved_at, item.events) > _plan_key(known.saved_at, known.events):
                    known.meeting, known.saved_at = item.meeting, item.saved_at
            else:
                incoming[item.meeting.id] = item
    for mid in twins:
        incoming.pop(mid, None)
    # A meeting whose group came with no group record brings its group from its plan.
    named = {g.id for g in groups}
    for item in incoming.values():
        m = item.meeting
        if m.group_id not in named and m.group_name:
            groups.append(Group(id=m.group_id, name=m.group_name, members=m.roster))
            named.add(m.group_id)
    meetings_of: dict[str, int] = {}
    for item in incoming.values():
        meetings_of[item.meeting.group_id] = meetings_of.get(item.meeting.group_id, 0) + 1
    moved, left_out = _merge_groups(service, groups, report, merge_groups, meetings_of)
    for mid, item in list(incoming.items()):
        if item.meeting.group_id in left_out:
            del incoming[mid]
        elif item.meeting.group_id in moved:
            into = moved[item.meeting.group_id]
            item.meeting = replace(item.meeting, group_id=into.id, group_name=into.name)

    incoming_edits: dict[str, set[str]] = {}
    for item in incoming.values():
        for decision_id, ids in _decision_edits(item.events).items():
            incoming_edits.setdefault(decision_id, set()).update(ids)
    records = service.read_model

    to_write: list[tuple[Meeting, list[Event]]] = []
    stamps: dict[str, str] = {}
    conflicted: set[str] = set()
    for item in incoming.values():
        mid = item.meeting.id
        loaded = service.read_meeting(mid) if service.has_meeting_file(mid) else None
        if loaded is None and service.has_meeting_file(mid):
            service.set_aside_if_unreadable(mid)  # moves the unreadable local file aside and says so
        if loaded is None:
            to_write.append((item.meeting, item.events))
            stamps[mid] = item.saved_at
            report.added.append(item.meeting.title)
            continue
        local_meeting, local_events = loaded
        if _not_the_same(local_meeting, item.meeting):
            report.problems.append(_refuse_twins(item.meeting.title, local_meeting, item.meeting, "this archive"))
            continue
        local_plan, _ = service.read_meeting_data(mid)
        local_saved = (local_plan or {}).get(SAVED_AT, "")
        local_ids = {e.id for e in local_events}
        new_events = [e for e in item.events if e.id not in local_ids]
        take_theirs = (
            item.meeting.to_dict() != local_meeting.to_dict()
            and _plan_key(item.saved_at, item.events) > _plan_key(local_saved, local_events)
        )
        if not new_events and not take_theirs:
            report.unchanged += 1
            continue
        for decision_id in _decision_edits(new_events):
            theirs = incoming_edits.get(decision_id, set())
            ours = {e.id for e in records.events_about(DECISIONS, decision_id) if e.type == ev.DECISION_EDITED}
            if ours - theirs:
                conflicted.add(decision_id)
        merged = merge_logs(local_events, item.events)
        plan = item.meeting if take_theirs else local_meeting
        to_write.append((plan, merged))
        stamps[mid] = item.saved_at if take_theirs else local_saved
        report.merged.append(plan.title)
        report.events_added += len(new_events)
    if to_write:
        service.write_whole_meetings(to_write, saved_at=stamps)
    claims = [c for item in incoming.values() for c in item.payments]
    if claims:
        from coprod_meet.services.payments import PaymentsService

        report.claims = PaymentsService(service).take_claims(claims)
    for decision_id in sorted(conflicted):
        row = records.record(DECISIONS, decision_id)
        if row is None:
            continue
        message = _conflict_words(row)
        records.note_conflict(decision_id, message, now().isoformat())
        report.conflicts.append(message)
    return report


def _conflict_words(row: dict[str, Any]) -> str:
    try:
        when = date_in_words(datetime.fromisoformat(row.get("start", "")))
    except ValueError:
        when = "an unknown date"
    text = clean_short(str(row.get("text", ""))[:120], "decision")
    return (f"the decision \u201c{text}\u201d ({row.get('group_name', '')}, {when}) was changed on both laptops. "
            f"Both versions are kept in its history and the later change shows now; "
            f"please agree with the co-chairs which is right.")


def same_name_problems(service: ArchiveService) -> list[Problem]:
    """Groups in this archive that share a name (for ``check``): people cannot tell them apart."""
    by_name: dict[str, list[Group]] = {}
    for g in service.groups():
        by_name.setdefault(g.name.casefold(), []).append(g)
    problems = []
    for same in by_name.values():
        if len(same) > 1:
            ids = ", ".join(g.id[:8] for g in same)
            problems.append(Problem(
                service.root / "groups.json",
                f"{len(same)} groups are called {same[0].name} (ids starting {ids}); rename one in the app "
                "(press G for groups) so people can tell them apart",
            ))
    return problems


# -- exporting -------------------------------------------------------------------------------


def export_meeting(service: ArchiveService, meeting_id: str, target: Path, *, with_payments: bool = False) -> Path:
    """Write one self-contained meeting file (plan with roster, whole log, its group).

    Payment claims are private and kept apart from the meeting: they go in the file only when
    ``with_payments`` asks for them."""
    mid = service.find_meeting_id(meeting_id)
    plan, raw_events = service.read_meeting_data(mid)
    if plan is None:
        raise UserError("That meeting's file cannot be read; run `coprod-meet check` to look at the archive.")
    target = Path(target).expanduser()
    if target.is_dir():
        target = target / f"{mid}.json"
    if not target.parent.is_dir():
        raise UserError(f"The folder {target.parent} does not exist; please choose a folder that does.")
    group = next((g for g in service.groups() if g.id == plan.get("group_id")), None)
    tables: dict[str, Any] = {
        "_meta": {"1": {"schema": SCHEMA_VERSION, "kind": "meeting", "exported": now().isoformat()}},
        "meeting": {"1": plan},
        "events": {str(i): e for i, e in enumerate(raw_events, start=1)},
    }
    if group is not None:
        tables["group"] = {"1": group.to_dict()}
    if with_payments:
        from coprod_meet.services.payments import PaymentsService

        claims = PaymentsService(service).claims_of_meeting(mid, str(plan.get("group_id", "")))
        tables["payments"] = {str(i): c for i, c in enumerate(claims, start=1)}
    atomic_write(target, encode(tables))
    return target
