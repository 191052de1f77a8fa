"""Every format of the scenario's minutes against golden files, plus the rules of each format.

To refresh the golden files after a deliberate change: UPDATE_GOLDEN=1 pytest tests/test_minutes_formats.py
and read the diff before committing it.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from docx import Document as read_docx
from docx.oxml.ns import qn
from icalendar import Calendar

from coprod_meet.minutes.render import render
from coprod_meet.minutes.word import set_styles
from coprod_meet.minutes.word_template import TEMPLATE_PATH, USED_STYLES, make_template
from tests.test_minutes_scenario import minutes

GOLDEN = Path(__file__).with_name("golden")

CASES = [
    ("members", False, "md"),
    ("public", False, "md"),
    ("members", True, "md"),
    ("members", False, "html"),
    ("public", True, "html"),
    ("members", False, "txt"),
    ("public", True, "txt"),
    ("members", False, "docx"),
    ("public", True, "docx"),
    ("members", False, "ics"),
    ("public", False, "ics"),
]


def docx_outline(data: bytes) -> str:
    """A .docx as lines of 'style | text' (and table rows), which is what a golden file can hold."""
    doc = read_docx(io.BytesIO(data))
    lines = [f"title | {doc.core_properties.title}", f"language | {doc.core_properties.language}"]
    body = doc.element.body
    tables = iter(doc.tables)
    paragraphs = iter(doc.paragraphs)
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = next(paragraphs)
            boxed = child.find(".//" + qn("w:pBdr")) is not None  # people's own words, in a box
            lines.append(f"{p.style.name}{' (boxed)' if boxed else ''} | {p.text}")
        elif tag == "tbl":
            table = next(tables)
            for row in table.rows:
                lines.append("row | " + " | ".join(c.text for c in row.cells))
    return "\n".join(lines) + "\n"


def comparable(data: bytes, fmt: str) -> str:
    if fmt == "docx":
        return docx_outline(data)
    return data.decode("utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize(("copy", "easy", "fmt"), CASES)
def test_golden(copy: str, easy: bool, fmt: str) -> None:
    name = f"scenario-{copy}{'-easy-read' if easy else ''}.{fmt}" + (".txt" if fmt == "docx" else "")
    path = GOLDEN / name
    got = comparable(render(minutes(copy, easy), fmt), fmt)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert path.exists(), f"{path} is missing; run with UPDATE_GOLDEN=1 once"
    assert got == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""


def _luminance(hex_colour: str) -> float:
    hex_colour = hex_colour.lstrip("#")
    if len(hex_colour) == 3:
        hex_colour = "".join(c * 2 for c in hex_colour)
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("easy", [False, True])
@pytest.mark.parametrize("copy", ["members", "public"])
def test_html_meets_the_page_rules(copy: str, easy: bool) -> None:
    html = render(minutes(copy, easy), "html").decode("utf-8")
    outline = _Outline()
    outline.feed(html)
    tags = [t for t, _ in outline.tags]
    assert html.startswith("<!DOCTYPE html>")
    assert outline.lang == "en-GB"
    assert tags.count("title") == 1 and tags.count("main") == 1 and tags.count("h1") == 1
    levels = [int(t[1]) for t in tags if re.fullmatch(r"h[1-6]", t)]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), "a heading level is skipped"
    assert tags.index("h1") > tags.index("main")
    assert tags.count("table") == tags.count("caption") >= 1
    ths = [a for t, a in outline.tags if t == "th"]
    assert ths and all(a.get("scope") in ("col", "row") for a in ths)
    assert not re.search(r"<(script|link|img|iframe|object)\b", html), "the page is not self-contained"
    assert "@media print" in html and 'title="Large print"' in html
    # every text colour on every background in the style sheet has contrast of at least 4.5:1
    colours = set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", html))
    backgrounds = set(re.findall(r"background:\s*(#[0-9a-fA-F]{3,6})", html))
    assert colours and backgrounds
    for fg in colours:
        for bg in backgrounds:
            assert contrast(fg, bg) >= 4.5, f"{fg} on {bg} is only {contrast(fg, bg):.1f}:1"
    if easy:
        size = float(re.search(r"font-size: ([\d.]+)rem; line-height: 1.8", html).group(1))
        assert size * 12 >= 14  # 1rem is 16px = 12pt: 1.5rem is 18pt
        assert "@media print { body { font-size: 16pt" in html


@pytest.mark.parametrize("easy", [False, True])
def test_word_uses_real_heading_and_list_styles(easy: bool) -> None:
    doc = read_docx(io.BytesIO(render(minutes("members", easy), "docx")))
    styles = [p.style.name for p in doc.paragraphs]
    assert styles[0] == "Heading 1" and styles.count("Heading 1") == 1
    assert "Heading 2" in styles and "Heading 3" in styles and "List Bullet" in styles
    assert "Caption" in styles and len(doc.tables) == 1
    header = doc.tables[0].rows[0]._tr
    assert header.trPr is not None and "tblHeader" in header.trPr.xml
    normal = doc.styles["Normal"]
    assert normal.font.size.pt == (16 if easy else 12)
    assert normal.paragraph_format.line_spacing == (1.5 if easy else 1.15)
    assert 'w:val="en-GB"' in normal.element.xml



def test_the_word_template_is_python_docx_default_trimmed() -> None:
    """word_template.docx is what word_template.py makes from python-docx's default template (remake
    it with `python -m coprod_meet.minutes.word_template` after a python-docx upgrade or a style change)."""
    shipped = zipfile.ZipFile(TEMPLATE_PATH)
    made = zipfile.ZipFile(io.BytesIO(make_template()))
    assert sorted(shipped.namelist()) == sorted(made.namelist())
    for name in made.namelist():
        assert shipped.read(name) == made.read(name), f"{name} differs; remake word_template.docx"
    template = read_docx(str(TEMPLATE_PATH))
    default = read_docx()
    set_styles(default, easy_read=False, lang="en-GB")
    for name in USED_STYLES:  # each style the minutes use is the default template's own, with our settings
        assert template.styles[name].element.xml == default.styles[name].element.xml
    assert len(template.styles) < 20 < len(default.styles)

def test_calendar_holds_action_due_dates_and_the_next_meeting() -> None:
    cal = Calendar.from_ical(render(minutes(), "ics"))
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    assert len(events) == 2
    action = next(e for uid, e in events.items() if uid.startswith("action-"))
    assert str(action["summary"]) == "Jo Clark will ask providers for evening break options"
    assert action.decoded("dtstart").isoformat() == "2026-03-26"
    meeting = next(e for uid, e in events.items() if uid.startswith("meeting-"))
    assert meeting.decoded("dtstart").isoformat() == "2026-04-09T14:00:00+01:00"  # BST in April
    assert meeting["dtstart"].params["TZID"] == "Europe/London"
    assert str(meeting["location"]) == "County Hall room 4, and online"
    assert str(meeting["url"]) == "https://meet.example.org/btb"
    assert "Join online: https://meet.example.org/btb" in str(meeting["description"])
    zone = cal.walk("VTIMEZONE")[0]
    assert str(zone["tzid"]) == "Europe/London"
    assert [str(p["tzname"]) for p in zone.subcomponents] == ["GMT", "BST"]


def test_plain_text_lines_fit_in_72_characters() -> None:
    for copy in ("members", "public"):
        for easy in (False, True):
            text = render(minutes(copy, easy), "txt").decode("utf-8")
            assert max(len(line) for line in text.splitlines()) <= 72


_WORDS = st.lists(st.sampled_from(["a", "word", "Priya", "co-chair", "--", "x" * 70, "y" * 80, "“quoted”", "é", " ",
                                   "  ", "\n", "\u00a0", "\t", "7.", "end."]), max_size=60).map(" ".join)


@given(_WORDS, st.sampled_from([("", ""), ("  - ", "    "), ("x" * 71, "")]))
def test_plain_text_wraps_as_textwrap_does(text: str, indents: tuple[str, str]) -> None:
    import textwrap

    from coprod_meet.minutes.text import WIDTH, _wrap

    first, rest = indents
    expected = textwrap.wrap(" ".join(text.split()), width=WIDTH, initial_indent=first, subsequent_indent=rest,
                             break_long_words=True, break_on_hyphens=True) or [first.rstrip()]
    assert _wrap(text, first, rest) == expected
