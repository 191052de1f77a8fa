"""Action due dates and the next meeting as a calendar file (.ics), via icalendar.

Actions are whole-day events on their due day; the next meeting has its start and end in UK
time (the app's times are local times in Europe/London), with the time zone written out in the
file (VTIMEZONE), and its online link. UIDs come from record ids, so importing the file twice updates
the same entries instead of making copies.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from coprod_meet.minutes.document import Document

_STAMP = datetime(2000, 1, 1)
TIME_ZONE = "Europe/London"


def render_ics(document: Document) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//coprod-meet//minutes//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", document.title)
    stamp = document.made_at or _STAMP
    for entry in document.calendar:
        item = Event()
        item.add("uid", entry.uid)
        item.add("dtstamp", stamp)
        item.add("summary", entry.summary)
        if entry.description:
            item.add("description", entry.description)
        if entry.location:
            item.add("location", entry.location)
        if entry.day is not None:
            item.add("dtstart", entry.day)
            item.add("dtend", entry.day + timedelta(days=1))
            item.add("transp", "TRANSPARENT")
        elif entry.start is not None:
            zone = ZoneInfo(TIME_ZONE)
            start = entry.start.replace(tzinfo=zone)
            end = (entry.end or entry.start + timedelta(hours=1)).replace(tzinfo=zone)
            item.add("dtstart", start)
            item.add("dtend", end)
        if entry.url:
            item.add("url", entry.url)
        cal.add_component(item)
    if any(entry.start is not None for entry in document.calendar):
        cal.subcomponents.insert(0, london())
    return cal.to_ical()


def london() -> Timezone:
    """Europe/London as calendars write it: GMT in winter, BST (one hour on) from the last
    Sunday of March to the last Sunday of October, changing at 1am GMT."""
    zone = Timezone()
    zone.add("tzid", TIME_ZONE)
    for kind, name, start, before, after, month in ((TimezoneStandard, "GMT", datetime(1996, 10, 27, 2), 1, 0, 10),
                                                    (TimezoneDaylight, "BST", datetime(1981, 3, 29, 1), 0, 1, 3)):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", timedelta(hours=before))
        part.add("tzoffsetto", timedelta(hours=after))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone
