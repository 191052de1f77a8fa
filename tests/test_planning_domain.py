"""Planning rules: the agenda's shape, checks in words, access needs and repeating dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_meet.domain import planning as p
from coprod_meet.domain.model import AccessNeed, AgendaItem, GroupSettings, Meeting, Member, Paper, VoiceGroup
from tests.conftest import naughty_strings

START = datetime(2026, 3, 12, 14, 0)  # Thursday 12 March 2026, 2pm


def items(*titles: str) -> tuple[AgendaItem, ...]:
    return tuple(AgendaItem(title=t, id=t) for t in titles)


def titles(agenda) -> list[str]:
    return [f"{i.title}<{i.parent_id}" if i.parent_id else i.title for i in agenda]


def meeting(agenda=(), minutes=120, chairs=(), roster=(), papers_days=7) -> Meeting:
    return Meeting(group_id="g", group_name="Board", title="Board", start=START,
                   end=START + timedelta(minutes=minutes), agenda=agenda, co_chair_ids=chairs, roster=roster,
                   settings=GroupSettings(papers_days=papers_days))


# --- shape -----------------------------------------------------------------------------------


def test_move_nest_unnest_and_remove_keep_sub_items_with_their_parent() -> None:
    agenda = items("a", "b", "c", "d")
    agenda = p.nest(agenda, "c")  # c under b
    assert titles(agenda) == ["a", "b", "c<b", "d"]
    assert p.numbers(agenda) == {"a": "1", "b": "2", "c": "2.1", "d": "3"}
    agenda = p.move(agenda, "b", -1)  # b (with c) moves above a
    assert titles(agenda) == ["b", "c<b", "a", "d"]
    agenda = p.move(agenda, "b", +1)
    assert titles(agenda) == ["a", "b", "c<b", "d"]
    assert p.move(agenda, "a", -1) == agenda  # already at the top
    assert p.move(agenda, "c", +1) == agenda  # only child: nowhere to go
    agenda = p.nest(agenda, "d")
    assert titles(agenda) == ["a", "b", "c<b", "d<b"]
    agenda = p.move(agenda, "d", -1)
    assert titles(agenda) == ["a", "b", "d<b", "c<b"]
    agenda = p.unnest(agenda, "d")  # goes after b's other sub-items
    assert titles(agenda) == ["a", "b", "c<b", "d"]
    assert titles(p.remove(agenda, "b")) == ["a", "d"]


def test_nesting_is_refused_in_plain_words() -> None:
    agenda = p.nest(items("a", "b", "c"), "b")
    with pytest.raises(p.AgendaError, match="no item above"):
        p.nest(agenda, "a")
    with pytest.raises(p.AgendaError, match="two levels"):
        p.nest(p.nest(p.insert_after(agenda, AgendaItem(title="x", id="x"), "b"), "x"), "x")
    with pytest.raises(p.AgendaError, match="sub-items of its own"):
        p.nest(p.nest(items("a", "b", "c"), "c"), "b")
    with pytest.raises(p.AgendaError, match="not under another item"):
        p.unnest(agenda, "a")
    with pytest.raises(p.AgendaError, match="no longer on the agenda"):
        p.move(agenda, "gone", 1)


def test_insert_after_goes_after_the_item_and_its_sub_items_at_its_level() -> None:
    agenda = p.nest(items("a", "b", "c"), "b")
    new = AgendaItem(title="n", id="n")
    assert titles(p.insert_after(agenda, new, "a")) == ["a", "b<a", "n", "c"]
    assert titles(p.insert_after(agenda, new, "b")) == ["a", "b<a", "n<a", "c"]
    assert titles(p.insert_after(agenda, new)) == ["a", "b<a", "c", "n"]


def test_ordered_repairs_missing_parents_and_loops() -> None:
    looped = (AgendaItem(title="x", id="x", parent_id="y"), AgendaItem(title="y", id="y", parent_id="x"),
              AgendaItem(title="z", id="z", parent_id="gone"), AgendaItem(title="s", id="s", parent_id="s"))
    assert sorted(titles(p.ordered(looped))) == ["s", "x", "y", "z"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["up", "down", "nest", "unnest", "remove", "add"]),
                          st.integers(0, 9)), max_size=25))
def test_any_keyboard_edits_keep_a_sound_agenda(steps) -> None:
    """Whatever keys are pressed, sub-items follow their parents, two levels at most, nothing duplicated."""
    agenda = items(*"abcdef")
    added = 0
    for what, n in steps:
        if not agenda:
            break
        target = agenda[n % len(agenda)].id
        try:
            if what == "up":
                agenda = p.move(agenda, target, -1)
            elif what == "down":
                agenda = p.move(agenda, target, 1)
            elif what == "nest":
                agenda = p.nest(agenda, target)
            elif what == "unnest":
                agenda = p.unnest(agenda, target)
            elif what == "remove":
                agenda = p.remove(agenda, target)
            else:
                added += 1
                agenda = p.insert_after(agenda, AgendaItem(title=f"n{added}", id=f"n{added}"), target)
        except p.AgendaError:
            pass
        ids = [i.id for i in agenda]
        assert len(ids) == len(set(ids))
        assert p.ordered(agenda) == tuple(agenda)
        assert all(p.depth(agenda, i) <= p.MAX_DEPTH for i in agenda)
        assert all(not i.parent_id or i.parent_id in ids[: ids.index(i.id)] for i in agenda)


# --- checks -----------------------------------------------------------------------------------


def test_time_check_in_words() -> None:
    agenda = tuple(AgendaItem(title=str(n), minutes=m) for n, m in enumerate([60, 45, 25]))
    assert p.time_check(meeting(agenda, 120)).text == "The agenda is 10 minutes longer than the meeting."
    assert p.time_check(meeting(agenda, 130)).warning is False
    assert p.time_check(meeting(agenda, 130)).text == "The agenda fills the meeting exactly (2 hours 10 minutes)."
    assert p.time_check(meeting(agenda, 150)).text == (
        "The agenda takes 2 hours 10 minutes of the 2 hours 30 minutes, leaving 20 minutes spare."
    )
    assert p.time_check(meeting(agenda, 105)).text == "The agenda is 25 minutes longer than the meeting."


def test_sub_items_share_their_parents_time() -> None:
    agenda = p.nest(p.nest(tuple(AgendaItem(title=t, id=t, minutes=m) for t, m in
                                 [("a", 15), ("b", 5), ("c", 5), ("d", 10)]), "b"), "c")
    assert p.agenda_minutes(agenda) == 15 + 10
    bigger = p.replace_item(agenda, replace(agenda[1], minutes=12))
    assert p.agenda_minutes(bigger) == 17 + 10


def test_papers_sent_late_or_not_at_all_are_said_in_words() -> None:
    late = AgendaItem(title="Carers' breaks", papers=(Paper(title="Briefing", sent="2026-03-10"),))
    early = AgendaItem(title="Transport", papers=(Paper(title="Map", sent="2026-03-01"),))
    unsent = AgendaItem(title="Budget", papers=(Paper(title="Figures"),))
    agenda = (AgendaItem(title="Welcome"), early, late, unsent)
    found = [c.text for c in p.papers_checks(meeting(agenda))]
    assert found == [
        "Papers for item 3 went out 2 days before — members asked for a week.",
        "Papers for item 4 have not gone out yet — members asked for a week before.",
    ]
    found = [c.text for c in p.papers_checks(meeting(agenda, papers_days=14))]
    assert "Papers for item 2 went out 11 days before — members asked for two weeks." in found
    assert [c.text for c in p.papers_checks(meeting((late,), papers_days=1))] == []
    on_day = AgendaItem(title="x", papers=(Paper(title="y", sent="2026-03-12"),))
    assert p.papers_checks(meeting((on_day,), papers_days=3))[0].text == (
        "Papers for item 1 went out on the day — members asked for 3 days."
    )


def test_power_sharing_check() -> None:
    hayley = Member(name="Hayley", voice_group=VoiceGroup.LIVED)
    jo = Member(name="Jo", voice_group=VoiceGroup.PROFESSIONAL)
    tom = Member(name="Tom", voice_group=VoiceGroup.CARER)
    roster = (hayley, jo, tom)
    check = p.power_check(meeting(chairs=(jo.id, tom.id), roster=roster))
    assert check.warning and check.text.startswith("No co-chair has lived experience.")
    assert p.power_check(meeting(chairs=(), roster=roster)).text.startswith("No co-chairs are chosen yet")
    ok = p.power_check(meeting(chairs=(hayley.id, jo.id), roster=roster))
    assert not ok.warning and ok.text == "Hayley brings lived experience to the chair."


def test_items_led_by_someone_who_is_not_a_co_chair_are_pointed_out() -> None:
    hayley, jo, tom = Member(name="Hayley", voice_group=VoiceGroup.LIVED), Member(name="Jo"), Member(name="Tom")
    agenda = (AgendaItem(title="a", lead_id=hayley.id), AgendaItem(title="b", lead_id=tom.id))
    found = p.lead_checks(meeting(agenda, chairs=(hayley.id, jo.id), roster=(hayley, jo, tom)))
    assert [c.text for c in found] == ["Item 2 is led by Tom, who is not a co-chair of this meeting."]


def test_meeting_checks_put_warnings_first() -> None:
    agenda = (AgendaItem(title="long", minutes=200),)
    checks = p.meeting_checks(meeting(agenda, chairs=()))
    assert [c.warning for c in checks] == sorted((c.warning for c in checks), reverse=True)
    assert checks[0].text.startswith("The agenda is 1 hour 20 minutes longer")


def test_access_lines_name_what_each_member_needs() -> None:
    sam = Member(name="Sam", access_needs=(AccessNeed.LARGE_PRINT, AccessNeed.BREAKS))
    kit = Member(name="Kit", access_needs=(AccessNeed.BSL,), access_notes="a seat near the front")
    gone = Member(name="Old", access_needs=(AccessNeed.BSL,), archived=True)
    jo = Member(name="Jo")
    assert p.access_lines([sam, kit, gone, jo]) == [
        "Sam needs large print papers and regular breaks.",
        "Kit needs a BSL interpreter and a seat near the front.",
    ]
    assert p.access_lines([sam], break_every_minutes=60) == ["Sam needs large print papers and a break every hour."]
    assert p.access_line(sam, 90) == "Sam needs large print papers and a break every 90 minutes."
    assert p.access_line(sam, 120) == "Sam needs large print papers and a break every 2 hours."


# --- repeating dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected", "said"),
    [
        ("every 2nd Tuesday of the month", ["2026-04-14", "2026-05-12", "2026-06-09"],
         "every month on the second Tuesday"),
        ("every month on the first Monday", ["2026-04-06", "2026-05-04", "2026-06-01"],
         "every month on the first Monday"),
        ("every 4 weeks on Thursday", ["2026-03-12", "2026-04-09", "2026-05-07"], "every 4 weeks on Thursday"),
        ("every week", ["2026-03-12", "2026-03-19", "2026-03-26"], "every week"),
        ("Weekly", ["2026-03-12", "2026-03-19", "2026-03-26"], "every week"),
        ("fortnightly", ["2026-03-12", "2026-03-26", "2026-04-09"], "every 2 weeks"),
        ("every other week on Monday", ["2026-03-16", "2026-03-30", "2026-04-13"], "every 2 weeks on Monday"),
        ("the last Friday of every month", ["2026-03-27", "2026-04-24", "2026-05-29"],
         "every month on the last Friday"),
        ("every month on the 12th", ["2026-03-12", "2026-04-12", "2026-05-12"], "every month on the 12th"),
        # "every 3 months" from the second Thursday keeps to the second Thursday
        ("every 3 months", ["2026-03-12", "2026-06-11", "2026-09-10"], "every 3 months"),
        ("every Tuesdays", ["2026-03-17", "2026-03-24", "2026-03-31"], "every week on Tuesday"),
        ("every year", ["2026-03-12", "2027-03-12", "2028-03-12"], "every year"),
    ],
)
def test_repeating_dates_from_words(words: str, expected: list[str], said: str) -> None:
    repeat = p.parse_repeat(words)
    assert [d.date().isoformat() for d in repeat.dates(START, 3)] == expected
    assert all(d.time() == START.time() for d in repeat.dates(START, 3))
    assert repeat.in_words() == said


def test_a_time_in_the_words_sets_the_time_and_after_skips_the_first_meeting() -> None:
    repeat = p.parse_repeat("every 2nd Tuesday of the month at 10am")
    assert repeat.dates(START, 1) == [datetime(2026, 4, 14, 10, 0)]
    weekly = p.parse_repeat("every week")
    assert weekly.after(START, 2) == [START + timedelta(days=7), START + timedelta(days=14)]
    assert p.repeat_dates_in_words(weekly, START, 1) == ["Thursday 12 March 2026"]


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("every blue moon", 'I could not understand "every blue moon" as a way to repeat'),
        ("", "Please say how the meeting repeats"),
        ("every 3", "I could not understand"),
        ("every 6th Tuesday", "I could not understand"),
        ("every Tuesday and Wednesday", "Please choose one day of the week"),
        ("every week on the 2nd Tuesday", "only makes sense in a month"),
        ("every month on the 31st", "Not every month has that day"),
        ("every 99 weeks", "at least once every 52 weeks"),
        ("x" * 300, "repeat is 300 characters long"),
    ],
)
def test_repeat_words_we_cannot_use_get_one_plain_sentence(words: str, message: str) -> None:
    with pytest.raises(p.RepeatNotUnderstood) as caught:
        p.parse_repeat(words)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_naughty_strings_never_crash_the_repeat_reader() -> None:
    for text in naughty_strings():
        try:
            p.parse_repeat(text)
        except p.RepeatNotUnderstood as error:
            assert str(error)
