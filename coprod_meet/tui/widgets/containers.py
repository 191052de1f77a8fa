"""Containers that are only background where their children do not cover them.

Textual draws every container line by line, with its padding and background, before the widgets
in it are drawn on top, even where they cover it all. A container without a border looks the
same drawn as plain background (Textual's ``BLANK``), which is much less work; the meeting
screen draws most of its containers again each time its layout moves.
"""

from __future__ import annotations

from textual.containers import Horizontal, Vertical


class Row(Horizontal):
    """A Horizontal without a border, drawn as its background."""

    BLANK = True


class Column(Vertical):
    """A Vertical without a border, drawn as its background."""

    BLANK = True
