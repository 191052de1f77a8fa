"""Use cases over the archive that every front end calls: list, open, create, record events.

Returns domain objects; the front ends never touch TinyDB.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from coprod_meet.domain.errors import NotFound, UserError
from coprod_meet.storage.archive import (
    SAVED_AT,
    Archive,
    ArchiveBusy,
    CheckReport,
    Problem,
    default_archive_dir,
    summary_of,
)
from coprod_meet.storage.meeting_status import StatusBook, status_from_types
from coprod_meet.storage.durable import failure_in_words  # noqa: F401  (for the front ends)
from coprod_meet.storage.payments import PaymentStore
from coprod_meet.storage.catalogue import local_time
from coprod_meet.storage.read_model import ReadModel
from coprod_meet.storage.record_index import is_record_event

if TYPE_CHECKING:  # pragma: no cover  (read when first needed: listing meetings needs none of it)
    from coprod_meet.domain.model import Event, Group, Meeting


def _damaged(meeting_id: str) -> UserError:
    return UserError(
        f"The file of meeting {meeting_id} can be read but some of it is not a meeting record; "
        "run `coprod-meet check` and look at that file."
    )


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    """One line of the meetings list."""

    id: str
    group_id: str
    group_name: str
    title: str
    start: datetime
    end: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "group": self.group_name,
            "title": self.title,
            "start": self.start.isoformat(),
        }


class ArchiveService:
    """The archive as the front ends see it."""

    def __init__(self, archive: Archive) -> None:
        # The storage, for this service only (and storage tests): other services read through
        # ``read_model`` and write through the methods below.
        self.archive = archive
        self.read_model = ReadModel(archive)
        self.payments = PaymentStore(archive)  # each group's private payments file and policy
        self._summaries: list[MeetingSummary] | None = None
        self._status = StatusBook(archive.root)

    @classmethod
    def open(cls, root: Path | str | None = None, *, lock: bool = True) -> ArchiveService:
        return cls(Archive(root if root is not None else default_archive_dir(), lock=lock))

    @classmethod
    def open_to_read(cls, root: Path | str | None = None) -> ArchiveService:
        """The archive for reading only. Locked as usual when it is free; while the app has it
        open, read without the lock and without writing anything (see ``Archive``): every file
        is replaced whole, so what is read is a state the app saved. A change is then refused
        with a plain sentence."""
        where = root if root is not None else default_archive_dir()
        try:
            return cls(Archive(where))
        except ArchiveBusy:
            return cls(Archive(where, only_read=True))

    @property
    def only_read(self) -> bool:
        """Whether the archive was opened only to read, because the app has it open."""
        return self.archive.only_read

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> ArchiveService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def root(self) -> Path:
        return self.archive.root

    @property
    def problems(self) -> list[Problem]:
        """Files moved aside since the archive was opened, in plain words."""
        return list(self.archive.problems)

    # -- meetings -------------------------------------------------------------------------

    def list_meetings(self) -> list[MeetingSummary]:
        """Every meeting, newest first."""
        if self._summaries is None:
            self._summaries = [m for m in map(_summary, self.read_model.meeting_lines()) if m is not None]
        return list(self._summaries)

    def newest_first(self, words: str = "") -> Sequence[MeetingSummary]:
        """The meetings list of the first screen: newest first, each made into a summary only
        when its row is shown, so a 20,000-meeting archive opens as fast as a small one (see
        ``ReadModel.meetings``). ``words`` keeps the meetings whose title or group holds them."""
        return _LazySummaries(self.read_model.meetings(words))

    def has_meeting_file(self, meeting_id: str) -> bool:
        """Whether the archive holds a file for this meeting (readable or not)."""
        return self.archive.meeting_path(meeting_id).exists()

    def read_meeting_data(self, meeting_id: str) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        """A meeting's plan and events as stored, without keeping its file open; ``(None, [])``
        when it is missing or cannot be read."""
        return self.archive.read_meeting(meeting_id)

    def set_aside_if_unreadable(self, meeting_id: str) -> None:
        """Open a meeting's file, so one that will not parse is moved aside and said."""
        self.archive.meeting_file(meeting_id)

    def _file(self, meeting_id: str):
        before = len(self.archive.problems)
        f = self.archive.meeting_file(meeting_id)
        if f is None:
            self._summaries = None
            fresh = self.archive.problems[before:]
            if fresh:
                raise UserError(str(fresh[-1]))  # its file would not parse and was moved aside
            raise NotFound("There is no meeting with that id in this archive; type `coprod-meet meetings` to list them.")
        return f

    def find_meeting_id(self, text: str) -> str:
        """A full id, or a unique start of one (as people copy the first few characters)."""
        text = text.strip()
        matches = [m.id for m in self.list_meetings() if m.id.startswith(text)] if text else []
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise NotFound(f"No meeting id starts with {text!r}; type `coprod-meet meetings` to list them.")
        raise UserError(f"More than one meeting id starts with {text!r}; please type more of the id.")

    def get_meeting(self, meeting_id: str) -> Meeting:
        data = self._file(meeting_id).meeting()
        if data is None:
            raise NotFound("That meeting's file holds no meeting; run `coprod-meet check` to look at the archive.")
        from coprod_meet.domain.model import Meeting

        try:
            return Meeting.from_dict(data)
        except (KeyError, ValueError, TypeError, AttributeError):
            raise _damaged(meeting_id) from None

    def events(self, meeting_id: str) -> list[Event]:
        from coprod_meet.domain.model import Event

        try:
            events = [Event.from_dict(e) for e in self._file(meeting_id).events()]
        except (KeyError, ValueError, TypeError, AttributeError):
            raise _damaged(meeting_id) from None
        events.sort(key=lambda e: e.sort_key)
        return events

    def read_meeting(self, meeting_id: str) -> tuple[Meeting, list[Event]] | None:
        """A meeting and its events in time order, without keeping its file open (to read many).

        None when the file is missing or cannot be read; `check` reports such files.
        """
        plan, raw = self.archive.read_meeting(meeting_id)
        if plan is None:
            return None
        from coprod_meet.domain.model import Event, Meeting

        try:
            return Meeting.from_dict(plan), sorted((Event.from_dict(e) for e in raw), key=lambda e: e.sort_key)
        except (KeyError, ValueError, TypeError, UserError):
            return None

    def meeting_statuses(self) -> dict[str, str]:
        """Meeting id -> "running" or "ended" (a meeting not listed is planned). Read from a small
        index; built again from the logs once if it is missing."""
        known = self._status.load()
        if known is None:
            found = {}
            for m in self.list_meetings():
                _plan, raw = self.archive.read_meeting(m.id)
                found[m.id] = status_from_types([str(e.get("type", "")) for e in raw or []])
            self._status.put(found, whole=True)
            known = self._status.load() or {}
        return known

    def meeting_status(self, meeting_id: str) -> str:
        """planned, running or ended."""
        return self.meeting_statuses().get(meeting_id, "planned")

    def running_meetings(self) -> list[MeetingSummary]:
        """Meetings started and not ended, newest first."""
        running = {m for m, s in self.meeting_statuses().items() if s == "running"}
        return [m for m in self.list_meetings() if m.id in running] if running else []

    def _note_status(self, meeting_id: str, types: list[str]) -> None:
        from coprod_meet.domain import events as ev

        if ev.MEETING_ENDED in types or ev.MEETING_STARTED in types:
            self.meeting_statuses()  # (built first, if it was missing)
            self._status.put({meeting_id: status_from_types(types)})

    def save_meeting(self, meeting: Meeting) -> Meeting:
        """Create or update a meeting's plan and its catalogue line."""
        f = self.archive.meeting_file(meeting.id) or self.archive.create_meeting_file(meeting.id)
        data = meeting.to_dict()
        f.put_meeting(data)
        self.archive.index_meeting(summary_of(data))
        self.archive.records.update({meeting.id: f.events()})  # their group and date follow the plan
        self._summaries = None
        return meeting

    def append_event(self, meeting_id: str, event: Event) -> Event:
        """Write one event durably. Returns only when it is on disk."""
        from coprod_meet.domain.model import Event

        f = self._file(meeting_id)
        stamped = Event(type=event.type, data=event.data, id=event.id, at=event.at, seq=f.event_count() + 1)
        f.append_event(stamped.to_dict())
        self._note_status(meeting_id, [stamped.type])
        if is_record_event(stamped.type):
            # Decisions and actions are searched through the catalogue; live turns never touch it.
            self.archive.records.update({meeting_id: f.events()}, only={str(stamped.data.get("id", ""))})
        return stamped

    def append_events(self, meeting_id: str, events: list[Event]) -> list[Event]:
        """Write several events durably in one write, in order. Returns only when on disk."""
        from coprod_meet.domain.model import Event

        f = self._file(meeting_id)
        first = f.event_count() + 1
        stamped = [Event(type=e.type, data=e.data, id=e.id, at=e.at, seq=first + n) for n, e in enumerate(events)]
        if stamped:
            f.append_events([e.to_dict() for e in stamped])
            self._note_status(meeting_id, [e.type for e in stamped])
            records = {str(e.data.get("id", "")) for e in stamped if is_record_event(e.type)}
            if records:
                self.archive.records.update({meeting_id: f.events()}, only=records)
        return stamped

    def write_whole_meetings(
        self, items: list[tuple[Meeting, list[Event]]], *, saved_at: dict[str, str] | None = None
    ) -> None:
        """Write many complete meetings, one durable write each, then the catalogue once.

        ``saved_at`` keeps, per meeting id, when its plan was last saved (merges keep the newest).
        """
        written: dict[str, list[dict[str, Any]]] = {}
        whole = []
        for meeting, events in items:
            ordered = [e.to_dict() for e in events]
            for seq, e in enumerate(ordered, start=1):
                e["seq"] = seq
            plan = meeting.to_dict()
            if saved_at and saved_at.get(meeting.id):
                plan[SAVED_AT] = saved_at[meeting.id]
            whole.append((plan, ordered))
            written[meeting.id] = ordered
        self.archive.write_meetings_whole(whole)
        self.archive.index_meetings([summary_of(m.to_dict()) for m, _ in items])
        self.archive.records.update(written)
        self._summaries = None
        statuses = {m.id: status_from_types([e.type for e in events]) for m, events in items}
        if self._status.load() is not None or len(self.list_meetings()) == len(statuses):
            self._status.put(statuses)  # (an older archive's index is built from the logs when first asked)

    # -- groups ---------------------------------------------------------------------------

    def groups(self) -> list[Group]:
        from coprod_meet.domain.model import Group

        return sorted((Group.from_dict(g) for g in self.archive.all_groups()), key=lambda g: g.name.lower())

    def group(self, group_id: str) -> Group:
        for g in self.groups():
            if g.id == group_id:
                return g
        raise NotFound("There is no group with that id in this archive.")

    def find_group(self, name: str) -> Group:
        wanted = name.strip().lower()
        for g in self.groups():
            if g.name.lower() == wanted or g.id == name.strip():
                return g
        names = ", ".join(g.name for g in self.groups()) or "none yet"
        raise NotFound(f"There is no group called {name!r}; the groups are: {names}.")

    def save_group(self, group: Group) -> Group:
        self.archive.put_group(group.to_dict())
        return group

    # -- checking -------------------------------------------------------------------------

    def check(self) -> CheckReport:
        self._summaries = None
        return self.archive.check()


