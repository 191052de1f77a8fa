"""Action due dates and the next meeting as a calendar file (.ics), via icalendar.

Actions are whole-day events on their due day; the next meeting has its start and end (local
time, as the rest of the app). UIDs come from record ids, so importing the file twice updates
the same entries instead of making copies.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar, Event

from coprod_meet.minutes.document import Document

_STAMP = datetime(2000, 1, 1)


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
            item.add("dtstart", entry.start)
            item.add("dtend", entry.end or entry.start + timedelta(hours=1))
        cal.add_component(item)
    return cal.to_ical()
