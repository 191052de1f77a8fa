"""Planning checks (issue 15 points 1, 2 and 10): each a plain warning, never a silent wrong plan."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from coprod_meet.domain import planning as p
from coprod_meet.domain.model import AgendaItem, GroupSettings, Meeting, Member, VoiceGroup

START = datetime(2026, 3, 12, 14, 0)  # Thursday 12 March 2026, 2pm
HAYLEY = Member(name="Hayley", voice_group=VoiceGroup.LIVED, id="hayley")
JO = Member(name="Jo", voice_group=VoiceGroup.PROFESSIONAL, id="jo")
GONE = Member(name="Ade", voice_group=VoiceGroup.CARER, id="ade", archived=True)


def meeting(agenda=(), minutes=120, break_every=60, start=START, mid="m1", roster=(HAYLEY, JO, GONE)) -> Meeting:
    return Meeting(id=mid, group_id="g", group_name="Board", title="Board", start=start,
                   end=start + timedelta(minutes=minutes), agenda=tuple(agenda), co_chair_ids=("hayley", "jo"),
                   roster=roster, settings=GroupSettings(break_every_minutes=break_every))


def warnings(m: Meeting, others=()) -> list[str]:
    return [c.text for c in p.meeting_checks(m, others) if c.warning]


def test_an_agenda_past_the_break_rule_with_no_break_is_warned() -> None:
    agenda = [AgendaItem(title=t, id=t, minutes=25) for t in ("a", "b", "c", "d")]
    assert ("By the end of item 3 the meeting has gone 1 hour 15 minutes without a break, and the group asks "
            "for a break every hour; please add a break to the agenda.") in warnings(meeting(agenda))
    # a break after item 2 keeps every stretch under an hour
    with_break = [*agenda[:2], AgendaItem(title="Tea break", id="brk", minutes=10), *agenda[2:]]
    assert not any("without a break" in w for w in warnings(meeting(with_break, minutes=130)))
    # "Carers' breaks" is a topic, not a break
    topic = [*agenda[:2], AgendaItem(title="Carers' breaks", id="cb", minutes=10), *agenda[2:]]
    assert any("without a break" in w for w in warnings(meeting(topic, minutes=130)))
    # a group with no break rule is not warned
    assert not any("without a break" in w for w in warnings(meeting(agenda, break_every=0)))


def test_a_sub_item_longer_than_its_parent_is_warned() -> None:
    agenda = [AgendaItem(title="Carers", id="p", minutes=10), AgendaItem(title="Talk", id="s", minutes=15, parent_id="p")]
    assert ("Item 1.1 has 15 minutes, more than item 1 it is part of (10 minutes); please give the main item "
            "more time or the sub-item less.") in warnings(meeting(agenda))
    fine = [agenda[0], AgendaItem(title="Talk", id="s", minutes=10, parent_id="p")]
    assert not any("part of" in w for w in warnings(meeting(fine)))


def test_an_agenda_lead_who_is_not_a_member_is_warned() -> None:
    agenda = [AgendaItem(title="a", id="a", lead_id="stranger"), AgendaItem(title="b", id="b", lead_id="ade"),
              AgendaItem(title="c", id="c", lead_id="hayley")]
    found = warnings(meeting(agenda))
    assert "Item 1 is led by someone who is not a member of Board; please choose a member to lead it." in found
    assert "Item 2 is led by Ade, who is no longer a member of Board; please choose a member to lead it." in found
    assert not any(w.startswith("Item 3") for w in found)
    assert not any("not a co-chair" in w for w in found)  # said once, not twice


def test_the_same_group_double_booked_is_warned() -> None:
    this = meeting()
    overlapping = meeting(start=START + timedelta(hours=1), mid="m2")
    later = meeting(start=START + timedelta(hours=2), mid="m3")  # starts as this one ends
    other_group = Meeting(id="m4", group_id="other", group_name="Forum", title="Forum", start=START,
                          end=START + timedelta(hours=2))
    found = warnings(this, [this, overlapping, later, other_group])
    clashes = [w for w in found if "at the same time" in w]
    assert clashes == ["Board already has Board on Thursday 12 March 2026 at 3pm until 5pm, at the same time as "
                       "this meeting; please choose another time."]


def test_weekends_and_bank_holidays_are_warned() -> None:
    assert p.day_warning(date(2026, 12, 25)) == ("Friday 25 December 2026 is a bank holiday (Christmas Day) in "
                                                 "England and Wales.")
    assert p.day_warning(date(2026, 8, 31)).startswith("Monday 31 August 2026 is a bank holiday")
    assert p.day_warning(date(2026, 3, 14)) == "Saturday 14 March 2026 is a weekend day."
    assert p.day_warning(date(2026, 3, 12)) == ""
    assert any("weekend" in w for w in warnings(meeting(start=datetime(2026, 3, 14, 10))))
    weekly = p.parse_repeat("every week").after(datetime(2026, 12, 18, 10), 3)
    assert p.series_warnings(weekly) == [
        "Friday 25 December 2026 is a bank holiday (Christmas Day) in England and Wales.",
        "Friday 1 January 2027 is a bank holiday (New Year's Day) in England and Wales.",
    ]


def test_every_month_keeps_the_week_and_weekday() -> None:
    monthly = p.parse_repeat("every month")
    second_tuesday = datetime(2026, 12, 8, 14)
    assert monthly.anchored(second_tuesday).in_words() == "every month on the second Tuesday"
    assert [d.date() for d in monthly.after(second_tuesday, 3)] == [date(2027, 1, 12), date(2027, 2, 9),
                                                                      date(2027, 3, 9)]
    assert all(d.weekday() == 1 for d in monthly.after(second_tuesday, 12))
    fifth_tuesday = datetime(2026, 12, 29, 14)
    assert monthly.anchored(fifth_tuesday).in_words() == "every month on the last Tuesday"
    assert [d.date() for d in monthly.after(fifth_tuesday, 2)] == [date(2027, 1, 26), date(2027, 2, 23)]
    # a day of the month said in words is kept as a day of the month
    assert [d.day for d in p.parse_repeat("every month on the 12th").after(START, 3)] == [12, 12, 12]


def test_a_date_in_the_past_is_a_question() -> None:
    now = datetime(2026, 12, 3, 9)
    assert p.past_question(datetime(2026, 1, 5, 10), now) == (
        "That is 11 months ago (Monday 5 January 2026 at 10am). Plan it anyway?")
    assert p.past_question(datetime(2027, 1, 5, 10), now) == ""


def test_bank_holidays_need_no_network(monkeypatch) -> None:
    import socket

    def refuse(*_args, **_kwargs):
        raise AssertionError("the bank holiday table tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert p.bank_holiday(date(2031, 12, 25)) == "Christmas Day"
    assert p.bank_holiday(date(2031, 5, 26)) == "Spring Bank Holiday"
    assert p.bank_holiday(date(2031, 5, 27)) == ""
