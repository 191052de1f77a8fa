"""The meeting screen stays quick over a long meeting: one box for its questions, kept and reused;
only changed words drawn again; the footer shows the Pass key only during a go-round; no garbage
loops from Textual's drawing; full garbage collections at calm moments (see tui/textual_compat.py;
timings are in bench/keys.py)."""

from __future__ import annotations

import gc
import weakref

from rich.segment import Segment
from textual.app import App
from textual.color import Color
from textual.strip import Strip

from coprod_meet.services.live import LiveMeeting
from coprod_meet.tui.app import CoprodMeetApp
from coprod_meet.tui.screens.dialog import DialogScreen
from coprod_meet.tui.screens.live import LiveScreen
from coprod_meet.tui.widgets.footer import Footer
from coprod_meet.tui.widgets.words import Words
from tests.conftest import naughty_strings
from tests.scenario import ID, Clock, save_board


def _started(service, *names: str) -> str:
    meeting_id = save_board(service).id
    live = LiveMeeting.open(service, meeting_id, clock=Clock())
    for name in names:
        live.set_attendance(ID[name], "present")
    live.start()
    return meeting_id


async def _open(app: CoprodMeetApp, pilot, meeting_id: str) -> LiveScreen:
    app.push_screen(LiveScreen(meeting_id))
    await pilot.pause()
    assert isinstance(app.screen, LiveScreen)
    return app.screen


def _words(screen, selector: str) -> str:
    return screen.query_one(selector, Words).words


async def test_a_chain_of_questions_stays_in_one_box_that_is_kept_for_next_time(service) -> None:
    meeting_id = _started(service, "Hayley", "Jo", "Sam")
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, meeting_id)
        depth = len(app.screen_stack)
        await pilot.press("k")
        await pilot.pause()
        box = app.screen
        assert isinstance(box, DialogScreen) and len(app.screen_stack) == depth + 1
        await pilot.press("1")  # red card: the same box now asks whose
        await pilot.pause()
        assert app.screen is box and len(app.screen_stack) == depth + 1
        assert "Red card: whose?" in str(box.query_one("#dialog-title").render())
        await pilot.press("4")  # Sam (number 4): the same box now asks for the word
        await pilot.pause()
        assert app.screen is box and box.query_one("#dialog-input").display
        assert not box.query_one("#dialog-list").display
        await pilot.press(*"respite", "enter")
        await pilot.pause()
        assert app.screen is screen and len(app.screen_stack) == depth
        assert "RED card: Sam does not understand 'respite'" in _words(screen, "#live-alerts")
        await pilot.press("k")  # the same box again, back to choosing, nothing typed left over
        await pilot.pause()
        assert app.screen is box and box.query_one("#dialog-list").display
        assert not box.query_one("#dialog-input").display
        assert str(box.query_one("#dialog-keys").render()) == ""
        await pilot.press("escape")  # cancelled: nothing happens
        await pilot.pause()
        assert app.screen is screen
        assert [c.colour for c in screen.live.state.open_cards] == ["red"]
        await app.workers.wait_for_complete()


async def test_the_box_helps_with_the_question_it_asks(service) -> None:
    meeting_id = _started(service, "Hayley", "Jo", "Sam")
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(app, pilot, meeting_id)
        await pilot.press("k", "1")
        await pilot.pause()
        assert "Press the number of your choice" in app.screen.HELP
        await pilot.press("4")
        await pilot.pause()
        assert "Type your answer and press Enter" in app.screen.HELP
        await pilot.press("f1")
        await pilot.pause()
        assert "Type your answer and press Enter" in str(app.screen.query_one("#help-text").render())


async def test_the_screen_under_a_box_catches_up_when_the_box_closes(service) -> None:
    meeting_id = _started(service, "Hayley", "Jo", "Sam")
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, meeting_id)
        assert _words(screen, "#live-queue-title").startswith("Queue: nobody is waiting.")
        await pilot.press("k")
        await pilot.pause()
        screen.do(lambda: screen.live.queue_add(ID["Sam"]))  # as a box's answer would
        await pilot.pause()
        assert _words(screen, "#live-queue-title").startswith("Queue: nobody is waiting.")
        await pilot.press("escape")
        await pilot.pause()
        assert _words(screen, "#live-queue-title").startswith("Queue: 1 waiting.")
        await app.workers.wait_for_complete()


class _WordsApp(App):
    CSS = "Words { width: 30; }"

    def compose(self):
        yield Words("One line.", id="words")


async def test_words_change_only_when_different_and_grow_or_shrink_with_their_lines() -> None:
    app = _WordsApp()
    async with app.run_test(size=(40, 10)) as pilot:
        words = app.query_one(Words)
        await pilot.pause()
        assert words.size.height == 1
        assert not words.show("One line.")  # the same words: nothing to draw
        assert words.show("Now these words are too many for one line of thirty.")
        await pilot.pause()
        assert words.size.height == 2
        assert words.show("Two words.")
        await pilot.pause()
        assert words.size.height == 1 and str(words.render()) == "Two words."
        for naughty in naughty_strings()[:60]:  # never read as markup
            words.show(naughty)
            assert str(words.render()) == naughty


