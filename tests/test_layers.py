"""The layering core ← news ← reports ← search ← config, checked on every module's imports.

A lower app importing a higher one (even inside a function) would make the apps impossible
to read, test or reuse bottom-up, so the rule is enforced here rather than by convention.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["core", "news", "reports", "search", "config"]
FORBIDDEN = {app: set(LAYERS[index + 1 :]) for index, app in enumerate(LAYERS)}


def imported_modules(path: Path, root: Path = ROOT) -> set[str]:
    """Absolute names of every module `path` imports, at any depth (functions included)."""
    package = list(path.relative_to(root).with_suffix("").parts[:-1])
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            if node.module:
                names.add(".".join([*base, node.module]))
            else:  # "from .. import search": each name may be a module
                names.update(".".join([*base, alias.name]) for alias in node.names)
    return names


def layer_violations(app: str, root: Path = ROOT) -> list[str]:
    found = []
    for path in sorted((root / app).rglob("*.py")):
        for module in sorted(imported_modules(path, root)):
            if module.split(".")[0] in FORBIDDEN[app]:
                found.append(f"{path.relative_to(root).as_posix()} imports {module}")
    return found


@pytest.mark.parametrize("app", LAYERS[:-1])
def test_no_app_imports_a_layer_above_it(app):
    assert layer_violations(app) == []


def test_the_check_sees_relative_and_function_level_imports(tmp_path):
    (tmp_path / "core" / "text").mkdir(parents=True)
    (tmp_path / "core" / "text" / "probe.py").write_text(
        "import core.cache\n"
        "from . import slugs\n"
        "def f():\n"
        "    from news import models\n"
        "    from ... import search\n"
        "    import reports.models as m\n"
    )
    assert layer_violations("core", tmp_path) == [
        "core/text/probe.py imports news",
        "core/text/probe.py imports reports.models",
        "core/text/probe.py imports search",
    ]
