"""Meeting templates on disk: the ready-made ones in ``meetings/`` and any file a person gives.

Reading the TOML is pure (``coprod_meet.domain.templates``); this module finds and opens files.
"""

from __future__ import annotations

from pathlib import Path

from coprod_meet.domain.errors import UserError
from coprod_meet.domain.templates import Template, TemplateProblem, parse_template

_PACKAGE = Path(__file__).resolve().parents[1]
# In a checkout (and an editable install) the templates sit next to the package; an installed
# wheel carries a copy inside the package.
TEMPLATE_DIRS = (_PACKAGE.parent / "meetings", _PACKAGE / "meetings")
MAX_TEMPLATE_BYTES = 1_000_000


def templates_dir() -> Path:
    """The folder of ready-made templates."""
    return next((d for d in TEMPLATE_DIRS if d.is_dir()), TEMPLATE_DIRS[0])


def user_templates_dir() -> Path:
    """The person's own templates: ``templates`` in their config folder (~/.config/coprod-meet)."""
    from platformdirs import user_config_dir

    from coprod_meet.storage.archive import APP_NAME

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "templates"


def template_folders() -> list[Path]:
    """Where templates are found by name: the ready-made folder, then the person's own."""
    return [templates_dir(), user_templates_dir()]


def find_template(name_or_path: Path | str) -> Path:
    """The template file a person means: a path to a file, or the name of a ready-made template
    or one of their own ("board-co-chaired", "board-co-chaired.toml"), from any folder.

    Raises :class:`TemplateProblem` with the names there are when neither is found.
    """
    path = Path(name_or_path).expanduser()
    if path.exists() or len(path.parts) > 1:
        return path
    stem = path.name.removesuffix(".toml")
    for folder in template_folders():
        candidate = folder / f"{stem}.toml"
        if stem and candidate.is_file():
            return candidate
    names = ", ".join(sorted({p.stem for folder in template_folders() if folder.is_dir()
                              for p in folder.glob("*.toml")})) or "none"
    raise TemplateProblem(
        f"There is no template file or ready-made template called {path.name}; give the path to a .toml file, "
        f"or one of these names: {names}."
    )


def load_template(path: Path | str) -> Template:
    """Read one template file. Raises :class:`TemplateProblem` with one plain sentence."""
    path = Path(path)
    return parse_template(read_text(path), path.name)


def read_text(path: Path, kind: str = "template", problem: type[UserError] = TemplateProblem,
              what_for: str = "a meeting plan") -> str:
    """A small TOML file's text, or one plain sentence (naming the ``kind`` of file) on why not."""
    name = path.name
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise problem(f"The {kind} {name} is too big to be {what_for}; please check the file.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise problem(f"There is no {kind} file at {path}; please check the name and folder.") from None
    except IsADirectoryError:
        raise problem(f"{path} is a folder; please give a {kind} file ending in .toml.") from None
    except OSError as error:
        raise problem(f"I could not open the {kind} {name} ({error.strerror}); please check the file.") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise problem(
            f"The {kind} {name} has a character on line {line} that is not UTF-8 text; "
            "please save it as UTF-8 and try again."
        ) from None


def ready_made(*, own: bool = False) -> list[tuple[Path, Template]]:
    """Every template in the ready-made folder (and with ``own``, the person's own folder) that
    can be read, by title.

    An example meeting (a file that names a date) is left out: it is a meeting, not a template.
    """
    found = []
    folders = template_folders() if own else [templates_dir()]
    for path in sorted(p for folder in folders if folder.is_dir() for p in folder.glob("*.toml")):
        try:
            template = load_template(path)
        except TemplateProblem:
            continue
        if not template.when:
            found.append((path, template))
    return sorted(found, key=lambda pair: pair[1].title.lower())
