"""Add or change one member: names, role, how they are named, whose voice, access needs."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Select, SelectionList
from textual.widgets.selection_list import Selection

from coprod_meet.domain.model import AccessNeed, Member, Naming, VoiceGroup
from coprod_meet.tui.screens.form_base import FormScreen
from coprod_meet.tui.widgets.forms import TickList, label, options, select_value

NAMING_WORDS = {
    Naming.FULL: "Full name (for example Hayley Brook)",
    Naming.FIRST: "First name only (for example Hayley)",
    Naming.ROLE: "Role only (for example a carer)",
    Naming.NOT_NAMED: "Not named at all",
}
VOICE_WORDS = {
    VoiceGroup.LIVED: "Lived experience",
    VoiceGroup.CARER: "Carer",
    VoiceGroup.PROFESSIONAL: "Professional",
    VoiceGroup.OTHER: "Other (a supporter, a guest)",
}


class MemberFormScreen(FormScreen):
    TITLE_WORDS = "A member"
    HELP = """
Fill in what the group needs to know about this member. Only the name is needed.
Name: what the group calls them in meetings. Full name and role: used in public minutes, if
the member agrees. "In public minutes" is the member's choice: full name, first name, role
only, or not named. Voice: whose voice they bring, used to see how the say is shared.
Access needs: use the arrow keys and Space to tick each thing they need; add anything else in
words. Press Tab to move between fields, Ctrl+S to save, Escape to go back without saving.
"""

    def __init__(self, member: Member | None, group_name: str) -> None:
        super().__init__()
        self.member = member
        self.group_name = group_name
        self.FORM_TITLE = f"{'Change' if member else 'Add'} a member of {group_name}"

    def fields(self) -> ComposeResult:
        m = self.member
        yield label("Name the group uses (needed)", "name")
        yield Input(m.name if m else "", id="name", placeholder="for example Priya")
        yield label("Full name", "full-name")
        yield Input(m.full_name if m else "", id="full-name", placeholder="for example Priya Patel")
        yield label("Role", "role")
        yield Input(m.role if m else "", id="role", placeholder="for example commissioner, a carer")
        yield label("In public minutes, name them by", "naming")
        yield Select(options((w, n.value) for n, w in NAMING_WORDS.items()), id="naming", allow_blank=False,
                     value=(m.naming if m else Naming.NOT_NAMED).value)
        yield label("Whose voice they bring", "voice")
        yield Select(options((w, v.value) for v, w in VOICE_WORDS.items()), id="voice", allow_blank=False,
                     value=(m.voice_group if m else VoiceGroup.OTHER).value)
        yield label("Access needs (Space to tick)", "needs")
        yield TickList(
            *(Selection(Text(n.words.capitalize()), n.value, bool(m and n in m.access_needs)) for n in AccessNeed),
            id="needs",
        )
        yield label("Anything else they need, in words", "notes")
        yield Input(m.access_notes if m else "", id="notes", placeholder="for example a seat near the door")

    def build(self) -> Member:
        get = lambda wid: self.query_one(f"#{wid}", Input).value  # noqa: E731
        fields = dict(
            name=get("name"),
            full_name=get("full-name"),
            role=get("role"),
            naming=Naming(select_value(self.query_one("#naming", Select))),
            voice_group=VoiceGroup(select_value(self.query_one("#voice", Select))),
            access_needs=tuple(AccessNeed(v) for v in self.query_one(SelectionList).selected),
            access_notes=get("notes"),
        )
        return replace(self.member, **fields) if self.member else Member(**fields)
