"""What a reader sees on home, section and article pages."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from news.models import PortalSettings
from tests.factories import ImageFactory, make_article, make_section


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def article(sections):
    image = ImageFactory()
    return make_article(
        sections["committees"],
        title="Tăng cường tái kiểm tra công tác bảo trợ xã hội",
        summary="Ban Văn hóa - Xã hội giám sát tại Sở Lao động - Thương binh và Xã hội.",
        author="Nguyễn Thủy",
        lead_image=image,
        lead_image_caption="Quang cảnh buổi làm việc tại Sở",
        published_at=timezone.make_aware(timezone.datetime(2020, 10, 27, 8, 18, 57)),
        tags=["giám sát", "bảo trợ xã hội"],
    )


def test_article_shows_title_date_line_summary_caption_and_byline(client, article):
    page = soup(client.get(article.url))
    assert page.h1.get_text(strip=True) == article.title
    date_line = " ".join(page.select_one(".article__date").get_text().split())
    assert date_line == "(Ngày đăng: 27/10/2020 8:18:57 SA)"
    assert article.summary in page.get_text()
    assert page.find("figcaption").get_text(strip=True) == "Quang cảnh buổi làm việc tại Sở"
    assert "Nguyễn Thủy" in page.select_one(".article__author").get_text()
    assert len(page.find_all("h1")) == 1


def test_lead_image_is_served_as_responsive_webp_with_alt_text(client, article):
    page = soup(client.get(article.url))
    figure = page.select_one("figure")
    sources = figure.find_all("source")
    assert any(source.get("type") == "image/webp" for source in sources)
    img = figure.find("img")
    assert img["alt"] == "Quang cảnh buổi làm việc"
    assert "srcset" in img.attrs or any("," in s.get("srcset", "") for s in sources)


def test_breadcrumbs_follow_the_page_tree_from_trang_chu(client, article):
    page = soup(client.get(article.url))
    crumbs = [li.get_text(strip=True) for li in page.select(".breadcrumbs li")]
    assert crumbs == [
        "Trang chủ",
        "Tin tức hoạt động",
        "Hội đồng nhân dân tỉnh",
        "Các Ban HĐND tỉnh",
        article.title,
    ]


def test_related_news_puts_editor_choice_first_then_fills_to_five(client, sections):
    chosen = make_article(
        sections["news"], title="Bài do biên tập chọn", published_at=days_ago(300)
    )
    same_tag = make_article(
        sections["council"], title="Cùng thẻ", tags=["khoáng sản"], published_at=days_ago(50)
    )
    siblings = [
        make_article(sections["committees"], title=f"Cùng chuyên mục {n}", published_at=days_ago(n))
        for n in range(1, 6)
    ]
    article = make_article(sections["committees"], title="Bài chính", tags=["khoáng sản"])
    article.related_links.create(article=chosen)
    article.save_revision().publish()

    page = soup(client.get(article.url))
    related = page.find(id="related-heading").find_parent("section")
    titles = [a.get_text(strip=True) for a in related.select("li a")]
    assert titles[0] == "Bài do biên tập chọn"
    assert titles[1] == "Cùng thẻ"
    assert titles[2:] == [s.title for s in siblings[:3]]
    assert "Bài chính" not in titles
    # Each related link carries its date in the portal's style.
    assert related.select_one(".dated-links__date").get_text(strip=True).startswith("(")
    assert same_tag.title in titles


def test_latest_news_lists_five_newest_live_articles_but_not_the_current_one(client, sections):
    older = [
        make_article(sections["news"], title=f"Tin {n}", published_at=days_ago(n))
        for n in range(1, 8)
    ]
    current = older[0]
    make_article(sections["news"], title="Bản nháp", live=False, published_at=days_ago(0))
    page = soup(client.get(current.url))
    aside = page.find(id="latest-heading").find_parent("aside")
    titles = [a.get_text(strip=True) for a in aside.select("li a")]
    assert titles == ["Tin 2", "Tin 3", "Tin 4", "Tin 5", "Tin 6"]


def test_section_lists_its_own_and_descendant_articles_newest_first(client, sections):
    make_article(sections["news"], title="Ở chuyên mục gốc", published_at=days_ago(3))
    make_article(sections["committees"], title="Ở chuyên mục cháu", published_at=days_ago(1))
    make_section("Kỳ họp", sections["news"])
    page = soup(client.get(sections["news"].url))
    titles = [h.get_text(strip=True) for h in page.select(".article-list h3")]
    assert titles == ["Ở chuyên mục cháu", "Ở chuyên mục gốc"]
    assert "Hội đồng nhân dân tỉnh" in page.select_one(".subsections").get_text()


def test_section_paginates_twenty_a_page(client, sections):
    for n in range(45):
        make_article(sections["council"], title=f"Bài số {n:02d}", published_at=days_ago(n))
    first = soup(client.get(sections["council"].url))
    assert len(first.select(".article-list > li")) == 20
    third = soup(client.get(sections["council"].url + "?page=3"))
    assert [h.get_text(strip=True) for h in third.select(".article-list h3")] == [
        f"Bài số {n:02d}" for n in range(40, 45)
    ]
    assert first.select_one('.pagination [aria-current="page"]').get_text() == "1"


@pytest.mark.parametrize("bad", ["abc", "-3", "0", "1.5", "%00", ""])
def test_junk_page_numbers_fall_back_to_first_page(client, sections, bad):
    make_article(sections["council"], title="Một bài")
    response = client.get(sections["council"].url, {"page": bad})
    assert response.status_code == 200
    assert "Một bài" in response.content.decode()


def test_page_number_past_the_end_is_404_not_500(client, sections):
    make_article(sections["council"], title="Một bài")
    assert client.get(sections["council"].url, {"page": "99"}).status_code == 404
    assert client.get(sections["council"].url, {"page": "9" * 40}).status_code == 404


def test_home_shows_featured_latest_and_a_block_per_section(client, home, sections):
    meetings = make_section("Kỳ họp", sections["news"])
    notices = make_section("Thông báo", home)
    featured = make_article(meetings, title="Khai mạc kỳ họp thứ mười", published_at=days_ago(5))
    make_article(notices, title="Thông báo lịch tiếp công dân", published_at=days_ago(1))
    home.featured_article = featured
    home.home_sections.create(section=meetings, sort_order=0)
    home.home_sections.create(section=notices, sort_order=1)
    home.save_revision().publish()

    page = soup(client.get("/"))
    assert page.select_one(".featured").find("h3").get_text(strip=True) == featured.title
    blocks = page.select(".section-block")
    assert [b.find("h2").get_text(strip=True) for b in blocks] == ["Kỳ họp", "Thông báo"]
    assert "Thông báo lịch tiếp công dân" in blocks[1].get_text()
    assert "Thông báo lịch tiếp công dân" in page.select_one(".home-latest").get_text()


def test_footer_shows_the_office_contact_details(client, home, article):
    settings = PortalSettings.for_site(home.get_site())
    settings.responsible_person = "Ông Đào Xuân Huyên - Chánh Văn phòng"
    settings.phone = "0213.3798.221"
    settings.fax = "0213.3798.228"
    settings.email = "ttdn.hdndtinh@laichau.gov.vn"
    settings.address = "Tầng 4, 5 nhà B - Khu Hành chính - Chính trị tỉnh"
    settings.attribution_notice = "Ghi rõ nguồn khi sử dụng thông tin trên trang này."
    settings.save()
    footer = soup(client.get(article.url)).find("footer").get_text(" ", strip=True)
    for value in (
        "Đào Xuân Huyên",
        "0213.3798.221",
        "0213.3798.228",
        "ttdn.hdndtinh@laichau.gov.vn",
        "Tầng 4, 5 nhà B",
        "Ghi rõ nguồn",
    ):
        assert value in footer


def test_main_menu_is_editable_in_settings(client, home, sections):
    settings = PortalSettings.for_site(home.get_site())
    settings.main_menu = [("link", {"page": sections["council"], "url": "", "title": ""})]
    settings.save()
    nav = soup(client.get("/")).select_one(".main-nav")
    link = nav.find("a", string="Hội đồng nhân dân tỉnh")
    assert link["href"] == sections["council"].url


def test_drafts_and_private_articles_never_leak_into_lists(client, home, sections):
    public = make_article(sections["council"], title="Tin công khai")
    make_article(sections["council"], title="Tin nháp", live=False)
    private = make_article(sections["council"], title="Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    private_section = make_section("Chuyên mục nội bộ", sections["news"])
    make_article(private_section, title="Tin trong chuyên mục nội bộ")
    PageViewRestriction.objects.create(
        page=private_section, restriction_type="password", password="x"
    )
    public.related_links.create(article=private)
    public.save_revision().publish()

    for url in ("/", sections["news"].url, public.url):
        text = client.get(url).content.decode()
        assert "Tin nháp" not in text
        assert "Tin nội bộ" not in text
        assert "Tin trong chuyên mục nội bộ" not in text
    assert "Tin công khai" in client.get(sections["news"].url).content.decode()
    # The login-restricted article itself sends an anonymous reader to the login page.
    response = client.get(private.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_unknown_url_is_404(client, sections):
    assert client.get("/tin-tuc-hoat-dong/khong-co-bai-nay/").status_code == 404
    assert client.get(sections["news"].url + "khong/co/").status_code == 404


def test_urls_are_ascii_and_keep_d_from_dj(client, sections):
    assert sections["council"].slug == "hoi-dong-nhan-dan-tinh"
    assert sections["committees"].url.endswith("/hoi-dong-nhan-dan-tinh/cac-ban-hdnd-tinh/")
    article = make_article(sections["committees"], title="Đoàn giám sát làm việc tại Sở")
    assert article.slug == "doan-giam-sat-lam-viec-tai-so"
    assert client.get(article.url).status_code == 200
