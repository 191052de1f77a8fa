"""Run a live meeting: every action is checked, becomes events, is applied to the meeting's
state at once and written durably to the meeting's log.

``LiveMeeting.open(service, meeting_id)`` replays the log, so a meeting stopped at any moment
(even by a crash) carries on exactly where it was.

Two ways to save. By default (``autosave=True``) each action returns only once its events are on
disk: right for scripts, the line mode and tests. The TUI opens with ``autosave=False``: the
state changes at once and the TUI calls ``save_pending()`` off the event loop, saying "Saved"
only when it returns.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import datetime
from typing import Any, Callable

from coprod_meet.domain import events as ev
from coprod_meet.domain.errors import UserError
from coprod_meet.domain.evaluation import HEARD_ANSWERS
from coprod_meet.domain.model import ROLE_WORDS, AgendaItem, Event, Member, Naming, VoiceGroup, now
from coprod_meet.domain.queue import KINDS
from coprod_meet.domain.records import Action, Decision, RecordPrefill, check_action, check_decision
from coprod_meet.domain.state import MeetingState
from coprod_meet.domain.text import clean_short, clean_title
from coprod_meet.services.archive import ArchiveService

ROLES = ROLE_WORDS
CARD_COLOURS = ("red", "amber", "green")
ATTENDANCE_WORDS = {
    "present": "is here",
    "apologies": "sent apologies",
    "late": "arrived late",
    "left": "left early",
    "absent": "is not here",
}
EVALUATION_ANSWERS = HEARD_ANSWERS
QUEUE_CHOICES = ("carry", "clear", "stay")  # people wait and the co-chair leaves the item
QUEUE_CHOICE_WORDS = {
    "carry": "Carry them to the next item",
    "clear": "Clear the queue",
    "stay": "Stay on this item",
}
RESUME_AFTER_SECONDS = 5  # a shorter stop of the app is not worth a word


class PeopleWaiting(UserError):
    """Leaving an item while people wait: the co-chair must say what happens to them."""

    def __init__(self, state: MeetingState) -> None:
        self.member_ids = [p.member_id for p in state.queue_places()]
        names = [state.name(m) for m in self.member_ids]
        super().__init__(waiting_question(names))


def waiting_question(names: list[str]) -> str:
    """ "Priya and Sam are waiting to speak. Carry them to the next item, clear the queue, or stay?" """
    from coprod_meet.domain.model import join_words

    verb = "is" if len(names) == 1 else "are"
    return (f"{join_words(names)} {verb} waiting to speak. "
            "Carry them to the next item, clear the queue, or stay on this item?")


class LiveMeeting:
    """One meeting being run. Not thread-safe except ``save_pending`` (one saver at a time)."""

    def __init__(self, service: ArchiveService, state: MeetingState, *,
                 clock: Callable[[], datetime] = now, autosave: bool = True) -> None:
        self.service = service
        self.state = state
        self.clock = clock
        self.autosave = autosave
        self._pending: list[Event] = []
        self._lock = threading.Lock()
        self._roster_changed = False  # a guest was added: the meeting's plan is saved too

    @classmethod
    def open(cls, service: ArchiveService, meeting_id: str, *, clock: Callable[[], datetime] = now,
             autosave: bool = True) -> LiveMeeting:
        meeting = service.get_meeting(meeting_id)
        state = MeetingState.replay(meeting, service.events(meeting_id))
        return cls(service, state, clock=clock, autosave=autosave)

    @property
    def meeting_id(self) -> str:
        return self.state.meeting.id

    # -- writing ------------------------------------------------------------------------------

    def _record(self, *items: tuple[str, dict[str, Any]]) -> list[Event]:
        at = self.clock()
        made = [Event(type=kind, data=data, at=at) for kind, data in items]
        for e in made:
            self.state.apply(e)
        with self._lock:
            self._pending.extend(made)
        if self.autosave:
            try:
                self.save_pending()
            except BaseException:
                self.reload()  # show what is really on disk, never a change that was not saved
                raise
        return made

    def reload(self) -> None:
        """Forget changes not yet saved and rebuild the state from the log on disk."""
        with self._lock:
            self._pending = []
        meeting_id = self.meeting_id
        self.state = MeetingState.replay(self.service.get_meeting(meeting_id), self.service.events(meeting_id))

    def save_pending(self) -> int:
        """Write every event not yet on disk, in order; returns how many. Durable on return."""
        with self._lock:
            batch, self._pending = self._pending, []
            roster_changed, self._roster_changed = self._roster_changed, False
        try:
            if roster_changed:  # so every reader of the plan (minutes, lists) knows the guest
                self.service.save_meeting(self.state.meeting)
            self.service.append_events(self.meeting_id, batch)
        except BaseException:
            with self._lock:
                self._pending = batch + self._pending
                self._roster_changed = self._roster_changed or roster_changed
            raise
        return len(batch)

    @property
    def unsaved(self) -> int:
        with self._lock:
            return len(self._pending)

    # -- checks -------------------------------------------------------------------------------

    def _member(self, member_id: str) -> Member:
        m = self.state.person(member_id)
        if m is None:
            raise UserError("That person is not on this meeting's list of members; please choose someone listed.")
        return m

    def _present(self, member_id: str) -> Member:
        m = self._member(member_id)
        if member_id not in self.state.present_ids:
            raise UserError(f"{m.name} is not marked as here yet; mark them present first.")
        return m

    def _running(self) -> None:
        if self.state.ended is not None:
            raise UserError("This meeting has ended; open it from the list to read it.")
        if self.state.started is None:
            raise UserError("The meeting has not started yet; start it first.")

    def _not_ended(self) -> None:
        if self.state.ended is not None:
            raise UserError("This meeting has ended; open it from the list to read it.")

    def _item_id(self) -> str:
        self._running()
        if not self.state.current_item_id:
            raise UserError("There is no agenda item open; go to the next item first.")
        return self.state.current_item_id

    # -- attendance and roles -------------------------------------------------------------------

    def set_attendance(self, member_id: str, status: str, joins: str = "") -> list[Event]:
        """present | apologies | late (arrived late) | left (left early) | absent.

        ``joins`` (for someone here): "room", "online" or "phone"; left out, it stays as it was."""
        self._not_ended()
        m = self._member(member_id)
        if status not in ev.ATTENDANCE_STATUSES:
            raise UserError("Please choose here, apologies, arrived late or left early.")
        if joins and (joins not in ev.JOINS or status not in ("present", "late")):
            raise UserError("Please say how someone here joins: in the room, online or on the phone.")
        if status == "late" and self.state.started is None:
            status = "present"  # arriving before the start is not late
        if status == "left" and member_id not in self.state.present_ids:
            raise UserError(f"{m.name} is not marked as here, so cannot leave early.")
        items: list[tuple[str, dict[str, Any]]] = []
        speaking = self.state.speaking
        if status not in ("present", "late") and speaking is not None and speaking.member_id == member_id:
            items.append((ev.TURN_ENDED, {"member_id": member_id}))
        items.append((ev.ATTENDANCE, {"member_id": member_id, "status": status, **({"joins": joins} if joins else {})}))
        return self._record(*items)

    def members_not_listed(self) -> list[Member]:
        """Members of the group who are not on this meeting's list (added after it was planned)."""
        try:
            group = self.service.group(self.state.meeting.group_id)
        except UserError:
            return []
        return [m for m in group.current_members if self.state.person(m.id) is None]

    def add_person(self, member: Member, *, guest: bool = False) -> list[Event]:
        """Put someone on this meeting's list: a guest, or a member added to the group after
        planning. They can then be marked here, queue, speak and be named (or not) in minutes."""
        self._not_ended()
        if self.state.person(member.id) is not None:
            raise UserError(f"{member.name} is already on this meeting's list.")
        self.check_new_name(member.name)
        with self._lock:
            self._roster_changed = True
        return self._record((ev.PERSON_ADDED, {"member": member.to_dict(), "guest": guest}))

    def check_new_name(self, name: str) -> str:
        """The name cleaned, if nobody on the list has it already (else a plain UserError)."""
        name = clean_short(name, "name").strip()
        if not name:
            raise UserError("Please type the person's name.")
        if any(m.name.casefold() == name.casefold() for m in self.state.meeting.roster):
            raise UserError(f"Someone called {name} is already on the list; please add a surname or initial.")
        return name

    def add_guest(self, name: str, voice_group: str = "other", naming: str = "not_named",
                  role: str = "guest") -> list[Event]:
        """A guest: a name, whose voice they bring, and how public minutes may name them
        (not named unless they agreed)."""
        if voice_group not in VoiceGroup._value2member_map_:
            raise UserError("Please choose lived experience, carer, professional or other.")
        if naming not in Naming._value2member_map_:
            raise UserError("Please choose full name, first name only, role only or not named.")
        member = Member(name=name, voice_group=VoiceGroup(voice_group), naming=Naming(naming), role=role)
        return self.add_person(member, guest=True)

    def set_role(self, role: str, member_id: str) -> list[Event]:
        self._not_ended()
        if role not in ROLES:
            raise UserError("Please choose timekeeper, note-taker, jargon buster or remote buddy.")
        if member_id:
            self._member(member_id)
        return self._record((ev.ROLE_SET, {"role": role, "member_id": member_id}))

    # -- agenda flow ----------------------------------------------------------------------------

    def _open_items(self) -> list[AgendaItem]:
        return [i for i in self.state.agenda if i.id not in self.state.deferred]

    def start(self) -> list[Event]:
        """Start the meeting and open the first item that is not deferred."""
        self._not_ended()
        if self.state.started is not None:
            raise UserError("The meeting has already started.")
        items: list[tuple[str, dict[str, Any]]] = [(ev.MEETING_STARTED, {})]
        first = self._open_items()
        if first:
            items.append((ev.ITEM_STARTED, {"item_id": first[0].id}))
        return self._record(*items)

    def _step(self, direction: int) -> AgendaItem | None:
        items = self._open_items()
        ids = [i.id for i in self.state.agenda]
        here = ids.index(self.state.current_item_id) if self.state.current_item_id in ids else -1
        if direction > 0:
            return next((i for i in items if ids.index(i.id) > here), None)
        return next((i for i in reversed(items) if 0 <= ids.index(i.id) < here), None)

    def _leaving(self, to_id: str, queue: str) -> list[tuple[str, dict[str, Any]]] | None:
        """The events for what happens to the people waiting when the item changes to ``to_id``.

        Nobody waiting: none. Otherwise ``queue`` must say: "carry" (they wait on the next item),
        "clear" or "stay" (None: do not change the item). Without a choice, PeopleWaiting asks.
        """
        if not self.state.queue:
            return []
        if queue not in QUEUE_CHOICES:
            raise PeopleWaiting(self.state)
        ids = [p.member_id for p in self.state.queue_places()]
        here = self.state.current_item_id
        if queue == "stay":
            return None
        if queue == "carry":
            if not to_id:
                raise UserError("There is no next item to carry them to; clear the queue or stay on this item.")
            return [(ev.QUEUE_CARRIED, {"item_id": here, "to_item_id": to_id, "member_ids": ids})]
        return [(ev.QUEUE_CLEARED, {"item_id": here, "member_ids": ids})]

    def _stay(self) -> list[Event]:
        ids = [p.member_id for p in self.state.queue_places()]
        return self._record((ev.QUEUE_STAYED, {"item_id": self.state.current_item_id, "member_ids": ids}))

    def next_item(self, queue: str = "") -> list[Event]:
        """Open the next item. With people waiting, ``queue`` says carry, clear or stay."""
        self._running()
        item = self._step(+1)
        if item is None:
            raise UserError("This is the last item on the agenda; end the meeting when you are ready.")
        leaving = self._leaving(item.id, queue)
        if leaving is None:
            return self._stay()
        return self._record(*leaving, (ev.ITEM_STARTED, {"item_id": item.id}))

    def previous_item(self, queue: str = "") -> list[Event]:
        self._running()
        item = self._step(-1)
        if item is None:
            raise UserError("This is the first item on the agenda.")
        leaving = self._leaving(item.id, queue)
        if leaving is None:
            return self._stay()
        return self._record(*leaving, (ev.ITEM_STARTED, {"item_id": item.id}))

    def defer_item(self, queue: str = "") -> list[Event]:
        """Defer the current item to the next meeting and move on to the next one."""
        item_id = self._item_id()
        after = self._step(+1)
        leaving = self._leaving(after.id if after is not None else "", queue)
        if leaving is None:
            return self._stay()
        items: list[tuple[str, dict[str, Any]]] = [(ev.ITEM_DEFERRED, {"item_id": item_id}), *leaving]
        if after is not None:
            items.append((ev.ITEM_STARTED, {"item_id": after.id}))
        return self._record(*items)

    def add_item(self, title: str, minutes: int = 10) -> list[Event]:
        """Add an item on the fly, straight after the current one, led by whoever chairs now."""
        self._not_ended()
        title = clean_title(title)
        if not title:
            raise UserError("Please give the new item a title.")
        if not 0 <= int(minutes) <= 600:
            raise UserError("Please give the new item between 0 and 600 minutes.")
        item = AgendaItem(title=title, minutes=int(minutes), lead_id=self.state.chairing_now)
        return self._record((ev.ITEM_ADDED, {"item": item.to_dict(), "after_id": self.state.current_item_id}))

    def hand_over(self, to_id: str = "") -> list[Event]:
        """Hand the current item to the other co-chair (or to ``to_id``)."""
        item_id = self._item_id()
        chairs = list(self.state.meeting.co_chair_ids)
        if to_id:
            if to_id not in chairs:
                raise UserError(f"{self.state.name(to_id)} is not a co-chair of this meeting.")
        else:
            if len(chairs) < 2:
                raise UserError("This meeting has only one co-chair, so there is nobody to hand over to.")
            here = chairs.index(self.state.chairing_now) if self.state.chairing_now in chairs else -1
            to_id = chairs[(here + 1) % len(chairs)]
        return self._record((ev.CHAIR_HANDOVER, {"item_id": item_id, "lead_id": to_id}))

    def set_turn_limit(self, seconds: int, *, whole_meeting: bool = False) -> list[Event]:
        """The soft time for one turn, for the current item (or the whole meeting). 0: no limit."""
        self._not_ended()
        if not 0 <= int(seconds) <= 3600:
            raise UserError("Please give a turn time between 0 and 60 minutes.")
        item_id = "" if whole_meeting else self.state.current_item_id
        return self._record((ev.TURN_LIMIT_SET, {"seconds": int(seconds), "item_id": item_id}))

    def set_fair_order(self, on: bool) -> list[Event]:
        self._not_ended()
        return self._record((ev.FAIR_ORDER_SET, {"on": bool(on)}))

    # -- the queue ------------------------------------------------------------------------------

    def queue_add(self, member_id: str, kind: str = "normal", recorded_by: str = "") -> list[Event]:
        """Add someone to the queue. Someone already waiting can raise a point of process or
        of clarification: it becomes the kind of their place."""
        self._item_id()
        m = self._present(member_id)
        if kind not in KINDS:
            raise UserError("Please choose to speak, a point of process, a clarification or a direct reply.")
        entry = next((q for q in self.state.queue if q.member_id == member_id), None)
        if entry is not None:
            if kind in ("process", "clarification") and entry.kind != kind:
                return self._record((ev.QUEUE_KIND_SET, {"member_id": member_id, "kind": kind}))
            raise UserError(f"{m.name} is already waiting to speak; remove them first to change why.")
        speaking = self.state.speaking
        if kind == "reply" and speaking is None:
            raise UserError("Nobody is speaking, so there is nobody to reply to; add them to speak instead.")
        data: dict[str, Any] = {"member_id": member_id, "kind": kind, **_recorded(recorded_by)}
        if kind == "reply" and speaking is not None:
            data["to_id"] = speaking.member_id  # the reply keeps who it answers
        return self._record((ev.QUEUE_JOINED, data))

    def queue_remove(self, member_id: str) -> list[Event]:
        self._running()
        if not self.state.in_queue(member_id):
            raise UserError(f"{self.state.name(member_id)} is not waiting to speak.")
        return self._record((ev.QUEUE_LEFT, {"member_id": member_id}))

    def queue_move(self, member_id: str, by: int) -> list[Event]:
        """Move someone ``by`` places (negative: nearer the front). A co-chair's move holds."""
        self._running()
        order = [p.member_id for p in self.state.queue_places()]
        if member_id not in order:
            raise UserError(f"{self.state.name(member_id)} is not waiting to speak.")
        here = order.index(member_id)
        processes = sum(1 for q in self.state.queue if q.kind == "process")
        if here < processes:
            raise UserError("A point of process always goes first; it cannot be moved.")
        there = max(processes, min(len(order) - 1, here + by))
        if there == here:
            if by < 0 and here == processes and processes:
                raise UserError(f"{self.state.name(member_id)} cannot go before a point of process.")
            raise UserError(f"{self.state.name(member_id)} is already {'first' if by < 0 else 'last'} in the queue.")
        return self._record((ev.QUEUE_MOVED, {"member_id": member_id, "position": there}))

    def who_is_next(self) -> str:
        """Who "next speaker" would call: the go-round's next person, else the queue's first."""
        if self.state.round_on:
            return self.state.round_next
        places = self.state.queue_places()
        return places[0].member_id if places else ""

    def next_speaker(self) -> list[Event]:
        """End the current turn and give the floor to whoever is next ([] if nobody is)."""
        item_id = self._item_id()
        member_id = self.who_is_next()
        if not member_id:
            if self.state.speaking is not None:
                return self._record((ev.TURN_ENDED, {"member_id": self.state.speaking.member_id}))
            return []
        return self._record(
            (ev.TURN_STARTED, {"member_id": member_id, "item_id": item_id, "via": "spoken", "by_id": ""})
        )

    def give_turn(self, member_id: str, via: str = "spoken", by_id: str = "") -> list[Event]:
        """Give the floor to someone directly.

        ``via="written"``: a comment they wrote, read out by ``by_id`` (default: whoever chairs);
        ``via="supporter"``: said for them by a supporter. Both count as their own voice. A
        written comment may come from someone who is not here.
        """
        item_id = self._item_id()
        if via not in ("spoken", "written", "supporter"):
            raise UserError("Please choose spoken, written or said by a supporter.")
        if via == "written":
            self._member(member_id)
            by_id = by_id or self.state.chairing_now
        else:
            self._present(member_id)
        return self._record(
            (ev.TURN_STARTED, {"member_id": member_id, "item_id": item_id, "via": via, "by_id": by_id})
        )

    def end_turn(self) -> list[Event]:
        self._running()
        turn = self.state.speaking
        if turn is None:
            raise UserError("Nobody is speaking.")
        return self._record((ev.TURN_ENDED, {"member_id": turn.member_id}))

    # -- go-round -------------------------------------------------------------------------------

    def round_start(self) -> list[Event]:
        item_id = self._item_id()
        if self.state.round_on:
            raise UserError("A go-round is already running; end it first.")
        if not self.state.present_ids:
            raise UserError("Nobody is marked as here yet; take attendance first.")
        return self._record((ev.ROUND_STARTED, {"item_id": item_id}))

    def round_pass(self, member_id: str = "") -> list[Event]:
        """The person whose go it is (or ``member_id``) passes. Passes are recorded and shown."""
        self._running()
        if not self.state.round_on:
            raise UserError("There is no go-round running; start one first.")
        member_id = member_id or self.state.round_next
        if not member_id:
            raise UserError("Everyone has had their go in this round.")
        self._present(member_id)
        return self._record((ev.ROUND_PASSED, {"member_id": member_id}))

    def round_end(self) -> list[Event]:
        self._running()
        if not self.state.round_on:
            raise UserError("There is no go-round running.")
        return self._record((ev.ROUND_ENDED, {}))

    # -- cards ----------------------------------------------------------------------------------

    def raise_card(self, member_id: str, colour: str, word: str = "", recorded_by: str = "") -> list[Event]:
        """Red: stop, I do not understand (the word joins the jargon list; the timer pauses).
        Amber: slow down. Green: I want to speak (joins the queue)."""
        self._running()
        m = self._present(member_id)
        if colour not in CARD_COLOURS:
            raise UserError("Please choose a red, amber or green card.")
        if colour == "green":
            if self.state.in_queue(member_id):
                raise UserError(f"{m.name} is already waiting to speak.")
            self._item_id()
            return self._record((ev.QUEUE_JOINED, {"member_id": member_id, "kind": "normal", "card": "green",
                                                   **_recorded(recorded_by)}))
        if any(c.member_id == member_id and c.colour == colour for c in self.state.open_cards):
            raise UserError(f"{m.name} already has a {colour} card up.")
        word = clean_short(word, "word") if colour == "red" else ""
        items: list[tuple[str, dict[str, Any]]] = [
            (ev.CARD_RAISED, {"member_id": member_id, "colour": colour, "word": word, **_recorded(recorded_by)})
        ]
        if colour == "red" and self.state.speaking is not None and self.state.timer_paused_at is None:
            items.append((ev.TIMER_PAUSED, {}))
        return self._record(*items)

    def clear_card(self, member_id: str, colour: str, meaning: str = "") -> list[Event]:
        """Take a card down. For a red card with a word, ``meaning`` is how it was explained."""
        self._running()
        card = next((c for c in self.state.open_cards if c.member_id == member_id and c.colour == colour), None)
        if card is None:
            raise UserError(f"{self.state.name(member_id)} has no {colour} card up.")
        items: list[tuple[str, dict[str, Any]]] = [(ev.CARD_CLEARED, {"member_id": member_id, "colour": colour})]
        if colour == "red" and card.word:
            items.append((ev.WORD_EXPLAINED, {"word": card.word, "meaning": clean_short(meaning, "meaning")}))
        other_reds = [c for c in self.state.open_red_cards if c is not card]
        if colour == "red" and not other_reds and self.state.timer_paused_at is not None:
            items.append((ev.TIMER_RESUMED, {}))
        return self._record(*items)

    # -- the app stopping and starting -----------------------------------------------------------

    def stop_clock(self) -> list[Event]:
        """The app is leaving the meeting while it runs: note the moment, so that the time until
        it runs again is nobody's speaking time."""
        if self.state.started is None or self.state.ended is not None:
            return []
        return self._record((ev.CLOCK_STOPPED, {}))

    def resume_clock(self) -> list[Event]:
        """The app runs the meeting again: the time since the last thing it noted (a stop, or the
        last event before a crash) is nobody's speaking time, and not item time. [] if no gap."""
        s = self.state
        if s.started is None or s.ended is not None or s.last_event_at is None:
            return []
        stopped = s.last_event_at
        if (self.clock() - stopped).total_seconds() < RESUME_AFTER_SECONDS:
            return []
        return self._record((ev.CLOCK_RESUMED, {"stopped_at": stopped.isoformat()}))

    # -- breaks and the end ---------------------------------------------------------------------

    def start_break(self) -> list[Event]:
        self._running()
        if self.state.on_break:
            raise UserError("You are already on a break.")
        return self._record((ev.BREAK_STARTED, {}))

    def end_break(self) -> list[Event]:
        self._running()
        if not self.state.on_break:
            raise UserError("There is no break to end.")
        return self._record((ev.BREAK_ENDED, {}))

    def end_meeting(self) -> list[Event]:
        self._running()
        items: list[tuple[str, dict[str, Any]]] = []
        if self.state.on_break:
            items.append((ev.BREAK_ENDED, {}))
        if self.state.round_on:
            items.append((ev.ROUND_ENDED, {}))
        items.append((ev.MEETING_ENDED, {}))
        return self._record(*items)

    # -- records kept during the meeting ------------------------------------------------------

    def record_evaluation(self, member_id: str, heard: str, comment: str = "") -> list[Event]:
        """How did today go: did they feel heard (yes, partly, no, or pass)."""
        self._member(member_id)
        if heard not in EVALUATION_ANSWERS:
            raise UserError("Please choose yes, partly, no or pass.")
        return self._record((ev.EVALUATION, {"member_id": member_id, "heard": heard,
                                             "comment": clean_short(comment, "comment")}))

    def record_decision(self, decision: Decision) -> list[Event]:
        """A decision on the current item, checked by the same rules as everywhere else."""
        self._not_ended()
        decision = replace(decision, meeting_id=self.meeting_id,
                           item_id=decision.item_id or self.state.current_item_id, superseded_by="")
        check_decision(decision, RecordPrefill.from_state(self.state))
        return self._record((ev.DECISION_RECORDED, decision.to_dict()))

    def record_action(self, action: Action) -> list[Event]:
        self._not_ended()
        action = replace(action, meeting_id=self.meeting_id, item_id=action.item_id or self.state.current_item_id)
        check_action(action)
        return self._record((ev.ACTION_RECORDED, action.to_dict()))


def _recorded(by_id: str) -> dict[str, str]:
    """``recorded_by`` for a card or hand recorded for someone online (see services/hybrid.py)."""
    return {"recorded_by": by_id} if by_id else {}


def attendance_in_words(state: MeetingState, member_id: str) -> str:
    """ "Priya is here", "Dr Lee sent apologies", "Ade left early", "Kit: not marked yet"."""
    status = state.attendance.get(member_id, "")
    if not status:
        return f"{state.name(member_id)}: not marked yet"
    return f"{state.name(member_id)} {ATTENDANCE_WORDS.get(status, 'is not here')}"
