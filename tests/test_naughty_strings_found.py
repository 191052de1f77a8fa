"""../shared (naughty strings, SCENARIO.md, GUIDE.md) is found in one place (tests/conftest.py), and a
missing ../shared folder is said in a plain sentence, not a FileNotFoundError traceback."""

from __future__ import annotations

import pytest

from tests import conftest


def test_the_naughty_strings_are_found_beside_the_repository() -> None:
    strings = conftest.naughty_strings()
    assert len(strings) == 515
    strings.append("changed")  # each test gets its own copy
    assert len(conftest.naughty_strings()) == 515


def test_a_missing_shared_folder_is_said_plainly(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(conftest, "REPO", tmp_path / "repo")
    conftest._read_naughty_strings.cache_clear()
    try:
        with pytest.raises(pytest.fail.Exception) as missing:
            conftest.naughty_strings()
    finally:
        conftest._read_naughty_strings.cache_clear()
    message = str(missing.value)
    assert message.startswith("../shared is missing: put the shared folder beside the checkout (this test "
                              "needs shared/data/naughty-strings.json")
    assert str(tmp_path) in message and "Traceback" not in message


def test_scenario_and_guide_are_found_in_the_same_shared_folder() -> None:
    strings = conftest.shared_file(conftest.NAUGHTY)
    for name in ("SCENARIO.md", "GUIDE.md"):
        assert conftest.shared_file(name).parent == strings.parent.parent
    assert "Better Together Board" in conftest.shared_file("SCENARIO.md").read_text(encoding="utf-8")
