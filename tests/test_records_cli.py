"""`coprod-meet decisions` and `coprod-meet actions`: JSON fields, filters, plain words, plain errors."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from coprod_meet.cli import main
from coprod_meet.domain.text import clean_note
from coprod_meet.services.archive import ArchiveService
from coprod_meet.services.records import RecordsService
from tests.conftest import naughty_strings
from tests.scenario import ID, MARCH_ID, build_board


@pytest.fixture
def closed_board(archive_dir):
    """The board's archive with a decision and an action dated from today, closed for the CLI."""
    today = datetime.combine(date.today(), datetime.min.time()) + timedelta(hours=15)
    with ArchiveService.open(archive_dir) as service:
        board = build_board(service)
        board.records.record_decision(
            board.march.id, text="We will offer more short breaks for carers.", method="vote",
            counts={"for": "7", "against": "1", "abstain": "1"}, dissent="Breaks should include evenings.",
            dissent_by=[ID["Tom"]], proposed_by=ID["Hayley"], lived_experience_agreed=True, review="in 6 months")
        board.at(today)
        late = board.records.record_action(board.march.id, text="ask providers for evening break options",
                                           owner_id=ID["Jo"], due="14/3/2026")
        board.records.mark_done(board.records.open_actions(board.march.id)[0].id, in_meeting=board.march.id)
        board.records.record_action(board.march.id, text="Write to the bus company", organisation="Transport for All",
                                    due="31/12/2100")
    return archive_dir, late


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_decisions_json_has_the_fields(closed_board, capsys) -> None:
    archive, _ = closed_board
    code, out, err = run(capsys, "decisions", "--archive", str(archive), "--json")
    assert code == 0 and err == ""
    (d,) = json.loads(out)
    for key in ("id", "meeting_id", "item", "text", "method", "counts", "dissent", "review_date", "supersedes",
                "superseded_by"):
        assert key in d
    assert d["item"] == "Carers' breaks" and d["method"] == "vote"
    assert d["counts"] == {"for": 7, "against": 1, "abstain": 1}
    assert d["dissent"] == "Breaks should include evenings." and d["review_date"] == "2026-09-12"
    assert d["supersedes"] is None and d["superseded_by"] is None and d["meeting_id"] == MARCH_ID


def test_decisions_in_plain_words(closed_board, capsys) -> None:
    archive, _ = closed_board
    code, out, _ = run(capsys, "decisions", "--archive", str(archive))
    assert code == 0
    assert "Thursday 12 March 2026 at 2pm | Better Together Board | Carers' breaks" in out
    assert "Decided by a vote: 7 for, 1 against, 1 did not vote." in out
    assert "Tom disagreed: Breaks should include evenings." in out
    assert "To be looked at again on Saturday 12 September 2026." in out


def test_decision_filters(closed_board, capsys) -> None:
    archive, _ = closed_board
    assert len(json.loads(run(capsys, "decisions", "--archive", str(archive), "--json", "--search", "evenings")[1])) == 1
    assert json.loads(run(capsys, "decisions", "--archive", str(archive), "--json", "--search", "parking")[1]) == []
    assert json.loads(run(capsys, "decisions", "--archive", str(archive), "--json", "--until", "1/3/2026")[1]) == []
    assert len(json.loads(run(capsys, "decisions", "--archive", str(archive), "--json", "--since", "March 2026",
                              "--group", "Better Together Board")[1])) == 1
    code, out, _ = run(capsys, "decisions", "--archive", str(archive), "--search", "parking")
    assert code == 0 and out.strip() == "No decisions match."


