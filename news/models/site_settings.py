"""Office identity and navigation, edited once per site by the office."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Site

from core.cache import cached_for_generation


class MenuLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(required=False, label=_("Trang"))
    url = blocks.URLBlock(required=False, label=_("hoặc địa chỉ ngoài"))
    title = blocks.CharBlock(required=False, label=_("Tên hiển thị (để trống: lấy tên trang)"))

    class Meta:
        icon = "link"
        label = _("Liên kết")


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting, ClusterableModel):
    office_name = models.CharField(
        _("tên cơ quan"), max_length=255, default="Văn phòng Hội đồng nhân dân tỉnh"
    )
    portal_title = models.CharField(
        _("tên trang thông tin"),
        max_length=255,
        default="Trang thông tin điện tử Hội đồng nhân dân tỉnh",
    )
    responsible_person = models.CharField(
        _("người chịu trách nhiệm chính"), max_length=255, blank=True
    )
    address = models.CharField(_("trụ sở"), max_length=255, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=64, blank=True)
    fax = models.CharField(_("số fax"), max_length=64, blank=True)
    email = models.EmailField(_("email"), blank=True)
    attribution_notice = models.CharField(
        _("ghi chú trích dẫn nguồn"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Ghi rõ nguồn … khi sử dụng thông tin trên trang này."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("biểu trưng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_menu = StreamField([("link", MenuLinkBlock())], blank=True, verbose_name=_("menu chính"))

    office_panels = [
        MultiFieldPanel(
            [FieldPanel("portal_title"), FieldPanel("office_name"), FieldPanel("logo")],
            heading=_("Nhận diện"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("responsible_person"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("email"),
                FieldPanel("attribution_notice"),
            ],
            heading=_("Liên hệ (chân trang)"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(office_panels, heading=_("Cơ quan")),
            ObjectList([FieldPanel("main_menu")], heading=_("Menu chính")),
        ]
    )

    select_related = ["logo"]

    class Meta:
        verbose_name = _("cài đặt cổng thông tin")

    @classmethod
    def for_site(cls, site: Site | None) -> "PortalSettings":
        """Every public page shows the footer: serve it from the cache, not the database.

        Wagtail's own for_request() calls this, then keeps the instance on the request
        (with the request itself, for page URLs), so one lookup serves a whole page. The
        cache follows the content generation, which saving these settings bumps.
        """
        if site is None:
            return super().for_site(site)  # raises DoesNotExist, as Wagtail does
        return cached_for_generation(
            f"portal-settings:{site.pk}", lambda: super(PortalSettings, cls).for_site(site)
        )
