"""The baseline every benchmark measures against: a bare Textual app (Header, Label, Footer)
that exits as soon as its first screen is drawn. Run it with ``python -c BARE_APP``."""

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
