"""Record a decision on the current item, or correct one: what, how, who disagreed and why."""

from __future__ import annotations

from datetime import date, datetime

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, RadioSet, Select, SelectionList, Static

from coprod_meet.domain.dates import date_in_words, parse_date
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.records import Decision, Method, RecordPrefill, make_decision
from coprod_meet.tui.screens.dialog import NOTHING, choose
from coprod_meet.tui.screens.form_base import BoxFormScreen, Filled
from coprod_meet.tui.widgets.forms import ChoiceButton, ChoiceSet, TickList, by_id, options

METHODS = list(Method)
AGREED = [("Not asked", "not_asked"), ("Yes, they agreed", "yes"), ("No, not all of them agreed", "no")]
AGREED_VALUE = {"not_asked": None, "yes": True, "no": False}


def typed_date(iso: str) -> str:
    """A stored date as people type it (day first), to put back in a box."""
    return date.fromisoformat(iso).strftime("%-d/%-m/%Y") if iso else ""


def date_feedback(words: str, today: date) -> str:
    """What typed date words mean, said back: "That is Saturday 12 September 2026."."""
    if not words.strip():
        return ""
    try:
        return f"That is {date_in_words(parse_date(words, now=datetime.combine(today, datetime.min.time())))}."
    except UserError as error:
        return str(error)


