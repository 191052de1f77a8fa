"""Import meetings from another laptop: asks for the path, merges, and asks one plain question
before merging a group that has the same name as one here but another id."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Callable

from textual.screen import Screen

from coprod_meet.domain.errors import UserError
from coprod_meet.services.merge import ImportReport, import_paths

PROMPT = ("Type the path of an archive folder or a meeting file from another laptop, such as "
          "/media/usb/coprod-meet-archive, then press Enter. Several paths can go on one line, with a space "
          "between them.")


def _paths(answer: str) -> list[Path]:
    try:
        parts = shlex.split(answer)
    except ValueError:
        parts = [answer]
    return [Path(p).expanduser() for p in parts if p.strip()]


def start_import(screen: Screen, then: Callable[[], None]) -> None:
    """Ask for paths, import them, say what happened; ``then`` runs once anything changed."""
    from coprod_meet.tui.screens.dialog import ask, confirm

    app = screen.app

    def run(paths: list[Path], merge_groups: bool) -> None:
        def done(report: ImportReport) -> None:
            if report.same_name_groups and not merge_groups:
                ask_to_merge(paths, report)
            else:
                tell(report)

        app.save(lambda: import_paths(app.service, paths, merge_groups=merge_groups), on_saved=done)

    def tell(report: ImportReport) -> None:
        lines = report.lines() or ["Nothing was imported."]
        bad = bool(report.problems)
        app.notify("\n".join(lines), title="Import", severity="warning" if bad else "information", markup=False,
                   timeout=12)
        if report.changed:
            then()

    def ask_to_merge(paths: list[Path], report: ImportReport) -> None:
        names = report.same_name_groups
        which = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        question = (f"The other laptop has {'a group' if len(names) == 1 else 'groups'} called {which}, like "
                    f"{'one' if len(names) == 1 else 'groups'} here, but not the same "
                    f"{'group' if len(names) == 1 else 'groups'}. Merge {'it' if len(names) == 1 else 'them'} "
                    f"into the {'one' if len(names) == 1 else 'ones'} here?")
        detail = ("Yes: their meetings and members join the group here. No: nothing of "
                  f"{'it' if len(names) == 1 else 'them'} is imported.")

        def answered(yes: bool | None) -> None:
            if yes:
                run(paths, True)
            else:
                shown = [line for line in report.lines() if "--merge-groups" not in line]
                report_words = shown or ["Nothing was imported."]
                app.notify("\n".join(report_words), title="Import", markup=False, timeout=12)
                if report.changed:
                    then()

        confirm(question, lambda: answered(True), detail, otherwise=lambda: answered(False))

    def asked(answer: str | None) -> None:
        if answer is None or not answer.strip():
            return
        paths = _paths(answer)
        if not paths:
            app.notify("Please type a path.", severity="warning", markup=False)
            return
        try:
            run(paths, False)
        except UserError as error:  # pragma: no cover - import_paths reports problems in words
            app.notify(str(error), severity="warning", markup=False)

    ask("Import from another laptop", PROMPT, asked)
