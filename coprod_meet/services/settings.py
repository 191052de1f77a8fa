"""The person's own settings: theme, keys, cursor blink. A small TOML file they can edit.

    # ~/.config/coprod-meet/settings.toml
    theme = "high-contrast-light"
    cursor_blink = false

    [keys]                      # binding id = key(s)
    "meetings.search" = "f"

A file that will not parse is never overwritten: we say so in one sentence and use defaults.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from coprod_meet.domain.text import clean_short
from coprod_meet.storage.durable import atomic_write, ensure_private_dir

APP_NAME = "coprod-meet"


def default_settings_path() -> Path:
    env = os.environ.get("COPROD_MEET_SETTINGS")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "settings.toml"


@dataclass
class Settings:
    theme: str = ""
    cursor_blink: bool = False
    keys: dict[str, str] = field(default_factory=dict)
    path: Path | None = None
    problem: str = ""  # one plain sentence when the file could not be used

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or default_settings_path()
        settings = cls(path=path)
        try:
            text = path.read_text(encoding="utf-8")
            import tomllib  # only when there is a file to read (most people have none)

            data = tomllib.loads(text)
        except FileNotFoundError:
            return settings
        except (OSError, UnicodeDecodeError, ValueError) as error:  # tomllib.TOMLDecodeError is a ValueError
            settings.problem = (
                f"Your settings file {path} could not be read ({error}); "
                "the app is using its defaults until you fix or remove it."
            )
            return settings
        theme = data.get("theme", "")
        settings.theme = theme if isinstance(theme, str) else ""
        settings.cursor_blink = data.get("cursor_blink") is True
        keys = data.get("keys", {})
        if isinstance(keys, dict):
            settings.keys = {
                clean_short(k, "binding id"): clean_short(v, "key")
                for k, v in keys.items()
                if isinstance(k, str) and isinstance(v, str)
            }
        return settings

    def to_toml(self) -> str:
        lines = ["# coprod-meet settings. You can edit this file; the app reads it when it starts.", ""]
        if self.theme:
            lines.append(f"theme = {json.dumps(self.theme)}")
        lines.append(f"cursor_blink = {'true' if self.cursor_blink else 'false'}")
        if self.keys:
            lines += ["", "[keys]"]
            lines += [f"{json.dumps(k)} = {json.dumps(v)}" for k, v in sorted(self.keys.items())]
        return "\n".join(lines) + "\n"

    def save(self) -> None:
        """Write the settings durably — but never over a file we could not read."""
        if self.path is None or self.problem:
            return
        ensure_private_dir(self.path.parent)
        atomic_write(self.path, self.to_toml().encode("utf-8"))
