"""The SCENARIO with two members online: Priya and Kit join the Better Together Board by video.

Mary is the remote buddy: she watches the call's chat and records Kit's hand and card. The room
view on the projector follows it all, and the minutes say how much of the say people online had.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from coprod_meet.domain import events as ev
from coprod_meet.domain.hybrid import joins_share_sentence
from coprod_meet.domain.live_view import live_view
from coprod_meet.services import hybrid
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.live import LiveMeeting
from coprod_meet.services.minutes import MinutesService
from coprod_meet.services.room import RoomFollower, find_meeting
from coprod_meet.tui.room_app import RoomApp
from tests.scenario import GROUP, ID, SETTINGS, Clock, march_meeting, play_to_item_five
from tests.test_room_view import _screen_words, _until

ONLINE = ("Priya", "Kit")


def _hybrid_board(archive: Path, remote_order: str = "alike") -> tuple[ArchiveService, LiveMeeting, Clock]:
    service = ArchiveService.open(archive)
    service.save_group(GROUP)
    meeting = service.save_meeting(replace(march_meeting(), settings=replace(SETTINGS, remote_order=remote_order)))
    clock = Clock()
    live = LiveMeeting.open(service, meeting.id, clock=clock)
    for name in ONLINE:
        live.set_attendance(ID[name], "present", joins="online")
    live.set_role("remote_buddy", ID["Mary"])
    play_to_item_five(live, clock)  # marks everyone again; how they join stays as it was
    return service, live, clock


def test_item_five_with_two_members_online(tmp_path: Path) -> None:
    service, live, clock = _hybrid_board(tmp_path / "archive")
    try:
        state = live.state
        assert [state.joins_now(ID[n]) for n in ONLINE] == ["online", "online"]
        view = live_view(state, clock())
        assert view.speaker.startswith("Priya is speaking")  # Priya, online, had the floor as in the room
        assert [text for _m, text in view.queue] == ["Tom: has not spoken yet", "Jo: has spoken once on this item", "Mary: has spoken once on this item"]
        # Kit raises a hand in the call; Mary records it from the chat.
        hybrid.remote_hand(live, ID["Kit"])
        queue = [text for _m, text in live_view(live.state, clock()).queue]
        assert queue == ["Tom: has not spoken yet", "Kit (online): has not spoken yet", "Jo: has spoken once on this item",
                         "Mary: has spoken once on this item"]
        joined = [e for e in service.events(live.meeting_id) if e.type == ev.QUEUE_JOINED][-1]
        assert hybrid.recorded_by(joined) == ID["Mary"]
        # The room view says the same, by the names the group uses, or the public copy's.
        follower = RoomFollower(tmp_path / "archive", find_meeting(tmp_path / "archive").id)
        follower.poll()
        assert follower.view is not None
        assert follower.view.speaking == "Speaking now: Priya (online)."
        assert follower.view.next_up == "Next: Tom. Then: Kit (online), Jo and Mary."
        public = RoomFollower(tmp_path / "archive", live.meeting_id, public_names=True)
        public.poll()
        assert public.view is not None and public.view.next_up == (
            "Next: a carer. Then: Kit (online), Jo Clark and Mary Fisher.")
    finally:
        service.close()


def test_remote_first_among_equals_puts_kit_before_tom(tmp_path: Path) -> None:
    service, live, clock = _hybrid_board(tmp_path / "archive", remote_order="remote_first")
    try:
        hybrid.remote_hand(live, ID["Kit"])
        queue = [text for _m, text in live_view(live.state, clock()).queue]
        assert queue[:2] == ["Kit (online): has not spoken yet", "Tom: has not spoken yet"]
    finally:
        service.close()


def test_the_minutes_say_how_much_of_the_say_people_online_had(tmp_path: Path) -> None:
    service, live, clock = _hybrid_board(tmp_path / "archive")
    try:
        hybrid.remote_card(live, ID["Kit"], "amber")  # Kit types "slower please" in the chat
        live.clear_card(ID["Sam"], "red", "a short break for people who care for someone")
        for name, seconds in (("Tom", 90), ("Hayley", 60), ("Kit", 45), ("Ade", 30)):
            live.give_turn(ID[name])
            clock.tick(seconds)
        live.end_meeting()
        state = live.state
        seconds = state.seconds_by_member()
        online = sum(seconds.get(ID[n], 0.0) for n in ONLINE)
        expected = int(online * 100 / sum(seconds.values()) + 0.5)
        assert expected > 0
        sentence = joins_share_sentence(state)
        assert sentence.startswith(f"People online had {expected}% of the say.")
        minutes = " ".join(MinutesService(service).export(live.meeting_id, "md").data.decode().split())
        assert sentence in minutes
        card = [e for e in service.events(live.meeting_id) if e.type == ev.CARD_RAISED][-1]
        assert (card.data["member_id"], hybrid.recorded_by(card)) == (ID["Kit"], ID["Mary"])
    finally:
        service.close()


@pytest.mark.asyncio
async def test_the_projector_follows_the_hybrid_meeting(tmp_path: Path) -> None:
    service, live, _clock = _hybrid_board(tmp_path / "archive")
    app = RoomApp(RoomFollower(tmp_path / "archive", live.meeting_id))
    try:
        async with app.run_test(size=(60, 20)) as pilot:
            await _until(pilot, app, "Speaking now: Priya (online).")
            hybrid.remote_card(live, ID["Kit"], "amber")
            shown = await _until(pilot, app, "AMBER card: Kit (online) asks everyone to slow down.", seconds=1.0)
            assert "RED card: Sam does not understand 'respite'." in shown
            assert "AMBER card" in _screen_words(app)
    finally:
        service.close()
