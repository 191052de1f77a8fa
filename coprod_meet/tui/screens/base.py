"""What every screen of ours has: a plain-words help text for F1."""

from __future__ import annotations

from typing import ClassVar

from textual.screen import Screen


def whole_sentences(text: str) -> str:
    """Help as written in the source, where lines are cut to fit the code, made into lines that
    end only where a sentence ends: a line that stops mid-sentence goes on with the next one, so
    the help screen wraps each sentence to its own width. Blank lines and "- " lists stay."""
    lines: list[str] = []
    for line in text.strip().splitlines():
        line = line.strip()
        if lines and lines[-1] and line and not line.startswith("- ") and not lines[-1].endswith(_ENDS):
            lines[-1] += " " + line
        else:
            lines.append(line)
    return "\n".join(lines)


_ENDS = (".", ":", "?", "!", '."', ".)", '?"')


class HelpfulScreen(Screen):
    """A screen with ``HELP``: what it is for, in plain words, shown by F1."""

    HELP: ClassVar[str] = ""
    TITLE_WORDS: ClassVar[str] = ""

    @classmethod
    def help_text(cls) -> str:
        """The help, then what each glossary word it or its key labels use means (issue 8 §6)."""
        from coprod_meet.minutes.glossary import words_used

        words = words_used(cls.HELP, *(getattr(b, "description", "") for b in cls.BINDINGS))
        return whole_sentences(cls.HELP) + ("\n\nWords used here:\n" + "\n".join(words) if words else "")

    def help_keys(self) -> list[tuple[str, str]]:
        """The keys of this screen and of the app, as (key, what it does)."""
        # A key this screen names says what it does here, also where a Textual widget has the key
        # first (Enter on a table "Open", not the table's "Select").
        ours: dict[str, str] = {}
        for b in (*self.BINDINGS, *self.app.BINDINGS):
            if getattr(b, "description", ""):
                for key in b.key.split(","):
                    ours.setdefault(key.strip(), b.description)
        keys: list[tuple[str, str]] = []
        seen: set[str] = set()
        for key, active in self.app.active_bindings.items():
            b = active.binding
            description = ours.get(key, b.description)
            if not description or description in seen:
                continue
            seen.add(description)
            keys.append((self.app.get_key_display(b), description))
        # This screen's own keys and the app's first, then those of Textual's widgets (Page up...).
        keys.sort(key=lambda pair: pair[1] not in ours.values())
        return keys
