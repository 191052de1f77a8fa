"""Plain words on every screen: help texts and key labels have short sentences (GUIDE §4)."""

from __future__ import annotations

import importlib
import pkgutil
import re

import coprod_meet.tui as tui
from coprod_meet.tui.screens.base import HelpfulScreen

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _screens() -> list[type[HelpfulScreen]]:
    for info in pkgutil.walk_packages(tui.__path__, "coprod_meet.tui."):
        importlib.import_module(info.name)
    found: list[type[HelpfulScreen]] = []
    todo = list(HelpfulScreen.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def sentences(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [s for s in SENTENCE_END.split(flat) if s]


def test_every_screen_has_help_in_short_sentences() -> None:
    screens = _screens()
    assert len(screens) >= 2
    for screen in screens:
        if screen.__subclasses__() and not screen.HELP.strip():
            continue  # a shared base class; its screens carry their own help
        assert screen.HELP.strip(), f"{screen.__name__} has no F1 help"
        assert screen.TITLE_WORDS, f"{screen.__name__} has no title for its help"
        too_long = [s for s in sentences(screen.HELP) if len(s.split()) > 25]
        assert not too_long, (screen.__name__, too_long)


def test_sentence_splitter() -> None:
    assert sentences("One two. Three four!  Five?") == ["One two.", "Three four!", "Five?"]
