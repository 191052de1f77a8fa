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


# --- issue 8 §6: no jargon from the shipped glossary without its explanation -------------------


def _texts() -> list[tuple[str, str]]:
    """(where, text): every screen's help, every key label, and every line-mode help line."""
    from coprod_meet.plain.meeting import MeetingSession
    from coprod_meet.plain.session import PlainSession
    from coprod_meet.tui.app import CoprodMeetApp

    from coprod_meet.minutes.glossary import words_used

    found: list[tuple[str, str]] = []
    for screen in _screens():
        # What F1 shows (the help and what its words mean), with the screen's key labels.
        labels = [b.description for b in screen.BINDINGS if hasattr(b, "description")]
        found.append((f"{screen.__name__} help and keys", screen.help_text() + "\n" + "\n".join(labels)))
    app_labels = [b.description for b in CoprodMeetApp.BINDINGS]
    found.append(("app keys", "\n".join(app_labels + words_used(*app_labels))))
    session = PlainSession.__new__(PlainSession)
    meeting = MeetingSession.__new__(MeetingSession)
    meeting.session = session
    for level, commands in (("line mode", session.commands()), ("line mode meeting", meeting.commands())):
        found += [(f"{level} {c.words}", c.what) for c in commands]
        lines = [c.what for c in commands]
        found.append((f"{level} help", "\n".join(lines + words_used(*lines))))
    return found


def jargon_unexplained(text: str) -> list[str]:
    """Glossary words that have plainer words (the glossary's ``plain``) found in ``text`` without
    those plainer words or their meaning beside them. Words the glossary calls fine once explained
    (no ``plain``, such as "agenda" or "co-chair") are everyday words here."""
    from coprod_meet.minutes.glossary import shipped

    low = " ".join(text.lower().split())
    return [t.word for t in shipped().find(text)
            if t.plain and t.plain.lower() not in low and t.meaning.lower() not in low]


def test_no_glossary_jargon_without_its_explanation() -> None:
    # Whole helps: each screen's F1 with its key labels, the app's keys, line mode's help lists.
    texts = [(where, text) for where, text in _texts() if where.endswith(("help and keys", "app keys", " help"))]
    assert len(texts) > 20
    bad = [(where, jargon_unexplained(text)) for where, text in texts if jargon_unexplained(text)]
    assert not bad, bad


def test_line_mode_help_lines_are_short_plain_sentences() -> None:
    for where, text in _texts():
        if where.startswith("line mode"):
            assert all(len(s.split()) <= 25 for s in sentences(text)), where


def test_the_jargon_check_finds_jargon() -> None:
    assert jargon_unexplained("Ask about respite.") == ["respite"]
    assert jargon_unexplained("Ask about respite (a short break).") == []


def test_help_lines_end_where_sentences_end() -> None:
    from coprod_meet.tui.screens.base import whole_sentences

    source = """
Press P to plan a meeting, and G to see the
groups and their members. Press F1 for help.
Keys:
- P plans
- G shows groups

Words follow.
"""
    assert whole_sentences(source) == (
        "Press P to plan a meeting, and G to see the groups and their members. Press F1 for help.\n"
        "Keys:\n- P plans\n- G shows groups\n\nWords follow.")
    for screen in _screens():  # what F1 shows never breaks a line in the middle of a sentence
        for line in whole_sentences(screen.HELP).splitlines():
            assert not line or line.rstrip().endswith((".", ":", "?", "!", '."', ".)", '?"')), (screen.__name__, line)
