"""The names of the events a meeting's log holds, and small helpers to make them.

The log is append-only: corrections are new events, never edits of old ones.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from coprod_meet.domain.model import Event

# Attendance: data {member_id, status} with status one of ATTENDANCE_STATUSES.
ATTENDANCE = "attendance"
ATTENDANCE_STATUSES = ("present", "apologies", "late", "left", "absent")
# How a person joins: an attendance event may carry {joins}; JOINS_SET changes it mid-meeting.
JOINS = ("room", "online", "phone")
JOINS_SET = "joins_set"  # {member_id, joins: room|online|phone}

MEETING_STARTED = "meeting_started"
MEETING_ENDED = "meeting_ended"
ITEM_STARTED = "item_started"  # {item_id}
ITEM_DEFERRED = "item_deferred"  # {item_id}
ITEM_ADDED = "item_added"  # {item: AgendaItem dict, after_id}
CHAIR_HANDOVER = "chair_handover"  # {item_id, lead_id}
ROLE_SET = "role_set"  # {role, member_id}

QUEUE_JOINED = "queue_joined"  # {member_id, kind: normal|process|clarification|reply, recorded_by?}
QUEUE_LEFT = "queue_left"  # {member_id}
QUEUE_MOVED = "queue_moved"  # {member_id, position}
FAIR_ORDER_SET = "fair_order_set"  # {on: bool}
QUEUE_KIND_SET = "queue_kind_set"  # {member_id, kind}: someone waiting raises a point of process
# Leaving an item while people wait: what the co-chair chose (before the item_started, if any).
QUEUE_CARRIED = "queue_carried"  # {item_id, to_item_id, member_ids}: they wait on the next item
QUEUE_CLEARED = "queue_cleared"  # {item_id, member_ids}: the queue was cleared
QUEUE_STAYED = "queue_stayed"  # {item_id, member_ids}: the co-chair stayed on the item
PERSON_ADDED = "person_added"  # {member: Member dict, guest: bool}: added to the meeting's list
CLOCK_STOPPED = "clock_stopped"  # {}: the app left the running meeting (closed, or back to the list)
CLOCK_RESUMED = "clock_resumed"  # {stopped_at}: the app ran again; the time between is nobody's

TURN_STARTED = "turn_started"  # {member_id, item_id, via: spoken|written|supporter, by_id}
TURN_ENDED = "turn_ended"  # {member_id}
ROUND_STARTED = "round_started"  # {item_id}
ROUND_PASSED = "round_passed"  # {member_id}
ROUND_ENDED = "round_ended"  # {}

CARD_RAISED = "card_raised"  # {member_id, colour: red|amber|green, word, recorded_by?}
# recorded_by (both above): the co-chair or remote buddy who recorded it for someone online,
# from what they said in the chat.
CARD_CLEARED = "card_cleared"  # {member_id, colour}
WORD_EXPLAINED = "word_explained"  # {word, meaning}
TURN_LIMIT_SET = "turn_limit_set"  # {seconds, item_id ("" for the whole meeting)}
TIMER_PAUSED = "timer_paused"
TIMER_RESUMED = "timer_resumed"
BREAK_STARTED = "break_started"
BREAK_ENDED = "break_ended"

DECISION_RECORDED = "decision_recorded"
DECISION_EDITED = "decision_edited"
ACTION_RECORDED = "action_recorded"
ACTION_EDITED = "action_edited"
YOU_SAID = "you_said"  # {id, member_id, text, state, links}
EVALUATION = "evaluation"  # {member_id, heard: yes|partly|no|pass, comment}
NOTE = "note"  # {text, author_id} — private, never exported


def event(event_type: str, at: datetime | None = None, **data: Any) -> Event:
    """An event of ``event_type`` with ``data``, stamped now unless ``at`` is given."""
    from coprod_meet.domain.model import Event, now  # the names above are read without it

    return Event(type=event_type, data=data, at=at or now())
