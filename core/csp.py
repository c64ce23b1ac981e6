"""The Content-Security-Policy of every response (django-csp 4).

The site's policy (settings.CONTENT_SECURITY_POLICY) allows scripts, styles, fonts and
images from this origin only: no inline script or style, no `style=""`, no `on…=""`
handler, so an injected `<script>` or `onerror=` in an article body or a search term does
nothing. An article's JSON-LD block is data, never run, which CSP does not govern.

The Wagtail admin (/admin/) gets the site's policy with ADMIN_LOOSENED on top. Wagtail 8 is
not yet compatible with a strict policy (its roadmap item "Content Security Policy
compatibility", wagtail/wagtail#1288 and #7053, is open); measured in Chromium with the
site's policy on the admin (tests/browser/test_csp_browser.py): the dashboard is clean, but
the page explorer runs two inline <script> blocks and the page editor's vendor.js inserts
<style> elements. Overriding Wagtail's templates to add nonces would not reach the styles
its scripts insert, and would break at each upgrade. So on /admin/ only, script-src and
style-src add 'unsafe-inline' (and no nonce, which would make browsers ignore it).
Everything else stays as strict as on the site: this origin only, no plugins, no framing
by other sites, forms posted only here. The admin is reached only by signed-in staff; the
login and password reset pages, open to anyone, keep the strict policy (LOGIN_PATHS).
"""

from __future__ import annotations

from typing import Any

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

ADMIN_LOOSENED: dict[str, Any] = {
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    # Image previews the admin builds in the browser before upload.
    "img-src": [SELF, "data:", "blob:"],
}

ADMIN_PREFIX = "/admin/"
# Pages under /admin/ that anyone may open: Wagtail writes no inline script there.
LOGIN_PATHS = ("/admin/login/", "/admin/password_reset/")


def admin_policy() -> dict[str, Any]:
    """The directives of the admin's policy: the site's, script and style loosened."""
    return {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], **ADMIN_LOOSENED}


def uses_admin_policy(path: str) -> bool:
    return path.startswith(ADMIN_PREFIX) and not path.startswith(LOGIN_PATHS)


class SitePolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with admin_policy() in place of the site's on the admin."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and uses_admin_policy(request.path_info):
            parts.config = admin_policy()
            parts.nonce = None
        return parts
