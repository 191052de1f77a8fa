"""The one base of every form: fields, Ctrl+S to save, a plain "not saved" line, Escape that asks
before throwing typed words away, and a draft kept on disk while the person types.

Two layouts, same behaviour: ``FormScreen`` is a whole page (planning: members, items, settings,
the meeting plan), where Enter in a one-line box saves; ``BoxFormScreen`` is a box over the screen
(records: decisions, actions, "you said"), where Enter moves on to the next box, as Tab does.

Drafts: a form opened with ``drafting(...)`` writes what is in its fields, a moment after each
change (off the event loop, with the archive's atomic write), to ``drafts/`` in the archive. It is
dropped when the form is saved or thrown away; after a crash or a kill the app offers it back
when it next starts (see ``tui/drafts.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Generic, TypeVar

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Header, Input, OptionList, Select, Static, TextArea

from coprod_meet.domain.errors import UserError
from coprod_meet.domain.records import RecordPrefill
from coprod_meet.services.drafts import Draft, Drafts
from coprod_meet.services.records import RecordsService
from coprod_meet.tui.drafts import about_item
from coprod_meet.tui.screens.base import HelpfulScreen
from coprod_meet.tui.screens.dialog import confirm
from coprod_meet.tui.widgets.footer import Footer
from coprod_meet.tui.widgets.forms import field_values, fill_fields, first_field, focus_first, hint, label

R = TypeVar("R")
DRAFT_DELAY = 0.4  # seconds after the last change before the draft is written


@dataclass(frozen=True)
class Filled(Generic[R]):
    """What a record form gives back: the checked record, and for a correction why it was made."""

    record: R
    reason: str = ""


def records_service(app: Any) -> RecordsService:
    """The records service over the app's archive (cheap: it holds no state of its own)."""
    return RecordsService(app.service)


class FormScreen(HelpfulScreen):
    """A form. Subclasses yield their fields from ``fields()`` and make the result in ``build()``,
    raising ``UserError`` with one plain sentence when something is missing or wrong."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        # Tab moves on the moment it arrives (a priority key), not after it has passed up through the
        # box it was typed in: letters typed or pasted in the same burst go to the next box, not this.
        Binding("tab", "app.focus_next", "Next box", id="form.next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Previous box", id="form.previous", show=False,
                priority=True),
        Binding("down,up,space", "open_list", "Open the list", id="form.open-list", show=False,
                priority=True),
        Binding("enter", "enter", "Open the list or move on", id="form.enter", show=False, priority=True),
    ]
    FORM_TITLE = ""
    TITLE_WORDS = "A form"
    ENTER_SAVES: ClassVar[bool] = True
    LABELS: ClassVar[str] = "field-label"
    DRAFT_WORDS: ClassVar[str] = "a form"  # what a draft of it is: "a decision"
    HELP = """
