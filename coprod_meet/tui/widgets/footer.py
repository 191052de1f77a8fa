"""The keys of the screen at the bottom: Textual's own Footer, as it is.

Every screen shows its keys with plain labels (each binding has a short ``description``). At 80
columns not every key fits on the line; F1 lists every key of the screen (see
``HelpfulScreen.help_keys``), so a key the footer cannot show is never hidden from the person.
"""

from textual.widgets import Footer

__all__ = ["Footer"]
