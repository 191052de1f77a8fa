"""Untrusted text in every field, every format: nothing breaks, nothing becomes markup.

Every one of the 515 naughty strings goes into every field the minutes show (names, titles,
summaries, decisions, dissent, actions, owners, "you said", comments, cards, words explained,
places), spread over a few meetings so the test stays quick; the four copies (members, public,
each plain or easy read) take turns by meeting.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta
from html.parser import HTMLParser

import pytest
from docx import Document as read_docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from icalendar import Calendar
from markdown_it import MarkdownIt

from coprod_meet.domain import events as ev
from coprod_meet.domain.model import AgendaItem, Event, Meeting, Member, Naming, VoiceGroup
from coprod_meet.domain.records import Action, Decision, Method
from coprod_meet.domain.text import NAME_LIMIT, SHORT_LIMIT, TITLE_LIMIT, clean_name, clean_title
from coprod_meet.minutes.compose import compose
from coprod_meet.minutes.document import Bullets, Heading, Paragraph
from coprod_meet.minutes.markdown import escape
from coprod_meet.minutes.render import render
from tests.conftest import naughty_strings

PER_MEETING = 24
START = datetime(2026, 3, 12, 14, 0)


def fit(text: str, limit: int, clean=clean_title) -> str:
    """The string cut to a field's limit; a placeholder when nothing is left after cleaning."""
    text = text[:limit]
    try:
        return text if clean(text) else f"x{text}"
    except Exception:  # noqa: BLE001 - over the limit after normalising: cut harder
        return text[: limit // 2] or "x"


def naughty_meeting(strings: list[str], n: int) -> tuple[Meeting, list[Event]]:
    """One meeting with each of ``strings`` in every field."""
    namings = list(Naming)
    members = [
        Member(id=f"m{n}-{i}", name=fit(s, NAME_LIMIT, clean_name), full_name=fit(s, NAME_LIMIT, clean_name),
               role=fit(s, SHORT_LIMIT), naming=namings[i % len(namings)], voice_group=list(VoiceGroup)[i % 4])
        for i, s in enumerate(strings)
    ]
    agenda = [AgendaItem(id=f"i{n}-{i}", title=fit(s, TITLE_LIMIT), summary=s, lead_id=members[i].id)
              for i, s in enumerate(strings)]
    meeting = Meeting(group_id="g", group_name=fit(strings[0], TITLE_LIMIT), title=fit(strings[-1], TITLE_LIMIT),
                      start=START, end=START + timedelta(hours=2), place=fit(strings[1], SHORT_LIMIT),
                      co_chair_ids=(members[0].id, members[1].id), roster=tuple(members), agenda=tuple(agenda),
                      roles=(("note_taker", members[2].id),))
    at = START
    log: list[Event] = []

    def add(kind: str, **data) -> None:
        nonlocal at
        at += timedelta(seconds=30)
        log.append(Event(type=kind, data=data, at=at, id=f"e{n}-{len(log)}"))

    for i, m in enumerate(members):
        add(ev.ATTENDANCE, member_id=m.id, status=["present", "present", "apologies", "late"][i % 4])
    add(ev.MEETING_STARTED)
    for i, (item, s) in enumerate(zip(agenda, strings)):
        add(ev.ITEM_STARTED, item_id=item.id)
        who = members[i].id
        add(ev.TURN_STARTED, member_id=who, item_id=item.id, via=["spoken", "written", "supporter"][i % 3],
            by_id=members[0].id)
        add(ev.CARD_RAISED, member_id=who, colour=["red", "amber", "green"][i % 3], word=s)
        add(ev.WORD_EXPLAINED, word=s, meaning=s)
        add(ev.TURN_ENDED, member_id=who)
        decision = Decision(id=f"d{n}-{i}", meeting_id=meeting.id, item_id=item.id, item_title=item.title, text=s,
                            method=list(Method)[i % len(Method)], counts={"for": 3, "against": 1, "abstain": 1},
                            dissent=s, proposed_by=who, lived_experience_agreed=[True, False, None][i % 3])
        add(ev.DECISION_RECORDED, **(decision.to_dict() | {"dissent_by": [who]}))
        action = Action(id=f"a{n}-{i}", meeting_id=meeting.id, text=s, owner=fit(s, SHORT_LIMIT),
                        owner_id=who if i % 2 else "", due="2026-04-01", reason=s,
                        status=["open", "done", "dropped"][i % 3])
        add(ev.ACTION_RECORDED, **action.to_dict())
        add(ev.YOU_SAID, id=f"y{n}-{i}", member_id=who, text=s, state="decided", decision_ids=[decision.id])
        add(ev.EVALUATION, member_id=who, heard=["yes", "partly", "no", "pass"][i % 4], comment=s)
        add(ev.NOTE, text=f"PRIVATE-{i}-{s}")
    add(ev.MEETING_ENDED)
    return meeting, log


def batches() -> list[list[str]]:
    strings = naughty_strings()
    return [strings[i:i + PER_MEETING] for i in range(0, len(strings), PER_MEETING)]


BATCHES = batches()
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p", "ul", "li", "blockquote",
                "table", "caption", "thead", "tbody", "tr", "th", "td"}
ALLOWED_ATTRS = {"lang", "charset", "name", "content", "title", "scope"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data) -> None:
        self.text.append(data)


def _markdown_parsers() -> list[MarkdownIt]:
    gfm = MarkdownIt("gfm-like", {"html": True})  # the most eager: HTML, tables, bare links
    return [MarkdownIt("commonmark"), gfm]


