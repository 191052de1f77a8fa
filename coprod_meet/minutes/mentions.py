"""Finding members' names in typed text, for the public copy ("the consent filter").

People type names any way: "sam", "SAM", "Sam's", "Siobhan" for "Siobhán", "Jones" alone. The
public copy must not show a name the member did not agree to, so the filter looks for every
form of such a name (full name, the name the group uses, each of their words but titles) as
whole words, with case and accents folded ("Siobhán's" holds the word "siobhan").

Sure and uncertain matches
--------------------------
A name can also be an ordinary word: "Hope House", "Will the council pay?", "a kit of papers".
Rewriting those would spoil the minutes; leaving a real name would break a promise. So:

- **Sure**: a form of two or more words ("Sam Jones"), or one word that is not an ordinary
  English word ("Siobhan", "sam's", "JONES"). Sure matches are replaced, in any case, by the
  words this copy uses for the person ("a member", "a carer", a first name).
- **Not a mention**: a name that is an ordinary word (:data:`ORDINARY_WORDS`), typed in lower
  case ("I hope so"), or followed by another capitalised word that is not the member's own
  other name ("Hope House", "Grace Road"): that is the name of something else. Left as typed.
- **Uncertain**: a name that is an ordinary word, capitalised on its own ("Will the council
  pay?", "ask Will"), or a word two members share when only one of them may be named. Left as
  typed and listed, so that the export asks (TUI, line mode) or refuses (CLI) before writing.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, NamedTuple

# First names and surnames that are also everyday English words. Kept short and obvious: a
# word missing here is treated as a name (replaced), which is the safe side.
ORDINARY_WORDS = frozenset("""
    amber april august autumn baker bell bill brook brown carol chase clay cook crystal dawn
    dean drew dusty eve faith fisher ford frank gay gene glen grace green guy hazel heath
    heather hill holly hope hunter iris ivy jack jade jewel joy june kit king lane lily long
    mark marsh mason may miles mill moss norman olive pat pearl penny poppy ray reed rich rob
    robin rose ruby rush sandy scott sky skye smith sonny spring star stone story summer sunny
    taylor terry victor wade ward west white will wood young
""".split())

_TOKEN = re.compile(r"[^\W_]+")
_JOIN = re.compile(r"[\s.'’\-]{1,3}")  # what may stand between the words of one name: "Dr. Lee", "O'Brien"


def fold(word: str) -> str:
    """A word with case and accents folded: 'Siobhán' -> 'siobhan', 'STRASSE' == 'straße'."""
    if not word.isascii():
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return word.casefold()


class Form(NamedTuple):
    words: tuple[str, ...]  # folded
    shown: str  # what the public copy says instead
    member_id: str
    uncertain: bool  # an ordinary word, or a word another member is shown by


class Mention(NamedTuple):
    """An uncertain mention: the word as typed and the sentence it stands in."""

    word: str
    text: str

    def in_words(self) -> str:
        return f"“{self.word}” in “{self.text}”"


class Hit(NamedTuple):
    start: int
    end: int
    form: Form
    sure: bool


class NameFilter:
    """Finds and replaces private forms of members' names in text (see the module's notes)."""

    def __init__(self, forms: Iterable[Form]) -> None:
        by_first: dict[str, list[Form]] = {}
        for form in forms:
            if form.words and all(form.words):
                by_first.setdefault(form.words[0], []).append(form)
        for found in by_first.values():
            found.sort(key=lambda f: len(f.words), reverse=True)  # longest form first
        self.by_first = by_first
        self.other_names: set[str] = {w for fs in by_first.values() for f in fs for w in f.words}

    def __bool__(self) -> bool:
        return bool(self.by_first)

    def could_hold(self, text: str) -> bool:
        """A quick test: False means no name can be in ``text``."""
        folded = fold(text)
        return any(first in folded for first in self.by_first)

    def hits(self, text: str) -> list[Hit]:
        if not self.by_first or not self.could_hold(text):
            return []
        tokens = [(m.start(), m.end(), fold(m.group(0))) for m in _TOKEN.finditer(text)]
        out: list[Hit] = []
        n = 0
        while n < len(tokens):
            start, end, word = tokens[n]
            taken = 0
            for form in self.by_first.get(word, ()):
                size = len(form.words)
                if n + size > len(tokens):
                    continue
                if any(tokens[n + k][2] != form.words[k] for k in range(1, size)):
                    continue
                if any(not _JOIN.fullmatch(text[tokens[n + k - 1][1]:tokens[n + k][0]]) for k in range(1, size)):
                    continue
                sure = self._sure(text, tokens, n, size, form)
                if sure is not None:
                    out.append(Hit(start, tokens[n + size - 1][1], form, sure))
                taken = size
                break
            n += max(taken, 1)
        return out

    def _sure(self, text: str, tokens: list[tuple[int, int, str]], n: int, size: int, form: Form) -> bool | None:
        """True: a sure mention; False: uncertain; None: not a mention (an ordinary word)."""
        if size > 1 or not form.uncertain:
            return True
        typed = text[tokens[n][0]:tokens[n][1]]
        if typed == typed.lower():
            return None  # "hope", "will": the everyday word
        if n + 1 < len(tokens):
            gap = text[tokens[n][1]:tokens[n + 1][0]]
            following = text[tokens[n + 1][0]:tokens[n + 1][1]]
            if gap.isspace() and following[:1].isupper() and tokens[n + 1][2] not in self.other_names:
                return None  # "Hope House": the name of something else
        return False

    def redact(self, text: str, mentions: list[Mention] | None = None) -> str:
        """``text`` with sure mentions replaced; uncertain ones kept and added to ``mentions``."""
        hits = self.hits(text)
        if not hits:
            return text
        out: list[str] = []
        at = 0
        for hit in hits:
            if not hit.sure:
                if mentions is not None:
                    mentions.append(Mention(text[hit.start:hit.end], text))
                continue
            before = text[:hit.start].rstrip()
            words = hit.form.shown
            out.append(text[at:hit.start])
            out.append(words[:1].upper() + words[1:] if not before or before[-1] in ".!?:\"“" else words)
            at = hit.end
        out.append(text[at:])
        return "".join(out)
