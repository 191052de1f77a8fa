"""Easy read keeps its promise: no sentence over 15 words, even from long typed text.

A long sentence (most often a note or a comment someone typed) is first split at its clause
boundaries: after a comma, a semicolon, a colon or a dash (", and", ", but" start a new sentence
with "And", "But"). Every piece must be a sentence of 3 to 15 words, and no piece may
start with a word that makes it lean on the one before ("which", "when", "because"...): the
minutes would then read as fragments. If it cannot be split so, the sentence is left whole and
quoted as the member's own words in a marked box (:class:`Quote`), which the readability check
counts apart: the promise is about our sentences, and we do not rewrite what people said.
"""

from __future__ import annotations

import re

from coprod_meet.minutes.readability import EASY_READ_LIMIT, split_sentences, words_of

_CLAUSE = re.compile(r"(?<=[,;:–—])\s+")
_LEANS = {"which", "who", "whom", "whose", "when", "where", "while", "because", "if", "unless", "although",
          "though", "that", "as", "than", "until", "since", "whether", "to", "of", "for", "with", "from", "by"}
MIN_WORDS = 3


def too_long(sentence: str, limit: int = EASY_READ_LIMIT) -> bool:
    return len(words_of(sentence)) > limit


def _tidy(piece: str) -> str:
    piece = piece.strip().rstrip(",;:–—").strip()
    if not piece:
        return ""
    piece = piece[:1].upper() + piece[1:]
    return piece if piece[-1] in ".!?" else piece + "."


def split_clauses(sentence: str, limit: int = EASY_READ_LIMIT) -> list[str] | None:
    """The sentence as shorter sentences, each ``limit`` words or fewer; None if it cannot be
    split at clause boundaries without leaving a fragment."""
    parts = [p for p in _CLAUSE.split(sentence.strip()) if p.strip()]
    if len(parts) < 2:
        return None
    # Join neighbours while they fit, so the pieces are as few and as whole as can be.
    pieces: list[str] = []
    for part in parts:
        if pieces and len(words_of(pieces[-1])) + len(words_of(part)) <= limit:
            pieces[-1] = f"{pieces[-1]} {part}"
        else:
            pieces.append(part)
    out = [_tidy(p) for p in pieces]
    for n, piece in enumerate(out):
        count = len(words_of(piece))
        if count > limit or count < MIN_WORDS:
            return None
        if n and words_of(piece)[0].lower().strip("“\"'‘") in _LEANS:
            return None
    return out


def shorten(text: str, limit: int = EASY_READ_LIMIT) -> tuple[str, list[str]]:
    """``text`` with each long sentence split at its clauses; the sentences that could not be
    split are taken out and returned, to be quoted."""
    sentences = split_sentences(text)
    if not any(too_long(s, limit) for s in sentences):
        return text, []
    kept: list[str] = []
    quoted: list[str] = []
    for sentence in sentences:
        if not too_long(sentence, limit):
            kept.append(sentence)
            continue
        pieces = split_clauses(sentence, limit)
        if pieces is None:
            quoted.append(sentence)
        else:
            kept += pieces
    return " ".join(kept), quoted
