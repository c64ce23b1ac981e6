"""The site's one open-data API (/api/v1/).

Apps add their routers here. Every error takes the shape core.api_errors defines
({"error": {"code", "message", "field"}}), so a client handles reports, recommendations
and search the same way.

Interactive docs live at /api/v1/docs. With "ninja" in INSTALLED_APPS, Swagger UI's
script and styles come from ninja's own static files, not a CDN, so the page works on the
offline intranet. The OpenAPI schema is served at /api/v1/openapi.json.
"""

from __future__ import annotations

from ninja import NinjaAPI

from core.api_errors import install_error_handlers
from reports.api.routes import router as reports_router
from search.api import router as search_router

api = NinjaAPI(
    title="API dữ liệu mở HĐND tỉnh",
    version="1",
    urls_namespace="api-v1",
    description=(
        "Dữ liệu mở, chỉ đọc, về hoạt động giám sát của HĐND tỉnh: báo cáo giám sát, "
        "kiến nghị và tình trạng thực hiện; tìm kiếm trong tin tức, báo cáo và kiến nghị. "
        "Chỉ gồm nội dung đã công bố công khai."
    ),
    docs_url="/docs",
)
install_error_handlers(api)
api.add_router("", reports_router)
api.add_router("", search_router)
