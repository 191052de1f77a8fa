"""The shipped plain-English glossary (glossary.toml) and finding its words in text."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple

GLOSSARY_PATH = Path(__file__).with_name("glossary.toml")


class Term(NamedTuple):
    word: str  # the main spelling: "respite"
    plain: str  # simpler words, "" when the word is fine once explained
    meaning: str  # "a short break from caring, so the carer can rest"
    forms: tuple[str, ...] = ()  # other spellings that share the meaning

    def explained(self) -> str:
        """'Respite means a short break from caring, so the carer can rest.'"""
        return f"{self.word[:1].upper()}{self.word[1:]} means {meaning_of(self.word, self.meaning)}."


def meaning_of(word: str, meaning: str) -> str:
    """The meaning without the word said again at its start: typed as "Respite is a short break"
    or "respite means a short break", it is "a short break", so a line never reads "Respite means
    respite is a short break"."""
    meaning = meaning.strip().rstrip(".")
    match = re.match(rf"{re.escape(word)}(?:\s+(?:is|are|means|mean|=)\b|\s*[:=\-–—])\s*", meaning, re.IGNORECASE)
    if match and meaning[match.end():].strip():
        meaning = meaning[match.end():]
    return meaning


class Glossary:
    """Terms found by whole word, any case, longest spelling first."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms: dict[str, Term] = {}
        for term in terms:
            self.terms.setdefault(term.word.lower(), term)
        spellings: dict[str, Term] = {}
        for term in self.terms.values():
            for form in (term.word, *term.forms):
                spellings.setdefault(form.lower(), term)
        self._by_spelling = spellings
        self._ordered = sorted(spellings, key=len, reverse=True)
        self._ascii = all(s.isascii() for s in self._ordered)
        self._regex: re.Pattern[str] | None = None

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._by_spelling

    def get(self, word: str) -> Term | None:
        return self._by_spelling.get(word.lower())

    def with_terms(self, extra: Iterable[Term]) -> Glossary:
        """This glossary with meeting words added; a meeting's own explanation comes first."""
        return Glossary([*extra, *self.terms.values()])

    def find(self, text: str) -> list[Term]:
        """The terms in ``text``, in the order they first appear, each once.

        A spelling is found where it stands as a whole word (no letter, digit, "_" or "-" just
        before or after it), in any case; where several spellings start at the same place the
        longest wins, and the search goes on after it (as :meth:`matches` does with a regex).
        """
        if not self._ordered:
            return []
        if self._ascii and not any(letter in text for letter in _FOLDS_TO_ASCII):
            spellings = self._scan(text)
        else:
            spellings = self.matches(text)
        found: list[Term] = []
        for spelling in spellings:
            term = self._by_spelling[spelling]
            if term not in found:
                found.append(term)
        return found

    def _scan(self, text: str) -> list[str]:
        """The spellings in ``text``, as :meth:`matches` finds them, by plain string search.

        Only when every spelling is ASCII and ``text`` holds none of the letters that match an
        ASCII letter when case is ignored but lower-case to something else: then ``text.lower()``
        has the same length and the same word characters, and matches where the regex would.
        A regex of a hundred spellings takes longer to compile than this takes to run.
        """
        low = text.lower()
        hits: dict[int, str] = {}  # where a spelling starts -> the longest spelling that fits there
        for spelling in self._ordered:
            size = len(spelling)
            at = low.find(spelling)
            while at >= 0:
                if at not in hits and _apart(text, at - 1) and _apart(text, at + size):
                    hits[at] = spelling
                at = low.find(spelling, at + 1)
        out: list[str] = []
        end = 0
        for at in sorted(hits):
            if at >= end:
                out.append(hits[at])
                end = at + len(hits[at])
        return out

    def matches(self, text: str) -> list[str]:
        """The spellings in ``text``, leftmost first, found with a regex (any text, any spelling)."""
        if self._regex is None:
            # One group for each spelling, so the spelling found is known even when the text's
            # letters lower-case differently from it ("İ", "ſ").
            self._regex = re.compile(
                r"(?<![\w-])(?:" + "|".join(f"({re.escape(s)})" for s in self._ordered) + r")(?![\w-])",
                re.IGNORECASE,
            )
        return [self._ordered[match.lastindex - 1] for match in self._regex.finditer(text)]


# Letters that match an ASCII letter when case is ignored but whose lower case is not it (or is
# two characters): dotted and dotless I, long s and the Kelvin sign.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def _apart(text: str, at: int) -> bool:
    """Whether position ``at`` is outside ``text`` or holds no letter, digit, "_" or "-"."""
    if at < 0 or at >= len(text):
        return True
    char = text[at]
    return not (char.isalnum() or char == "_" or char == "-")


@lru_cache(maxsize=1)
def shipped() -> Glossary:
    """The glossary that ships with coprod-meet."""
    data = tomllib.loads(GLOSSARY_PATH.read_text(encoding="utf-8"))
    return Glossary(
        Term(word=word, plain=entry.get("plain", ""), meaning=entry["meaning"], forms=tuple(entry.get("also", ())))
        for word, entry in data.get("terms", {}).items()
    )


def words_used(*texts: str) -> list[str]:
    """ "Agenda means the list of things we talk about at the meeting." for every word of the
    shipped glossary that has plainer words and is used in ``texts`` (help, key labels)."""
    found: list[Term] = []
    for text in texts:
        found += [t for t in shipped().find(text) if t.plain and t not in found]
    return [t.explained() for t in found]
