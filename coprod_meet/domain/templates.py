"""Meeting templates and example meetings, written in TOML a person can read and edit.

A template holds a meeting's usual shape: its title, length, place and agenda (with standing
items such as apologies and "how did today go?"). An example meeting file uses the same form and
may also say which group, when, and who co-chairs. See ``meetings/*.toml`` for examples.

Pure Python (``tomllib`` is in the standard library). A broken file gives one plain sentence
naming the file and the line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Sequence

from coprod_meet.domain.dates import parse_duration
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.model import ROLE_WORDS, AgendaItem, ItemKind, Member, Paper, VoiceGroup
from coprod_meet.domain.text import clean_text

# What a lead may be, besides a member's name.
LIVED_CO_CHAIR = "lived experience co-chair"
OTHER_CO_CHAIR = "other co-chair"

STANDING_ITEMS = {
    "welcome": "Welcome and introductions",
    "apologies": "Apologies",
    "minutes": "Minutes of the last meeting",
    "matters_arising": "Matters arising",
    "you_said_we_did": "You said, we did",
    "aob": "Any other business",
    "how_did_today_go": "How did today go?",
}

_TOP_KEYS = {"title", "about", "length", "place", "online_link", "group", "when", "co_chairs", "roles", "item"}
_ITEM_KEYS = {"title", "kind", "minutes", "standing", "lead", "presenter", "summary", "paper", "sub"}
_PAPER_KEYS = {"title", "where", "sent"}
_AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_TIME_LIMIT = 24 * 60


class TemplateProblem(UserError):
    """A template file that cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class ItemPlan:
    """An agenda item as a template describes it (leads by words, not ids yet)."""

    title: str
    kind: ItemKind = ItemKind.DISCUSSION
    minutes: int = 10
    standing: str = ""
    lead: str = ""
    presenter: str = ""
    summary: str = ""
    papers: tuple[Paper, ...] = ()
    subs: tuple[ItemPlan, ...] = ()


@dataclass(frozen=True)
class Template:
    name: str  # the file's name, to show
    title: str
    about: str = ""
    length_minutes: int = 120
    place: str = ""
    online_link: str = ""
    group: str = ""
    when: str = ""
    co_chairs: tuple[str, ...] = ()
    roles: tuple[tuple[str, str], ...] = ()
    items: tuple[ItemPlan, ...] = field(default_factory=tuple)

    @property
    def agenda_minutes(self) -> int:
        return sum(max(i.minutes, sum(s.minutes for s in i.subs)) for i in self.items)


# ---------------------------------------------------------------------------
# Reading


class _Reader:
    """Reads one file's parsed TOML, turning each bad field into a sentence with its line."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.lines = text.splitlines()
        self.item_lines = self._headers(r"item")
        self.sub_lines = self._headers(r"item\.sub")
        self.paper_lines = self._headers(r"item(?:\.sub)?\.paper")

    def _headers(self, pattern: str) -> list[int]:
        header = re.compile(rf"^\s*\[\[\s*{pattern}\s*\]\]")
        return [n for n, line in enumerate(self.lines, start=1) if header.match(line)]

    def line_of(self, key: str, after: int = 0) -> int:
        """The line where ``key = ...`` is first written at or after line ``after``."""
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for n, line in enumerate(self.lines[max(after - 1, 0):], start=max(after, 1)):
            if pattern.match(line):
                return n
        return after or 1

    def problem(self, line: int, what: str) -> TemplateProblem:
        return TemplateProblem(f"The template {self.name} has a problem on line {line}: {what}")

    def keys(self, table: dict[str, Any], allowed: set[str], line: int, where: str) -> None:
        for key in table:
            if key not in allowed:
                shown = clean_text(key, limit=10_000)[:40]
                raise self.problem(
                    self.line_of(key, line),
                    f'{where} has "{shown}", which I do not know; use {", ".join(sorted(allowed))}.',
                )

    def text(self, table: dict[str, Any], key: str, line: int, limit: int = 200) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            raise self.problem(self.line_of(key, line), f'"{key}" should be text in quotes.')
        try:
            return clean_text(value, what=key.replace("_", " "), limit=limit, multiline=limit > 500)
        except UserError as error:
            raise self.problem(self.line_of(key, line), str(error)) from None

    def minutes(self, table: dict[str, Any], key: str, line: int, default: int) -> int:
        value = table.get(key, default)
        if isinstance(value, bool):
            value = None
        if isinstance(value, str):
            try:
                return parse_duration(value)
            except UserError as error:
                raise self.problem(self.line_of(key, line), str(error)) from None
        if not isinstance(value, int) or not 0 <= value <= _TIME_LIMIT:
            raise self.problem(
                self.line_of(key, line), f'"{key}" should be a number of minutes, such as 10, or words like "1 hour".'
            )
        return value


# What the TOML reader's messages mean, in words a person who edits a template knows.
_TOML_WORDS = (
    ("Invalid value", 'a value there cannot be read; put text in "double quotes" and numbers without them'),
    ("Expected '=' after a key", 'each setting needs an equals sign, such as: title = "Board meeting"'),
    ("Expected ']]'", "a heading such as [[item]] needs both closing brackets"),
    ("Expected ']'", "a heading such as [roles] needs its closing bracket"),
    ("Expected newline", "each setting goes on its own line, with text in double quotes"),
    ("Unterminated string", "a piece of text is missing its closing quote mark"),
    ("Illegal character '\\n'", "a piece of text is missing its closing quote mark"),
    ("Unclosed array", "a list in [square brackets] is missing its closing bracket"),
    ("Unclosed inline table", "a group of settings in {curly brackets} is missing its closing bracket"),
    ("Cannot overwrite a value", "a setting is written twice"),
    ("Cannot declare", "a heading is written twice"),
    ("Illegal character", "there is a character that cannot be in a template, such as a control character"),
)


def _plain_toml_problem(name: str, message: str, text: str, kind: str, problem: type[UserError]) -> UserError:
    """One plain sentence for a TOML mistake: the line and what to do, with no parser words."""
    found = _AT_LINE.search(message)
    what = next((words for start, words in _TOML_WORDS if message.startswith(start)),
                f"it is not written the way a {kind} should be; compare it with an example in meetings/")
    if found:
        where = f"on line {found[1]}"
    else:  # "at end of document": the mistake started somewhere above
        where = f"by the end of the file (line {max(1, len(text.splitlines()))})"
    return problem(f"The {kind} {name} has a mistake {where}: {what}; please fix it and try again.")


def read_toml(text: str, name: str, kind: str = "template", problem: type[UserError] = TemplateProblem) -> dict[str, Any]:
    """Parsed TOML, or one plain sentence naming the file (a ``kind``, such as "payment policy")
    and the line with the mistake."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _plain_toml_problem(name, str(error), text, kind, problem) from None


