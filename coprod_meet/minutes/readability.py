"""How easy the minutes are to read: sentence lengths, Flesch reading ease, jargon.

Sentences are counted in the running text (paragraphs and list items that are sentences; not
headings, tables or lists of names). Flesch reading ease uses the standard formula.

Syllables are counted by rule (vowel groups, silent "e", "-ed", "-es", "-tre", split vowel
pairs as in "experience"). textstat 0.7.8 counts them from the CMU dictionary, which takes one to
two seconds to load in every new process — longer than the whole export. The tests check that
the rules agree with textstat's dictionary counts on the demo minutes.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable, NamedTuple

from coprod_meet.minutes.document import Document
from coprod_meet.minutes.glossary import Glossary, shipped

MEMBERS_LIMIT = 25
MEMBERS_AVERAGE = 20
EASY_READ_LIMIT = 15
FLESCH_GOAL = 60.0

# A break between sentences: spaces after . ! or ? (or after one of them and a closing quote or
# bracket), or line breaks. Each choice starts by taking one space and then looks back, so the
# search can skip along to the next space instead of trying every choice at every letter.
_SENTENCE_END = re.compile(r"\s(?:(?<=[.!?]\s)\s*|(?<=[.!?][\"'”’)\]]\s)\s*|(?<=\n)\n*)")
_WORD = re.compile(r"[^\W_]", re.UNICODE)


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``: split after . ! or ? and at line breaks."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and _WORD.search(s)]


def words_of(sentence: str) -> list[str]:
    """The words of a sentence: pieces between spaces that hold a letter or a digit."""
    return [w for w in sentence.split() if w.isalnum() or _WORD.search(w)]


_VOWELS = re.compile(r"[aeiouy]+")
_TWO_SOUNDS = re.compile(r"ia|iu|io(?!n)|eo(?![up])|(?<!q)ua|ie(?=n[ct])")
# A silent e inside a word, before an ending: "something", "lovely", "statement".
_SILENT_INSIDE = re.compile(r"(?<=[^aeiouy][aeiouy][^aeiouy])e(?=(?:thing|one|body|where|times|ful|ly|ment|less|ness)$)")
_NOT_SILENT_ES = ("ses", "zes", "ces", "ges", "xes", "shes", "ches", "ies")


@lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    """Syllables in one English word, by rule; a number or a symbol counts as one."""
    w = "".join(ch for ch in word.lower() if "a" <= ch <= "z")
    groups = len(_VOWELS.findall(w))
    if not groups:
        return 1
    n = groups + len(_TWO_SOUNDS.findall(w)) - len(_SILENT_INSIDE.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and n > 1:
        n -= 1  # silent e: "make"
    if w.endswith(("tre", "tres")):
        n += 1  # "centre"
    if w.endswith("ed") and len(w) > 3 and w[-3] not in "tdaeiouy" and n > 1:
        n -= 1  # "asked"
    if w.endswith("es") and not w.endswith(_NOT_SILENT_ES) and n > 1:
        n -= 1  # "makes"
    return max(1, n)


def flesch_reading_ease(sentences: list[str], words: list[str] | None = None) -> float:
    """Flesch reading ease of ``sentences`` (``words``: all their words, if already split)."""
    if words is None:
        words = [w for s in sentences for w in words_of(s)]
    if not sentences or not words:
        return 100.0
    total = sum(syllables(w) * n for w, n in Counter(words).items())
    return round(206.835 - 1.015 * (len(words) / len(sentences)) - 84.6 * (total / len(words)), 1)


class Readability(NamedTuple):
    limit: int
    sentences: int
    words: int
    average: float
    longest: str
    longest_words: int
    flesch: float
    over_limit: tuple[str, ...] = ()
    jargon: tuple[tuple[str, str], ...] = ()  # (word, plainer words)
    average_goal: float = MEMBERS_AVERAGE
    flesch_goal: float = FLESCH_GOAL
    notes: tuple[str, ...] = ()

    @property
    def meets_goals(self) -> bool:
        return not self.over_limit and self.average <= self.average_goal and self.flesch >= self.flesch_goal

    def lines(self) -> list[str]:
        """The report in plain lines."""
        out = [
            f"Readability: {'meets' if self.meets_goals else 'does not meet'} the goals for this copy.",
            f"Sentences: {self.sentences}; average {self.average:.1f} words (goal {self.average_goal:g} or fewer).",
            f"Longest sentence: {self.longest_words} words (limit {self.limit}).",
            f"Flesch reading ease: {self.flesch:.1f} (goal {self.flesch_goal:g} or more; higher is easier).",
        ]
        if self.over_limit:
            out.append(f"Sentences over {self.limit} words ({len(self.over_limit)}):")
            out += [f"  - {s}" for s in self.over_limit]
        else:
            out.append(f"No sentence is over {self.limit} words.")
        if self.jargon:
            out.append("Hard words found, with plainer words to use:")
            out += [f"  - {word}: {plain}" for word, plain in self.jargon]
        else:
            out.append("No hard words from the glossary were found.")
        out += list(self.notes)
        return out


def measure(texts: Iterable[str], *, easy_read: bool = False, glossary: Glossary | None = None) -> Readability:
    """Readability of running text (each piece may hold several sentences)."""
    pieces = list(texts)
    sentences = [s for text in pieces for s in split_sentences(text)]
    words = [words_of(s) for s in sentences]
    counts = [len(w) for w in words]
    limit = EASY_READ_LIMIT if easy_read else MEMBERS_LIMIT
    longest_index = max(range(len(counts)), key=counts.__getitem__) if counts else -1
    glossary = glossary or shipped()
    jargon: list[tuple[str, str]] = []
    for term in glossary.find("\n".join(pieces)):
        if term.plain and (term.word, term.plain) not in jargon:
            jargon.append((term.word, term.plain))
    notes = ("In easy read, each hard word is explained where it first appears and in the list of words.",) \
        if easy_read and jargon else ()
    return Readability(
        limit=limit,
        sentences=len(sentences),
        words=sum(counts),
        average=round(sum(counts) / len(counts), 1) if counts else 0.0,
        longest=sentences[longest_index] if counts else "",
        longest_words=counts[longest_index] if counts else 0,
        flesch=flesch_reading_ease(sentences, [w for ws in words for w in ws]),
        over_limit=tuple(s for s, n in zip(sentences, counts) if n > limit),
        jargon=tuple(jargon),
        average_goal=EASY_READ_LIMIT if easy_read else MEMBERS_AVERAGE,
        notes=notes,
    )


def report(document: Document) -> Readability:
    result = measure(document.prose(), easy_read=document.easy_read)
    quotes = [s for q in document.quotes() for s in split_sentences(q)]
    if quotes:
        longest = max(len(words_of(s)) for s in quotes)
        note = (f"{len(quotes)} {'sentence is' if len(quotes) == 1 else 'sentences are'} people's own words, "
                f"quoted in a box and counted apart (the longest has {longest} words).")
        result = result._replace(notes=(*result.notes, note))
    return result
