"""Tests that read the demo site: it is seeded once (it takes seconds) for the whole folder.

Every database test here must read `demo`: a package world is alive from the first of them to
the last, so a test that wants an empty database belongs elsewhere.
"""

from tests.factories import seed_demo_site
from tests.worlds import package_world

# `demo` is what seed_demo printed.
demo_world, demo = package_world(seed_demo_site, "demo")
