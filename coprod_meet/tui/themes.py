"""Our own high-contrast themes. Every text/background pair the app uses is at least 7:1."""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST_DARK = Theme(
    name="high-contrast-dark",
    primary="#FFD700",  # gold on black: 14.9:1
    secondary="#7FDBFF",
    accent="#FFD700",
    warning="#FFB000",
    error="#FF8080",
    success="#7CFC00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#1A1A1A",
    dark=True,
    variables={
        "footer-key-foreground": "#FFD700",
        "footer-description-foreground": "#FFFFFF",
        "footer-background": "#000000",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFD700",
        "block-cursor-text-style": "bold",
        "input-cursor-foreground": "#000000",
        "input-cursor-background": "#FFFFFF",
        "border": "#FFFFFF",
        "border-blurred": "#BBBBBB",
        "scrollbar": "#BBBBBB",
        "scrollbar-background": "#000000",
        "text-muted": "#E0E0E0",
    },
)

HIGH_CONTRAST_LIGHT = Theme(
    name="high-contrast-light",
    primary="#00307A",  # dark blue on white: 12.4:1
    secondary="#5A0070",
    accent="#00307A",
    warning="#6B3A00",
    error="#9B0000",
    success="#004D00",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#F0F0F0",
    boost="#F0F0F0",
    dark=False,
    variables={
        "footer-key-foreground": "#00307A",
        "footer-description-foreground": "#000000",
        "footer-background": "#FFFFFF",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-background": "#00307A",
        "block-cursor-text-style": "bold",
        "input-cursor-foreground": "#FFFFFF",
        "input-cursor-background": "#000000",
        "border": "#000000",
        "border-blurred": "#333333",
        "scrollbar": "#333333",
        "scrollbar-background": "#FFFFFF",
        "text-muted": "#1A1A1A",
    },
)

THEMES = {t.name: t for t in (HIGH_CONTRAST_DARK, HIGH_CONTRAST_LIGHT)}
DEFAULT_THEME = HIGH_CONTRAST_DARK.name