def test_actions_json_and_filters(closed_board, capsys) -> None:
    archive, late = closed_board
    code, out, _ = run(capsys, "actions", "--archive", str(archive), "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 5  # February's three, and two from March
    for row in rows:
        assert {"id", "meeting_id", "text", "owner", "due", "status"} <= set(row)
    overdue = json.loads(run(capsys, "actions", "--archive", str(archive), "--json", "--overdue")[1])
    assert [r["text"] for r in overdue] == ["ask providers for evening break options",
                                            "send easy read letters to the print team"]
    assert overdue[0]["id"] == late.id and overdue[0]["overdue"] is True
    assert overdue[0]["owner"] == "Jo Clark" and overdue[0]["due"] == "2026-03-14" and overdue[0]["status"] == "open"
    mine = json.loads(run(capsys, "actions", "--archive", str(archive), "--json", "--owner", "transport")[1])
    assert [r["owner"] for r in mine] == ["Transport for All"]
    done = json.loads(run(capsys, "actions", "--archive", str(archive), "--json", "--status", "done")[1])
    assert [r["text"] for r in done] == ["book County Hall room 4", "write to the bus company about late buses"]
    assert done[1]["history"][0]["meeting_id"] == MARCH_ID  # marked done in March


def test_actions_in_plain_words(closed_board, capsys) -> None:
    archive, _ = closed_board
    code, out, _ = run(capsys, "actions", "--archive", str(archive), "--overdue")
    assert code == 0
    assert out.startswith("Jo Clark will ask providers for evening break options by Saturday 14 March 2026 — ")
    assert " late | Thursday 12 March 2026 at 2pm | Better Together Board | id: " in out


@pytest.mark.parametrize("argv", [
    ["decisions", "--since", "whenever"],
    ["decisions", "--until", "the twelfth of never"],
    ["actions", "--status", "finished"],
    ["actions", "--since", "31/2/2026"],
])
def test_bad_filters_are_one_plain_sentence_and_exit_2(archive_dir, capsys, argv) -> None:
    with pytest.raises(SystemExit) as stop:
        main([*argv, "--archive", str(archive_dir), "--create"])
    _, err = capsys.readouterr()
    assert stop.value.code == 2
    assert err.startswith("coprod-meet") and "Traceback" not in err and err.count("\n") == 1


def test_empty_archive_says_so(archive_dir, capsys) -> None:
    assert run(capsys, "decisions", "--archive", str(archive_dir), "--create")[1].strip() == (
        "There are no decisions in this archive yet.")
    assert run(capsys, "actions", "--archive", str(archive_dir))[1].strip() == "There are no actions in this archive yet."


def test_naughty_text_in_every_field_reaches_the_command_line_as_typed(archive_dir, capsys) -> None:
    strings = [s for s in naughty_strings() if clean_note(s)]
    with ArchiveService.open(archive_dir) as service:
        board = build_board(service)
        records = RecordsService(service, clock=board.records.clock)
        for n, text in enumerate(strings[:120]):
            records.record_decision(board.march.id, text=text, method="consent", dissent_by=[ID["Tom"]],
                                    dissent=strings[-1 - n])
            records.record_action(board.march.id, text=text, organisation=strings[-1 - n][:200])
        stored = [d.text for d in records.decisions(board.march.id)]
    code, out, err = run(capsys, "decisions", "--archive", str(archive_dir), "--json")
    assert code == 0 and err == ""
    assert sorted(d["text"] for d in json.loads(out)) == sorted(stored)  # (one meeting: newest first is any order)
    for argv in (["decisions"], ["actions"], ["actions", "--owner", strings[5]],
                 ["decisions", "--search", strings[7]]):
        code, _, err = run(capsys, *argv, "--archive", str(archive_dir))
        assert code == 0 and err == ""


def test_listing_reads_the_index_and_no_meeting_file(demo_service, capsys) -> None:
    """`decisions` and `actions` read the index alone, corrections included: no meeting file."""
    from coprod_meet.services import review as rv

    archive = demo_service.archive
    read: list[str] = []
    reading = archive.read_meeting
    archive.read_meeting = lambda mid: (read.append(mid), reading(mid))[1]
    for f in list(archive._open_meetings.values()):
        f.close()
    archive._open_meetings.clear()
    found = rv.search_decisions(demo_service, "transport")
    assert found and all("transport" in f"{f.decision.text} {f.decision.item_title}".lower() for f in found)
    decisions, actions = rv.search_decisions(demo_service), rv.search_actions(demo_service)
    corrected = [f.decision for f in decisions if f.edits]
    assert corrected and all(d.history and d.history[0].in_words().startswith("On ") for d in corrected)
    assert any(f.action.history for f in actions)
    assert read == [] and not archive._open_meetings  # the index alone
    # The same corrections as folding the meeting files says.
    book = RecordsService(demo_service)._book()
    assert {d.id: d.history for d in corrected} == {d.id: book.decisions[d.id].history for d in corrected}
