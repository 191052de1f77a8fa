"""The shipped plain-English glossary (glossary.toml) and finding its words in text."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

GLOSSARY_PATH = Path(__file__).with_name("glossary.toml")


@dataclass(frozen=True)
class Term:
    word: str  # the main spelling: "respite"
    plain: str  # simpler words, "" when the word is fine once explained
    meaning: str  # "a short break from caring, so the carer can rest"
    forms: tuple[str, ...] = ()  # other spellings that share the meaning

    def explained(self) -> str:
        """'Respite means a short break from caring, so the carer can rest.'"""
        return f"{self.word[:1].upper()}{self.word[1:]} means {self.meaning.rstrip('.')}."


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
        ordered = sorted(spellings, key=len, reverse=True)
        self._pattern = (
            re.compile(r"(?<![\w-])(" + "|".join(re.escape(s) for s in ordered) + r")(?![\w-])", re.IGNORECASE)
            if ordered
            else None
        )

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._by_spelling

    def get(self, word: str) -> Term | None:
        return self._by_spelling.get(word.lower())

    def with_terms(self, extra: Iterable[Term]) -> Glossary:
        """This glossary with meeting words added; a meeting's own explanation comes first."""
        return Glossary([*extra, *self.terms.values()])

    def find(self, text: str) -> list[Term]:
        """The terms in ``text``, in the order they first appear, each once."""
        if self._pattern is None:
            return []
        found: list[Term] = []
        for match in self._pattern.finditer(text):
            term = self._by_spelling[match.group(1).lower()]
            if term not in found:
                found.append(term)
        return found


@lru_cache(maxsize=1)
def shipped() -> Glossary:
    """The glossary that ships with coprod-meet."""
    data = tomllib.loads(GLOSSARY_PATH.read_text(encoding="utf-8"))
    return Glossary(
        Term(word=word, plain=entry.get("plain", ""), meaning=entry["meaning"], forms=tuple(entry.get("also", ())))
        for word, entry in data.get("terms", {}).items()
    )
