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


def ready_made() -> list[tuple[Path, Template]]:
    """Every template in the ready-made folder that can be read, by title.

    An example meeting (a file that names a date) is left out: it is a meeting, not a template.
    """
    found = []
    for path in sorted(templates_dir().glob("*.toml")):
        try:
            template = load_template(path)
        except TemplateProblem:
            continue
        if not template.when:
            found.append((path, template))
    return sorted(found, key=lambda pair: pair[1].title.lower())
