"""The baseline every benchmark measures against: a bare Textual app (Header, Label, Footer).

``BARE_APP`` exits as soon as its first screen is drawn, headless; run it with
``python -c BARE_APP``. ``BARE_IN_A_TERMINAL`` is the same app run as a person runs a program in a
terminal (it shows ``BARE_WORDS`` and waits for Ctrl+Q); ``bench/startup.py`` starts it in a
pseudo-terminal the same way as the real ``coprod-meet`` command.

``as_installed()`` compiles coprod-meet's bytecode first, as ``pip install`` does for an installed
package (and ``make setup`` does for this checkout). Textual's bytecode was compiled when pip
installed it, so without this step our modules would be compiled from source on every start
wherever ``PYTHONDONTWRITEBYTECODE`` is set, and the comparison would not be like for like.
"""

import compileall
from pathlib import Path

BARE_WORDS = "Hello"

_BARE = f"""
from textual.app import App
from textual.widgets import Footer, Header, Label

class Bare(App):
    def compose(self):
        yield Header()
        yield Label({BARE_WORDS!r})
        yield Footer()
"""

BARE_APP = _BARE + """
    def on_mount(self):
        self.call_after_refresh(self.exit)

Bare().run(headless=True, size=(80, 24))
"""

BARE_IN_A_TERMINAL = _BARE + """
Bare().run()
"""


def as_installed() -> None:
    """Compile coprod_meet's bytecode, as an installed copy has it."""
    package = Path(__file__).resolve().parents[1] / "coprod_meet"
    compileall.compile_dir(str(package), quiet=1)
