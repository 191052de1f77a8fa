"""SCENARIO.md "What the minutes must show", checked in every copy and every format."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest
from docx import Document as read_docx

from coprod_meet.domain.model import VoiceGroup
from coprod_meet.domain.state import MeetingState
from coprod_meet.minutes.compose import compose
from coprod_meet.minutes.document import Table
from coprod_meet.minutes.readability import report, split_sentences, words_of
from coprod_meet.minutes.render import FORMATS, render
from tests.scenario import MEMBERS, PRIVATE_NOTE, scenario

FORMAT_NAMES = list(FORMATS)


def minutes(copy: str = "members", easy_read: bool = False):
    _group, (_jan_meeting, jan_events), (meeting, events), april = scenario()
    return compose(meeting, events, copy=copy, easy_read=easy_read, group_events=jan_events, next_meeting=april)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def as_text(data: bytes, fmt: str) -> str:
    """What a reader of the file sees, as one string (docx read back with python-docx)."""
    if fmt == "docx":
        doc = read_docx(io.BytesIO(data))
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells + [doc.core_properties.title or ""])
    text = data.decode("utf-8")
    if fmt == "html":
        parser = _Text()
        parser.feed(text)
        return " ".join(parser.parts)
    if fmt == "md":
        return text.replace("\\", "")
    if fmt == "ics":
        return text.replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";")
    return " ".join(text.split())


def test_members_copy_has_the_sentences_the_scenario_asks_for() -> None:
    text = " ".join(minutes().prose())
    assert "7 for, 1 against, 1 did not vote. Tom said breaks should include evenings." in text
    assert "Jo Clark will ask providers for evening break options by Thursday 26 March 2026." in text
    assert "Respite: a short break from caring, so the carer can rest." in text
    assert "Sam raised a red card at the word “respite”." in text
    assert "Ade sent a written comment. Hayley read it out." in text
    assert "In January 2026, Priya said buses stop too early. We made a decision about this." in text
    assert "We will look at it again on Saturday 12 September 2026." in text
    assert "The next meeting is on Thursday 9 April 2026 at 2pm." in text
    assert "6 people felt heard. 1 person felt partly heard. 1 person chose not to say." in text
    assert "Sam said: I needed more time." in text


def test_members_copy_lists_who_came_by_the_names_the_group_uses() -> None:
    doc = minutes()
    names = [i for b in doc.blocks if getattr(b, "prose", True) is False for i in b.items]
    assert names[:9] == ["Hayley", "Jo", "Priya", "Sam", "Tom", "Ade (left at 3:30pm)", "Mary",
                         "Cllr Shah (came at 2:20pm)", "Kit"]
    assert names[9:] == ["Dr Lee"]
    text = " ".join(doc.prose())
    assert "The co-chairs were Hayley and Jo. Mary took the notes." in text
    assert "Hayley led this item." in text and "Jo led this item." in text


def test_each_item_says_who_led_it() -> None:
    doc = minutes()
    blocks = list(doc.blocks)
    leads = {}
    for n, block in enumerate(blocks):
        if getattr(block, "level", 0) == 3 and block.text[:1].isdigit():
            leads[block.text] = blocks[n + 1].text.split(" led this item.")[0]
    assert leads == {
        "1. Welcome and introductions": "Hayley", "2. Apologies": "Hayley", "3. Matters arising": "Hayley",
        "4. The plan for next year": "Jo", "5. Carers' breaks": "Hayley", "6. Transport to day centres": "Jo",
        "7. Any other business": "Hayley", "8. How did today go?": "Hayley",
    }


def test_the_share_of_say_states_the_real_share() -> None:
    _g, _jan, (meeting, events), _apr = scenario()
    state = MeetingState.replay(meeting, events)
    share = state.voice_share(now=state.ended)
    real = (share[VoiceGroup.LIVED] + share[VoiceGroup.CARER]) * 100
    assert real >= 60  # the scenario's timings make it so
    doc = minutes()
    text = " ".join(doc.prose())
    table = next(b for b in doc.blocks if isinstance(b, Table))
    shown = {row[0]: int(row[1].rstrip("%")) for row in table.rows}
    said = shown["People with lived experience"] + shown["Carers"]
    assert abs(said - real) < 1 and sum(shown.values()) == 100
    # the sentence adds up the table's own figures, so the two never disagree
    assert f"People with lived experience and carers had {said}% of the speaking time. " \
           "The goal was at least 60%. We met the goal." in text
    assert "Everyone present spoke." in text
    item5 = text.split("We talked about short breaks for carers")[1].split("Transport")[0]
    assert "9 people had their say. Everyone here had their say on this item." in item5


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_public_copy_names_people_only_as_they_agreed(fmt: str) -> None:
    text = as_text(render(minutes("public"), fmt), fmt)
    for hidden in ("Sam", "Ade", "Jones", "Okafor", "Tom", "Walsh", "Patel", "Evans"):
        assert not re.search(rf"\b{hidden}\b", text), f"{hidden!r} is in the public {fmt}"
    if fmt != "ics":
        for shown in ("Hayley Brook", "Jo Clark", "Priya", "a carer", "Mary Fisher", "Cllr Nadia Shah",
                      "Dr Ravi Lee", "Kit"):
            assert shown.lower() in text.lower(), f"{shown!r} is missing from the public {fmt}"
    else:
        assert "Jo Clark will ask providers for evening break options" in text


def test_public_copy_words_for_people_not_named() -> None:
    text = " ".join(minutes("public").prose())
    assert "A carer said breaks should include evenings." in text
    assert "A member sent a written comment. Hayley Brook read it out." in text
    assert "A member raised a red card at the word “respite”." in text
    assert "A member said: I needed more time." in text
    assert "Some members are not named in it, as they asked." in text


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
@pytest.mark.parametrize("copy", ["members", "public"])
def test_private_notes_never_appear(fmt: str, copy: str) -> None:
    for easy in (False, True):
        text = as_text(render(minutes(copy, easy), fmt), fmt)
        assert "upset" not in text and "phone Sam" not in text and PRIVATE_NOTE not in text


def test_easy_read_has_short_sentences_and_a_glossary_with_respite() -> None:
    doc = minutes(easy_read=True)
    sentences = [s for t in doc.prose() for s in split_sentences(t)]
    assert sentences and max(len(words_of(s)) for s in sentences) <= 15
    headings = [b.text for b in doc.blocks if getattr(b, "level", 0) == 2]
    assert headings[-1] == "Words we used"
    glossary = doc.blocks[-1].items
    assert "Respite means a short break from caring, so the carer can rest." in glossary
    # hard words are explained the first time they are used
    text = " ".join(doc.prose())
    first = text.index("respite")
    assert text.index("Respite means") > first
    assert text.index("Respite means") < text.index("respite", first + 1) if text.count("respite") > 1 else True
    assert "7 people voted yes. 1 person voted no. 1 person did not vote." in text
    assert report(doc).meets_goals


def test_members_copy_meets_the_plain_english_goals() -> None:
    result = report(minutes())
    assert result.longest_words <= 25 and result.average <= 20 and result.flesch >= 60
    assert result.meets_goals
    assert ("respite", "a short break") in result.jargon


@pytest.mark.parametrize("member", ["Sam", "Ade"])
def test_a_hidden_name_typed_into_a_note_is_taken_out_of_the_public_copy(member: str) -> None:
    from dataclasses import replace

    from coprod_meet.minutes.document import PUBLIC

    _g, jan, (meeting, events), apr = scenario()
    name = MEMBERS[member].name
    agenda = tuple(replace(i, summary=f"{name} asked for more time. We thanked {MEMBERS[member].full_name}.")
                   if i.title == "Carers' breaks" else i for i in meeting.agenda)
    doc = compose(replace(meeting, agenda=agenda), events, copy=PUBLIC)
    text = " ".join(doc.all_text())
    assert name not in text
    assert "A member asked for more time. We thanked a member." in text
