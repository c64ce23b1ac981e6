"""Turn article data (plain dicts) into published NewsArticlePage pages.

An article dict has: slug, title, section (a section slug), published ("dd/mm/yyyy HH:MM:SS",
local time), author, summary, body (list of blocks), tags, and optionally image
({"caption", "alt", "scene"}) and related (slugs of articles shown under "Tin liên quan").

Body entries: a string is a paragraph (plain text is escaped and wrapped in <p>; a string
starting with "<" is trusted rich-text HTML); {"quote": text, "by": who} is a quote block;
{"table": rows, "caption": text} is a table whose first row is the header.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from html import escape

from ..models import NewsArticlePage, NewsIndexPage, RelatedArticle
from .images import ensure_image
from .publishing import find_child, local_datetime, publish_as_of

BLOCK_NAMESPACE = uuid.UUID("6f7c3a52-7d0e-4c4e-9a55-1e0b8f1f2c01")


@dataclass
class ArticleResult:
    page: NewsArticlePage
    created: bool
    image_created: bool


def body_blocks(slug: str, entries: list) -> list[dict]:
    """StreamField raw data with stable block ids, so a rebuild produces the same JSON."""
    blocks = []
    for index, entry in enumerate(entries):
        block_id = str(uuid.uuid5(BLOCK_NAMESPACE, f"{slug}:{index}"))
        if isinstance(entry, str):
            html = entry if entry.lstrip().startswith("<") else f"<p>{escape(entry)}</p>"
            blocks.append({"type": "paragraph", "value": html, "id": block_id})
        elif "quote" in entry:
            value = {"text": entry["quote"], "attribution": entry.get("by", "")}
            blocks.append({"type": "quote", "value": value, "id": block_id})
        elif "table" in entry:
            value = {
                "data": [[str(cell) for cell in row] for row in entry["table"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": entry.get("caption", ""),
            }
            blocks.append({"type": "table", "value": value, "id": block_id})
        else:
            raise ValueError(f"Khối nội dung không rõ loại trong bài {slug!r}: {entry!r}")
    return blocks


def image_title(data: dict) -> str:
    """The image's title in the library; unique per article so a re-run can find it."""
    return f"Ảnh bài viết: {data['title']}"[:255]


def ensure_article(
    data: dict,
    sections: dict[str, NewsIndexPage],
    existing_articles: dict[str, NewsArticlePage],
) -> ArticleResult:
    """Find the article under its section by slug, or create and publish it.

    An existing article is left exactly as it is (an editor may have changed it), and no
    image is drawn for it.
    """
    section = sections[data["section"]]
    spec = data.get("image")
    page = find_child(section, data["slug"], NewsArticlePage)
    if page is not None:
        return ArticleResult(page, False, False)

    image = None
    image_created = False
    if spec:
        image, image_created = ensure_image(
            title=image_title(data),
            description=spec["alt"],
            seed=data["slug"],
            scene=spec.get("scene", "meeting"),
            label=section.title,
        )
    when = local_datetime(data["published"])
    page = NewsArticlePage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        body=body_blocks(data["slug"], data["body"]),
        author=data.get("author", ""),
        published_at=when,
        live=False,
        lead_image=image,
        lead_image_alt=spec["alt"] if spec else "",
        lead_image_caption=spec.get("caption", "") if spec else "",
    )
    page.tags.add(*data.get("tags", []))
    page.related_links = [
        RelatedArticle(article=existing_articles[slug]) for slug in data.get("related", [])
    ]
    section.add_child(instance=page)
    publish_as_of(page, when)
    return ArticleResult(page, True, image_created)
