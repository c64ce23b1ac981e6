"""No module reaches into Django's, Wagtail's, treebeard's or modelsearch's private names.

A private name (a leading underscore, or an internal like the SQL compiler) can change in
any release without notice; the project keeps the few it needs in core/compat.py, each with
a test in test_framework_compat.py. This scans every project source file (ast, no import)
for four kinds of use elsewhere:

- importing a private name or module from another package (`from x import _y`, `x._y`);
- reading `obj._name` where `_name` is not defined anywhere in the project (so it is a
  framework's), apart from the underscore names those frameworks document as public;
- setting `obj._name = ...` on an object that is not `self`/`cls`: stashing state on a
  framework instance (a page, a request, a user) under a name the framework may start using;
- calling a framework internal that has no underscore (`query.get_compiler`).

A fifth check imports the project's classes and fails when one overrides a framework
class's underscore method (e.g. Page._set_core_field_defaults).
"""

from __future__ import annotations

import ast
import importlib
import inspect
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("bench", "config", "core", "news", "reports", "search", "scripts", "tests")
ALLOWED_FILE = "core/compat.py"
# Top-level names of the project's own modules (bench/ and scripts/ import their siblings).
PROJECT_PACKAGES = {*SOURCE_DIRS, "manage"} | {
    path.stem for folder in ("bench", "scripts") for path in (ROOT / folder).glob("*.py")
}

# Underscore names their owners document as public API.
PUBLIC_UNDERSCORE = {
    "_meta",  # Django model Options
    "_default_manager",
    "_base_manager",
    "_fields",  # namedtuple
    "_make",
    "_replace",
    "_asdict",
}
# Internals without an underscore.
INTERNAL_NAMES = {"get_compiler"}


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@cache
def source_files() -> tuple[Path, ...]:
    files = [ROOT / "manage.py"]
    for folder in SOURCE_DIRS:
        files += [p for p in (ROOT / folder).rglob("*.py") if "node_modules" not in p.parts]
    return tuple(sorted(files))


@cache
def parsed() -> dict[str, ast.Module]:
    return {
        str(path.relative_to(ROOT)): ast.parse(path.read_text(encoding="utf-8"))
        for path in source_files()
    }


def _is_self(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id in {"self", "cls"}


@cache
def project_defined_names() -> frozenset[str]:
    """Underscore names the project itself defines (functions, attributes, annotations)."""
    names = set()
    for path, tree in parsed().items():
        if path == ALLOWED_FILE:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                if _is_self(node.value):
                    names.add(node.attr)
            elif isinstance(node, ast.keyword) and node.arg:
                names.add(node.arg)  # queryset.annotate(_total=...)
            elif isinstance(node, ast.alias):
                names.add(node.asname or node.name.split(".")[0])
    return frozenset(name for name in names if _is_private(name))


def _is_project_module(module: str | None, level: int) -> bool:
    return level > 0 or (module or "").split(".")[0] in PROJECT_PACKAGES


def findings_in(path: str, tree: ast.Module) -> set[tuple[str, str]]:
    found = set()
    own = project_defined_names()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and not _is_project_module(node.module, node.level):
            parts = (node.module or "").split(".") + [alias.name for alias in node.names]
            found |= {(path, part) for part in parts if _is_private(part)}
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if not _is_project_module(alias.name, 0):
                    found |= {(path, part) for part in alias.name.split(".") if _is_private(part)}
        elif isinstance(node, ast.Attribute) and not _is_self(node.value):
            name = node.attr
            if name in INTERNAL_NAMES:
                found.add((path, name))
            elif not _is_private(name) or name in PUBLIC_UNDERSCORE:
                continue
            elif isinstance(node.ctx, ast.Store | ast.Del) or name not in own:
                found.add((path, name))
    return found


def private_uses() -> set[tuple[str, str]]:
    found = set()
    for path, tree in parsed().items():
        if path != ALLOWED_FILE:
            found |= findings_in(path, tree)
    return found


def test_no_private_framework_names_outside_core_compat():
    unexpected = sorted(private_uses())
    assert not unexpected, (
        "Private framework names used outside core/compat.py (use a public API, or add a "
        f"function with a comment and a test to core/compat.py): {unexpected}"
    )


def test_the_scanner_sees_each_kind_of_private_use():
    """The checks above pass trivially if the scanner is blind: show it what to catch."""
    sample = ast.parse(
        "from django.db.models.sql import _private\n"
        "import django.utils._os\n"
        "step = Page._str2int('0001')\n"
        "page._cached_parent_obj = parent\n"
        "sql = query.get_compiler(connection=connection)\n"
        "rows = Page._meta.get_fields()\n"
        "self._cache = {}\n"
    )
    assert findings_in("sample.py", sample) == {
        ("sample.py", "_private"),
        ("sample.py", "_os"),
        ("sample.py", "_str2int"),
        ("sample.py", "_cached_parent_obj"),
        ("sample.py", "get_compiler"),
    }


def _private_names_in_class_bodies() -> list[tuple[str, str, str]]:
    """(module, class, name) for each underscore method or attribute a class body defines.

    Read from the source, not from the class: metaclasses (models, enums, schemas) add
    underscore attributes of their own, which are no override.
    """
    found = []
    for path, tree in parsed().items():
        parts = Path(path).with_suffix("").parts
        if parts[0] not in {"core", "news", "reports", "search"} or "migrations" in parts:
            continue  # tests, bench and scripts subclass no framework class worth checking
        if path == ALLOWED_FILE:
            continue
        module = ".".join(parts).removesuffix(".__init__")
        for node in tree.body:
            if not isinstance(node, ast.ClassDef) or not node.bases:
                continue
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    names = [item.name]
                elif isinstance(item, ast.Assign):
                    names = [t.id for t in item.targets if isinstance(t, ast.Name)]
                elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    names = [item.target.id]
                else:
                    names = []
                found += [(module, node.name, name) for name in names if _is_private(name)]
    return found


def framework_owner(cls: type, name: str) -> str | None:
    """The framework module whose class `cls` inherits `name` from, if any."""
    for base in inspect.getmro(cls)[1:]:
        if base.__module__.split(".")[0] not in PROJECT_PACKAGES and name in vars(base):
            return base.__module__
    return None


def test_no_class_overrides_a_private_framework_method():
    overrides = []
    for module_name, class_name, name in _private_names_in_class_bodies():
        cls = getattr(importlib.import_module(module_name), class_name)
        if owner := framework_owner(cls, name):
            overrides.append(f"{module_name}.{class_name}.{name} ({owner})")
    assert not overrides, f"Overrides of private framework methods: {overrides}"


def test_the_override_check_sees_an_override():
    from django import forms

    class Overriding(forms.Form):
        def _clean_fields(self):
            pass

        def _own_helper(self):
            pass

    assert framework_owner(Overriding, "_clean_fields") == "django.forms.forms"
    assert framework_owner(Overriding, "_own_helper") is None
