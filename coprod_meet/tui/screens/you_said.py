"""You said, we did: note what a member raised, link it to what we decided and did, report back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from coprod_meet.domain.dates import date_in_words
from coprod_meet.domain.records import YouSaid, make_you_said
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.screens.dialog import choose
from coprod_meet.tui.screens.form_base import BoxFormScreen, Filled, records_service
from coprod_meet.tui.widgets.footer import Footer
from coprod_meet.tui.widgets.forms import by_id
from coprod_meet.tui.widgets.save_status import SaveStatus


class YouSaidFormScreen(BoxFormScreen):
    TITLE_WORDS = "Note what a member said"
    HELP = """
Choose the member who said it, or type who raised it if they are not a member.
Then write what they said, in their words.
It will be shown under "You said, we did" at the next meetings until we report back.
Press Ctrl+S to save, or Escape to cancel.
"""
    FORM_TITLE = "You said: note what a member raised"
    DRAFT_WORDS = 'a "you said" note'

    def fields(self) -> ComposeResult:
        yield self.label("Who said it")
        yield Select(by_id(self.prefill.present_members), id="said-member", prompt="Not a member (type below)")
        yield self.label("Or who raised it, if not a member")
        yield Input("", id="said-raised-by", placeholder="for example: a survey of carers")
        yield self.label("What they said, in their words")
        yield Input("", id="said-text", placeholder="buses stop too early")

    def build(self) -> Filled[YouSaid]:
        member = self.choice("#said-member") or ""
        return Filled(make_you_said(self.prefill, text=self.value("#said-text"), member_id=member,
                                    raised_by="" if member else self.value("#said-raised-by")))


class YouSaidScreen(HelpfulScreen, ModalScreen[None]):
    """What members said at earlier meetings and this one, how far each has come, and keys to move it on."""

    TITLE_WORDS = "You said, we did"
    HELP = """
This list shows what members raised, and how far each has come.
It shows ideas from earlier meetings until we report back to the group.
Press A to add something a member said today.
Press D to link the highlighted line to a decision, or T to link it to an action.
Press R when you have told the group what came of it.
Press Escape to close.
"""
    BINDINGS = [
        Binding("a", "add", "Add", id="you_said.add"),
        Binding("d", "link_decision", "Link decision", id="you_said.decision"),
        Binding("t", "link_action", "Link action", id="you_said.action"),
        Binding("r", "report_back", "Reported back", id="you_said.report"),
        Binding("escape", "close", "Close", id="you_said.close"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.shown: list[YouSaid] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Static("You said, we did", classes="form-title", markup=False)
            yield OptionList(id="said-list")
            yield Static("", id="said-detail", markup=False)
            yield SaveStatus(id="said-save")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def reload(self) -> None:
        records = records_service(self.app)
        meeting = self.app.service.get_meeting(self.meeting_id)
        names = {m.id: m.name for m in meeting.roster}
        starts = {m.id: m.start for m in self.app.service.list_meetings()}
        earlier = records.you_said_for(self.meeting_id)
        self.shown = earlier + [y for y in records.you_said_heard_in(self.meeting_id) if y not in earlier]
        found = self.query_one(OptionList)
        keep = found.highlighted or 0
        found.clear_options()
        for y in self.shown:
            who = names.get(y.member_id, "") or y.raised_by or "Someone"
            when = date_in_words(starts[y.meeting_id]) if y.meeting_id in starts else "an earlier meeting"
            here = "today" if y.meeting_id == self.meeting_id else f"on {when}"
            found.add_option(Option(Content(f"{who} said {here}: {y.text} — {y.state.words}"), id=y.id))
        if self.shown:
            found.highlighted = min(keep, len(self.shown) - 1)
        else:
            self.query_one("#said-detail", Static).update("Nothing is waiting to be reported back. Press A to add.")

    def current(self) -> YouSaid | None:
        found = self.query_one(OptionList)
        if found.highlighted is None or not self.shown:
            self.app.notify("There is nothing in the list yet. Press A to add something.", markup=False)
            return None
        return self.shown[found.highlighted]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        y = next((s for s in self.shown if s.id == event.option.id), None)
        if y is None:
            return
        book = records_service(self.app).book_for(self.meeting_id)
        lines = [f"We decided: {book.decisions[i].text}" for i in y.decision_ids if i in book.decisions]
        lines += [f"We are doing: {book.actions[i].text} ({book.actions[i].status.words})"
                  for i in y.action_ids if i in book.actions]
        self.query_one("#said-detail", Static).update(Content("\n".join(lines) or "Not linked to anything yet."))

    def _write(self, write) -> None:
        status = self.query_one(SaveStatus)
        status.saving()
        self.app.save(write, on_saved=lambda _r: (status.saved(), self.reload()), on_failed=status.failed)

    def action_add(self) -> None:
        records = records_service(self.app)
        prefill = records.prefill(self.meeting_id)

        def done(filled: Filled[YouSaid] | None) -> None:
            if filled is not None:
                self._write(lambda: records.save_you_said(filled.record))

        self.app.push_screen(YouSaidFormScreen(prefill).drafting("you_said", "add", self.meeting_id), done)

    def _link(self, kind: str) -> None:
        said = self.current()
        if said is None:
            return
        records = records_service(self.app)
        book = records.book_for(self.meeting_id)
        if kind == "decision":
            choices = [(d.id, d.text) for d in book.decisions.values() if d.id not in said.decision_ids]
        else:
            choices = [(a.id, f"{a.owner}: {a.text}") for a in book.actions.values() if a.id not in said.action_ids]
        if not choices:
            self.app.notify(f"There is no {kind} of this group to link yet.", markup=False)
            return

        def chosen(value: str) -> None:
            link = {"decision_id": value} if kind == "decision" else {"action_id": value}
            self._write(lambda: records.link_you_said(said.id, in_meeting=self.meeting_id, **link))

        choose(f"Which {kind} answers \u201c{said.text}\u201d?", choices, chosen)

    def action_link_decision(self) -> None:
        self._link("decision")

    def action_link_action(self) -> None:
        self._link("action")

    def action_report_back(self) -> None:
        said = self.current()
        if said is None:
            return
        records = records_service(self.app)
        self._write(lambda: records.report_back(said.id, in_meeting=self.meeting_id))

    def action_close(self) -> None:
        self.dismiss(None)
