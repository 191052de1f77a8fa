"""The domain records: identity, defaults, cleaning on the way in, and a lossless round trip."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_meet.domain.errors import TextTooLong, UserError
from coprod_meet.domain.model import (
    AccessNeed,
    AgendaItem,
    Event,
    Group,
    GroupSettings,
    ItemKind,
    Meeting,
    Member,
    Naming,
    Paper,
    VoiceGroup,
    join_words,
    new_id,
    note_event,
)
from coprod_meet.domain.records import Action, ActionStatus, Decision, Method, actions_from, decisions_from
from coprod_meet.domain.text import NAME_LIMIT, TITLE_LIMIT, clean_name, clean_note, clean_title

START = datetime(2026, 3, 12, 14, 0)


def is_uuid(text: str) -> bool:
    return str(uuid.UUID(text)) == text


def full_meeting() -> Meeting:
    hayley = Member(
        name="Hayley",
        full_name="Hayley Brook",
        role="member with lived experience",
        naming=Naming.FULL,
        voice_group=VoiceGroup.LIVED,
        access_needs=(AccessNeed.EASY_READ, AccessNeed.BREAKS),
        access_notes="sits near the door",
    )
    jo = Member(name="Jo", full_name="Jo Clark", role="commissioner", naming=Naming.FULL,
                voice_group=VoiceGroup.PROFESSIONAL)
    item = AgendaItem(
        title="Carers' breaks",
        kind=ItemKind.DECISION,
        lead_id=hayley.id,
        presenter_id=jo.id,
        minutes=25,
        summary="What members want to change.\nSecond line.",
        papers=(Paper(title="Briefing", where="papers/breaks.pdf", sent="2026-03-10"),),
        carried_from="abc",
        standing="",
    )
    return Meeting(
        group_id=new_id(),
        group_name="Better Together Board",
        title="March board",
        start=START,
        end=START + timedelta(hours=2),
        place="County Hall room 4",
        online_link="https://meet.example.org/board",
        co_chair_ids=(hayley.id, jo.id),
        roles=(("note_taker", jo.id),),
        agenda=(AgendaItem(title="Welcome", kind=ItemKind.INFORMATION, standing="welcome"), item),
        roster=(hayley, jo),
        settings=GroupSettings(papers_days=10, voice_targets=(("lived_experience+carer", 60),)),
    )


# --- identity and defaults ----------------------------------------------------------------


def test_every_record_gets_a_fresh_uuid() -> None:
    records = [
        Member(name="Priya"),
        Group(name="Board"),
        AgendaItem(title="Welcome"),
        full_meeting(),
        Event(type="note"),
        Decision(meeting_id="m", text="We agree."),
        Action(meeting_id="m", text="Phone the hospital."),
    ]
    ids = [r.id for r in records]
    assert all(is_uuid(i) for i in ids)
    assert len(set(ids)) == len(ids)
    assert Member(name="Priya").id != Member(name="Priya").id


def test_member_defaults_keep_people_private() -> None:
    m = Member(name="Sam")
    assert m.naming is Naming.NOT_NAMED
    assert m.voice_group is VoiceGroup.OTHER
    assert m.access_needs == ()
    assert m.archived is False
    # An old or partial record read back gets the same careful defaults.
    back = Member.from_dict({"id": m.id, "name": "Sam"})
    assert back.naming is Naming.NOT_NAMED
    assert back == m


def test_unknown_enum_values_in_a_file_fall_back_safely() -> None:
    m = Member.from_dict(
        {"id": new_id(), "name": "Sam", "naming": "shout it", "voice_group": "martian",
         "access_needs": ["large_print", "jetpack"]}
    )
    assert m.naming is Naming.NOT_NAMED
    assert m.voice_group is VoiceGroup.OTHER
    assert m.access_needs == (AccessNeed.LARGE_PRINT,)
    assert AgendaItem.from_dict({"id": new_id(), "title": "x", "kind": "party"}).kind is ItemKind.DISCUSSION


def test_group_settings_defaults_and_round_trip() -> None:
    base = GroupSettings()
    assert base.papers_days == 7 and base.break_every_minutes == 60 and base.turn_limit_seconds == 180
    assert GroupSettings.from_dict(None) == base
    assert GroupSettings.from_dict({}) == base
    custom = GroupSettings(papers_days=3, fair_order=False, voice_targets=(("lived_experience", 70),))
    assert GroupSettings.from_dict(json.loads(json.dumps(custom.to_dict()))) == custom


def test_enums_have_plain_words() -> None:
    assert Naming.NOT_NAMED.words == "not named"
    assert {v.words for v in VoiceGroup} == {"lived experience", "carer", "professional", "other"}
    assert VoiceGroup.CARER.someone == "a carer"
    assert all(n.words for n in AccessNeed)
    assert ItemKind.FEEDBACK.words == "you said, we did"
    assert set(AccessNeed) >= {AccessNeed.LARGE_PRINT, AccessNeed.EASY_READ, AccessNeed.BSL,
                               AccessNeed.INTERPRETER, AccessNeed.HEARING_LOOP, AccessNeed.EXTRA_TIME,
                               AccessNeed.BREAKS}


# --- round trips ----------------------------------------------------------------------------


def through_json(d: dict) -> dict:
    """What storage does to a record: plain JSON and back."""
    return json.loads(json.dumps(d))


def test_meeting_round_trips_with_everything_in_it() -> None:
    meeting = full_meeting()
    assert Meeting.from_dict(through_json(meeting.to_dict())) == meeting


def test_group_round_trips() -> None:
    meeting = full_meeting()
    group = Group(name="Board", members=meeting.roster, settings=meeting.settings, archived=True)
    assert Group.from_dict(through_json(group.to_dict())) == group


def test_event_decision_action_round_trip() -> None:
    e = Event(type="note", data={"text": "hello", "n": [1, 2]}, at=START, seq=4)
    assert Event.from_dict(through_json(e.to_dict())) == e
    d = Decision(meeting_id="m", text="We will run a drop-in.", method=Method.VOTE,
                 counts={"for": 7, "against": 1, "abstain": 1}, dissent="Evenings too.",
                 lived_experience_agreed=True, review_date="2026-09-12")
    assert Decision.from_dict(through_json(d.to_dict())) == d
    a = Action(meeting_id="m", text="Ask providers.", owner="Jo Clark", due="2026-03-26",
               status=ActionStatus.DONE, decision_id=d.id)
    assert Action.from_dict(through_json(a.to_dict())) == a


def test_decisions_and_actions_fold_from_the_log() -> None:
    d = Decision(meeting_id="m", text="We agree.")
    a = Action(meeting_id="m", text="Phone the hospital.", owner="Jo")
    steps = [
        ("decision_recorded", d.to_dict()),
        ("action_recorded", a.to_dict()),
        ("action_edited", {"id": a.id, "status": "done"}),
        ("decision_edited", {"id": d.id, "text": "We agree, with a review."}),
        ("action_edited", {"id": "unknown", "status": "done"}),
    ]
    log = [Event(type=t, data=data, at=START, seq=n) for n, (t, data) in enumerate(steps, start=1)]
    assert [x.text for x in decisions_from(log)] == ["We agree, with a review."]
    assert [(x.id, x.status) for x in actions_from(log)] == [(a.id, ActionStatus.DONE)]


texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from("\x00\x1b\u202e[]/\n\t "),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(name=texts, full=texts, role=texts, naming=st.sampled_from(Naming), vg=st.sampled_from(VoiceGroup),
       needs=st.lists(st.sampled_from(AccessNeed), unique=True))
def test_any_member_round_trips(name, full, role, naming, vg, needs) -> None:
    try:
        m = Member(name=name, full_name=full, role=role, naming=naming, voice_group=vg, access_needs=tuple(needs))
    except UserError:
        assert clean_name(name) == ""
        return
    assert m.name == clean_name(name) and m.name
    assert Member.from_dict(through_json(m.to_dict())) == m


@settings(max_examples=100, deadline=None)
@given(title=texts, group_name=texts, place=texts, minutes=st.integers(0, 24 * 60))
def test_any_meeting_round_trips(title, group_name, place, minutes) -> None:
    try:
        m = Meeting(group_id=new_id(), group_name=group_name, title=title, start=START,
                    end=START + timedelta(minutes=minutes), place=place)
    except UserError:
        assert clean_title(title) == ""
        return
    assert m.title == clean_title(title)
    assert m.planned_minutes == minutes
    assert Meeting.from_dict(through_json(m.to_dict())) == m


# --- cleaning in the constructors -------------------------------------------------------------


def test_constructors_clean_what_people_type() -> None:
    m = Member(name="  Priya\x1b]0;owned\x07  ", full_name="Priya\u202e Shah", role="carer\n")
    assert m.name == "Priya]0;owned"
    assert m.full_name == "Priya Shah"
    assert m.role == "carer"
    g = Group(name="Board\x00\x7f")
    assert g.name == "Board"
    item = AgendaItem(title="\tWelcome \r\n all ", summary="line one\r\nline two\x1b[31m")
    assert item.title == "Welcome all"
    assert item.summary == "line one\nline two[31m"
    meeting = replace(full_meeting(), title="  March\u200f board ", place="Hall\x9b")
    assert meeting.title == "March board"
    assert meeting.place == "Hall"
    note = note_event("  keep this\x1b \n")
    assert note.data["text"] == clean_note("  keep this\x1b \n") == "keep this"
    assert note.type == "note"


def test_markup_is_kept_as_text() -> None:
    # Markup is made harmless where it is shown, never silently changed in the data.
    assert Member(name="[bold]x[/]").name == "[bold]x[/]"
    assert replace(full_meeting(), title="[@click=app.quit]hi[/]").title == "[@click=app.quit]hi[/]"


# --- plain errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda: Member(name="   "), "Please give the member a name."),
        (lambda: Member(name="\x1b\x07"), "Please give the member a name."),
        (lambda: Group(name=""), "Please give the group a name."),
        (lambda: AgendaItem(title="\n"), "Please give the agenda item a title."),
        (lambda: replace(full_meeting(), title=" "), "Please give the meeting a title."),
        (lambda: replace(full_meeting(), end=START - timedelta(minutes=1)),
         "The meeting cannot end before it starts; please check the times."),
        (lambda: note_event("  \n "), "The note is empty; please type something to keep."),
    ],
)
def test_empty_or_impossible_input_gets_one_plain_sentence(make, words) -> None:
    with pytest.raises(UserError) as caught:
        make()
    assert str(caught.value) == words


def test_too_long_text_says_the_limit() -> None:
    with pytest.raises(TextTooLong) as caught:
        Member(name="x" * (NAME_LIMIT + 1))
    assert str(caught.value) == f"The name is {NAME_LIMIT + 1} characters long; please keep it to {NAME_LIMIT} or fewer."
    with pytest.raises(TextTooLong, match="title"):
        Group(name="y" * (TITLE_LIMIT + 1))
    assert Member(name="x" * NAME_LIMIT).name == "x" * NAME_LIMIT


def test_small_helpers() -> None:
    assert join_words([]) == ""
    assert join_words(["a"]) == "a"
    assert join_words(["a", "", "b"]) == "a and b"
    assert join_words(["a", "b", "c"]) == "a, b and c"
    m = Member(name="Sam", access_needs=(AccessNeed.LARGE_PRINT, AccessNeed.BREAKS), access_notes="a quiet room")
    assert m.access_in_words() == "Sam needs large print papers, regular breaks and a quiet room."
    assert Member(name="Kit").access_in_words() == ""
    assert Member(name="Dr Lee", full_name="Dr Ravi Lee").first_name == "Ravi"
    assert Member(name="Cllr Shah", full_name="Cllr. Nadia Shah").first_name == "Nadia"
    assert Member(name="Priya").first_name == "Priya"
    assert Member(name="Dr").first_name == "Dr"
    meeting = full_meeting()
    assert meeting.person(meeting.roster[0].id) == meeting.roster[0]
    assert meeting.item(meeting.agenda[1].id) == meeting.agenda[1]
    assert meeting.person("nobody") is None
    group = Group(name="Board", members=meeting.roster)
    changed = replace(meeting.roster[0], name="Hayley B")
    assert group.with_member(changed).members[0].name == "Hayley B"
    assert len(group.with_member(Member(name="New")).members) == 3
    assert [m.name for m in replace(group, members=(replace(changed, archived=True),)).current_members] == []


def test_events_sort_by_time_then_sequence() -> None:
    a = Event(type="x", at=START, seq=2)
    b = Event(type="x", at=START, seq=1)
    c = Event(type="x", at=START - timedelta(seconds=1), seq=9)
    assert sorted([a, b, c], key=lambda e: e.sort_key) == [c, b, a]
