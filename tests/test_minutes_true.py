"""Minutes that are true, and easy read that keeps its promise (issue 13, points 3 and 4)."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from datetime import timedelta

import pytest
from docx import Document as read_docx

from coprod_meet.domain import events as ev
from coprod_meet.domain.model import Event
from coprod_meet.domain.notes import ITEM_NOTE
from coprod_meet.minutes.compose import compose
from coprod_meet.minutes.easy import split_clauses
from coprod_meet.minutes.glossary import Term
from coprod_meet.minutes.readability import report, split_sentences, words_of
from coprod_meet.minutes.render import render
from coprod_meet.minutes.word import contrast_on_white
from tests.scenario import ID, I, scenario

LONG_NOTES = [
    "Carers told us that the forms for short breaks are far too long, and they take hours to fill in, "
    "so many carers give up before they finish.",
    "I would like the council to think again about evening breaks because most carers work in the day "
    "and the day centre closes at four which is no use to anybody who has a job.",
]


def march(extra: list[tuple[str, dict]] = (), **changes):
    _g, (_m, jan), (meeting, events), april = scenario()
    meeting = replace(meeting, **changes)
    last = max(events, key=lambda e: e.sort_key)
    added = [Event(type=kind, data=data, at=last.at - timedelta(minutes=30), seq=last.seq + n + 1, id=f"x{n}")
             for n, (kind, data) in enumerate(extra)]
    return meeting, [*events, *added], jan, april


def prose(doc) -> str:
    return " ".join(doc.prose())


def test_real_start_end_and_breaks_from_the_log_and_also_online() -> None:
    meeting, events, jan, april = march()
    text = prose(compose(meeting, events, group_events=jan, next_meeting=april))
    assert "We met at County Hall room 4, and also online." in text
    assert "We started at 2pm. We finished at 3:55pm. We took a 10 minute break at 3pm." in text
    late = replace(meeting, start=meeting.start - timedelta(minutes=30))  # planned for 1:30pm, began at 2pm
    assert "We started at 2pm." in prose(compose(late, events))
    assert "and also online" not in prose(compose(replace(meeting, online_link=""), events))


def test_late_arrivals_and_early_leavers_are_listed() -> None:
    meeting, events, _jan, _april = march()
    doc = compose(meeting, events)
    names = [i for b in doc.blocks if hasattr(b, "items") and not b.prose for i in b.items]
    assert "Cllr Shah (came at 2:20pm)" in names and "Ade (left at 3:30pm)" in names


def test_an_item_that_was_reached_never_says_we_did_not_get_to_it() -> None:
    meeting, events, _jan, _april = march()
    # The last item gets a note and a turn but was never opened with "next item".
    events = [e for e in events if not (e.type == ev.ITEM_STARTED and e.data.get("item_id") == I["today"])]
    events.append(Event(type=ITEM_NOTE, data={"id": "n1", "item_id": I["today"], "text": "We ran out of time.",
                                              "public": True}, at=events[-1].at, seq=999))
    text = prose(compose(meeting, events))
    assert "We did not get to this item." not in text and "We ran out of time." in text
    meeting2, events2, _j, _a = march()
    unreached = [e for e in events2 if not (e.type == ev.ITEM_STARTED and e.data.get("item_id") == I["today"])]
    assert "We did not get to this item." in prose(compose(meeting2, unreached))


def test_you_said_shows_the_real_state_and_what_was_done_and_no_invented_promise() -> None:
    meeting, events, jan, april = march([
        (ev.YOU_SAID, {"id": "ys-new", "member_id": ID["Kit"], "text": "The room is too cold", "state": "heard"}),
        (ev.ACTION_RECORDED, {"id": "a-heat", "meeting_id": "", "text": "ask the caretaker to fix the heating",
                              "owner": "Mary Fisher", "owner_id": ID["Mary"], "due": "2026-03-19"}),
        (ev.YOU_SAID, {"id": "ys-heat", "member_id": ID["Tom"], "text": "The heating is broken",
                       "action_ids": ["a-heat"]}),
        (ev.ACTION_EDITED, {"id": "a-heat", "status": "done"}),
    ])
    text = prose(compose(meeting, events, group_events=jan, next_meeting=april))
    assert "Kit said the room is too cold. We wrote this down. Nothing has been decided about it yet." in text
    assert "will look into it" not in text
    assert "Tom said the heating is broken. We have acted on this. What was done: Mary Fisher will ask the " \
           "caretaker to fix the heating by Thursday 19 March 2026. This is done." in text
    assert "In January 2026, Priya said buses stop too early. We made a decision about this. " \
           "We decided: we will set up a transport working group." in text


def test_the_share_sentence_and_the_table_never_disagree() -> None:
    meeting, events, _jan, _april = march()
    doc = compose(meeting, events)
    table = next(b for b in doc.blocks if hasattr(b, "rows"))
    shown = {row[0]: int(row[1].rstrip("%")) for row in table.rows}
    said = int(re.search(r"carers had (\d+)% of the speaking time", prose(doc)).group(1))
    assert said == shown["People with lived experience"] + shown["Carers"]


@pytest.mark.parametrize("copy", ["members", "public"])
def test_easy_read_never_has_a_sentence_over_15_words_even_from_long_typed_text(copy: str) -> None:
    notes = [(ITEM_NOTE, {"id": f"long{n}", "item_id": I["breaks"], "text": t, "public": True,
                          "speaker_id": ID["Priya"] if n else ""}) for n, t in enumerate(LONG_NOTES)]
    meeting, events, jan, april = march(notes)
    agenda = tuple(replace(i, summary=LONG_NOTES[1]) if i.id == I["transport"] else i for i in meeting.agenda)
    doc = compose(replace(meeting, agenda=agenda), events, copy=copy, easy_read=True, group_events=jan,
                  next_meeting=april)
    for sentence in (s for text in doc.prose() for s in split_sentences(text)):
        assert len(words_of(sentence)) <= 15, sentence
    result = report(doc)
    assert result.meets_goals and not result.over_limit
    quotes = list(doc.quotes())
    assert quotes and any("evening breaks because most carers work" in q for q in quotes)  # quoted whole
    assert "Carers told us that the forms for short breaks are far too long." in prose(doc)  # split at clauses
    assert "And they take hours to fill in, so many carers give up before they finish." in prose(doc)
    assert any("Priya said: I would like the council to think again" in q for q in quotes)
    assert any("people's own words, quoted in a box and counted apart" in line for line in result.lines())
    for fmt, mark in (("md", "> "), ("txt", "  | "), ("html", "<blockquote><p>")):
        assert mark + quotes[0][:20] in render(doc, fmt).decode("utf-8")


def test_clause_splitting_never_leaves_a_fragment() -> None:
    assert split_clauses("We liked the plan, and the money is there, but the forms are long and hard to fill in "
                         "for most of us.") == ["We liked the plan, and the money is there.",
                                                "But the forms are long and hard to fill in for most of us."]
    assert split_clauses("Buses stop at 4pm, which is too early to get home from the day centre on most days.") \
        is None


def test_glossary_lines_do_not_repeat_the_word() -> None:
    assert Term("commissioning", "", "Commissioning is deciding which services to buy").explained() == \
        "Commissioning means deciding which services to buy."
    meeting, events, _j, _a = march()
    events = [replace(e, data={"word": "respite", "meaning": "Respite means a short break from caring."})
              if e.type == ev.WORD_EXPLAINED else e for e in events]
    text = prose(compose(meeting, events, easy_read=True))
    assert "Respite means a short break from caring." in text
    assert not re.search(r"(?i)respite means respite", text)
    assert "Respite: a short break from caring." in prose(compose(meeting, events))


@pytest.mark.parametrize("easy", [False, True])
def test_word_caption_size_and_every_text_colour_meets_4_5_to_1(easy: bool) -> None:
    meeting, events, _j, _a = march()
    data = render(compose(meeting, events, copy="public", easy_read=easy), "docx")
    doc = read_docx(io.BytesIO(data))
    caption = doc.styles["Caption"]
    assert caption.font.size.pt >= (14 if easy else 12)
    assert any(p.style.name == "Caption" for p in doc.paragraphs)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if not name.endswith(".xml") or "theme" in name:  # the theme's palette is not text
                continue
            xml = z.read(name).decode("utf-8")
            assert "w:themeColor" not in xml, name
            for colour in re.findall(r'<w:color w:val="([0-9A-Fa-f]{6})"', xml):
                assert contrast_on_white(colour) >= 4.5, (name, colour)


def test_a_role_planned_for_someone_who_sent_apologies_is_not_said_to_be_done_by_them() -> None:
    # Dr Lee sent apologies: the plan made them timekeeper, so the minutes must not say they kept time.
    meeting, events, _jan, _april = march(roles=(("timekeeper", ID["Dr Lee"]), ("note_taker", ID["Mary"])))
    text = prose(compose(meeting, events))
    assert "Dr Lee kept time." not in text and "kept time" not in text
    assert "Mary took the notes." in text


def test_a_meeting_not_ended_says_so_and_never_that_we_did_not_get_to_an_item() -> None:
    meeting, events, _jan, _april = march()
    # The log up to the start of the item on Hayley's feedback: the app was closed (or still runs).
    cut = next(e for e in events if e.type == ev.ITEM_STARTED and e.data.get("item_id") == I["today"])
    running = [e for e in events if e.sort_key < cut.sort_key]
    text = prose(compose(meeting, running))
    last = max(running, key=lambda e: e.sort_key).at
    assert ("The meeting was not ended in the app, so these minutes say what happened up to "
            f"{last.hour % 12 or 12}:{last.minute:02d}{'pm' if last.hour >= 12 else 'am'}.") in text
    assert "We finished at" not in text and "We did not get to this item." not in text
    assert "Hayley was to lead this item. We had not got to this item by then." in text
    # Ended without reaching it: said as it is, and nobody "led" an item never opened.
    ended = [e for e in events if e is not cut]
    assert "Hayley was to lead this item. We did not get to this item." in prose(compose(meeting, ended))
