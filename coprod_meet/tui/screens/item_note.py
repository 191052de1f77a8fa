"""A note for the minutes, from the meeting screen (key M): what was said, who said it, and
whether it may go in the public copy. Three short questions, in the meeting screen's own boxes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_meet.services.notes import add_item_note
from coprod_meet.tui.screens.dialog import Choice

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.tui.screens.live import LiveScreen

NOBODY = "-"
WHO_MAY_READ = [("members", "Members only: not in the public copy"),
                ("public", "Everyone: the public copy too (names only as each member agreed)")]


def ask_item_note(screen: LiveScreen) -> None:
    live = screen.live
    state = live.state
    if state.started is None or state.ended is not None or not state.current_item_id:
        screen.notify("Notes are written while the meeting runs, on the item that is open.",
                      severity="warning", markup=False)
        return
    speaking = state.speaking
    written = speaking.member_id if speaking is not None and speaking.via == "written" else ""

    def typed(text: str) -> None:
        if not text.strip():
            return
        # Those here first, so each has the number the meeting screen shows beside their name.
        people = screen._people()
        extras = [(NOBODY, "Nobody in particular, or the group")]
        if written:
            extras.insert(0, (f"written:{written}", f"{state.name(written)}'s written comment, read out now"))
        top = max((c.number or 0 for c in people), default=0)  # the extra lines come after everyone's number
        people += [Choice(key, words, top + n) for n, (key, words) in enumerate(extras, start=1)]

        def who_chosen(choice: str) -> None:
            is_written = choice.startswith("written:")
            speaker = choice.removeprefix("written:") if choice != NOBODY else ""

            def visibility(answer: str) -> None:
                where = "the public copy too" if answer == "public" else "the members' copy only"
                screen.do(lambda: add_item_note(live, text, public=answer == "public", speaker_id=speaker,
                                                written=is_written), f"The note is in {where}.")

            screen._choose("Who may read this note?", WHO_MAY_READ, visibility)

        screen._choose("Who said it?", people, who_chosen)

    screen._ask("A note for the minutes", "Type what was said on this item, in a few plain words, then press Enter.",
                typed)