def parse_template(text: str, name: str = "template") -> Template:
    """Read a template from TOML text; ``name`` (the file's name) is used in messages."""
    reader = _Reader(name, text)
    data = read_toml(text, name)
    reader.keys(data, _TOP_KEYS, 1, "The template")
    title = reader.text(data, "title", 1)
    if not title:
        raise reader.problem(1, 'it needs a title, such as: title = "Board meeting".')
    raw_items = data.get("item", [])
    if not isinstance(raw_items, list) or not all(isinstance(i, dict) for i in raw_items):
        raise reader.problem(reader.line_of("item"), "write each agenda item under its own [[item]] line.")
    items = []
    subs_seen = 0
    papers_seen = 0
    for n, raw in enumerate(raw_items):
        line = reader.item_lines[n] if n < len(reader.item_lines) else 1
        item, subs_seen, papers_seen = _item(reader, raw, line, f"Item {n + 1}", subs_seen, papers_seen, True)
        items.append(item)
    chairs = data.get("co_chairs", [])
    if not isinstance(chairs, list) or not all(isinstance(c, str) for c in chairs):
        raise reader.problem(reader.line_of("co_chairs"), 'write co-chairs as a list of names: co_chairs = ["Hayley", "Jo"].')
    roles_raw = data.get("roles", {})
    if not isinstance(roles_raw, dict) or not all(isinstance(v, str) for v in roles_raw.values()):
        raise reader.problem(reader.line_of("roles"), "write roles as [roles] with lines like: note_taker = \"Mary\".")
    for role in roles_raw:
        if role not in ROLE_WORDS:
            raise reader.problem(
                reader.line_of(role), f'"{clean_text(role, limit=10_000)[:40]}" is not a role I know; use '
                f'{", ".join(sorted(ROLE_WORDS))}.'
            )
    return Template(
        name=name,
        title=title,
        about=reader.text(data, "about", 1, limit=2000),
        length_minutes=reader.minutes(data, "length", 1, 120) or 120,
        place=reader.text(data, "place", 1, limit=500),
        online_link=reader.text(data, "online_link", 1, limit=500),
        group=reader.text(data, "group", 1),
        when=reader.text(data, "when", 1, limit=100),
        co_chairs=tuple(clean_text(c, limit=80) for c in chairs),
        roles=tuple((role, clean_text(who, limit=80)) for role, who in roles_raw.items()),
        items=tuple(items),
    )