@pytest.mark.parametrize("batch", range(len(BATCHES)))
def test_naughty_strings_in_every_field_and_every_format(batch: int) -> None:
    meeting, log = naughty_meeting(BATCHES[batch], batch)
    # Copies take turns by batch (the renderers treat both alike; names differ, and both are tested).
    for copy, easy in [(("members", False), ("public", True), ("public", False), ("members", True))[batch % 4]]:
        if True:
            doc = compose(meeting, log, copy=copy, easy_read=easy)
            headings = 1 + sum(isinstance(b, Heading) for b in doc.blocks)

            html = render(doc, "html").decode("utf-8")
            parser = _Tags()
            parser.feed(html)
            assert {t for t, _ in parser.tags} <= ALLOWED_TAGS
            for _tag, attrs in parser.tags:
                for name, value in attrs:
                    assert name in ALLOWED_ATTRS
                    assert "javascript:" not in (value or "").lower()
            assert len([t for t, _ in parser.tags if t in ("h1", "h2", "h3")]) == headings
            assert not re.search(r"<script", html, re.IGNORECASE)

            md = render(doc, "md").decode("utf-8")
            for parser_md in _markdown_parsers():
                tokens = parser_md.parse(md)
                kinds = [t.type for t in tokens]
                assert kinds.count("heading_open") == headings
                assert not {"html_block", "fence", "code_block", "hr"} & set(kinds)
                # the only block quotes are our boxes of people's own words (easy read)
                assert kinds.count("blockquote_open") == len(list(doc.quotes()))
                inline = [c.type for t in tokens if t.children for c in t.children]
                assert not {"link_open", "image", "html_inline", "code_inline", "em_open", "strong_open",
                            "s_open"} & set(inline)

            text = render(doc, "txt").decode("utf-8")
            assert max(len(line) for line in text.splitlines()) <= 72
            assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)

            word = read_docx(io.BytesIO(render(doc, "docx")))
            assert word.paragraphs[0].style.name == "Heading 1"

            cal = Calendar.from_ical(render(doc, "ics"))
            assert len(cal.walk("VEVENT")) == len(doc.calendar)

            for fmt in ("html", "md", "txt", "ics"):
                assert "PRIVATE-" not in render(doc, fmt).decode("utf-8")


def test_markdown_escape_keeps_every_string_as_plain_text() -> None:
    """What Markdown shows is exactly the text (on one line), for every naughty string."""
    parser = MarkdownIt("gfm-like", {"html": True})
    for text in naughty_strings():
        line = " ".join(text.split())
        if not line:
            continue
        tokens = parser.parse(escape(line))
        assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], repr(text)
        children = tokens[1].children or []
        assert {c.type for c in children} <= {"text", "text_special", "softbreak"}, repr(text)
        shown = "".join(c.content for c in children)
        assert shown == line.replace("\x00", "\ufffd"), repr(text)


def test_a_script_in_a_name_stays_text_in_html_and_markdown() -> None:
    from tests.scenario import scenario

    _g, _jan, (meeting, events), _apr = scenario()
    evil = '<script>alert(1)</script><img src=x onerror=alert(1)>[click](javascript:x)'
    from dataclasses import replace

    roster = tuple(replace(m, name=evil) if m.name == "Priya" else m for m in meeting.roster)
    doc = compose(replace(meeting, roster=roster), events)
    html = render(doc, "html").decode("utf-8")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = render(doc, "md").decode("utf-8")
    out = MarkdownIt("gfm-like", {"html": True}).render(md)
    assert "<script" not in out and "<img" not in out and 'href="javascript' not in out
    assert "[click]" not in md  # the brackets are escaped
    paragraphs = [b for b in doc.blocks if isinstance(b, (Paragraph, Bullets))]
    assert paragraphs


@pytest.mark.parametrize("quote", [True, False])
def test_html_and_xml_escaping_is_what_html_escape_gives(quote: bool) -> None:
    import html

    from coprod_meet.minutes.document import escape_markup

    for text in [*naughty_strings(), "&amp; <b>'x'</b> \"y\" &&<<>>", ""]:
        assert escape_markup(text, quote=quote) == html.escape(text, quote=quote), repr(text)


def test_word_tables_are_what_python_docx_table_objects_make() -> None:
    """Tables are written as XML for speed; they must be what python-docx's own table API makes."""
    from docx.enum.table import WD_TABLE_ALIGNMENT

    from coprod_meet.minutes.document import Document, Table
    from coprod_meet.minutes.word import render_docx, xml_safe
    from coprod_meet.minutes.word_template import TEMPLATE_PATH

    strings = [s for s in naughty_strings() if s][:60] + ["", " \x01 lead", "tail \x02 ", "a\tb\nc", "<b>&amp;</b>"]
    rows = tuple(tuple(strings[i:i + 3]) for i in range(0, len(strings) - 3, 3)) + (("short",),)
    table = Table("Caption", ("One", "Two & <three>", ""), rows)
    got = read_docx(io.BytesIO(render_docx(Document("Title", (table,))))).tables[0]._tbl.xml

    expected = read_docx(str(TEMPLATE_PATH))
    made = expected.add_table(rows=1, cols=3)
    made.style = "Table Grid"
    made.alignment = WD_TABLE_ALIGNMENT.LEFT
    header = made.rows[0]
    header._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")} w:val="true"/>'))
    for cell, text in zip(header.cells, table.headers):
        cell.text = xml_safe(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        for cell, text in zip(made.add_row().cells, row):
            cell.text = xml_safe(text)
    assert got == made._tbl.xml
