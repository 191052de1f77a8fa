"""Consent holds whatever the typing: hidden names never reach a public copy, in any format.

Names are typed five ways (lower case, capitals, possessive, with accents, surname alone) into
every free-text field of the scenario; each format is then read back whole (for .docx, every XML
part of the zip) and searched as whole words with case and accents folded.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from coprod_meet.domain import events as ev
from coprod_meet.domain.model import Event, Member, Naming, VoiceGroup
from coprod_meet.domain.notes import ITEM_NOTE
from coprod_meet.minutes.compose import compose
from coprod_meet.minutes.document import PUBLIC
from coprod_meet.minutes.mentions import ORDINARY_WORDS, fold
from coprod_meet.minutes.naming import Namer
from coprod_meet.minutes.render import FORMATS, render
from tests.scenario import ID, I, MEMBERS, scenario

HIDDEN_WORDS = {"sam", "jones", "ade", "okafor", "tom", "walsh", "patel", "evans"}  # never by name in public
FIVE_WAYS = [
    "sam asked for more time",  # lower case
    "SAM JONES said the forms are too long",  # capitals
    "We liked Sam's idea about buses",  # possessive
    "Ádé wrote that Okafor is his surname",  # accents, surname alone
    "Jones and ADE'S sister agreed with Walsh, Patel and evans",  # surnames alone, capitals, possessive
]


def typed(n: int) -> str:
    return FIVE_WAYS[n % len(FIVE_WAYS)] + "."


def scenario_with_names_typed_everywhere():
    _g, (_jm, jan), (meeting, events), april = scenario()
    agenda = tuple(replace(item, summary=f"{typed(n)} {item.summary}".strip(), title=f"{item.title} (with Tom's help)"
                           if n == 2 else item.title) for n, item in enumerate(meeting.agenda))
    meeting = replace(meeting, agenda=agenda, place="Sam Jones's house")
    out: list[Event] = []
    for e in events:
        data = dict(e.data)
        if e.type == ev.DECISION_RECORDED:
            data["text"] = f"{data['text']} {typed(1)}"
            if data.get("dissent"):
                data["dissent"] = typed(2)
        elif e.type == ev.ACTION_RECORDED:
            data["text"] = f"ask sam and okafor about {data['text']}"
        elif e.type == ev.EVALUATION and data.get("comment"):
            data["comment"] = typed(3)
        elif e.type == ITEM_NOTE:
            data["text"] = f"{typed(len(out))} {data['text']}"
            data["public"] = True  # every note in the public copy, so every one is filtered
        elif e.type == ev.WORD_EXPLAINED:
            data["meaning"] = f"a short break, as jones told us"
        out.append(replace(e, data=data))
    seq = max(e.seq for e in out)
    at = max(e.at for e in out)
    out.append(Event(type=ev.YOU_SAID, data={"id": "ys-2", "member_id": ID["Priya"], "text": typed(4),
                                             "state": "heard"}, at=at, seq=seq + 1))
    return meeting, out, jan, replace(april, place="near Ade's flat")


def readable_parts(data: bytes, fmt: str) -> list[str]:
    """The whole file as text; for .docx, the text of every part in the zip (XML tags taken out)."""
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return [re.sub(r"<[^>]+>", " ", z.read(name).decode("utf-8", "replace")) for name in z.namelist()]
    text = data.decode("utf-8")
    if fmt == "ics":
        text = text.replace("\r\n ", "")
    return [text]


def words(text: str) -> set[str]:
    return {fold(w) for w in re.findall(r"[^\W_]+", text)}


@pytest.mark.parametrize("easy", [False, True])
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_hidden_names_typed_five_ways_never_appear_in_any_format(fmt: str, easy: bool) -> None:
    meeting, events, jan, april = scenario_with_names_typed_everywhere()
    members_copy = compose(meeting, events, group_events=jan, next_meeting=april, easy_read=easy)
    assert HIDDEN_WORDS <= words(" ".join(members_copy.all_text()))  # the names really were typed
    doc = compose(meeting, events, copy=PUBLIC, group_events=jan, next_meeting=april, easy_read=easy)
    assert doc.mentions == ()  # every one of these is a sure match: nothing to ask about
    for part in readable_parts(render(doc, fmt), fmt):
        assert not (words(part) & HIDDEN_WORDS), (fmt, sorted(words(part) & HIDDEN_WORDS))
    text = " ".join(doc.all_text())
    assert "A member asked for more time." in text and "We liked a member's idea about buses." in text
    assert "Priya" in text and "Hayley Brook" in text and "a carer" in text
    assert "finds the forms for breaks too long" in text  # the notes are there, names taken out


def _member(name: str, full: str, naming: Naming = Naming.NOT_NAMED) -> Member:
    return Member(id=f"id-{full}", name=name, full_name=full, naming=naming, voice_group=VoiceGroup.LIVED)


ROSTER = (_member("Hope", "Hope Jones"), _member("Will", "Will Baker"), _member("Siobhán", "Siobhán Murphy"),
          _member("Priya", "Priya Patel", Naming.FIRST), _member("Hayley", "Hayley Brook", Naming.FULL))


@pytest.mark.parametrize("text", ["Hope House is closing in May.", "Will the council pay?", "I hope so, and I will.",
                                  "We met at Will Rogers Centre.", "Siobhanx and Samuel came.", "The Murphys' van."])
def test_ordinary_words_are_never_rewritten(text: str) -> None:
    namer = Namer(ROSTER, PUBLIC)
    assert namer.redact(text) == text


def test_a_name_that_is_an_ordinary_word_is_asked_about_not_rewritten() -> None:
    namer = Namer(ROSTER, PUBLIC)
    assert namer.redact("Will the council pay? We asked Hope.") == "Will the council pay? We asked Hope."
    assert [m.word for m in namer.mentions] == ["Will", "Hope"]
    assert namer.redact("hope jones and WILL BAKER came") == "A member and a member came"
    assert namer.redact("siobhan's view; Murphy agreed; Patel too") == "A member's view; a member agreed; Priya too"
    assert len(namer.mentions) == 2  # the sure ones are not asked about


def test_the_public_copy_lists_uncertain_mentions_and_the_members_copy_does_not() -> None:
    _g, jan, (meeting, events), april = scenario()
    roster = tuple(replace(m, name="Will", full_name="Will Jones") if m.id == ID["Sam"] else m for m in meeting.roster)
    agenda = tuple(replace(i, summary="Will the council pay for it?") if i.id == I["breaks"] else i
                   for i in meeting.agenda)
    meeting = replace(meeting, roster=roster, agenda=agenda)
    public = compose(meeting, events, copy=PUBLIC)
    assert public.mentions == ("“Will” in “Will the council pay for it?”",)
    assert "Will the council pay for it?" in " ".join(public.all_text())
    assert compose(meeting, events).mentions == ()


# -- property tests ---------------------------------------------------------------------------

NAME = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzáéíóúñç"), min_size=3, max_size=9).filter(
    lambda w: fold(w) not in ORDINARY_WORDS | {"member", "someone", "carer", "priya", "hayley", "brook", "patel"})
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=60, deadline=None)
@given(first=NAME, last=NAME, text=TEXT)
def test_the_filter_never_changes_a_text_with_no_member_name_in_it(first: str, last: str, text: str) -> None:
    member = _member(first.title(), f"{first.title()} {last.title()}")
    roster = (member, *ROSTER)
    namer = Namer(roster, PUBLIC)
    names = {fold(w) for m in roster for w in (m.name + " " + m.full_name).split()}
    if words(text) & names:
        return  # this text holds a name after all
    assert namer.redact(text) == text
    assert namer.mentions == []


def _accented(word: str) -> str:
    return word.translate(str.maketrans("aeiou", "áéíóú"))


@settings(max_examples=60, deadline=None)
@given(first=NAME, last=NAME, way=st.integers(0, 4), before=TEXT, after=TEXT)
@example(first="rev", last="aaa", way=0, before="", after="")  # called by a word that is also a title
def test_names_typed_five_ways_never_appear(first: str, last: str, way: int, before: str, after: str) -> None:
    member = _member(first.title(), f"{first.title()} {last.title()}")
    if fold(first) == fold(last):
        return
    typed_name = [first.lower(), f"{first.upper()} {last.upper()}", f"{first.title()}'s",
                  _accented(first.title()), last.title()][way]
    text = f"{before} {typed_name} {after}"
    namer = Namer((member, *ROSTER), PUBLIC)
    out = namer.redact(text)
    assert not (words(out) & {fold(first), fold(last)}), out
