"""Textual used as it is: nothing of Textual is replaced at run time, no garbage-collector tuning,
and the few parts of Textual that Textual keeps to itself are used in one module only, which refuses
a Textual it was not written for."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from importlib.metadata import version
from pathlib import Path

import pytest

import coprod_meet.tui
from coprod_meet.tui import textual_compat

ROOT = Path(__file__).resolve().parents[1]
COMPAT = "coprod_meet.tui.textual_compat"
FUNCTIONS = (property, staticmethod, classmethod, type(lambda: None))


PACKAGE = ROOT / "coprod_meet"


def _tui_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(coprod_meet.tui.__path__, "coprod_meet.tui.")]


def test_no_private_part_of_textual_is_imported_or_assigned_outside_the_compatibility_module() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        if name == COMPAT:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        textual_names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("textual", "rich"):
                if any(part.startswith("_") for part in node.module.split(".")):
                    found.append(f"{name} imports {node.module}")
                textual_names.update(alias.asname or alias.name for alias in node.names)
            elif isinstance(node, ast.Import) and any(alias.name == "gc" for alias in node.names):
                found.append(f"{name} tunes the garbage collector")
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else []
            for target in targets:
                if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) \
                        and target.value.id in textual_names:
                    found.append(f"{name} replaces {target.value.id}.{target.attr}")
    assert found == []


def test_no_class_of_ours_outside_the_compatibility_module_overrides_a_private_part_of_textual() -> None:
    found = []
    for name in _tui_modules():
        if name == COMPAT:
            continue
        module = importlib.import_module(name)
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != name:
                continue
            for attr, value in vars(cls).items():
                private = attr.startswith("_") and not attr.startswith("__") or "__" in attr.strip("_")
                if not private or not isinstance(value, FUNCTIONS):
                    continue
                if any(base.__module__.startswith("textual") and attr in vars(base) for base in cls.__mro__[1:]):
                    found.append(f"{name}.{cls.__name__}.{attr}")
    assert found == []


def test_the_compatibility_module_is_for_the_textual_the_project_pins() -> None:
    pin = re.search(r'"textual==([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pin is not None and pin.group(1) == textual_compat.WRITTEN_FOR == version("textual") == textual_compat.installed()


def test_another_textual_is_refused_in_a_plain_sentence() -> None:
    textual_compat.check(textual_compat.WRITTEN_FOR)  # the one it was written for: fine
    with pytest.raises(RuntimeError) as refused:
        textual_compat.check("9.0.0")
    message = str(refused.value)
    assert message.startswith(f"coprod-meet was written for Textual {textual_compat.WRITTEN_FOR}, "
                              "but Textual 9.0.0 is installed")
    assert "pip install textual==" in message and "\n" not in message
