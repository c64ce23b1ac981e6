"""Read-only test worlds: built once per test module, rolled back when the module ends.

Building a realistic world (pages, revisions, search entries) costs a second or more, and
most tests of a module only read it. `module_world` turns a builder into a module-scoped
fixture that builds inside an open transaction; each test still runs in its own savepoint
(it asks for `db` through the function-scoped fixture that hands the world out), so what a
test writes is undone after it, and the whole world is undone at the end of the module.

One world per module. Tests that use it run after the module's other database tests (see the
`pytest_collection_modifyitems` hook in conftest): those must not see the world's rows.

A world several modules read (the demo site) is a `package_world`, declared in the conftest
of a folder whose database tests all read it.

    catalogue_world, catalogue = module_world(build_catalogue, "catalogue")

    def test_lists_every_report(client, catalogue): ...
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
from django.db import transaction

T = TypeVar("T")

# Names of the world fixtures, read by conftest to order the tests.
WORLD_FIXTURES: set[str] = set()


def module_world(build: Callable[[], T], name: str) -> tuple[Any, Any]:
    """The two fixtures of a world, to assign to two module names.

    `<name>_world` is module-scoped: what `build()` returns, rolled back at the module's end.
    `<name>` is what tests ask for: a fresh copy of it, with database access for the test.
    """
    return _world_fixtures(build, name, "module")


def package_world(build: Callable[[], T], name: str) -> tuple[Any, Any]:
    """Like `module_world`, built once for a folder of tests: declare it in its conftest."""
    return _world_fixtures(build, name, "package")


def _world_fixtures(build: Callable[[], T], name: str, scope: str) -> tuple[Any, Any]:
    world_name = f"{name}_world"
    WORLD_FIXTURES.add(world_name)

    @pytest.fixture(scope=scope, name=world_name)
    def world(django_db_setup, django_db_blocker) -> Iterator[T]:
        # The database is reachable only while building and undoing: between the two, each
        # test reaches it through its own `db` fixture, as usual.
        with django_db_blocker.unblock():
            atomic = transaction.atomic()
            atomic.__enter__()
            try:
                built = build()
            except BaseException:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
                raise
        try:
            yield built
        finally:
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)

    def per_test(**fixtures: Any) -> T:
        return fresh(fixtures[world_name])

    # The world must be a declared argument, not fetched with getfixturevalue(): pytest then
    # sets it up before `db` (wider scope first), outside the test's transaction, and the
    # world shows in each test's fixture closure for the ordering hook.
    per_test.__signature__ = inspect.Signature(
        [inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY) for n in (world_name, "db")]
    )
    return world, pytest.fixture(name=name)(per_test)


def fresh(built: T) -> T:
    """A deep copy of a world, so a test changing an instance in memory leaves the next alone.

    The database side needs no copy: each test's savepoint is rolled back.
    """
    return copy.deepcopy(built)


def in_module_runs(items: list[pytest.Item]) -> list[pytest.Item]:
    """`items` with, in each run of consecutive tests of one module, world users last.

    Stable otherwise, so pytest-django's order (plain database tests, then transactional
    ones, then the rest) is kept: it must have sorted the items already.
    """
    ordered: list[pytest.Item] = []
    run: list[pytest.Item] = []

    def flush() -> None:
        ordered.extend(item for item in run if not uses_world(item))
        ordered.extend(item for item in run if uses_world(item))
        run.clear()

    for item in items:
        if run and getattr(item, "module", None) is not getattr(run[0], "module", None):
            flush()
        run.append(item)
    flush()
    return ordered


def uses_world(item: pytest.Item) -> bool:
    worlds = WORLD_FIXTURES.intersection(getattr(item, "fixturenames", ()))
    # Two worlds alive at once would each see the other's rows.
    assert len(worlds) <= 1, f"{item.nodeid} uses several worlds: {sorted(worlds)}"
    return bool(worlds)
