"""At the keyboard, a named folder with no archive is a question, not a silent new archive (issue 15
point 7). Run in a real terminal (a pty) as a person would."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")


def spawn(*args: str, env_home: Path):
    import os

    env = dict(os.environ, HOME=str(env_home), XDG_DATA_HOME=str(env_home / "data"),
               XDG_CONFIG_HOME=str(env_home / "config"))
    env.pop("COPROD_MEET_ARCHIVE", None)
    return pexpect.spawn(sys.executable, ["-m", "coprod_meet", *args], env=env, encoding="utf-8", timeout=30,
                         dimensions=(24, 80))


def test_no_makes_nothing_and_yes_makes_the_archive(tmp_path: Path) -> None:
    wrong = tmp_path / "archvie"
    child = spawn("--plain", "--archive", str(wrong), env_home=tmp_path)
    child.expect("There is no archive at")
    child.expect("Make a new, empty archive there now\\? Type y and Enter for yes, or just Enter for no:")
    child.sendline("")
    child.expect("Nothing was made; check the folder name and try again.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1 and not wrong.exists()
    child = spawn("--plain", "--archive", str(wrong), env_home=tmp_path)
    child.expect("Make a new, empty archive there now")
    child.sendline("y")
    child.expect("coprod-meet line mode.")
    child.sendline("quit")
    child.expect("Goodbye.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and (wrong / "catalogue.sqlite").exists()
