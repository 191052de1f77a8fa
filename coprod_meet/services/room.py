"""Follow a running meeting from its file, for the room view (a projector, or shared into a call).

The follower only reads: it never opens the archive (so it takes no lock and tidies nothing),
never writes, and asks the disk only for one ``stat`` a poll until the meeting's file changes.
The app running the meeting may close and open again meanwhile; the follower just carries on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from coprod_meet.domain.errors import UserError
from coprod_meet.domain.hybrid import joins_suffix
from coprod_meet.domain.model import Event, Meeting
from coprod_meet.domain.room_view import RoomView, room_view
from coprod_meet.domain.state import MeetingState
from coprod_meet.minutes.document import PUBLIC
from coprod_meet.minutes.naming import Namer
from coprod_meet.storage.archive import SchemaTooNew
from coprod_meet.storage.durable import CorruptFile
from coprod_meet.storage.follow import Stamp, meeting_files, read_meeting_file, stamp

POLL_SECONDS = 0.25  # a change shows within a second, at the cost of one stat call
LOOK_AT = 12  # meeting files (most recently changed first) looked at to find the running one

HOW_TO_PICK = ("type coprod-meet meetings to list them, then coprod-meet room MEETING_ID "
               "(the first few characters of the id do)")


@dataclass(frozen=True)
class Found:
    """A meeting the room can follow."""

    id: str
    title: str
    running: bool


def _archive_folder(root: Path) -> Path:
    root = Path(root).expanduser()
    if not (root / "meetings").is_dir():
        raise UserError(f"There is no coprod-meet archive at {root}; give its folder with --archive DIR.")
    return root


def _load(path: Path) -> tuple[Stamp, MeetingState]:
    """One whole version of a meeting file, replayed. Raises ``UserError`` in plain words."""
    try:
        st, plan, raw = read_meeting_file(path)
    except FileNotFoundError:
        raise UserError("The meeting's file is not in the archive just now.") from None
    except OSError:
        raise UserError("The meeting's file cannot be read just now.") from None
    except CorruptFile as error:
        raise UserError(f"The meeting's file cannot be read just now ({error.reason}).") from None
    except SchemaTooNew as error:
        raise UserError(str(error)) from None
    if plan is None:
        raise UserError("The meeting's file holds no meeting.")
    try:
        meeting = Meeting.from_dict(plan)
        events = [Event.from_dict(e) for e in raw]
    except (KeyError, ValueError, TypeError, AttributeError, UserError):
        raise UserError("Some of the meeting's file is not a meeting record; run coprod-meet check.") from None
    return st, MeetingState.replay(meeting, events)


def find_meeting(root: Path, text: str = "") -> Found:
    """The meeting to follow: the one whose id starts with ``text``, else the running one.

    With no ``text`` and several meetings running, the one changed last is chosen.
    """
    root = _archive_folder(root)
    files = meeting_files(root)
    text = text.strip()
    if text:
        matches = [(mid, path) for mid, path, _ in files if mid.startswith(text)]
        if not matches:
            raise UserError(f"No meeting id starts with {text!r}; {HOW_TO_PICK}.")
        if len(matches) > 1:
            raise UserError(f"More than one meeting id starts with {text!r}; please type more of the id.")
        mid, path = matches[0]
        _, state = _load(path)
        return Found(mid, state.meeting.title, state.started is not None and state.ended is None)
    for mid, path, _ in files[:LOOK_AT]:
        try:
            _, state = _load(path)
        except UserError:
            continue
        if state.started is not None and state.ended is None:
            return Found(mid, state.meeting.title, True)
    raise UserError(f"No meeting is running in this archive just now. Start one in coprod-meet, or pick one: "
                    f"{HOW_TO_PICK}.")


class RoomFollower:
    """The room's view of one meeting, read again from its file whenever the file changes."""

    def __init__(self, root: Path, meeting_id: str, *, public_names: bool | None = None) -> None:
        self.root = _archive_folder(root)
        self.meeting_id = meeting_id
        self.path = self.root / "meetings" / f"{meeting_id}.json"
        self.public_names = public_names  # None: as the group's setting says
        self.state: MeetingState | None = None
        self.view: RoomView | None = None
        self.problem = ""  # one plain sentence while the file cannot be read
        self._stamp: Stamp | None = None

    def changed(self) -> bool:
        """Whether the file looks different from the version shown (one stat call)."""
        return stamp(self.path) != self._stamp or self.state is None

    def poll(self) -> bool:
        """Read the file again if it changed. True when the view or the problem changed."""
        if not self.changed():
            return False
        try:
            st, state = _load(self.path)
        except UserError as error:
            self._stamp = stamp(self.path)  # try again when it changes (or is back)
            said = f"{error} Until it can, this is the meeting as it was last read."
            if self.state is None:
                said = f"{error} The meeting follows as soon as it can be read."
            fresh = said != self.problem
            self.problem = said
            return fresh
        self._stamp = st
        self.state = state
        view = room_view(state, self.namer(state))
        fresh = view != self.view or bool(self.problem)
        self.view = view
        self.problem = ""
        return fresh

    def namer(self, state: MeetingState) -> Callable[[str], str]:
        """How the room names people: as the group does, or as the public copy does (consent)."""
        public = state.meeting.settings.room_public_names if self.public_names is None else self.public_names
        base = Namer(state.meeting.roster, PUBLIC).name if public else state.name
        return lambda member_id: base(member_id) + joins_suffix(state, member_id)

    @property
    def names_in_words(self) -> str:
        public = (self.state is not None and self.state.meeting.settings.room_public_names
                  if self.public_names is None else self.public_names)
        return ("People are named as in the public minutes." if public
                else "People are named as the group names them.")
