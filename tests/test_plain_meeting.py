"""Line mode runs a whole meeting: the meeting part of ../shared/SCENARIO.md typed as a script of
input lines, with a test clock, and the transcript checked line by line."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_meet.plain.console import Console
from coprod_meet.plain.session import PlainSession
from coprod_meet.services.live import LiveMeeting
from tests.scenario import ID, Clock, item_id, save_board
from tests.test_plain import assert_plain


class ScriptedInput(io.StringIO):
    """Input lines for line mode. A line "@14:20" sets the test clock, "@+40" moves it 40 seconds;
    neither reaches line mode (it only sees the other lines)."""

    def __init__(self, lines: list[str], clock: Clock) -> None:
        super().__init__("\n".join(lines) + "\n")
        self.clock = clock

    def readline(self, *args) -> str:  # type: ignore[override]
        while True:
            line = super().readline(*args)
            if line.startswith("@+"):
                self.clock.tick(int(line[2:]))
            elif line.startswith("@"):
                hour, minute = line[1:].strip().split(":")
                self.clock.at(int(hour), int(minute))
            else:
                return line


def run_lines(service, clock: Clock, lines: list[str]) -> str:
    out = io.StringIO()
    console = Console.from_streams(ScriptedInput(lines, clock), out)
    assert PlainSession(service, console, clock=clock).run() == 0
    return out.getvalue()


# The roster, numbered as `who` says it: 1 Hayley, 2 Jo, 3 Priya, 4 Sam, 5 Tom, 6 Ade, 7 Mary,
# 8 Dr Lee, 9 Cllr Shah, 10 Kit.
SCENARIO = [
    "run 1", "who",
    "here 1 2 3 4 5 6 7 10", "apologies 8",
    "@14:00", "start",
    "@14:06", "nextitem",
    "@14:14", "nextitem",
    "@14:20", "late 9", "nextitem", "status",
    "@14:37", "nextitem",
    "speak 2", "@+150", "speak 7", "@+60", "stop",
    "queue 2", "@+5", "queue 7", "@+5", "queue 3", "@+5", "queue 5", "@+5",
    "queue 9 clarification",
    "next", "@+40", "next", "@+30",
    "card 4 red respite", "@+90", "status",
    "clear 4 red", "A short break for a carer, while someone else gives the care.",
    "@+150", "status", "next", "@+100",
    "written 6", "@+45", "stop",
    "round",
    *["next", "@+50"] * 8, "pass", "stop", "endround",
    "queue 10", "next", "@+60", "stop", "status",
    "decision", "We will offer more short breaks for carers.", "3", "7", "1", "1",
    "Breaks should include evenings.", "5", "yes", "in 6 months",
    "action", "ask providers for evening break options", "2", "in 2 weeks",
    "@14:59", "agenda", "@15:00", "agenda", "status",
    "break", "@15:10", "resume",
    "nextitem", "speak 3", "@+100", "stop",
    "@15:30", "left 6", "nextitem", "nextitem",
    "evaluate 1 yes", "evaluate 2 yes", "evaluate 3 yes", "evaluate 4 partly I needed more time",
    "evaluate 5 yes", "evaluate 7 yes", "evaluate 9 yes", "evaluate 10 pass",
    "records", "end", "yes",
]


@pytest.fixture
def board(service):
    return save_board(service)


def test_the_scenario_meeting_through_line_mode(service, board, tmp_path: Path) -> None:
    clock = Clock()
    target = tmp_path / "minutes.md"
    text = run_lines(service, clock, [*SCENARIO, "export", "1", "no", "1", str(target), "back", "quit"])
    assert_plain(text)
    lines = text.splitlines()

    # Attendance, the start and the hand-over.
    assert "8. Dr Lee: not marked yet." in lines
    assert "Dr Lee sent apologies." in lines
    assert "Cllr Shah arrived late." in lines
    assert "Item 4 of 8: The plan for next year, led by Jo." in lines
    assert "Chairing now: Jo, who leads item 4 as planned." in " ".join(text.split())
    assert "This meeting is planned and has not started yet." in lines  # run says where the meeting is

    # Fair order moves Priya and Tom ahead of Jo and Mary; Cllr Shah's clarification goes first.
    # Each person is said with their number from who, the same for the whole meeting.
    assert ("Waiting to speak, in order:\n3. Priya: has not spoken yet.\n5. Tom: has not spoken yet.\n"
            "2. Jo: has spoken once on this item.\n7. Mary: has spoken once on this item.\n") in text
    assert "9. Cllr Shah: point of clarification." in lines
    assert "Cllr Shah is speaking: 0:00 of 3:00." in lines
    assert "Priya is speaking: 0:00 of 3:00." in lines

    # Sam's red card pauses the timer; once explained, "respite" joins the words explained.
    assert "RED card: Sam does not understand 'respite'." in lines
    assert "The turn timer is paused until the card is cleared." in lines
    assert "Priya is speaking: 0:30 of 3:00 (timer paused for a red card)." in lines
    assert "'respite' is on the list of words explained." in lines
    assert "Words explained: 'respite'." in lines
    # The timer warning, in words, once Priya reached 3 minutes (status says it).
    flat = " ".join(text.split())
    assert flat.count("Priya has spoken for 3 minutes, the time for one turn. You might gently ask them to"
                      " finish.") == 1

    # Ade's written comment, read out by Hayley, counts as Ade's say.
    assert "Hayley is reading out Ade's written comment: 0:00 of 3:00." in lines

    # Go-round: Kit passes, then speaks later; in the end everyone here has spoken.
    assert any(line.startswith("Go-round:") and "Passed: Kit." in line for line in lines)
    assert "Not heard yet on this item: Kit." in lines
    assert "Kit is speaking: 0:00 of 3:00." in lines

    # The vote, the dissent, the lived-experience check, the review date; Jo's action.
    assert "  Decided by a vote: 7 for, 1 against, 1 did not vote." in lines
    assert "  Tom disagreed: Breaks should include evenings." in lines
    assert "  The members with lived experience who were there agreed." in lines
    assert "  To be looked at again on Saturday 12 September 2026." in lines
    assert "Action saved: Jo Clark will ask providers for evening break options by Thursday 26 March 2026." \
        in flat

    # The break reminder comes at 3pm, not before, once.
    reminder = "It is 1 hour since the meeting started. Offer everyone a break."
    at_three = text.split("The agenda:")
    assert len(at_three) == 3 and reminder not in at_three[0] + at_three[1] and reminder in at_three[2]
    assert at_three[2].count(reminder) == 2  # said once by itself, and again by status
    assert "Break started, after 60 minutes. Type resume to carry on." in lines
    assert "The break is over. It lasted 10 minutes." in lines

    # Ade leaves; how did today go.
    assert "Ade left early." in lines
    assert "  6 of 8 felt heard." in lines
    assert '  1 felt partly heard: Sam.' in lines and '  Sam said: "I needed more time".' in lines
    assert "  Kit passed." in lines
    assert "The meeting has ended. Type export to write the minutes." in lines

    # The members' minutes, written to a file.
    assert f"Wrote the members' copy as Markdown to {target}.".replace(" ", "") in flat.replace(" ", "")
    minutes = target.read_text()
    assert "7 for, 1 against, 1 did not vote." in minutes
    assert text.rstrip().endswith("Goodbye.")

    # Everything typed is on disk: the meeting replays to the same place.
    state = LiveMeeting.open(service, board.id, clock=clock).state
    assert state.ended is not None
    assert state.leads[item_id(4)] == ID["Jo"] and state.leads[item_id(6)] == ID["Jo"]
    assert state.passed_ids(item_id(5)) == [ID["Kit"]]
    assert state.everyone_present_has_spoken(item_id(5)) or ID["Ade"] not in state.present_ids
    assert [(t.via, t.seconds()) for t in state.turns if t.member_id == ID["Ade"]][0] == ("written", 45)


def test_mistakes_get_one_plain_sentence_and_the_meeting_carries_on(service, board) -> None:
    clock = Clock()
    text = run_lines(service, clock, [
        "run 1", "queue 3", "start", "speak 99", "speak nobody", "card 3 purple", "here", "queue 3",
        "here 3", "queue 3 shout", "queue 3", "queue 3", "next", "pass", "turntime x", "fair maybe",
        "dance", "help", "back", "quit",
    ])
    assert_plain(text)
    flat = " ".join(text.split())  # long sentences are wrapped over two lines
    assert "The meeting has not started yet; start it first." in flat
    assert "There is nobody number 99; type who to hear the numbers." in flat
    assert "I cannot find 'nobody'; type who to hear the numbers." in flat
    assert "Please type card, a number and a colour: red, amber or green." in flat
    assert "Please type here and the numbers of the people, like here 3." in flat
    assert "Priya is not marked as here yet; mark them present first." in flat
    assert "After the number, type process, clarification or reply, or nothing to speak." in flat
    assert "Priya is already waiting to speak; remove them first to change why." in flat
    assert "There is no go-round running; start one first." in flat
    assert "I do not know 'dance'. Type help to hear the commands." in flat
    assert "status: Say the item, who chairs, who speaks, the queue and any warnings." in flat
    assert "Back at the main menu. Type help to hear the commands." in flat
    assert text.rstrip().endswith("Goodbye.")


def test_quit_inside_a_meeting_leaves_and_the_meeting_is_kept(service, board) -> None:
    clock = Clock()
    run_lines(service, clock, ["run 1", "here 1 2", "start", "quit", "list"])
    state = LiveMeeting.open(service, board.id, clock=clock).state
    assert state.started == clock.now
    text = run_lines(service, clock, ["run 1", "status", "back", "quit"])
    assert "Item 1 of 8: Welcome and introductions, led by Hayley." in text


def test_a_decision_that_breaks_the_rules_asks_again_and_is_kept(service, board) -> None:
    clock = Clock()
    text = run_lines(service, clock, [
        "run 1", "here 1 2 3", "start",
        "decision", "We agree.", "1", "Not me.", "2", "", "yes", "",
        "decision", "",
        "records", "quit",
    ])
    flat = " ".join(text.split())
    assert "Consensus means everyone agrees. As someone disagreed, please choose another way it was decided." in flat
    assert "Decision saved:" in text and "We agree." in text
    assert "Nothing was written down, as nothing was typed." in text
    assert "No decisions or actions yet." not in text


def test_every_answer_is_checked_when_given_and_nothing_is_thrown_away(service, board) -> None:
    """A wrong answer at every question of a decision and an action: each is asked again."""
    from coprod_meet.domain.records import actions_from, decisions_from

    clock = Clock()
    text = run_lines(service, clock, [
        "run 1", "here 1 2 3 4 5", "start",
        "decision", "We will meet in the evening.", "9", "3",
        "seven", "4", "2", "1",  # not a number; then 7 counts for 5 people here
        "3", "1", "1",
        "Some prefer daytime.", "14", "who", "2",  # nobody 14; who lists people; Jo
        "maybe", "no",
        "the day after never", "in 6 months",
        "action", "book the evening room", "99", "", "Jo", "someday soonish", "in 2 weeks",
        "said", "42", "3", "Evenings are easier.",
        "additem Fire drill", "ten", "5",
        "back", "quit",
    ])
    assert_plain(text)
    flat = " ".join(text.split())
    for said in (
        "Please type the number of votes for as a whole number, like 7. Please try again.",
        "The counts add up to 7, but only 5 people are here. Please type the counts again.",
        "There is nobody number 14; type who to hear the numbers. Please try again.",
        "Please answer yes, no, or not asked. Please try again.",
        "I could not read the review date",
        "There is nobody number 99",
        "Please say who will do it: a number from who, or an organisation's name.",
        "I could not read the due date",
        "Decision saved:", "Action saved:", "Saved: Priya said Evenings are easier.",
        "Added 'Fire drill' after this item, for 5 minutes.",
    ):
        assert said in flat, said
    for word in ("box", "screen", "Traceback"):
        assert word not in text
    events = service.events(board.id)
    [decision] = decisions_from(events)
    assert decision.counts == {"for": 3, "against": 1, "abstain": 1}
    assert decision.dissent == "Some prefer daytime." and decision.lived_experience_agreed is False
    assert decision.review_date and decision.dissent_by
    [action] = actions_from(events)
    assert action.owner == "Jo Clark" and action.due


def test_naughty_names_in_line_mode(service, board) -> None:
    from tests.conftest import naughty_strings

    clock = Clock()
    lines = ["run 1", "here 1 2 3", "start"]
    for n, bad in enumerate(naughty_strings()[:60]):
        if "\n" in bad or not bad.strip():
            continue
        lines += ["additem " + bad.replace("\r", ""), ""]
    text = run_lines(service, clock, [*lines, "agenda", "quit"])
    assert_plain(text)


def test_running_a_meeting_from_the_command_line(archive_dir: Path) -> None:
    from coprod_meet.services.archive import ArchiveService

    service = ArchiveService.open(archive_dir)
    save_board(service)
    service.close()
    script = "run 1\nwho\nhere 1 2 3\nstart\nqueue 3\nnext\nstatus\nhelp\nquit\n"
    result = subprocess.run(
        [sys.executable, "-m", "coprod_meet", "--plain", "--archive", str(archive_dir)],
        input=script, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert_plain(result.stdout)
    assert "Priya is speaking:" in result.stdout
    assert "Item 1 of 8: Welcome and introductions, led by Hayley." in result.stdout
    assert result.stdout.rstrip().endswith("Goodbye.")


def test_line_mode_never_drops_anyone_waiting_and_adds_guests(service, board) -> None:
    clock = Clock()
    text = run_lines(service, clock, [
        "run 1", "here 1 2 3 4 5", "@14:00", "start",
        "queue 3", "queue 4", "nextitem", "7", "3",  # a wrong choice, then stay
        "nextitem", "1",  # carry
        "nextitem clear", "previtem",
        "queue 4", "queue 4 process",
        "guest Rosa", "2", "",
        "here 11", "queue 11",
        "guest", "rosa", "Rosa B", "4", "3",  # the same name is refused at once, before more questions
        "@14:40", "agenda", "agenda", "status",
        "back", "quit",
    ])
    assert_plain(text)
    flat = " ".join(text.split())
    for said in (
        "Priya and Sam are waiting to speak. Carry them to the next item, clear the queue, or stay on this item?",
        "'7' is not one of the numbers.",
        "We stay on this item. Nobody left the queue.",
        "Still waiting on the next item: Priya and Sam.",
        "Waiting when this item was left: Priya and Sam. Add them again if they still want to speak.",
        "Sam was waiting, and now has a point of process.",
        "Rosa is on the list as number 11. In public minutes: not named.",
        "Rosa is here.",
        "Someone called rosa is already on the list; please add a surname or initial. What is the guest's name?",
        "Rosa B is on the list as number 12. In public minutes: full name.",
    ):
        assert said in flat, said
    assert flat.count("Apologies has run over its") == 1  # said once, however many commands follow
    happened = [e.type for e in service.events(board.id)]
    assert happened.count("queue_stayed") == 1 and happened.count("queue_carried") == 1
    assert happened.count("queue_cleared") == 1 and happened[-1] == "clock_stopped"


def test_run_says_where_the_meeting_is_and_the_turn_carries_on(service, board) -> None:
    clock = Clock()
    run_lines(service, clock, ["run 1", "here 1 2 3", "@14:00", "start", "speak 3", "@+70", "quit"])
    clock.at(15, 0)
    text = run_lines(service, clock, ["list", "run 1", "status", "quit"])
    flat = " ".join(text.split())
    assert "Better Together Board: March 2026 is running. Type run 1 to go back to it." in flat
    assert "1. Running. Thursday 12 March 2026 at 2pm. Better Together Board." in flat
    assert ("Running since 2pm: Item 1 of 8: Welcome and introductions, led by Hayley. Priya is speaking. "
            "Nobody is waiting to speak.") in flat
    assert ("The app was not running for 59 minutes, from 2:01pm; that time is nobody's speaking time. "
            "Priya's turn carries on from 1:10.") in flat
    assert "Priya is speaking: 1:10 of 3:00." in flat


NOISY = {  # a wrong answer typed before the right one, at every question of the scenario
    ("decision", 2): ["9"], ("decision", 3): ["seven"], ("decision", 4): ["-1"], ("decision", 5): ["one"],
    ("decision", 7): ["99"], ("decision", 8): ["maybe"], ("decision", 9): ["the twelfth of never"],
    ("action", 2): ["99"], ("action", 3): ["someday soonish"],
}


def noisy(lines: list[str]) -> list[str]:
    """The scenario with a wrong answer at every question, and wrong commands between."""
    out: list[str] = []
    asking, step = "", 0
    for line in lines:
        if line in ("decision", "action"):
            asking, step = line, 0
            out += ["queue 99", "here 1 2 99", "speak nobody"]  # wrong commands change nothing
        elif asking:
            step += 1
            out += NOISY.get((asking, step), [])
            if (asking, step) in (("decision", 9), ("action", 3)):
                asking = ""
        out.append(line)
    return out


def test_the_scenario_with_wrong_answers_gives_the_same_minutes_and_log(service, board, tmp_path: Path) -> None:
    from coprod_meet.services.archive import ArchiveService
    from coprod_meet.services.minutes import MinutesService

    def run(lines: list[str], folder: str) -> tuple[str, str, list]:
        other = ArchiveService.open(tmp_path / folder)
        save_board(other)
        text = run_lines(other, Clock(), [*lines, "back", "quit"])
        minutes = MinutesService(other).export(board.id, "md").data.decode()

        def plain(value):
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items() if k != "id"}
            return [plain(v) for v in value] if isinstance(value, list) else value

        log = [(e.type, e.at, plain(e.data)) for e in other.events(board.id)]
        other.close()
        return text, minutes, log

    _, clean_minutes, clean_log = run(SCENARIO, "clean")
    text, minutes, log = run(noisy(SCENARIO), "noisy")
    flat = " ".join(text.split())
    assert "Traceback" not in text
    for rejected in ("'9' is not one of the numbers.", "There is nobody number 99",
                     "Please answer yes, no, or not asked. Please try again.", "I could not read the due date"):
        assert rejected in flat, rejected
    assert minutes == clean_minutes
    assert log == clean_log


def test_status_says_what_members_need_until_the_meeting_starts(service, board) -> None:
    clock = Clock()
    before = run_lines(service, clock, ["run 1", "status", "back", "quit"])
    assert "Before you start: Hayley needs easy read papers." in before
    after = run_lines(service, clock, ["run 1", "here 1 2", "start", "status", "back", "quit"])
    assert "Before you start" not in after  # not said once the meeting has started
    assert "The meeting started at 1:55pm." in after  # the time in words, as everywhere else
