"""Attendance during a meeting: who is here, who sent apologies, who came late or left early."""

from __future__ import annotations

from typing import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coprod_meet.domain.numbering import could_grow, number_width
from coprod_meet.tui.widgets.footer import Footer

class AttendanceScreen(ModalScreen[None]):
    """Choose a person with the arrows (or their number), then press a letter for their status."""

    BINDINGS = [
        Binding("p", "mark('present')", "Here", id="attendance.present"),
        Binding("l", "mark('late')", "Arrived late", id="attendance.late"),
        Binding("e", "mark('left')", "Left early", id="attendance.left"),
        Binding("a", "mark('apologies')", "Apologies", id="attendance.apologies"),
        Binding("g", "add_person", "Add a guest", id="attendance.add"),
        Binding("escape", "close", "Done", id="attendance.done"),
    ]
    HELP = ("Move to a person with the arrow keys or press their number. Numbers above 9 are two digits: "
            "press 1 then 2 for 12. Then press P if they are here, L if they arrived late, "
            "E if they left early, or A if they sent apologies. "
            "Press G to add a guest, or a member who joined the group after the meeting was planned: "
            "you give their name, whose voice they bring, and how public minutes may name them "
            "(not named, unless they agree). Press Escape when you are done.")

    def __init__(self, people: Callable[[], list[tuple[str, str]]], mark: Callable[[str, str], bool],
                 add: Callable[[], None] | None = None) -> None:
        """``people()`` gives (member id, "Priya is here") lines; ``mark(id, status)`` records one;
        ``add()`` asks who to add to the list (a guest)."""
        super().__init__()
        self._people = people
        self._mark = mark
        self._add = add
        self._typed = ""  # digits typed so far, while they could still grow into a longer number

    def compose(self) -> ComposeResult:
        with Vertical(id="attendance-box"):
            yield Static("Attendance", id="attendance-title", markup=False)
            yield Static("P here, L arrived late, E left early, A apologies, G add a guest. Escape when done.",
                         id="attendance-keys", markup=False)
            yield OptionList(id="attendance-list")
        yield Footer()

    def on_mount(self) -> None:
        self._fill(0)
        self.query_one(OptionList).focus()

    def _fill(self, highlighted: int) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        people = self._people()  # in attendance list order: the numbers are the meeting's numbers
        width = number_width(len(people))
        for n, (member_id, line) in enumerate(people, start=1):
            options.add_option(Option(Text(f"{n:>{width}}. {line}"), id=member_id))
        if options.option_count:
            options.highlighted = min(highlighted, options.option_count - 1)

    def on_key(self, event) -> None:
        if self.take_key(event.key, event.character):
            event.stop()

    def take_key(self, key: str, character: str | None) -> bool:
        """A number moves to that person; numbers above 9 are two digits (1 then 2 for 12).
        (Also a number typed in the same instant as T, before this list opened.)"""
        char = character or ""
        if not char.isdigit() or not self.is_mounted:
            self._typed = ""
            return False
        options = self.query_one(OptionList)
        typed = self._typed + char
        numbers = range(1, options.option_count + 1)
        if int(typed) in numbers:
            options.highlighted = int(typed) - 1
        self._typed = typed if could_grow(typed, numbers) else ""
        return True

    def action_mark(self, status: str) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None:
            return
        member_id = options.get_option_at_index(index).id or ""
        if self._mark(member_id, status):
            self._fill(min(index + 1, options.option_count - 1))

    def action_add_person(self) -> None:
        if self._add is not None:
            self._add()

    def on_screen_resume(self) -> None:
        """Back from adding someone: the list as it is now (a guest is added at the end)."""
        options = self.query_one(OptionList)
        self._fill(options.highlighted or 0)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self._add is not None if action == "add_person" else True

    def action_close(self) -> None:
        self.dismiss(None)
