"""The naughty strings are found in one place (tests/conftest.py), and a missing ../shared folder
is said in a plain sentence, not a FileNotFoundError traceback."""

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
    assert message.startswith("The naughty strings are missing: the untrusted-text tests need "
                              "shared/data/naughty-strings.json in the folder that holds the repository")
    assert str(tmp_path) in message and "Traceback" not in message
