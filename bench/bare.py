"""The baseline every benchmark measures against: a bare Textual app (Header, Label, Footer)
that exits as soon as its first screen is drawn. Run it with ``python -c BARE_APP``.

``as_installed()`` compiles coprod-meet's bytecode first, as ``pip install`` does for an installed
package (and ``make setup`` does for this checkout). Textual's bytecode was compiled when pip
installed it, so without this step our modules would be compiled from source on every start
wherever ``PYTHONDONTWRITEBYTECODE`` is set, and the comparison would not be like for like.
"""

import compileall
from pathlib import Path

BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Label

class Bare(App):
    def compose(self):
        yield Header()
        yield Label("Hello")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.exit)

Bare().run(headless=True, size=(80, 24))
"""


def as_installed() -> None:
    """Compile coprod_meet's bytecode, as an installed copy has it."""
    package = Path(__file__).resolve().parents[1] / "coprod_meet"
    compileall.compile_dir(str(package), quiet=1)
