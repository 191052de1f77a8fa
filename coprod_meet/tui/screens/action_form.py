"""Record who will do what by when, or correct an action and change its status."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, RadioSet, Select, Static

from coprod_meet.domain.records import Action, ActionStatus, Decision, RecordPrefill, make_action
from coprod_meet.tui.screens.decision_form import date_feedback, typed_date
from coprod_meet.tui.screens.form_base import BoxFormScreen, Filled
from coprod_meet.tui.widgets.forms import ChoiceButton, ChoiceSet, by_id, options

STATUS_WORDS = {
    ActionStatus.OPEN: "Open: still to do",
    ActionStatus.DONE: "Done",
    ActionStatus.DROPPED: "Dropped: we will not do it (say why)",
}


class ActionFormScreen(BoxFormScreen):
    TITLE_WORDS = "Record an action"
    DRAFT_WORDS = "an action"
    HELP = """
Write what will be done, in plain words. Then choose who will do it.
It can be a member, or you can type the name of an organisation instead.
Type when it is due, for example "in 2 weeks" or "26/3/2026".
You can link it to a decision of this meeting.
Use Tab and Shift+Tab to move between boxes. Press Ctrl+S to save, or Escape to cancel.
"""

    def __init__(self, prefill: RecordPrefill, *, decisions: list[Decision] | None = None,
                 existing: Action | None = None, decision_id: str = "") -> None:
        super().__init__(prefill, existing)
        self.decisions = decisions or []
        self.decision_id = existing.decision_id if existing else decision_id
        self.FORM_TITLE = "Correct an action" if existing else (
            f"Record an action on {prefill.item_title(prefill.item_id) or 'this meeting'}")

    def fields(self) -> ComposeResult:
        a, p = self.existing, self.prefill
        yield self.label("What will be done, in plain words")
        yield Input(a.text if a else "", id="action-text", placeholder="ask providers for ...")
        yield self.label("Who will do it")
        owners = p.owners or p.members
        here = {m for m, _ in p.present_members}
        listed = [o for o in owners if o[0] in here or (a and o[0] == a.owner_id)]
        yield Select(by_id(listed), value=(a.owner_id if a and a.owner_id else Select.NULL), id="action-owner",
                     prompt="Not a member (type an organisation below)")
        yield self.label("Or the name of an organisation")
        yield Input(a.owner if a and not a.owner_id else "", id="action-organisation")
        yield self.label('Due (for example "in 2 weeks")')
        yield Input(typed_date(a.due) if a else "", id="action-due")
        yield Static("", id="action-due-said", markup=False)
        yield self.label("Agenda item")
        yield Select(by_id(p.items), value=(a.item_id if a else p.item_id) or Select.NULL, id="action-item",
                     prompt="No agenda item")
        yield self.label("Which decision it follows from")
        yield Select(options((d.text, d.id) for d in self.decisions), value=self.decision_id or Select.NULL,
                     id="action-decision", prompt="No decision")
        if a is not None:
            yield self.label("Status")
            with ChoiceSet(id="action-status"):
                for status, words in STATUS_WORDS.items():
                    yield ChoiceButton(words, value=status is a.status, name=status.value)
            yield self.label("Why it was dropped")
            yield Input(a.reason, id="action-dropped-reason")
            yield self.label("Why the change (kept with the history)")
            yield Input("", id="action-reason")

    def on_mount(self) -> None:
        self._show_due()

    def _show_due(self) -> None:
        said = date_feedback(self.value("#action-due"), self.prefill.today)
        self.query_one("#action-due-said", Static).update(Content(said))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "action-due":
            self._show_due()

    def status(self) -> ActionStatus:
        if self.existing is None:
            return ActionStatus.OPEN
        pressed = self.query_one("#action-status", RadioSet).pressed_button
        return ActionStatus(pressed.name) if pressed is not None and pressed.name else self.existing.status

    def build(self) -> Filled[Action]:
        a = self.existing
        owner = self.choice("#action-owner") or ""
        action = make_action(
            self.prefill,
            text=self.value("#action-text"),
            owner_id=owner,
            organisation="" if owner else self.value("#action-organisation"),
            due=self.value("#action-due"),
            item_id=self.choice("#action-item") or "",
            decision_id=self.choice("#action-decision") or "",
            status=self.status(),
            reason=self.value("#action-dropped-reason") if a else "",
            action_id=a.id if a else None,
        )
        if a is not None and a.owner_id == owner and owner:
            action = replace(action, owner=a.owner)  # keep the name as it was written then
        return Filled(action, self.value("#action-reason") if a else "")
