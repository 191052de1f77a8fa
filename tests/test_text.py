"""Cleaning untrusted text at the edge of the domain."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod_meet.domain.errors import TextTooLong, UserError
from coprod_meet.domain.text import (
    NAME_LIMIT,
    NOTE_LIMIT,
    SHORT_LIMIT,
    TITLE_LIMIT,
    clean_name,
    clean_note,
    clean_short,
    clean_text,
    clean_title,
)
from tests.conftest import naughty_strings


# What must never survive cleaning. Tab and newline are checked separately.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufeff]")
BIDI = list("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def assert_safe(text: str, *, multiline: bool) -> None:
    assert not FORBIDDEN.search(text), repr(text)
    assert text == text.strip()
    if not multiline:
        assert "\n" not in text and "\t" not in text, repr(text)
        assert "  " not in text, repr(text)


# --- basics -----------------------------------------------------------------


def test_limits() -> None:
    assert (NAME_LIMIT, TITLE_LIMIT, NOTE_LIMIT, SHORT_LIMIT) == (80, 200, 5000, 500)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, ""), ("", ""), (5, "5"), (2.5, "2.5"), ("Priya", "Priya")],
)
def test_accepts_any_value(value: object, expected: str) -> None:
    assert clean_text(value) == expected


def test_normalises_to_nfc() -> None:
    assert clean_text("Zoe\u0301") == "Zoé"
    assert clean_text("Zoé") == "Zoé"


def test_accent_joined_even_across_a_dropped_character() -> None:
    # the bidi mark is dropped first, so the accent joins its letter in one pass
    assert clean_text("e\u202e\u0301") == "é"


def test_strips_both_ends() -> None:
    assert clean_text("  \t Transport \n ") == "Transport"
    assert clean_note("\n\n  Transport  \n\n") == "Transport"


# --- line endings and whitespace ------------------------------------------


def test_single_line_collapses_whitespace() -> None:
    assert clean_text("Bus\r\npasses \t and\rtaxis\n\nfor   all") == "Bus passes and taxis for all"


def test_single_line_treats_unicode_separators_as_spaces() -> None:
    assert clean_text("one\u2028two\u2029three\u00a0four") == "one two three four"


def test_multiline_keeps_lines_tabs_and_inner_spaces() -> None:
    note = "Item 1:\r\n\tbus passes  and taxis\rItem 2:\u2028done"
    assert clean_note(note) == "Item 1:\n\tbus passes  and taxis\nItem 2:\ndone"


# --- what is dropped --------------------------------------------------------


@pytest.mark.parametrize("code", [c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)])
def test_drops_c0_controls(code: int) -> None:
    assert clean_text(f"a{chr(code)}b") == "ab"
    assert clean_note(f"a{chr(code)}b") == "ab"


@pytest.mark.parametrize("code", range(0x7F, 0xA0))
def test_drops_del_and_c1_controls(code: int) -> None:
    assert clean_text(f"a{chr(code)}b") == "ab"


@pytest.mark.parametrize("mark", BIDI)
def test_drops_bidi_controls(mark: str) -> None:
    assert clean_text(f"abc{mark}def") == "abcdef"


def test_drops_lone_surrogates_and_bom() -> None:
    assert clean_text("\ufeffa\ud800b\udfffc") == "abc"


def test_terminal_escape_sequences_lose_esc_and_bel() -> None:
    cleaned = clean_text("\x1b]0;owned\x07Sam\x1b[2J\x9b31m")
    assert "\x1b" not in cleaned and "\x07" not in cleaned and "\x9b" not in cleaned
    assert cleaned == "]0;ownedSam[2J31m"


def test_keeps_markup_literally() -> None:
    for text in ["[bold]Sam[/bold]", "[/]", "[@click=app.quit]x[/]", "<script>alert(1)</script>", "# heading", "**x**"]:
        assert clean_text(text) == text


def test_keeps_harmless_invisible_characters() -> None:
    # zero-width joiner holds emoji together; it is not a control
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert clean_text(family) == family


# --- lengths ----------------------------------------------------------------


def test_too_long_gives_a_plain_sentence() -> None:
    with pytest.raises(TextTooLong) as caught:
        clean_name("x" * 95)
    assert str(caught.value) == "The name is 95 characters long; please keep it to 80 or fewer."
    assert isinstance(caught.value, UserError)


def test_length_is_counted_after_cleaning() -> None:
    assert clean_name("x" * 80 + "\x00" * 10 + "   ") == "x" * 80
    assert clean_name("e\u0301" * 80) == "é" * 80


@pytest.mark.parametrize(
    ("clean", "limit", "word"),
    [(clean_name, NAME_LIMIT, "name"), (clean_title, TITLE_LIMIT, "title"), (clean_note, NOTE_LIMIT, "note")],
)
def test_wrappers_have_their_limits(clean, limit: int, word: str) -> None:
    assert clean("y" * limit) == "y" * limit
    message = f"^The {word} is {limit + 1} characters long; please keep it to {limit} or fewer.$"
    with pytest.raises(TextTooLong, match=message):
        clean("y" * (limit + 1))


def test_clean_short_names_what_it_is() -> None:
    assert clean_short(" By bus\n ", "reason") == "By bus"
    with pytest.raises(TextTooLong, match="^The reason is 501 characters"):
        clean_short("z" * 501, "reason")


def test_wrappers_are_single_line_except_notes() -> None:
    assert clean_name("Ann\nLee") == "Ann Lee"
    assert clean_title("A\tB") == "A B"
    assert clean_short("A\nB", "place") == "A B"
    assert clean_note("A\nB") == "A\nB"


# --- naughty strings and properties --------------------------------------


def test_naughty_strings_come_out_safe() -> None:
    strings = naughty_strings()
    assert len(strings) > 500
    for text in strings:
        for multiline in (False, True):
            try:
                cleaned = clean_text(text, multiline=multiline)
            except TextTooLong:
                continue
            assert_safe(cleaned, multiline=multiline)
            assert clean_text(cleaned, multiline=multiline) == cleaned


# Plenty of the characters that matter, mixed with anything at all.
risky = st.sampled_from(list("\x00\x1b\x07\x7f\x85\x9b\r\n\t \u00a0\u2028\ufeff\ud800\u0301e[]") + BIDI)
any_text = st.text(alphabet=st.one_of(risky, st.characters(exclude_categories=[])), max_size=120)


@given(text=any_text, multiline=st.booleans(), limit=st.integers(min_value=0, max_value=150))
def test_clean_text_is_safe_and_idempotent(text: str, multiline: bool, limit: int) -> None:
    try:
        cleaned = clean_text(text, limit=limit, multiline=multiline)
    except TextTooLong as error:
        assert str(error).startswith("The text is ")
        return
    assert len(cleaned) <= limit
    assert_safe(cleaned, multiline=multiline)
    assert clean_text(cleaned, limit=limit, multiline=multiline) == cleaned
