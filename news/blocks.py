"""StreamField blocks for an article body."""

from functools import lru_cache

from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail.rich_text import get_text_for_indexing

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class CaptionedImageBlock(blocks.StructBlock):
    # ImageBlock carries its own alt text (required unless marked decorative).
    image = ImageBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(required=False, label=_("Chú thích"))

    class Meta:
        icon = "image"
        label = _("Ảnh có chú thích")
        template = "news/blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(required=False, label=_("Người phát biểu"))

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "news/blocks/quote.html"


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Tệp đính kèm"))
    title = blocks.CharBlock(required=False, label=_("Tên hiển thị"))

    class Meta:
        icon = "doc-full"
        label = _("Tài liệu đính kèm")
        template = "news/blocks/attachment.html"


@lru_cache(maxsize=64)
def _rich_text_for_indexing(source: str) -> str:
    return get_text_for_indexing(source)


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Đoạn văn"))
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    attachment = AttachmentBlock()
    table = TableBlock(
        label=_("Bảng"),
        template="news/blocks/table.html",
        table_options={"contextMenu": True, "startRows": 3, "startCols": 3},
    )

    def get_searchable_content(self, value) -> list[str]:
        """What Wagtail's StreamBlock gives, with each paragraph's text remembered for a
        few articles: Wagtail's SQLite admin index asks for the whole body once per
        column it fills (title, body, autocomplete), and stripping the HTML three times
        was 10% of an import. Keyed by the HTML itself, so never stale."""
        if not self.search_index:
            return []
        content = []
        for child in value:
            block = child.block
            if isinstance(block, blocks.RichTextBlock):
                if block.search_index:
                    content.append(_rich_text_for_indexing(force_str(child.value.source)))
            else:
                content.extend(block.get_searchable_content(child.value))
        return content
