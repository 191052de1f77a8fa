"""After a crash or a kill, offer back what someone was typing in a form (see services/drafts.py).

When the app starts it reads the drafts left in the archive (off the event loop) and asks about
the oldest: "You were writing a decision on item 4, Carers' breaks. Carry on?" Yes opens the
screen the form belongs to, opens the form from there as its key would, and puts the typed words
back. "Not now" keeps the draft for next time; "No" throws it away and says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from coprod_meet.services.drafts import Draft, Drafts

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.domain.records import RecordPrefill
    from coprod_meet.tui.app import CoprodMeetApp


def about_item(prefill: RecordPrefill) -> str:
    """ "on item 4, Carers' breaks", or "on this meeting" when no item is open."""
    ids = [item_id for item_id, _title in prefill.items]
    if prefill.item_id in ids:
        return f"on item {ids.index(prefill.item_id) + 1}, {prefill.item_title(prefill.item_id)}"
    return "on this meeting"


def _screen_for(draft: Draft) -> Screen | None:
    """The screen the draft's form is opened from (None: the meetings list, already open)."""
    if draft.screen == "live":
        from coprod_meet.tui.screens.live import LiveScreen

        return LiveScreen(draft.meeting_id)
    if draft.screen == "meeting":
        from coprod_meet.tui.screens.meeting_view import MeetingViewScreen

        return MeetingViewScreen(draft.meeting_id)
    if draft.screen == "agenda":
        from coprod_meet.tui.screens.agenda_editor import AgendaEditorScreen

        return AgendaEditorScreen(draft.meeting_id)
    if draft.screen == "you_said":
        from coprod_meet.tui.screens.you_said import YouSaidScreen

        return YouSaidScreen(draft.meeting_id)
    return None


def offer_drafts(app: CoprodMeetApp) -> None:
    """Look for drafts off the event loop; ask about the oldest once they are read. With none,
    the app offers to go back to a meeting left running instead (one question at a time)."""
    drafts = Drafts(app.service)
    app.save(drafts.waiting, on_saved=lambda found: _ask(app, found))


def _ask(app: CoprodMeetApp, found: list[Draft]) -> None:
    from coprod_meet.tui.screens.dialog import choose

    if not found:
        app.offer_running_meeting()  # nothing half-typed: perhaps a meeting was left running
        return
    draft = found[0]
    more = len(found) - 1
    later = f" ({more} more will be offered next time.)" if more else ""

    def answered(choice: str) -> None:
        if choice == "open":
            _reopen(app, draft)
        elif choice == "drop":
            app.save(lambda: Drafts(app.service).drop(draft.key))
            app.notify(f"What you were writing ({draft.what}) is thrown away.", markup=False)

    choose(f"You were writing {draft.what}. Carry on?",
           [("open", "Yes, open it again with what I typed"), ("later", "Not now: ask me next time"),
            ("drop", "No, throw it away")], answered,
           prompt=f"It was not saved when the app last closed.{later}")


def _reopen(app: CoprodMeetApp, draft: Draft) -> None:
    screen = _screen_for(draft)
    app.draft_to_restore = draft  # the form takes it back when it opens (form_base.FormScreen)

    async def open_it() -> None:
        if screen is not None:
            await app.push_screen(screen)
        await app.screen.run_action(draft.action)

    app.call_later(open_it)
