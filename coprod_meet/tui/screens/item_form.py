"""Add or change one agenda item: title, kind, time, who leads and presents, summary, papers."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.widgets import Input, Select, Static, TextArea

from coprod_meet.domain.dates import date_in_words, minutes_in_words, parse_date, parse_duration
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import AgendaItem, ItemKind, Meeting, Paper
from coprod_meet.domain.planning import paper_sent
from coprod_meet.tui.screens.form_base import FormScreen
from coprod_meet.tui.widgets.forms import hint, label, member_options, options, select_value

PAPER_EXAMPLE = "Carers' breaks briefing | papers/breaks.pdf | 10 March 2026"


def papers_to_text(papers: tuple[Paper, ...]) -> str:
    """One paper a line: "title | where | date sent"."""
    lines = []
    for p in papers:
        sent = paper_sent(p.sent)
        lines.append(" | ".join([p.title, p.where, date_in_words(sent) if sent else ""]).rstrip(" |"))
    return "\n".join(lines)


def papers_from_text(text: str) -> tuple[Paper, ...]:
    """Read papers typed one a line; a mistake names the line."""
    papers = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) > 3 or not parts[0]:
            raise UserError(f'Paper line {n}: please write "title | where | date sent", for example "{PAPER_EXAMPLE}".')
        where = parts[1] if len(parts) > 1 else ""
        sent = ""
        if len(parts) > 2 and parts[2]:
            try:
                sent = parse_date(parts[2]).isoformat()
            except UserError as error:
                raise UserError(f"Paper line {n}: {error}") from None
        try:
            papers.append(Paper(title=parts[0], where=where, sent=sent))
        except UserError as error:
            raise UserError(f"Paper line {n}: {error}") from None
    return tuple(papers)


class ItemFormScreen(FormScreen):
    TITLE_WORDS = "An agenda item"
    HELP = """
Fill in the agenda item. Only the title is needed.
Kind: for information, for discussion, for a decision, or "you said, we did" feedback.
Time allowed: such as "15 minutes" or "1 hour". Lead: the co-chair who leads this item.
Presenter: who speaks to it, if anyone. Summary: one or two plain sentences.
Papers: one paper a line, as title | where it is (a file or a link) | the date it was sent.
For example: Carers' breaks briefing | papers/breaks.pdf | 10 March 2026.
Press Tab to move between fields, Ctrl+S to save, Escape to go back without saving.
"""

    def __init__(self, item: AgendaItem | None, meeting: Meeting, number: str = "") -> None:
        super().__init__()
        self.item = item
        self.meeting = meeting
        self.number = number
        self.FORM_TITLE = f"Change item {number}" if item else "Add an agenda item"

    def fields(self) -> ComposeResult:
        i = self.item
        members = [m for m in self.meeting.roster if not m.archived]
        chairs = [m for m in members if m.id in self.meeting.co_chair_ids]
        others = [m for m in members if m.id not in self.meeting.co_chair_ids]
        yield label("Title (needed)", "title")
        yield Input(i.title if i else "", id="title", placeholder="for example Carers' breaks")
        yield label("Kind", "kind")
        yield Select(options((k.words.capitalize(), k.value) for k in ItemKind), id="kind", allow_blank=False,
                     value=(i.kind if i else ItemKind.DISCUSSION).value)
        yield label("Time allowed", "minutes")
        yield Input(f"{i.minutes} minutes" if i else "10 minutes", id="minutes")
        yield hint("", "minutes")
        yield label("Led by", "lead")
        lead = i.lead_id if i else ""
        yield Select(member_options([*chairs, *others]), id="lead", allow_blank=False,
                     value=lead if any(m.id == lead for m in members) else "")
        yield label("Presented by", "presenter")
        presenter = i.presenter_id if i else ""
        yield Select(member_options(members), id="presenter", allow_blank=False,
                     value=presenter if any(m.id == presenter for m in members) else "")
        yield label("Summary in plain words", "summary")
        yield TextArea(i.summary if i else "", id="summary", soft_wrap=True)
        yield label("Papers: one a line, title | where | date sent", "papers")
        yield TextArea(papers_to_text(i.papers) if i else "", id="papers", soft_wrap=True)

    def on_mount(self) -> None:
        self._minutes_hint()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "minutes":
            self._minutes_hint()

    def _minutes_hint(self) -> None:
        try:
            minutes = parse_duration(self.query_one("#minutes", Input).value)
            self.query_one("#minutes-hint", Static).update(f"Understood: {minutes_in_words(minutes)}.")
        except UserError as error:
            self.query_one("#minutes-hint", Static).update(str(error))

    def build(self) -> AgendaItem:
        fields = dict(
            title=self.query_one("#title", Input).value,
            kind=ItemKind(select_value(self.query_one("#kind", Select))),
            minutes=parse_duration(self.query_one("#minutes", Input).value),
            lead_id=select_value(self.query_one("#lead", Select)),
            presenter_id=select_value(self.query_one("#presenter", Select)),
            summary=self.query_one("#summary", TextArea).text,
            papers=papers_from_text(self.query_one("#papers", TextArea).text),
        )
        return replace(self.item, **fields) if self.item else AgendaItem(**fields)
