"""Reference data shared by reports: who supervises, who is supervised, where, what about."""

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ..enums import AgencyLevel, BodyKind, UnitLevel


class SupervisingBody(index.Indexed, models.Model):
    name = models.CharField(_("tên"), max_length=255, unique=True)
    short_name = models.CharField(_("tên ngắn"), max_length=100, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=BodyKind.choices)
    term = models.CharField(
        _("nhiệm kỳ"), max_length=50, blank=True, help_text=_("Ví dụ: 2021-2026")
    )
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("kind"),
        FieldPanel("term"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("cơ quan giám sát")
        verbose_name_plural = _("cơ quan giám sát")

    def __str__(self) -> str:
        return self.name


class Agency(index.Indexed, models.Model):
    """A supervised agency or the addressee of a recommendation.

    Agencies merge and are renamed; an old report keeps pointing at the old record and
    `successor` says who carries its recommendations now.
    """

    name = models.CharField(_("tên"), max_length=255)
    abbreviation = models.CharField(_("viết tắt"), max_length=50, blank=True)
    level = models.CharField(
        _("cấp"), max_length=20, choices=AgencyLevel.choices, default=AgencyLevel.PROVINCE
    )
    active_from = models.DateField(_("hoạt động từ"), null=True, blank=True)
    active_until = models.DateField(_("hoạt động đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan kế thừa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("abbreviation"),
        FieldPanel("level"),
        FieldPanel("active_from"),
        FieldPanel("active_until"),
        FieldPanel("successor"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("abbreviation"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["name", "active_from"], name="agency_unique_name_from")
        ]

    def __str__(self) -> str:
        if self.active_until:
            return f"{self.name} (đến {self.active_until:%m/%Y})"
        return self.name

    def is_active_on(self, day: date) -> bool:
        return (self.active_from is None or self.active_from <= day) and (
            self.active_until is None or day <= self.active_until
        )

    @property
    def current(self) -> "Agency":
        """Follow the successor chain to the agency that exists today."""
        agency, seen = self, set()
        while agency.successor_id and agency.pk not in seen:
            seen.add(agency.pk)
            agency = agency.successor
        return agency


class AdministrativeUnitQuerySet(models.QuerySet):
    def valid_on(self, day: date):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=day)
        )


class AdministrativeUnit(index.Indexed, models.Model):
    """A province, district or commune as it existed in a period.

    Districts were abolished and communes merged on 1 July 2025; units from before keep
    their validity period and point at the units that replaced them.
    """

    code = models.CharField(_("mã"), max_length=20)
    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=255, blank=True)
    unit_type = models.CharField(
        _("loại"), max_length=50, help_text=_("Tỉnh, Huyện, Thành phố, Xã, Phường, Thị trấn…")
    )
    level = models.CharField(_("cấp"), max_length=10, choices=UnitLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("trực thuộc"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_until = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successors = models.ManyToManyField(
        "self",
        verbose_name=_("đơn vị sau sắp xếp"),
        symmetrical=False,
        blank=True,
        related_name="predecessors",
    )

    objects = AdministrativeUnitQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("code"),
        FieldPanel("unit_type"),
        FieldPanel("level"),
        FieldPanel("parent"),
        FieldPanel("valid_from"),
        FieldPanel("valid_until"),
        FieldPanel("successors"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["level", "name"]
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="unit_unique_code_from")
        ]

    def __str__(self) -> str:
        label = self.name
        if self.parent_id and self.level == UnitLevel.COMMUNE:
            label = f"{self.name}, {self.parent.short_name or self.parent.name}"
        if self.valid_until:
            label += f" (đến {self.valid_until:%d/%m/%Y})"
        return label


class Person(index.Indexed, models.Model):
    name = models.CharField(_("họ và tên"), max_length=255)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)

    panels = [FieldPanel("name"), FieldPanel("position")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("người")
        verbose_name_plural = _("người")

    def __str__(self) -> str:
        return f"{self.name}, {self.position}" if self.position else self.name


class Field(models.Model):
    name = models.CharField(_("tên lĩnh vực"), max_length=100, unique=True)
    slug = models.SlugField(_("mã"), max_length=100, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")

    def __str__(self) -> str:
        return self.name