def _summary(line: dict[str, Any]) -> MeetingSummary | None:
    """A catalogue line as a summary; None for a damaged line (`check` reports the file itself)."""
    try:
        start = local_time(line["start"])
        end = local_time(line["end"]) if line.get("end") else start
        return MeetingSummary(line["id"], line.get("group_id", ""), line.get("group_name", ""),
                              line.get("title", ""), start, end)
    except (KeyError, ValueError, TypeError, OverflowError):  # (a time zone past the calendar's edge)
        return None


class _LazySummaries(Sequence[MeetingSummary]):
    """Catalogue lines in order, each made into a summary when it is first looked at."""

    def __init__(self, lines: Sequence[dict[str, Any]]) -> None:
        self._lines = lines
        self._made: dict[int, MeetingSummary | None] = {}

    def __len__(self) -> int:
        return len(self._lines)

    def _at(self, index: int) -> MeetingSummary:
        if index not in self._made:
            self._made[index] = _summary(self._lines[index])
        made = self._made[index]
        if made is None:  # a damaged line: shown as a meeting with no date rather than hidden
            line = self._lines[index]
            made = MeetingSummary(str(line.get("id", "")), "", str(line.get("group_name", "")),
                                  str(line.get("title", "")), datetime.min, datetime.min)
        return made

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self._at(i) for i in range(*index.indices(len(self._lines)))]
        if index < 0:
            index += len(self._lines)
        if not 0 <= index < len(self._lines):
            raise IndexError(index)
        return self._at(index)
