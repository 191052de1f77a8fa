"""Line mode: write a meeting's minutes to a file (the same service as the TUI's export screen)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coprod_meet.minutes.document import COPIES, MEMBERS
from coprod_meet.minutes.render import FORMATS
from coprod_meet.plain.meeting import Cancelled
from coprod_meet.services.minutes import FileExists, MinutesService, mentions_in_words

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.plain.meeting import MeetingSession

COPY_WORDS = {
    MEMBERS: "Members' copy: everyone by the name the group uses.",
    "public": "Public copy: names only as each member agreed.",
}


def cmd_export(m: MeetingSession, _rest: str) -> None:
    index = m.console.choose("Which copy", [COPY_WORDS[c] for c in COPIES])
    if index is None:
        raise Cancelled("No minutes were written.")
    copy = COPIES[index]
    easy = m.ask_optional("Easy read, with short sentences and a word list? Type yes or no:").lower()
    formats = list(FORMATS)
    index = m.console.choose("Which format", [f"{FORMATS[f][0].upper()}{FORMATS[f][1:]}: a .{f} file" for f in formats])
    if index is None:
        raise Cancelled("No minutes were written.")
    export = MinutesService(m.session.service).export(m.live.meeting_id, formats[index], copy=copy,
                                                      easy_read=easy in ("yes", "y"))
    if export.mentions:
        for line in mentions_in_words(export.mentions):
            m.say(line)
        answer = m.ask_optional("Are these ordinary words, not names? Type yes to write the copy as it is, "
                                "or no to stop:").lower()
        if answer not in ("yes", "y"):
            raise Cancelled("No minutes were written. Change those words, then type export again.")
    path = Path(m.ask_optional(f"Type the file to write, or press Enter for {export.suggested_name}:")
                or export.suggested_name)
    replace = False
    try:
        MinutesService.check_target(export, path)
    except FileExists:
        answer = m.ask_optional(f"There is already a file called {path}. Type yes to replace it, "
                                "or no to keep it:").lower()
        if answer not in ("yes", "y"):
            raise Cancelled(f"No minutes were written; {path} is as it was.") from None
        replace = True
    written = MinutesService.write(export, path, replace=replace)
    m.say(f"Wrote {export.describe()} to {written}.")
    for line in export.readability.lines()[:1]:
        m.say(line)
