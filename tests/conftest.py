import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    from tests.factories import home_page

    return home_page()


@pytest.fixture
def sections(home):
    """The source page's section chain: Tin tức hoạt động › Hội đồng nhân dân tỉnh › Các Ban."""
    from tests.factories import make_section

    news = make_section("Tin tức hoạt động", home)
    council = make_section("Hội đồng nhân dân tỉnh", news)
    committees = make_section("Các Ban HĐND tỉnh", council)
    return {"news": news, "council": council, "committees": committees}