async def test_a_go_round_adds_and_takes_away_only_the_pass_key(service) -> None:
    meeting_id = _started(service, "Hayley", "Jo", "Sam")
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, meeting_id)
        await pilot.pause()

        def shown() -> list[str]:
            return [key.description for key in screen.query_one(Footer).query("FooterKey")]

        before = shown()
        assert "Pass" not in before
        for _ in range(2):
            await pilot.press("g")
            await pilot.pause()
            during = shown()
            assert during == [  # in a go-round: Pass instead of Next item
                "Next speaker", "Pass", "Card", "Decision", "End meeting", "Quit", "Help"]
            assert [k for k in during if k != "Pass"] == [k for k in before if k != "Next item"]  # the same keys
            await pilot.press("g")
            await pilot.pause()
            assert shown() == before
        await app.workers.wait_for_complete()


def test_a_widget_s_styles_cache_is_not_kept_after_the_widget_goes() -> None:
    from textual._styles_cache import StylesCache

    cache = StylesCache()
    inner, outer = cache.get_inner_outer(Color(10, 20, 30), Color(200, 100, 50, 0.5))
    assert inner != outer
    gone = weakref.ref(cache)
    del cache
    assert gone() is None  # Textual's lru_cache kept the last 1,024 of them


def test_a_strip_cut_to_itself_does_not_hold_itself() -> None:
    strip = Strip([Segment("Hello "), Segment("world")])
    assert strip.divide([11]) == [strip]
    assert strip.crop_extend(0, 11, None) is strip
    assert strip._divide_cache.get((11,)) is None and strip._crop_extend_cache.get((0, 11, None)) is None
    assert [s.text for s in strip.divide([6, 11])] == ["Hello ", "world"]  # other cuts as before
    assert strip.crop_extend(0, 13, None).text == "Hello world  "


def test_a_strip_makes_its_caches_only_when_it_uses_them() -> None:
    from textual.cache import FIFOCache

    def caches(strip: Strip) -> int:
        return sum(isinstance(o, FIFOCache) for o in gc.get_referents(strip))

    strip = Strip([Segment("Hello "), Segment("world")])
    assert caches(strip) == 0
    assert strip.crop(0, 5).text == "Hello" and strip.crop(0, 5) is strip.crop(0, 5)  # kept, as before
    assert caches(strip) == 1
    assert strip.cell_length == 11 and strip.text == "Hello world"


async def test_full_garbage_collections_wait_for_a_calm_moment_while_the_meeting_screen_is_up(service) -> None:
    meeting_id = _started(service, "Hayley", "Jo")
    python_own = gc.get_threshold()
    app = CoprodMeetApp(service, clock=Clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, meeting_id)
        await pilot.pause()
        assert gc.get_threshold()[2] == python_own[2] * 10 and gc.get_freeze_count() > 0
        screen.tick()  # the clock tick runs a full collection once one is due
        assert gc.get_count()[2] < python_own[2]
        await pilot.press("escape")  # back to the list: Python's own rhythm again
        await pilot.pause()
        assert gc.get_threshold() == python_own


def _what_a_person_sees(strips) -> list[tuple[object, ...]]:
    """Each cell: its character, its background and, where something is drawn, how."""
    cells = []
    for strip in strips:
        for segment in strip:
            style = segment.style
            for char in segment.text:
                if style is None:
                    cells.append((char,))
                    continue
                background, foreground = ((style.color, style.bgcolor) if style.reverse
                                          else (style.bgcolor, style.color))
                drawn = (str(foreground), style.bold, style.italic, style.dim) if char != " " else ()
                cells.append((char, str(background), style.underline, style.strike, *drawn))
    return cells


async def test_containers_drawn_as_background_look_the_same(tmp_path, monkeypatch) -> None:
    from coprod_meet.services.archive import ArchiveService
    from coprod_meet.tui.widgets.containers import Column, Row

    seen = []
    for blank in (False, True):
        monkeypatch.setattr(Row, "BLANK", blank)
        monkeypatch.setattr(Column, "BLANK", blank)
        with ArchiveService.open(tmp_path / f"archive-{blank}") as service:
            meeting_id = _started(service, "Hayley", "Jo", "Sam")
            app = CoprodMeetApp(service, clock=Clock())
            async with app.run_test(size=(80, 24)) as pilot:
                await _open(app, pilot, meeting_id)
                await pilot.press("3", "4", "g", "n")
                await app.workers.wait_for_complete()
                await pilot.pause()
                app.clear_notifications()
                await pilot.pause()
                seen.append(_what_a_person_sees(app.screen._compositor.render_strips()))
    assert len(seen[0]) == 80 * 24 and seen[0] == seen[1]
