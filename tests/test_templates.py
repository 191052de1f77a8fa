"""Templates in meetings/: every ready-made one reads, and broken ones say which line to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_meet.domain.model import ItemKind, Member, VoiceGroup
from coprod_meet.domain.templates import TemplateProblem, agenda_from, parse_template, resolve_lead
from coprod_meet.services.templates import load_template, ready_made, templates_dir
from tests.conftest import naughty_strings

MEETINGS = Path(__file__).resolve().parents[1] / "meetings"
STANDING = {"welcome", "apologies", "matters_arising", "you_said_we_did", "aob", "how_did_today_go"}


def test_the_ready_made_templates_are_there_and_read() -> None:
    assert templates_dir() == MEETINGS
    names = {path.name for path, _t in ready_made()}
    assert {"co-production-group.toml", "board-co-chaired.toml", "first-meeting.toml"} <= names
    assert "example-meeting.toml" not in names  # a meeting with a date, not a template
    for path, template in ready_made():
        assert template.title and template.items, path
        assert template.agenda_minutes <= template.length_minutes, f"{path.name} does not fit its own length"
        standing = {i.standing for i in template.items}
        if path.name != "first-meeting.toml":
            assert STANDING <= standing, f"{path.name} misses {STANDING - standing}"


def test_the_group_template_has_every_standing_item_including_minutes() -> None:
    template = load_template(MEETINGS / "co-production-group.toml")
    assert [i.standing for i in template.items if i.standing] == [
        "welcome", "apologies", "minutes", "matters_arising", "you_said_we_did", "aob", "how_did_today_go",
    ]
    assert template.length_minutes == 120


def test_the_first_meeting_template_has_sub_items() -> None:
    template = load_template(MEETINGS / "first-meeting.toml")
    rules = next(i for i in template.items if i.title == "How we will work together")
    assert [s.title for s in rules.subs] == ["Ground rules", "Traffic-light cards", "How we are named in the minutes"]
    agenda = agenda_from(template, (), ())
    sub = next(i for i in agenda if i.title == "Ground rules")
    assert sub.parent_id == next(i for i in agenda if i.title == "How we will work together").id


def test_the_example_meeting_names_its_group_date_people_and_papers() -> None:
    t = load_template(MEETINGS / "example-meeting.toml")
    assert (t.group, t.when, t.co_chairs, t.roles) == (
        "Better Together Board", "Thursday 12 March 2026 at 2pm", ("Hayley", "Jo"), (("note_taker", "Mary"),),
    )
    breaks = next(i for i in t.items if i.title == "Carers' breaks")
    assert breaks.kind is ItemKind.DECISION
    assert breaks.papers[0].sent == "2026-03-10"


def test_leads_are_found_by_words_or_by_name() -> None:
    hayley = Member(name="Hayley", voice_group=VoiceGroup.LIVED)
    jo = Member(name="Jo", full_name="Jo Clark", voice_group=VoiceGroup.PROFESSIONAL)
    members, chairs = (hayley, jo), (jo.id, hayley.id)
    assert resolve_lead("lived experience co-chair", members, chairs) == hayley.id
    assert resolve_lead("Other co-chair", members, chairs) == jo.id
    assert resolve_lead("jo clark", members, chairs) == jo.id
    assert resolve_lead("nobody", members, chairs) == ""
    assert resolve_lead("lived experience co-chair", members, ()) == ""


BROKEN = [
    ('title = "Board"\n[[item]]\ntitle = "Welcome"\nminutes = = 5\n', 4, "has a mistake on line 4"),
    ('title = "Board"\n\n[[item]\ntitle = "x"\n', 3, "has a mistake on line 3"),
    ('title = "Board"\n[[item]]\ntitle = "A"\n[[item]]\ntitle = "B"\nkind = "chat"\n', 6,
     '"chat" is not a kind of item I know'),
    ('title = "Board"\n[[item]]\ntitle = "A"\nminutes = "ages"\n', 4, 'I could not understand "ages"'),
    ('title = "Board"\n[[item]]\ntitle = "A"\nminutes = -5\n', 4, "should be a number of minutes"),
    ('title = "Board"\ntittle = "x"\n', 2, '"tittle", which I do not know'),
    ('title = "Board"\n[[item]]\nkind = "decision"\n', 2, "Item 1 needs a title"),
    ("about = 'no title'\n", 1, "it needs a title"),
    ('title = "Board"\n[[item]]\ntitle = "A"\nstanding = "tea"\n', 4, '"tea" is not a standing item'),
    ('title = "Board"\n[[item]]\ntitle = "A"\n[[item.paper]]\ntitle = "P"\nsent = "next week"\n', 6,
     "should be written like 2026-03-10"),
    ('title = "Board"\nco_chairs = "Hayley"\n', 2, "list of names"),
    ('title = "Board"\n[roles]\nboss = "Jo"\n', 3, "not a role I know"),
    ('title = 5\n', 1, '"title" should be text in quotes'),
    ('title = "Board"\nitem = 3\n', 2, "its own [[item]] line"),
]


@pytest.mark.parametrize(("text", "line", "words"), BROKEN)
def test_a_broken_template_names_the_file_and_the_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateProblem) as caught:
        load_template(path)
    message = str(caught.value)
    assert message.startswith("The template broken.toml has a")
    assert f"line {line}" in message
    assert words in message
    assert "\n" not in message and "Traceback" not in message


def test_files_that_are_not_templates_get_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(TemplateProblem, match="There is no template file"):
        load_template(tmp_path / "missing.toml")
    with pytest.raises(TemplateProblem, match="is a folder"):
        load_template(tmp_path)
    binary = tmp_path / "picture.toml"
    binary.write_bytes(b'title = "x"\n\xff\xfe\n')
    with pytest.raises(TemplateProblem, match="line 2 that is not UTF-8"):
        load_template(binary)


def test_naughty_titles_are_read_as_plain_text_or_refused_plainly() -> None:
    for text in naughty_strings():
        quoted = text.replace("\\", "\\\\").replace('"', '\\"')
        source = f'title = "Board"\n[[item]]\ntitle = "{quoted}"\nsummary = "{quoted}"\n'
        try:
            template = parse_template(source, "naughty.toml")
        except TemplateProblem as error:
            assert str(error).startswith("The template naughty.toml has a")
            continue
        item = template.items[0] if template.items else None
        assert item is None or "\x1b" not in item.title
