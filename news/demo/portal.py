"""Office identity on the portal settings, the site name and the home page layout."""

from __future__ import annotations

from wagtail.models import Site

from ..models import HomePage, HomeSection, NewsArticlePage, NewsIndexPage, PortalSettings

PORTAL_TITLE = "Trang thông tin điện tử Hội đồng nhân dân tỉnh Lai Châu"
OFFICE = {
    "portal_title": PORTAL_TITLE,
    "office_name": "Văn phòng Đoàn ĐBQH và HĐND tỉnh Lai Châu",
    "responsible_person": "Ông Đào Xuân Huyên - Chánh Văn phòng",
    "address": "Tầng 4, 5 nhà B - Khu Hành chính - Chính trị tỉnh Lai Châu",
    "phone": "0213.3798.221",
    "fax": "0213.3798.228",
    "email": "ttdn.hdndtinh@laichau.gov.vn",
    "attribution_notice": (
        "Ghi rõ nguồn www.hdnd.laichau.gov.vn khi sử dụng thông tin trên trang này."
    ),
}
MENU_SECTIONS = [
    "tin-tuc-hoat-dong",
    "hoi-dong-nhan-dan-tinh",
    "ky-hop",
    "hoat-dong-giam-sat",
    "tiep-cong-dan",
    "thong-bao",
]
HOME_SECTIONS = [
    "hoi-dong-nhan-dan-tinh",
    "ky-hop",
    "hoat-dong-giam-sat",
    "tiep-cong-dan",
    "thong-bao",
]
HOME_INTRO = (
    "Thông tin về hoạt động của Hội đồng nhân dân tỉnh Lai Châu: kỳ họp, giám sát, "
    "tiếp xúc cử tri và tiếp công dân."
)


def _menu_data(sections: dict[str, NewsIndexPage], current: list[tuple]) -> list[tuple]:
    """The news sections, then whatever links other apps' demos added (reports adds the
    report list and tracker after this runs): a second run must not drop them."""
    ours = [(sections[slug].pk, "", "") for slug in MENU_SECTIONS]
    section_ids = {section.pk for section in sections.values()}
    return ours + [item for item in current if item not in ours and item[0] not in section_ids]


def apply_portal_settings(site: Site, sections: dict[str, NewsIndexPage]) -> bool:
    """Write the office details and main menu in place; True if anything changed."""
    changed = False
    if site.site_name != PORTAL_TITLE:
        site.site_name = PORTAL_TITLE
        site.save(update_fields=["site_name"])
        changed = True
    settings = PortalSettings.for_site(site)
    dirty = [name for name, value in OFFICE.items() if getattr(settings, name) != value]
    for name in dirty:
        setattr(settings, name, OFFICE[name])
    current_menu = [
        (
            block["value"].get("page"),
            block["value"].get("url") or "",
            block["value"].get("title") or "",
        )
        for block in settings.main_menu.raw_data
    ]
    wanted_menu = _menu_data(sections, current_menu)
    if current_menu != wanted_menu:
        settings.main_menu = [
            {"type": "link", "value": {"page": page, "url": url, "title": title}}
            for page, url, title in wanted_menu
        ]
        dirty.append("main_menu")
    if dirty:
        settings.save()
        changed = True
    return changed


def configure_home(
    home: HomePage, sections: dict[str, NewsIndexPage], featured: NewsArticlePage
) -> bool:
    """Intro, featured article and section blocks; publishes a revision only on change."""
    wanted_sections = [sections[slug].pk for slug in HOME_SECTIONS]
    current_sections = list(
        home.home_sections.order_by("sort_order").values_list("section_id", flat=True)
    )
    if (
        home.intro == HOME_INTRO
        and home.featured_article_id == featured.pk
        and current_sections == wanted_sections
    ):
        return False
    home.intro = HOME_INTRO
    home.featured_article = featured
    home.home_sections = [
        HomeSection(section_id=pk, sort_order=index) for index, pk in enumerate(wanted_sections)
    ]
    home.save_revision().publish()
    return True
