"""Keys as a fast typist or a paste sends them: all at once, none waiting for the one before.

``pilot.press`` waits for the app to go idle after each key, which hides what goes wrong when
keys arrive in one burst (a key landing in the box it was typed after, not the one it was for).
"""

from __future__ import annotations

from textual import events


def burst(app, *keys: str) -> None:
    """Every key handed to the app's driver at once, as a terminal passes on a paste."""
    for key in keys:
        character = key if len(key) == 1 else {"tab": "\t", "enter": "\r"}.get(key)
        key = {" ": "space", ".": "full_stop"}.get(key, key)
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)


async def typed(app, pilot, *keys: str) -> None:
    """A burst of keys, then wait until the app has dealt with all of them."""
    burst(app, *keys)
    await pilot.pause()
    await pilot.pause()