Fill in the boxes. Use Tab and Shift+Tab to move between them.
Press Ctrl+S to save, or Escape to go back without saving.
"""

    def __init__(self) -> None:
        super().__init__()
        self._draft: Draft | None = None
        self._draft_timer: Timer | None = None
        self._draft_on_disk = False
        self._opened_with: dict[str, Any] | None = None
        self._early: list[tuple[str, str | None]] = []  # keys that came before the form was ready
        self._settled = False  # drawn once: keys reach its fields as Textual sends them

    # -- the page -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="form-body"):
            yield Static(self.FORM_TITLE, classes="form-title", markup=False)
            yield from self.fields()
            yield hint("Ctrl+S to save, Escape to go back.", "form")
        yield Footer()

    def fields(self) -> ComposeResult:  # pragma: no cover - every form has fields
        yield from ()

    def build(self) -> Any:  # pragma: no cover - every form builds something
        raise NotImplementedError

    def on_mount(self) -> None:
        """After the form's own ``on_mount`` (Textual calls the handler of each class, the form's
        first, then this one): focus the first field, note what it started with, and put back the
        draft the app offered, if it is this form's."""
        if self.TITLE_WORDS and not self.sub_title:
            self.sub_title = self.TITLE_WORDS
        focus_first(self)
        # What it started with, now: keys typed in the same burst as the one that opened the form
        # come after this, so they are changes (and kept as a draft) like any others.
        self._opened_with = field_values(self)
        early, self._early = self._early, []
        for key, character in early:
            self._type(key, character)
        self.call_after_refresh(self._opened)

    def take_key(self, key: str, character: str | None) -> bool:
        """A key typed in the same instant as the key that opened this form ("d" and the words of
        a decision, as a fast typist or a paste sends them): it reached the screen under the form
        first and comes here unused (see ``CoprodMeetApp.on_key``). It is typed into the box that
        has the focus, in order; until the form is ready, it is kept. Once the form has been drawn,
        keys reach its fields as Textual sends them, and this takes none."""
        if self._settled:
            return False
        if self._opened_with is None:
            self._early.append((key, character))
        else:
            self._type(key, character)
        return True

    def _type(self, key: str, character: str | None) -> None:
        field = self.focused
        if field is None or isinstance(field, VerticalScroll):  # no field has the focus yet: the first
            field = first_field(self)
            if field is not None:
                self.set_focus(field, scroll_visible=False)
        if not isinstance(field, (Input, TextArea)):
            return
        if key == "enter":
            field.insert("\n") if isinstance(field, TextArea) else self._enter_in_a_box()
        elif key == "backspace":
            field.action_delete_left()
        elif character and character.isprintable():
            field.insert_text_at_cursor(character) if isinstance(field, Input) else field.insert(character)

    def _opened(self) -> None:
        """Once the form's own first changes are shown: the draft the app offered, if it is this one's."""
        self._settled = True
        offered: Draft | None = getattr(self.app, "draft_to_restore", None)
        if offered is not None and self._draft is not None and offered.key == self._draft.key:
            self.app.draft_to_restore = None
            fill_fields(self, offered.values)
            self._draft_on_disk = True
            self.notify("What you were writing is back. Check it, then press Ctrl+S to save.", markup=False)

    def action_open_list(self) -> None:
        """Enter, an arrow or Space on a closed drop-down list opens it and moves into it the
        moment it arrives, so the keys typed after it in the same burst (a fast typist, a paste)
        move in the open list instead of being lost on the closed one. Any other key goes on."""
        select = self.focused
        if not isinstance(select, Select) or select.expanded:
            raise SkipAction()
        select.action_show_overlay()
        self.set_focus(select.query_one(OptionList), scroll_visible=False)

    def action_enter(self) -> None:
        """Enter opens a closed drop-down list (as above); in a one-line box of a form where Enter
        does not save, it moves on the moment it arrives, as Tab does. Otherwise it goes on."""
        focused = self.focused
        if isinstance(focused, Select):
            self.action_open_list()
        elif isinstance(focused, Input) and not self.ENTER_SAVES:
            self.focus_next()
        else:
            raise SkipAction()

    def label(self, text: str, for_id: str = "") -> Static:
        return label(text, for_id, classes=self.LABELS)

    def value(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    def choice(self, selector: str) -> Any:
        value = self.query_one(selector, Select).value
        return None if value is Select.NULL else value

    def show_error(self, message: str) -> None:
        self.query_one("#form-hint", Static).update(f"Not saved: {message}")
        self.app.notify(message, severity="warning", markup=False)

    # -- saving and going back ------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._enter_in_a_box()

    def _enter_in_a_box(self) -> None:
        """Enter in a one-line box: saves the form, or in a form where it does not, moves on as Tab does."""
        if self.ENTER_SAVES:
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        try:
            result = self.build()
        except UserError as error:
            self.show_error(str(error))
            return
        self.forget_draft()
        self.dismiss(result)

    def typed(self) -> bool:
        """Whether anything in the fields differs from how the form opened."""
        return self._opened_with is not None and field_values(self) != self._opened_with

    def action_cancel(self) -> None:
        if not self.typed():
            self._discard()
            return
        confirm("Throw away what you typed?", self._discard,
                "Press Y to throw it away, or N to go back to the form and carry on.")

    def _discard(self) -> None:
        self.forget_draft()
        self.dismiss(None)

    # -- drafts ---------------------------------------------------------------------------------

    def drafting(self, screen: str, action: str, meeting_id: str = "", what: str = "") -> FormScreen:
        """Keep a draft of this form while it is filled in. ``screen`` and ``action`` say how to
        open it again: that screen (for ``meeting_id``), then that action of it. ``what`` says
        what it is, in words; records say "a decision on item 4, Budget update" by themselves."""
        if not what and isinstance(self, BoxFormScreen):  # a record says its meeting's item itself
            what = f"{self.DRAFT_WORDS} {about_item(self.prefill)}"
            what = f"a correction to {what}" if self.existing is not None else what
        key = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{action}-{meeting_id or 'new'}").strip("._")
        self._draft = Draft(key=key, what=what or self.DRAFT_WORDS, screen=screen, meeting_id=meeting_id,
                            action=action)
        return self

    def _changed(self) -> None:
        if self._draft is None or self._opened_with is None:
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_DELAY, self._write_draft)

    on_input_changed = on_text_area_changed = on_select_changed = _changed  # type: ignore[assignment]
    on_selection_list_selected_changed = on_radio_set_changed = on_checkbox_changed = _changed  # type: ignore

    def _write_draft(self) -> None:
        self._draft_timer = None
        if self._draft is None or not self.is_attached:
            return
        drafts = Drafts(self.app.service)
        if not self.typed():
            if self._draft_on_disk:
                self._draft_on_disk = False
                self.app.save(lambda key=self._draft.key: drafts.drop(key))
            return
        draft = replace(self._draft, values=field_values(self))
        self._draft_on_disk = True
        self.app.save(lambda: drafts.keep(draft))

    def forget_draft(self) -> None:
        """The form is saved or thrown away: its draft goes (after any write still waiting)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        draft, self._draft = self._draft, None
        if draft is not None:
            drafts = Drafts(self.app.service)
            self.app.save(lambda: drafts.drop(draft.key))


class BoxFormScreen(FormScreen, ModalScreen):
    """A form in a box over the screen, with Save and Cancel buttons and the error above them:
    a record (decision, action, "you said") of the meeting ``prefill`` is about, new or a
    correction of ``existing`` (whose earlier wordings are shown first)."""

    ENTER_SAVES = False
    LABELS = "form-label"

    def __init__(self, prefill: RecordPrefill, existing: Any = None) -> None:
        super().__init__()
        self.prefill = prefill
        self.existing = existing

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Static(self.FORM_TITLE, classes="form-title", markup=False)
            with VerticalScroll(classes="form-fields"):
                yield from self.history(self.existing)
                yield from self.fields()
            yield Static("", classes="form-error", markup=False)
            with Horizontal(classes="form-buttons"):
                yield Button("Save (Ctrl+S)", id="form-save", variant="primary")
                yield Button("Cancel (Esc)", id="form-cancel")
        yield Footer()

    def history(self, record: Any) -> ComposeResult:
        """The earlier wordings of a record being corrected, when it has any."""
        if record is not None and record.history:
            yield self.label("Earlier wording (kept as history):")
            yield Static(Content("\n".join(c.in_words() for c in record.history)), classes="form-history")

    def show_error(self, message: str) -> None:
        error = self.query_one(".form-error", Static)
        error.update(Content(f"Not saved yet: {message}" if message else ""))
        error.set_class(bool(message), "shown")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "form-save":
            event.stop()
            self.action_save()
        elif event.button.id == "form-cancel":
            event.stop()
            self.action_cancel()
