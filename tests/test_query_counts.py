"""SQL queries per page stay flat however much content there is."""

from datetime import timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import PortalSettings
from tests.factories import ImageFactory, home_page, make_article, make_section, make_section_chain
from tests.worlds import module_world


def build_site(home, sections, articles_per_section: int, extra_sections: int):
    image = ImageFactory()
    all_sections = list(sections.values())
    for n in range(extra_sections):
        all_sections.append(make_section(f"Chuyên mục {n}", sections["news"]))
    articles = []
    now = timezone.now()
    for s_index, section in enumerate(all_sections):
        for n in range(articles_per_section):
            articles.append(
                make_article(
                    section,
                    title=f"Bài {s_index}-{n}",
                    published_at=now - timedelta(hours=s_index * 100 + n),
                    tags=[f"thẻ {n % 3}", f"chủ đề {s_index}"],
                    lead_image=image,
                    body=[
                        {"type": "paragraph", "value": "<p>Đoạn</p>"},
                        {
                            "type": "image",
                            "value": {
                                "image": {
                                    "image": image.pk,
                                    "decorative": False,
                                    "alt_text": "Ảnh",
                                },
                                "caption": "Chú thích",
                            },
                        },
                    ],
                )
            )
    for section in all_sections:
        home.home_sections.create(section=section)
    settings = PortalSettings.for_site(home.get_site())
    settings.main_menu = [("link", {"page": s, "url": "", "title": ""}) for s in all_sections]
    settings.save()
    return all_sections, articles


def count_queries(client, url: str) -> int:
    assert client.get(url).status_code == 200  # warm caches (renditions, site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def grow(home, sections, small):
    more_sections, articles = build_site(home, sections, articles_per_section=4, extra_sections=4)
    target = articles[0]
    for other in articles[1:9]:
        target.related_links.create(article=other)
    target.save_revision().publish()
    return target


def build_small_then_large() -> dict:
    """A small site's query counts, then the same site grown: built once for both tests."""
    home = home_page()
    sections = make_section_chain(home)
    build_site(home, sections, articles_per_section=1, extra_sections=0)
    small_article = make_article(sections["committees"], title="Bài nhỏ")
    client = Client()
    small = {
        "article": count_queries(client, small_article.url),
        "home": count_queries(client, "/"),
        "section": count_queries(client, sections["news"].url),
    }
    target = grow(home, sections, None)
    return {"small": small, "target": target, "sections": sections}


sites_world, sites = module_world(build_small_then_large, "sites")


def test_article_page_queries_are_bounded(client, sites):
    small = sites["small"]["article"]
    large = count_queries(client, sites["target"].url)
    assert large <= 12, large
    assert large <= small + 1  # only the optional chosen-related/tag queries may be added


def test_home_and_section_page_queries_are_bounded(client, sites):
    small_home, small_section = sites["small"]["home"], sites["small"]["section"]
    large_home = count_queries(client, "/")
    large_section = count_queries(client, sites["sections"]["news"].url)
    assert large_home <= 20 and large_section <= 20, (large_home, large_section)
    assert large_home == small_home
    assert large_section == small_section
