"""How a group likes to work: papers, breaks, turn limit, fair order, the share of say."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input

from coprod_meet.domain.dates import parse_duration
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import GroupSettings
from coprod_meet.tui.screens.form_base import FormScreen
from coprod_meet.tui.widgets.forms import TickBox, label

TARGET_KEY = "lived_experience+carer"


def _whole(text: str, what: str) -> int:
    text = text.strip().removesuffix("%").strip()
    if not text.isdigit():
        raise UserError(f"Please type {what} as a whole number, such as 7.")
    return int(text)


def _minutes(text: str, what: str) -> int:
    text = text.strip()
    if text in ("", "0", "none", "no"):
        return 0
    try:
        return parse_duration(text)
    except UserError:
        raise UserError(f'Please type {what} as a time, such as "60 minutes" or "1 hour", or 0 for none.') from None


class GroupSettingsScreen(FormScreen):
    TITLE_WORDS = "How the group works"
    HELP = """
These settings say how this group likes its meetings to run.
Papers: how many days before a meeting members want the papers. The agenda warns when papers
go out later. Breaks: how often to remind the co-chairs to offer a break (0 for never).
Turn limit: how long one turn may last before a gentle reminder (0 for no limit).
Fair order: people who have not spoken yet go first in the queue.
Share of say: the least share of speaking time the group wants for people with lived
experience and carers together. Lived experience is your own experience: knowing about
something because it happened to you.
Online first among equals: people online or on the phone go before people in the room who are
level with them in the queue. Nobody in the room sees their hands go up.
Room view: name people only as the public minutes do, when the room view is on a projector.
Press Ctrl+S to save, Escape to go back without saving.
"""

    def __init__(self, group_name: str, settings: GroupSettings) -> None:
        super().__init__()
        self.group_name = group_name
        self.settings = settings
        self.FORM_TITLE = f"How {group_name} works"

    def fields(self) -> ComposeResult:
        s = self.settings
        target = dict(s.voice_targets).get(TARGET_KEY, 0)
        yield label("Days before the meeting papers should go out", "papers")
        yield Input(str(s.papers_days), id="papers")
        yield label("Remind the co-chairs to offer a break every", "breaks")
        yield Input(f"{s.break_every_minutes} minutes" if s.break_every_minutes else "0", id="breaks")
        yield label("Gentle reminder when one turn lasts longer than", "turn")
        yield Input(f"{s.turn_limit_seconds // 60} minutes" if s.turn_limit_seconds else "0", id="turn")
        yield TickBox("People who have not spoken yet go first", s.fair_order, id="fair")
        yield TickBox("People online or on the phone go first among equals", s.remote_order == "remote_first",
                       id="remote-first")
        yield TickBox("The room view names people only as the public minutes do", s.room_public_names,
                       id="room-public")
        yield label("Least share of say for lived experience and carers together (%)", "target")
        yield Input(str(target), id="target")

    def build(self) -> GroupSettings:
        value = lambda wid: self.query_one(f"#{wid}", Input).value  # noqa: E731
        targets = [(k, v) for k, v in self.settings.voice_targets if k != TARGET_KEY]
        percent = _whole(value("target"), "the share of say")
        if percent:
            targets.insert(0, (TARGET_KEY, percent))
        return replace(
            self.settings,
            papers_days=_whole(value("papers"), "the days for papers"),
            break_every_minutes=_minutes(value("breaks"), "how often to offer a break"),
            turn_limit_seconds=_minutes(value("turn"), "the turn limit") * 60,
            fair_order=self.query_one("#fair", Checkbox).value,
            remote_order="remote_first" if self.query_one("#remote-first", Checkbox).value else "alike",
            room_public_names=self.query_one("#room-public", Checkbox).value,
            voice_targets=tuple(targets),
        )
