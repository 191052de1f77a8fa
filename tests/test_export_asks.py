"""Exports that ask first: a file already there, and words that may be a hidden member's name
(line mode and CLI; the TUI's are in test_export_screen.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from coprod_meet.cli import main
from coprod_meet.services.archive import ArchiveService
from tests.scenario import ID, I, Clock, scenario
from tests.test_plain_meeting import run_lines


def store_with_will(service) -> str:
    """The scenario, with Sam (not named in public) called Will, and "Will" typed as a word."""
    group, jan, (march, events), april = scenario()
    will = lambda m: replace(m, name="Will", full_name="Will Jones") if m.id == ID["Sam"] else m  # noqa: E731
    group = replace(group, members=tuple(map(will, group.members)))
    agenda = tuple(replace(i, summary="Will the council pay for it?") if i.id == I["breaks"] else i
                   for i in march.agenda)
    march = replace(march, roster=tuple(map(will, march.roster)), agenda=agenda)
    service.save_group(group)
    service.write_whole_meetings([jan, (march, events), (april, [])])
    return march.id


def test_cli_refuses_uncertain_mentions_unless_accepted(archive_dir: Path, tmp_path: Path, capsys) -> None:
    with ArchiveService.open(archive_dir) as service:
        meeting_id = store_with_will(service)
    out_file = tmp_path / "public.html"
    args = ["minutes", meeting_id, "--copy", "public", "--format", "html", "-o", str(out_file),
            "--archive", str(archive_dir)]
    assert main(args) == 1
    _out, err = capsys.readouterr()
    assert err == ("coprod-meet: The public copy may name a member who asked not to be named: “Will” in "
                   "“Will the council pay for it?”. Change those words, or add --accept-mentions if they "
                   "are not names.\n")
    assert not out_file.exists()
    assert main([*args, "--accept-mentions"]) == 0
    assert "Will the council pay for it?" in out_file.read_text(encoding="utf-8")
    assert main(["minutes", meeting_id, "--archive", str(archive_dir)]) == 0  # the members' copy never asks


def test_line_mode_asks_before_replacing_a_file_and_about_mentions(archive_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "m.md"
    target.write_text("keep me", encoding="utf-8")
    with ArchiveService.open(archive_dir) as service:
        store_with_will(service)
        # meetings are listed newest first: April (1), March (2), January (3)
        out = run_lines(service, Clock(), [
            "run 2", "export", "2", "no", "1", "no",
            "export", "2", "no", "1", "yes", str(target), "no",
            "export", "1", "no", "1", str(target), "yes",
            "back", "quit"])
    out = " ".join(out.split())  # line mode wraps long lines
    assert "These words may be the name of a member who is not named in public." in out
    assert "- “Will” in “Will the council pay for it?”" in out
    assert "No minutes were written. Change those words, then type export again." in out
    assert f"There is already a file called {target}. Type yes to replace it, or no to keep it:" in out
    assert f"No minutes were written; {target} is as it was." in out
    assert target.read_text(encoding="utf-8").startswith("# Minutes: Better Together Board: March 2026")
