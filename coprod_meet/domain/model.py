"""The things a co-production group works with: people, groups, meetings, agendas, events.

Pure Python. Every record has a UUID (as a string) so archives from several laptops merge.
Each record turns into a plain dict (``to_dict``) and back (``from_dict``) for storage; the
storage layer never needs to know the fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from coprod_meet.domain.text import clean_name, clean_note, clean_short, clean_title


def new_id() -> str:
    """A fresh identity, safe to merge across laptops."""
    import uuid  # (13 ms to import: only when something new is made, not to read an archive)

    return str(uuid.uuid4())


def now() -> datetime:
    """The local time, to the second (events are stamped with it)."""
    return datetime.now().replace(microsecond=0)


class Naming(StrEnum):
    """How a member may be named in public minutes."""

    FULL = "full"
    FIRST = "first"
    ROLE = "role"
    NOT_NAMED = "not_named"

    @property
    def words(self) -> str:
        return {
            Naming.FULL: "full name",
            Naming.FIRST: "first name only",
            Naming.ROLE: "role only",
            Naming.NOT_NAMED: "not named",
        }[self]


class VoiceGroup(StrEnum):
    """Whose voice a member brings. Used for the balance of say."""

    LIVED = "lived_experience"
    CARER = "carer"
    PROFESSIONAL = "professional"
    OTHER = "other"

    @property
    def words(self) -> str:
        return {
            VoiceGroup.LIVED: "lived experience",
            VoiceGroup.CARER: "carer",
            VoiceGroup.PROFESSIONAL: "professional",
            VoiceGroup.OTHER: "other",
        }[self]

    @property
    def someone(self) -> str:
        """How to speak of one unnamed member of this group ("a carer")."""
        return {
            VoiceGroup.LIVED: "a member with lived experience",
            VoiceGroup.CARER: "a carer",
            VoiceGroup.PROFESSIONAL: "a professional",
            VoiceGroup.OTHER: "a member",
        }[self]


class AccessNeed(StrEnum):
    LARGE_PRINT = "large_print"
    EASY_READ = "easy_read"
    BSL = "bsl_interpreter"
    INTERPRETER = "other_interpreter"
    HEARING_LOOP = "hearing_loop"
    EXTRA_TIME = "extra_time"
    BREAKS = "regular_breaks"

    @property
    def words(self) -> str:
        return {
            AccessNeed.LARGE_PRINT: "large print papers",
            AccessNeed.EASY_READ: "easy read papers",
            AccessNeed.BSL: "a BSL interpreter",
            AccessNeed.INTERPRETER: "an interpreter",
            AccessNeed.HEARING_LOOP: "a hearing loop",
            AccessNeed.EXTRA_TIME: "extra time",
            AccessNeed.BREAKS: "regular breaks",
        }[self]


# Titles that come before a name and are not a first name ("Dr Ravi Lee" -> "Ravi").
_TITLES = frozenset({"dr", "cllr", "councillor", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "rev", "sir", "dame"})


def _enum(kind: type[StrEnum], value: Any, default: StrEnum) -> Any:
    try:
        return kind(value)
    except ValueError:
        return default


@dataclass(frozen=True)
class Member:
    """A member of a group. ``name`` is what the group calls them ("Priya", "Dr Lee")."""

    name: str
    id: str = field(default_factory=new_id)
    full_name: str = ""
    role: str = ""  # what they do, for "role only" naming: "commissioner", "a carer"
    naming: Naming = Naming.NOT_NAMED
    voice_group: VoiceGroup = VoiceGroup.OTHER
    access_needs: tuple[AccessNeed, ...] = ()
    access_notes: str = ""
    archived: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", clean_name(self.name))
        object.__setattr__(self, "full_name", clean_name(self.full_name))
        object.__setattr__(self, "role", clean_short(self.role, "role"))
        object.__setattr__(self, "access_notes", clean_short(self.access_notes, "access note"))
        object.__setattr__(self, "naming", Naming(self.naming))
        object.__setattr__(self, "voice_group", VoiceGroup(self.voice_group))
        object.__setattr__(self, "access_needs", tuple(AccessNeed(n) for n in self.access_needs))
        if not self.name:
            from coprod_meet.domain.errors import UserError

            raise UserError("Please give the member a name.")

    @property
    def first_name(self) -> str:
        """The first name, without a title: "Dr Ravi Lee" -> "Ravi"."""
        words = (self.full_name or self.name).split()
        while len(words) > 1 and words[0].lower().rstrip(".") in _TITLES:
            words = words[1:]
        return words[0] if words else ""

    def access_in_words(self) -> str:
        """'Sam needs large print papers and regular breaks.' or '' when nothing is needed."""
        needs = [n.words for n in self.access_needs]
        if self.access_notes:
            needs.append(self.access_notes)
        if not needs:
            return ""
        return f"{self.name} needs {join_words(needs)}."

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "full_name": self.full_name,
            "role": self.role,
            "naming": self.naming.value,
            "voice_group": self.voice_group.value,
            "access_needs": [n.value for n in self.access_needs],
            "access_notes": self.access_notes,
            "archived": self.archived,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Member:
        return cls(
            id=d["id"],
            name=d["name"],
            full_name=d.get("full_name", ""),
            role=d.get("role", ""),
            naming=_enum(Naming, d.get("naming"), Naming.NOT_NAMED),
            voice_group=_enum(VoiceGroup, d.get("voice_group"), VoiceGroup.OTHER),
            access_needs=tuple(
                AccessNeed(n) for n in d.get("access_needs", []) if n in AccessNeed._value2member_map_
            ),
            access_notes=d.get("access_notes", ""),
            archived=bool(d.get("archived", False)),
        )


REMOTE_ORDERS = ("alike", "remote_first")


@dataclass(frozen=True)
class GroupSettings:
    """How a group likes to work."""

    papers_days: int = 7
    break_every_minutes: int = 60
    turn_limit_seconds: int = 180
    fair_order: bool = True
    # Targets of share of speaking time, as whole percentages, by voice group value.
    # "lived_experience+carer": 60 means those two groups together should have at least 60%.
    voice_targets: tuple[tuple[str, int], ...] = (("lived_experience+carer", 50),)
    # Hybrid meetings: fair order treats people online or on the phone "alike" or "remote_first"
    # (first among equals); the room view names people as in the public copy when asked to.
    remote_order: str = "alike"
    room_public_names: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "papers_days": self.papers_days,
            "break_every_minutes": self.break_every_minutes,
            "turn_limit_seconds": self.turn_limit_seconds,
            "fair_order": self.fair_order,
            "voice_targets": [list(t) for t in self.voice_targets],
            "remote_order": self.remote_order,
            "room_public_names": self.room_public_names,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> GroupSettings:
        d = d or {}
        base = cls()
        return cls(
            papers_days=int(d.get("papers_days", base.papers_days)),
            break_every_minutes=int(d.get("break_every_minutes", base.break_every_minutes)),
            turn_limit_seconds=int(d.get("turn_limit_seconds", base.turn_limit_seconds)),
            fair_order=bool(d.get("fair_order", base.fair_order)),
            voice_targets=tuple(
                (str(k), int(v)) for k, v in d.get("voice_targets", base.voice_targets)
            ),
            remote_order=d.get("remote_order") if d.get("remote_order") in REMOTE_ORDERS else base.remote_order,
            room_public_names=d.get("room_public_names") is True,
        )


@dataclass(frozen=True)
class Group:
    name: str
    id: str = field(default_factory=new_id)
    members: tuple[Member, ...] = ()
    settings: GroupSettings = field(default_factory=GroupSettings)
    archived: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", clean_title(self.name))
        object.__setattr__(self, "members", tuple(self.members))
        if not self.name:
            from coprod_meet.domain.errors import UserError

            raise UserError("Please give the group a name.")

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)

    def with_member(self, member: Member) -> Group:
        """The group with this member added, or replaced when the id is already there."""
        others = [m for m in self.members if m.id != member.id]
        if len(others) == len(self.members):
            return replace(self, members=(*self.members, member))
        return replace(
            self, members=tuple(member if m.id == member.id else m for m in self.members)
        )

    @property
    def current_members(self) -> tuple[Member, ...]:
        return tuple(m for m in self.members if not m.archived)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "members": [m.to_dict() for m in self.members],
            "settings": self.settings.to_dict(),
            "archived": self.archived,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Group:
        return cls(
            id=d["id"],
            name=d["name"],
            members=tuple(Member.from_dict(m) for m in d.get("members", [])),
            settings=GroupSettings.from_dict(d.get("settings")),
            archived=bool(d.get("archived", False)),
        )


class ItemKind(StrEnum):
    INFORMATION = "information"
    DISCUSSION = "discussion"
    DECISION = "decision"
    FEEDBACK = "you_said_we_did"

    @property
    def words(self) -> str:
        return {
            ItemKind.INFORMATION: "for information",
            ItemKind.DISCUSSION: "for discussion",
            ItemKind.DECISION: "for a decision",
            ItemKind.FEEDBACK: "you said, we did",
        }[self]


@dataclass(frozen=True)
class Paper:
    title: str
    where: str = ""  # a path or a link, shown as text, never followed
    sent: str = ""  # ISO date the paper went out, "" when not yet sent

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", clean_title(self.title))
        object.__setattr__(self, "where", clean_short(self.where, "paper location"))

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "where": self.where, "sent": self.sent}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Paper:
        return cls(title=d["title"], where=d.get("where", ""), sent=d.get("sent", ""))


@dataclass(frozen=True)
class AgendaItem:
    title: str
    id: str = field(default_factory=new_id)
    kind: ItemKind = ItemKind.DISCUSSION
    lead_id: str = ""  # the co-chair who leads this item
    presenter_id: str = ""
    minutes: int = 10  # time allowed
    summary: str = ""
    papers: tuple[Paper, ...] = ()
    parent_id: str = ""  # nested under another item
    carried_from: str = ""  # "meeting_id" or "meeting_id/item_id" it came from
    standing: str = ""  # a standing item's key: "welcome", "apologies", "matters_arising", ...

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", clean_title(self.title))
        object.__setattr__(self, "summary", clean_note(self.summary))
        object.__setattr__(self, "kind", _enum(ItemKind, self.kind, ItemKind.DISCUSSION))
        object.__setattr__(self, "papers", tuple(self.papers))
        object.__setattr__(self, "minutes", max(0, int(self.minutes)))
        if not self.title:
            from coprod_meet.domain.errors import UserError

            raise UserError("Please give the agenda item a title.")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind.value,
            "lead_id": self.lead_id,
            "presenter_id": self.presenter_id,
            "minutes": self.minutes,
            "summary": self.summary,
            "papers": [p.to_dict() for p in self.papers],
            "parent_id": self.parent_id,
            "carried_from": self.carried_from,
            "standing": self.standing,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> AgendaItem:
        return cls(
            id=d["id"],
            title=d["title"],
            kind=d.get("kind", ItemKind.DISCUSSION),
            lead_id=d.get("lead_id", ""),
            presenter_id=d.get("presenter_id", ""),
            minutes=d.get("minutes", 10),
            summary=d.get("summary", ""),
            papers=tuple(Paper.from_dict(p) for p in d.get("papers", [])),
            parent_id=d.get("parent_id", ""),
            carried_from=d.get("carried_from", ""),
            standing=d.get("standing", ""),
        )


@dataclass(frozen=True)
class Meeting:
    """A planned or past meeting. ``roster`` is the group's members as they were for it."""

    group_id: str
    group_name: str
    title: str
    start: datetime
    end: datetime
    id: str = field(default_factory=new_id)
    place: str = ""
    online_link: str = ""
    co_chair_ids: tuple[str, ...] = ()
    roles: tuple[tuple[str, str], ...] = ()  # (role, member_id): timekeeper, note_taker, jargon_buster
    agenda: tuple[AgendaItem, ...] = ()
    roster: tuple[Member, ...] = ()
    settings: GroupSettings = field(default_factory=GroupSettings)

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", clean_title(self.title))
        object.__setattr__(self, "group_name", clean_title(self.group_name))
        object.__setattr__(self, "place", clean_short(self.place, "place"))
        object.__setattr__(self, "online_link", clean_short(self.online_link, "online link"))
        for name in ("co_chair_ids", "roles", "agenda", "roster"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        from coprod_meet.domain.errors import UserError

        if not self.title:
            raise UserError("Please give the meeting a title.")
        if self.end < self.start:
            raise UserError("The meeting cannot end before it starts; please check the times.")

    @property
    def planned_minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)

    def person(self, member_id: str) -> Member | None:
        return next((m for m in self.roster if m.id == member_id), None)

    def item(self, item_id: str) -> AgendaItem | None:
        return next((i for i in self.agenda if i.id == item_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "group_id": self.group_id,
            "group_name": self.group_name,
            "title": self.title,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "place": self.place,
            "online_link": self.online_link,
            "co_chair_ids": list(self.co_chair_ids),
            "roles": [list(r) for r in self.roles],
            "agenda": [i.to_dict() for i in self.agenda],
            "roster": [m.to_dict() for m in self.roster],
            "settings": self.settings.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Meeting:
        return cls(
            id=d["id"],
            group_id=d["group_id"],
            group_name=d.get("group_name", ""),
            title=d["title"],
            start=datetime.fromisoformat(d["start"]),
            end=datetime.fromisoformat(d["end"]),
            place=d.get("place", ""),
            online_link=d.get("online_link", ""),
            co_chair_ids=tuple(d.get("co_chair_ids", [])),
            roles=tuple(tuple(r) for r in d.get("roles", [])),
            agenda=tuple(AgendaItem.from_dict(i) for i in d.get("agenda", [])),
            roster=tuple(Member.from_dict(m) for m in d.get("roster", [])),
            settings=GroupSettings.from_dict(d.get("settings")),
        )


@dataclass(frozen=True)
class Event:
    """One thing that happened in a meeting. The log is append-only.

    ``type`` names what happened ("note", "attendance", "turn_started", ...); ``data`` holds
    its details as plain values. Events sort by (``at``, ``seq``, ``id``) so logs from two
    laptops merge into one time order.
    """

    type: str
    data: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=new_id)
    at: datetime = field(default_factory=now)
    seq: int = 0  # order within one laptop's log, for events stamped in the same second

    @property
    def sort_key(self) -> tuple[str, int, str]:
        return (self.at.isoformat(), self.seq, self.id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "at": self.at.isoformat(),
            "seq": self.seq,
            "data": self.data,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            id=d["id"],
            type=d["type"],
            at=datetime.fromisoformat(d["at"]),
            seq=int(d.get("seq", 0)),
            data=dict(d.get("data", {})),
        )


def note_event(text: str, *, author_id: str = "", at: datetime | None = None) -> Event:
    """A private note kept with the meeting (never exported in minutes)."""
    from coprod_meet.domain.errors import UserError

    cleaned = clean_note(text)
    if not cleaned:
        raise UserError("The note is empty; please type something to keep.")
    return Event(type="note", data={"text": cleaned, "author_id": author_id}, at=at or now())


def join_words(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    words = [w for w in words if w]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


# The roles a meeting can give people, by their stored names, in words ("Who is the note-taker?").
ROLE_WORDS = {"timekeeper": "timekeeper", "note_taker": "note-taker", "jargon_buster": "jargon buster",
              "remote_buddy": "remote buddy"}
