"""SQL queries per page stay flat however much content there is."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import PortalSettings
from tests.factories import ImageFactory, make_article, make_section


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


def test_article_page_queries_are_bounded(client, home, sections):
    build_site(home, sections, articles_per_section=1, extra_sections=0)
    small_article = make_article(sections["committees"], title="Bài nhỏ")
    small = count_queries(client, small_article.url)
    target = grow(home, sections, None)
    large = count_queries(client, target.url)
    assert large <= 12, large
    assert large <= small + 1  # only the optional chosen-related/tag queries may be added


def test_home_and_section_page_queries_are_bounded(client, home, sections):
    build_site(home, sections, articles_per_section=1, extra_sections=0)
    small_home = count_queries(client, "/")
    small_section = count_queries(client, sections["news"].url)
    grow(home, sections, None)
    large_home = count_queries(client, "/")
    large_section = count_queries(client, sections["news"].url)
    assert large_home <= 20 and large_section <= 20, (large_home, large_section)
    assert large_home == small_home
    assert large_section == small_section
