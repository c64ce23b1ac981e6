"""Admin screens for following up recommendations: the overdue panel, a staff list and a
quick form to record a status update without opening the whole report."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput
from wagtail.documents.widgets import AdminDocumentChooser
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..enums import RecommendationStatus
from ..models import Recommendation, RecommendationUpdate
from ..tracker.queries import (
    TrackerChoices,
    attach_addressees,
    filter_recommendations,
    with_relations,
)
from .update_approval import record

PANEL_LIMIT = 10
LIST_PER_PAGE = 50


def can_record_updates(user) -> bool:
    """Editors and approvers (anyone who may edit pages) and superusers.

    The quick form checks the specific report again; this coarse test only decides
    whether to show the panel, the menu item and the links on the public tracker.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.has_perm(
        "wagtailadmin.access_admin"
    ) and PagePermissionPolicy().user_has_any_permission(user, {"change", "publish"})


def live_recommendations():
    """What staff follow up: recommendations of published reports, private ones included."""
    return Recommendation.objects.filter(report__live=True)


def overdue_recommendations(today: date, limit: int = PANEL_LIMIT) -> list[Recommendation]:
    """The recommendations furthest past their deadline on `today`, with days overdue."""
    items = list(
        with_relations(live_recommendations().overdue(today)).order_by("deadline", "pk")[:limit]
    )
    attach_addressees(items, TrackerChoices())
    for item in items:
        item.days_overdue = (today - item.deadline).days
    return items


class OverdueRecommendationsPanel(Component):
    """Dashboard panel "Kiến nghị quá hạn"."""

    name = "overdue_recommendations"
    order = 140  # above Wagtail's own panels: overdue work is the most pressing
    template_name = "reports/admin/overdue_panel.html"

    def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        request = (parent_context or {}).get("request")
        today = timezone.localdate()  # one date for the rows and the total, even at midnight
        return {
            "recommendations": overdue_recommendations(today),
            "total_overdue": live_recommendations().overdue(today).count(),
            "list_url": reverse("reports_followup") + "?overdue=1",
            "next_url": request.get_full_path() if request else "",
        }


class RecommendationUpdateForm(forms.ModelForm):
    class Meta:
        model = RecommendationUpdate
        fields = ["status", "date", "note", "evidence", "source_text"]
        widgets = {
            "date": AdminDateInput,
            "evidence": AdminDocumentChooser,
            "note": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "date": gettext_lazy("Ngày cơ quan thực hiện hoặc báo cáo kết quả."),
            "evidence": gettext_lazy("Văn bản chứng minh (nếu có), chọn từ thư viện tài liệu."),
        }

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("Ngày cập nhật không được sau ngày hôm nay."))
        return day


def safe_next(request: HttpRequest, fallback: str) -> str:
    """Go back where the editor came from, but only to this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else fallback


class StaffOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_record_updates(request.user):
            raise PermissionDenied  # Wagtail turns this into a message and a redirect
        return super().dispatch(request, *args, **kwargs)


class FollowUpListView(StaffOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """All recommendations of published reports, filterable like the public tracker."""

    template_name = "reports/admin/followup_list.html"
    page_title = gettext_lazy("Theo dõi kiến nghị")
    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        choices = TrackerChoices()
        queryset, filters, counts = filter_recommendations(
            self.request.GET, base=live_recommendations(), choices=choices
        )
        if filters.overdue:
            queryset = queryset.order_by("deadline", "pk")  # most overdue first
        paginator = Paginator(with_relations(queryset), LIST_PER_PAGE)
        paginator.count = counts.total  # same set as the summary's aggregate: no extra COUNT
        page_obj = paginator.get_page(self.request.GET.get("page"))
        items = list(page_obj.object_list)
        attach_addressees(items, choices)
        context.update(
            {
                "filters": filters,
                "filter_querystring": filters.querystring(),
                "status_choices": RecommendationStatus.choices,
                "recommendations": items,
                "page_obj": page_obj,
                "total": paginator.count,
                "overdue_total": counts.overdue,
                "next_url": self.request.get_full_path(),
                "public_tracker": self._public_tracker_url(),
            }
        )
        return context

    def _public_tracker_url(self) -> str | None:
        from ..models import RecommendationTrackerPage

        tracker = RecommendationTrackerPage.objects.live().first()
        return tracker.get_url(self.request) if tracker else None


class RecordUpdateView(StaffOnlyMixin, WagtailAdminTemplateMixin, FormView):
    """Record one dated status step; the recommendation's status follows the latest step."""

    template_name = "reports/admin/record_update.html"
    form_class = RecommendationUpdateForm
    page_title = gettext_lazy("Cập nhật tình trạng kiến nghị")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        self.recommendation = get_object_or_404(
            Recommendation.objects.select_related("report", "report__supervising_body"),
            pk=kwargs["pk"],
        )
        if request.user.is_authenticated and not (
            self.recommendation.report.permissions_for_user(request.user).can_edit()
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("reports_followup"), "label": _("Theo dõi kiến nghị")},
            {"url": "", "label": self.page_title},
        ]

    def get_initial(self) -> dict[str, Any]:
        return {"date": timezone.localdate(), "status": self.recommendation.status}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attach_addressees([self.recommendation], TrackerChoices())
        context.update(
            {
                "recommendation": self.recommendation,
                "history": self.recommendation.updates.select_related(
                    "recorded_by", "evidence", "source_report"
                ).order_by(F("date").desc(), "-pk"),
                "action_url": self.request.get_full_path(),
                "submit_button_label": _("Ghi nhận"),
                "submit_button_active_label": _("Đang ghi nhận…"),
                "media": context["form"].media,
                "next_url": safe_next(self.request, ""),
            }
        )
        return context

    def form_valid(self, form: RecommendationUpdateForm) -> HttpResponse:
        update = form.save(commit=False)
        update.recommendation = self.recommendation
        if not record(update, self.request.user):
            messages.success(
                self.request,
                _(
                    "Đã gửi tình trạng “%(status)s” ngày %(day)s của kiến nghị “%(text)s” "
                    "để lãnh đạo duyệt. Trang công khai chỉ thay đổi khi được duyệt."
                )
                % {
                    "status": update.get_status_display(),
                    "day": f"{update.date:%d/%m/%Y}",
                    "text": self.recommendation,
                },
            )
            return HttpResponseRedirect(safe_next(self.request, reverse("reports_followup")))
        self.recommendation.refresh_from_db(fields=["status", "status_date"])
        messages.success(
            self.request,
            _("Đã ghi nhận tình trạng “%(status)s” ngày %(day)s cho kiến nghị “%(text)s”.")
            % {
                "status": update.get_status_display(),
                "day": f"{update.date:%d/%m/%Y}",
                "text": self.recommendation,
            },
        )
        if self.recommendation.status_date and self.recommendation.status_date > update.date:
            # An older step goes into the history without changing the current status.
            messages.warning(
                self.request,
                _("Tình trạng hiện tại vẫn là “%(status)s” vì đã có cập nhật ngày %(day)s.")
                % {
                    "status": self.recommendation.get_status_display(),
                    "day": f"{self.recommendation.status_date:%d/%m/%Y}",
                },
            )
        return HttpResponseRedirect(safe_next(self.request, reverse("reports_followup")))


followup_list = FollowUpListView.as_view()
record_update = RecordUpdateView.as_view()
followup_url = reverse_lazy("reports_followup")
