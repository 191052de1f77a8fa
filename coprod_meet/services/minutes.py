"""Minutes of a meeting in the archive: compose, render, report, write to a file.

The front ends (CLI, TUI) call this; it gathers what the composer needs from the archive (the
meeting, its log, the group's earlier "you said" records and the next meeting of the group).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import NamedTuple

from coprod_meet.domain import events as ev
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import Event, Meeting
from coprod_meet.minutes.compose import compose
from coprod_meet.minutes.document import COPIES, MEMBERS, Document
from coprod_meet.minutes.readability import Readability, report
from coprod_meet.minutes.render import BINARY, FORMATS, render
from coprod_meet.services.archive import ArchiveService

_GROUP_RECORDS = {ev.YOU_SAID, ev.DECISION_RECORDED, ev.DECISION_EDITED, ev.ACTION_RECORDED, ev.ACTION_EDITED}


class ExportFailed(UserError):
    pass


class FileExists(ExportFailed):
    """The file is there already: the front end asks (TUI, line mode) or wants ``--force`` (CLI)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"There is already a file called {path}; choose another name, or say to replace it.")
        self.path = path


class UnsureMentions(UserError):
    """Typed text may name someone the public copy must not name (see minutes/mentions.py)."""

    def __init__(self, mentions: tuple[str, ...], how: str = "say that they are not names") -> None:
        shown = "; ".join(mentions[:5]) + (f"; and {len(mentions) - 5} more" if len(mentions) > 5 else "")
        super().__init__(f"The public copy may name a member who asked not to be named: {shown}. "
                         f"Change those words, or {how}.")
        self.mentions = mentions


def _link_new(temp: Path, target: Path) -> None:
    """Move ``temp`` to ``target`` only if no file is there (FileExistsError if one is), so a file
    made by someone else since the check is never replaced."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: the check before writing has to do
        if target.exists():
            raise FileExistsError(target) from None
        temp.replace(target)
        return
    temp.unlink()


def mentions_in_words(mentions: tuple[str, ...]) -> list[str]:
    """The uncertain mentions as lines for a person to read before saying yes."""
    return ["These words may be the name of a member who is not named in public. "
            "They were left as typed, as they may be ordinary words:", *(f"- {m}" for m in mentions)]


def _check_copy(copy: str) -> None:
    if copy not in COPIES:
        raise UserError(f"The copy must be one of: {', '.join(COPIES)}.")


class MinutesExport(NamedTuple):
    meeting: Meeting
    document: Document
    fmt: str
    data: bytes
    readability: Readability

    @property
    def binary(self) -> bool:
        return self.fmt in BINARY

    @property
    def suggested_name(self) -> str:
        """'minutes-2026-03-12-public-easy-read.html'."""
        parts = ["minutes", self.meeting.start.date().isoformat(), self.document.copy]
        if self.document.easy_read:
            parts.append("easy-read")
        return "-".join(parts) + f".{self.fmt}"

    @property
    def mentions(self) -> tuple[str, ...]:
        """Places the public copy may name someone it must not (empty when there are none)."""
        return self.document.mentions

    def check_mentions(self) -> None:
        if self.mentions:
            raise UnsureMentions(self.mentions)

    def describe(self) -> str:
        """'the public copy as Word'."""
        return f"the {self.document.copy_words} as {FORMATS[self.fmt]}"


class MinutesService:
    def __init__(self, archive: ArchiveService) -> None:
        self.archive = archive

    def _group_history(self, meeting: Meeting) -> tuple[list[Event], Meeting | None]:
        """The group's earlier records ("you said", decisions) and its next meeting."""
        earlier: list[Event] = []
        following = None
        for summary in self.archive.list_meetings():
            if summary.group_id != meeting.group_id or summary.id == meeting.id:
                continue
            if summary.start < meeting.start:
                earlier += [e for e in self.archive.events(summary.id) if e.type in _GROUP_RECORDS]
            elif following is None or summary.start < following.start:
                following = summary
        return earlier, (self.archive.get_meeting(following.id) if following else None)

    def document(self, meeting_id: str, *, copy: str = MEMBERS, easy_read: bool = False) -> Document:
        _check_copy(copy)
        return self._compose(self.archive.get_meeting(meeting_id), copy, easy_read)

    def _compose(self, meeting: Meeting, copy: str, easy_read: bool) -> Document:
        earlier, following = self._group_history(meeting)
        return compose(meeting, self.archive.events(meeting.id), copy=copy, easy_read=easy_read,
                       group_events=earlier, next_meeting=following)

    def export(self, meeting_id: str, fmt: str = "md", *, copy: str = MEMBERS, easy_read: bool = False) -> MinutesExport:
        return self.exports(meeting_id, (fmt,), copy=copy, easy_read=easy_read)[0]

    def exports(self, meeting_id: str, formats: tuple[str, ...] = tuple(FORMATS), *, copy: str = MEMBERS,
                easy_read: bool = False) -> list[MinutesExport]:
        """The minutes in several formats, composed once."""
        for fmt in formats:
            if fmt not in FORMATS:
                raise UserError(f"The format must be one of: {', '.join(FORMATS)}.")
        _check_copy(copy)
        meeting = self.archive.get_meeting(meeting_id)
        document = self._compose(meeting, copy, easy_read)
        readability = report(document)
        return [MinutesExport(meeting, document, fmt, render(document, fmt), readability) for fmt in formats]

    @staticmethod
    def write(export: MinutesExport, path: Path | str, *, replace: bool = False) -> Path:
        """Write the export to ``path``. A file already there is replaced only when ``replace``
        (else :class:`FileExists`); plain words if it cannot be written."""
        target = Path(path).expanduser()
        MinutesService.check_target(export, target, replace=replace)
        temp = target.with_name(f".{target.name}.part")
        try:
            temp.write_bytes(export.data)
            if replace:
                temp.replace(target)
            else:
                _link_new(temp, target)
        except FileExistsError:
            temp.unlink(missing_ok=True)
            raise FileExists(target) from None
        except OSError as error:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
            reason = error.strerror.lower() if error.strerror else "the system refused"
            raise ExportFailed(f"I could not write {target} ({reason}); please choose a place you can write to.") \
                from None
        return target

    @staticmethod
    def check_target(export: MinutesExport, path: Path | str, *, replace: bool = False) -> Path:
        """Whether ``path`` can be written: one plain sentence if not (checked again by ``write``)."""
        target = Path(path).expanduser()
        if target.is_dir():
            raise ExportFailed(f"{target} is a folder; please give a file name, such as {export.suggested_name}.")
        if not target.parent.is_dir():
            raise ExportFailed(f"The folder {target.parent} does not exist; please choose a folder that does.")
        if not replace and target.exists():
            raise FileExists(target)
        return target
