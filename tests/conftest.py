from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import caches

from tests.worlds import in_module_runs

# Tests that compare "today" with what a view computed pin the clock to this day at noon
# in Hà Nội: a run that crosses local midnight would otherwise see two different days.
PINNED_TODAY = date(2026, 11, 20)


def pinned_travel() -> time_machine.travel:
    """The clock at noon in Hà Nội on PINNED_TODAY (a context manager), ticking from there."""
    noon = datetime(2026, 11, 20, 12, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    return time_machine.travel(noon, tick=True)


@pytest.fixture
def pinned_clock():
    with pinned_travel():
        yield


@pytest.fixture(autouse=True)
def _clear_cache():
    # Renditions too: a new image can get the id of an earlier test's image, and Wagtail
    # would serve that image's cached rendition.
    for alias in ("default", "renditions"):
        caches[alias].clear()
    yield
    for alias in ("default", "renditions"):
        caches[alias].clear()


@pytest.fixture
def home(db):
    from tests.factories import home_page

    return home_page()


@pytest.fixture
def sections(home):
    """The source page's section chain: Tin tức hoạt động › Hội đồng nhân dân tỉnh › Các Ban."""
    from tests.factories import make_section_chain

    return make_section_chain(home)


def user_in(group_name: str | None, username: str):
    """A user in one of the editorial groups the migration creates (or in none)."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username=username, password="x", email=f"{username}@x.vn")
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return user_in("Biên tập viên", "bientap")


@pytest.fixture
def approver(db):
    return user_in("Lãnh đạo duyệt tin", "lanhdao")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    # After pytest-django has put the database tests first: within each module's run, the
    # tests sharing a world go last, so the module's other tests never see it.
    items[:] = in_module_runs(items)
