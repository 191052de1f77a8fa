"""Plain English goals on the demo meetings, and the readability report itself."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod_meet.minutes.compose import compose, lower_first, whole_percents
from coprod_meet.minutes.glossary import Term, shipped
from coprod_meet.minutes.readability import measure, report, split_sentences, words_of
from coprod_meet.services.demo import build_demo

_GROUPS, DEMO = build_demo(meetings=12, seed=3)


@pytest.mark.parametrize("index", range(len(DEMO)))
def test_demo_minutes_meet_the_plain_english_goals(index: int) -> None:
    meeting, events = DEMO[index]
    for copy in ("members", "public"):
        members = report(compose(meeting, events, copy=copy))
        assert members.longest_words <= 25, members.longest
        assert members.average <= 20
        assert members.flesch >= 60
        easy = report(compose(meeting, events, copy=copy, easy_read=True))
        assert easy.longest_words <= 15, easy.longest
        assert easy.meets_goals


def test_report_lists_long_sentences_and_jargon_with_plain_words() -> None:
    long = " ".join(["word"] * 30) + "."
    result = measure([f"We talked about respite and commissioning. {long}"])
    assert result.sentences == 2 and result.longest_words == 30
    assert result.over_limit == (long,)
    assert ("respite", "a short break") in result.jargon
    assert ("commissioning", "buying services") in result.jargon
    assert not result.meets_goals
    lines = result.lines()
    assert "Sentences over 25 words (1):" in lines
    assert "  - respite: a short break" in lines
    easy = measure(["One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen."],
                   easy_read=True)
    assert easy.limit == 15 and len(easy.over_limit) == 1


def test_flesch_is_high_for_plain_words_and_low_for_jargon() -> None:
    plain = measure(["We met today. We talked about buses. Jo will ask the council."])
    hard = measure(["Multidisciplinary stakeholders operationalised integrated commissioning "
                    "pathways, notwithstanding eligibility considerations."])
    assert plain.flesch > 80 > 20 > hard.flesch


def test_sentences_split_after_stops_and_at_line_breaks() -> None:
    assert split_sentences("One. Two! Three? Four\nFive “six.” Seven") == \
        ["One.", "Two!", "Three?", "Four", "Five “six.”", "Seven"]
    assert words_of("7 for, 1 against — done.") == ["7", "for,", "1", "against", "done."]


def test_the_glossary_has_the_common_words_with_short_meanings() -> None:
    glossary = shipped()
    for word in ("respite", "commissioning", "eligibility", "safeguarding", "assessment", "discharge",
                 "advocacy", "direct payments", "co-production", "stakeholder", "outcomes", "pathway"):
        term = glossary.get(word)
        assert term is not None, word
        assert len(words_of(term.explained())) <= 15, term.explained()
    assert glossary.get("Commissioners").word == "commissioning"
    assert [t.word for t in glossary.find("Direct payments and a direct payment, and RESPITE")] == \
        ["direct payments", "respite"]


@given(st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), st.floats(0, 1000), min_size=1))
def test_whole_percents_add_up_to_100(shares: dict[str, float]) -> None:
    result = whole_percents(shares)
    if sum(shares.values()):
        assert sum(result.values()) == 100
        for key, value in shares.items():
            assert abs(result[key] - value * 100 / sum(shares.values())) < 1
    else:
        assert set(result.values()) == {0}


def test_lower_first_keeps_names_and_capitals() -> None:
    assert lower_first("Breaks should include evenings.") == "breaks should include evenings."
    assert lower_first("I needed more time") == "I needed more time"
    assert lower_first("NHS letters are late") == "NHS letters are late"
    assert lower_first("Tuesday is best") == "Tuesday is best"
    assert lower_first("Priya asked", keep={"Priya"}) == "Priya asked"


def test_syllable_rules_agree_with_the_cmu_dictionary_on_demo_minutes() -> None:
    """textstat 0.7.8 counts syllables from the CMU dictionary; our rules must agree closely."""
    import textstat

    from coprod_meet.minutes.readability import syllables

    words = []
    for meeting, events in DEMO[:4]:
        for easy in (False, True):
            doc = compose(meeting, events, easy_read=easy)
            words += ["".join(c for c in w.lower() if c.isalpha()) for t in doc.prose()
                      for s in split_sentences(t) for w in words_of(s)]
    words = [w for w in words if w]
    ours = [syllables(w) for w in words]
    theirs = [max(1, textstat.syllable_count(w)) for w in words]
    agree = sum(a == b for a, b in zip(ours, theirs)) / len(words)
    assert agree >= 0.95
    # Within 3%, and not fewer: fewer syllables would make the Flesch score look better than it is.
    assert 1.0 <= sum(ours) / sum(theirs) < 1.03
    for word, count in [("respite", 2), ("experience", 4), ("agreed", 2), ("centre", 2), ("asked", 1),
                        ("makes", 1), ("January", 4), ("carers", 2), ("2026", 1)]:
        assert syllables(word) == count, word


_PIECES = st.sampled_from(["respite", "Respite care", "RESPITE", "direct payment", "direct payments", "co-production",
                           "commissioner", "commissioners", "mdt", "MDT", "care", " ", "  ", "-", "_", "\n", ".",
                           "“", "a", "é", "7", "\u0130", "\u0131", "\u017f", "\u212a", "ſafeguarding", "İntegration",
                           "ıntegrated", "Kapacity", "capacıty", "x"])


@given(st.lists(_PIECES, max_size=25).map("".join))
def test_finding_glossary_words_agrees_with_the_regex_search(text: str) -> None:
    """find() searches plain strings when it can; it must find what a whole-word, any-case regex finds."""
    glossary = shipped()
    expected = list(dict.fromkeys(glossary.get(s) for s in glossary.matches(text)))
    assert glossary.find(text) == expected
    with_meeting_words = glossary.with_terms([Term("Kühlschrank", "", "a fridge"), Term("mdt meeting", "", "x")])
    expected = list(dict.fromkeys(with_meeting_words.get(s) for s in with_meeting_words.matches(text + " kühlschrank")))
    assert with_meeting_words.find(text + " kühlschrank") == expected


def test_glossary_words_are_found_whole_and_in_any_case() -> None:
    glossary = shipped()
    assert [t.word for t in glossary.find("ſafeguarding, İntegration and ıntegration")] == \
        ["safeguarding", "integrated"]
    assert glossary.find("pre-respite, respite_care, respites") == []
    assert [t.word for t in glossary.find("respite care; Respite.")] == ["respite"]


_TEXT = st.lists(st.sampled_from(["word", "Two", "7", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\x1c", ".", "!", "?",
                                  "”", "’", ")", "]", '"', "'", "“", "—", "_", "-", ",", "é", "\u2028"]),
                 max_size=40).map("".join)


@given(_TEXT)
def test_sentences_and_words_split_as_the_plain_rules_say(text: str) -> None:
    """The fast patterns give what the plain rules give: split after . ! ? (maybe with a closing
    quote or bracket) and at line breaks; words are pieces between spaces with a letter or digit."""
    import re

    rule = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"'”’)\]])\s+|\n+")
    has_word = re.compile(r"[^\W_]")
    assert split_sentences(text) == [s.strip() for s in rule.split(text) if s and has_word.search(s)]
    assert words_of(text) == [w for w in text.split() if has_word.search(w)]