class DecisionFormScreen(BoxFormScreen):
    TITLE_WORDS = "Record a decision"
    DRAFT_WORDS = "a decision"
    HELP = """
Write what was decided in plain words. Then choose how it was decided.
Each way of deciding has a short meaning beside it.
For a vote, type how many were for, against, and did not vote.
If anyone disagreed or objected, tick them and write down their view.
Say whether the members with lived experience who were here agreed.
Type when to look at it again, for example "in 6 months".
Use Tab and Shift+Tab to move between boxes. Press Ctrl+S to save, or Escape to cancel.
"""

    def __init__(self, prefill: RecordPrefill, *, earlier: list[Decision] | None = None,
                 existing: Decision | None = None) -> None:
        super().__init__(prefill, existing)
        self.earlier = [d for d in (earlier or []) if existing is None or d.id != existing.id]
        self.supersedes = existing.supersedes if existing else ""
        self.FORM_TITLE = (f"Correct a decision on {existing.item_title or 'this meeting'}" if existing else
                           f"Record a decision on {prefill.item_title(prefill.item_id) or 'this meeting'}")

    def fields(self) -> ComposeResult:
        d, p = self.existing, self.prefill
        yield self.label("What was decided, in plain words")
        yield Input(d.text if d else "", id="decision-text", placeholder="We will ...")
        yield self.label("Agenda item")
        yield Select(by_id(p.items), value=(d.item_id if d else p.item_id) or Select.NULL, id="decision-item",
                     prompt="No agenda item")
        yield self.label("How it was decided")
        chosen = d.method if d else Method.CONSENSUS
        with ChoiceSet(id="decision-method"):
            for m in METHODS:
                yield ChoiceButton(m.label, value=m is chosen, name=m.value)
        yield Static("", id="decision-meaning", markup=False)
        with Horizontal(id="decision-counts", classes="form-row"):
            counts = d.counts if d else {}
            for key, words in (("for", "For"), ("against", "Against"), ("abstain", "Did not vote")):
                yield self.label(words)
                yield Input(str(counts.get(key, "")) if counts else "", id=f"count-{key}", classes="count",
                            restrict=r"[0-9]*", max_length=4)
        yield self.label("Who proposed it")
        proposer = (d.proposed_by if d else "") or Select.NULL
        yield Select(by_id(p.members), value=proposer, id="decision-proposer", prompt="Nobody named")
        yield self.label("Who disagreed or objected (Space to tick)")
        yield TickList(*[(Content(name), mid, bool(d and mid in d.dissent_by))
                                   for mid, name in p.present_members + self._absent_dissenters()],
                                 id="decision-dissent-by")
        yield self.label("Their view, in their words (needed if anyone disagreed)")
        yield Input(d.dissent if d else "", id="decision-dissent")
        yield self.label("Did the members with lived experience who were here agree?")
        agreed = {None: "not_asked", True: "yes", False: "no"}[d.lived_experience_agreed if d else None]
        yield Select(options(AGREED), value=agreed, id="decision-agreed", allow_blank=False)
        yield self.label('When to look at it again (for example "in 6 months")')
        yield Input(typed_date(d.review_date) if d else "", id="decision-review")
        yield Static("", id="decision-review-said", markup=False)
        yield self.label("Does it replace an earlier decision?")
        yield Static("", id="decision-supersedes", markup=False)
        yield Button("Choose an earlier decision", id="decision-pick-earlier")
        if d is not None:
            yield self.label("Why the change (kept with the history)")
            yield Input("", id="decision-reason")

    def _absent_dissenters(self) -> tuple[tuple[str, str], ...]:
        """People ticked before who are not here now, so a correction keeps them."""
        here = {m for m, _ in self.prefill.present_members}
        ticked = self.existing.dissent_by if self.existing else ()
        return tuple((m, self.prefill.name(m) or "someone") for m in ticked if m not in here)

    def on_mount(self) -> None:
        self._show_method()
        self._show_supersedes()
        self._show_review()

    # -- live feedback ----------------------------------------------------------------------

    def method(self) -> Method:
        pressed = self.query_one("#decision-method", RadioSet).pressed_button
        return Method(pressed.name) if pressed is not None and pressed.name else Method.CONSENSUS

    def _show_method(self, highlighted: Method | None = None) -> None:
        chosen = self.method()
        self.query_one("#decision-counts").display = chosen is Method.VOTE
        shown = highlighted or chosen
        hint = "" if shown is chosen else f"\nChosen now: {chosen.label}. Press Space to choose {shown.label}."
        self.query_one("#decision-meaning", Static).update(f"{shown.label}: {shown.meaning}{hint}")

    def _show_supersedes(self) -> None:
        texts = {d.id: d.text for d in self.earlier}
        if self.existing and self.existing.supersedes and self.existing.supersedes not in texts:
            texts[self.existing.supersedes] = "an earlier decision"
        said = f"Replaces: {texts.get(self.supersedes, 'an earlier decision')}" if self.supersedes else "No."
        self.query_one("#decision-supersedes", Static).update(Content(said))
        self.query_one("#decision-pick-earlier", Button).disabled = not self.earlier

    def _show_review(self) -> None:
        words = self.value("#decision-review")
        self.query_one("#decision-review-said", Static).update(Content(date_feedback(words, self.prefill.today)))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._show_method()

    def on_choice_set_highlighted(self, event: ChoiceSet.Highlighted) -> None:
        if event.choice_set.id == "decision-method" and event.name in Method._value2member_map_:
            self._show_method(Method(event.name))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "decision-review":
            self._show_review()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "decision-pick-earlier":
            event.stop()
            self.pick_earlier()

    def pick_earlier(self) -> None:
        choices = [(d.id, f"{d.item_title + ': ' if d.item_title else ''}{d.text}") for d in self.earlier]

        def chosen(value: str) -> None:
            self.supersedes = "" if value == NOTHING else value
            self._show_supersedes()

        choose("Which earlier decision does this one replace?", choices, chosen, nothing="It replaces nothing")

    # -- the result -------------------------------------------------------------------------

    def build(self) -> Filled[Decision]:
        counts = {k: self.value(f"#count-{k}") for k in ("for", "against", "abstain")}
        method = self.method()
        decision = make_decision(
            self.prefill,
            text=self.value("#decision-text"),
            method=method,
            item_id=self.choice("#decision-item") or "",
            counts=counts if method is Method.VOTE else {},
            dissent=self.value("#decision-dissent"),
            dissent_by=self.query_one("#decision-dissent-by", SelectionList).selected,
            proposed_by=self.choice("#decision-proposer") or "",
            lived_experience_agreed=AGREED_VALUE[self.choice("#decision-agreed")],
            review=self.value("#decision-review"),
            supersedes=self.supersedes,
            decision_id=self.existing.id if self.existing else None,
        )
        return Filled(decision, self.value("#decision-reason") if self.existing else "")
