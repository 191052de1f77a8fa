"""The plan command looks forward, asks for a time, refuses the past without --past, and finds
ready-made templates by name from any folder (issue 15 points 1 and 9)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from coprod_meet.cli import main
from coprod_meet.services.archive import ArchiveService
from tests.scenario import board_archive


@pytest.fixture
def board_dir(archive_dir: Path) -> Path:
    with ArchiveService.open(archive_dir) as service:
        board_archive(service)
    return archive_dir


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def plan(capsys, board_dir: Path, *args: str) -> tuple[int, str, str]:
    return run(capsys, "plan", "--archive", str(board_dir), "--group", "Better Together Board", *args)


def test_a_template_is_found_by_name_from_any_folder(board_dir: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = plan(capsys, board_dir, "--template", "board-co-chaired", "--when", "in 2 weeks 2pm")
    assert (code, err) == (0, "")
    assert out.startswith("Planned Board meeting for Better Together Board on ")


def test_a_template_of_ones_own_is_found_by_name(board_dir: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    from coprod_meet.services.templates import user_templates_dir

    folder = user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "our-forum.toml").write_text('title = "Our forum"\n[[item]]\ntitle = "Welcome"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = plan(capsys, board_dir, "--template", "our-forum.toml", "--when", "in 2 weeks 2pm")
    assert (code, err) == (0, "")
    assert out.startswith("Planned Our forum for Better Together Board")


def test_an_unknown_template_name_lists_the_names(board_dir: Path, capsys) -> None:
    code, out, err = plan(capsys, board_dir, "--template", "bored", "--when", "in 2 weeks 2pm")
    assert code == 1 and out == ""
    assert "no template file or ready-made template called bored" in err
    assert "board-co-chaired" in err and err.count("\n") == 1


def test_a_date_without_a_year_is_the_next_one(board_dir: Path, capsys) -> None:
    # 12 March without a year: the next 12 March to come, never one that has gone
    code, out, err = plan(capsys, board_dir, "--template", "board-co-chaired", "--when", "12 March 2pm")
    assert (code, err) == (0, "")
    today = datetime.now()
    year = today.year if (today.month, today.day) <= (3, 12) else today.year + 1
    assert f"12 March {year} at 2pm." in out


def test_a_date_in_the_past_is_refused_with_the_flag_to_use(board_dir: Path, capsys) -> None:
    code, out, err = plan(capsys, board_dir, "--template", "board-co-chaired", "--when", "5/1/2025 10am")
    assert code == 1 and out == ""
    assert err.startswith("coprod-meet: That is ")
    assert "ago (Sunday 5 January 2025 at 10am). To plan it anyway, add --past." in err
    with ArchiveService.open(board_dir) as service:
        assert len(service.list_meetings()) == 1  # nothing planned
    code, out, err = plan(capsys, board_dir, "--template", "board-co-chaired", "--when", "5/1/2025 10am", "--past")
    assert (code, err) == (0, "")
    assert "Sunday 5 January 2025 at 10am" in out
    assert "Warning: Sunday 5 January 2025 is a weekend day. Please check people can come." in out


def test_a_meeting_with_no_time_of_day_is_asked_for_one(board_dir: Path, capsys) -> None:
    code, out, err = plan(capsys, board_dir, "--template", "board-co-chaired", "--when", "Thursday week")
    assert code == 1 and out == ""
    assert err == 'coprod-meet: What time does it start? Please add a time, such as "Thursday week 2pm".\n'


def test_a_series_warns_of_bank_holidays(board_dir: Path, capsys) -> None:
    code, out, err = plan(capsys, board_dir, "--template", "board-co-chaired", "--when", "Tuesday 18/12/2035 2pm",
                          "--repeat", "every week", "--count", "3")
    assert (code, err) == (0, "")
    assert "Also planned 3 more, every week:" in out
    warnings = [line for line in out.splitlines() if "bank holiday" in line]
    assert warnings == [
        "Warning: Tuesday 25 December 2035 is a bank holiday (Christmas Day) in England and Wales. "
        "Please check people can come.",
        "Warning: Tuesday 1 January 2036 is a bank holiday (New Year's Day) in England and Wales. "
        "Please check people can come.",
    ]


def test_a_double_booking_is_warned(board_dir: Path, capsys) -> None:
    plan(capsys, board_dir, "--template", "board-co-chaired", "--when", "in 3 weeks 2pm")
    code, out, err = plan(capsys, board_dir, "--template", "board-co-chaired", "--when", "in 3 weeks 3pm")
    assert (code, err) == (0, "")
    assert "Warning: Better Together Board already has Board meeting on " in out
    assert "at the same time as this meeting; please choose another time." in out


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('title = "Board"\n[[item]]\ntitle = "Welcome"\nminutes = = 5\n', "on line 4: a value there cannot be read"),
        ('title = "Board"\n\n[[item]\ntitle = "x"\n', "on line 3: a heading such as [[item]] needs both closing"),
        ('title Board\n', "on line 1: each setting needs an equals sign"),
        ('title = "Board\n', "on line 1: a piece of text is missing its closing quote mark"),
        ('title = "Board"\nco_chairs = ["Hayley", "Jo"\n', "by the end of the file (line 2): a list in [square"),
        ('title = "Board"\ntitle = "Again"\n', "a setting is written twice"),
    ],
)
def test_toml_mistakes_are_one_plain_sentence_without_parser_words(text: str, words: str) -> None:
    from coprod_meet.domain.templates import TemplateProblem, parse_template

    with pytest.raises(TemplateProblem) as caught:
        parse_template(text, "ours.toml")
    message = str(caught.value)
    assert message.startswith("The template ours.toml has a mistake ") and words in message
    assert message.endswith("; please fix it and try again.") and message.count(". ") == 0
    for jargon in ("Invalid", "key/value", "declaration", "Unterminated", "document", "TOML"):
        assert jargon not in message