def _item(
    reader: _Reader, raw: dict[str, Any], line: int, where: str, subs_seen: int, papers_seen: int, top: bool
) -> tuple[ItemPlan, int, int]:
    allowed = _ITEM_KEYS if top else _ITEM_KEYS - {"sub"}
    reader.keys(raw, allowed, line, where)
    title = reader.text(raw, "title", line)
    standing = reader.text(raw, "standing", line, limit=40)
    if standing and standing not in STANDING_ITEMS:
        raise reader.problem(
            reader.line_of("standing", line),
            f'"{standing[:40]}" is not a standing item I know; use {", ".join(STANDING_ITEMS)}.',
        )
    title = title or STANDING_ITEMS.get(standing, "")
    if not title:
        raise reader.problem(line, f'{where} needs a title, such as: title = "Carers\' breaks".')
    kind_text = reader.text(raw, "kind", line, limit=40) or ItemKind.DISCUSSION.value
    kind_text = kind_text.lower().replace(" ", "_").replace(",", "")
    kind = next((k for k in ItemKind if kind_text in (k.value, k.name.lower())), None)
    if kind is None:
        raise reader.problem(
            reader.line_of("kind", line),
            f'"{kind_text[:40]}" is not a kind of item I know; use {", ".join(k.value for k in ItemKind)}.',
        )
    papers = []
    raw_papers = raw.get("paper", [])
    if not isinstance(raw_papers, list) or not all(isinstance(p, dict) for p in raw_papers):
        raise reader.problem(line, f"write each paper of {where.lower()} under its own [[item.paper]] line.")
    for raw_paper in raw_papers:
        paper_line = reader.paper_lines[papers_seen] if papers_seen < len(reader.paper_lines) else line
        papers_seen += 1
        papers.append(_paper(reader, raw_paper, paper_line))
    subs = []
    raw_subs = raw.get("sub", [])
    if not isinstance(raw_subs, list) or not all(isinstance(s, dict) for s in raw_subs):
        raise reader.problem(line, f"write each sub-item of {where.lower()} under its own [[item.sub]] line.")
    for k, raw_sub in enumerate(raw_subs):
        sub_line = reader.sub_lines[subs_seen] if subs_seen < len(reader.sub_lines) else line
        subs_seen += 1
        sub, subs_seen, papers_seen = _item(reader, raw_sub, sub_line, f"{where}.{k + 1}", subs_seen, papers_seen, False)
        subs.append(sub)
    plan = ItemPlan(
        title=title,
        kind=kind,
        minutes=reader.minutes(raw, "minutes", line, 10),
        standing=standing,
        lead=reader.text(raw, "lead", line, limit=80),
        presenter=reader.text(raw, "presenter", line, limit=80),
        summary=reader.text(raw, "summary", line, limit=5000),
        papers=tuple(papers),
        subs=tuple(subs),
    )
    return plan, subs_seen, papers_seen


def _paper(reader: _Reader, raw: dict[str, Any], line: int) -> Paper:
    reader.keys(raw, _PAPER_KEYS, line, "A paper")
    title = reader.text(raw, "title", line)
    if not title:
        raise reader.problem(line, 'a paper needs a title, such as: title = "Carers\' breaks briefing".')
    sent = raw.get("sent", "")
    if isinstance(sent, datetime):
        sent = sent.date()
    if isinstance(sent, date):
        sent = sent.isoformat()
    elif sent:
        try:
            sent = date.fromisoformat(str(sent)).isoformat()
        except ValueError:
            raise reader.problem(
                reader.line_of("sent", line), "the date a paper was sent should be written like 2026-03-10."
            ) from None
    return Paper(title=title, where=reader.text(raw, "where", line, limit=500), sent=sent)


# ---------------------------------------------------------------------------
# Using a template


def find_member(members: Sequence[Member], words: str) -> Member | None:
    """The member a name in a file stands for (their name or full name, any case)."""
    wanted = " ".join(words.lower().split())
    if not wanted:
        return None
    for m in members:
        if wanted in (m.name.lower(), m.full_name.lower(), m.id):
            return m
    return None


def resolve_lead(words: str, members: Sequence[Member], co_chair_ids: Sequence[str]) -> str:
    """The member id a template's "lead" stands for, or "" when it names nobody here."""
    chairs = [m for c in co_chair_ids if (m := next((x for x in members if x.id == c), None))]
    lived = next((m for m in chairs if m.voice_group is VoiceGroup.LIVED), chairs[0] if chairs else None)
    key = " ".join(words.lower().replace("-", " ").split())
    if key in (LIVED_CO_CHAIR.replace("-", " "), "first co chair", "expert by experience co chair"):
        return lived.id if lived else ""
    if key in (OTHER_CO_CHAIR.replace("-", " "), "second co chair", "professional co chair"):
        other = next((m for m in chairs if lived is None or m.id != lived.id), None)
        return other.id if other else ""
    found = find_member(members, words)
    return found.id if found else ""


def agenda_from(template: Template, members: Sequence[Member], co_chair_ids: Sequence[str]) -> tuple[AgendaItem, ...]:
    """Fresh agenda items (new ids) for one meeting, with leads and presenters found."""
    items: list[AgendaItem] = []

    def add(plan: ItemPlan, parent_id: str) -> None:
        presenter = find_member(members, plan.presenter)
        item = AgendaItem(
            title=plan.title,
            kind=plan.kind,
            minutes=plan.minutes,
            standing=plan.standing,
            lead_id=resolve_lead(plan.lead, members, co_chair_ids),
            presenter_id=presenter.id if presenter else "",
            summary=plan.summary,
            papers=plan.papers,
            parent_id=parent_id,
        )
        items.append(item)
        for sub in plan.subs:
            add(sub, item.id)

    for plan in template.items:
        add(plan, "")
    return tuple(items)
