"""The room view: a calm, large-text view of the running meeting for a projector or a call.

It only reads. One background thread looks at the meeting's file four times a second (one stat
call) and reads it again only when it changed; nothing on this screen changes the meeting.
"""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.worker import get_current_worker

from coprod_meet.services.room import POLL_SECONDS, RoomFollower
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.widgets.footer import Footer
from coprod_meet.tui.widgets.words import Words

PARTS = ("title", "status", "item", "break", "speaking", "next", "cards", "problem")


class RoomScreen(HelpfulScreen):
    TITLE_WORDS = "The room view"
    HELP = """
This is the room view: a large, calm view of the meeting for a projector, or to share into an online call.
It shows the item, who is speaking, who is next, any cards that are up, and when we are on a break.

It follows the meeting as the co-chairs run it on their laptop, within a second of each change.
It only reads the meeting: no key here changes anything, and it never saves.
If the co-chairs' app closes and opens again, this view simply carries on.

People are named as the group names them, or as in the public minutes if the group chose that.
Starting the view with --public-names does the same.
"(online)" or "(on the phone)" after a name says how that person joins the meeting.
Make the text bigger with your terminal's own zoom; the view fits a small window too.
Press Ctrl+Q to close the room view. The meeting carries on.
"""

    def __init__(self, follower: RoomFollower) -> None:
        super().__init__()
        self.follower = follower
        self._parts: dict[str, Words] = {}

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="room-body"):
            for part in PARTS:
                yield Words(id=f"room-{part}", bold=part in ("status", "item", "break", "speaking", "cards"))
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = "The room view (read only)"
        self._parts = {part: self.query_one(f"#room-{part}", Words) for part in PARTS}
        self.show_view()
        self.run_worker(self._follow, thread=True, group="room-follow", exclusive=True)

    def _follow(self) -> None:
        """Off the event loop, until the screen goes: look at the file, and show any change."""
        worker = get_current_worker()
        while not worker.is_cancelled:
            if self.follower.poll() and not worker.is_cancelled:
                try:
                    self.app.call_from_thread(self.show_view)
                except RuntimeError:  # the app is closing
                    return
            time.sleep(POLL_SECONDS)

    def show_view(self) -> None:
        view = self.follower.view
        words = {part: "" for part in PARTS}
        if view is None:
            words["status"] = "Reading the meeting…"
        else:
            words.update(title=view.title, status=view.status, item=view.item, speaking=view.speaking,
                         next=view.next_up, cards="\n".join(f"! {c}" for c in view.cards))
            words["break"] = view.on_break
        words["problem"] = self.follower.problem
        for part, text in words.items():
            widget = self._parts[part]
            widget.show(text)
            if widget.display != bool(text):
                widget.display = bool(text)
