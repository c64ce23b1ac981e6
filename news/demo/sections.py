"""The demo section tree: where the council's news lives on the portal."""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail.models import Page

from ..models import NewsIndexPage
from .publishing import find_child, local_datetime, publish_as_of

SECTIONS_PUBLISHED = "01/10/2020 07:30:00"


@dataclass(frozen=True)
class SectionSpec:
    slug: str
    title: str
    intro: str
    children: tuple[SectionSpec, ...] = field(default_factory=tuple)


SECTION_TREE: tuple[SectionSpec, ...] = (
    SectionSpec(
        "tin-tuc-hoat-dong",
        "Tin tức hoạt động",
        "Tin về hoạt động của Hội đồng nhân dân tỉnh, Thường trực, các Ban, các Tổ đại biểu "
        "và Văn phòng: kỳ họp, giám sát, khảo sát, tiếp xúc cử tri và tiếp công dân.",
        (
            SectionSpec(
                "hoi-dong-nhan-dan-tinh",
                "Hội đồng nhân dân tỉnh",
                "Hoạt động chung của Hội đồng nhân dân tỉnh và các đại biểu HĐND tỉnh.",
                (
                    SectionSpec(
                        "thuong-truc-hdnd-tinh",
                        "Thường trực HĐND tỉnh",
                        "Phiên họp thường kỳ, làm việc với các cơ quan và điều hòa hoạt động "
                        "giữa hai kỳ họp của Thường trực HĐND tỉnh.",
                    ),
                    SectionSpec(
                        "cac-ban-hdnd-tinh",
                        "Các Ban HĐND tỉnh",
                        "Giám sát, khảo sát và thẩm tra của Ban Pháp chế, Ban Kinh tế - Ngân "
                        "sách, Ban Văn hóa - Xã hội và Ban Dân tộc HĐND tỉnh.",
                    ),
                    SectionSpec(
                        "to-dai-bieu-hdnd-tinh",
                        "Tổ đại biểu HĐND tỉnh",
                        "Tiếp xúc cử tri, giám sát tại địa phương của các Tổ đại biểu HĐND "
                        "tỉnh ở các huyện và thành phố.",
                    ),
                ),
            ),
            SectionSpec(
                "ky-hop",
                "Kỳ họp",
                "Chương trình, diễn biến và kết quả các kỳ họp của HĐND tỉnh.",
            ),
            SectionSpec(
                "hoat-dong-giam-sat",
                "Hoạt động giám sát",
                "Các cuộc giám sát chuyên đề, giám sát thường xuyên và kết quả thực hiện "
                "kiến nghị sau giám sát.",
            ),
            SectionSpec(
                "tiep-cong-dan",
                "Tiếp công dân",
                "Kết quả tiếp công dân định kỳ, tiếp nhận và theo dõi giải quyết đơn thư "
                "của công dân.",
            ),
        ),
    ),
    SectionSpec(
        "thong-bao",
        "Thông báo",
        "Thông báo triệu tập kỳ họp, lịch tiếp công dân và các thông báo khác của Thường "
        "trực HĐND tỉnh và Văn phòng.",
    ),
)


def iter_sections(specs=SECTION_TREE, parent_slug: str | None = None):
    """Yield (parent_slug, spec) depth-first, parents before children."""
    for spec in specs:
        yield parent_slug, spec
        yield from iter_sections(spec.children, spec.slug)


def ensure_sections(home: Page) -> tuple[dict[str, NewsIndexPage], int]:
    """Find or create every section; returns ({slug: section}, number created)."""
    found: dict[str, NewsIndexPage] = {}
    created = 0
    when = local_datetime(SECTIONS_PUBLISHED)
    for parent_slug, spec in iter_sections():
        parent = found[parent_slug] if parent_slug else home
        section = find_child(parent, spec.slug, NewsIndexPage)
        if section is None:
            section = NewsIndexPage(title=spec.title, slug=spec.slug, intro=spec.intro)
            parent.add_child(instance=section)
            publish_as_of(section, when)
            created += 1
        found[spec.slug] = section
    return found, created
